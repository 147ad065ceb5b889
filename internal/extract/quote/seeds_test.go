package quote_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/extract/quote"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

type seedGold struct {
	Articles map[string]string `json:"articles"`
	Quotes   []struct {
		ID      string            `json:"id"`
		Speaker string            `json:"speaker"`
		Sources map[string]string `json:"sources"`
	} `json:"quotes"`
}

var spaceRun = regexp.MustCompile(`\s+`)

// norm makes texts comparable: one space, ’ as ', no trailing punctuation.
func norm(s string) string {
	s = strings.ReplaceAll(s, "’", "'")
	s = spaceRun.ReplaceAllString(strings.TrimSpace(s), " ")
	return strings.ToLower(strings.TrimRight(s, " .,;:!?…"))
}

func loadSeeds(t *testing.T) (seedGold, map[string]string) {
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
	for id, name := range g.Articles {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(path), "articles", name))
		if err != nil {
			t.Fatal(err)
		}
		texts[id] = string(b)
	}
	return g, texts
}

func TestSeeds(t *testing.T) {
	g, texts := loadSeeds(t)
	e := quote.New()
	got := map[string][]news.Quote{}
	for id, text := range texts {
		got[id] = e.Extract(&news.Article{Text: text}, nil)
	}
	for _, q := range g.Quotes {
		for id, want := range q.Sources {
			t.Run(q.ID+"/"+id, func(t *testing.T) {
				for _, p := range got[id] {
					if norm(p.Text) == norm(want) {
						if p.Speaker != q.Speaker {
							t.Errorf("speaker of %q = %q, want %q", want, p.Speaker, q.Speaker)
						}
						return
					}
				}
				var texts []string
				for _, p := range got[id] {
					texts = append(texts, p.Text+" ["+p.Speaker+"]")
				}
				t.Errorf("quote %q not found; got %q", want, texts)
			})
		}
	}
}

func TestSeedsGrouping(t *testing.T) {
	g, _ := loadSeeds(t)
	var all []struct{ id, text string }
	for _, q := range g.Quotes {
		for _, s := range q.Sources {
			all = append(all, struct{ id, text string }{q.ID, s})
		}
	}
	for i, a := range all {
		for _, b := range all[i+1:] {
			if len(a.text) < 20 || len(b.text) < 20 {
				continue // one-word quotes group by speaker, not by words
			}
			s := quote.Similarity(a.text, b.text)
			if same := a.id == b.id; same != (s > quote.GroupThreshold) {
				t.Errorf("Similarity(%q, %q) = %.2f, same quote: %v (threshold %.2f)", a.text, b.text, s, same, quote.GroupThreshold)
			}
		}
	}
}
