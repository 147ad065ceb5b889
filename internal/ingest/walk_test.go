package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/ingest"
)

// All documents below are fictional, written for these tests.

const pageHTML = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Le pont de Villebrune rouvre | La Gazette fictive</title>
<meta property="og:site_name" content="La Gazette fictive">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Le pont de Villebrune rouvre","datePublished":"2025-02-10T14:30:00+01:00","author":{"@type":"Person","name":"Jeanne Martin"}}</script>
</head><body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Le pont de Villebrune rouvre</h1>
<p>Après deux ans de travaux, le pont fictif de Villebrune a rouvert lundi à la circulation, a annoncé la mairie dans un communiqué publié dans la matinée.</p>
<p>Les travaux ont coûté 12 millions d’euros, soit trois millions de plus que prévu, selon le maire, qui a promis une enquête sur les dépassements du budget initial.</p>
<p>Les habitants, qui faisaient un détour de vingt kilomètres, se sont réjouis de la réouverture. « C’est un soulagement », a déclaré une commerçante du centre-ville.</p>
</article><footer>Tous droits réservés</footer></body></html>`

const feedRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>La Gazette fictive</title><link>https://gazette.example/</link><language>fr-FR</language>
<item><title>Le pont rouvre</title><link>https://gazette.example/pont</link>
<pubDate>lun., 10 févr. 2025 14:30:00 +0100</pubDate>
<description>&lt;p&gt;Le pont fictif de Villebrune a rouvert lundi après deux ans de travaux.&lt;/p&gt;&lt;p&gt;La mairie se félicite.&lt;/p&gt;</description></item>
<item><title>Vide</title><link>https://gazette.example/vide</link><description></description></item>
<item><title>Le tunnel ferme</title><link>https://gazette.example/tunnel</link>
<pubDate>Tue, 11 Feb 2025 08:00:00 GMT</pubDate>
<description>Le tunnel fictif de Brunval fermera pour travaux pendant trois mois, a annoncé la préfecture.</description></item>
</channel></rss>`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type result struct {
	Origin, Name, Title, Published, Lang string
	Err                                  string
}

