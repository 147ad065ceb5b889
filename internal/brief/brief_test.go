package brief_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/brief"
	"github.com/recoupe/recoupe/news"
)

var update = flag.Bool("update", false, "update golden files")

// parts is a fictional story: two outlets disagree on the currency of a
// bid; a third copies the first.
func parts() brief.Parts {
	a := news.Article{ID: "a1", Name: "alpha.txt", Source: "Le Fictif", Title: "Acme | offre 12,5 milliards", Language: "fr",
		Text: "Acme offre 12,5 milliards de dollars pour Widget. « Jamais », a dit Jeanne Roc."}
	b := news.Article{ID: "b2", Name: "beta.txt", Source: "Daily Made-Up", Language: "fr",
		Text: "Acme met 12.5 milliards d’euros sur la table."}
	c := news.Article{ID: "c3", Name: "gamma.txt", DuplicateOf: "a1", Language: "fr", Text: a.Text + " (AFP)"}
	cite := func(ar news.Article, sub string) news.Citation {
		i := strings.Index(ar.Text, sub)
		return news.Citation{Article: ar.Name, ArticleID: ar.ID, Start: i, End: i + len(sub), Text: sub}
	}
	usd := cite(a, "12,5 milliards de dollars")
	usdCopy := cite(c, "12,5 milliards de dollars")
	eur := cite(b, "12.5 milliards d’euros")
	return brief.Parts{
		Story:    news.Story{ID: "s1"},
		Articles: []news.Article{a, b, c},
		Facts: []news.Check{{
			Kind: news.KindMoney, Status: news.Conflict, Value: 12.5e9, Currency: "USD",
			Sources: []news.Citation{usd, eur, usdCopy}, Articles: 3, Independent: 2, Why: "currency: EUR vs USD",
			Sides: []news.Side{{Value: 12.5e9, Currency: "USD", Sources: []news.Citation{usd, usdCopy}}, {Value: 12.5e9, Currency: "EUR", Sources: []news.Citation{eur}}},
		}},
		Quotes: []news.QuoteGroup{{Speaker: "Jeanne Roc", Status: news.Agreed, Variants: []news.QuoteVariant{
			{Citation: cite(a, "Jamais"), Kind: news.QuoteDirect, Similarity: 1},
			{Citation: cite(c, "Jamais"), Kind: news.QuoteDirect, Similarity: 1},
		}}},
		Entities: []news.Entity{{Name: "Acme", Type: news.ORG, Aliases: []string{"Acmé"}, Articles: []string{"alpha.txt", "beta.txt", "gamma.txt"}, Merges: []string{"Acmé → Acme: 1 edit, same story, ORG"}}},
		Timeline: []news.Event{{Date: "2031-03-10", What: "Acme offre", Sources: []news.Citation{usd}}},
		Why: []news.Assignment{
			{ArticleID: "a1", StoryID: "s1", New: true, Score: 0.08, Threshold: 0.161},
			{ArticleID: "b2", StoryID: "s1", Score: 0.61, Threshold: 0.3, Shared: []string{"entity:acme", "term:widget", "number:1.2e+03 EUR"}},
			{ArticleID: "c3", StoryID: "s1", Manual: true},
		},
	}
}

// TestHeadline checks that the headline is the title the story's other
// articles bear out most, not merely the first. The articles are fictional.
func TestHeadline(t *testing.T) {
	vague := news.Article{ID: "v", Title: "Valbrune : important dégagement de fumée", Text: "Une épaisse fumée noire s'élève au-dessus de Valbrune."}
	named := news.Article{ID: "n", Title: "Incendie de l'entrepôt Logiparc à Valbrune", Text: "L'entrepôt Logiparc de Valbrune a brûlé, 140 pompiers mobilisés."}
	later := news.Article{ID: "l", Title: "", Text: "Après l'incendie de l'entrepôt Logiparc, 85 salariés au chômage partiel à Valbrune."}
	for _, tc := range []struct {
		name  string
		arts  []news.Article
		story string
		want  string
	}{
		{"the title the others bear out", []news.Article{vague, named, later}, "", named.Title},
		{"one article", []news.Article{vague}, "", vague.Title},
		{"no titles: the story's", []news.Article{later}, "Stored title", "Stored title"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := brief.Build(brief.Parts{Story: news.Story{ID: "s", Title: tc.story}, Articles: tc.arts})
			if b.Headline != tc.want {
				t.Errorf("Headline = %q, want %q", b.Headline, tc.want)
			}
		})
	}
}

func TestBuild(t *testing.T) {
	b := brief.Build(parts())
	if b.Headline != "Acme | offre 12,5 milliards" {
		t.Errorf("Headline = %q, want the only title", b.Headline)
	}
	if got, want := b.Independent, 2; got != want {
		t.Errorf("Independent = %d, want %d (gamma copies alpha)", got, want)
	}
	if got := b.Articles[2].DuplicateOf; got != "alpha.txt" {
		t.Errorf("gamma DuplicateOf = %q, want alpha.txt", got)
	}
}

func TestMarkdownGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := brief.Markdown(&buf, []news.Brief{brief.Build(parts())}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "conflict.md.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/brief -update)", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("Markdown mismatch (-want +got):\n%s", diff)
	}
	// The table cell must not be broken by the title's pipe.
	if !strings.Contains(buf.String(), "| EUR") && !strings.Contains(buf.String(), "12.5 billion EUR") {
		t.Errorf("Markdown lacks the EUR side:\n%s", buf.String())
	}
}

