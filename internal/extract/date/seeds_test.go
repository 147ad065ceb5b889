package date_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/recoupe/recoupe/internal/extract/date"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

type seedGold struct {
	Articles map[string]string `json:"articles"`
	Dates    []struct {
		ID      string              `json:"id"`
		Date    string              `json:"date"`
		Year    int                 `json:"year"`
		Sources map[string][]string `json:"sources"`
	} `json:"dates"`
}

// seedPublished gives each seed the publication date ingest reads: 002
// opens with "date 2025-02"; the others carry none.
func seedPublished(text string) news.Date {
	first, _, _ := strings.Cut(text, "\n")
	if rest, ok := strings.CutPrefix(strings.TrimSpace(first), "date "); ok {
		if d, ok := news.ParseDate(strings.Fields(rest)[0]); ok {
			return d
		}
	}
	return news.Date{}
}

func TestSeeds(t *testing.T) {
	dir := shareddata.TestPath(t, "seeds")
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("seeds/gold.json: %v", err)
	}
	facts := map[string][]news.Fact{}
	arts := map[string]*news.Article{}
	for key, name := range gold.Articles {
		b, err := os.ReadFile(filepath.Join(dir, "articles", name))
		if err != nil {
			t.Fatal(err)
		}
		a := &news.Article{Name: name, Text: string(b), Language: "fr", Published: seedPublished(string(b))}
		arts[key] = a
		facts[key] = date.New().Extract(a)
	}
	if got, want := arts["002"].Published, (news.Date{Time: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranMonth}); got != want {
		t.Fatalf("002 published = %v, want %v", got, want)
	}
	for _, g := range gold.Dates {
		want := g.Date
		if g.Year != 0 {
			want = time.Date(g.Year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006")
		}
		for key, texts := range g.Sources {
			for _, s := range texts {
				t.Run(g.ID+"/"+key+"/"+s, func(t *testing.T) {
					a := arts[key]
					var f *news.Fact
					for i := range facts[key] {
						if facts[key][i].Text == s && strings.Contains(a.Text, s) {
							f = &facts[key][i]
							break
						}
					}
					if f == nil {
						t.Fatalf("no date fact %q in %s; got %v", s, key, texts2(facts[key]))
					}
					if f.Kind != news.KindDate {
						t.Errorf("kind = %v, want date", f.Kind)
					}
					anchorable := !a.Published.IsZero() && !strings.HasPrefix(f.When.Expr, "weekday:")
					if !f.When.Relative || anchorable {
						if got := f.When.Date.String(); got != want {
							t.Errorf("date = %q, want %q (expr %q)", got, want, f.When.Expr)
						}
						return
					}
					if !f.When.Date.IsZero() {
						t.Errorf("date = %q, want unresolved (no anchor for %q)", f.When.Date, f.When.Expr)
					}
				})
			}
		}
	}
	// 001's "14,30hXNUMX" is a time of day, never anything else.
	for _, f := range facts["001"] {
		if strings.HasPrefix(f.Text, "14,30") {
			if got, want := f.When.Expr, "time:14:30"; f.Kind != news.KindTime || got != want {
				t.Errorf("%q: kind %v expr %q, want time %q", f.Text, f.Kind, got, want)
			}
			return
		}
	}
	t.Errorf("001: no time fact for 14,30h")
}

func texts2(fs []news.Fact) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Text)
	}
	return out
}
