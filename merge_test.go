package recoupe_test

import (
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recoupe/recoupe"
	"github.com/recoupe/recoupe/internal/server"
	"github.com/recoupe/recoupe/internal/story"
	"github.com/recoupe/recoupe/news"
	"github.com/recoupe/recoupe/web"

	_ "modernc.org/sqlite"
)

// The articles below are FICTIONAL, written for this test: the town, the
// river and the mayor do not exist. Two tell of a bridge closed after a
// flood; the third, of a market in the same town, is unlike enough to open
// its own story, and alike enough (same town, mayor, river) to be merged
// with the bridge story under the low merge threshold the test sets.
var mergeArticles = map[string]string{
	"pont-1.txt": "Le pont Saint-Loup de Valdrune fermé après la crue\n\n" +
		"La mairie de Valdrune a fermé mardi le pont Saint-Loup, fragilisé par la crue de la Mirelle. " +
		"Les ingénieurs de la ville inspecteront les piles du pont Saint-Loup cette semaine. " +
		"La maire, Odile Carvenne, promet une réouverture du pont avant l'été.\n",
	"marche.txt": "Valdrune : le marché aux truffes déplacé\n\n" +
		"Le marché aux truffes de Valdrune se tiendra samedi place des Tilleuls, annonce Odile Carvenne. " +
		"Les producteurs de la vallée de la Mirelle attendent quarante exposants et des dégustations.\n",
	"pont-2.txt": "Valdrune : le pont Saint-Loup restera fermé un mois\n\n" +
		"Le pont Saint-Loup, fermé mardi à Valdrune après la crue de la Mirelle, restera fermé au moins un mois, " +
		"selon les ingénieurs de la ville qui inspectent ses piles. Odile Carvenne, maire de Valdrune, " +
		"a présenté une déviation par le pont de la gare.\n",
	"pont-3.txt": "Pont Saint-Loup : les travaux commencent à Valdrune\n\n" +
		"Les travaux de consolidation des piles du pont Saint-Loup, fermé depuis la crue de la Mirelle, " +
		"ont commencé jeudi à Valdrune. La maire Odile Carvenne espère rouvrir le pont Saint-Loup avant l'été.\n",
}

func TestAutomaticMergeIsStoredAndManualMovesKept(t *testing.T) {
	for name, newDB := range stores(t) {
		t.Run(name, func(t *testing.T) { testAutomaticMerge(t, newDB(t)) })
	}
}

