package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	htmldate "github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"

	"github.com/recoupe/recoupe/news"
)

// guessDate is go-htmldate's guess of a page's publication date, with the
// granularity its evidence gives, or the zero Date when the page holds no
// evidence of its publication day.
//
// go-htmldate runs in two steps. The fast one reads the URL, meta tags,
// JSON-LD, date-classed elements, <time>, <title> and timestamps: markup
// that dates the page. Only when it finds nothing does the extensive one
// run, which also reads free text and, as a last resort, any month or
// bare year in the HTML (« fondé en 1997 », a copyright line), which it
// returns as the 1st of January or of the month. Such a guess dates no
// publication: a year alone made a day would anchor « hier » and « lundi
// prochain » to invented days; nor does a full date anywhere in the HTML
// (« le 20 janvier 2009, Barack Obama… » in the body), which its last
// resort also takes. So the extensive step's guess is kept only when it
// comes from a short text (under 100 characters and no markup: a
// date-classed element, a byline) or from a window of raw HTML that opens
// an element's text (">01.02.2022 Der Arbeitsmarkt…": a dateline) or a
// URL path ("/2016/05/22/…"), not from a date inside prose. Every
// pattern but the year and month ones reads a full date, so a
// guess that falls on the 1st of a month is kept only when its source
// string or the URL writes that day (« 1er mars 2024 », "2024-03-01").
// The extensive step's free text is short text nodes (under 52
// characters: bylines, not the paragraphs of the body).
//
// before, when non-zero, is an upper bound on the publication (a WARC
// record's capture date): go-htmldate ignores dates more than a day later
// (a publisher's calendar may run up to 14 hours ahead of UTC).
func guessDate(doc *html.Node, pageURL string, before time.Time) news.Date {
	opts := htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true, URL: pageURL}
	if !before.IsZero() {
		opts.MaxDate = before.Add(24 * time.Hour)
	}
	for _, skip := range []bool{true, false} {
		opts.SkipExtensiveSearch = skip
		res, err := htmldate.FromDocument(doc, opts)
		if err != nil || res.IsZero() {
			continue
		}
		if !skip && !shortText(res.SrcString) && !leadingDate(res.SrcString) {
			// A window of raw HTML (a date anywhere in the page, in the
			// body's prose as well) or a long block: nothing says it
			// dates the page.
			continue
		}
		// Only the year and month patterns land on the 1st unwritten.
		if d, ok := evidencedDay(res, pageURL); res.DateTime.Day() != 1 || ok {
			return d
		}
	}
	return news.Date{}
}

// evidencedDay returns go-htmldate's result as a day, and whether a
// full date was read: any day but the 1st, or the 1st written out in its
// source string or the page URL.
func evidencedDay(res htmldate.Result, pageURL string) (news.Date, bool) {
	t := res.DateTime
	d := news.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Granularity: news.GranDay}
	if t.Day() != 1 {
		return d, true
	}
	return d, writesDay(res.SrcString, t) || urlHasDay(pageURL, t)
}

// writesDay reports whether s writes day t in full ("2025-02-10",
// "10/02/2025", "10 février 2025", "Feb 10, 2025", "20250210"), either way
// round for a numeric day and month.
func writesDay(s string, t time.Time) bool {
	if len(s) > 4096 {
		s = s[:4096]
	}
	for _, f := range []string{"20060102", "2006/01/02", "2006/1/2", "2006.01.02"} {
		if strings.Contains(s, t.Format(f)) {
			return true
		}
	}
	if t.Day() == 1 && firstWithYear(s, t.Year()) {
		return true
	}
	want, swapped := dayOf(t), dayOf(swapDayMonth(t))
	for i := 0; i < len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) || !isWordByte(s[i]) {
			continue
		}
		d, _, ok := parseDate(s[i:], false)
		if ok && d.Granularity >= news.GranDay {
			if got := dayOf(d.Time); got == want || got == swapped {
				return true
			}
		}
	}
	return false
}

// isWordByte reports whether b may start a date: a digit or a letter
// (any byte of a multi-byte letter).
func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// firstWithYear reports whether s writes the first of a month ("1", "01",
// "1er", "1st", "1.") within 24 bytes of year y, in whatever language its
// month name is ("1 августа 2016").
func firstWithYear(s string, y int) bool {
	year := strconv.Itoa(y)
	for _, m := range reFirst.FindAllStringIndex(s, -1) {
		lo, hi := max(0, m[0]-24), min(len(s), m[1]+24)
		if i := strings.Index(s[lo:hi], year); i >= 0 && (lo+i+4 >= len(s) || !isDigit(s[lo+i+4])) && (lo+i == 0 || !isDigit(s[lo+i-1])) {
			return true
		}
	}
	return false
}

var reFirst = regexp.MustCompile(`(?:^|[^\p{L}\p{N}.:])0?1(?:er|st|\.)?(?:[^\p{L}\p{N}:]|$)`)

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// shortText reports whether go-htmldate's source string is a short text
// (a byline, a date-classed element) rather than a 100-character window
// of raw HTML.
func shortText(s string) bool {
	return s != "" && utf8.RuneCountInString(s) < 100 && !strings.ContainsAny(s, "<>")
}

// leadingDate reports whether a window of raw HTML that go-htmldate
// matched starts an element's text (">") or a URL path segment ("/").
func leadingDate(s string) bool {
	return strings.HasPrefix(s, ">") || strings.HasPrefix(s, "/")
}
