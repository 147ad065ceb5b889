package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recoupeCLI runs the command line in-process and returns its outputs and
// exit code.
func recoupeCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(t.Context(), args, func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String() + errString(err), exitCode(err)
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// The article below is fictional, written for this test.
const fictional = "Une fromagerie fictive ouvre à Valbrune\n\nLa coopérative Lait d'Estive, inventée pour ce test, ouvre le 3 mai 2031 une fromagerie de 12 salariés à Valbrune.\n"

func TestCLIFlagsAfterArguments(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "fromagerie.txt")
	if err := os.WriteFile(in, []byte(fictional), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "x.db")
	out, errOut, code := recoupeCLI(t, "ingest", in, "--db", db, "--format", "json")
	if code != exitOK || !strings.Contains(out, `"ingested": 1`) {
		t.Fatalf("ingest FILE --db DB = %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("the flag after the input was not read: %v", err)
	}
	// "--" ends the flags.
	if _, _, code := recoupeCLI(t, "ingest", "--db", db, "--", "--not-a-flag.txt"); code != exitFailure {
		t.Errorf("ingest -- --not-a-flag.txt = %d, want %d (nothing ingested)", code, exitFailure)
	}
}

func TestCLIReadCommandsNeedAStore(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{
		{"stories", "--db", missing},
		{"brief", "--db", missing, "s0123456789ab"},
		{"move", "--db", missing, "0123456789abcdef"},
		{"entities", "--db", missing, "Estive"},
	} {
		_, errOut, code := recoupeCLI(t, args...)
		if code != exitFailure || !strings.Contains(errOut, "no store at") {
			t.Errorf("%v = %d %q, want a failure naming the missing store", args, code, errOut)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v created %s", args, missing)
		}
	}
}

func TestCLIMove(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "fromagerie.txt")
	if err := os.WriteFile(in, []byte(fictional), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "m.db")
	out, errOut, code := recoupeCLI(t, "ingest", "--db", db, "--format", "json", in)
	if code != exitOK {
		t.Fatalf("ingest = %d %s", code, errOut)
	}
	id := between(out, `"articles": [`, `]`)
	id = strings.Trim(strings.TrimSpace(id), `"`)
	story := strings.Trim(strings.TrimSpace(between(out, `"stories": [`, `]`)), `"`)
	if id == "" || story == "" {
		t.Fatalf("no article or story in the report:\n%s", out)
	}
	split, errOut, code := recoupeCLI(t, "move", "--db", db, id)
	split = strings.TrimSpace(split)
	// The story's only article: a split leaves it, and its story, as is.
	if code != exitOK || split != story || !strings.Contains(errOut, "nothing moved") {
		t.Fatalf("move ARTICLE = %d %q %q, want its story %s unchanged, and a notice", code, split, errOut, story)
	}
	if same, errOut, code := recoupeCLI(t, "move", "--db", db, id, story); code != exitOK || strings.TrimSpace(same) != story || !strings.Contains(errOut, "already in story") {
		t.Errorf("move ARTICLE ITS-STORY = %d %q %q, want its story and a notice", code, same, errOut)
	}
	// The 12 characters the Markdown brief shows name the article too.
	if same, errOut, code := recoupeCLI(t, "move", "--db", db, id[:12], story); code != exitOK || strings.TrimSpace(same) != story || !strings.Contains(errOut, id) {
		t.Errorf("move PREFIX ITS-STORY = %d %q %q, want the article %s resolved", code, same, errOut, id)
	}
	if md, _, _ := recoupeCLI(t, "brief", "--db", db, story); !strings.Contains(md, "article `"+id[:12]+"`") {
		t.Errorf("the brief does not show the article's short ID %s:\n%s", id[:12], md)
	}
	if _, errOut, code := recoupeCLI(t, "move", "--db", db, "zzzzzzzz", story); code != exitFailure || !strings.Contains(errOut, "not found") {
		t.Errorf("move of an unknown prefix = %d %q, want a not-found failure", code, errOut)
	}
	if _, errOut, code := recoupeCLI(t, "move", "--db", db, id, story[:len(story)-1]); code != exitFailure || !strings.Contains(errOut, "not found") {
		t.Errorf("move into a mistyped story = %d %q, want a not-found failure", code, errOut)
	}
}

func between(s, from, to string) string {
	_, s, _ = strings.Cut(s, from)
	s, _, _ = strings.Cut(s, to)
	return s
}

