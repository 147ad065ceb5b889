package money

import (
	"math"
	"strconv"
)

// gluedScales are the abbreviations read right after digits ("10k", "1,5Md",
// "1.2b", "10M"), as written. "m" is weak: "$3m" is three million dollars,
// but "1m" alone is a metre.
var gluedScales = map[string]float64{
	"k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6,
	"Mio": 1e6, "mil": 1e6, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "b": 1e9, "md": 1e9, "Md": 1e9,
	"Mds": 1e9, "mds": 1e9, "Mrd": 1e9, "Mrds": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12,
}

// numberAt reads a number at token i: digits (with a glued or following
// scale) or number words, then a fraction if one follows.
func (s *scanner) numberAt(i int) (numExpr, int, bool) {
	s.steps++
	if i >= len(s.toks) || s.skip[i] || s.depth >= maxDepth {
		return numExpr{}, 0, false
	}
	s.depth++
	defer func() { s.depth-- }()
	t := s.toks[i]
	var num numExpr
	n := i + 1
	switch {
	case t.kind == tNum:
		num = numExpr{first: i, last: i, val: t.val, prec: t.prec}
		if s.glued(n) && s.toks[n].kind == tWord {
			raw := s.toks[n].raw
			if raw == "G" && s.sym(n+1) == "$" && s.glued(n+1) {
				// "3G$": milliards de dollars, as Quebec writes them (never "5G").
				num.val, num.prec, num.scale = num.val*1e9, num.prec*1e9, 1e9
				num.last, n = n, n+1
			} else if f, ok := gluedScales[raw]; ok {
				num.val, num.prec, num.scale, num.weakScale = num.val*f, num.prec*f, f, raw == "m"
				num.last, n = n, n+1
				if s.glued(n) && s.toks[n].kind == tWord && !isCurrencyToken(s.toks[n].raw) {
					return numExpr{}, 0, false
				}
			} else if !isCurrencyToken(raw) && raw != "p" {
				return numExpr{}, 0, false // "180ml", "4th", "1er", "2e"
			}
		}
		// "3/4", "-4/5"
		if s.sym(n) == "/" && s.glued(n) && s.isNum(n+1) && s.glued(n+1) && t.plain && s.toks[n+1].plain &&
			s.toks[n+1].val != 0 && !s.glued(n+2) {
			num.val /= s.toks[n+1].val
			num.prec, num.last, n = 0, n+1, n+2
			return num, n, true
		}
		// "2 1/4"
		if t.plain && s.isNum(n) && !s.glued(n) && !s.toks[n].nl && s.sym(n+1) == "/" && s.glued(n+1) &&
			s.isNum(n+2) && s.glued(n+2) && s.toks[n].plain && s.toks[n+2].plain && s.toks[n+2].val > s.toks[n].val &&
			!s.glued(n+3) {
			num.val += s.toks[n].val / s.toks[n+2].val
			num.prec, num.last, n = 0, n+2, n+3
			return num, n, true
		}
	case t.kind == tWord:
		var ok bool
		num, n, ok = s.wordsAt(i)
		if !ok {
			return numExpr{}, 0, false
		}
	default:
		return numExpr{}, 0, false
	}
	// French "322 cent" (singular: "50 cents" are coins) is 32 200.
	if s.lang == "fr" && !num.words && num.scale == 0 && num.val >= 2 && s.word(n) == "cent" && !s.toks[n].nl &&
		s.toks[n].space && !s.isNum(n+1) {
		num.val, num.prec, num.scale = num.val*100, num.prec*100, 100
		num.last, n = n, n+1
	}
	// A scale word after the number: "3 millions", "2,33 k", "322 hundred".
	if n < len(s.toks) && !s.toks[n].nl && s.toks[n].kind == tWord && !s.skip[n] &&
		(num.scale == 0 && !num.words || num.words && wordScales[s.toks[n].low]) {
		raw, low := s.toks[n].raw, s.toks[n].low
		if raw == "G" && s.sym(n+1) == "$" && s.glued(n+1) {
			// "3 G$": milliards de dollars (Quebec), like "500 M$".
			num.val, num.prec, num.scale = num.val*1e9, num.prec*1e9, 1e9
			num.last, n = n, n+1
		} else if f, ok := s.scale[low]; ok && !gluedOnly[low] && f == 12 && num.words && num.val >= 100 {
			// "trois cent deux douzaines": the dozens are the last group
			lo := math.Mod(num.val, 100)
			num.val += lo * 11
			num.last, n = n, n+1
		} else if ok && !gluedOnly[low] {
			num.val, num.prec, num.scale = num.val*f, num.prec*f, f
			num.weakScale = raw == "m"
			num.last, n = n, n+1
			// "5 hundred thousand", "trois lakh crore"
			if w := s.word(n); w != "" && !s.toks[n].nl {
				if f2, ok := s.scale[w]; ok && f2 > f && f2 > 100 && !gluedOnly[w] && w != "m" {
					num.val, num.prec, num.scale = num.val*f2, num.prec*f2, f*f2
					num.last, n = n, n+1
				}
			}
		}
	}
	// "two hundred point zero three", "deux cent virgule cinquante deux"
	if w := s.word(n); num.words && num.scale == 0 && num.val == math.Trunc(num.val) &&
		(w == "point" && s.lang == "en" || w == "virgule" && s.lang == "fr") {
		if v, last, ok := s.decimalWords(n + 1); ok {
			if num.val < 0 {
				v = -v
			}
			num.val += v
			num.prec = 0
			num.last, n = last, last+1
		}
	}
	// "3 millions et demi", "one million and a half"
	if num.scale >= 1e3 || num.words && num.val >= 1e3 {
		if w := s.word(n); w == "et" || w == "and" {
			k := n + 1
			if s.word(k) == "a" {
				k++
			}
			if d := s.word(k); d == "demi" || d == "half" {
				f := num.scale
				if f == 0 {
					f = lastScale(num.val)
				}
				num.val += f / 2
				num.prec = math.Min(num.prec, f/10)
				num.last, n = k, k+1
			}
		}
	}
	// Fractions: "trois quarts", "two thirds", "cinq et un quart",
	// "un sur trois", "one over 20".
	if num.scale == 0 || num.words {
		if f, m, ok := s.fractionAfter(num, n); ok {
			return f, m, true
		}
	} else if w := s.word(n); num.scale >= 1e3 && (w == "and" || w == "et") {
		// "3 million and a quarter"
		if f, m, ok := s.properFractionAt(n + 1); ok {
			num.val += f.val * num.scale
			num.prec, num.last = 0, f.last
			return num, m, true
		}
	}
	return num, n, true
}