func testAutomaticMerge(t *testing.T, db string) {
	dir := t.TempDir()
	for name, text := range mergeArticles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A low merge threshold, so that the market story merges into the
	// bridge story once the second bridge article joins it; a high join
	// threshold, so that the market article opens its own story first.
	cfg := recoupe.Config{DB: db, Workers: 1, Story: story.Options{
		Thresholds: map[string]float64{"fr": 0.3}, MergeFactor: 0.1,
	}}
	openCfg := func() *recoupe.Engine {
		t.Helper()
		e, err := recoupe.Open(t.Context(), cfg)
		if err != nil {
			t.Fatalf("Open(%s): %v", db, err)
		}
		return e
	}
	ids := map[string]string{}
	ingest := func(e *recoupe.Engine, name string) news.IngestReport {
		t.Helper()
		rep, err := e.Ingest(t.Context(), []string{filepath.Join(dir, name)}, nil)
		if err != nil || rep.Ingested != 1 {
			t.Fatalf("Ingest(%s) = %+v, %v; want 1 ingested", name, rep, err)
		}
		ids[name] = rep.Articles[0]
		return rep
	}
	storyOf := func(e *recoupe.Engine, name string) string {
		t.Helper()
		s, err := e.StoryOf(t.Context(), ids[name])
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// why returns the explanation of an article's place in its story.
	why := func(e *recoupe.Engine, name string) news.Assignment {
		t.Helper()
		b, err := e.Brief(t.Context(), storyOf(e, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, as := range b.Why {
			if as.ArticleID == ids[name] {
				return as
			}
		}
		t.Fatalf("the brief of %s does not explain it: %+v", name, b.Why)
		return news.Assignment{}
	}
	total := func(e *recoupe.Engine) int {
		t.Helper()
		_, n, err := e.Stories(t.Context(), news.StoryQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	e := openCfg()
	ingest(e, "pont-1.txt")
	rep := ingest(e, "marche.txt")
	if len(rep.Stories) != 1 || rep.Stories[0] == storyOf(e, "pont-1.txt") {
		t.Fatalf("the market article joined the bridge story at once (stories %v): the test needs it apart", rep.Stories)
	}
	market := rep.Stories[0]
	ingest(e, "pont-2.txt")
	bridge := storyOf(e, "pont-1.txt")
	check := func(e *recoupe.Engine, when string) {
		t.Helper()
		for _, n := range []string{"marche.txt", "pont-2.txt"} {
			if s := storyOf(e, n); s != bridge {
				t.Errorf("%s: %s is in story %s, want the merged story %s", when, n, s, bridge)
			}
		}
		if n := total(e); n != 1 {
			t.Errorf("%s: %d stories listed, want 1", when, n)
		}
		w := why(e, "marche.txt")
		m, ok := story.MergeOf(w)
		if !ok || w.Manual || m.Into != bridge || w.Score < w.Threshold || !strings.Contains(m.Reason, "merged story") {
			t.Errorf("%s: the market article's explanation %+v does not give the merge", when, w)
		}
	}
	check(e, "after the merge")
	checkRedirects(t, e, market, bridge)
	e.Close()

	// Reopening replays the stored assignments to the same stories.
	e = openCfg()
	check(e, "after reopening")
	checkRedirects(t, e, market, bridge)

	if strings.HasSuffix(db, ".db") {
		// A crash between storing pont-2's assignment (which records the
		// merge) and moving the market article: undo that move in the
		// file. Opening finishes the merge.
		e.Close()
		undoLastMove(t, db, ids["marche.txt"], market)
		e = openCfg()
		check(e, "after finishing an interrupted merge")
	}

	// A person splits the market article out again; a later bridge
	// article must not merge it back.
	split, err := e.MoveArticle(t.Context(), ids["marche.txt"], "")
	if err != nil {
		t.Fatal(err)
	}
	ingest(e, "pont-3.txt")
	if s := storyOf(e, "pont-3.txt"); s != bridge {
		t.Fatalf("pont-3.txt is in %s, want the bridge story %s", s, bridge)
	}
	if s := storyOf(e, "marche.txt"); s != split {
		t.Errorf("after a manual split and a new article, marche.txt is in %s, want %s (the split)", s, split)
	}
	e.Close()
	e = openCfg()
	defer e.Close()
	if s := storyOf(e, "marche.txt"); s != split {
		t.Errorf("after reopening, marche.txt is in %s, want %s (the split)", s, split)
	}
	if n := total(e); n != 2 {
		t.Errorf("after the split, %d stories listed, want 2", n)
	}
	if w := why(e, "marche.txt"); !w.Manual {
		t.Errorf("the split article's explanation %+v is not manual", w)
	}
}

// undoLastMove removes from the SQLite file at path the last assignment
// of an article (a move) and puts the article back into story, as if the
// process had stopped before that move.
func undoLastMove(t *testing.T, path, articleID, story string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`DELETE FROM assignments WHERE seq = (SELECT max(seq) FROM assignments WHERE article_id = ?1)`,
		`INSERT INTO stories (id, title, updated_us, touched) VALUES (?2, 'interrupted', 0, 0)`,
		`UPDATE articles SET story_id = ?2, joined = (SELECT max(seq) FROM assignments WHERE article_id = ?1) WHERE id = ?1`,
	} {
		if _, err := db.Exec(q, articleID, story); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// More FICTIONAL articles: a second report of the market (it joins the
// market story, which then merges into the bridge story: the story the
// article joined is the one merged away), and two reports of a fair in
// the same town, whose story later merges with the merged story.
var mergeArticlesMore = map[string]string{
	"marche-2.txt": "Le marché aux truffes de Valdrune déménage place des Tilleuls\n\n" +
		"Samedi, le marché aux truffes de Valdrune se tiendra place des Tilleuls, a annoncé Odile Carvenne. " +
		"Quarante exposants de la vallée de la Mirelle sont attendus, avec des dégustations.\n",
	"foire-1.txt": "Valdrune : la foire aux bestiaux aura lieu dimanche\n\n" +
		"La foire aux bestiaux de Valdrune ouvrira dimanche sur le champ de la Mirelle, annonce Odile Carvenne. " +
		"Trois cents éleveurs de la vallée sont attendus.\n",
	"foire-2.txt": "La foire aux bestiaux de Valdrune ouvre dimanche\n\n" +
		"Dimanche, trois cents éleveurs de la vallée viendront à la foire aux bestiaux de Valdrune, sur le champ de la Mirelle, " +
		"selon Odile Carvenne.\n",
}

// TestLiveMergesMatchRestart checks that an engine that made automatic
// merges itself keeps merging as one that replays them from the store:
// its own merge moves must not be taken for a person's, which would pin
// the stories against later merges.
func TestLiveMergesMatchRestart(t *testing.T) {
	dir := t.TempDir()
	for name, text := range mergeArticles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range mergeArticlesMore {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	order := []string{"pont-1.txt", "pont-2.txt", "marche.txt", "marche-2.txt", "foire-1.txt", "foire-2.txt"}
	cfg := func(db string) recoupe.Config {
		return recoupe.Config{DB: db, Workers: 1, Story: story.Options{
			Thresholds: map[string]float64{"fr": 0.3}, MergeFactor: 0.1,
		}}
	}
	// run ingests the articles in order, reopening the store before the
	// article at index restart (none when restart < 0), and returns each
	// article's story and the merges made.
	run := func(restart int) (map[string]string, []string) {
		db := filepath.Join(t.TempDir(), "r.db")
		e, err := recoupe.Open(t.Context(), cfg(db))
		if err != nil {
			t.Fatal(err)
		}
		var merges []string
		ids := map[string]string{}
		for i, name := range order {
			if i == restart {
				e.Close()
				if e, err = recoupe.Open(t.Context(), cfg(db)); err != nil {
					t.Fatal(err)
				}
			}
			rep, err := e.Ingest(t.Context(), []string{filepath.Join(dir, name)}, nil)
			if err != nil || rep.Ingested != 1 {
				t.Fatalf("Ingest(%s) = %+v, %v", name, rep, err)
			}
			ids[name] = rep.Articles[0]
			b, err := e.Brief(t.Context(), rep.Stories[0])
			if err != nil {
				t.Fatal(err)
			}
			for _, as := range b.Why {
				if m, ok := story.MergeOf(as); ok && as.ArticleID == ids[name] {
					merges = append(merges, name+": "+m.Reason)
				}
			}
		}
		defer e.Close()
		stories := map[string]string{}
		for name, id := range ids {
			s, err := e.StoryOf(t.Context(), id)
			if err != nil {
				t.Fatal(err)
			}
			stories[name] = s
		}
		return stories, merges
	}
	live, liveMerges := run(-1)
	for _, restart := range []int{4, 5} {
		got, merges := run(restart)
		if len(merges) < 2 {
			t.Fatalf("restarting before %s, merges %q; the test needs the market and the fair merged", order[restart], merges)
		}
		if !maps.Equal(got, live) || len(merges) != len(liveMerges) {
			t.Errorf("restarting before %s: stories %v, merges %q; one run: %v, merges %q",
				order[restart], got, merges, live, liveMerges)
		}
	}
}

// checkRedirects checks that a story merged away answers with its
// successor: the engine names it, and the page and the API redirect there.
func checkRedirects(t *testing.T, e *recoupe.Engine, from, into string) {
	t.Helper()
	if got, ok := e.MergedInto(t.Context(), from); !ok || got != into {
		t.Errorf("MergedInto(%s) = %s, %v; want %s, true", from, got, ok, into)
	}
	if got, ok := e.MergedInto(t.Context(), into); ok {
		t.Errorf("MergedInto(%s) = %s, true; want false (it was not merged)", into, got)
	}
	h, err := server.New(slog.New(slog.NewTextHandler(io.Discard, nil)), e, web.FS, server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/stories/%s", "/api/stories/%s", "/api/stories/%s/export.md"} {
		resp, err := client.Get(srv.URL + fmt.Sprintf(path, from))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if want := fmt.Sprintf(path, into); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != want {
			t.Errorf("GET %s = %d to %q, want 302 to %s", fmt.Sprintf(path, from), resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
}
