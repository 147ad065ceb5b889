package pipeline_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/pipeline"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

func newPipeline(tb testing.TB) *pipeline.Pipeline {
	tb.Helper()
	p, err := pipeline.New()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// checkSpans verifies that every span of x lies in the text and that
// every Text field holds the bytes its span covers.
func checkSpans(t *testing.T, a *news.Article, x news.Extraction) {
	t.Helper()
	n := len(a.Text)
	for _, f := range x.Facts {
		if !f.Span.In(n) || a.Text[f.Span.Start:f.Span.End] != f.Text {
			t.Fatalf("fact %+v: span does not hold its text", f)
		}
		if (f.Amount == nil) == (f.When == nil) {
			t.Fatalf("fact %+v: want exactly one of Amount and When", f)
		}
	}
	for _, q := range x.Quotes {
		if !q.Span.In(n) || a.Text[q.Span.Start:q.Span.End] != q.Text {
			t.Fatalf("quote %+v: span does not hold its text", q)
		}
	}
	for _, m := range x.Mentions {
		if !m.Span.In(n) || a.Text[m.Span.Start:m.Span.End] != m.Text {
			t.Fatalf("mention %+v: span does not hold its text", m)
		}
	}
	for i := 1; i < len(x.Facts); i++ {
		if x.Facts[i-1].Span.Overlaps(x.Facts[i].Span) {
			t.Fatalf("facts overlap: %+v and %+v", x.Facts[i-1], x.Facts[i])
		}
	}
}

// The article below is fictional.
const fictional = `Le club Orage rachète le stade de Brume pour 54 millions d'euros

Le club de football Orage a annoncé mardi le rachat du stade municipal de Brume pour 54 millions d'euros. « C'est un grand jour pour la ville », a déclaré Jeanne Roc, présidente du club.

Le conseil municipal avait voté la vente le 10 mars 2031, à 14h30.`

func TestExtract(t *testing.T) {
	p := newPipeline(t)
	d, _ := news.ParseDate("2031-03-12")
	a := &news.Article{ID: "x", Name: "x.txt", Text: fictional, Language: "fr", Published: d}
	x := p.Extract(a)
	checkSpans(t, a, x)
	kinds := map[news.Kind]int{}
	for _, f := range x.Facts {
		kinds[f.Kind]++
		if f.Kind == news.KindMoney && !strings.Contains(f.Text, "54 millions") {
			t.Errorf("unexpected money fact %q", f.Text)
		}
	}
	if kinds[news.KindMoney] != 2 || kinds[news.KindDate]+kinds[news.KindTime] < 2 {
		t.Errorf("fact kinds = %v, want 2 money and ≥2 dates or times (mardi, 10 mars 2031 à 14h30)", kinds)
	}
	dated := false
	for _, f := range x.Facts {
		if strings.Contains(f.Text, "10 mars 2031") && f.When != nil && strings.HasPrefix(f.When.Date.String(), "2031-03-10") {
			dated = true
		}
	}
	if !dated {
		t.Errorf("no fact dates 10 mars 2031: %+v", x.Facts)
	}
	if len(x.Quotes) != 1 || x.Quotes[0].Speaker != "Jeanne Roc" {
		t.Errorf("quotes = %+v, want one by Jeanne Roc", x.Quotes)
	}
	if len(x.Sentences) < 4 {
		t.Errorf("got %d sentences, want at least 4", len(x.Sentences))
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{fictional, "« non fermé", "97,4 milliards de $ le 10 févr.", "\xff\xfe", strings.Repeat("9 ", 200)} {
		f.Add(s)
	}
	p := newPipeline(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // ingest rejects invalid UTF-8 before extraction
		}
		a := &news.Article{ID: "f", Text: s}
		x1 := p.Extract(a)
		checkSpans(t, a, x1)
		if x2 := p.Extract(a); len(x2.Facts) != len(x1.Facts) || len(x2.Quotes) != len(x1.Quotes) || len(x2.Mentions) != len(x1.Mentions) {
			t.Fatalf("extraction is not deterministic")
		}
	})
}

