package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/recoupe/recoupe/news"
)

// months maps lower-case month names and their usual abbreviations, in
// French first, then English, Spanish, Italian and German, to a month.
var months = map[string]time.Month{
	"janvier": 1, "janv": 1, "jan": 1, "january": 1, "enero": 1, "ene": 1, "gennaio": 1, "gen": 1, "januar": 1, "jänner": 1,
	"février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "february": 2, "feb": 2, "febrero": 2, "febbraio": 2, "februar": 2,
	"mars": 3, "mar": 3, "march": 3, "marzo": 3, "märz": 3, "maerz": 3,
	"avril": 4, "avr": 4, "april": 4, "apr": 4, "abril": 4, "abr": 4, "aprile": 4,
	"mai": 5, "may": 5, "mayo": 5, "maggio": 5, "mag": 5,
	"juin": 6, "june": 6, "jun": 6, "junio": 6, "giugno": 6, "giu": 6, "juni": 6,
	"juillet": 7, "juil": 7, "july": 7, "jul": 7, "julio": 7, "luglio": 7, "lug": 7, "juli": 7,
	"août": 8, "aout": 8, "aoû": 8, "aou": 8, "august": 8, "aug": 8, "agosto": 8, "ago": 8,
	"septembre": 9, "sept": 9, "sep": 9, "september": 9, "septiembre": 9, "settembre": 9, "set": 9,
	"octobre": 10, "oct": 10, "october": 10, "octubre": 10, "ottobre": 10, "ott": 10, "oktober": 10, "okt": 10,
	"novembre": 11, "nov": 11, "november": 11, "noviembre": 11,
	"décembre": 12, "decembre": 12, "déc": 12, "dec": 12, "december": 12, "diciembre": 12, "dic": 12, "dicembre": 12, "dezember": 12, "dez": 12,
}

// weekdays lists weekday names and abbreviations that may precede a date;
// they carry no information once the date itself is known.
var weekdays = map[string]bool{
	"lundi": true, "lun": true, "mardi": true, "mar": true, "mercredi": true, "mer": true, "jeudi": true, "jeu": true,
	"vendredi": true, "ven": true, "samedi": true, "sam": true, "dimanche": true, "dim": true,
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true, "wednesday": true, "wed": true,
	"thursday": true, "thu": true, "thurs": true, "friday": true, "fri": true, "saturday": true, "sat": true, "sunday": true, "sun": true,
}

var (
	reISO = regexp.MustCompile(`^(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?)?\b`)
	reNum = regexp.MustCompile(`^(\d{1,2})(?:[/.-]|\. )(\d{1,2})(?:[/.-]|\. )(\d{4}|\d{2})\b(?:\s*(?:à|a|at|um|,|-)?\s*(\d{1,2})\s*[h:H]\s*(\d{2})(?::(\d{2}))?)?`)
	// "10 février 2025", "1er mars 2025 à 14h30", "10 Feb 2025 14:30:00 +0100".
	reDMY = regexp.MustCompile(`^(\d{1,2})(?:er|st|nd|rd|th|º|°|\.)?\s+(\p{L}+)\.?,?\s+(\d{4})\b(?:\s*(?:à|a|at|um|,|-)?\s*(\d{1,2})\s*[h:H]\s*(\d{2})?(?::(\d{2}))?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?`)
	// "February 10, 2025", "Feb. 10 2025 2:30".
	reMDY = regexp.MustCompile(`^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b(?:\s*(?:at|,|-)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?`)
	// "février 2025".
	reMY   = regexp.MustCompile(`^(\p{L}+)\.?\s+(\d{4})\b`)
	reYear = regexp.MustCompile(`^(1[89]\d{2}|2[01]\d{2})\b`)
	reWday = regexp.MustCompile(`^(\p{L}+)\.?,?\s+`)
)

