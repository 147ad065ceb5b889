package ingest_test

import (
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/ingest"
	"github.com/recoupe/recoupe/internal/shareddata"
)

const para = "<p>Le conseil municipal fictif de Villebrune a voté mardi soir le budget de l’année prochaine, qui prévoit une hausse des impôts locaux de deux pour cent.</p>"

func TestParseHTMLHostile(t *testing.T) {
	tests := []struct {
		name string
		html string
		want error // nil: any outcome but a panic
	}{
		{"deep-nesting", strings.Repeat("<div>", 20000) + para + strings.Repeat("</div>", 20000), nil},
		{"deep-date-and-author-classes", strings.Repeat(`<div class="date author">`, 20000) + para + strings.Repeat("</div>", 20000), nil},
		{"many-date-texts-under-h1", "<html><body><h1>Titre</h1>" + strings.Repeat("<p>1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20</p>", 2000) + para + "</body></html>", nil},
		{"too-many-elements", "<html><body>" + strings.Repeat("<span>x</span>", 30000) + "</body></html>", ingest.ErrTooLarge},
		{"unclosed", "<html><body><article><p>" + strings.Repeat("<b><i><table><tr><td>", 5000) + para, nil},
		{"angle-soup", strings.Repeat("<<>><</>&&#;&#x;<!--", 5000), nil},
		{"huge-attribute", `<html><body><div class="` + strings.Repeat("a", 256<<10) + `">` + para + `</div></body></html>`, nil},
		{"title-only", "<html><head><title>Une page vide</title></head><body><script>var a=1;</script></body></html>", ingest.ErrNoContent},
		{"scripts-only", "<html><head><script>" + strings.Repeat("var x=1;", 10000) + "</script></head><body><script>y()</script></body></html>", ingest.ErrNoContent},
		{"binary", "<html><body>\x00\x01\x02\xff\xfe" + para + "</body></html>", nil},
		{"wrong-charset", `<html><head><meta charset="shift_jis"></head><body>` + para + para + `</body></html>`, nil},
		{"empty", "   ", ingest.ErrEmpty},
		{"bad-json-ld", `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":[1,2],"author":{"name":{}},"datePublished":3}</script></head><body>` + para + para + `</body></html>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.Options{MaxElements: 50000}.ParseHTML(tt.name+".html", []byte(tt.html), "")
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("ParseHTML error = %v, want %v", err, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), tt.name+".html") {
				t.Errorf("error %q does not name the page", err)
			}
			if err == nil && (a.Text == "" || strings.ContainsRune(a.Text, '\r')) {
				t.Errorf("article with bad text %q", a.Text)
			}
		})
	}
}

func TestParseHTMLLatin1(t *testing.T) {
	// A fictional page in ISO-8859-1, as older French sites still serve.
	page := "<html><head><meta charset=\"iso-8859-1\"><title>Le d\xe9bat</title></head><body><article>" +
		strings.Repeat("<p>Le d\xe9bat fictif sur le budget a dur\xe9 toute la soir\xe9e \xe0 la mairie de Villebrune, o\xf9 les \xe9lus se sont oppos\xe9s.</p>", 3) +
		"</article></body></html>"
	a, err := ingest.Options{}.ParseHTML("latin1.html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Le débat fictif sur le budget a duré toute la soirée à la mairie") {
		t.Errorf("Text = %q, want the Latin-1 page decoded", a.Text)
	}
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(pageHTML))
	f.Add([]byte("<html><body><article>" + para + para + "</article></body></html>"))
	f.Add([]byte(`<script type="application/ld+json">[{"@graph":[{"@type":["NewsArticle"],"datePublished":"2025-02-30"}]}]</script>` + para))
	f.Add([]byte(`<html><head><title>Carnets » Le pont</title><meta name="date" content="11/03/2019 12:43"></head><body><h1><a href="/">Carnets</a></h1>` +
		`<p class="byline">Par <a rel="author" href="/a">J. Martin</a> | 3. 11. 2019 22:41</p><span class="post-date">Publié le 1er mars 2019 à 9h05</span>` +
		`<div class="author vcard">Posted on 2 March by Anna</div><time>03.11.2019</time>` + para + para + `</body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ingest.Options{}.ParseHTML("fuzz.html", data, "")
		if err != nil {
			return
		}
		if a.Text == "" || strings.ContainsRune(a.Text, '\r') {
			t.Fatalf("bad text %q", a.Text)
		}
	})
}

// BenchmarkParseHTML measures HTML extraction on the AEB pages (skipped
// without the shared data); pages/s = 1e9 / ns/op.
func BenchmarkParseHTML(b *testing.B) {
	dir := shareddata.TestPath(b, "article-extraction", "scrapinghub-aeb", "html")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if len(files) > 40 {
		files = files[:40]
	}
	var pages [][]byte
	var total int64
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			b.Fatal(err)
		}
		data, _ := io.ReadAll(zr)
		fh.Close()
		pages = append(pages, data)
		total += int64(len(data))
	}
	b.SetBytes(total / int64(len(pages)))
	i := 0
	for b.Loop() {
		if _, err := (ingest.Options{}).ParseHTML("bench.html", pages[i%len(pages)], ""); err != nil && !errors.Is(err, ingest.ErrNoContent) {
			b.Fatal(err)
		}
		i++
	}
}

// TestParseHTMLAuthorLink checks that the rel="author" link restores the
// spelling of a byline (fictional page).
func TestParseHTMLAuthorLink(t *testing.T) {
	page := `<html><head><title>Budget voté à Villebrune</title><meta name="author" content="J.-P. Lévêque"></head><body><article><h1>Budget voté à Villebrune</h1>` +
		`<p class="byline">Par <a rel="author" href="/auteurs/jpl">J.-P. Lévêque</a></p>` + para + para + para + `</article></body></html>`
	a, err := ingest.Options{}.ParseHTML("auteur.html", []byte(page), "https://journal.example/budget")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Author, "J.-P. Lévêque"; got != want {
		t.Errorf("Author = %q, want %q", got, want)
	}
}
