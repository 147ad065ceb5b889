package entity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

// men builds a mention; the texts are fictional.
func men(text string, typ news.EntityType, name string) news.Mention {
	if name == "" {
		name = text
	}
	return news.Mention{Text: text, Type: typ, Name: name}
}

func TestCanonicalize(t *testing.T) {
	type ent struct {
		Name    string
		Type    news.EntityType
		Aliases []string
		Merges  []string
		Arts    []string
	}
	tests := []struct {
		name     string
		mentions [][]news.Mention
		want     []ent
	}{
		{
			name: "short form, near-spelling through an alias, transposition",
			mentions: [][]news.Mention{
				{men("Solène Garradet", news.PER, ""), men("Garradet", news.PER, "Solène Garradet"), men("vTrix", news.ORG, "")},
				{men("Garradet", news.PER, ""), men("Garadet", news.PER, ""), men("vTirx", news.ORG, "")},
				{men("vTrix", news.ORG, "")},
			},
			want: []ent{
				{"vTrix", news.ORG, []string{"vTirx"}, []string{"vTirx → vTrix: 1 edit, same story, ORG"}, []string{"a", "b", "c"}},
				{"Solène Garradet", news.PER, []string{"Garadet", "Garradet"}, []string{
					"Garradet → Solène Garradet: short form, same article, PER",
					"Garradet → Solène Garradet: short form, same story, PER",
					"Garadet → Solène Garradet: 1 edit from Garradet, same story, PER"}, []string{"a", "b"}},
			},
		},
		{
			name: "acronym and spacing",
			mentions: [][]news.Mention{
				{men("Agence Spatiale Ornavienne", news.ORG, ""), men("ASO", news.ORG, ""), men("Brin Dora", news.ORG, "")},
				{men("Agence Spatiale Ornavienne", news.ORG, ""), men("BrinDora", news.MISC, ""), men("BrinDora", news.ORG, "")},
			},
			want: []ent{
				{"Agence Spatiale Ornavienne", news.ORG, []string{"ASO"}, []string{"ASO → Agence Spatiale Ornavienne: acronym, same story, ORG"}, []string{"a", "b"}},
				{"BrinDora", news.ORG, []string{"Brin Dora"}, []string{"Brin Dora → BrinDora: 1 edit (spacing), same story, ORG"}, []string{"a", "b"}},
			},
		},
		{
			name: "no merge: other type, other first letter, ambiguous short form, short names",
			mentions: [][]news.Mention{
				{men("Marlo", news.LOC, ""), men("Jean Marlo", news.PER, ""), men("Anne Marlo", news.PER, ""), men("Marlo", news.PER, "")},
				{men("Jean Marlo", news.PER, ""), men("Anne Marlo", news.PER, ""), men("Varlo", news.PER, ""), men("Abc", news.ORG, ""), men("Abd", news.ORG, "")},
			},
			want: []ent{
				{"Anne Marlo", news.PER, nil, nil, []string{"a", "b"}},
				{"Jean Marlo", news.PER, nil, nil, []string{"a", "b"}},
				{"Marlo", news.PER, nil, nil, []string{"a"}},
				{"Abc", news.ORG, nil, nil, []string{"b"}},
				{"Abd", news.ORG, nil, nil, []string{"b"}},
				{"Varlo", news.PER, nil, nil, []string{"b"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names := []string{"a", "b", "c"}[:len(tt.mentions)]
			es := Canonicalize(names, make([]string, len(names)), tt.mentions)
			var got []ent
			for _, e := range es {
				got = append(got, ent{e.Name, e.Type, e.Aliases, e.Merges, e.Articles})
				n := 0
				for _, ms := range tt.mentions {
					for _, m := range ms {
						for _, c := range e.Mentions {
							if c.Text == m.Text {
								n++
								break
							}
						}
					}
				}
				if n < len(e.Mentions) {
					t.Errorf("%s: %d citations, only %d input mentions match them", e.Name, len(e.Mentions), n)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Canonicalize (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOSA(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"xia", "xai", 1}, {"musc", "musk", 1}, {"abc", "abc", 0}, {"abcd", "badc", 2}, {"é", "e", 1}, {"", "abc", 3},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := osa(tt.a, tt.b, 9); got != tt.want {
				t.Errorf("osa(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// The texts below are fictional.
func TestParentheticalAlias(t *testing.T) {
	text := "La société Zorbex (désormais ZX) a racheté Brumel. Les autorités ont saisi l'Agence des marchés (AMF)."
	var ms []news.Mention
	for _, name := range []string{"Zorbex", "Brumel", "Agence des marchés"} {
		i := strings.Index(text, name)
		ms = append(ms, news.Mention{Span: news.Span{Start: i, End: i + len(name)}, Text: name, Type: news.ORG, Name: name})
	}
	ents := Canonicalize([]string{"a.txt"}, []string{text}, [][]news.Mention{ms})
	aliases := map[string][]string{}
	for _, e := range ents {
		aliases[e.Name] = e.Aliases
		for _, m := range e.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v does not hold its text", m)
			}
		}
	}
	if got := aliases["Zorbex"]; len(got) != 1 || got[0] != "ZX" {
		t.Errorf("Zorbex aliases = %v, want [ZX]", got)
	}
	if got := aliases["Agence des marchés"]; len(got) != 1 || got[0] != "AMF" {
		t.Errorf("Agence des marchés aliases = %v, want [AMF]", got)
	}
	if len(aliases["Brumel"]) != 0 {
		t.Errorf("Brumel aliases = %v, want none", aliases["Brumel"])
	}
}
