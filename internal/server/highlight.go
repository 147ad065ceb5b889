package server

import (
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

// markSpan is a span of article text to wrap in <mark>.
type markSpan struct {
	news.Span
	Class string // space-separated class names
	Title string // tooltip
	// ID, when set, makes this span the page's target: one <mark> element
	// with this id around exactly its text. Only the first such span is
	// used.
	ID string
}

// snapSpan widens sp to whole UTF-8 characters and clips it to text, so
// that splitting the text at its bounds never cuts a character in two.
func snapSpan(text string, sp news.Span) news.Span {
	if sp.Start < 0 {
		sp.Start = 0
	}
	if sp.End > len(text) {
		sp.End = len(text)
	}
	if sp.Start > sp.End {
		return news.Span{}
	}
	for sp.Start > 0 && sp.Start < len(text) && !utf8.RuneStart(text[sp.Start]) {
		sp.Start--
	}
	for sp.End < len(text) && !utf8.RuneStart(text[sp.End]) {
		sp.End++
	}
	return sp
}

// markText returns text as HTML with each span wrapped in <mark>. The text
// is cut at every span boundary and each piece is escaped on its own, so
// no byte of the text is ever read as markup. Overlapping spans are
// handled by giving each piece one <mark> carrying the classes of every
// span that covers it; the target span (ID set) is one element that
// encloses the pieces of its range, so that it reads as one highlight.
func markText(text string, spans []markSpan) template.HTML {
	type event struct {
		pos   int
		start bool
		i     int
	}
	evs := make([]event, 0, 2*len(spans))
	target := -1
	kept := make([]markSpan, 0, len(spans))
	for _, sp := range spans {
		sp.Span = snapSpan(text, sp.Span)
		if sp.Len() <= 0 {
			continue
		}
		if sp.ID != "" {
			if target >= 0 {
				continue
			}
			target = len(kept)
		}
		kept = append(kept, sp)
		evs = append(evs, event{sp.Start, true, len(kept) - 1}, event{sp.End, false, len(kept) - 1})
	}
	slices.SortStableFunc(evs, func(a, b event) int { return a.pos - b.pos })

	var b strings.Builder
	b.Grow(len(text) + len(kept)*48)
	var active []int // indices into kept of the non-target spans covering pos
	pos := 0
	flush := func(end int) {
		if end <= pos {
			return
		}
		piece := template.HTMLEscapeString(text[pos:end])
		if len(active) == 0 {
			b.WriteString(piece)
		} else {
			writeMark(&b, kept, active, piece)
		}
		pos = end
	}
	for _, e := range evs {
		flush(e.pos)
		if e.i == target {
			if e.start {
				b.WriteString(`<mark class="target" id="`)
				b.WriteString(template.HTMLEscapeString(kept[e.i].ID))
				b.WriteString(`">`)
			} else {
				b.WriteString(`</mark>`)
			}
			continue
		}
		if e.start {
			active = append(active, e.i)
		} else if k := slices.Index(active, e.i); k >= 0 {
			active = slices.Delete(active, k, k+1)
		}
	}
	flush(len(text))
	return template.HTML(b.String())
}

// writeMark writes one <mark> around piece (already escaped) with the
// classes and titles of the active spans.
func writeMark(b *strings.Builder, kept []markSpan, active []int, piece string) {
	var classes, titles []string
	for _, i := range active {
		for c := range strings.FieldsSeq(kept[i].Class) {
			if c = cleanClass(c); c != "" && !slices.Contains(classes, c) {
				classes = append(classes, c)
			}
		}
		if t := kept[i].Title; t != "" && !slices.Contains(titles, t) {
			titles = append(titles, t)
		}
	}
	b.WriteString(`<mark class="`)
	b.WriteString(strings.Join(classes, " "))
	b.WriteString(`"`)
	if len(titles) > 0 {
		b.WriteString(` title="`)
		b.WriteString(template.HTMLEscapeString(strings.Join(titles, "; ")))
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
	b.WriteString(piece)
	b.WriteString(`</mark>`)
}

// cleanClass keeps letters, digits, '-' and '_' of a class name.
func cleanClass(c string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return r
		}
		return -1
	}, c)
}
