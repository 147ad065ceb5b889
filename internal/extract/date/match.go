package date

import (
	"fmt"
	"strings"
	"time"

	"github.com/recoupe/recoupe/news"
)

// val is what a matched expression says, before any reference date.
type val struct {
	y, m, d int    // absolute parts; 0 when not stated
	rel     string // reference-dependent date part ("day:-1", "weekday:1/-1"), or ""
	hasTime bool
	hh, mi  int
	marked  bool // the time said am/pm or a part of the day: "tonight" cannot move it
}

func (v val) hasDay() bool {
	return v.d != 0 || strings.HasPrefix(v.rel, "day:") || strings.HasPrefix(v.rel, "weekday:") ||
		strings.HasPrefix(v.rel, "wdd:") || strings.HasPrefix(v.rel, "md:")
}

// cand is one match: tokens [i, j), and when end > 0, a byte end that
// cuts the last token short (the glued "h" of "14,30hXNUMX").
type cand struct {
	i, j int
	end  int
	v    val
}

type parser struct {
	text string
	t    []tok
	mdy  bool // numeric dates read month first when ambiguous (English)
	cued bool // a weekday or demonstrative precedes: "vendredi 7/6" is a date
}

func (p *parser) word(j int) string {
	if j < 0 || j >= len(p.t) || p.t[j].k != kWord {
		return ""
	}
	return p.t[j].n
}

func (p *parser) punct(j int, c string) bool {
	return j >= 0 && j < len(p.t) && p.t[j].k == kPunct && p.t[j].n == c
}

// glued reports whether token j exists and follows its predecessor
// without a space.
func (p *parser) glued(j int) bool { return j > 0 && j < len(p.t) && !p.t[j].sp }

func (p *parser) num(j int) (v, nd int, ok bool) {
	if j < 0 || j >= len(p.t) || p.t[j].k != kNum || p.t[j].v < 0 {
		return 0, 0, false
	}
	return p.t[j].v, p.t[j].e - p.t[j].s, true
}

func (p *parser) isNum(j int) bool { return j >= 0 && j < len(p.t) && p.t[j].k == kNum }

// inNumber reports whether the number at i continues a number written
// before it ("3,2025", "1 500", "1.2025").
func (p *parser) inNumber(i int) bool {
	if i == 0 {
		return false
	}
	prev := p.t[i-1]
	if prev.k == kNum {
		// "1 500": a group of three digits after a short number.
		return p.t[i].e-p.t[i].s == 3 && prev.e-prev.s <= 3
	}
	if prev.k == kPunct && !p.t[i].sp && (prev.n == "," || prev.n == "." || prev.n == ":" || prev.n == "/") && !prev.sp && p.isNum(i-2) {
		return true
	}
	return false
}

// continuesNumber reports whether a number goes on at j ("2025,5", "2025.10", "10 000").
func (p *parser) continuesNumber(j int) bool {
	if j >= len(p.t) {
		return false
	}
	if p.t[j].k == kNum {
		return true
	}
	if p.t[j].k == kPunct && !p.t[j].sp && (p.t[j].n == "," || p.t[j].n == "." || p.t[j].n == ":" || p.t[j].n == "/") && p.isNum(j+1) && !p.t[j+1].sp {
		return true
	}
	return false
}

// month reads a month name at j; end is past its abbreviation dot.
func (p *parser) month(j int) (mw monthWord, end int, ok bool) {
	mw, ok = months[p.word(j)]
	if !ok {
		return mw, 0, false
	}
	if mw.m == 5 && mw.en && p.t[j].n == "may" && !p.t[j].up {
		return mw, 0, false // "may" the verb
	}
	if mw.m == 3 && !mw.en && p.t[j].up && !p.afterDayNumber(j) && (p.mdy || j > 0 && p.t[j-1].k == kWord) {
		return mw, 0, false // "la mission Mars 2020", "the Mars 2020 rover": the planet
	}
	end = j + 1
	if mw.weak && p.punct(end, ".") && p.glued(end) && p.abbrevDot(end) {
		end++
	}
	return mw, end, true
}

// afterDayNumber reports whether a day number comes right before token j:
// "14 Mars", "1er Mars".
func (p *parser) afterDayNumber(j int) bool {
	if p.isNum(j - 1) {
		return true
	}
	switch p.word(j - 1) {
	case "er", "ere", "re", "e", "eme", "st", "nd", "rd", "th":
		return p.isNum(j-2) && p.glued(j-1)
	}
	return false
}

// abbrevDot reports whether the dot at j ends an abbreviation rather
// than a sentence: something follows that does not start a new sentence.
func (p *parser) abbrevDot(j int) bool {
	return j+1 < len(p.t) && (p.t[j+1].k == kNum || p.t[j+1].k == kWord && !p.t[j+1].up)
}

