package date

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/recoupe/recoupe/news"
)

// Resolve resolves a When.Expr against a reference date. ok is false when
// the expression is malformed or the reference is too coarse for it: a
// weekday needs a day, "month:-1" a month, "md:02-10" a year; a week
// ("week:-1") is never a date and never resolves.
func Resolve(expr string, ref news.Date) (news.Date, bool) {
	if ref.IsZero() || expr == "" {
		return news.Date{}, false
	}
	r := ref.Time
	refDay := time.Date(r.Year(), r.Month(), r.Day(), 0, 0, 0, 0, time.UTC)
	var out news.Date
	hasDate, hasTime := false, false
	var hh, mi int
	for _, part := range strings.Fields(expr) {
		key, arg, ok := strings.Cut(part, ":")
		if !ok {
			return news.Date{}, false
		}
		if key == "time" {
			h, m, ok := parseHM(arg)
			if !ok || hasTime {
				return news.Date{}, false
			}
			hh, mi, hasTime = h, m, true
			continue
		}
		if hasDate {
			return news.Date{}, false
		}
		hasDate = true
		switch key {
		case "day":
			n, err := strconv.Atoi(arg)
			if err != nil || ref.Granularity < news.GranDay || n < -100000 || n > 100000 {
				return news.Date{}, false
			}
			out = news.Date{Time: refDay.AddDate(0, 0, n), Granularity: news.GranDay}
		case "month":
			n, err := strconv.Atoi(arg)
			if err != nil || ref.Granularity < news.GranMonth || n < -10000 || n > 10000 {
				return news.Date{}, false
			}
			t := time.Date(r.Year(), r.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
			out = news.Date{Time: t, Granularity: news.GranMonth}
		case "year":
			n, err := strconv.Atoi(arg)
			if err != nil || n < -5000 || n > 5000 {
				return news.Date{}, false
			}
			out = news.Date{Time: time.Date(r.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranYear}
		case "weekday":
			d, ok := resolveWeekday(arg, ref, refDay)
			if !ok {
				return news.Date{}, false
			}
			out = d
		case "md":
			md, dir, _ := strings.Cut(arg, "/")
			m, d, ok := parseHM(md)
			if !ok || !validDay(0, m, d) {
				return news.Date{}, false
			}
			switch dir {
			case "":
				out, ok = nearest(ref, m, d)
			case "p", "f":
				out, ok = onSide(ref, m, d, dir)
			default:
				out, ok = beside(ref, m, d, dir)
			}
			if !ok {
				return news.Date{}, false
			}
		case "wdd":
			wd, dom, ok := parseHM(arg)
			if !ok || wd < 1 || wd > 7 || dom < 1 || dom > 31 {
				return news.Date{}, false
			}
			out, ok = weekdayOfMonth(ref, wd, dom)
			if !ok {
				return news.Date{}, false
			}
		case "m":
			d, ok := resolveMonth(arg, ref)
			if !ok {
				return news.Date{}, false
			}
			out = d
		default: // "week" and anything unknown
			return news.Date{}, false
		}
	}
	if !hasDate && !hasTime {
		return news.Date{}, false // a blank expression
	}
	if hasTime {
		switch {
		case !hasDate && ref.Granularity >= news.GranDay:
			out = news.Date{Time: refDay, Granularity: news.GranDay}
		case out.Granularity != news.GranDay:
			return news.Date{}, false
		}
		out.Time = out.Time.Add(time.Duration(hh)*time.Hour + time.Duration(mi)*time.Minute)
		out.Granularity = news.GranMinute
	}
	if y := out.Time.Year(); y < 1 || y > 9999 {
		return news.Date{}, false // outside what ISO 8601 dates write
	}
	return out, true
}

// parseHM reads "14:30" or "02-10" as two numbers.
func parseHM(s string) (a, b int, ok bool) {
	i := strings.IndexAny(s, ":-")
	if i < 0 {
		return 0, 0, false
	}
	a, err1 := strconv.Atoi(s[:i])
	b, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil || a < 0 || b < 0 {
		return 0, 0, false
	}
	if s[i] == ':' && (a > 23 || b > 59) {
		return 0, 0, false
	}
	return a, b, true
}

// resolveWeekday reads "N" (the nearest such day, within two days either
// way; three days one way is four the other, too close to choose), "N/-1"
// (the last one strictly before the reference), "N/+1" (the next one
// strictly after), "N/p" (the last one on or before the reference) or
// "N/f" (the first one on or after it).
func resolveWeekday(arg string, ref news.Date, refDay time.Time) (news.Date, bool) {
	if ref.Granularity < news.GranDay {
		return news.Date{}, false
	}
	num, dir, _ := strings.Cut(arg, "/")
	wd, err := strconv.Atoi(num)
	if err != nil || wd < 1 || wd > 7 {
		return news.Date{}, false
	}
	refWd := (int(refDay.Weekday())+6)%7 + 1
	diff := wd - refWd
	switch dir {
	case "":
		if diff > 3 {
			diff -= 7
		}
		if diff < -3 {
			diff += 7
		}
		if diff == 3 || diff == -3 {
			return news.Date{}, false // 3 days one way, 4 the other: which is meant is unknown
		}
	case "-1":
		if diff >= 0 {
			diff -= 7
		}
	case "+1":
		if diff <= 0 {
			diff += 7
		}
	case "p":
		if diff > 0 {
			diff -= 7
		}
	case "f":
		if diff < 0 {
			diff += 7
		}
	default:
		return news.Date{}, false
	}
	return news.Date{Time: refDay.AddDate(0, 0, diff), Granularity: news.GranDay}, true
}

// resolveMonth reads "MM" (that month in the year that keeps it nearest
// the reference), "MM/0" (that month of the reference's year), "MM/-1"
// (the last such month before the reference's month), "MM/+1" (the
// next one after it), "MM/p" (the last one not after the reference) or
// "MM/f" (the first one not before it).
func resolveMonth(arg string, ref news.Date) (news.Date, bool) {
	num, dir, _ := strings.Cut(arg, "/")
	m, err := strconv.Atoi(num)
	if err != nil || m < 1 || m > 12 {
		return news.Date{}, false
	}
	if dir == "" {
		return nearest(ref, m, 0)
	}
	if dir == "p" || dir == "f" {
		return onSide(ref, m, 0, dir)
	}
	if ref.Granularity < news.GranMonth && dir != "0" {
		return news.Date{}, false
	}
	y, rm := ref.Time.Year(), int(ref.Time.Month())
	if dir == "0" {
		return news.Date{Time: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranMonth}, true
	}
	switch dir {
	case "-1":
		if m >= rm {
			y--
		}
	case "+1":
		if m <= rm {
			y++
		}
	default:
		return news.Date{}, false
	}
	return news.Date{Time: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranMonth}, true
}

// nearest places month m (and day d when d > 0) in the year, among the
// reference's year and its neighbours, that keeps it nearest the
// reference's period; ties go to the reference's own year.
func nearest(ref news.Date, m, d int) (news.Date, bool) {
	if ref.Granularity < news.GranYear {
		return news.Date{}, false
	}
	rs, re := period(ref)
	y0 := ref.Time.Year()
	var best news.Date
	bestDist := time.Duration(-1)
	for _, y := range []int{y0, y0 - 1, y0 + 1} {
		var c news.Date
		if d > 0 {
			if !validDay(y, m, d) {
				continue
			}
			c = news.Date{Time: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), Granularity: news.GranDay}
		} else {
			c = news.Date{Time: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranMonth}
		}
		cs, ce := period(c)
		var dist time.Duration
		switch {
		case ce.Before(rs) || ce.Equal(rs):
			dist = rs.Sub(ce)
		case cs.After(re) || cs.Equal(re):
			dist = cs.Sub(re)
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best, bestDist >= 0
}

// onSide places month m (day d when d > 0) in the last year that does
// not put it after the reference's period (dir "p": the sentence looks
// back) or the first that does not put it before (dir "f": it looks
// ahead); the reference's own day or month counts on both sides.
func onSide(ref news.Date, m, d int, dir string) (news.Date, bool) {
	if ref.Granularity < news.GranYear {
		return news.Date{}, false
	}
	rs, re := period(ref)
	y0 := ref.Time.Year()
	years := []int{y0 + 1, y0, y0 - 1, y0 - 2, y0 - 3, y0 - 4}
	if dir == "f" {
		years = []int{y0 - 1, y0, y0 + 1, y0 + 2, y0 + 3, y0 + 4}
	}
	for _, y := range years {
		c := news.Date{Time: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranMonth}
		if d > 0 {
			if !validDay(y, m, d) {
				continue
			}
			c = news.Date{Time: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), Granularity: news.GranDay}
		}
		cs, ce := period(c)
		if dir == "p" && cs.Before(re) || dir == "f" && ce.After(rs) {
			return c, true
		}
	}
	return news.Date{}, false
}

// beside places day d of month m in the last year that puts it wholly
// before the reference's period (dir "-1", "le 10 février dernier") or in
// the first that puts it wholly after (dir "+1"). When a candidate falls
// inside a reference coarser than a day, which side it lies on is unknown
// and ok is false.
func beside(ref news.Date, m, d int, dir string) (news.Date, bool) {
	if ref.Granularity < news.GranYear || (dir != "-1" && dir != "+1") {
		return news.Date{}, false
	}
	rs, re := period(ref)
	y0 := ref.Time.Year()
	years := []int{y0 + 1, y0, y0 - 1, y0 - 2, y0 - 3, y0 - 4}
	if dir == "+1" {
		years = []int{y0 - 1, y0, y0 + 1, y0 + 2, y0 + 3, y0 + 4}
	}
	for _, y := range years {
		if !validDay(y, m, d) {
			continue
		}
		c := news.Date{Time: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), Granularity: news.GranDay}
		cs, ce := period(c)
		if cs.Before(re) && ce.After(rs) && ref.Granularity < news.GranDay {
			return news.Date{}, false
		}
		if dir == "-1" && !ce.After(rs) || dir == "+1" && !cs.Before(re) {
			return c, true
		}
	}
	return news.Date{}, false
}

// weekdayOfMonth finds the day dom of a month that falls on weekday wd
// ("lundi 21"), nearest the reference within a year either way; when the
// runner-up is less than two weeks farther, it gives up.
func weekdayOfMonth(ref news.Date, wd, dom int) (news.Date, bool) {
	if ref.Granularity < news.GranMonth {
		return news.Date{}, false
	}
	rs, re := period(ref)
	var best news.Date
	bestDist, second := time.Duration(-1), time.Duration(-1)
	for k := -12; k <= 12; k++ {
		first := time.Date(ref.Time.Year(), ref.Time.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, k, 0)
		y, m := first.Year(), int(first.Month())
		if !validDay(y, m, dom) {
			continue
		}
		t := time.Date(y, time.Month(m), dom, 0, 0, 0, 0, time.UTC)
		if (int(t.Weekday())+6)%7+1 != wd {
			continue
		}
		var dist time.Duration
		switch {
		case t.Before(rs):
			dist = rs.Sub(t)
		case !t.Before(re):
			dist = t.Sub(re)
		}
		switch {
		case bestDist < 0 || dist < bestDist:
			second = bestDist
			best, bestDist = news.Date{Time: t, Granularity: news.GranDay}, dist
		case second < 0 || dist < second:
			second = dist
		}
	}
	// Two candidates about as near: which one is meant is unknown.
	if bestDist < 0 || second >= 0 && second-bestDist < 14*24*time.Hour {
		return news.Date{}, false
	}
	return best, true
}

// period returns the half-open interval a date covers.
func period(d news.Date) (start, end time.Time) {
	t := d.Time
	switch d.Granularity {
	case news.GranYear:
		start = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0)
	case news.GranMonth:
		start = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 1, 0)
	case news.GranMinute:
		start = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)
		return start, start.Add(time.Minute)
	}
	start = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, 0, 1)
}

// Compatible reports whether two dates can denote the same moment as
// stated: both are cut to the coarser granularity and compared, so
// "2025-02" is compatible with "2025-02-10" while "2025-02-10" and
// "2025-02-11" conflict. An unknown date is compatible with anything.
func Compatible(a, b news.Date) (ok bool, why string) {
	if a.IsZero() || b.IsZero() {
		return true, "an unknown date cannot conflict"
	}
	g := min(a.Granularity, b.Granularity)
	ca := news.Date{Time: a.Time, Granularity: g}
	cb := news.Date{Time: b.Time, Granularity: g}
	if ca.String() == cb.String() {
		return true, fmt.Sprintf("%s and %s agree to the %s", a, b, g)
	}
	return false, fmt.Sprintf("%s and %s differ at %s granularity (%s vs %s)", a, b, g, ca, cb)
}
