package date

import (
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	kWord kind = iota + 1
	kNum
	kPunct
)

// tok is one word, digit run or punctuation mark of the text.
type tok struct {
	s, e int    // byte span in the text
	k    kind   // word, number or punctuation
	n    string // words: lower case without accents; punctuation: the mark (’ reads ', dashes read -); numbers: the digits
	v    int    // numbers: value, -1 when longer than 9 digits
	sp   bool   // whitespace before the token
	up   bool   // word starting with an upper-case letter
	up2  bool   // word whose second letter is upper case ("hXNUMX")
	fa   int32  // while tokenizing: the folded form's end in the arena (start is fa-fl)
	fl   int32
}

// tokenize splits text into tokens. Digits and letters never share a
// token, so "14h30" is 14, h, 30 and "2015Musk" is 2015, Musk.
func tokenize(text string, out []tok) []tok {
	out = out[:0]
	sp := true
	var arena []byte // folded forms of the words that need folding, in one allocation
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r >= '0' && r <= '9':
			j, v := i, 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if v >= 0 && j-i < 9 {
					v = v*10 + int(text[j]-'0')
				} else {
					v = -1
				}
				j++
			}
			out = append(out, tok{s: i, e: j, k: kNum, n: text[i:j], v: v, sp: sp})
			i, sp = j, false
		case unicode.IsLetter(r):
			j, ascii, lower := i, true, true
			up := unicode.IsUpper(r)
			up2 := false
			nr := 0
			for j < len(text) {
				c, sz := rune(text[j]), 1
				if c >= utf8.RuneSelf {
					c, sz = utf8.DecodeRuneInString(text[j:])
					ascii = false
				}
				if !unicode.IsLetter(c) && !unicode.Is(unicode.Mn, c) {
					break
				}
				if nr == 1 && unicode.IsUpper(c) {
					up2 = true
				}
				if c >= 'A' && c <= 'Z' {
					lower = false
				}
				nr++
				j += sz
			}
			t := tok{s: i, e: j, k: kWord, n: text[i:j], sp: sp, up: up, up2: up2}
			if !ascii || !lower {
				before := len(arena)
				arena = appendFold(arena, text[i:j])
				t.n, t.fa, t.fl = "", int32(len(arena)), int32(len(arena)-before)
			}
			out = append(out, t)
			i, sp = j, false
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			i += size
			sp = true
		default:
			n := text[i : i+size]
			switch r {
			case '’', '‘', 'ʼ', '`', '´':
				n = "'"
			case '‐', '‑', '‒', '–', '—', '−':
				n = "-"
			}
			out = append(out, tok{s: i, e: i + size, k: kPunct, n: n, sp: sp})
			i += size
			sp = false
		}
	}
	if len(arena) > 0 {
		a := string(arena)
		for k := range out {
			if out[k].fl > 0 {
				out[k].n = a[out[k].fa-out[k].fl : out[k].fa]
			}
		}
	}
	return out
}