func walkAll(t *testing.T, inputs []string, o ingest.Options) []result {
	t.Helper()
	var out []result
	err := ingest.Walk(t.Context(), inputs, o, func(it ingest.Item) error {
		r := result{Origin: it.Origin}
		if it.Err != nil {
			r.Err = errName(it.Err)
		} else {
			r.Name, r.Title, r.Published, r.Lang = it.Article.Name, it.Article.Title, it.Article.Published.String(), it.Article.Language
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return out
}

// errName maps an error to the sentinel it wraps, for stable comparisons.
func errName(err error) string {
	for _, s := range []struct {
		err  error
		name string
	}{{ingest.ErrEmpty, "empty"}, {ingest.ErrBinary, "binary"}, {ingest.ErrEncoding, "encoding"}, {ingest.ErrTooLarge, "too large"},
		{ingest.ErrNoMatch, "no match"}, {ingest.ErrDocFile, "doc file"}, {ingest.ErrNotFeed, "not feed"}, {ingest.ErrScheme, "scheme"},
		{ingest.ErrPrivateAddr, "private"}, {ingest.ErrNotModified, "not modified"}, {ingest.ErrNoContent, "no content"},
		{ingest.ErrNotArticles, "not articles"}} {
		if errors.Is(err, s.err) {
			return s.name
		}
	}
	return "other: " + err.Error()
}

func TestWalkFolder(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":        "Le pont rouvre\n\nLe pont fictif de Villebrune a rouvert lundi après deux ans de travaux.",
		"sub/b.txt":    "date 2025-02 Le tunnel ferme\n\nLe tunnel fictif de Brunval fermera pour travaux pendant trois mois.",
		"sub/c.html":   pageHTML,
		"sub/feed.xml": feedRSS,
		"empty.txt":    "",
		"garbage.bin":  "\x00\x01\x02\x03",
		".hidden.txt":  "Caché.",
		".git/HEAD":    "ref: refs/heads/main",
		"notes.json":   `{"not": "a feed"}`,
		"README.md":    "Ce dossier fictif rassemble des articles de test sur le pont de Villebrune.",
		"sub/SOURCE":   "Articles écrits pour les tests, aucune source réelle.",
	})
	got := walkAll(t, []string{dir, filepath.Join(dir, "nope.txt")}, ingest.Options{})
	p := func(s string) string { return filepath.Join(dir, filepath.FromSlash(s)) }
	want := []result{
		{Origin: p("README.md"), Err: "doc file"},
		{Origin: p("a.txt"), Name: "a.txt", Title: "Le pont rouvre", Lang: "fr"},
		{Origin: p("empty.txt"), Err: "empty"},
		{Origin: p("garbage.bin"), Err: "binary"},
		{Origin: p("notes.json"), Err: "not articles"},
		{Origin: p("sub/SOURCE"), Err: "doc file"},
		{Origin: p("sub/b.txt"), Name: "b.txt", Title: "Le tunnel ferme", Published: "2025-02", Lang: "fr"},
		{Origin: p("sub/c.html"), Name: "c.html", Title: "Le pont de Villebrune rouvre", Published: "2025-02-10", Lang: "fr"},
		{Origin: p("sub/feed.xml") + "#1", Name: "https://gazette.example/pont", Title: "Le pont rouvre", Published: "2025-02-10T14:30", Lang: "fr"},
		{Origin: p("sub/feed.xml") + "#2", Err: "other: ingest: " + p("sub/feed.xml") + "#2: item \"https://gazette.example/vide\": empty or whitespace-only input"},
		{Origin: p("sub/feed.xml") + "#3", Name: "https://gazette.example/tunnel", Title: "Le tunnel ferme", Published: "2025-02-11T08:00", Lang: "fr"},
		{Origin: p("nope.txt"), Err: "no match"},
	}
	// The empty feed item falls back to its title, so it is an article.
	want[9] = result{Origin: p("sub/feed.xml") + "#2", Name: "https://gazette.example/vide", Title: "Vide"}
	for i := range got {
		if want[9].Origin == got[i].Origin {
			want[9].Lang = got[i].Lang // a one-word text has no reliable language
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Walk (-want +got):\n%s", diff)
	}
	// Deterministic: a second walk gives the same items.
	if diff := cmp.Diff(got, walkAll(t, []string{dir, filepath.Join(dir, "nope.txt")}, ingest.Options{})); diff != "" {
		t.Errorf("second Walk differs:\n%s", diff)
	}
	if n := ingest.Count([]string{dir}); n != 9 {
		t.Errorf("Count = %d, want 9 visible files", n)
	}
	// A documentation file named on its own is ingested.
	if got := walkAll(t, []string{p("README.md")}, ingest.Options{}); len(got) != 1 || got[0].Err != "" {
		t.Errorf("Walk(README.md) = %+v, want one article", got)
	}
}

func TestWalkHTMLMetadata(t *testing.T) {
	a, err := ingest.Options{}.ParseHTML("c.html", []byte(pageHTML), "https://gazette.example/pont")
	if err != nil {
		t.Fatal(err)
	}
	if a.Author != "Jeanne Martin" || a.Source != "La Gazette fictive" || a.URL != "https://gazette.example/pont" {
		t.Errorf("Author, Source, URL = %q, %q, %q", a.Author, a.Source, a.URL)
	}
	if !strings.Contains(a.Text, "12 millions d’euros") || strings.Contains(a.Text, "Accueil") || strings.Contains(a.Text, "Tous droits") {
		t.Errorf("Text = %q, want the article without navigation or footer", a.Text)
	}
}

func TestWalkGlobAndStop(t *testing.T) {
	dir := writeFiles(t, map[string]string{"x1.txt": "Un texte fictif.", "x2.txt": "Un autre texte fictif.", "y.txt": "Encore un."})
	got := walkAll(t, []string{filepath.Join(dir, "x*.txt"), filepath.Join(dir, "z*.txt")}, ingest.Options{})
	want := []result{
		{Origin: filepath.Join(dir, "x1.txt"), Name: "x1.txt", Lang: got[0].Lang},
		{Origin: filepath.Join(dir, "x2.txt"), Name: "x2.txt", Lang: got[1].Lang},
		{Origin: filepath.Join(dir, "z*.txt"), Err: "no match"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Walk (-want +got):\n%s", diff)
	}
	stop := errors.New("stop")
	n := 0
	err := ingest.Walk(t.Context(), []string{dir}, ingest.Options{}, func(ingest.Item) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Walk with failing fn = %v after %d items, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := ingest.Walk(ctx, []string{dir}, ingest.Options{}, func(ingest.Item) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Walk with cancelled context = %v, want context.Canceled", err)
	}
}

func TestWalkSizeCap(t *testing.T) {
	dir := writeFiles(t, map[string]string{"big.txt": strings.Repeat("Texte fictif. ", 1000)})
	got := walkAll(t, []string{dir}, ingest.Options{MaxBytes: 1000})
	if len(got) != 1 || got[0].Err != "too large" {
		t.Errorf("Walk = %+v, want one too-large item", got)
	}
}

func TestFetch(t *testing.T) {
	var hits atomic.Int32
	var gotUA atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		gotUA.Store(r.UserAgent())
		switch r.URL.Path {
		case "/feed":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, feedRSS)
		case "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, pageHTML)
		case "/big":
			w.Header().Set("Content-Type", "text/html")
			w.Write(bytes.Repeat([]byte("<p>fictif</p>"), 10000))
		case "/redirect-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	t.Run("private-refused-by-default", func(t *testing.T) {
		got := walkAll(t, []string{srv.URL + "/feed"}, ingest.Options{})
		if len(got) != 1 || got[0].Err != "private" || hits.Load() != 0 {
			t.Errorf("Walk = %+v (hits %d), want one refused item and no request", got, hits.Load())
		}
	})
	t.Run("schemes", func(t *testing.T) {
		got := walkAll(t, []string{"file:///etc/passwd", "ftp://example.org/x", "gopher://x"}, ingest.Options{AllowPrivate: true})
		for _, r := range got {
			if r.Err != "scheme" {
				t.Errorf("%s: %q, want scheme refusal", r.Origin, r.Err)
			}
		}
	})
	o := ingest.Options{AllowPrivate: true, Validators: &ingest.MemValidators{}, UserAgent: "recoupe-test"}
	t.Run("feed-then-not-modified", func(t *testing.T) {
		got := walkAll(t, []string{srv.URL + "/feed"}, o)
		if len(got) != 3 || got[0].Title != "Le pont rouvre" || got[0].Published != "2025-02-10T14:30" {
			t.Fatalf("first fetch = %+v, want the feed's 3 items", got)
		}
		if ua := gotUA.Load(); ua != "recoupe-test" {
			t.Errorf("User-Agent = %v, want recoupe-test", ua)
		}
		got = walkAll(t, []string{srv.URL + "/feed"}, o)
		if len(got) != 1 || got[0].Err != "not modified" {
			t.Errorf("second fetch = %+v, want not modified", got)
		}
	})
	t.Run("page", func(t *testing.T) {
		got := walkAll(t, []string{srv.URL + "/page"}, o)
		if len(got) != 1 || got[0].Title != "Le pont de Villebrune rouvre" {
			t.Errorf("page = %+v", got)
		}
	})
	t.Run("errors", func(t *testing.T) {
		small := o
		small.MaxBytes = 1000
		got := walkAll(t, []string{srv.URL + "/big"}, small)
		if len(got) != 1 || got[0].Err != "too large" {
			t.Errorf("big = %+v, want too large", got)
		}
		got = walkAll(t, []string{srv.URL + "/missing", srv.URL + "/redirect-file"}, o)
		if len(got) != 2 || !strings.Contains(got[0].Err, "404") || got[1].Err != "scheme" {
			t.Errorf("errors = %+v, want a 404 and a refused redirect", got)
		}
	})
}

func warcRecord(uri, payload string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(payload), payload)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(b.Bytes())
	zw.Close()
	return z.Bytes()
}

func TestWalkWARC(t *testing.T) {
	chunked := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
	body := pageHTML
	chunked += fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(body), body)
	var arch bytes.Buffer
	arch.Write(warcRecord("https://gazette.example/pont", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "+fmt.Sprint(len(pageHTML))+"\r\n\r\n"+pageHTML))
	arch.Write(warcRecord("https://gazette.example/logo.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"))
	arch.Write(warcRecord("https://gazette.example/chunked", chunked))
	third := warcRecord("https://gazette.example/cut", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+pageHTML)
	arch.Write(third[:len(third)/2])
	dir := writeFiles(t, map[string]string{"crawl.warc.gz": arch.String()})
	path := filepath.Join(dir, "crawl.warc.gz")
	got := walkAll(t, []string{path}, ingest.Options{})
	if len(got) != 3 {
		t.Fatalf("Walk = %+v, want 2 pages and 1 error", got)
	}
	for i, uri := range []string{"https://gazette.example/pont", "https://gazette.example/chunked"} {
		if got[i].Err != "" || got[i].Name != uri || got[i].Title != "Le pont de Villebrune rouvre" || !strings.HasPrefix(got[i].Origin, path+"#") {
			t.Errorf("item %d = %+v, want the page from %s", i, got[i], uri)
		}
	}
	if !strings.Contains(got[2].Err, "truncated") || !strings.Contains(got[2].Err, "offset") {
		t.Errorf("last item = %+v, want a truncation error naming the offset", got[2])
	}
}

func TestWalkWARCHugeRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a 100 MB record")
	}
	// A 100 MB HTML response record between two normal ones: it is
	// rejected by the size cap, the next record is still read.
	var plain bytes.Buffer
	rec := func(uri, payload string) {
		fmt.Fprintf(&plain, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(payload), payload)
	}
	rec("https://gazette.example/a", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+pageHTML)
	head := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
	const size = 100 << 20
	fmt.Fprintf(&plain, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://gazette.example/huge\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s", len(head)+size, head)
	f, err := os.Create(filepath.Join(t.TempDir(), "huge.warc"))
	if err != nil {
		t.Fatal(err)
	}
	f.Write(plain.Bytes())
	chunk := bytes.Repeat([]byte("<p>remplissage fictif</p>\n"), 40000)
	for n := 0; n < size; n += len(chunk) {
		f.Write(chunk[:min(len(chunk), size-n)])
	}
	plain.Reset()
	plain.WriteString("\r\n\r\n")
	rec("https://gazette.example/b", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+pageHTML)
	f.Write(plain.Bytes())
	f.Close()
	got := walkAll(t, []string{f.Name()}, ingest.Options{MaxBytes: 4 << 20})
	if len(got) != 3 || got[0].Err != "" || got[1].Err != "too large" || got[2].Err != "" {
		t.Errorf("Walk = %+v, want page, too-large record, page", got)
	}
}

func TestWalkStdinAndFound(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() {
		w.WriteString(feedRSS)
		w.Close()
	}()
	found := 0
	o := ingest.Options{Found: func(n int) { found += n }}
	got := walkAll(t, []string{"-"}, o)
	if len(got) != 3 || got[0].Origin != "stdin#1" || got[0].Title != "Le pont rouvre" {
		t.Errorf("Walk(-) = %+v, want the feed's 3 items from stdin", got)
	}
	if found != 2 {
		t.Errorf("Found reported %d extra items, want 2 (3 items for 1 input)", found)
	}
	if n := ingest.Count([]string{"-", "https://example.org/feed"}); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
}

// TestWalkSniffsArchives reads WARC and gzip by their content when the
// name says nothing (stdin, uploads, files without an extension).
func TestWalkSniffsArchives(t *testing.T) {
	gz := func(s string) string {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write([]byte(s))
		zw.Close()
		return z.String()
	}
	page := string(warcRecord("https://gazette.example/pont", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"+pageHTML))
	var plainWARC bytes.Buffer
	zr, _ := gzip.NewReader(strings.NewReader(page))
	io.Copy(&plainWARC, zr)
	dir := writeFiles(t, map[string]string{
		"crawl":         plainWARC.String(), // a WARC without its extension
		"crawlgz":       page,               // a gzipped WARC without its extension
		"page.html.gz":  gz(pageHTML),       // a saved page, gzipped
		"notes":         gz("Le pont rouvre\n\nLe pont fictif de Villebrune a rouvert lundi après deux ans de travaux."),
		"empty.warc.gz": gz(""),                 // an archive with no record
		"cut.html.gz":   gz(pageHTML)[:60],      // truncated gzip
		"double.gz":     gz(gz("texte fictif")), // gzip in gzip
	})
	p := func(s string) string { return filepath.Join(dir, s) }
	got := walkAll(t, []string{dir}, ingest.Options{})
	byOrigin := map[string]result{}
	for _, r := range got {
		byOrigin[strings.SplitN(r.Origin, "#", 2)[0]] = r
	}
	for _, tc := range []struct {
		file, title, err string
	}{
		{"crawl", "Le pont de Villebrune rouvre", ""},
		{"crawlgz", "Le pont de Villebrune rouvre", ""},
		{"page.html.gz", "Le pont de Villebrune rouvre", ""},
		{"notes", "Le pont rouvre", ""},
		{"empty.warc.gz", "", "empty"},
		{"double.gz", "", "binary"},
	} {
		r, ok := byOrigin[p(tc.file)]
		if !ok || r.Title != tc.title || r.Err != tc.err {
			t.Errorf("%s: %+v, want title %q, error %q", tc.file, r, tc.title, tc.err)
		}
	}
	if r := byOrigin[p("cut.html.gz")]; r.Err == "" || !strings.Contains(r.Err, "gzip") {
		t.Errorf("cut.html.gz: %+v, want a gzip error", r)
	}
}

// Fictional records: a JSON Lines file is read record by record, a
// single JSON object is one record, and JSON that holds no article is
// refused as a whole.
func TestWalkJSONLines(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"corpus.jsonl": `{"id":"a1","title":"Le pont rouvre","text":"Le pont fictif de Villebrune a rouvert lundi après deux ans de travaux.","date":"2031-03-10T08:00:00Z","lang":"fr","source":"Le Fictif"}
not json
{"title":"sans texte"}

{"text":"The fictional Brunval tunnel will close for three months, the county said."}
`,
		"one.json":  "{\n  \"text\": \"La mairie fictive de Brume a voté le budget mardi soir.\",\n  \"url\": \"https://gazette.example/budget\"\n}",
		"meta.json": `{"version":2,"items":[]}`,
	})
	got := walkAll(t, []string{dir}, ingest.Options{})
	p := func(s string) string { return filepath.Join(dir, s) }
	want := []result{
		{Origin: p("corpus.jsonl") + "#a1", Name: p("corpus.jsonl") + "#a1", Title: "Le pont rouvre", Published: "2031-03-10", Lang: "fr"},
		{Origin: p("corpus.jsonl") + "#2", Err: "other: ingest: " + p("corpus.jsonl") + ": line 2: invalid character 'o' in literal null (expecting 'u')"},
		{Origin: p("corpus.jsonl") + "#3", Err: "other: ingest: " + p("corpus.jsonl") + ": line 3: no \"text\" field"},
		{Origin: p("corpus.jsonl") + "#5", Name: p("corpus.jsonl") + "#5", Lang: "en"},
		{Origin: p("meta.json"), Err: "not articles"},
		{Origin: p("one.json") + "#1", Name: p("one.json") + "#1", Lang: "fr"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Walk (-want +got):\n%s", diff)
	}
}

// Fictional: a text that opens with a bracket is a text, not JSON.
func TestWalkBracketedText(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"breve.txt":    "[ Exclusif ] Le maire fictif de Brume démissionne\n\nLe maire de Brume a annoncé sa démission lundi soir devant le conseil.\n",
		"accolade.txt": "{ Brève } Le pont fictif de Villebrune rouvre\n\nLe pont a rouvert lundi après deux ans de travaux.\n",
	})
	for _, r := range walkAll(t, []string{dir}, ingest.Options{}) {
		if r.Err != "" || r.Title == "" {
			t.Errorf("%s: %+v, want an article with its title", r.Origin, r)
		}
	}
}
