package money

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota // a run of letters
	tNum                 // digits with their separators, read as one value
	tSym                 // any other single character
)

// token is one word, digit group or symbol of the text, with byte offsets.
type token struct {
	kind       tokKind
	start, end int
	raw        string
	low        string // folded (lower case, no accents) for words; raw otherwise
	space      bool   // whitespace separates it from the previous token
	nl         bool   // that whitespace holds a line break

	// Digit tokens only.
	val, prec float64
	plain     bool // digits only: no separator, sign, decimal or exponent
	ndigits   int  // digits before any separator
}

// vulgarFractions are the precomposed fraction characters.
var vulgarFractions = map[rune]float64{
	'½': 1.0 / 2, '⅓': 1.0 / 3, '⅔': 2.0 / 3, '¼': 1.0 / 4, '¾': 3.0 / 4, '⅕': 1.0 / 5,
	'⅖': 2.0 / 5, '⅗': 3.0 / 5, '⅘': 4.0 / 5, '⅙': 1.0 / 6, '⅚': 5.0 / 6, '⅛': 1.0 / 8,
	'⅜': 3.0 / 8, '⅝': 5.0 / 8, '⅞': 7.0 / 8,
}

// isGroupSpace reports whether r may separate groups of thousands.
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// tokenize splits text into tokens; lang ("fr" or "en") decides which of
// "," and "." is the decimal mark when a single separator is ambiguous.
// It runs in one pass over the text.
func tokenize(text, lang string) []token {
	toks, _ := tokenizeWork(text, lang)
	return toks
}

// tokenizeWork is tokenize that also returns the work done (characters
// and digit groups visited), for the linear-time test.
func tokenizeWork(text, lang string) ([]token, int) {
	work := 0
	toks := make([]token, 0, len(text)/3+1) // news text averages a token per 4-6 bytes
	space, nl := false, false
	// After digits whose separators did not fit ("192.168.1.2", "22,24,26"),
	// the numbers glued behind them by "." or "," are read as plain digits.
	chain, chainEnd := false, -1
	for i := 0; i < len(text); {
		work++
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			if r == '\n' || r == '\r' || r == '\u2029' || r == '\u2028' {
				nl = true
			}
			i += size
			continue
		case isDigit(text[i]) || ((r == '.' || r == ',') && i+1 < len(text) && isDigit(text[i+1]) &&
			(i == 0 || !isDigit(text[i-1])) && (len(toks) == 0 || space)):
			single := chain && i == chainEnd && len(toks) > 0 && toks[len(toks)-1].kind == tSym && !space
			t, end, truncated, scanned := readDigits(text, i, lang, single)
			work += scanned
			t.space, t.nl = space, nl
			toks = append(toks, t)
			i = end
			chain, chainEnd = truncated || single, end
		case vulgarFractions[r] != 0:
			// "½", "¾", and "2½" (the fraction adds to digits glued before it).
			v := vulgarFractions[r]
			if n := len(toks); n > 0 && !space && toks[n-1].kind == tNum && toks[n-1].end == i && toks[n-1].plain {
				toks[n-1].val += v
				toks[n-1].end = i + size
				toks[n-1].raw = text[toks[n-1].start : i+size]
				toks[n-1].low = toks[n-1].raw
				toks[n-1].prec, toks[n-1].plain = 0, false
			} else {
				toks = append(toks, token{kind: tNum, start: i, end: i + size, raw: text[i : i+size],
					low: text[i : i+size], val: v, space: space, nl: nl})
			}
			i += size
		case unicode.IsLetter(r):
			j := i + size
			for j < len(text) {
				work++
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsMark(r2) {
					break
				}
				j += s2
			}
			raw := text[i:j]
			toks = append(toks, token{kind: tWord, start: i, end: j, raw: raw, low: fold(raw), space: space, nl: nl})
			i = j
		default:
			raw := text[i : i+size]
			low := raw
			if r == '’' || r == 'ʼ' {
				low = "'"
			}
			if r == '−' || r == '–' || r == '‑' {
				low = "-"
			}
			if chain && i == chainEnd && (r == '.' || r == ',') && !space {
				chainEnd = i + size
			} else {
				chain = false
			}
			toks = append(toks, token{kind: tSym, start: i, end: i + size, raw: raw, low: low, space: space, nl: nl})
			i += size
		}
		space, nl = false, false
	}
	return toks, work
}

