package money

import (
	"math"
	"strings"

	"github.com/recoupe/recoupe/news"
)

type qualifier = news.Qualifier

const (
	approx  = news.QualApprox
	atLeast = news.QualAtLeast
	atMost  = news.QualAtMost
)

// numExpr is one number as written: digits or words, with its scale.
type numExpr struct {
	first, last int // token indices, inclusive
	val, prec   float64
	scale       float64 // the scale word applied ("millions": 1e6), 0 if none
	weakScale   bool    // the scale is "m"/"M" alone, read as million only next to a currency
	words       bool    // written in words
}

// item is one figure found by the scanner.
type item struct {
	kind     news.Kind
	span     news.Span
	amount   news.Amount
	nums     []numExpr
	forceNum bool // a ratio ("10 fois moins"): never money
}

// scanner reads figures from a token stream.
type scanner struct {
	text  string
	lang  string
	toks  []token
	words map[string]float64
	scale map[string]float64
	ord   map[string]ordinal
	skip  []bool // tokens that belong to a date or time

	// keepArticles reads a lone "un"/"une" as the number one (Numbers).
	keepArticles bool

	depth int // nesting of numberAt (fractions read numbers inside numbers)
	steps int // work done, for the linear-time test
}

// maxDepth bounds how deeply a number may be read inside another ("un sur
// trois", "cent et trois quarts"), so that chains such as "un sur un sur
// un …" stay linear.
const maxDepth = 3

func newScanner(text, lang string) *scanner {
	toks, work := tokenizeWork(text, lang)
	s := &scanner{text: text, lang: lang, toks: toks, steps: work}
	if lang == "fr" {
		s.words, s.scale, s.ord = wordsFR, scalesFR, ordinalsFR
	} else {
		s.words, s.scale, s.ord = wordsEN, scalesEN, ordinalsEN
	}
	s.skip = make([]bool, len(s.toks))
	s.markDatesAndTimes()
	return s
}

func (s *scanner) word(i int) string {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tWord {
		return ""
	}
	return s.toks[i].low
}

func (s *scanner) sym(i int) string {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tSym {
		return ""
	}
	return s.toks[i].low
}

func (s *scanner) isNum(i int) bool { return i >= 0 && i < len(s.toks) && s.toks[i].kind == tNum }

// glued reports whether token i touches the token before it.
func (s *scanner) glued(i int) bool { return i > 0 && i < len(s.toks) && !s.toks[i].space }

