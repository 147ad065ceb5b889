package streamgen

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Re-dating. A real event's articles name the times of the event: "lundi",
// "in March", "le 12 mars", "2008". When the generator publishes a copy of
// the event at another date, it moves those times with it: per kind, the
// time the event's articles name most (its anchor) is moved onto the
// synthetic story's start date (the weekday, month, day of the month and
// year of that date), and every other time of that kind by the same
// offset (weekdays modulo 7, months modulo 12, days modulo 31). Each kind
// moves on its own, so a moved text is coherent per kind with its
// publication date, not a true calendar shift (a weekday and a day of the
// month may not fall together); that is what the clusterer reads (its
// time evidence compares weekdays, months and years separately).
//
// Weekday and month names are read in French (any case, with or without
// accents) and English (capitalised only: "may", "march" and "sunday" in
// lower case are not read as times), and written back in the source's
// language. A year is a four-digit number from 1800 to 2100; a day of the
// month is a number from 1 to 31 just before a month name ("12 mars",
// "1er mai") or just after one ("March 12").

// Kinds of times a text names.
const (
	kindNone = iota
	kindWeekday
	kindMonth
	kindYear
	kindDay
)

// names are the weekday (Monday first) and month names written back, per
// language.
var names = map[string][2][]string{
	"fr": {
		strings.Fields("lundi mardi mercredi jeudi vendredi samedi dimanche"),
		strings.Fields("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
	},
	"en": {
		strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
		strings.Fields("January February March April May June July August September October November December"),
	},
}

// timeWord is a weekday or month name: its kind, value (0-based: Monday
// 0, January 0) and the language of the names it was read with.
type timeWord struct {
	kind, value int
	lang        string
}

// timeWords maps lowercased names to their time word.
var timeWords = map[string]timeWord{}

func init() {
	for lang, ns := range names {
		for k, list := range ns {
			for v, w := range list {
				tw := timeWord{kind: kindWeekday + k, value: v, lang: lang}
				timeWords[lang+":"+strings.ToLower(w)] = tw
				if f := unaccent(strings.ToLower(w)); f != strings.ToLower(w) {
					timeWords[lang+":"+f] = tw
				}
			}
		}
	}
}

// unaccent replaces the accented letters of French month names.
func unaccent(s string) string {
	return strings.NewReplacer("é", "e", "û", "u").Replace(s)
}

// lang returns "fr" for French and "en" for any other language.
func langOf(language string) string {
	if language == "fr" {
		return "fr"
	}
	return "en"
}

// timeWordOf reads the word w, written in language lang ("fr" or "en"),
// as a weekday or month name.
func timeWordOf(lang, w string, upper bool) (timeWord, bool) {
	if lang == "en" && !upper {
		return timeWord{}, false
	}
	tw, ok := timeWords[lang+":"+strings.ToLower(w)]
	return tw, ok
}

// nextWord returns the word (letters) that follows text[j:] after spaces,
// or after a French ordinal suffix ("1er mai").
func nextWord(text string, j int) (string, bool) {
	if strings.HasPrefix(text[j:], "er ") {
		j += 2
	}
	k := j
	for k < len(text) && (text[k] == ' ' || text[k] == '\u00a0') {
		k++
	}
	if k == j && j < len(text) {
		// "12mars" is not a date; a non-breaking space (two bytes) is.
		if !strings.HasPrefix(text[j:], "\u00a0") {
			return "", false
		}
	}
	for strings.HasPrefix(text[k:], "\u00a0") {
		k += len("\u00a0")
	}
	e := k
	for e < len(text) {
		r, n := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += n
	}
	return text[k:e], e > k
}

// numberKind says what the digits text[i:j] are: a year, a day of the
// month (next to a month name: monthEnd is where the last month name
// ended, -1 if none), or neither (kindNone).
func numberKind(lang, text string, i, j, monthEnd int) int {
	v, err := strconv.Atoi(text[i:j])
	if err != nil {
		return kindNone
	}
	// Not part of a larger figure ("3,2", "1.500", "2.008").
	if i > 0 && (text[i-1] == ',' || text[i-1] == '.') || j < len(text)-1 && (text[j] == ',' || text[j] == '.') && text[j+1] >= '0' && text[j+1] <= '9' {
		return kindNone
	}
	switch {
	case j-i == 4 && v >= 1800 && v <= 2100:
		return kindYear
	case j-i <= 2 && v >= 1 && v <= 31:
		if w, ok := nextWord(text, j); ok {
			r, _ := utf8.DecodeRuneInString(w)
			if tw, ok := timeWordOf(lang, w, unicode.IsUpper(r)); ok && tw.kind == kindMonth {
				return kindDay
			}
		}
		if monthEnd >= 0 && monthEnd < i && strings.TrimLeft(text[monthEnd:i], " \u00a0") == "" {
			return kindDay
		}
	}
	return kindNone
}

// eachTime calls fn with the kind and value of each time the text names
// (values: weekday and month 0-based, day 1–31, year).
func eachTime(lang, text string, fn func(kind, v int)) {
	monthEnd := -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= '0' && r <= '9':
			j := digitRunEnd(text, i)
			if k := numberKind(lang, text, i, j, monthEnd); k != kindNone {
				v, _ := strconv.Atoi(text[i:j])
				fn(k, v)
			}
			i = j
		case unicode.IsLetter(r):
			j := letterRunEnd(text, i+n)
			if tw, ok := timeWordOf(lang, text[i:j], unicode.IsUpper(r)); ok {
				fn(tw.kind, tw.value)
				if tw.kind == kindMonth {
					monthEnd = j
				}
			}
			i = j
		default:
			i += n
		}
	}
}