// BenchmarkExtract measures the extraction stages on the seed articles
// (whole pipeline per article; MB/s via SetBytes).
func BenchmarkExtract(b *testing.B) {
	dir := shareddata.TestPath(b, "seeds", "articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	var arts []*news.Article
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, &news.Article{ID: f, Text: string(data), Language: "fr"})
		size += len(data)
	}
	p := newPipeline(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			p.Extract(a)
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkBrief measures the cross-check and brief of the seed story.
func BenchmarkBrief(b *testing.B) {
	dir := shareddata.TestPath(b, "seeds", "articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	p := newPipeline(b)
	var arts []news.Article
	var xs []news.Extraction
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		a := news.Article{ID: f, Name: filepath.Base(f), Text: string(data), Language: "fr"}
		arts = append(arts, a)
		xs = append(xs, p.Extract(&a))
	}
	b.ResetTimer()
	for b.Loop() {
		p.Brief(news.Story{ID: "s"}, arts, xs, nil)
	}
}

func TestBriefMentionsCiteArticleIDs(t *testing.T) {
	p := newPipeline(t)
	// Two fictional articles with the same file name.
	a := news.Article{Name: "article.txt", Language: "fr", Text: fictional}
	a.ID = news.ArticleID(a.Text)
	b := news.Article{Name: "article.txt", Language: "fr", Text: "Jeanne Roc, présidente du club Orage, confirme le rachat du stade de Brume."}
	b.ID = news.ArticleID(b.Text)
	arts := []news.Article{a, b}
	xs := []news.Extraction{p.Extract(&arts[0]), p.Extract(&arts[1])}
	br := p.Brief(news.Story{ID: "s1"}, arts, xs, nil)
	n := 0
	for _, e := range br.Entities {
		for _, m := range e.Mentions {
			n++
			var text string
			switch m.ArticleID {
			case a.ID:
				text = a.Text
			case b.ID:
				text = b.Text
			default:
				t.Fatalf("mention %+v of %s cites no article ID", m, e.Name)
			}
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v is not at its offsets in article %s", m, m.ArticleID)
			}
		}
	}
	if n == 0 {
		t.Fatal("no entity mention to check")
	}
}

func TestNoEntitiesWhereNounsAreCapitalised(t *testing.T) {
	p := newPipeline(t)
	// A fictional German sentence: every noun is capitalised.
	a := news.Article{Language: "de", Text: "Die Stadtverwaltung von Brume hat am Montag den Bau einer neuen Brücke über den Fluss beschlossen."}
	if x := p.Extract(&a); len(x.Mentions) != 0 {
		t.Errorf("German article got mentions %+v, want none", x.Mentions)
	}
	text := "Und die Stadt: « Wir bauen die Brücke über den Fluss, und zwar schnell »."
	fr := news.Article{Language: "fr", Text: text}
	if qs := p.Extract(&fr).Quotes; len(qs) != 1 || qs[0].Speaker == "" {
		t.Fatalf("fixture: read as French, the quote should get a (wrong) speaker: %+v", qs)
	}
	de := news.Article{Language: "de", Text: text}
	qs := p.Extract(&de).Quotes
	if len(qs) != 1 || qs[0].Speaker != "" {
		t.Errorf("German quotes = %+v, want the quote kept without a speaker (speakers are read in French and English only)", qs)
	}
}

// BenchmarkBriefLarge measures the brief of one large story: the first
// 100 articles of rpm2-fr taken as one story, so that the cross-check
// compares thousands of facts and quotes.
func BenchmarkBriefLarge(b *testing.B) {
	path := shareddata.TestPath(b, "news-clustering", "rpm2-fr", "docs.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	p := newPipeline(b)
	var arts []news.Article
	var xs []news.Extraction
	for _, line := range strings.SplitN(string(data), "\n", 101)[:100] {
		var d struct{ ID, Text string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		a := news.Article{ID: d.ID, Name: d.ID, Text: d.Text, Language: "fr"}
		arts = append(arts, a)
		xs = append(xs, p.Extract(&a))
	}
	quotes := 0
	for _, x := range xs {
		quotes += len(x.Quotes)
	}
	b.ReportMetric(float64(quotes), "quotes")
	b.ResetTimer()
	for b.Loop() {
		p.Brief(news.Story{ID: "s"}, arts, xs, nil)
	}
}