// markDatesAndTimes marks the tokens of dates ("10 février 2025",
// "2025-02-10", "en 2015") and times of day ("14h30", "14:30") so that no
// number is read from them: the date extractor owns them.
func (s *scanner) markDatesAndTimes() {
	t := s.toks
	for i := 0; i < len(t); i++ {
		if t[i].kind != tNum {
			continue
		}
		// Times: "14h30", "14,30h", "14:30", "9am".
		if w := s.word(i + 1); s.glued(i+1) && (w == "h" || w == "am" || w == "pm") {
			s.skip[i], s.skip[i+1] = true, true
			if s.isNum(i+2) && s.glued(i+2) {
				s.skip[i+2] = true
			}
			continue
		}
		// "20 h 30", "à 9 h": a spaced "h" after an hour.
		if w := s.word(i + 1); w == "h" && t[i].plain && t[i].val <= 24 && !t[i+1].nl &&
			(s.isNum(i+2) && t[i+2].plain && t[i+2].ndigits == 2 || !s.isNum(i+2)) && s.word(i+2) == "" {
			s.skip[i], s.skip[i+1] = true, true
			if s.isNum(i + 2) {
				s.skip[i+2] = true
			}
			continue
		}
		if (s.sym(i+1) == ":" || s.sym(i+1) == "h") && s.glued(i+1) && s.isNum(i+2) && s.glued(i+2) &&
			t[i].plain && t[i].ndigits <= 2 && t[i+2].plain && t[i+2].ndigits == 2 {
			s.skip[i], s.skip[i+1], s.skip[i+2] = true, true, true
			continue
		}
		// Spaced times, as some feeds tokenise them: "9: 56 AM", "18 : 07",
		// "23: 37: 00". An hour, a colon, then two digits of minutes.
		if s.sym(i+1) == ":" && s.isNum(i+2) && t[i].plain && t[i].ndigits <= 2 && t[i].val <= 24 &&
			t[i+2].plain && t[i+2].ndigits == 2 && t[i+2].val < 60 && !t[i+1].nl && !t[i+2].nl {
			s.skip[i], s.skip[i+1], s.skip[i+2] = true, true, true
			if s.sym(i+3) == ":" && s.isNum(i+4) && s.toks[i+4].ndigits == 2 && !t[i+4].nl {
				s.skip[i+3], s.skip[i+4] = true, true
			}
			continue
		}
		// Numeric dates: "2025-02-10", "2025-02", "10/02/2025", "10.02.2025".
		if n := s.numericDate(i); n > 0 {
			for k := i; k < i+n; k++ {
				s.skip[k] = true
			}
			i += n - 1
			continue
		}
		// "10 février 2025", "February 10, 2025".
		if t[i].plain && t[i].val >= 1 && t[i].val <= 31 && months[s.word(i+1)] && !s.glued(i+1) {
			s.skip[i] = true
			if s.isYear(i + 2) {
				s.skip[i+2] = true
			}
			continue
		}
		if months[s.word(i-1)] && t[i].plain && t[i].val >= 1 && t[i].val <= 31 && t[i].ndigits <= 2 {
			s.skip[i] = true
			if s.sym(i+1) == "," && s.isYear(i+2) {
				s.skip[i+2] = true
			}
			continue
		}
		if s.isYear(i) && months[s.word(i-1)] {
			s.skip[i] = true
		}
	}
}

func (s *scanner) isYear(i int) bool {
	if !s.isNum(i) {
		return false
	}
	t := s.toks[i]
	return t.plain && t.ndigits == 4 && t.val >= 1000 && t.val <= 2999
}

// numericDate returns how many tokens of a numeric date start at i, or 0.
func (s *scanner) numericDate(i int) int {
	t := s.toks
	sep := s.sym(i + 1)
	if sep != "-" && sep != "/" && sep != "." {
		return 0
	}
	if n := s.spacedSlashDate(i); n > 0 {
		return n
	}
	if !t[i].plain || !s.glued(i+1) || !s.isNum(i+2) || !s.glued(i+2) || !t[i+2].plain || t[i+2].ndigits > 2 {
		return 0
	}
	if s.sym(i+3) == sep && s.glued(i+3) && s.isNum(i+4) && s.glued(i+4) && t[i+4].plain &&
		(t[i+4].ndigits == 2 || t[i+4].ndigits == 4) {
		return 5
	}
	if sep == "-" && t[i].ndigits == 4 && t[i].val >= 1000 && t[i].val <= 2999 && t[i+2].val >= 1 && t[i+2].val <= 12 {
		return 3
	}
	return 0
}

// spacedSlashDate returns how many tokens of a numeric date written with
// spaced slashes start at i ("11 / 27 / 2005", "05 / 05 / 2010"), or 0:
// three parts, the first two of one or two digits, the year of two or
// four.
func (s *scanner) spacedSlashDate(i int) int {
	t := s.toks
	for k := 0; k < 3; k++ {
		j := i + 2*k
		if !s.isNum(j) || !t[j].plain || t[j].nl || k < 2 && (s.sym(j+1) != "/" || t[j].ndigits > 2) {
			return 0
		}
		if k == 2 && t[j].ndigits != 2 && t[j].ndigits != 4 {
			return 0
		}
	}
	return 5
}

// scan reads all figures of the text, left to right, without overlaps.
func (s *scanner) scan() []item {
	var items []item
	for i := 0; i < len(s.toks); {
		it, next, ok := s.figureAt(i)
		if ok {
			it, next = s.rangeTail(it, next)
			items = append(items, it)
			i = next
			continue
		}
		i++
	}
	return items
}

