package entity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

type seedGold struct {
	Articles map[string]string `json:"articles"`
	Entities []struct {
		Name    string          `json:"name"`
		Type    news.EntityType `json:"type"`
		Sources []string        `json:"sources"`
		Aliases []string        `json:"aliases"`
	} `json:"entities"`
}

// seedEntities runs Extract and Canonicalize on the seed articles.
func seedEntities(t *testing.T) (seedGold, []string, []news.Entity) {
	t.Helper()
	goldPath := shareddata.TestPath(t, "seeds", "gold.json")
	b, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("%s: %v", goldPath, err)
	}
	keys := sortedKeys(gold.Articles)
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var mentions [][]news.Mention
	for _, k := range keys {
		p := filepath.Join(filepath.Dir(goldPath), "articles", gold.Articles[k])
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := &news.Article{Name: k, Text: string(b)}
		ms := r.Extract(a)
		for _, m := range ms {
			if !m.Span.In(len(a.Text)) || a.Text[m.Span.Start:m.Span.End] != m.Text {
				t.Errorf("%s: mention %+v: span does not match its text", k, m)
			}
		}
		texts = append(texts, a.Text)
		mentions = append(mentions, ms)
	}
	return gold, keys, Canonicalize(keys, texts, mentions)
}

// findEntity returns the entity named name (or with that alias) of type
// typ, or of any type when typ is "". Failing that, an entity named by one
// of the gold aliases will do: an article may never write the full name
// (001 says "Trump", never "Donald Trump").
func findEntity(es []news.Entity, name string, typ news.EntityType, goldAliases ...string) *news.Entity {
	for _, n := range append([]string{name}, goldAliases...) {
		for i := range es {
			if typ != "" && es[i].Type != typ {
				continue
			}
			if es[i].Name == n || slices.Contains(es[i].Aliases, n) {
				return &es[i]
			}
		}
	}
	return nil
}

func TestSeedsEntities(t *testing.T) {
	gold, _, es := seedEntities(t)
	single, singleFound, multi, typed := 0, 0, 0, 0
	for _, g := range gold.Entities {
		e := findEntity(es, g.Name, g.Type, g.Aliases...)
		if len(g.Sources) < 2 {
			single++
			if e != nil {
				singleFound++
			}
			continue
		}
		multi++
		t.Run(g.Name, func(t *testing.T) {
			if e == nil {
				e = findEntity(es, g.Name, "", g.Aliases...)
				if e == nil {
					t.Fatalf("entity %q not found", g.Name)
				}
				t.Errorf("entity %q typed %s, want %s", g.Name, e.Type, g.Type)
			} else {
				typed++
			}
			for _, src := range g.Sources {
				if !slices.Contains(e.Articles, src) {
					t.Errorf("%q: articles %v, want %s among them", g.Name, e.Articles, src)
				}
			}
		})
	}
	t.Logf("multi-source gold entities found with their type: %d/%d", typed, multi)
	t.Logf("single-source gold entities found with their type: %d/%d", singleFound, single)
	// Every multi-source entity must have its gold type (each miss is an
	// error above too); modern product names ("ChatGPT", "Stargate") owe
	// theirs to the defining cues of the clean-text rules.
	if floor := multi; typed < floor {
		t.Errorf("multi-source gold entities typed right: %d, want at least %d", typed, floor)
	}
	// Every single-source entity too: the role cues (roles.go) type the
	// modern names the historic corpora lack.
	if singleFound < single {
		t.Errorf("single-source gold entities found with their type: %d, want %d", singleFound, single)
	}
	for _, alias := range []struct{ alias, name string }{{"xIA", "xAI"}, {"Musc", "Elon Musk"}, {"Open AI", "OpenAI"}, {"Altman", "Sam Altman"}} {
		t.Run("alias "+alias.alias, func(t *testing.T) {
			for _, e := range es {
				if e.Name == alias.name || slices.Contains(e.Aliases, alias.name) {
					if !slices.Contains(e.Aliases, alias.alias) && e.Name != alias.alias {
						t.Errorf("entity %q: aliases %v, want %q merged in (merges %q)", e.Name, e.Aliases, alias.alias, e.Merges)
					}
					return
				}
			}
			t.Errorf("no entity %q", alias.name)
		})
	}
	for _, e := range es {
		for _, alias := range e.Aliases {
			explained := false
			for _, m := range e.Merges {
				explained = explained || strings.HasPrefix(m, alias+" → ")
			}
			if !explained {
				t.Errorf("entity %q: alias %q has no merge explanation in %q", e.Name, alias, e.Merges)
			}
		}
	}
	for _, bad := range []string{"Pendant", "Cette", "Mais"} {
		for _, e := range es {
			if e.Name == bad || slices.Contains(e.Aliases, bad) {
				t.Errorf("spurious entity %q: %+v", bad, e)
			}
		}
	}
	if testing.Verbose() {
		for _, e := range es {
			t.Logf("%s %s %v aliases=%q merges=%q", e.Type, e.Name, e.Articles, e.Aliases, e.Merges)
		}
	}
}
