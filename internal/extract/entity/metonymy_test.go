package entity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

// at builds the mention of the n-th (0-based) occurrence of s in text.
func at(t *testing.T, text, s string, n int, typ news.EntityType) news.Mention {
	t.Helper()
	i := -1
	for range n + 1 {
		j := strings.Index(text[i+1:], s)
		if j < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", text, n, s)
		}
		i += 1 + j
	}
	return news.Mention{Span: news.Span{Start: i, End: i + len(s)}, Text: s, Type: typ, Name: s}
}

func TestPlaceAliases(t *testing.T) {
	// Fictional texts: Vormelia, Lunix and Castelbrune do not exist.
	type cite struct {
		Article    string
		Start, End int
	}
	tests := []struct {
		name  string
		texts []string
		ments func(texts []string) [][]news.Mention
		// want: entity name → its mentions' (article, start) and type.
		want map[string][]cite
		typ  map[string]news.EntityType
	}{
		{
			name: "French seat, periphrasis elsewhere in the story",
			texts: []string{
				"Le groupe Vormelia, basé à Castelbrune, a publié ses comptes. À Castelbrune, la mairie se réjouit.",
				"La firme de Castelbrune a confirmé l'accord. Le maire de Castelbrune s'est tu.",
			},
			ments: func(x []string) [][]news.Mention {
				return [][]news.Mention{
					{at(t, x[0], "Vormelia", 0, news.ORG), at(t, x[0], "Castelbrune", 0, news.LOC), at(t, x[0], "Castelbrune", 1, news.LOC)},
					{at(t, x[1], "Castelbrune", 0, news.LOC), at(t, x[1], "Castelbrune", 1, news.LOC)},
				}
			},
			want: map[string][]cite{
				"Vormelia":    {{"a", 10, 18}, {"b", 12, 23}},
				"Castelbrune": {{"a", 29, 40}, {"a", 68, 79}, {"b", 58, 69}},
			},
			typ: map[string]news.EntityType{"Vormelia": news.ORG, "Castelbrune": news.LOC},
		},
		{
			name: "English seat; a periphrasis the recogniser missed is found in the text",
			texts: []string{
				"Castelbrune-based Vormelia said on Monday it would hire.",
				"The Castelbrune giant will hire 300 engineers.",
			},
			ments: func(x []string) [][]news.Mention {
				return [][]news.Mention{
					{at(t, x[0], "Castelbrune", 0, news.LOC), at(t, x[0], "Vormelia", 0, news.ORG)},
					{},
				}
			},
			want: map[string][]cite{
				"Vormelia":    {{"a", 18, 26}, {"b", 4, 15}},
				"Castelbrune": {{"a", 0, 11}},
			},
			typ: map[string]news.EntityType{"Vormelia": news.ORG, "Castelbrune": news.LOC},
		},
		{
			name: "two organisations in one town: no alias",
			texts: []string{
				"Vormelia, basée à Castelbrune, et Lunix, installée à Castelbrune, s'allient.",
				"La firme de Castelbrune a confirmé.",
			},
			ments: func(x []string) [][]news.Mention {
				return [][]news.Mention{
					{at(t, x[0], "Vormelia", 0, news.ORG), at(t, x[0], "Lunix", 0, news.ORG)},
					{at(t, x[1], "Castelbrune", 0, news.LOC)},
				}
			},
			want: map[string][]cite{
				"Vormelia":    {{"a", 0, 8}},
				"Lunix":       {{"a", 36, 41}},
				"Castelbrune": {{"b", 12, 23}},
			},
			typ: map[string]news.EntityType{"Vormelia": news.ORG, "Lunix": news.ORG, "Castelbrune": news.LOC},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents := Canonicalize([]string{"a", "b"}, tt.texts, tt.ments(tt.texts))
			got := map[string][]cite{}
			gotTyp := map[string]news.EntityType{}
			for _, e := range ents {
				gotTyp[e.Name] = e.Type
				for _, m := range e.Mentions {
					got[e.Name] = append(got[e.Name], cite{m.Article, m.Start, m.End})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mentions (-want +got):\n%s\nentities: %+v", diff, ents)
			}
			if diff := cmp.Diff(tt.typ, gotTyp); diff != "" {
				t.Errorf("types (-want +got):\n%s", diff)
			}
			for _, e := range ents {
				for _, m := range e.Mentions {
					if text := tt.texts[m.Article[0]-'a']; text[m.Start:m.End] != m.Text {
						t.Errorf("%s: span %d:%d reads %q, mention says %q", e.Name, m.Start, m.End, text[m.Start:m.End], m.Text)
					}
				}
			}
		})
	}
}

func TestPlaceAliasExplained(t *testing.T) {
	texts := []string{"Vormelia, dont le siège est à Castelbrune, recrute.", "Le géant de Castelbrune recrute."}
	ents := Canonicalize([]string{"a", "b"}, texts, [][]news.Mention{{at(t, texts[0], "Vormelia", 0, news.ORG)}, {}})
	want := "Castelbrune → Vormelia: « géant de Castelbrune » in b, where a says « Vormelia, dont le siège est à Castelbrune », same story, ORG"
	if len(ents) != 1 || len(ents[0].Merges) != 1 || ents[0].Merges[0] != want {
		t.Fatalf("entities = %+v, want one with merge %q", ents, want)
	}
}