// figureAt reads a figure starting at token i: an optional range opener or
// qualifier, then an amount.
func (s *scanner) figureAt(i int) (item, int, bool) {
	start := i
	w := s.word(i)
	if w == "entre" || w == "between" {
		if it, next, ok := s.rangeAt(i); ok {
			return it, next, true
		}
		return item{}, 0, false
	}
	if q, next, ok := s.phrase(i, qualifiers, maxQualifierWords); ok {
		if w := s.word(next); (w == "entre" || w == "between") && q == approx {
			if it, n, ok := s.rangeAt(next); ok {
				it.span.Start = s.toks[i].start
				it.amount.Qualifier = q
				return it, n, true
			}
		}
		if it, n, ok := s.amountAt(next); ok {
			it.span.Start = s.toks[start].start
			it.amount.Qualifier = q
			return it, n, true
		}
		return item{}, 0, false
	}
	if w == "minus" || w == "negative" || w == "negatif" {
		if it, n, ok := s.amountAt(i + 1); ok && !s.toks[i+1].nl {
			it.span.Start = s.toks[i].start
			it.amount.Value, it.amount.Max = -it.amount.Value, -it.amount.Max
			for k := range it.nums {
				it.nums[k].val = -it.nums[k].val
				it.nums[k].first = i
			}
			return it, n, true
		}
		return item{}, 0, false
	}
	return s.amountAt(i)
}

// rangeAt reads "entre 40 et 50 millions" / "between $40m and $50m".
func (s *scanner) rangeAt(i int) (item, int, bool) {
	a, n, ok := s.amountAt(i + 1)
	if !ok || a.amount.Max != 0 {
		return item{}, 0, false
	}
	if w := s.word(n); w != "et" && w != "and" {
		return a, n, ok // a lone amount after "entre": read it alone
	}
	b, m, ok := s.amountAt(n + 1)
	if !ok || b.kind != a.kind && a.kind != news.KindNumber {
		return a, n, true
	}
	lo, hi := a.amount, b.amount
	if f := b.nums[len(b.nums)-1].scale; a.nums[0].scale == 0 && f > 0 && (!a.nums[0].words || a.amount.Value*f <= b.amount.Value) {
		f := b.nums[len(b.nums)-1].scale
		lo.Value *= f
		lo.Precision *= f
	}
	if lo.Currency == "" {
		lo.Currency = hi.Currency
	}
	if lo.Currency != hi.Currency && hi.Currency != "" || lo.Value > hi.Value {
		return a, n, true
	}
	it := b
	it.span.Start = s.toks[i].start
	it.amount.Value, it.amount.Max = lo.Value, hi.Value
	it.amount.Currency = lo.Currency
	it.amount.Precision = math.Max(lo.Precision, hi.Precision)
	it.nums = append(append([]numExpr{}, a.nums...), b.nums...)
	return it, m, true
}