// appendFold appends fold(s) to b without an allocation per word.
func appendFold(b []byte, s string) []byte {
	for _, r := range s {
		r = unicode.ToLower(r)
		switch r {
		case 'à', 'â', 'ä', 'á', 'ã', 'å':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'î', 'ï', 'í', 'ì':
			r = 'i'
		case 'ô', 'ö', 'ó', 'ò', 'õ':
			r = 'o'
		case 'ù', 'û', 'ü', 'ú':
			r = 'u'
		case 'ç':
			r = 'c'
		case 'ÿ':
			r = 'y'
		case 'ñ':
			r = 'n'
		case 'œ':
			b = append(b, "oe"...)
			continue
		case 'æ':
			b = append(b, "ae"...)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// month names; abbreviations and English "may" are read only beside a day
// or a year.
type monthWord struct {
	m    int
	weak bool // abbreviation or ambiguous word
	en   bool // English spelling (allows month-day order)
}

var months = map[string]monthWord{
	"janvier": {1, false, false}, "fevrier": {2, false, false}, "mars": {3, false, false},
	"avril": {4, false, false}, "mai": {5, false, false}, "juin": {6, false, false},
	"juillet": {7, false, false}, "aout": {8, false, false}, "septembre": {9, false, false},
	"octobre": {10, false, false}, "novembre": {11, false, false}, "decembre": {12, false, false},
	"janv": {1, true, false}, "fevr": {2, true, false}, "fev": {2, true, false}, "avr": {4, true, false},
	"juil": {7, true, false}, "sept": {9, true, true}, "oct": {10, true, true}, "nov": {11, true, true},
	"dec":     {12, true, true},
	"january": {1, false, true}, "february": {2, false, true}, "march": {3, false, true},
	"april": {4, false, true}, "may": {5, true, true}, "june": {6, false, true},
	"july": {7, false, true}, "august": {8, false, true}, "september": {9, false, true},
	"october": {10, false, true}, "november": {11, false, true}, "december": {12, false, true},
	"jan": {1, true, true}, "feb": {2, true, true}, "mar": {3, true, true}, "apr": {4, true, true},
	"jun": {6, true, true}, "jul": {7, true, true}, "aug": {8, true, true}, "sep": {9, true, true},
}

// weekdays, ISO numbering (1 = Monday).
var weekdays = map[string]int{
	"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7,
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

// weekday abbreviations, read only before a day number ("mer. 10 juin").
var weekdayAbbr = map[string]int{
	"lun": 1, "mar": 2, "mer": 3, "jeu": 4, "ven": 5, "sam": 6, "dim": 7,
	"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

// small cardinal numbers written as words (counts in "il y a deux ans").
var numberWords = map[string]int{
	"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
	"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
	"quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "fifty": 50, "hundred": 100,
}

// units of "il y a N ans", "N days ago": how many days or months or years one is.
type unitWord struct {
	key string // "day", "month" or "year"
	n   int    // multiplier (a week is 7 days)
}

var agoUnits = map[string]unitWord{
	"an": {"year", 1}, "ans": {"year", 1}, "annee": {"year", 1}, "annees": {"year", 1},
	"year": {"year", 1}, "years": {"year", 1},
	"mois": {"month", 1}, "month": {"month", 1}, "months": {"month", 1},
	"semaine": {"day", 7}, "semaines": {"day", 7}, "week": {"day", 7}, "weeks": {"day", 7},
	"jour": {"day", 1}, "jours": {"day", 1}, "day": {"day", 1}, "days": {"day", 1},
}

// words that, right before a four-digit number, make it a year whatever
// follows (unless a unit does).
var strongYearCue = set("en", "in", "depuis", "since", "des", "annee", "year", "an", "avant", "apres",
	"before", "after", "fin", "debut", "mi", "mid", "early", "late", "ete", "hiver", "printemps",
	"automne", "summer", "winter", "spring", "autumn", "fall", "by", "circa", "vers", "until",
	"jusqu", "courant", "from", "dans", "le", "the", "au", "l")

// words that make a following four-digit number a year only when nothing
// but punctuation, a function word or a capitalised word follows it.
var weakYearCue = set("de", "du", "d", "of", "a", "to", "et", "and", "ou", "or", "pour", "for", "entre", "between")

// words allowed right after a weakly cued or bare year.
var afterYear = set("et", "and", "a", "au", "ou", "or", "puis", "lorsque", "quand", "when", "ou", "alors",
	"avec", "with", "pour", "for", "deja", "already", "dans", "in", "en", "sur", "on", "par", "by",
	"tout", "ce", "cette", "il", "elle", "ils", "elles", "on", "les", "le", "la", "l", "the", "they", "he", "she", "it", "we",
	"nous", "vous", "je", "j", "c", "s", "qui", "que", "qu", "which", "that", "lors", "during", "pendant")

// words before a number that make it anything but a year.
var notYearBefore = set("n", "no", "numero", "number", "page", "p", "pp", "article", "art", "chapitre",
	"route", "rue", "code", "ref", "tel", "version", "v", "vol", "modele", "model", "annees", "top", "rang",
	"plus", "moins", "environ", "pres", "about", "nearly", "over", "some", "quelque", "quelques", "sur", "x")

// units, currencies and scales after a number: "2025 euros" is no year.
var unitWords = set("euro", "euros", "eur", "dollar", "dollars", "usd", "livres", "pounds", "francs", "franc",
	"yens", "yen", "yuans", "yuan", "chf", "gbp", "cad", "percent", "pourcent", "pct", "points", "point",
	"km", "m", "cm", "mm", "kg", "g", "t", "tonnes", "tons", "mw", "gw", "kw", "kwh", "mwh", "ha", "hectares",
	"litres", "l", "mille", "million", "millions", "milliard", "milliards", "billion", "billions", "bn", "md",
	"mds", "mn", "k", "habitants", "personnes", "people", "salaries", "employes", "emplois", "jobs", "morts",
	"victimes", "dead", "pages", "metres", "meters", "miles", "heures", "hours", "minutes", "jours", "days",
	"ans", "years", "fois", "times", "exemplaires", "copies", "voitures", "cars", "unites", "units", "votes", "voix",
	"h", "e", "eme", "er", "th", "st", "nd", "rd", "s", "x")

var unitPunct = set("€", "$", "£", "%", "‰", "¥")

// words before an hour that mark a time of day ("à 14h").
var timeCue = set("a", "at", "vers", "des", "depuis", "jusqu", "avant", "apres", "around", "until",
	"before", "after", "from", "de", "entre", "et", "and", "to", "since", "by", "des", "partir", "est")

// words before "N h" that make it a duration ("en 3h", "pendant 24 h").
var durationCue = set("en", "pendant", "durant", "in", "for", "during", "sous", "within", "les", "plus", "moins")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