// lastScale is the largest power of a thousand not above v.
func lastScale(v float64) float64 {
	f := 1.0
	for f*1000 <= math.Abs(v) {
		f *= 1000
	}
	return f
}

func isCurrencyToken(raw string) bool {
	if _, ok := currencySymbols[raw]; ok {
		return true
	}
	if isISOWord(raw) {
		return true
	}
	_, ok := currencyWords[fold(raw)]
	return ok
}

// wordScales are scale words read after number words ("trois douzaines",
// "three lakh"); the others ("million") are number words themselves.
var wordScales = map[string]bool{
	"douzaine": true, "douzaines": true, "dozen": true, "dozens": true, "dzs": true,
	"dozs": true, "lakh": true, "lakhs": true, "crore": true, "crores": true,
}

// decimalWords reads the digits after "point"/"virgule": "zero three" is
// .03, "seventy-one" .71. It returns the fraction and its last token.
func (s *scanner) decimalWords(i int) (float64, int, bool) {
	digits := ""
	last := -1
	for k := i; k < len(s.toks) && len(digits) < 12; {
		s.steps++
		if k > i && s.toks[k].nl {
			break
		}
		w, _, ok := s.wordsAt(k)
		if !ok || w.val >= 100 || w.val != math.Trunc(w.val) || w.scale != 0 {
			break
		}
		digits += strconv.Itoa(int(w.val))
		last = w.last
		k = w.last + 1
	}
	if digits == "" {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat("0."+digits, 64)
	return v, last, err == nil
}

// tens reports whether the word at i is a tens word (vingt, thirty…).
func (s *scanner) tens(i int) (float64, bool) {
	v, ok := s.words[s.word(i)]
	return v, ok && v >= 20 && v < 100 && math.Mod(v, 10) == 0
}

// denomAt reads an ordinal denominator at token i: "cinquièmes", "thirds",
// or a compound "vingt-cinquième", "vingt et unième", "twenty-first". It
// returns the denominator, the index after it and whether it is plural.
func (s *scanner) denomAt(i int) (float64, int, bool, bool) {
	if s.sym(i) == "-" && !s.toks[i].nl {
		i++
	}
	if i >= len(s.toks) || s.toks[i].nl {
		return 0, 0, false, false
	}
	if t, ok := s.tens(i); ok {
		k := i + 1
		for step := 0; step < 3 && k < len(s.toks) && (s.sym(k) == "-" || s.word(k) == "et") && !s.toks[k].nl; step++ {
			k++
		}
		if o, ok := s.ord[s.word(k)]; ok && o.val < 10 && !s.toks[k].nl {
			return t + o.val, k + 1, o.plural, true
		}
		return 0, 0, false, false
	}
	if o, ok := s.ord[s.word(i)]; ok && !o.compoundOnly {
		return o.val, i + 1, o.plural, true
	}
	// "one hundred fifth", "one hundred and fifth": a cardinal of a
	// hundred or more, then a unit ordinal.
	if c, m, ok := s.wordsAt(i); ok && c.val >= 100 && c.val == math.Trunc(c.val) {
		if w := s.word(m); w == "and" || w == "et" {
			m++
		}
		if o, ok := s.ord[s.word(m)]; ok && o.val < 10 && m < len(s.toks) && !s.toks[m].nl {
			return c.val + o.val, m + 1, o.plural, true
		}
	}
	return 0, 0, false, false
}

// ordinalUse reports whether a singular ordinal ending before token i is
// an ordinal adjective ("un cinquième mandat", "a third term") rather than
// a fraction ("un cinquième des salariés", "a third of").
func (s *scanner) ordinalUse(i int) bool {
	if i >= len(s.toks) || s.toks[i].kind != tWord || s.toks[i].nl {
		return false
	}
	switch w := s.toks[i].low; w {
	case "de", "des", "du", "d", "of", "et", "and", "ou", "or", "a", "an":
		return false
	default:
		_, isScale := s.scale[w]
		return !isScale
	}
}

// fractionAfter extends num with a fraction that follows it.
func (s *scanner) fractionAfter(num numExpr, n int) (numExpr, int, bool) {
	if n >= len(s.toks) || s.toks[n].nl || num.val != math.Trunc(num.val) {
		return num, n, false
	}
	// English reads "one hundred thirty fifths" as 100/35: the last tens
	// word of the numerator joins the ordinal (not after "and").
	if s.lang == "en" && num.words && num.last > num.first {
		if t, ok := s.tens(num.last); ok && num.val > t && s.word(num.last-1) != "and" {
			k := n
			if s.sym(k) == "-" {
				k++
			}
			if o, ok := s.ord[s.word(k)]; ok && o.val < 10 && !s.toks[k].nl {
				num.val = (num.val - t) / (t + o.val)
				num.prec, num.last = 0, k
				return num, k + 1, true
			}
		}
	}
	// "trois quarts", "two thirds", "un vingt-cinquième", "cent mille billionièmes"
	if d, m, plural, ok := s.denomAt(n); ok && num.val > 0 && !(d == 2 && num.val != 1) {
		// English wants the plural after a numerator above one: "two
		// fifths", but "the two millionth visitor".
		if (plural || !s.ordinalUse(m)) && !(s.lang == "en" && !plural && num.val > 1) {
			num.val /= d
			num.prec, num.last = 0, m-1
			num, m = s.fractionOfScale(num, m)
			return num, m, true
		}
	}
	// "cinq et un quart", "one and a half", "cent et trois quarts"
	if w := s.word(n); w == "et" || w == "and" {
		if f, m, ok := s.properFractionAt(n + 1); ok {
			unit := 1.0 // "five billion and three quarters" is 5.75 billion
			if num.scale >= 1e3 {
				unit = num.scale
			}
			num.val += f.val * unit
			num.prec, num.last = 0, f.last
			if unit == 1 {
				num, m = s.fractionOfScale(num, m) // "two and a half million"
			}
			return num, m, true
		}
	}
	// "un sur trois", "1 over 3", "one out of three" (not "2000 over 3 years")
	k := -1
	switch w := s.word(n); {
	case w == "sur" && s.lang == "fr", w == "over" && s.lang == "en":
		k = n + 1
	case w == "out" && s.word(n+1) == "of" && s.lang == "en":
		k = n + 2
	}
	if k > 0 {
		if d, m, ok := s.numberAt(k); ok && d.val != 0 && d.scale == 0 && (m >= len(s.toks) || s.toks[m].kind != tWord) {
			num.val /= d.val
			num.prec, num.last = 0, d.last
			return num, m, true
		}
	}
	return num, n, false
}

// fractionOfScale extends a fraction with the scale that follows it: "a
// quarter million", "two and a half million", "deux tiers de million",
// "two thirds of a million".
func (s *scanner) fractionOfScale(num numExpr, m int) (numExpr, int) {
	k := m
	switch s.word(k) {
	case "de", "d":
		k++
		if s.sym(k) == "'" {
			k++
		}
	case "of":
		k++
		if s.word(k) == "a" {
			k++
		}
	}
	if w := s.word(k); w != "" && !s.toks[k].nl {
		if f, ok := s.words[w]; ok && f >= 1e6 {
			num.val *= f
			num.scale, num.last = f, k
			return num, k + 1
		}
	}
	return num, m
}

// properFractionAt reads a fraction below one written in words at i
// ("un quart", "a half", "two fifths").
func (s *scanner) properFractionAt(i int) (numExpr, int, bool) {
	if i >= len(s.toks) || s.toks[i].kind != tWord || s.toks[i].nl {
		return numExpr{}, 0, false
	}
	f, m, ok := s.numberAt(i)
	if ok && f.words && f.val < 1 && f.val > 0 && f.prec == 0 {
		return f, m, true
	}
	return numExpr{}, 0, false
}

// wordState accumulates number words: total holds the closed groups
// (thousands and up), cur the group below a thousand.
type wordState struct {
	total, cur float64
	lastSmall  float64 // value of the last word below 100 in cur
	lastScale  float64 // the last scale (1000 and up) applied
	n          int     // words read
}

// add applies one number word; it reports false when the word cannot
// continue the number ("deux trois" is two numbers).
func (st *wordState) add(v float64, fr bool) bool {
	switch {
	case v == 0:
		if st.n > 0 {
			return false
		}
	case v < 100:
		lo := math.Mod(st.cur, 100)
		switch {
		case st.n > 0 && st.lastSmall == 0 && st.cur == 0 && st.total == 0:
			return false // after "zéro"
		case lo == 0:
			st.cur += v
		case st.lastSmall >= 20 && math.Mod(st.lastSmall, 10) == 0 && v < 10 && lo == st.lastSmall:
			st.cur += v
		case fr && (st.lastSmall == 60 || st.lastSmall == 80) && v >= 10 && v < 20:
			st.cur += v
		case fr && st.lastSmall == 10 && v >= 7 && v <= 9:
			st.cur += v
		case fr && v == 20 && st.lastSmall == 4 && lo == 4:
			st.cur += 76 // quatre-vingt
			v = 80
		default:
			return false
		}
		st.lastSmall = v
	case v == 100:
		if st.cur >= 100 {
			return false
		}
		if st.cur == 0 {
			st.cur = 1
		}
		st.cur *= 100
		st.lastSmall = 0
	default:
		if st.lastScale != 0 && v >= st.lastScale {
			return false
		}
		c := st.cur
		if c == 0 {
			c = 1
		}
		st.total += c * v
		st.cur, st.lastSmall, st.lastScale = 0, 0, v
	}
	st.n++
	return true
}

// startWords are number words that may not begin a number on their own.
var nonInitial = map[string]bool{
	"cents": true, "vingts": true, "millions": true, "milliards": true, "billions": true,
	"trillions": true, "million": true, "milliard": true, "billion": true, "trillion": true,
	"hundred": true, "hundreds": true, "thousand": true, "thousands": true,
}

// wordsAt reads a number written in words at token i ("vingt et un",
// "quatre-vingt-dix", "two hundred and six", "a million").
func (s *scanner) wordsAt(i int) (numExpr, int, bool) {
	fr := s.lang == "fr"
	var st wordState
	j := i
	w := s.word(i)
	if !fr && (w == "a" || w == "an") {
		// "a hundred", "a million", "a dozen", "a half", "a twenty-first"
		nw := s.word(i + 1)
		if v, ok := s.words[nw]; ok && v >= 100 && !s.toks[i+1].nl {
			st.add(1, fr)
			j = i + 1
		} else if d, m, _, ok := s.denomAt(i + 1); ok && !s.toks[i+1].nl && s.sym(i+1) != "-" {
			// "a quarter million" (but in "two and a half million" the
			// million scales the whole)
			if f, ok := s.words[s.word(m)]; ok && f >= 1e6 && m < len(s.toks) && !s.toks[m].nl && s.word(i-1) != "and" {
				return numExpr{first: i, last: m, val: f / d, prec: f / 100, scale: f, words: true}, m + 1, true
			}
			return numExpr{first: i, last: m - 1, val: 1 / d, words: true}, m, true
		} else if f, ok := s.scale[nw]; ok && wordScales[nw] {
			return numExpr{first: i, last: i + 1, val: f, prec: f, scale: f, words: true}, i + 2, true
		} else {
			return numExpr{}, 0, false
		}
	} else if !fr && w == "half" {
		k := i + 1
		if s.word(k) == "a" {
			k++
		}
		if f, ok := s.scale[s.word(k)]; ok && !gluedOnly[s.word(k)] && s.word(k) != "m" {
			return numExpr{first: i, last: k, val: f / 2, prec: f / 10, scale: f, words: true}, k + 1, true
		}
		return numExpr{first: i, last: i, val: 0.5, words: true}, i + 1, true
	} else if fr && (w == "demi" || (w == "un" || w == "une") && s.word(i+1) == "demi") {
		// "un demi-million", "demi-milliard"
		k := i
		if w != "demi" {
			k++
		}
		if f := s.words[s.word(k+2)]; s.sym(k+1) == "-" && f >= 1e6 {
			return numExpr{first: i, last: k + 2, val: f / 2, prec: f / 10, scale: f, words: true}, k + 3, true
		}
		if w == "demi" {
			return numExpr{}, 0, false
		}
	} else if nonInitial[w] && !(fr && (w == "cent" || w == "mille")) {
		return numExpr{}, 0, false
	}
	start := i
	last := j - 1
	if last < start {
		last = start
	}
	for j < len(s.toks) && !s.skip[j] {
		s.steps++
		v, ok := s.words[s.word(j)]
		if !ok || (j > start && s.toks[j].nl) {
			break
		}
		if !st.add(v, fr) {
			break
		}
		last = j
		j++
		// Connectors: hyphens, "et"/"and" before a word that continues the number.
		k := j
		if s.sym(k) == "-" && !s.toks[k].nl {
			k++
		} else if cw := s.word(k); cw == "et" || cw == "and" {
			k++
		}
		if k == j {
			continue
		}
		if cw := s.word(j); cw == "and" && s.words[s.word(j-1)] < 100 {
			break // English "and" follows "hundred" or a scale only
		}
		if cw := s.word(j); cw == "and" || cw == "et" {
			if _, _, ok := s.properFractionAt(k); ok {
				break // "cent et trois quarts": the fraction is added later
			}
		}
		nv, ok := s.words[s.word(k)]
		if !ok || k >= len(s.toks) || s.toks[k].nl || s.skip[k] {
			break
		}
		probe := st
		if !probe.add(nv, fr) {
			break
		}
		if cw := s.word(j); cw == "et" && !(nv == 1 || nv == 11) {
			break // French "et" joins only "vingt et un", "soixante et onze"
		}
		j = k
	}
	if st.n == 0 {
		return numExpr{}, 0, false
	}
	val := st.total + st.cur
	prec := 1.0
	scale := 0.0
	if st.cur == 0 && st.lastScale > 0 {
		prec = st.lastScale
		scale = st.lastScale
	}
	return numExpr{first: start, last: last, val: val, prec: prec, scale: scale, words: true}, last + 1, true
}
