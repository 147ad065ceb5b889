package money_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

// Ranges, words that only look like currencies, and francophone
// currencies. All sentences are fictional, written for this test.
func TestExtractRangesAndCurrencies(t *testing.T) {
	const (
		M = news.KindMoney
		N = news.KindNumber
		P = news.KindPercent
	)
	tests := []struct {
		name, lang, text string
		want             []fact
	}{
		{"dash range keeps the scale", "en", "Quillon is worth $40-50 billion to its owners.",
			[]fact{{M, "$40-50 billion", 40e9, 50e9, "USD", 1e9, ""}}},
		{"between range", "en", "Quillon is worth between $3 and $5 billion.",
			[]fact{{M, "between $3 and $5 billion", 3e9, 5e9, "USD", 1e9, ""}}},
		{"percent range: lower bound and Max", "en", "Quillon's margins reached 10-15% this year.",
			[]fact{{P, "10-15%", 10, 15, "", 1, ""}}},
		{"à range", "fr", "Le chantier de Trévillac coûtera 40 à 50 millions d'euros.",
			[]fact{{M, "40 à 50 millions d'euros", 40e6, 50e6, "EUR", 1e6, ""}}},
		{"to range", "en", "The Orlin plan needs 40 to 50 million dollars.",
			[]fact{{M, "40 to 50 million dollars", 40e6, 50e6, "USD", 1e6, ""}}},
		{"words take the scale", "fr", "Sept à dix millions de fidèles suivent Trévillac.",
			[]fact{{N, "Sept à dix millions", 7e6, 10e6, "", 1e6, ""}}},
		{"words take the scale after entre", "fr", "Trévillac compte entre sept et dix millions de fidèles.",
			[]fact{{N, "entre sept et dix millions", 7e6, 10e6, "", 1e6, ""}}},
		{"money to money range", "en", "Quillon is worth $3 to $5 billion.",
			[]fact{{M, "$3 to $5 billion", 3e9, 5e9, "USD", 1e9, ""}}},
		{"a fall is no range", "en", "Quillon shares fell 34 cents to 245p.",
			[]fact{{M, "34 cents", 0.34, 0, "", 0.01, ""}, {M, "245p", 2.45, 0, "GBP", 0.01, ""}}},
		{"a raise is no range", "en", "Orlin raised its bid from $3 to $5 billion.",
			[]fact{{M, "$3", 3, 0, "USD", 1, ""}, {M, "$5 billion", 5e9, 0, "USD", 1e9, ""}}},
		{"a change is no range", "en", "Orlin tolls went from 10 to 15% in a year.",
			[]fact{{N, "10", 10, 0, "", 1, ""}, {P, "15%", 15, 0, "", 1, ""}}},
		{"passé de is a change", "fr", "Le taux est passé de 10 à 15 % à Trévillac.",
			[]fact{{N, "10", 10, 0, "", 1, ""}, {P, "15 %", 15, 0, "", 1, ""}}},
		{"a score is no range", "en", "Orlin won 3-1 at home.",
			[]fact{{N, "3", 3, 0, "", 1, ""}, {N, "1", 1, 0, "", 1, ""}}},
		{"real the adjective", "en", "There is only one real problem with the Orlin plan.",
			[]fact{{N, "one", 1, 0, "", 1, ""}}},
		{"reais and R$", "en", "Quillon paid 5 reais, then R$ 3 million.",
			[]fact{{M, "5 reais", 5, 0, "BRL", 1, ""}, {M, "R$ 3 million", 3e6, 0, "BRL", 1e6, ""}}},
		{"a real at the end", "en", "A coffee in Orlin costs 1 real.",
			[]fact{{M, "1 real", 1, 0, "BRL", 1, ""}}},
		{"pounds of flour is a weight", "en", "The Orlin bakery used 3 pounds of flour and 2 pounds sterling of butter.",
			[]fact{{N, "3", 3, 0, "", 1, ""}, {M, "2 pounds sterling", 2, 0, "GBP", 1, ""}}},
		{"pounds after a height are a weight", "en", "Orlin (6-foot-2, 220 pounds) signed on Monday.",
			[]fact{{N, "6", 6, 0, "", 1, ""}, {N, "2", 2, 0, "", 1, ""}, {N, "220", 220, 0, "", 1, ""}}},
		{"pounds lost are a weight", "en", "Ada Orlin lost 20 pounds in a month.",
			[]fact{{N, "20", 20, 0, "", 1, ""}}},
		{"a fine in pounds is money", "en", "Ada Orlin paid a fine of 500 pounds.",
			[]fact{{M, "500 pounds", 500, 0, "GBP", 1, ""}}},
		{"un livre is a book", "fr", "Ada Orlin a écrit un livre sur Trévillac.", nil},
		{"une livre is money", "fr", "Le pain coûte une livre à Trévillac.",
			[]fact{{M, "une livre", 1, 0, "GBP", 1, ""}}},
		{"millions of pounds of money", "en", "Orlin spent 2 million pounds of public money.",
			[]fact{{M, "2 million pounds", 2e6, 0, "GBP", 1e6, ""}}},
		{"FCFA", "fr", "La coopérative de Trévillac a reçu 500 000 FCFA de prime.",
			[]fact{{M, "500 000 FCFA", 500000, 0, "XOF", 1, ""}}},
		{"dirhams", "fr", "Le port de Trévillac coûte 10 millions de dirhams.",
			[]fact{{M, "10 millions de dirhams", 10e6, 0, "", 1e6, ""}}},
		{"dinars", "fr", "Une enveloppe de 1,2 milliard de dinars algériens pour Trévillac.",
			[]fact{{M, "1,2 milliard de dinars algériens", 1.2e9, 0, "DZD", 1e8, ""}}},
		{"G$ and M$", "fr", "Trévillac investit 3 G$ et 500 M$ dans son réseau.",
			[]fact{{M, "3 G$", 3e9, 0, "USD", 1e9, ""}, {M, "500 M$", 500e6, 0, "USD", 1e6, ""}}},
		{"5G is no money", "fr", "Trévillac déploie la 5G dans 3 quartiers.",
			[]fact{{N, "3", 3, 0, "", 1, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, extract(tt.lang, tt.text), approxFloat); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