// anchor is the time of each kind that a real event's articles name most
// (-1 when they name none of that kind).
type anchor struct {
	weekday, month, day, year int
}

// anchorOf returns the anchor of an event's articles (ties go to the
// smallest value, so that it does not depend on map order).
func anchorOf(ev []Source) anchor {
	counts := map[[2]int]int{}
	for _, src := range ev {
		lang := langOf(src.Language)
		for _, t := range []string{src.Title, src.Text} {
			eachTime(lang, t, func(kind, v int) { counts[[2]int{kind, v}]++ })
		}
	}
	best := func(kind int) int {
		b, bn := -1, 0
		for k, n := range counts {
			if k[0] == kind && (n > bn || n == bn && k[1] < b) {
				b, bn = k[1], n
			}
		}
		return b
	}
	return anchor{weekday: best(kindWeekday), month: best(kindMonth), day: best(kindDay), year: best(kindYear)}
}

// shift is how far a synthetic story moves the times of its event.
type shift struct {
	weekday, month, dayOfMonth, year int
}

// shiftTo returns the shift that moves the anchor onto the date t.
func (a anchor) shiftTo(t time.Time) shift {
	var s shift
	if a.weekday >= 0 {
		s.weekday = ((int(t.Weekday())+6)%7 - a.weekday + 7) % 7 // Monday 0
	}
	if a.month >= 0 {
		s.month = (int(t.Month()) - 1 - a.month + 12) % 12
	}
	if a.day >= 0 {
		s.dayOfMonth = t.Day() - a.day
	}
	if a.year >= 0 {
		s.year = t.Year() - a.year
	}
	return s
}

// day moves a day of the month (1–31).
func (s shift) day(d int) int {
	return ((d-1+s.dayOfMonth)%31+31)%31 + 1
}

// rename returns the name of the time word tw (read from the word orig)
// moved by the shift, in tw's language, capitalised like orig.
func (s shift) rename(tw timeWord, orig string, upper bool) string {
	list := names[tw.lang][tw.kind-kindWeekday]
	d := s.weekday
	if tw.kind == kindMonth {
		d = s.month
	}
	w := list[(tw.value+d)%len(list)]
	switch {
	case upper && orig == strings.ToUpper(orig) && utf8.RuneCountInString(orig) > 1:
		return strings.ToUpper(w)
	case upper:
		r, n := utf8.DecodeRuneInString(w)
		return string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.ToLower(w)
}