// rangeTail joins an amount to a second one written after a dash, "à",
// "to" or "a" ("$40-50 billion", "10-15%", "de 40 à 50 millions
// d'euros", "40 to 50 million dollars") into one range that reads like
// "entre 40 et 50 millions": Value the lower bound with the upper one's
// scale, Max the upper bound. Only when the second amount carries a
// currency, a percent or a scale, so that a score ("3-1") or a pair of
// counts stays two numbers.
func (s *scanner) rangeTail(a item, n int) (item, int) {
	if a.amount.Max != 0 || n >= len(s.toks) || s.toks[n].nl || len(a.nums) != 1 {
		return a, n
	}
	switch {
	case s.sym(n) == "-":
		if s.glued(n) != s.glued(n+1) {
			return a, n // "40 -50": a sign, not a range
		}
	case s.word(n) == "to" || s.word(n) == "a" && s.toks[n].raw == "à":
		// "34 cents to 245p", "from 10 to 15%", "passé de 10 à 15 %": a
		// change, not a range.
		if a.kind != news.KindNumber && a.kind != news.KindMoney || s.changeBefore(a.span, a.nums[0].first) {
			return a, n
		}
	default:
		return a, n
	}
	if n+1 >= len(s.toks) || s.toks[n+1].nl || a.kind != news.KindNumber && a.kind != news.KindMoney {
		return a, n
	}
	b, m, ok := s.amountAt(n + 1)
	if !ok || b.amount.Max != 0 || len(b.nums) != 1 {
		return a, n
	}
	lastB := b.nums[0]
	if b.kind == news.KindNumber && lastB.scale < 1e3 && a.kind != news.KindMoney {
		return a, n
	}
	if a.kind == news.KindMoney && b.kind == news.KindPercent || a.kind == news.KindNumber && a.nums[0].scale > 0 && lastB.scale == 0 {
		return a, n
	}
	lo, hi := a.amount, b.amount
	if a.nums[0].scale == 0 && lastB.scale > 0 && (!a.nums[0].words || a.amount.Value*lastB.scale <= b.amount.Value) {
		lo.Value *= lastB.scale
		lo.Precision *= lastB.scale
	}
	if lo.Currency == "" {
		lo.Currency = hi.Currency
	}
	if lo.Currency != hi.Currency && hi.Currency != "" || lo.Value >= hi.Value {
		return a, n
	}
	it := b
	if a.kind == news.KindMoney {
		it.kind = news.KindMoney
	}
	it.span.Start = a.span.Start
	it.amount.Value, it.amount.Max = lo.Value, hi.Value
	it.amount.Currency = lo.Currency
	it.amount.Precision = math.Max(lo.Precision, hi.Precision)
	if a.amount.Qualifier != "" {
		it.amount.Qualifier = a.amount.Qualifier
	}
	it.forceNum = a.forceNum || b.forceNum
	it.nums = append(append([]numExpr{}, a.nums...), b.nums...)
	return it, m
}

// changeBefore reports whether the words before token i tell a change
// from one figure to another: "from 10 to 15", "passé de 10 à 15 %",
// "augmente de 2 à 3 millions".
func (s *scanner) changeBefore(span news.Span, i int) bool {
	first := i
	for first > 0 && s.toks[first-1].start >= span.Start {
		first-- // the amount's own currency or hedge: "$3", "près de 3"
	}
	i = first
	w := s.word(i - 1)
	if w == "from" {
		return true
	}
	if s.lang == "en" {
		// "fell 34 cents to 245p", "raised $3 to $5": a verb of change.
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			v := s.word(k)
			if changeVerbsEN[v] || len(v) > 4 && strings.HasSuffix(v, "ed") {
				return true
			}
		}
	}
	if w != "de" && w != "du" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-4; k-- {
		v := s.word(k)
		for _, stem := range changeStems {
			if strings.HasPrefix(v, stem) {
				return true
			}
		}
	}
	return false
}

// changeVerbsEN are the irregular English verbs of a change ("-ed" ones
// are caught by their ending).
var changeVerbsEN = map[string]bool{
	"fell": true, "fall": true, "falls": true, "rose": true, "rise": true, "rises": true, "grew": true,
	"grow": true, "grows": true, "sank": true, "cut": true, "cuts": true, "slid": true, "went": true,
	"go": true, "goes": true, "up": true, "down": true, "climb": true, "climbs": true, "drop": true,
	"drops": true, "jump": true, "jumps": true, "raise": true, "raises": true, "increase": true,
	"decrease": true, "soar": true, "soars": true, "plunge": true, "plunges": true, "shrank": true,
}

// changeStems begin the French verbs and nouns of a change.
var changeStems = []string{"pass", "augment", "baiss", "grimp", "chut", "recul", "progress", "bond",
	"mont", "hauss", "diminu", "port", "relev", "abaiss", "ramen", "evolu", "gliss", "tomb", "croissance"}

// phrase matches the longest word sequence of table starting at token i
// (words joined by spaces, "d" + apostrophe as "d'", glued hyphens kept).
func phraseKey(s *scanner, i, maxWords int, fn func(key string, next int)) {
	s.steps++
	if i < 0 {
		return
	}
	var b strings.Builder
	words := 0
	for j := i; j < len(s.toks) && words < maxWords; j++ {
		s.steps++
		t := s.toks[j]
		switch {
		case t.kind == tWord:
			if b.Len() > 0 && t.space {
				b.WriteByte(' ')
			}
			b.WriteString(t.low)
			words++
			fn(b.String(), j+1)
		case t.kind == tSym && (t.low == "'" || t.low == "-") && !t.space && b.Len() > 0:
			b.WriteString(t.low)
			if t.low == "'" {
				fn(b.String(), j+1)
			}
		default:
			return
		}
		if j > i && t.nl {
			return
		}
	}
}