func TestCLIBadFlagValues(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	in := filepath.Join(t.TempDir(), "fromagerie.txt")
	if err := os.WriteFile(in, []byte(fictional), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := recoupeCLI(t, "ingest", "--db", db, in); code != exitOK {
		t.Fatalf("ingest = %d %s", code, errOut)
	}
	for _, args := range [][]string{
		{"stories", "--db", db, "--limit", "0"},
		{"stories", "--db", db, "--offset", "-5"},
		{"stories", "--db", db, "--log-level", "loud"},
		{"stories", "--db", db, "--format", "xml"},
		{"entities", "--db", db},
		{"stories", "--db", db, "Lyon"},
		{"serve", "--db", db, "extra"},
		{"entities", "--db", db, "--limit", "0", "Estive"},
		{"stories", "--db", db, "--from", "mai 2031"},
		{"stories", "--db", db, "--from", "2031-06", "--to", "2031-05"},
		{"stories", "--db", db, "--lang", "english"},
	} {
		if _, errOut, code := recoupeCLI(t, args...); code != exitUsage {
			t.Errorf("%v = %d %q, want %d", args, code, errOut, exitUsage)
		}
	}
	bogus := func(k string) string {
		if k == "RECOUPE_LOG_LEVEL" {
			return "loud"
		}
		return ""
	}
	var out, errOut bytes.Buffer
	if err := run(t.Context(), []string{"stories", "--db", db}, bogus, strings.NewReader(""), &out, &errOut); exitCode(err) != exitUsage || !strings.Contains(errString(err), "RECOUPE_LOG_LEVEL") {
		t.Errorf("stories with $RECOUPE_LOG_LEVEL=loud = %d %q, want a usage error naming the variable", exitCode(err), errString(err))
	}
	if _, errOut, code := recoupeCLI(t, "brief", "--db", db, filepath.Join("typo", "fromagerie.tx")); code != exitFailure || !strings.Contains(errOut, "no such file, folder or story") {
		t.Errorf("brief of a mistyped file = %d %q, want a failure saying no such file", code, errOut)
	}
	// A known story and a mistyped one: the known one's brief is written,
	// and the run fails naming the other.
	list, _, _ := recoupeCLI(t, "stories", "--db", db, "--format", "jsonl")
	var st struct{ ID string }
	if err := json.Unmarshal([]byte(strings.SplitN(list, "\n", 2)[0]), &st); err != nil || st.ID == "" {
		t.Fatalf("stories: %q, %v", list, err)
	}
	if out, errOut, code := recoupeCLI(t, "brief", "--db", db, st.ID, "snope"); code != exitFailure || !strings.Contains(out, "Story `"+st.ID+"`") || !strings.Contains(errOut, "snope") {
		t.Errorf("brief KNOWN snope = %d, stdout %q, stderr %q; want the known story's brief and a failure naming snope", code, out, errOut)
	}
	if _, errOut, code := recoupeCLI(t, "move", "--db", db, "0123456789abcdef"); code != exitFailure || strings.Contains(errOut, "sqlite") || !strings.Contains(errOut, "not found") {
		t.Errorf("move of an unknown article = %d %q, want a not-found failure that does not talk about the store", code, errOut)
	}
	// A second, dated fictional article: the date filters keep it or not.
	dated := filepath.Join(t.TempDir(), "voile.txt")
	if err := os.WriteFile(dated, []byte("date 2031-11-20\nJeanne Roc gagne la course fictive des Deux Caps\n\nLa navigatrice a gagné dimanche à Vasque.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := recoupeCLI(t, "ingest", "--db", db, dated); code != exitOK {
		t.Fatalf("ingest = %d %s", code, errOut)
	}
	for _, tt := range []struct {
		from, to string
		total    int
	}{{"2031-11", "2031-11-30", 1}, {"2031-11-21", "", 0}, {"", "2031-10", 0}, {"2031", "", 1}} {
		if out, errOut, code := recoupeCLI(t, "stories", "--db", db, "--from", tt.from, "--to", tt.to, "--format", "json"); code != exitOK || !strings.Contains(out, fmt.Sprintf(`"total": %d`, tt.total)) {
			t.Errorf("stories --from %q --to %q = %d %s %s, want %d stories", tt.from, tt.to, code, out, errOut, tt.total)
		}
	}
	if out, errOut, code := recoupeCLI(t, "stories", "--db", db, "--lang", "FR", "--format", "json"); code != exitOK || !strings.Contains(out, `"total": 2`) {
		t.Errorf("stories --lang FR = %d %s %s, want the two French stories", code, out, errOut)
	}
}

func TestCLIEntities(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "fromagerie.txt")
	if err := os.WriteFile(in, []byte(fictional), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "e.db")
	if _, errOut, code := recoupeCLI(t, "ingest", "--db", db, in); code != exitOK {
		t.Fatalf("ingest = %d %s", code, errOut)
	}
	out, errOut, code := recoupeCLI(t, "entities", "--db", db, "--format", "jsonl", "valbrune")
	if code != exitOK || !strings.Contains(out, `"name":"Valbrune"`) || strings.Count(out, "\n") != 1 {
		t.Errorf("entities valbrune = %d %q %s, want Valbrune on one JSON line", code, out, errOut)
	}
	out, _, code = recoupeCLI(t, "entities", "--db", db, "Personne", "Inconnue")
	if code != exitOK || !strings.Contains(out, "0 entities") {
		t.Errorf("entities of an unknown name = %d %q, want an empty table", code, out)
	}
}

// TestCLIStoriesPageNotice checks that a JSON Lines listing cut by -limit
// says so on standard error (its lines have no room for the total), and
// stays quiet when it lists everything.
func TestCLIStoriesPageNotice(t *testing.T) {
	dir := t.TempDir()
	// Fictional, unrelated to the fromagerie: a second story.
	other := "Le tramway de Corbelin prolongé\n\nLa ville fictive de Corbelin prolongera en 2032 son tramway de quatre stations vers le quartier des Aulnes.\n"
	for name, text := range map[string]string{"fromagerie.txt": fictional, "tram.txt": other} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "p.db")
	if _, errOut, code := recoupeCLI(t, "ingest", "--db", db, dir); code != exitOK {
		t.Fatalf("ingest = %d %s", code, errOut)
	}
	out, errOut, code := recoupeCLI(t, "stories", "--db", db, "--format", "jsonl", "--limit", "1")
	if code != exitOK || strings.Count(out, "\n") != 1 || !strings.Contains(errOut, "1–1 of 2") {
		t.Errorf("stories -limit 1 = %d, %d lines, stderr %q; want 1 line and a notice of 1–1 of 2", code, strings.Count(out, "\n"), errOut)
	}
	out, errOut, code = recoupeCLI(t, "stories", "--db", db, "--format", "jsonl")
	if code != exitOK || strings.Count(out, "\n") != 2 || errOut != "" {
		t.Errorf("stories = %d, %d lines, stderr %q; want 2 lines and no notice", code, strings.Count(out, "\n"), errOut)
	}
}
