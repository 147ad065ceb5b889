package segment_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/segment"
	"github.com/recoupe/recoupe/news"
)

func texts(text string, spans []news.Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

// The sentences below are fictional.
func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Le chat dort. Le chien aboie.", []string{"Le chat dort.", "Le chien aboie."}},
		{"title abbreviation", "M. Dupont est arrivé. Mme Durand aussi.", []string{"M. Dupont est arrivé.", "Mme Durand aussi."}},
		{"month abbreviation", "Le 3 janv. 2024, rien. Puis tout.", []string{"Le 3 janv. 2024, rien.", "Puis tout."}},
		{"decimal comma and point", "Il offre 97,4 milliards. Elle dit 9.74 bn. Fin.", []string{"Il offre 97,4 milliards.", "Elle dit 9.74 bn.", "Fin."}},
		{"english titles", "Dr. Smith met Mr. Jones. They talked.", []string{"Dr. Smith met Mr. Jones.", "They talked."}},
		{"initials", "J. K. Rowling wrote it. Then she left.", []string{"J. K. Rowling wrote it.", "Then she left."}},
		{"closing quote", "Il a dit « Non. » Puis il est parti.", []string{"Il a dit « Non. »", "Puis il est parti."}},
		{"question exclamation", "Vraiment ?! Oui. Why? Because.", []string{"Vraiment ?!", "Oui.", "Why?", "Because."}},
		{"lower case after period", "Voir le site acme.fr pour plus. Ensuite.", []string{"Voir le site acme.fr pour plus.", "Ensuite."}},
		{"paragraphs", "Titre sans point\n\nPremier paragraphe.\nSecond", []string{"Titre sans point", "Premier paragraphe.", "Second"}},
		{"acronym", "Les U.S.A. et l'O.N.U. discutent. Fin.", []string{"Les U.S.A. et l'O.N.U. discutent.", "Fin."}},
		{"empty", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, segment.Sentences(tt.in))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"elision", "l’annonce d'Elon", []string{"l’", "annonce", "d'", "Elon"}},
		{"inner apostrophe kept", "aujourd'hui", []string{"aujourd'hui"}},
		{"hyphens", "Jean-Pierre a-t-il dit", []string{"Jean-Pierre", "a-t-il", "dit"}},
		{"decimals", "97,4 milliards et $9.74bn", []string{"97,4", "milliards", "et", "$", "9.74", "bn"}},
		{"punctuation", "« Non merci ! »", []string{"«", "Non", "merci", "!", "»"}},
		{"trailing separator", "en 2015, puis 2018.", []string{"en", "2015", ",", "puis", "2018", "."}},
		{"time", "à 14h30", []string{"à", "14", "h30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range segment.Tokens(tt.in) {
				if tok.Text != tt.in[tok.Start:tok.End] {
					t.Fatalf("token %q has span text %q", tok.Text, tt.in[tok.Start:tok.End])
				}
				got = append(got, tok.Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokens(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	in := "Un.\r\n\n  Deux  \nTrois"
	got := texts(in, segment.Paragraphs(in))
	want := []string{"Un.", "Deux", "Trois"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Paragraphs mismatch (-want +got):\n%s", diff)
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"M. X. Le 3 janv. 2024!", "« a » b. C", "\xff\xfe.", "...", "l’'", strings.Repeat("a.", 50)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range segment.Sentences(s) {
			if !sp.In(len(s)) || sp.Start < prev || sp.Len() == 0 {
				t.Fatalf("bad sentence span %+v (prev end %d, len %d)", sp, prev, len(s))
			}
			prev = sp.End
		}
		prev = 0
		for _, tok := range segment.Tokens(s) {
			if !tok.In(len(s)) || tok.Start < prev || tok.Len() == 0 {
				t.Fatalf("bad token span %+v", tok.Span)
			}
			if utf8.ValidString(s) && !utf8.ValidString(tok.Text) {
				t.Fatalf("token %q splits a rune", tok.Text)
			}
			prev = tok.End
		}
	})
}

func BenchmarkSegment(b *testing.B) {
	text := strings.Repeat("M. Dupont a déclaré lundi que l’offre de 97,4 milliards de dollars était « inacceptable ». Puis il est parti.\n", 200)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		segment.Sentences(text)
		segment.Tokens(text)
	}
}