// firstWords returns the set of first words of a phrase table's keys, so
// that most tokens are rejected with one map lookup.
func firstWords[V any](table map[string]V) map[string]bool {
	m := map[string]bool{}
	for k := range table {
		w := k
		if i := strings.IndexAny(k, " '-"); i >= 0 {
			w = k[:i]
		}
		m[w] = true
	}
	return m
}

var (
	qualifierStarts = firstWords(qualifiers)
	currencyStarts  = firstWords(currencyWords)
)

func (s *scanner) phrase(i int, table map[string]qualifier, maxWords int) (qualifier, int, bool) {
	if !qualifierStarts[s.word(i)] {
		return "", 0, false
	}
	var best qualifier
	next := -1
	phraseKey(s, i, maxWords, func(key string, n int) {
		if q, ok := table[key]; ok {
			best, next = q, n
		}
	})
	return best, next, next >= 0
}

// currencyAt matches a currency name, symbol or code at token i.
func (s *scanner) currencyAt(i int, after bool) (currency, int, bool) {
	if i >= len(s.toks) {
		return currency{}, 0, false
	}
	t := s.toks[i]
	if t.kind == tSym || t.kind == tWord {
		if c, ok := currencySymbols[t.raw]; ok {
			next := i + 1
			if t.raw == "$" && after {
				// "$ c", "$CAD", "$ hk", "$ usd"
				if w := s.word(next); w != "" && len(w) <= 3 && w != "a" && w != "s" && w != "r" {
					if code, ok := dollarQualifiers[w]; ok && !isLetterAt(s.text+" ", s.toks[next].end) {
						c.code = code
						next++
					}
				}
			}
			return c, next, true
		}
	}
	if t.kind != tWord {
		return currency{}, 0, false
	}
	if t.raw == "p" && after && s.isNum(i-1) && s.glued(i) {
		return currency{code: "GBP", div: 100}, i + 1, true // "245p": pence
	}
	if t.low == "won" && after && s.scale[s.word(i-1)] >= 1e3 {
		return currency{code: "KRW", div: 1}, i + 1, true // "1.2 trillion won", not "they won"
	}
	if t.raw == "Rs" && !after {
		next := i + 1
		if s.sym(next) == "." && s.glued(next) {
			next++
		}
		return currency{code: "INR", div: 1}, next, true // "Rs 500", "Rs. 500"
	}
	if code, scale, ok := isoCode(t.raw); ok && (scale == 1 || after) {
		return currency{code: code, div: 1 / scale}, i + 1, true // "30 MUSD": div 1e-6
	}
	if !currencyStarts[t.low] {
		return currency{}, 0, false
	}
	if t.low == "real" && !s.realCurrency(i, after) {
		return currency{}, 0, false
	}
	var best currency
	next := -1
	phraseKey(s, i, maxCurrencyWords, func(key string, n int) {
		if c, ok := currencyWords[key]; ok {
			best, next = c, n
		}
	})
	return best, next, next >= 0
}

// realCurrency reports whether the singular "real" at i is Brazil's
// currency: only right after a number, and with nothing after it that it
// could qualify ("only one real problem", "two real options").
func (s *scanner) realCurrency(i int, after bool) bool {
	if !after || !s.isNum(i-1) && s.words[s.word(i-1)] == 0 {
		return false
	}
	n := i + 1
	if n >= len(s.toks) || s.toks[n].nl || s.toks[n].kind != tWord {
		return true
	}
	return functionWords[s.toks[n].low] && s.toks[n].low != "estate"
}