func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := brief.JSON(&buf, []news.Brief{brief.Build(parts())}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Stories []struct {
			Articles []struct{ Article string } `json:"articles"`
			Facts    []struct {
				Kind, Status, Currency string
				Value                  float64
				Sources                []struct {
					Article    string
					Start, End int
					Text       string
				}
			} `json:"facts"`
			Quotes []struct {
				Speaker  string
				Variants []struct{ Article, Text string }
			} `json:"quotes"`
			Entities []struct {
				Name, Type string
				Articles   []string
			} `json:"entities"`
			Timeline []struct{ Date string } `json:"timeline"`
		} `json:"stories"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("JSON does not parse: %v\n%s", err, buf.String())
	}
	s := doc.Stories[0]
	if s.Articles[0].Article != "alpha.txt" || s.Facts[0].Status != "conflict" || s.Facts[0].Sources[1].Text != "12.5 milliards d’euros" {
		t.Errorf("unexpected JSON: %s", buf.String())
	}
	if s.Quotes[0].Speaker != "Jeanne Roc" || len(s.Quotes[0].Variants) != 2 || s.Entities[0].Name != "Acme" || s.Timeline[0].Date != "2031-03-10" {
		t.Errorf("unexpected JSON quotes/entities/timeline: %s", buf.String())
	}
}

func TestJSONL(t *testing.T) {
	var buf bytes.Buffer
	if err := brief.JSONL(&buf, []news.Brief{brief.Build(parts())}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	var types []string
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil || v["story_id"] != "s1" {
			t.Errorf("line %q: %v, story_id %v", l, err, v["story_id"])
		}
		if typ, _ := v["type"].(string); len(types) == 0 || types[len(types)-1] != typ {
			types = append(types, typ)
		}
		if v["type"] == "why" && v["article_id"] == nil {
			t.Errorf("why line %q has no article_id", l)
		}
	}
	// One fact, one quote group, one entity; three articles, one event,
	// three assignments.
	if want := []string{"fact", "quote", "entity", "article", "event", "why"}; len(lines) != 10 || !slices.Equal(types, want) {
		t.Errorf("got %d lines of types %v, want 10 of %v:\n%s", len(lines), types, want, buf.String())
	}
}

func TestNumber(t *testing.T) {
	for _, tt := range []struct {
		in   float64
		want string
	}{{97.4e9, "97.4 billion"}, {9.74e9, "9.74 billion"}, {22e6, "22 million"}, {1500, "1500"}, {0.5, "0.5"}, {-3e9, "-3 billion"}, {150000, "150,000"}, {-12500.5, "-12,500.5"}, {10000, "10,000"}} {
		if got := brief.Number(tt.in); got != tt.want {
			t.Errorf("Number(%g) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownOddNamesAndEmptySections(t *testing.T) {
	b := news.Brief{StoryID: "s1", Headline: "Fictive", Articles: []news.BriefSource{{Article: "a`b.txt", ID: "x"}}}
	var buf bytes.Buffer
	if err := brief.Markdown(&buf, []news.Brief{b}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{"1. `` a`b.txt ``", "None found.\n\n## Agreed facts"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

// Fictional hostile text from a page or feed: the Markdown keeps it text.
func TestMarkdownEscapesMarkup(t *testing.T) {
	hostile := "<script>alert(1)</script> [clic](javascript:alert(1)) *gras* `code` a|b"
	b := news.Brief{
		StoryID:  "s1",
		Headline: hostile,
		Articles: []news.BriefSource{{Article: "a.txt", Title: hostile, Source: hostile}},
		Quotes: []news.QuoteGroup{{Speaker: hostile, Variants: []news.QuoteVariant{{
			Citation: news.Citation{Article: "a.txt", Text: hostile}}}}},
		Entities: []news.Entity{{Name: hostile, Type: news.ORG, Articles: []string{"a.txt"}, Merges: []string{hostile}}},
	}
	var buf strings.Builder
	if err := brief.Markdown(&buf, []news.Brief{b}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>", "[clic](", "*gras*", "`code`", "a|b"} {
		if strings.Contains(buf.String(), bad) {
			t.Errorf("Markdown holds %q unescaped:\n%s", bad, buf.String())
		}
	}
	if !strings.Contains(buf.String(), `\<script\>alert(1)\</script\>`) {
		t.Errorf("Markdown lost the hostile words instead of escaping them:\n%s", buf.String())
	}
}

// Fictional: a citation the conflict placed on no side still shows.
func TestMarkdownConflictKeepsUnplacedWords(t *testing.T) {
	usd := news.Citation{Article: "a.txt", Start: 0, End: 12, Text: "12 M dollars"}
	eur := news.Citation{Article: "b.txt", Start: 0, End: 11, Text: "12 M d'euros"}
	bare := news.Citation{Article: "c.txt", Start: 5, End: 9, Text: "12 M"}
	b := news.Brief{StoryID: "s1", Articles: []news.BriefSource{{Article: "a.txt"}, {Article: "b.txt"}, {Article: "c.txt"}},
		Facts: []news.Check{{Kind: news.KindMoney, Status: news.Conflict, Value: 12e6, Currency: "USD",
			Sources: []news.Citation{usd, eur, bare},
			Sides:   []news.Side{{Value: 12e6, Currency: "USD", Sources: []news.Citation{usd}}, {Value: 12e6, Currency: "EUR", Sources: []news.Citation{eur}}}}}}
	var buf strings.Builder
	if err := brief.Markdown(&buf, []news.Brief{b}); err != nil {
		t.Fatal(err)
	}
	if want := "| either side | [3] “12 M” (5–9) |"; !strings.Contains(buf.String(), want) {
		t.Errorf("Markdown lacks %q:\n%s", want, buf.String())
	}
}