// readDigits reads the number that starts at text[i]: digits, "." and ","
// separators, groups of three digits after a (thin, non-breaking) space,
// and an exponent ("1e10", "1,1^23"). It returns the token and its end.
//
// A separator is the decimal mark when it is the language's decimal mark,
// when it is not followed by exactly three digits, or when it is the last
// of two kinds ("1.234,5"); repeated separators and spaces group thousands.
// When the groups do not fit ("22,24,26", "192.168.1.2"), only the first
// group is read and the rest are read as numbers of their own.
func readDigits(text string, i int, lang string, single bool) (tok token, end int, truncated bool, scanned int) {
	var groups []digitGroup
	j := i
	first := digitGroup{start: j}
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	first.end = j
	groups = append(groups, first)
	for j < len(text) && !single {
		c := text[j]
		if (c == '.' || c == ',') && j+1 < len(text) && isDigit(text[j+1]) {
			k := j + 1
			for k < len(text) && isDigit(text[k]) {
				k++
			}
			groups = append(groups, digitGroup{sep: c, start: j + 1, end: k})
			j = k
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if isGroupSpace(r) && first.end-first.start <= 3 && first.end > first.start {
			k := j + size
			if k+3 <= len(text) && isDigit(text[k]) && isDigit(text[k+1]) && isDigit(text[k+2]) &&
				(k+3 == len(text) || !isDigit(text[k+3])) {
				onlySpaces := true
				for _, g := range groups[1:] {
					if g.sep != ' ' {
						onlySpaces = false
					}
				}
				if onlySpaces {
					groups = append(groups, digitGroup{sep: ' ', start: k, end: k + 3})
					j = k + 3
					continue
				}
			}
		}
		break
	}
	scanned = j - i
	dec := byte('.')
	if lang == "fr" {
		dec = ','
	}
	// Find the decimal separator, if any.
	decAt := -1
	var counts [256]int // separators seen, by byte
	count := counts[:]
	for _, g := range groups[1:] {
		count[g.sep]++
	}
	last := groups[len(groups)-1]
	switch {
	case len(groups) == 1:
	case count['.'] > 0 && count[','] > 0:
		if count[last.sep] == 1 {
			decAt = len(groups) - 1
		}
	case last.sep != ' ' && count[last.sep] == 1 && (last.sep == dec || last.end-last.start != 3):
		decAt = len(groups) - 1
	}
	ok := true
	var thou byte
	for k, g := range groups[1:] {
		if k+1 == decAt {
			continue
		}
		if g.end-g.start != 3 || (thou != 0 && g.sep != thou && g.sep != ' ') {
			ok = false
		}
		if g.sep != ' ' {
			if thou != 0 && thou != g.sep {
				ok = false
			}
			thou = g.sep
		}
		if decAt >= 0 && groups[decAt].sep == g.sep {
			ok = false
		}
	}
	if !ok && indianGrouping(groups, lang) {
		ok, decAt = true, -1
		if last.sep == '.' {
			decAt = len(groups) - 1
		}
	}
	switch {
	case groups[0].end == groups[0].start: // a leading separator: ",08", ".25"
		groups = groups[:2]
		decAt = 1
	case !ok:
		// Keep the longest prefix that reads as grouped thousands with a
		// mark that is not the decimal mark ("192.168" of "192.168.1.2" in
		// French); a decimal mark in a broken chain is not trusted.
		k := 1
		for k < len(groups) && groups[k].sep == groups[1].sep && groups[k].sep != dec &&
			groups[k].sep != ' ' && groups[k].end-groups[k].start == 3 && groups[0].end-groups[0].start <= 3 {
			k++
		}
		groups = groups[:k]
		decAt = -1
		truncated = true
	}
	var b strings.Builder
	prec := 1.0
	for k, g := range groups {
		if k == decAt {
			b.WriteByte('.')
			prec = math.Pow(10, -float64(g.end-g.start))
		}
		b.WriteString(text[g.start:g.end])
	}
	end = groups[len(groups)-1].end
	val, _ := strconv.ParseFloat(b.String(), 64)
	plain := len(groups) == 1 && groups[0].end > groups[0].start
	// Exponents: "1e10", "-12e-1", "1,1^23".
	if e, n, ok := readExponent(text, end); ok {
		val *= math.Pow(10, float64(e))
		prec *= math.Pow(10, float64(e))
		end, plain = n, false
	} else if p, n, ok := readPower(text, end); ok {
		val = math.Pow(val, float64(p))
		prec = 0
		end, plain = n, false
	}
	if math.IsInf(val, 0) || math.IsNaN(val) {
		val, prec = 0, 0
	}
	return token{kind: tNum, start: i, end: end, raw: text[i:end], low: text[i:end], val: val, prec: prec,
		plain: plain, ndigits: groups[0].end - groups[0].start}, end, truncated, scanned
}

// indianGrouping reports whether groups read as Indian digit grouping in
// English text: "12,34,567.89" (lakh and crore groups of two digits).
func indianGrouping(groups []digitGroup, lang string) bool {
	if lang != "en" || len(groups) < 3 {
		return false
	}
	n := len(groups)
	if groups[n-1].sep == '.' {
		n--
	}
	if n < 3 || groups[0].end-groups[0].start > 2 || groups[0].end == groups[0].start {
		return false
	}
	for k := 1; k < n; k++ {
		g := groups[k]
		want := 2
		if k == n-1 {
			want = 3
		}
		if g.sep != ',' || g.end-g.start != want {
			return false
		}
	}
	return true
}

// digitGroup is one run of digits of a number and the separator before it
// (0 for the first group, ' ' for a space).
type digitGroup struct {
	sep        byte
	start, end int
}

// readExponent reads "e10", "e+14", "e-1" at text[i] when no letter follows.
func readExponent(text string, i int) (int, int, bool) {
	if i >= len(text) || (text[i] != 'e' && text[i] != 'E') {
		return 0, i, false
	}
	return readSignedInt(text, i+1, 3)
}

// readPower reads "^23", "^+23", "^-1" at text[i].
func readPower(text string, i int) (int, int, bool) {
	if i >= len(text) || text[i] != '^' {
		return 0, i, false
	}
	return readSignedInt(text, i+1, 3)
}

func readSignedInt(text string, i, maxDigits int) (int, int, bool) {
	neg := false
	if i < len(text) && (text[i] == '+' || text[i] == '-') {
		neg = text[i] == '-'
		i++
	}
	j := i
	for j < len(text) && isDigit(text[j]) && j-i < maxDigits {
		j++
	}
	if j == i || (j < len(text) && (isDigit(text[j]) || isLetterAt(text, j))) {
		return 0, i, false
	}
	n, _ := strconv.Atoi(text[i:j])
	if neg {
		n = -n
	}
	return n, j, true
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}
