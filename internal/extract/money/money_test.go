package money_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/extract/money"
	"github.com/recoupe/recoupe/news"
)

// fact is the part of a news.Fact these tests compare.
type fact struct {
	Kind      news.Kind
	Text      string
	Value     float64
	Max       float64
	Currency  string
	Precision float64
	Qualifier news.Qualifier
}

func extract(lang, text string) []fact {
	var out []fact
	for _, f := range money.New().Extract(&news.Article{Text: text, Language: lang}) {
		out = append(out, fact{f.Kind, f.Text, f.Amount.Value, f.Amount.Max, f.Amount.Currency, f.Amount.Precision, f.Amount.Qualifier})
	}
	return out
}

// approxFloat compares floats to 1e-9 relative (97.4e9 read from "97,4"
// need not be bit-identical to the literal).
var approxFloat = cmp.Comparer(func(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
})

// All sentences below are fictional, written for these tests.
func TestExtract(t *testing.T) {
	const (
		M  = news.KindMoney
		N  = news.KindNumber
		P  = news.KindPercent
		ap = news.QualApprox
		al = news.QualAtLeast
		am = news.QualAtMost
	)
	tests := []struct {
		name, lang, text string
		want             []fact
	}{
		// Digits in either convention, thousands with (thin) spaces.
		{"fr decimal comma", "fr", "La société Zorbex a levé 97,4 milliards de dollars.",
			[]fact{{M, "97,4 milliards de dollars", 97.4e9, 0, "USD", 1e8, ""}}},
		{"fr decimal point", "fr", "Zorbex a versé 97.4 milliards d’euros à ses actionnaires.",
			[]fact{{M, "97.4 milliards d’euros", 97.4e9, 0, "EUR", 1e8, ""}}},
		{"fr straight apostrophe", "fr", "Un budget de 22 millions d'euros est voté.",
			[]fact{{M, "22 millions d'euros", 22e6, 0, "EUR", 1e6, ""}}},
		{"fr spaces", "fr", "Le village de Brelan compte 1 234,5 habitants et 12\u202f500 moutons, 3\u00a0000 vaches.",
			[]fact{{N, "1 234,5", 1234.5, 0, "", 0.1, ""}, {N, "12\u202f500", 12500, 0, "", 1, ""}, {N, "3\u00a0000", 3000, 0, "", 1, ""}}},
		{"en grouping", "en", "Quillon sold 1,234.5 tonnes for $1,250,000.",
			[]fact{{N, "1,234.5", 1234.5, 0, "", 0.1, ""}, {M, "$1,250,000", 1.25e6, 0, "USD", 1, ""}}},
		{"fr dot thousands", "fr", "Le billet coûte 94.000 $ à Pétaouchnok.",
			[]fact{{M, "94.000 $", 94000, 0, "USD", 1, ""}}},
		{"fr three decimals", "fr", "Le ticket coûte 12,345 $.",
			[]fact{{M, "12,345 $", 12.345, 0, "USD", 0.001, ""}}},
		{"en comma thousands", "en", "The ticket costs $12,345.",
			[]fact{{M, "$12,345", 12345, 0, "USD", 1, ""}}},
		// Words.
		{"fr words", "fr", "Il a vu quatre-vingt-dix-neuf moutons, deux cents chèvres et vingt et un ânes.",
			[]fact{{N, "quatre-vingt-dix-neuf", 99, 0, "", 1, ""}, {N, "deux cents", 200, 0, "", 1, ""}, {N, "vingt et un", 21, 0, "", 1, ""}}},
		{"fr words scale money", "fr", "Le groupe Zorbex paiera trois milliards d’euros.",
			[]fact{{M, "trois milliards d’euros", 3e9, 0, "EUR", 1e9, ""}}},
		{"en words", "en", "Twenty-one farmers sold two hundred and six goats.",
			[]fact{{N, "Twenty-one", 21, 0, "", 1, ""}, {N, "two hundred and six", 206, 0, "", 1, ""}}},
		{"fr article is not a count", "fr", "Un fermier a vendu une vache.", nil},
		// Scale abbreviations, symbols and codes.
		{"fr Md€ M€ k€", "fr", "Zorbex vaut 1,5 Md€, sa filiale 22 M€ et son café 800 k€.",
			[]fact{{M, "1,5 Md€", 1.5e9, 0, "EUR", 1e8, ""}, {M, "22 M€", 22e6, 0, "EUR", 1e6, ""}, {M, "800 k€", 800e3, 0, "EUR", 1e3, ""}}},
		{"en bn and m", "en", "Quillon paid $9.74bn for Zorbex and £3m for a barn.",
			[]fact{{M, "$9.74bn", 9.74e9, 0, "USD", 1e7, ""}, {M, "£3m", 3e6, 0, "GBP", 1e6, ""}}},
		{"iso before and after", "en", "The fee is EUR 1000 or 1200 CHF.",
			[]fact{{M, "EUR 1000", 1000, 0, "EUR", 1, ""}, {M, "1200 CHF", 1200, 0, "CHF", 1, ""}}},
		{"currency words", "fr", "Il a reçu 10 000 francs suisses, 300 yuans et 5 millions de roubles.",
			[]fact{{M, "10 000 francs suisses", 10000, 0, "CHF", 1, ""}, {M, "300 yuans", 300, 0, "CNY", 1, ""}, {M, "5 millions de roubles", 5e6, 0, "RUB", 1e6, ""}}},
		{"currency word before a number", "fr", "L’EURO 2024, puis le Dollar 5 sont des noms.", []fact{{N, "5", 5, 0, "", 1, ""}}},
		{"won and rupees", "en", "Quillon won 3 awards, spent 1.2 trillion won and Rs. 500.",
			[]fact{{N, "3", 3, 0, "", 1, ""}, {M, "1.2 trillion won", 1.2e12, 0, "KRW", 1e11, ""}, {M, "Rs. 500", 500, 0, "INR", 1, ""}}},
		{"canadian dollar", "en", "Brelan Corp raised C$ 16.4 million.",
			[]fact{{M, "C$ 16.4 million", 16.4e6, 0, "CAD", 1e5, ""}}},
		{"which dollar after the sign", "en", "Brelan gave $US1 million ($1.52 million), then $A3 million; $a 5 is no amount.",
			[]fact{{M, "$US1 million", 1e6, 0, "USD", 1e6, ""}, {M, "$1.52 million", 1.52e6, 0, "USD", 1e4, ""}, {M, "$A3 million", 3e6, 0, "AUD", 1e6, ""}, {N, "5", 5, 0, "", 1, ""}}},
		{"cents", "en", "Shares of Quillon fell 34 cents to 245p; the coffee costs three dollars and fifty cents.",
			[]fact{{M, "34 cents", 0.34, 0, "", 0.01, ""}, {M, "245p", 2.45, 0, "GBP", 0.01, ""}, {M, "three dollars and fifty cents", 3.5, 0, "USD", 0.01, ""}}},
		{"p alone is not pence", "en", "See p 12 at 3pm.",
			[]fact{{N, "12", 12, 0, "", 1, ""}}},
		// Ranges, percentages, hedges.
		{"fr range", "fr", "Le rachat coûterait entre 40 et 50 millions d’euros.",
			[]fact{{M, "entre 40 et 50 millions d’euros", 40e6, 50e6, "EUR", 1e6, ""}}},
		{"en range", "en", "The bid is between $2bn and $3bn.",
			[]fact{{M, "between $2bn and $3bn", 2e9, 3e9, "USD", 1e9, ""}}},
		{"percent", "fr", "Le chômage a baissé de 12,5 % et l’inflation de 3 pour cent.",
			[]fact{{P, "12,5 %", 12.5, 0, "", 0.1, ""}, {P, "3 pour cent", 3, 0, "", 1, ""}}},
		{"en percent", "en", "Sales rose 12.5 percent.",
			[]fact{{P, "12.5 percent", 12.5, 0, "", 0.1, ""}}},
		{"hedges fr", "fr", "Zorbex offre près de 100 milliards de dollars, plus de 3 000 emplois et moins de 5 %.",
			[]fact{{M, "près de 100 milliards de dollars", 100e9, 0, "USD", 1e9, ap}, {N, "plus de 3 000", 3000, 0, "", 1, al}, {P, "moins de 5 %", 5, 0, "", 1, am}}},
		{"hedges en", "en", "Quillon has about 40 stores and up to $5 million in cash.",
			[]fact{{N, "about 40", 40, 0, "", 1, ap}, {M, "up to $5 million", 5e6, 0, "USD", 1e6, am}}},
		// Money without a currency word: money in a sentence about money only.
		{"no currency, money sentence", "fr", "Zorbex propose de racheter Brelan pour 97 milliards.",
			[]fact{{M, "97 milliards", 97e9, 0, "", 1e9, ""}}},
		{"no currency, other sentence", "fr", "La galaxie compte 97 milliards d’étoiles.",
			[]fact{{N, "97 milliards", 97e9, 0, "", 1e9, ""}}},
		{"no currency, pays is no cue", "fr", "Vendredi, le pays a franchi les 70 millions.",
			[]fact{{N, "70 millions", 70e6, 0, "", 1e6, ""}}},
		{"no currency, counted noun", "fr", "Zorbex paie ses 2 millions de salariés et rachète Brelan pour 3 milliards si nécessaire.",
			[]fact{{N, "2 millions", 2e6, 0, "", 1e6, ""}, {M, "3 milliards", 3e9, 0, "", 1e9, ""}}},
		{"ratio", "fr", "Zorbex offre de racheter Brelan pour 10 fois moins.",
			[]fact{{N, "10", 10, 0, "", 1, ""}}},
		// Not numbers: times, dates, years, glued letters.
		{"times", "fr", "Rendez-vous à 14h30, puis à 14:45, à 20 h 30 ; mise à jour à 14,30hXNUMX.", nil},
		{"vulgar fractions", "en", "Quillon grew 2½ times and kept ¾ of its staff.",
			[]fact{{N, "2½", 2.5, 0, "", 0, ""}, {N, "¾", 0.75, 0, "", 0, ""}}},
		{"dates", "fr", "Le 10 février 2025, en 2015 et depuis 2022, rien.", nil},
		{"en dates", "en", "On February 10, 2025 and in 2015, nothing.", nil},
		{"numeric date", "fr", "Publié le 2025-02-10 ou le 10/02/2025.", nil},
		// Fictional datelines as some feeds tokenise them.
		{"spaced time and date", "en", "UPDATED: 9: 56 AM, 11 / 27 / 2031; posted 23: 37: 00 05 / 05 / 31.", nil},
		{"ratio and score stay", "en", "Quillon won 3: 1 and 20 / 13 of them left.",
			[]fact{{N, "3", 3, 0, "", 1, ""}, {N, "1", 1, 0, "", 1, ""}, {N, "20", 20, 0, "", 1, ""}, {N, "13", 13, 0, "", 1, ""}}},
		{"glued letters", "en", "The A380 flew 180km on 4th gear.", nil},
		{"year-like count", "fr", "Plus de 2000 personnes et 1950 brebis.",
			[]fact{{N, "Plus de 2000", 2000, 0, "", 1, al}, {N, "1950", 1950, 0, "", 1, ""}}},
		{"negative and fraction", "en", "It changed by -4.5 and two thirds of it.",
			[]fact{{N, "-4.5", -4.5, 0, "", 0.1, ""}, {N, "two thirds", 2.0 / 3, 0, "", 0, ""}}},
		{"ordinal is not a fraction", "fr", "Il brigue un cinquième mandat.", nil},
		{"fraction of a scale", "en", "Two and a half million people paid three quarters of a billion dollars.",
			[]fact{{N, "Two and a half million", 2.5e6, 0, "", 0, ""}, {M, "three quarters of a billion dollars", 0.75e9, 0, "USD", 0, ""}}},
		{"et demi", "fr", "Zorbex paie 3 millions et demi d’euros.",
			[]fact{{M, "3 millions et demi d’euros", 3.5e6, 0, "EUR", 1e5, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extract(tt.lang, tt.text)
			if diff := cmp.Diff(tt.want, got, approxFloat); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestExtractSpansAndSentences(t *testing.T) {
	text := "Zorbex paie 3 millions d’euros. Brelan répond : « 9,74 milliards si vous voulez. »\nFin à 14h30."
	facts := money.New().Extract(&news.Article{Text: text, Language: "fr"})
	if len(facts) != 2 {
		t.Fatalf("got %d facts, want 2: %v", len(facts), facts)
	}
	for _, f := range facts {
		if !f.Span.In(len(text)) || text[f.Span.Start:f.Span.End] != f.Text {
			t.Errorf("span %v does not hold %q", f.Span, f.Text)
		}
		if !f.Sentence.Contains(f.Span) {
			t.Errorf("sentence %v does not contain %v (%q)", f.Sentence, f.Span, f.Text)
		}
	}
	if got, want := text[facts[0].Sentence.Start:facts[0].Sentence.End], "Zorbex paie 3 millions d’euros."; got != want {
		t.Errorf("first sentence = %q, want %q", got, want)
	}
	if facts[0].Span.End > facts[1].Span.Start {
		t.Errorf("facts overlap or are unsorted: %v, %v", facts[0].Span, facts[1].Span)
	}
}

func TestLanguageGuess(t *testing.T) {
	// No Language: French and English conventions are told apart by the words.
	fr := money.New().Extract(&news.Article{Text: "Le prix de la maison est de 4,800 dollars pour les acheteurs."})
	en := money.New().Extract(&news.Article{Text: "The price of the house is 4,800 dollars for the buyers."})
	if len(fr) != 1 || len(en) != 1 {
		t.Fatalf("got %v and %v, want one fact each", fr, en)
	}
	if got, want := fr[0].Amount.Value, 4.8; got != want {
		t.Errorf("French 4,800 = %g, want %g", got, want)
	}
	if got, want := en[0].Amount.Value, 4800.0; got != want {
		t.Errorf("English 4,800 = %g, want %g", got, want)
	}
}

func TestNumbers(t *testing.T) {
	text := "Zorbex paie entre 40 et 50 millions de dollars à un fermier."
	var got []string
	for _, f := range money.New().Numbers(&news.Article{Text: text, Language: "fr"}) {
		got = append(got, fmt.Sprintf("%s=%g", f.Text, f.Amount.Value))
	}
	want := []string{"40=40", "50 millions=5e+07", "un=1"} // each number as written
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Numbers mismatch (-want +got):\n%s", diff)
	}
}

func TestEmpty(t *testing.T) {
	e := money.New()
	if got := e.Extract(&news.Article{}); got != nil {
		t.Errorf("Extract(empty) = %v, want nil", got)
	}
	if got := e.Extract(nil); got != nil {
		t.Errorf("Extract(nil) = %v, want nil", got)
	}
}

func ExampleExtractor_Extract() {
	a := &news.Article{Language: "fr", Text: "Zorbex offre près de 100 milliards de dollars pour Brelan."}
	for _, f := range money.New().Extract(a) {
		fmt.Printf("%s %q %g %s %s\n", f.Kind, f.Text, f.Amount.Value, f.Amount.Currency, f.Amount.Qualifier)
	}
	// Output: money "près de 100 milliards de dollars" 1e+11 USD approx
}
