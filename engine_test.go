package recoupe_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/recoupe/recoupe"
	"github.com/recoupe/recoupe/internal/store/postgres/pgtest"
	"github.com/recoupe/recoupe/news"
)

// The articles in testdata/fictional are invented: three tell of one
// stadium sale (two in French, one in English; they disagree on the
// price), one of a volcano.

func open(t *testing.T, db string) *recoupe.Engine {
	t.Helper()
	e, err := recoupe.Open(t.Context(), recoupe.Config{DB: db, Workers: 2})
	if err != nil {
		t.Fatalf("Open(%s): %v", db, err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func storyOf(t *testing.T, e *recoupe.Engine, name string) string {
	t.Helper()
	list, _, err := e.Stories(t.Context(), news.StoryQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		b, err := e.Brief(t.Context(), s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range b.Articles {
			if a.Article == name {
				return s.ID
			}
		}
	}
	t.Fatalf("article %s is in no story", name)
	return ""
}

// stores returns a fresh database for each kind of persistent store:
// a SQLite file, and a PostgreSQL schema when RECOUPE_TEST_POSTGRES is set.
func stores(t *testing.T) map[string]func(t *testing.T) string {
	m := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return filepath.Join(t.TempDir(), "r.db") },
	}
	if os.Getenv(pgtest.EnvDSN) != "" {
		m["postgres"] = func(t *testing.T) string { return pgtest.DSN(t) }
	} else {
		t.Log("RECOUPE_TEST_POSTGRES is not set: PostgreSQL variants skipped")
	}
	return m
}

func TestIngestIsIdempotent(t *testing.T) {
	for name, newDB := range stores(t) {
		t.Run(name, func(t *testing.T) { testIngestIsIdempotent(t, newDB(t)) })
	}
}

func testIngestIsIdempotent(t *testing.T, db string) {
	e := open(t, db)
	rep, err := e.Ingest(t.Context(), []string{"testdata/fictional"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Ingested != 4 || rep.Duplicates != 0 || len(rep.Skipped) != 0 {
		t.Fatalf("first run = %+v, want 4 ingested", rep)
	}
	again, err := e.Ingest(t.Context(), []string{"testdata/fictional", "testdata/fictional/brume-1.txt"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Ingested != 0 || again.Duplicates != 5 {
		t.Errorf("second run = %+v, want 0 ingested and 5 duplicates", again)
	}
	slices.Sort(rep.Stories)
	slices.Sort(again.Stories)
	if !slices.Equal(rep.Stories, again.Stories) {
		t.Errorf("stories changed: %v then %v", rep.Stories, again.Stories)
	}
}

func TestStoriesAndBrief(t *testing.T) {
	e := open(t, recoupe.MemoryDB)
	if _, err := e.Ingest(t.Context(), []string{"testdata/fictional"}, nil); err != nil {
		t.Fatal(err)
	}
	s1, s2, s3 := storyOf(t, e, "brume-1.txt"), storyOf(t, e, "brume-2.txt"), storyOf(t, e, "brume-3.txt")
	if s1 != s2 || s1 != s3 {
		t.Errorf("the stadium articles are in stories %s, %s, %s; want one", s1, s2, s3)
	}
	if v := storyOf(t, e, "volcan.txt"); v == s1 {
		t.Errorf("the volcano joined the stadium story")
	}
	page, total, err := e.Stories(t.Context(), news.StoryQuery{Limit: 1, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || len(page) != 1 {
		t.Errorf("Stories(limit 1, offset 1) = %d stories of %d, want 1 of 2", len(page), total)
	}
	if fr, n, _ := e.Stories(t.Context(), news.StoryQuery{Language: "en"}); n != 1 || fr[0].ID != s1 {
		t.Errorf("Stories(lang en) = %d stories, want the stadium story only", n)
	}
	b, err := e.Brief(t.Context(), s1)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entities) == 0 {
		t.Fatal("the stadium story has no entity")
	}
	for _, tc := range []struct {
		q    news.StoryQuery
		want []string
	}{
		{news.StoryQuery{Entity: b.Entities[0].Name}, []string{s1}},
		{news.StoryQuery{Entity: strings.ToUpper(b.Entities[0].Name), Language: "en"}, []string{s1}},
		{news.StoryQuery{Entity: b.Entities[0].Name, Language: "xx"}, nil},
		{news.StoryQuery{Entity: "Zzyzx Personne"}, nil},
		// A name's words, in any order, find it, as `recoupe entities` does.
		{news.StoryQuery{Entity: "roc"}, []string{s1}},
		{news.StoryQuery{Entity: "Roc Jeanne"}, []string{s1}},
		{news.StoryQuery{Entity: "Jeanne Zzyzx"}, nil},
	} {
		list, n, err := e.Stories(t.Context(), tc.q)
		var got []string
		for _, s := range list {
			got = append(got, s.ID)
		}
		if err != nil || n != len(tc.want) || !slices.Equal(got, tc.want) {
			t.Errorf("Stories(%+v) = %v (total %d), %v; want %v", tc.q, got, n, err, tc.want)
		}
	}
	var price *news.Check
	for i, f := range b.Facts {
		for _, c := range f.Sources {
			if strings.HasPrefix(c.Text, "44 millions") {
				price = &b.Facts[i]
			}
		}
	}
	if price == nil || price.Status != news.Conflict {
		t.Fatalf("the price (54 vs 44 millions) is not a conflict: %+v", b.Facts)
	}
	for _, f := range b.Facts {
		if f.Status == news.Conflict && f.Kind == news.KindMoney && f.Value < 20e6 {
			t.Errorf("works budget (environ / près de 12 millions) flagged as a conflict: %+v", f)
		}
	}
	for _, f := range b.Facts {
		for _, c := range f.Sources {
			a, _, err := e.Article(t.Context(), c.ArticleID)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text[c.Start:c.End] != c.Text {
				t.Errorf("citation %+v does not match the article's bytes %q", c, a.Text[c.Start:c.End])
			}
			if strings.Contains(c.Text, "lire") {
				t.Errorf("fact from page furniture: %+v", c)
			}
		}
	}
}

func TestBadInputsAreSkipped(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.txt":   nil,
		"binary.txt":  {0x00, 0x01, 0x02, 0xff, 0x00, 0x10},
		"invalid.txt": []byte("Le club \xff\xfe a gagné.\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile("testdata/fictional/volcan.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	e := open(t, recoupe.MemoryDB)
	rep, err := e.Ingest(t.Context(), []string{dir, filepath.Join(dir, "missing.txt")}, nil)
	if err != nil {
		t.Fatalf("Ingest: %v (bad inputs must be skipped, not abort the batch)", err)
	}
	if rep.Ingested != 1 {
		t.Errorf("ingested %d, want 1 (good.txt)", rep.Ingested)
	}
	for _, name := range []string{"empty.txt", "binary.txt", "invalid.txt", "missing.txt"} {
		found := false
		for _, s := range rep.Skipped {
			if strings.Contains(s.Origin, name) && s.Reason != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("%s not reported as skipped: %+v", name, rep.Skipped)
		}
	}
}

// The store's own files in an ingested folder are not inputs.
func TestStoreFilesAreNoInput(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/fictional/volcan.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	e := open(t, filepath.Join(dir, "news.db"))
	for range 2 {
		rep, err := e.Ingest(t.Context(), []string{dir}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Skipped) != 0 || rep.Ingested+rep.Duplicates != 1 {
			t.Errorf("report %+v: want good.txt alone, the store's files left out", rep)
		}
	}
}

func TestReopenKeepsStories(t *testing.T) {
	for name, newDB := range stores(t) {
		t.Run(name, func(t *testing.T) { testReopenKeepsStories(t, newDB(t)) })
	}
}

func testReopenKeepsStories(t *testing.T, db string) {
	e := open(t, db)
	if _, err := e.Ingest(t.Context(), []string{"testdata/fictional/brume-1.txt", "testdata/fictional/volcan.txt"}, nil); err != nil {
		t.Fatal(err)
	}
	before := storyOf(t, e, "brume-1.txt")
	e.Close()
	e2 := open(t, db)
	if _, err := e2.Ingest(t.Context(), []string{"testdata/fictional/brume-2.txt"}, nil); err != nil {
		t.Fatal(err)
	}
	if got := storyOf(t, e2, "brume-2.txt"); got != before {
		t.Errorf("after reopening, brume-2 went to story %s, want %s (brume-1's)", got, before)
	}
}

func TestTwoEnginesShareOneStore(t *testing.T) {
	for name, newDB := range stores(t) {
		t.Run(name, func(t *testing.T) { testTwoEnginesShareOneStore(t, newDB(t)) })
	}
}

func testTwoEnginesShareOneStore(t *testing.T, db string) {
	a, b := open(t, db), open(t, db)
	inputs := []string{"testdata/fictional/brume-1.txt", "testdata/fictional/brume-2.txt", "testdata/fictional/brume-3.txt", "testdata/fictional/volcan.txt"}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, e := range []*recoupe.Engine{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = e.Ingest(t.Context(), inputs, nil)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	arts, err := a.Store().Articles(t.Context(), news.ArticleQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 4 {
		t.Errorf("store holds %d articles, want 4 (each once)", len(arts))
	}
	if sa, sb := storyOf(t, a, "brume-3.txt"), storyOf(t, b, "brume-1.txt"); sa != sb {
		t.Errorf("engines disagree: brume-3 in %s, brume-1 in %s", sa, sb)
	}
}

func TestMoveArticle(t *testing.T) {
	e := open(t, recoupe.MemoryDB)
	if _, err := e.Ingest(t.Context(), []string{"testdata/fictional"}, nil); err != nil {
		t.Fatal(err)
	}
	stadium := storyOf(t, e, "brume-1.txt")
	b, err := e.Brief(t.Context(), stadium)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, a := range b.Articles {
		if a.Article == "brume-3.txt" {
			id = a.ID
		}
	}
	split, err := e.MoveArticle(t.Context(), id, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := storyOf(t, e, "brume-3.txt"); got == stadium || got != split {
		t.Errorf("after a split into %s, brume-3 is in %s (was %s)", split, got, stadium)
	}
	// Splitting the only article off its story changes nothing.
	if again, err := e.MoveArticle(t.Context(), id, ""); err != nil || again != split || storyOf(t, e, "brume-3.txt") != split {
		t.Errorf("split of a story's only article = %q, %v; want it left in %s", again, err, split)
	}
	// A mistyped story ID is refused, and nothing moves.
	if _, err := e.MoveArticle(t.Context(), id, stadium[:len(stadium)-1]); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("move into a missing story: err = %v, want news.ErrNotFound", err)
	}
	if got := storyOf(t, e, "brume-3.txt"); got != split {
		t.Errorf("after a refused move, brume-3 is in %s, want %s", got, split)
	}
	// A merge back into the stadium story.
	if got, err := e.MoveArticle(t.Context(), id, stadium); err != nil || got != stadium || storyOf(t, e, "brume-3.txt") != stadium {
		t.Errorf("merge back = %q, %v; brume-3 in %s, want %s", got, err, storyOf(t, e, "brume-3.txt"), stadium)
	}
}

// TestIngestStopsOnCancel cancels an ingest mid-run: it must return the
// context's error promptly, having stored a consistent prefix.
func TestIngestStopsOnCancel(t *testing.T) {
	dir := writeEvents(t, 60)
	e := open(t, recoupe.MemoryDB)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := e.Ingest(ctx, []string{dir}, func(p recoupe.Progress) {
			if p.Done == 5 {
				cancel()
			}
		})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Ingest after cancel = %v, want context.Canceled", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Ingest did not return after its context was cancelled")
	}
	n := len(partition(t, e))
	if n < 5 || n >= 60 {
		t.Errorf("%d articles stored, want the ones before the cancel (5 or a few more)", n)
	}
}

// TestIngestBytesReasonsNameTheUpload checks that a refused upload's
// reason names the upload, not the server's temporary file.
func TestIngestBytesReasonsNameTheUpload(t *testing.T) {
	e := open(t, recoupe.MemoryDB)
	rep, err := e.IngestBytes(t.Context(), "scan.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) != 1 {
		t.Fatalf("report = %+v, want the upload skipped", rep)
	}
	s := rep.Skipped[0]
	if strings.Contains(s.Origin+s.Reason, "recoupe-upload-") || !strings.Contains(s.Origin, "scan.pdf") {
		t.Errorf("skip = %+v, want it to name scan.pdf and no temporary path", s)
	}
}

// TestWireCopyFromAnotherOutlet checks that the same text published by two
// outlets is two articles of one story, the second a duplicate of the
// first (one independent source), while the same page again is stored
// once. The pages are fictional.
func TestWireCopyFromAnotherOutlet(t *testing.T) {
	for name, newDB := range stores(t) {
		t.Run(name, func(t *testing.T) { testWireCopy(t, newDB(t)) })
	}
}

func testWireCopy(t *testing.T, db string) {
	dir := t.TempDir()
	page := func(outlet, title string) string {
		return `<!doctype html><html><head><meta charset="utf-8"><title>` + title + `</title>
<meta property="og:site_name" content="` + outlet + `"></head><body><article><h1>` + title + `</h1>
<p>La coopérative fictive Lait d'Estive ouvre le 3 mai 2031 une fromagerie de 12 salariés à Valbrune, annonce son président Paul Iraty.</p>
<p>Le chantier a coûté 2,4 millions d'euros, financés pour moitié par la région, a précisé Paul Iraty lors de l'inauguration.</p>
</article></body></html>`
	}
	files := map[string]string{
		"a.html":       page("Le Courrier Fictif", "Une fromagerie ouvre à Valbrune"),
		"b.html":       page("La Gazette Imaginaire", "Une fromagerie ouvre à Valbrune"),
		"a-again.html": page("Le Courrier Fictif", "Une fromagerie ouvre à Valbrune"),
	}
	for n, text := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := open(t, db)
	ingest := func(names ...string) news.IngestReport {
		t.Helper()
		var paths []string
		for _, n := range names {
			paths = append(paths, filepath.Join(dir, n))
		}
		rep, err := e.Ingest(t.Context(), paths, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := ingest("a.html", "b.html"); rep.Ingested != 2 || rep.Near != 1 || len(rep.Stories) != 1 {
		t.Fatalf("two outlets' copies = %+v, want 2 ingested (1 near-duplicate) in one story", rep)
	}
	if rep := ingest("a-again.html", "b.html"); rep.Ingested != 0 || rep.Duplicates != 2 {
		t.Errorf("the same pages again = %+v, want 2 duplicates", rep)
	}
	_, n, err := e.Stories(t.Context(), news.StoryQuery{})
	if err != nil || n != 1 {
		t.Fatalf("%d stories, %v; want 1", n, err)
	}
	list, _, _ := e.Stories(t.Context(), news.StoryQuery{})
	b, err := e.Brief(t.Context(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var outlets []string
	for _, a := range b.Articles {
		outlets = append(outlets, a.Source)
	}
	slices.Sort(outlets)
	if want := []string{"La Gazette Imaginaire", "Le Courrier Fictif"}; !slices.Equal(outlets, want) || b.Independent != 1 {
		t.Errorf("brief outlets %q, %d independent; want %q, 1 independent", outlets, b.Independent, want)
	}
}