// prefixed: a date after a weekday or a demonstrative — "mercredi 10 juin
// 2020", "mer. 10 juin", "Tue May 9", "vendredi 07/06", "ce 12/05", "tues the 4th".
func (p *parser) prefixed(i int) (cand, bool) {
	j := i
	switch p.word(j) {
	case "ce", "cette", "this", "next", "last", "coming":
		j++
	}
	w := p.word(j)
	if _, ok := weekdays[w]; ok {
		j++
	} else if _, ok := weekdayAbbr[w]; ok {
		j++
		if p.punct(j, ".") && p.glued(j) && p.abbrevDot(j) {
			j++
		}
	}
	if j == i {
		return cand{}, false
	}
	if p.punct(j, ",") {
		j++
	}
	if p.word(j) == "the" || p.word(j) == "le" {
		j++
	}
	p.cued = true
	defer func() { p.cued = false }()
	for _, f := range []func(int) (cand, bool){p.dateDM, p.dateMD, p.numeric} {
		if c, ok := f(j); ok && c.v.d != 0 {
			return cand{i: i, j: c.j, v: c.v}, true
		}
	}
	// "lundi 21", "Friday the 13th": a weekday and a day of the month.
	wd, ok := weekdays[w]
	if !ok {
		return cand{}, false
	}
	d, e, ok := p.day(j)
	if !ok || p.continuesNumber(e) {
		return cand{}, false // "Friday 7.6" is no 7th
	}
	if e < len(p.t) {
		n := p.t[e]
		if n.k == kNum || n.k == kWord && !afterYear[n.n] && !n.up || n.k == kPunct && (n.n == ":" || n.n == "/" || n.n == "%") {
			return cand{}, false
		}
	}
	return cand{i: i, j: e, v: val{rel: fmt.Sprintf("wdd:%d-%02d", wd, d)}}, true
}

// day reads a day of month at j: "10", "1er", "1st", "10th", "premier".
func (p *parser) day(j int) (d, end int, ok bool) {
	if n, ok := ordinals[p.word(j)]; ok {
		return n, j + 1, true
	}
	if tens := map[string]int{"twenty": 20, "thirty": 30}[p.word(j)]; tens > 0 {
		k := j + 1
		if p.punct(k, "-") && p.glued(k) {
			k++
		}
		if n, ok := ordinals[p.word(k)]; ok && n < 10 && tens+n <= 31 {
			return tens + n, k + 1, true
		}
	}
	v, nd, ok := p.num(j)
	if !ok || nd > 2 || v < 1 || v > 31 || p.inNumber(j) {
		return 0, 0, false
	}
	if j > 0 && p.t[j-1].k == kPunct && unitPunct[p.t[j-1].n] {
		return 0, 0, false // "$12 December 27"
	}
	end = j + 1
	if p.glued(end) {
		switch p.word(end) {
		case "er", "ere", "re", "st", "nd", "rd", "th", "e", "eme":
			end++
		default:
			if p.t[end].k != kPunct {
				return 0, 0, false
			}
		}
	}
	return v, end, true
}

