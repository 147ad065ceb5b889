package news

// Kind names what a Fact measures.
type Kind string

// Fact kinds.
const (
	KindMoney   Kind = "money"   // an amount of a currency (or of an unstated one, see Amount.Currency)
	KindNumber  Kind = "number"  // a plain quantity
	KindPercent Kind = "percent" // a percentage; Amount.Value is in percent (12.5 for "12,5 %")
	KindDate    Kind = "date"    // a calendar date, month, year or weekday
	KindTime    Kind = "time"    // a time of day ("14h30")
)

// Qualifier records how an amount was hedged in the text. The cross-check
// widens its tolerance for anything but QualExact.
type Qualifier string

// Qualifiers.
const (
	QualExact   Qualifier = ""        // "97,4 milliards"
	QualApprox  Qualifier = "approx"  // "près de", "environ", "about", "nearly", "quelque"
	QualAtLeast Qualifier = "atleast" // "plus de", "au moins", "more than", "over"
	QualAtMost  Qualifier = "atmost"  // "moins de", "jusqu'à", "less than", "up to"
)

// Fact is one figure or date read from an article, with the span of its
// words. Exactly one of Amount and When is set, according to Kind.
type Fact struct {
	Kind Kind `json:"kind"`
	Span Span `json:"span"`
	// Text is the article's bytes at Span, kept so a fact reads on its own.
	Text string `json:"text"`
	// Sentence is the span of the sentence that holds the fact.
	Sentence Span    `json:"sentence"`
	Amount   *Amount `json:"amount,omitempty"`
	When     *When   `json:"when,omitempty"`
}

// Amount is a normalised quantity: money, number or percent.
type Amount struct {
	// Value is in units: "97,4 milliards" is 97.4e9, "22 M€" 22e6.
	Value float64 `json:"value"`
	// Max is the upper bound of a range ("entre 40 et 50 millions": Value 40e6,
	// Max 50e6); 0 when the amount is not a range.
	Max float64 `json:"max,omitempty"`
	// Currency is an ISO 4217 code, "" when the text states none.
	Currency string `json:"currency,omitempty"`
	// Precision is the place value of the last digit written: 97.4e9 was
	// written to 0.1e9, so Precision is 1e8; "97 milliards" has 1e9.
	Precision float64   `json:"precision,omitempty"`
	Qualifier Qualifier `json:"qualifier,omitempty"`
}

// When is a normalised date or time.
type When struct {
	// Date is the resolved date; zero (GranNone) when the expression could
	// not be resolved, e.g. "lundi" in an article without a publication date.
	Date Date `json:"date"`
	// Relative is true when the text depends on a reference date ("lundi",
	// "hier", "il y a deux ans", "10 février" without a year).
	Relative bool `json:"relative,omitempty"`
	// Expr is a normalised, reference-free reading of the expression that a
	// later stage can resolve against another anchor: "weekday:1" (Monday),
	// "weekday:1/-1" (last Monday), "day:-1" (yesterday), "md:02-10"
	// (10 February, year unknown), "year:-2" (two years ago), "time:14:30".
	Expr string `json:"expr,omitempty"`
}