// weightNotMoney reports whether the currency word at k, after a number
// with no scale, is a weight or a count of books: "3 pounds of flour",
// "2 livres de recettes" (but "2 million pounds of public money" is money).
func (s *scanner) weightNotMoney(k, next int, num numExpr) bool {
	switch s.toks[k].low {
	case "pound", "pounds", "livre", "livres":
	default:
		return false
	}
	if next != k+1 || num.scale != 0 {
		return false // "pounds sterling", "livres sterling"; a scale speaks of money
	}
	if s.toks[k].low == "livre" && num.words && num.first == num.last && s.toks[num.first].low == "un" {
		return true // "un livre" is a book; the pound is "une livre"
	}
	for j := num.first - 1; j >= 0 && j >= num.first-6; j-- {
		if weightWords[s.word(j)] {
			return true // "6-foot-2, 220 pounds", "he weighed 180 pounds"
		}
	}
	w := s.word(next)
	if w != "of" && w != "de" && w != "d" {
		return false
	}
	m := next + 1
	if s.sym(m) == "'" {
		m++
	}
	return m < len(s.toks) && s.toks[m].kind == tWord && !s.toks[m].nl
}

// weightWords, a few words before "N pounds", make them a weight.
var weightWords = map[string]bool{
	"foot": true, "feet": true, "inch": true, "inches": true, "tall": true, "weigh": true,
	"weighs": true, "weighed": true, "weighing": true, "weight": true, "lost": true, "gained": true,
	"heavy": true, "heavier": true, "lighter": true, "pese": true, "pesait": true, "pesant": true,
}

// dollarPrefix returns the currency that the words just before a "$" at
// token i give it ("US $", "C$", "hk $", "u.s $"), and the first token.
func (s *scanner) dollarPrefix(i int) (string, int) {
	w := s.word(i - 1)
	if w == "" || s.toks[i].nl {
		return "", i
	}
	if w == "s" && s.sym(i-2) == "." && s.word(i-3) == "u" {
		return "USD", i - 3
	}
	if w == "a" && s.toks[i].space { // "exceeds a $ 4 billion"
		return "", i
	}
	if len(w) == 1 && w != "c" && s.toks[i].space { // "' s $ 500", "a $ 4 billion"
		return "", i
	}
	if code, ok := dollarQualifiers[w]; ok && len(w) <= 3 && (i-1 == 0 || s.toks[i-1].space || s.sym(i-2) != "") {
		return code, i - 1
	}
	return "", i
}

