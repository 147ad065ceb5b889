package story

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ScoreNote says, for a reader, what an assignment's similarity and
// threshold are (with the default options).
var ScoreNote = fmt.Sprintf("Similarity: the weighted cosine of the words, names and figures an article shares with its story, "+
	"raised or lowered by the years, months and weekdays both name, and lowered with the days between them. "+
	"An article joins a story at its language's threshold, raised for a story of few articles "+
	"(by %.0f%% for one article, %.0f%% for two): a single report is weaker evidence of what an event is about.",
	100*DefaultSmallStoryMargin, 50*DefaultSmallStoryMargin)

// Describe renders the evidence of an assignment (news.Assignment.Shared,
// as Assign and tryMerge write it) for a reader: the names, words,
// figures and times the article shares with its story, each group in the
// order given, then the near-duplicate and merge notes. Names are
// capitalised (the keys are folded: accents are gone), words are the
// stems the clusterer compares, figures are rounded as it rounds them
// (to two significant digits, hence "≈"), and times are named.
func Describe(shared []string) string {
	var names, words, figures, times, notes []string
	for _, s := range shared {
		kind, key, _ := strings.Cut(s, ":")
		switch kind {
		case "entity":
			names = append(names, capitalise(key))
		case "term":
			words = append(words, key)
		case "number":
			figures = append(figures, describeNumber(key))
		case "time":
			times = append(times, describeTime(key))
		case "duplicate-of":
			id := key
			if len(id) > 12 {
				id = id[:12] + "…"
			}
			notes = append(notes, "a near-duplicate of article "+id)
		default:
			m, ok := parseMerge(s)
			switch {
			case !ok:
				notes = append(notes, s)
			case m.Bridge:
				notes = append(notes, fmt.Sprintf("the article also matched story %s (%.2f ≥ %.2f), which was then merged into %s",
					m.From, m.Score, m.Threshold, m.Into))
			default:
				notes = append(notes, fmt.Sprintf("story %s was then merged into %s (the stories' similarity %.2f ≥ %.2f)",
					m.From, m.Into, m.Score, m.Threshold))
			}
		}
	}
	var parts []string
	for _, g := range []struct {
		label string
		items []string
	}{{"names", names}, {"words", words}, {"figures", figures}, {"times", times}} {
		if len(g.items) > 0 {
			parts = append(parts, g.label+" "+strings.Join(g.items, ", "))
		}
	}
	return strings.Join(append(parts, notes...), "; ")
}

// capitalise upper-cases the first letter of each word of a folded name.
func capitalise(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if up {
			r = unicode.ToUpper(r)
		}
		up = r == ' ' || r == '-'
		b.WriteRune(r)
	}
	return b.String()
}

// describeNumber renders a number key (see factKey, scanNumbers): "year
// 2008", "date 2025-02", "date 02-10", "12 %", "9.7e+10 USD", "2.8e+02".
func describeNumber(k string) string {
	switch {
	case strings.HasPrefix(k, "year "):
		return strings.TrimPrefix(k, "year ")
	case strings.HasPrefix(k, "date "):
		d := strings.TrimPrefix(k, "date ")
		if t, err := time.Parse("2006-01", d); err == nil {
			return t.Format("January 2006")
		}
		if t, err := time.Parse("01-02", d); err == nil {
			return t.Format("2 January")
		}
		return d
	}
	num, unit, _ := strings.Cut(k, " ")
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return k
	}
	var s string
	switch a := max(v, -v); {
	case a >= 1e9:
		s = strconv.FormatFloat(v/1e9, 'f', -1, 64) + " billion"
	case a >= 1e6:
		s = strconv.FormatFloat(v/1e6, 'f', -1, 64) + " million"
	default:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	}
	if unit != "" {
		s += " " + unit
	}
	if strings.Contains(num, "e") {
		s = "≈" + s
	}
	return s
}

// describeTime renders a time key ("year 2008", "month 3", "weekday 2").
func describeTime(k string) string {
	kind, n, _ := strings.Cut(k, " ")
	i, err := strconv.Atoi(n)
	switch {
	case err != nil:
		return k
	case kind == "month" && i >= 1 && i <= 12:
		return time.Month(i).String()
	case kind == "weekday" && i >= 1 && i <= 7:
		return time.Weekday(i % 7).String()
	case kind == "year":
		return n
	}
	return k
}