// year reads a four-digit year at j for use inside a date expression.
func (p *parser) year(j int) (y, end int, ok bool) {
	v, nd, ok := p.num(j)
	if !ok || nd != 4 || v < 1000 || v > 2999 || p.continuesNumber(j+1) {
		return 0, 0, false
	}
	if p.glued(j+1) && p.t[j+1].k == kWord && (p.t[j+1].n == "s" || !p.t[j+1].up) {
		return 0, 0, false // "1990s", "2025km"
	}
	if p.punct(j+1, "-") && p.glued(j+1) && p.glued(j+2) && p.isNum(j+2) && p.t[j+2].e-p.t[j+2].s != 4 {
		return 0, 0, false // "2015-32"
	}
	return v, j + 1, true
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if y == 0 {
		y = 2000 // leap: "29 février" without a year is allowed
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateDM: [weekday[,]] day [of] month [[,] year] — "10 février 2025", "1er mars", "mer. 10 juin 2020".
func (p *parser) dateDM(i int) (cand, bool) {
	d, j, ok := p.day(i)
	if !ok {
		return cand{}, false
	}
	start := i
	if p.word(j) == "of" {
		j++
		if p.word(i-1) == "the" {
			start = i - 1
		}
	}
	mj := j
	mw, j, ok := p.month(j)
	if !ok {
		return cand{}, false
	}
	if !mw.en && p.t[mj].up && p.t[i].k == kWord {
		return cand{}, false // "its first Mars mission": French months are lower case, and this is no "1er mars"
	}
	v := val{m: mw.m, d: d}
	k := j
	if p.punct(k, ",") || p.word(k) == "of" {
		k++
	}
	if y, e, ok := p.year(k); ok {
		v.y, j = y, e
	}
	if !validDay(v.y, v.m, v.d) {
		return cand{}, false
	}
	if v.y == 0 { // "le 10 février dernier", "le 3 mars prochain"
		switch p.word(j) {
		case "dernier", "passe":
			v.rel, j = fmt.Sprintf("md:%02d-%02d/-1", v.m, v.d), j+1
		case "prochain":
			v.rel, j = fmt.Sprintf("md:%02d-%02d/+1", v.m, v.d), j+1
		}
	}
	return cand{i: start, j: j, v: v}, true
}

// dateMD: [weekday[,]] month day [[,] year] — "February 10, 2025", "Feb 10th". English month names only.
func (p *parser) dateMD(i int) (cand, bool) {
	mw, j, ok := p.month(i)
	if !ok || !mw.en {
		return cand{}, false
	}
	d, j, ok := p.day(j)
	if !ok || p.punct(j, ":") || p.word(j) == "h" || p.word(j) == "pm" || p.word(j) == "am" {
		return cand{}, false
	}
	v := val{m: mw.m, d: d}
	k := j
	if p.punct(k, ",") || p.word(k) == "of" {
		k++
	}
	if y, e, ok := p.year(k); ok {
		v.y, j = y, e
	}
	if !validDay(v.y, v.m, v.d) {
		return cand{}, false
	}
	return cand{i: i, j: j, v: v}, true
}

// monthYear: month [of] year — "février 2025", "Feb. 2025", "February of 2025".
func (p *parser) monthYear(i int) (cand, bool) {
	mw, j, ok := p.month(i)
	if !ok {
		return cand{}, false
	}
	if p.word(j) == "of" || p.punct(j, ",") || (p.word(j) == "de" && p.isNum(j+1)) {
		j++
	}
	y, e, ok := p.year(j)
	if !ok {
		// "mai 68", "juillet 98": two digits that cannot be a day.
		v, nd, isNum := p.num(j)
		if !isNum || nd != 2 || v <= 31 || mw.weak || p.continuesNumber(j+1) || (j+1 < len(p.t) && p.t[j+1].k == kWord && !afterYear[p.t[j+1].n]) {
			return cand{}, false
		}
		y, e = 1900+v, j+1
	}
	return cand{i: i, j: e, v: val{y: y, m: mw.m}}, true
}

// monthNumeric: "Oct/2", "Sep-23-2020", "jun-15".
func (p *parser) monthNumeric(i int) (cand, bool) {
	mw, j, ok := p.month(i)
	if !ok || j != i+1 {
		return cand{}, false
	}
	sep := ""
	if p.punct(j, "/") || p.punct(j, "-") {
		sep = p.t[j].n
	}
	if sep == "" || !p.glued(j) || !p.glued(j+1) {
		return cand{}, false
	}
	if y, e, ok := p.year(j + 1); ok && !p.punct(e, sep) { // "Dec/2018"
		return cand{i: i, j: e, v: val{y: y, m: mw.m}}, true
	}
	d, nd, ok := p.num(j + 1)
	if !ok || nd > 2 {
		return cand{}, false
	}
	v, e := val{m: mw.m, d: d}, j+2
	if p.punct(e, sep) && p.glued(e) && p.glued(e+1) {
		if y, e2, ok := p.year(e + 1); ok {
			v.y, e = y, e2
		}
	}
	if p.continuesNumber(e) || !validDay(v.y, v.m, v.d) {
		return cand{}, false
	}
	return cand{i: i, j: e, v: v}, true
}

var ordinals = map[string]int{
	"premier": 1, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
	"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

// daypart reads "du matin", "du soir", "de l'après-midi", "dans la soirée",
// "in the morning", "in the evening" at j: pm is -1 for the morning, +1
// for the afternoon and evening.
func (p *parser) daypart(j int) (end, pm int) {
	w := p.word(j)
	switch {
	case w == "du" && p.word(j+1) == "matin":
		return j + 2, -1
	case w == "du" && p.word(j+1) == "soir":
		return j + 2, 1
	case w == "de" && p.punct(j+1, "'") && p.word(j+2) == "apres" && p.punct(j+3, "-") && p.word(j+4) == "midi":
		return j + 5, 1
	case w == "dans" && p.word(j+1) == "la" && (p.word(j+2) == "soiree" || p.word(j+2) == "nuit"):
		return j + 3, 1
	case w == "in" && p.word(j+1) == "the" && p.word(j+2) == "morning":
		return j + 3, -1
	case w == "in" && p.word(j+1) == "the" && (p.word(j+2) == "afternoon" || p.word(j+2) == "evening"):
		return j + 3, 1
	}
	return 0, 0
}

// withDaypart applies a day part after a 24-hour reading.
func (p *parser) withDaypart(c cand) cand {
	e, pm := p.daypart(c.j)
	if e == 0 || c.end > 0 {
		return c
	}
	switch {
	case pm < 0 && c.v.hh <= 12:
		c.v.hh %= 12
	case pm > 0 && c.v.hh < 12:
		c.v.hh += 12
	case pm > 0 && c.v.hh == 12:
	default:
		return c
	}
	c.j, c.v.marked = e, true
	return c
}

// monthAlone: a full month name after a cue ("en mars", "début mars", "cette décembre", "décembre dernier", "last March").
func (p *parser) monthAlone(i int, cued bool) (cand, bool) {
	j, dir := i, ""
	switch p.word(i) {
	case "ce", "cette", "this":
		j, dir = i+1, "/0"
	case "last":
		j, dir = i+1, "/-1"
	case "next":
		j, dir = i+1, "/+1"
	}
	mw, e, ok := p.month(j)
	if !ok || mw.weak {
		return cand{}, false
	}
	if !mw.en && p.t[j].up && j > 0 && p.t[j-1].k == kWord {
		return cand{}, false // French months are lower case: "la mission de Mars" is the planet
	}
	if dir == "" && !cued {
		if !monthCue[p.word(i-1)] {
			return cand{}, false
		}
	}
	if dir == "" {
		switch p.word(e) {
		case "dernier", "passe":
			dir, e = "/-1", e+1
		case "prochain":
			dir, e = "/+1", e+1
		}
	}
	if dir == "" {
		return cand{i: i, j: e, v: val{m: mw.m}}, true
	}
	return cand{i: i, j: e, v: val{rel: fmt.Sprintf("m:%02d%s", mw.m, dir)}}, true
}

var monthCue = set("en", "in", "de", "d", "depuis", "since", "des", "debut", "fin", "mi", "courant", "until",
	"jusqu", "avant", "apres", "before", "after", "early", "mid", "late", "during", "pendant", "durant",
	"of", "fois", "mois", "month", "from", "to", "au", "a", "entre", "between")

// numeric: "2025-02-10", "2025-02", "10/02/2025", "15.05.99", "23/Sep/2020", "02 04 2009", "22/04".
func (p *parser) numeric(i int) (cand, bool) {
	a, na, ok := p.num(i)
	if !ok || p.inNumber(i) || (p.punct(i-1, "-") && !p.t[i].sp && !p.t[i-1].sp && p.isNum(i-2)) {
		return cand{}, false
	}
	// part reads a glued separator sep and a number (or a month word) after j.
	part := func(j int, sep string, allowWord bool) (v, nd, end int, ok bool) {
		if !p.punct(j, sep) || !p.glued(j) || !p.glued(j+1) {
			return 0, 0, 0, false
		}
		if v, nd, ok := p.num(j + 1); ok {
			return v, nd, j + 2, true
		}
		if allowWord {
			if mw, ok := months[p.word(j+1)]; ok {
				return mw.m, 0, j + 2, true // nd 0: a month name
			}
		}
		return 0, 0, 0, false
	}
	tail := func(j int) bool { // nothing numeric goes on after j
		return !p.continuesNumber(j) && !(p.punct(j, "-") && p.glued(j) && p.isNum(j+1) && p.glued(j+1)) &&
			!(p.glued(j) && p.t[j].k == kWord && !p.t[j].up)
	}
	if na == 4 {
		for _, sep := range []string{"-", "/", "."} {
			m, nm, j, ok := part(i+1, sep, sep != ".")
			if !ok || nm > 2 || m < 1 || m > 12 {
				continue
			}
			if d, nd, e, ok := part(j, sep, false); ok && nd <= 2 && validDay(a, m, d) && tail(e) {
				return cand{i: i, j: e, v: val{y: a, m: m, d: d}}, true
			}
			if sep == "-" && a >= 1000 && a <= 2999 && tail(j) && !p.punct(j, "-") {
				return cand{i: i, j: j, v: val{y: a, m: m}}, true
			}
		}
		return cand{}, false
	}
	if na > 2 {
		return cand{}, false
	}
	for _, sep := range []string{"/", ".", "-"} {
		b, nb, j, ok := part(i+1, sep, true)
		if !ok || nb > 2 {
			continue
		}
		dayMonth := p.dayMonth
		if nb == 0 { // "05-Aug-2016": the name is the month
			dayMonth = func(a, b int) (int, int, bool) { return a, b, a >= 1 && a <= 31 }
		}
		if c, nc, e, ok := part(j, sep, false); ok && (nc == 2 || nc == 4) && tail(e) {
			y := c
			if nc == 2 {
				y = 1900 + c
				if c < 50 {
					y = 2000 + c
				}
			}
			if d, m, ok := dayMonth(a, b); ok && validDay(y, m, d) {
				return cand{i: i, j: e, v: val{y: y, m: m, d: d}}, true
			}
			continue
		}
		// day/month without a year: only with "/", two-digit parts or a cue.
		if sep == "/" && tail(j) && !p.punct(j, "/") && (na == 2 && nb == 2 || nb == 0 || p.cued || dayCue[p.word(i-1)]) {
			if d, m, ok := dayMonth(a, b); ok && validDay(0, m, d) {
				return cand{i: i, j: j, v: val{m: m, d: d}}, true
			}
		}
	}
	// "12-2015", "3/2015": month and year.
	for _, sep := range []string{"-", "/"} {
		if p.punct(i+1, sep) && p.glued(i+1) && p.glued(i+2) && a >= 1 && a <= 12 {
			if y, e, ok := p.year(i + 2); ok && y >= 1900 && y <= 2100 && tail(e) && !p.punct(e, sep) {
				return cand{i: i, j: e, v: val{y: y, m: a}}, true
			}
		}
	}
	// "02 04 2009": day, month, year separated by single spaces.
	if b, nb, ok := p.num(i + 1); ok && nb <= 2 && p.t[i+1].sp {
		if c, nc, ok := p.num(i + 2); ok && nc == 4 && p.t[i+2].sp && !p.continuesNumber(i+3) && (i == 0 || p.t[i-1].k != kNum) {
			if d, m, ok := p.dayMonth(a, b); ok && c >= 1000 && c <= 2999 && validDay(c, m, d) {
				return cand{i: i, j: i + 3, v: val{y: c, m: m, d: d}}, true
			}
		}
	}
	return cand{}, false
}

var dayCue = set("le", "du", "au", "on", "sur", "the", "depuis", "since", "des", "until", "jusqu", "avant", "apres", "before", "after")

// dayMonth orders two numbers as day and month: day first unless the
// text is English, and whichever order is the only valid one otherwise.
func (p *parser) dayMonth(a, b int) (d, m int, ok bool) {
	switch {
	case a > 12 && b <= 12:
		return a, b, true
	case b > 12 && a <= 12:
		return b, a, true
	case a <= 12 && b <= 12:
		if p.mdy {
			return b, a, true
		}
		return a, b, true
	}
	return 0, 0, false
}

// modified: "mi-février", "début mars", "fin 2024", "early 2025", "mid-February", "the end of March".
func (p *parser) modified(i int) (cand, bool) {
	j := i
	switch p.word(i) {
	case "mi", "mid":
		j = i + 1
		if p.punct(j, "-") {
			j++
		}
	case "debut", "fin", "courant", "early", "late":
		j = i + 1
		if p.word(j) == "de" || p.word(j) == "d" || p.word(j) == "of" {
			j++
			if p.punct(j, "'") {
				j++
			}
		}
	case "end", "beginning", "start", "middle":
		if p.word(i+1) != "of" {
			return cand{}, false
		}
		j = i + 2
		if p.word(i-1) == "the" {
			i--
		}
	default:
		return cand{}, false
	}
	if c, ok := p.monthYear(j); ok {
		return cand{i: i, j: c.j, v: c.v}, true
	}
	if c, ok := p.monthAlone(j, true); ok {
		return cand{i: i, j: c.j, v: c.v}, true
	}
	if y, e, ok := p.year(j); ok && y >= 1900 && y <= 2100 && !p.unitAfter(e) {
		return cand{i: i, j: e, v: val{y: y}}, true
	}
	return cand{}, false
}

// oldYearCue are the cues that make a year before 1900 one: "en 1789".
var oldYearCue = set("en", "in", "depuis", "since", "des", "annee", "year", "an", "avant", "apres", "before", "after", "circa", "vers")

// unitAfter reports whether a unit, currency or scale follows at j.
func (p *parser) unitAfter(j int) bool {
	if j >= len(p.t) {
		return false
	}
	t := p.t[j]
	if t.k == kPunct {
		return unitPunct[t.n]
	}
	if t.k == kWord && (t.n == "pour" || t.n == "per") && p.word(j+1) == "cent" {
		return true
	}
	return t.k == kWord && unitWords[t.n] && !(t.up && len(t.n) > 1)
}

// bareYear: a four-digit year 1900–2100 standing alone or after a cue.
func (p *parser) bareYear(i int) (cand, bool) {
	y, e, ok := p.year(i)
	if !ok || y > 2100 || p.inNumber(i) || p.unitAfter(e) {
		return cand{}, false
	}
	if y < 1900 && !oldYearCue[p.word(i-1)] {
		return cand{}, false // "en 1789", "depuis 1945" need the cue
	}
	prev := p.word(i - 1)
	if i > 0 && p.t[i-1].k == kPunct {
		switch p.t[i-1].n {
		case "'":
			prev = p.word(i - 2) // "l'an 2000", "jusqu'en"
			if prev == "l" || prev == "d" || prev == "jusqu" {
				prev = "l"
			}
		case "-", "–":
			if y0, _, ok := p.year(i - 2); !ok || y0 < 1900 || y0 > 2100 {
				return cand{}, false // "2024-2025" is two years; "A-2025" none
			}
			return cand{i: i, j: e, v: val{y: y}}, true
		case "$", "€", "£", "#", "+", "n°", "°", "/", "=":
			return cand{}, false
		}
	}
	if notYearBefore[prev] || prev == "annees" || prev == "years" {
		return cand{}, false
	}
	if strongYearCue[prev] {
		if prev == "annee" || prev == "year" {
			i-- // "l'année 2008", "the year 2008": the span takes the noun
		}
		return cand{i: i, j: e, v: val{y: y}}, true
	}
	// weak cue or none: only if what follows cannot be what is counted.
	if e < len(p.t) {
		n := p.t[e]
		switch {
		case n.k == kPunct:
		case n.k == kWord && (afterYear[n.n] || n.up):
		default:
			return cand{}, false
		}
	}
	return cand{i: i, j: e, v: val{y: y}}, true
}

// relWord: "hier", "aujourd'hui", "demain", "avant-hier", "yesterday", "ce matin", "tonight"...
func (p *parser) relWord(i int) (cand, bool) {
	n, j, ext := 0, 0, false
	w := p.word(i)
	switch w {
	case "aujourd":
		if p.punct(i+1, "'") && p.word(i+2) == "hui" {
			n, j, ext = 0, i+3, true
		}
	case "aujourdhui", "today":
		n, j, ext = 0, i+1, true
	case "hier", "yesterday":
		n, j, ext = -1, i+1, true
	case "demain", "tomorrow":
		n, j, ext = 1, i+1, true
	case "avant", "apres":
		if p.punct(i+1, "-") && p.glued(i+1) {
			if w == "avant" && p.word(i+2) == "hier" {
				n, j = -2, i+3
			}
			if w == "apres" && p.word(i+2) == "demain" {
				n, j = 2, i+3
			}
		}
	case "ce", "cet", "cette":
		switch p.word(i + 1) {
		case "matin", "soir":
			n, j = 0, i+2
		case "nuit":
			if w == "cette" {
				n, j = 0, i+2
			}
		case "apres":
			if p.punct(i+2, "-") && p.word(i+3) == "midi" {
				n, j = 0, i+4
			}
		}
	case "this":
		switch p.word(i + 1) {
		case "morning", "afternoon", "evening":
			n, j = 0, i+2
		}
	case "tonight":
		n, j = 0, i+1
	case "the":
		if p.word(i+1) == "day" {
			if p.word(i+2) == "before" && p.word(i+3) == "yesterday" {
				n, j = -2, i+4
			}
			if p.word(i+2) == "after" && p.word(i+3) == "tomorrow" {
				n, j = 2, i+4
			}
		}
	}
	if j == 0 {
		return cand{}, false
	}
	if !ext && j == i+2 && p.t[i].up && p.t[i+1].up && i > 0 && p.t[i-1].k == kWord && p.t[i-1].up {
		return cand{}, false // "CBS This Morning", "Grand Soir": a title inside a name
	}
	if ext { // "hier soir", "demain matin", "yesterday morning"
		switch p.word(j) {
		case "matin", "soir", "midi", "morning", "afternoon", "evening", "night":
			j++
		case "apres":
			if p.punct(j+1, "-") && p.word(j+2) == "midi" {
				j += 3
			}
		}
	}
	return cand{i: i, j: j, v: val{rel: fmt.Sprintf("day:%+d", n)}}, true
}

// weekday: "lundi", "mardi dernier", "lundi prochain", "ce lundi", "last Tuesday", "next Monday".
func (p *parser) weekday(i int) (cand, bool) {
	j, dir := i, ""
	switch p.word(i) {
	case "ce", "this":
		j = i + 1
		if p.word(j) == "upcoming" || p.word(j) == "coming" {
			j, dir = j+1, "/+1"
		}
	case "last", "previous", "past", "dernier":
		j, dir = i+1, "/-1"
	case "next", "coming", "upcoming", "following":
		j, dir = i+1, "/+1"
	}
	if p.word(i) == "this" && p.word(j) == "past" {
		j, dir = j+1, "/-1"
	}
	wd, ok := weekdays[p.word(j)]
	if !ok || p.word(j+1) == "gras" {
		return cand{}, false // "mardi gras" is a feast, not a Tuesday
	}
	j++
	if dir == "" {
		switch p.word(j) {
		case "dernier", "passe", "precedent":
			dir, j = "/-1", j+1
		case "prochain", "suivant":
			dir, j = "/+1", j+1
		}
	}
	switch p.word(j) {
	case "matin", "soir", "midi", "morning", "afternoon", "evening", "night":
		j++
	}
	return cand{i: i, j: j, v: val{rel: fmt.Sprintf("weekday:%d%s", wd, dir)}}, true
}

// count reads a small count at j: digits up to 1000 or a number word.
func (p *parser) count(j int) (int, bool) {
	if v, _, ok := p.num(j); ok && v > 0 && v <= 1000 && !p.inNumber(j) && !p.continuesNumber(j+1) {
		return v, true
	}
	if n, ok := numberWords[p.word(j)]; ok {
		return n, true
	}
	return 0, false
}

// ago: "il y a deux ans", "two years ago", "dans 3 jours", "in 3 days".
func (p *parser) ago(i int) (cand, bool) {
	sign, j := 0, i
	switch p.word(i) {
	case "il":
		if p.word(i+1) == "y" && p.word(i+2) == "a" {
			sign, j = -1, i+3
		}
	case "dans", "in":
		sign, j = 1, i+1
	}
	n, ok := p.count(j)
	if !ok {
		return cand{}, false
	}
	u, ok := agoUnits[p.word(j+1)]
	if !ok {
		return cand{}, false
	}
	j += 2
	if sign == 0 {
		if p.word(j) != "ago" {
			return cand{}, false
		}
		sign, j = -1, j+1
	}
	return cand{i: i, j: j, v: val{rel: fmt.Sprintf("%s:%+d", u.key, sign*n*u.n)}}, true
}

// relPeriod: "la semaine dernière", "le mois prochain", "l'an dernier", "cette année", "last year", "this month".
func (p *parser) relPeriod(i int) (cand, bool) {
	j := i
	det := p.word(i)
	switch det {
	case "la", "le", "ce", "cette", "cet":
		j++
	case "l":
		if !p.punct(i+1, "'") {
			return cand{}, false
		}
		j += 2
	case "last", "next", "this":
		key := map[string]string{"week": "week", "month": "month", "year": "year"}[p.word(i+1)]
		if key == "" {
			return cand{}, false
		}
		n := map[string]int{"last": -1, "next": 1, "this": 0}[det]
		start := i
		if det == "this" && (p.word(i-1) == "earlier" || p.word(i-1) == "later") {
			start = i - 1 // "earlier this month" is still this month
		}
		return cand{i: start, j: i + 2, v: val{rel: fmt.Sprintf("%s:%+d", key, n)}}, true
	}
	key := ""
	switch p.word(j) {
	case "semaine":
		key = "week"
	case "mois":
		key = "month"
	case "an", "annee":
		key = "year"
	default:
		return cand{}, false
	}
	j++
	this := det == "ce" || det == "cette" || det == "cet"
	switch p.word(j) {
	case "dernier", "derniere", "passe", "passee":
		return cand{i: i, j: j + 1, v: val{rel: key + ":-1"}}, true
	case "prochain", "prochaine":
		return cand{i: i, j: j + 1, v: val{rel: key + ":+1"}}, true
	}
	if !this {
		return cand{}, false
	}
	if p.punct(j, "-") && p.glued(j) && p.word(j+1) == "ci" {
		j += 2
	}
	if p.word(i-2) == "plus" && (p.word(i-1) == "tot" || p.word(i-1) == "tard") {
		i -= 2 // "plus tôt cette année" is still this year
	}
	return cand{i: i, j: j, v: val{rel: key + ":+0"}}, true
}

// ampm reads "am", "pm", "a.m.", "p.m." at j.
func (p *parser) ampm(j int) (pm bool, end int, ok bool) {
	switch p.word(j) {
	case "am", "pm":
		return p.word(j) == "pm", j + 1, true
	case "a", "p":
		if p.punct(j+1, ".") && p.glued(j+1) && p.word(j+2) == "m" && p.glued(j+2) {
			end = j + 3
			if p.punct(end, ".") && p.glued(end) {
				end++
			}
			return p.word(j) == "p", end, true
		}
	}
	return false, 0, false
}

// timeOfDay: "14h30", "14 h 30", "14h", "14:30", "8:00:31am", "2:30 pm", "2pm", "1140 a.m.", "14,30h", "à midi".
func (p *parser) timeOfDay(i int) (cand, bool) {
	if i < len(p.t) && p.t[i].k == kWord {
		switch w := p.word(i); w {
		case "midi", "minuit", "noon", "midnight":
			if timeCue[p.word(i-1)] {
				h := 12
				if w == "minuit" || w == "midnight" {
					h = 0
				}
				return cand{i: i, j: i + 1, v: val{hasTime: true, hh: h}}, true
			}
		}
		return cand{}, false
	}
	h, nd, ok := p.num(i)
	if !ok || nd > 4 || p.inNumber(i) {
		return cand{}, false
	}
	c := cand{i: i, v: val{hasTime: true}}
	j, mi := i+1, 0
	hasMin := false
	switch {
	case nd <= 2 && p.punct(j, ":") && p.glued(j) && p.glued(j+1):
		m, nm, ok := p.num(j + 1)
		if !ok || nm != 2 {
			return cand{}, false
		}
		mi, j, hasMin = m, j+2, true
		if p.punct(j, ":") && p.glued(j) && p.glued(j+1) {
			if _, ns, ok := p.num(j + 1); ok && ns == 2 {
				j += 2
			}
		}
		if p.continuesNumber(j) || durationCue[p.word(i-1)] {
			return cand{}, false // "en 2:01:09" is a race time
		}
	case nd <= 2 && p.punct(j, ",") && p.glued(j) && p.glued(j+1) && p.glued(j+2):
		// "14,30h" as machine translation writes 14h30.
		m, nm, ok := p.num(j + 1)
		if !ok || nm != 2 {
			return cand{}, false
		}
		e, end, ok := p.hourMark(j + 2)
		if !ok {
			return cand{}, false
		}
		mi, j, hasMin, c.end = m, e, true, end
		if m > 59 || h > 24 {
			return cand{}, false
		}
		c.j, c.v.hh, c.v.mi = j, h%24, mi
		return c, true
	case nd <= 2 && p.punct(j, ".") && p.glued(j) && p.glued(j+1):
		// "8.30pm": only with am/pm.
		m, nm, ok := p.num(j + 1)
		if !ok || nm != 2 {
			return cand{}, false
		}
		if _, _, ok := p.ampm(j + 2); !ok {
			return cand{}, false
		}
		mi, j, hasMin = m, j+2, true
	case nd <= 2:
		if e, end, ok := p.hourMark(j); ok {
			if end == 0 {
				if m, nm, ok := p.num(e); ok && nm == 2 && m <= 59 && !p.continuesNumber(e+1) {
					mi, e, hasMin = m, e+1, true
				}
			}
			if !hasMin {
				// "14h" alone: a time when written glued or after "à"; "en 3h" is a duration.
				if durationCue[p.word(i-1)] || (p.t[j].sp && !timeCue[p.word(i-1)]) {
					return cand{}, false
				}
			}
			if h > 24 || (h == 24 && mi > 0) || (p.punct(e, "/") && p.glued(e)) {
				return cand{}, false // "24h/24" is around the clock
			}
			c.j, c.end, c.v.hh, c.v.mi = e, end, h%24, mi
			return p.withDaypart(c), true
		}
	case nd >= 3:
		// "1140 a.m.": hours and minutes run together, only with am/pm.
		mi, h, hasMin = h%100, h/100, true
	}
	if pm, e, ok := p.ampm(j); ok {
		if h < 1 || h > 12 || mi > 59 || (p.glued(e) && p.t[e].k != kPunct) {
			return cand{}, false
		}
		h %= 12
		if pm {
			h += 12
		}
		c.j, c.v.hh, c.v.mi, c.v.marked = e, h, mi, true
		return c, true
	}
	if p.word(j) == "o" && p.punct(j+1, "'") && p.word(j+2) == "clock" && nd <= 2 && h <= 12 {
		c.j, c.v.hh = j+3, h
		return c, true
	}
	if !hasMin || nd > 2 || h > 23 || mi > 59 {
		return cand{}, false
	}
	c.j, c.v.hh, c.v.mi = j, h, mi
	return p.withDaypart(c), true
}

// hourMark reads the "h" of "14h30" at j; end > 0 cuts a glued artifact
// ("hXNUMXDerrière") after its first letter.
func (p *parser) hourMark(j int) (next, end int, ok bool) {
	if j >= len(p.t) || p.t[j].k != kWord {
		return 0, 0, false
	}
	t := p.t[j]
	switch {
	case t.n == "h":
		return j + 1, 0, true
	case !t.sp && len(t.n) > 1 && t.n[0] == 'h' && t.up2:
		return j + 1, t.s + 1, true
	}
	return 0, 0, false
}

// granularity of an absolute val.
func (v val) gran() news.Granularity {
	switch {
	case v.hasTime && v.d != 0:
		return news.GranMinute
	case v.d != 0:
		return news.GranDay
	case v.m != 0:
		return news.GranMonth
	}
	return news.GranYear
}

// frHours: "15 heures", "à sept heures et demie", "9 heures du matin",
// "huit heures moins vingt-trois minutes", "15 heures 30".
func (p *parser) frHours(i int) (cand, bool) {
	h, j, ok := p.frNumber(i)
	if !ok || h > 24 {
		return cand{}, false
	}
	hmark := p.word(j) == "h"
	if w := p.word(j); w != "heure" && w != "heures" && !hmark {
		return cand{}, false
	}
	j++
	mi, sure := 0, false
	switch {
	case p.word(j) == "et" && p.word(j+1) == "quart":
		mi, j, sure = 15, j+2, true
	case p.word(j) == "et" && (p.word(j+1) == "demie" || p.word(j+1) == "demi"):
		mi, j, sure = 30, j+2, true
	case p.word(j) == "moins" && p.word(j+1) == "le" && p.word(j+2) == "quart":
		h, mi, j, sure = h-1, 45, j+3, true
	case p.word(j) == "moins":
		if m, e, ok := p.frNumber(j + 1); ok && m > 0 && m < 60 {
			h, mi, j, sure = h-1, 60-m, e, true
		}
	default:
		k := j
		if p.word(k) == "et" {
			k++
		}
		if m, e, ok := p.frNumber(k); ok && m < 60 && (p.t[k].k == kWord || p.t[k].e-p.t[k].s == 2) {
			mi, j, sure = m, e, true
		}
	}
	if sure {
		if w := p.word(j); w == "minute" || w == "minutes" {
			j++
		}
	}
	marked := false
	if e, pm := p.daypart(j); e > 0 {
		j, sure, marked = e, true, true
		if pm < 0 && h == 12 {
			h = 0
		}
		if pm > 0 && h < 12 {
			h += 12
		}
	}
	if !sure && (hmark || !p.hourCue(i-1)) {
		return cand{}, false // "pendant sept heures" is a duration; "14h" alone is timeOfDay's
	}
	if h < 0 {
		h += 24
	}
	if h > 23 && !(h == 24 && mi == 0) {
		return cand{}, false
	}
	return cand{i: i, j: j, v: val{hasTime: true, hh: h % 24, mi: mi, marked: marked}}, true
}

// hourCue reports whether the word at j announces a time of day: "à"
// (not the verb "a"), "vers", "dès", "jusqu'à", "at", "by"...
func (p *parser) hourCue(j int) bool {
	w := p.word(j)
	if w == "a" {
		orig := p.text[p.t[j].s:p.t[j].e]
		return orig == "à" || orig == "À"
	}
	return timeCue[w]
}

// frNumber reads a number from 0 to 59 at j, in digits or French words
// ("sept", "dix-huit", "vingt et une", "vingt-sept").
func (p *parser) frNumber(j int) (v, end int, ok bool) {
	if n, nd, ok := p.num(j); ok {
		if nd > 2 || p.inNumber(j) || p.continuesNumber(j+1) {
			return 0, 0, false
		}
		return n, j + 1, true
	}
	w := p.word(j)
	if n, ok := frUnits[w]; ok {
		if w == "dix" && p.punct(j+1, "-") {
			if u, ok := frUnits[p.word(j+2)]; ok && u >= 7 && u <= 9 {
				return 10 + u, j + 3, true
			}
		}
		return n, j + 1, true
	}
	tens, ok := frTens[w]
	if !ok {
		return 0, 0, false
	}
	end = j + 1
	k := end
	if p.punct(k, "-") {
		k++
	}
	if p.word(k) == "et" {
		k2 := k + 1
		if p.punct(k2, "-") {
			k2++
		}
		if u := p.word(k2); u == "un" || u == "une" {
			return tens + 1, k2 + 1, true
		}
		return tens, end, true
	}
	if u, ok := frUnits[p.word(k)]; ok && u >= 2 && u <= 9 {
		return tens + u, k + 1, true
	}
	return tens, end, true
}

var frUnits = map[string]int{
	"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
	"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
	"quinze": 15, "seize": 16,
}

var frTens = map[string]int{"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50}

// looseHour reads, after an explicit "à" or "at" that follows a date, a
// bare hour or an hour with a dot: "Sat at 5", "Monday at 2.30".
func (p *parser) looseHour(j int) (cand, bool) {
	h, nd, ok := p.num(j)
	if !ok || nd > 2 || h > 23 || p.inNumber(j) {
		return cand{}, false
	}
	c := cand{i: j, j: j + 1, v: val{hasTime: true, hh: h}}
	if p.punct(j+1, ".") && p.glued(j+1) && p.glued(j+2) {
		m, nm, ok := p.num(j + 2)
		if !ok || nm != 2 || m > 59 {
			return cand{}, false
		}
		c.j, c.v.mi = j+3, m
	}
	if p.continuesNumber(c.j) || (c.j < len(p.t) && p.t[c.j].k == kWord && !p.t[c.j].sp) {
		return cand{}, false
	}
	if c.j < len(p.t) && p.t[c.j].k == kWord && unitWords[p.t[c.j].n] {
		return cand{}, false
	}
	return c, true
}
