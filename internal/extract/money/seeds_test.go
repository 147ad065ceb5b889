package money_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/extract/money"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

// seedGold is the part of ../shared/data/seeds/gold.json this package answers for.
type seedGold struct {
	Articles map[string]string `json:"articles"`
	Money    []struct {
		ID       string              `json:"id"`
		Amount   float64             `json:"amount"`
		Currency string              `json:"currency"`
		Sources  map[string][]string `json:"sources"`
	} `json:"money"`
}

func loadSeeds(t testing.TB) (seedGold, map[string]string) {
	t.Helper()
	path := shareddata.TestPath(t, "seeds", "gold.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g seedGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	texts := map[string]string{}
	for key, name := range g.Articles {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(path), "articles", name))
		if err != nil {
			t.Fatal(err)
		}
		texts[key] = string(b)
	}
	return g, texts
}

// currencyIn returns the currency a gold span states, "" when it states none.
func currencyIn(span string) string {
	s := strings.ToLower(span)
	switch {
	case strings.Contains(s, "dollar"), strings.Contains(s, "$"):
		return "USD"
	case strings.Contains(s, "euro"), strings.Contains(s, "€"):
		return "EUR"
	}
	return ""
}

func TestSeeds(t *testing.T) {
	g, texts := loadSeeds(t)
	e := money.New()
	facts := map[string][]news.Fact{}
	for key, text := range texts {
		facts[key] = e.Extract(&news.Article{Text: text, Language: "fr"})
	}
	for _, m := range g.Money {
		for key, spans := range m.Sources {
			for _, span := range spans {
				t.Run(m.ID+"/"+key+"/"+span, func(t *testing.T) {
					var found *news.Fact
					for i, f := range facts[key] {
						if f.Text == span && f.Kind == news.KindMoney {
							found = &facts[key][i]
						}
					}
					if found == nil {
						t.Fatalf("no money fact with text %q in article %s; facts: %v", span, key, texts2(facts[key]))
					}
					if got, want := found.Amount.Value, m.Amount; math.Abs(got-want) > 0.005*want {
						// the gold amount is the fact's; a rounded mention must be within its own precision
						if ok, why := money.Compatible(*found.Amount, news.Amount{Value: want, Precision: want * 1e-3}); !ok {
							t.Errorf("value = %g, want %g (%s)", got, want, why)
						}
					}
					if got, want := found.Amount.Currency, currencyIn(span); got != want {
						t.Errorf("currency = %q, want %q", got, want)
					}
					if !found.Span.In(len(texts[key])) || texts[key][found.Span.Start:found.Span.End] != found.Text {
						t.Errorf("span %v does not hold %q", found.Span, found.Text)
					}
					if !found.Sentence.Contains(found.Span) {
						t.Errorf("sentence %v does not contain span %v", found.Sentence, found.Span)
					}
				})
			}
		}
	}
	t.Run("must_not", func(t *testing.T) {
		for key, fs := range facts {
			text := texts[key]
			for _, f := range fs {
				if f.Kind != news.KindMoney {
					continue
				}
				for _, bad := range []string{"14,30h", "10 fois moins"} {
					at := strings.Index(text, bad)
					if at >= 0 && f.Span.Overlaps(news.Span{Start: at, End: at + len(bad)}) {
						t.Errorf("article %s: money fact %q overlaps %q", key, f.Text, bad)
					}
				}
			}
		}
	})
}

func texts2(fs []news.Fact) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Kind)+":"+f.Text)
	}
	return out
}
