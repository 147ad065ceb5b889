package money_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/extract/money"
	"github.com/recoupe/recoupe/news"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Zorbex offre près de 100 milliards de dollars, soit 97,4 Md€.",
		"entre 40 et 50 millions d’euros, 12,5 %, 14h30, 14,30hXNUMX, 10 fois moins",
		"$ 1,234.5 bn and £3m, C$ 16.4 million, 30 MUSD, thirteen dollars forty five",
		"quatre-vingt-dix-neuf, vingt et un cinquièmes, un sur trois, deux cent virgule zéro trois",
		"192.168.1.2 22,24,26,31 12,34,567.89 1\u202f234\u202f567,89 ,08 -1,1^--23 1e10",
		"le 10 février 2025, en 2015, 2015-2020, 10/02/2025, February 10, 2025",
		"one hundred and three quarters, a twenty-first, minus five point five",
		"- 10  k, 10G, 1m, $, €€, et et et, and and, sur sur 3",
		"\xff\xfe 12 \xc3",
	} {
		f.Add(s, "fr")
		f.Add(s, "en")
	}
	e := money.New()
	f.Fuzz(func(t *testing.T, text, lang string) {
		a := &news.Article{Text: text, Language: lang}
		facts := e.Extract(a)
		prev := -1
		for _, fc := range facts {
			if !fc.Span.In(len(text)) || fc.Span.Len() == 0 {
				t.Fatalf("span %v outside text of %d bytes", fc.Span, len(text))
			}
			if fc.Text != text[fc.Span.Start:fc.Span.End] {
				t.Fatalf("Text %q != text[span] %q", fc.Text, text[fc.Span.Start:fc.Span.End])
			}
			if fc.Span.Start < prev {
				t.Fatalf("facts overlap or are unsorted at %v", fc.Span)
			}
			prev = fc.Span.End
			if fc.Amount == nil {
				t.Fatalf("fact %q has no amount", fc.Text)
			}
			if !fc.Sentence.In(len(text)) {
				t.Fatalf("sentence %v outside text", fc.Sentence)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(fc.Text)) {
				t.Fatalf("fact text %q cuts a character", fc.Text)
			}
		}
		if again := e.Extract(a); !cmp.Equal(facts, again) {
			t.Fatalf("not deterministic:\n%v\n%v", facts, again)
		}
		for _, n := range e.Numbers(a) {
			if !n.Span.In(len(text)) || n.Text != text[n.Span.Start:n.Span.End] {
				t.Fatalf("number span %v outside text or text mismatch", n.Span)
			}
		}
	})
}

// pathological are inputs built to trip a scanner into quadratic work:
// long digit chains, separators that never group, words that almost make
// a number, hedges and fractions nested in each other.
var pathological = map[string]string{
	"digits and scales": "12 345 milliards 9,74 Md€ 1.234.567 trois cent mille millions 3 bn $ 40-50 m ",
	"one digit run":     "1",
	"broken groups":     "1,2",
	"spaced groups":     "1 234",
	"word chain":        "vingt et un et ",
	"fraction chain":    "un sur ",
	"and chain":         "one hundred and ",
	"hedge chain":       "plus de près de ",
	"dots":              "1.",
	"minus":             "- -1 ",
	"dollar letters":    "us $ c $ ",
}

// TestLinearWork checks that the work done by Extract grows linearly:
// doubling the input (to 1 MB of digits and scale words; 256 KB for the
// other patterns) at most doubles the work, counted as scanner steps
// (characters, digit groups, tokens and words visited), not wall-clock.
func TestLinearWork(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	for name, unit := range pathological {
		t.Run(name, func(t *testing.T) {
			size := 1 << 18
			if name == "digits and scales" {
				size = 1 << 20
			}
			if raceEnabled {
				size /= 8
			}
			small := money.WorkForTest(strings.Repeat(unit, size/2/len(unit)), "fr")
			big := money.WorkForTest(strings.Repeat(unit, size/len(unit)), "fr")
			if small == 0 {
				t.Fatalf("no work counted")
			}
			if ratio := float64(big) / float64(small); ratio > 2.2 {
				t.Errorf("work on %d bytes / work on %d bytes = %d / %d = %.2f, want ≤ 2.2 (linear)", size, size/2, big, small, ratio)
			}
		})
	}
}
