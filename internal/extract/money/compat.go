package money

import (
	"fmt"
	"math"
	"strconv"

	"github.com/recoupe/recoupe/news"
)

// Tolerances that hedges add, as a fraction of the value.
const (
	// ApproxTolerance widens "près de", "about", "environ": "près de 100
	// milliards" covers 95 to 105 milliards.
	ApproxTolerance = 0.05
	// BoundTolerance is how far past its bound "plus de", "more than",
	// "moins de", "up to" reach: "plus de 40 milliards" covers 40 to 48.
	BoundTolerance = 0.20
	// RoundingTolerance caps how far rounding reaches, as a fraction of
	// the value: "un million", written to the million, could stand for
	// 0.5 to 1.5 million by its precision alone, but nobody rounds 500 000
	// to a million; it covers 0.75 to 1.25 million.
	RoundingTolerance = 0.25
)

// Compatible reports whether two amounts can be the same fact as stated.
// Each amount stands for an interval: its value plus or minus half its
// precision (97 milliards, written to the milliard, is 96.5 to 97.5
// milliards), widened by its qualifier (ApproxTolerance, BoundTolerance on
// the open side of "plus de"/"moins de") and stretched to Max for a range.
// The amounts are compatible when the intervals overlap (touching ends do
// not: "cinq", 4.5 to 5.5, and "six", 5.5 to 6.5, are different numbers)
// and their currencies
// agree; a missing currency agrees with any. why says, in a short phrase,
// what decided: "equal", "rounding: 97e9 ≈ 97.4e9", "approximation: 100e9
// ≈ 97.4e9", "currency USD vs EUR", "value 54e9 vs 44e9".
func Compatible(a, b news.Amount) (ok bool, why string) {
	if a.Currency != "" && b.Currency != "" && a.Currency != b.Currency {
		return false, "currency " + a.Currency + " vs " + b.Currency
	}
	if a.Value == b.Value && a.Max == b.Max {
		return true, "equal"
	}
	alo, ahi := interval(a)
	blo, bhi := interval(b)
	if alo >= bhi || blo >= ahi {
		return false, "value " + fmtValue(a) + " vs " + fmtValue(b)
	}
	// They meet: say why.
	elo, ehi := exact(a)
	flo, fhi := exact(b)
	if elo < fhi && flo < ehi {
		return true, "rounding: " + fmtValue(a) + " ≈ " + fmtValue(b)
	}
	q := a.Qualifier
	if q == news.QualExact {
		q = b.Qualifier
	}
	word := "approximation"
	switch q {
	case news.QualAtLeast:
		word = "lower bound"
	case news.QualAtMost:
		word = "upper bound"
	}
	return true, word + ": " + fmtValue(a) + " ≈ " + fmtValue(b)
}

// exact is the interval an amount covers by its precision and range only.
func exact(a news.Amount) (lo, hi float64) {
	half := math.Min(a.Precision/2, RoundingTolerance*math.Abs(a.Value))
	if half == 0 {
		half = math.Abs(a.Value) * 1e-9
	}
	hi = a.Value
	if a.Max > a.Value {
		hi = a.Max
	}
	return a.Value - half, hi + half
}

// interval is the interval an amount covers once its qualifier widens it.
func interval(a news.Amount) (lo, hi float64) {
	lo, hi = exact(a)
	v := math.Abs(a.Value)
	switch a.Qualifier {
	case news.QualApprox:
		w := ApproxTolerance * v
		lo = math.Min(lo, a.Value-w)
		top := a.Value
		if a.Max > a.Value {
			top = a.Max
		}
		hi = math.Max(hi, top+ApproxTolerance*math.Abs(top))
	case news.QualAtLeast:
		hi = math.Max(hi, a.Value+BoundTolerance*v)
	case news.QualAtMost:
		lo = math.Min(lo, a.Value-BoundTolerance*v)
	}
	return lo, hi
}

// fmtValue writes a value compactly: 97.4e9, 22e6, 12.5; a range as lo–hi.
func fmtValue(a news.Amount) string {
	s := fmtFloat(a.Value)
	if a.Max != 0 {
		s += "–" + fmtFloat(a.Max)
	}
	return s
}

func fmtFloat(v float64) string {
	if v != 0 && (math.Abs(v) >= 1e6 || math.Abs(v) < 1e-3) {
		exp := int(math.Floor(math.Log10(math.Abs(v))))
		exp -= exp % 3
		if exp < 0 && exp%3 != 0 {
			exp -= 3
		}
		m := v / math.Pow(10, float64(exp))
		ms := strconv.FormatFloat(m, 'g', 12, 64)
		return fmt.Sprintf("%se%d", ms, exp)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