// amountAt reads [currency] number [scale] [currency | percent] at token i.
func (s *scanner) amountAt(i int) (item, int, bool) {
	if i >= len(s.toks) {
		return item{}, 0, false
	}
	first := i
	var cur currency
	hasCur := false
	prefixScale := 1.0
	symbolCurrency := false
	j := i
	// Currency before the number: "$ 75", "€1000", "EUR 1000", "MAUD 60".
	if c, n, ok := s.currencyAt(i, false); ok && c.div == 1 && (s.toks[i].kind == tSym || isISOWord(s.toks[i].raw) || s.toks[i].raw == "Rs") {
		// "$US1 million", "$A 3 millions": which dollar, glued after
		// the sign, before the number (Australian and New Zealand usage).
		if s.toks[i].raw == "$" && n+1 < len(s.toks) && s.glued(n) && s.isNum(n+1) {
			if code, ok := dollarQualifiers[s.word(n)]; ok && s.toks[n].raw == strings.ToUpper(s.toks[n].raw) {
				c.code = code
				n++
			}
		}
		// Only symbols and codes come before the number ("EURO 2024" is a
		// football tournament).
		if n < len(s.toks) && !s.toks[n].nl && (s.isNum(n) || s.words[s.word(n)] > 0) {
			cur, hasCur, j = c, true, n
			symbolCurrency = s.toks[i].kind == tSym
			if s.toks[i].raw == "$" {
				if code, f := s.dollarPrefix(i); code != "" {
					cur.code, first = code, f
				}
			}
		}
	} else if code, scale, ok := isoCode(s.toks[i].raw); ok && scale > 1 && i+1 < len(s.toks) && s.isNum(i+1) {
		cur, hasCur, j, prefixScale = currency{code: code, div: 1}, true, i+1, scale
	}
	if _, isWord := s.words[s.toks[i].low]; !hasCur && s.toks[i].kind == tWord && !isWord &&
		!(s.lang == "en" && (s.toks[i].low == "a" || s.toks[i].low == "an" || s.toks[i].low == "half")) {
		return item{}, 0, false
	}
	neg := false
	if !hasCur && s.sym(j) == "-" && s.isNum(j+1) && s.glued(j+1) && (j == 0 || s.toks[j].space || s.sym(j-1) == "(") {
		neg, j = true, j+1
	}
	num, n, ok := s.numberAt(j)
	if !ok {
		return item{}, 0, false
	}
	if neg {
		num.val, num.first = -num.val, j-1
	}
	// Digits glued to a word ("A380", "COVID19") are part of a name, unless
	// the word is the currency code ("USD115").
	if !hasCur && s.isNum(j) && s.glued(j) && s.toks[j-1].kind == tWord {
		return item{}, 0, false
	}
	num.val *= prefixScale
	num.prec *= prefixScale
	it := item{kind: news.KindNumber, nums: []numExpr{num}}
	it.amount = news.Amount{Value: num.val, Precision: num.prec}
	end := s.toks[num.last].end
	// What follows: percent, currency, "fois".
	if !hasCur {
		if s.sym(n) == "%" || s.sym(n) == "٪" {
			it.kind = news.KindPercent
			end, n = s.toks[n].end, n+1
		} else if _, m, ok := s.percentWordAt(n); ok {
			it.kind = news.KindPercent
			end, n = s.toks[m-1].end, m
		} else {
			k := n
			if num.scale >= 1e3 || num.words && num.val >= 1e6 {
				if w := s.word(k); w == "de" || w == "of" {
					k++
				} else if w == "d" && s.sym(k+1) == "'" && s.glued(k+1) {
					k += 2
				}
			}
			if s.sym(k) == "-" && s.glued(k) && s.glued(k+1) { // "12-cent", "one-yen"
				k++
			}
			if k < len(s.toks) && !s.toks[k].nl {
				if c, m, ok := s.currencyAt(k, true); ok && !s.weightNotMoney(k, m, num) {
					cur, hasCur = c, true
					symbolCurrency = s.toks[k].kind == tSym
					end, n = s.toks[m-1].end, m
					// "75 USD million": a scale after the code.
					if w := s.word(n); isISOWord(s.toks[k].raw) && m == k+1 && w != "" && !s.toks[n].nl {
						if f, ok := s.scale[w]; ok && f >= 1e6 && num.scale == 0 && w != "m" {
							it.amount.Value *= f
							it.amount.Precision *= f
							end, n = s.toks[n].end, n+1
						}
					}
				}
			}
		}
	} else if c, m, ok := s.currencyAt(n, true); ok && n < len(s.toks) && !s.toks[n].nl && !s.isNum(m) &&
		(c.code == cur.code || cur.code == "USD" && s.toks[n].kind == tWord) {
		// "$ 10 dollars", "$ 150 million usd": one currency written twice.
		cur = c
		end, n = s.toks[m-1].end, m
	}
	if num.weakScale && !hasCur && s.glued(num.last) {
		return item{}, 0, false // "1m": a metre, not a million
	}
	if num.weakScale && !hasCur {
		// "5 m" without a currency is not five million: drop the scale.
		num.val /= num.scale
		num.prec /= num.scale
		num.scale, num.weakScale = 0, false
		n = num.last
		num.last--
		it.nums[0] = num
		it.amount.Value, it.amount.Precision = num.val, num.prec
		end = s.toks[num.last].end
	}
	if hasCur {
		it.kind = news.KindMoney
		div := cur.div
		if div == 0 {
			div = 1
		}
		it.amount.Currency = cur.code
		it.amount.Value /= div
		it.amount.Precision /= div
		// "3 dollars 50 cents", "thirteen dollars and forty-five cents".
		if div == 1 {
			if v, m, ok := s.subunitAt(n, symbolCurrency); ok {
				it.amount.Value += v / 100
				it.amount.Precision = 0.01
				end, n = s.toks[m-1].end, m
			}
		}
	} else if w := s.word(n); w == "fois" || w == "times" {
		it.forceNum = true
	}
	if !hasCur && it.kind == news.KindNumber && num.words && num.first == num.last && !s.keepArticles && isArticle(s.lang, s.toks[num.first].low) {
		return item{}, 0, false // "un", "une": an article, not a count
	}
	if it.kind == news.KindNumber && s.isBareYear(num, neg) {
		return item{}, 0, false // the date extractor owns years
	}
	it.span = news.Span{Start: s.toks[first].start, End: end}
	if neg {
		it.span.Start = s.toks[num.first].start
		if first < num.first {
			it.span.Start = s.toks[first].start
		}
	}
	return it, n, true
}

