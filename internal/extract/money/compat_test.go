package money_test

import (
	"testing"

	"github.com/recoupe/recoupe/internal/extract/money"
	"github.com/recoupe/recoupe/news"
)

func TestCompatible(t *testing.T) {
	amt := func(v, prec float64, cur string, q news.Qualifier) news.Amount {
		return news.Amount{Value: v, Precision: prec, Currency: cur, Qualifier: q}
	}
	tests := []struct {
		name   string
		a, b   news.Amount
		want   bool
		wantWh string
	}{
		{"equal", amt(97.4e9, 1e8, "USD", ""), amt(97.4e9, 1e8, "USD", ""), true, "equal"},
		{"rounded", amt(97e9, 1e9, "", ""), amt(97.4e9, 1e8, "USD", ""), true, "rounding: 97e9 ≈ 97.4e9"},
		{"approximation", amt(100e9, 1e9, "USD", news.QualApprox), amt(97.4e9, 1e8, "USD", ""), true, "approximation: 100e9 ≈ 97.4e9"},
		{"approximation too far", amt(100e9, 1e9, "USD", news.QualApprox), amt(80e9, 1e9, "USD", ""), false, "value 100e9 vs 80e9"},
		{"missing currency", amt(9.74e9, 1e7, "", ""), amt(9.74e9, 1e7, "USD", ""), true, "equal"},
		{"different currency", amt(97.4e9, 1e8, "EUR", ""), amt(97.4e9, 1e8, "USD", ""), false, "currency EUR vs USD"},
		{"different value", amt(54e9, 1e9, "USD", ""), amt(44e9, 1e9, "USD", ""), false, "value 54e9 vs 44e9"},
		{"precise values differ", amt(97.4e9, 1e8, "USD", ""), amt(97.6e9, 1e8, "USD", ""), false, "value 97.4e9 vs 97.6e9"},
		{"at least", amt(40e9, 1e9, "USD", news.QualAtLeast), amt(44e9, 1e9, "USD", ""), true, "lower bound: 40e9 ≈ 44e9"},
		{"at least, below", amt(40e9, 1e9, "USD", news.QualAtLeast), amt(30e9, 1e9, "USD", ""), false, "value 40e9 vs 30e9"},
		{"at most", amt(5, 1, "", news.QualAtMost), amt(4.2, 0.1, "", ""), true, "upper bound: 5 ≈ 4.2"},
		{"range", news.Amount{Value: 40e6, Max: 50e6, Precision: 1e6, Currency: "EUR"}, amt(45e6, 1e6, "EUR", ""), true, "rounding: 40e6–50e6 ≈ 45e6"},
		{"outside range", news.Amount{Value: 40e6, Max: 50e6, Precision: 1e6, Currency: "EUR"}, amt(60e6, 1e6, "EUR", ""), false, "value 40e6–50e6 vs 60e6"},
		{"small numbers", amt(12.5, 0.1, "", ""), amt(12, 1, "", ""), true, "rounding: 12.5 ≈ 12"},
		// Fictional: "cinq jours" and "six jours" only touch at 5.5.
		{"neighbouring integers", amt(5, 1, "", ""), amt(6, 1, "", ""), false, "value 5 vs 6"},
		{"neighbouring approximations", amt(2, 1, "", news.QualApprox), amt(3, 1, "", news.QualApprox), false, "value 2 vs 3"},
		// Fictional: "500 000 euros" is not "un million d'euros" rounded.
		{"half is not rounded up to one", amt(500e3, 1e3, "EUR", ""), amt(1e6, 1e6, "EUR", ""), false, "value 500000 vs 1e6"},
		{"one million rounded", amt(1.2e6, 1e5, "EUR", ""), amt(1e6, 1e6, "EUR", ""), true, "rounding: 1.2e6 ≈ 1e6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := money.Compatible(tt.a, tt.b)
			if got != tt.want || why != tt.wantWh {
				t.Errorf("Compatible(%+v, %+v) = %v, %q, want %v, %q", tt.a, tt.b, got, why, tt.want, tt.wantWh)
			}
			// Symmetric in its verdict.
			if back, _ := money.Compatible(tt.b, tt.a); back != got {
				t.Errorf("Compatible(b, a) = %v, want %v (symmetric)", back, got)
			}
		})
	}
}