// parseDate reads a date at the start of s (leading spaces allowed) and
// returns it with the rest of s after it. yearOK allows a bare year, which
// is only trusted after an explicit label such as "date".
func parseDate(s string, yearOK bool) (news.Date, string, bool) {
	s = strings.TrimLeft(s, " \t")
	if m := reWday.FindStringSubmatch(s); m != nil && weekdays[strings.ToLower(m[1])] {
		s = s[len(m[0]):]
	}
	if m := reISO.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		if d, ok := makeDate(g[1], g[2], g[3], g[4], g[5], g[7]); ok {
			return d, s[m[1]:], true
		}
	}
	if m := reNum.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		day, month := g[1], g[2]
		// Day first, as in French and most of Europe, unless that is
		// impossible and month first is not ("02/13/2025").
		if a, b := atoi(day), atoi(month); b > 12 && a <= 12 {
			day, month = month, day
		}
		year := g[3]
		if len(year) == 2 {
			year = "20" + year
		}
		if d, ok := makeDate(year, month, day, g[4], g[5], ""); ok {
			return d, s[m[1]:], true
		}
	}
	if m := reDMY.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		if mo, ok := months[strings.ToLower(g[2])]; ok {
			if d, ok := makeDate(g[3], strconv.Itoa(int(mo)), g[1], g[4], orZero(g[4], g[5]), g[7]); ok {
				return d, s[m[1]:], true
			}
		}
	}
	if m := reMDY.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		if mo, ok := months[strings.ToLower(g[1])]; ok {
			if d, ok := makeDate(g[3], strconv.Itoa(int(mo)), g[2], g[4], g[5], ""); ok {
				return d, s[m[1]:], true
			}
		}
	}
	if m := reMY.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		if mo, ok := months[strings.ToLower(g[1])]; ok {
			if d, ok := makeDate(g[2], strconv.Itoa(int(mo)), "", "", "", ""); ok {
				return d, s[m[1]:], true
			}
		}
	}
	if yearOK {
		if m := reYear.FindStringIndex(s); m != nil {
			if d, ok := makeDate(s[:m[1]], "", "", "", "", ""); ok {
				return d, s[m[1]:], true
			}
		}
	}
	return news.Date{}, s, false
}

// ParseDate parses a whole metadata date string such as "2025-02-10",
// "10/02/2025", "Publié le 10 février 2025 à 14h30" (without the label) or
// "lun., 10 févr. 2025 14:30:00 +0100". Text after the date is ignored.
func ParseDate(s string) (news.Date, bool) {
	d, _, ok := parseDate(strings.TrimSpace(s), true)
	return d, ok
}

func orZero(h, m string) string {
	if h != "" && m == "" {
		return "00"
	}
	return m
}

func groups(s string, m []int) []string {
	g := make([]string, len(m)/2)
	for i := range g {
		if m[2*i] >= 0 {
			g[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return g
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// makeDate validates the parts and builds a Date whose granularity is the
// finest part given. A time zone, when present, is kept so that the
// calendar date stays the publisher's.
func makeDate(year, month, day, hour, minute, zone string) (news.Date, bool) {
	y := atoi(year)
	if y < 1800 || y > 2199 {
		return news.Date{}, false
	}
	if month == "" {
		return news.Date{Time: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranYear}, true
	}
	mo := atoi(month)
	if mo < 1 || mo > 12 {
		return news.Date{}, false
	}
	if day == "" {
		return news.Date{Time: time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranMonth}, true
	}
	d := atoi(day)
	if d < 1 || d > daysIn(y, time.Month(mo)) {
		return news.Date{}, false
	}
	loc := zoneOf(zone)
	if hour == "" || minute == "" {
		return news.Date{Time: time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), Granularity: news.GranDay}, true
	}
	h, mi := atoi(hour), atoi(minute)
	if h < 0 || h > 23 || mi < 0 || mi > 59 {
		return news.Date{Time: time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), Granularity: news.GranDay}, true
	}
	return news.Date{Time: time.Date(y, time.Month(mo), d, h, mi, 0, 0, loc), Granularity: news.GranMinute}, true
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func zoneOf(z string) *time.Location {
	switch z {
	case "", "Z", "UTC", "GMT":
		return time.UTC
	}
	z = strings.ReplaceAll(z, ":", "")
	if len(z) != 5 {
		return time.UTC
	}
	h, m := atoi(z[1:3]), atoi(z[3:5])
	if h < 0 || m < 0 || h > 14 || m > 59 {
		return time.UTC
	}
	off := h*3600 + m*60
	if z[0] == '-' {
		off = -off
	}
	return time.FixedZone(z, off)
}