func isArticle(lang, w string) bool {
	if lang == "fr" {
		return w == "un" || w == "une"
	}
	return w == "a" || w == "an"
}

func isISOWord(w string) bool {
	_, _, ok := isoCode(w)
	return ok
}

// percentWordAt matches "pour cent", "percent", "per cent" at token i.
func (s *scanner) percentWordAt(i int) (string, int, bool) {
	key, next := "", -1
	phraseKey(s, i, 2, func(k string, n int) {
		if percentWords[k] {
			key, next = k, n
		}
	})
	return key, next, next >= 0
}

// subunitAt reads the subunit after a currency: "[et|and] 50 cents",
// "thirteen dollars forty five", "one dollar and one". A bare number is
// read as cents only when nothing but punctuation follows it, and only in
// words after a symbol ("c $ 100 and fifty", not "$5 and 20 staff").
func (s *scanner) subunitAt(i int, afterSymbol bool) (float64, int, bool) {
	j := i
	if w := s.word(j); w == "et" || w == "and" {
		j++
	}
	if j >= len(s.toks) || s.toks[j].nl {
		return 0, 0, false
	}
	num, n, ok := s.numberAt(j)
	if ok && num.words && s.word(num.last) == "cents" && num.val >= 100 && math.Mod(num.val, 100) == 0 && num.val < 1e4 {
		return num.val / 100, n, true // "treize euros et quarante-cinq cents"
	}
	if !ok || num.scale != 0 || num.val <= 0 || num.val >= 100 || num.val != math.Trunc(num.val) {
		return 0, 0, false
	}
	if c, m, ok := s.currencyAt(n, true); ok {
		if c.div == 100 && s.toks[n].kind == tWord {
			return num.val, m, true
		}
		return 0, 0, false // "10 $ 30 $": two amounts
	}
	if afterSymbol && !num.words {
		return 0, 0, false
	}
	if n < len(s.toks) && !s.toks[n].nl && (s.toks[n].kind != tSym || s.isNum(n+1) && s.glued(n+1)) {
		if w := s.word(n); w != "and" && w != "et" {
			return 0, 0, false
		}
	}
	return num.val, n, true
}

// isBareYear reports whether num is a four-digit year (1900-2100) written
// alone ("en 2015", "(2015)", "in 2011 exceeds"), which is left to the
// date extractor. A year-like count after a qualifier ("plus de 2000")
// or before a noun ("2000 personnes") stays a number.
func (s *scanner) isBareYear(num numExpr, neg bool) bool {
	if neg || num.first != num.last || num.scale != 0 || !s.isNum(num.first) {
		return false
	}
	t := s.toks[num.first]
	if !t.plain || t.ndigits != 4 || t.val < 1900 || t.val > 2100 {
		return false
	}
	i := num.first
	// "2015 et 2016", "2015-2020": the second year of a pair.
	if w := s.word(i - 1); (w == "et" || w == "and" || w == "ou" || w == "or" || w == "a" || w == "to" || s.sym(i-1) == "-") && s.isYear(i-2) {
		return true
	}
	if w := s.word(i - 1); yearCues[w] && !s.toks[i].nl {
		if _, next, ok := s.phrase(i-2, qualifiers, 2); ok && next == i {
			return false
		}
		return true
	}
	return i+1 >= len(s.toks) || s.toks[i+1].kind != tWord || s.toks[i+1].nl
}
