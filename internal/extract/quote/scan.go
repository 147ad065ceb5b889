package quote

import (
	"unicode"
	"unicode/utf8"
)

// span is one outermost quotation found by scan: the marks' positions and
// the quoted words between them. When the closing mark is missing, close
// is the paragraph end and closed is false.
type span struct {
	open, openEnd   int // the opening mark
	close, closeEnd int // the closing mark (close == closeEnd == paragraph end when unclosed)
	start, end      int // the quoted words, marks and edge spaces excluded
	closed          bool
	mark            rune // the opening mark
}

// paragraphs returns the [start, end) byte ranges of text's lines that
// hold something other than spaces.
func paragraphs(text string) [][2]int {
	var ps [][2]int
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			s, e := trimSpaceRange(text, start, i)
			if s < e {
				ps = append(ps, [2]int{s, e})
			}
			start = i + 1
		}
	}
	return ps
}

func trimSpaceRange(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// isSpace includes the no-break spaces French typography puts inside « ».
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007'
}

func runeBefore(text string, lo, i int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r
}

func runeAfter(text string, i, hi int) rune {
	if i >= hi {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return r
}

// openingContext reports whether a mark preceded by r may open a quote:
// at the start, after a space, an opening bracket, a dash or punctuation
// that introduces ("dit :«", "(«").
func openingContext(r rune) bool {
	return isSpace(r) || r == '(' || r == '[' || r == ':' || r == '—' || r == '–' || r == '-' || r == '/' || r == '«' || r == '“' || r == '‘' || r == '"' || r == '\'' || r == '’' || r == ','
}

// closingContext reports whether a mark followed by r may close a quote.
func closingContext(r rune) bool {
	return isSpace(r) || unicode.IsPunct(r) || r == '»'
}

// scan finds the outermost quotations of text[ps:pe], one paragraph, in
// one pass (linear in its length). Inner quotations (« … “…” … ») stay
// part of their outer one. A wrong closing mark (« … « .) closes; an
// unclosed quotation ends with the paragraph.
func scan(text string, ps, pe int, out []span) []span {
	type open struct {
		mark rune
		at   int
	}
	var stack []open
	counts := map[rune]int{}
	push := func(o open) {
		stack = append(stack, o)
		counts[o.mark]++
	}
	popTo := func(k int) { // keep stack[:k]
		for _, o := range stack[k:] {
			counts[o.mark]--
		}
		stack = stack[:k]
	}
	var cur span
	emit := func(closeAt, closeEnd int, closed bool) {
		cur.close, cur.closeEnd, cur.closed = closeAt, closeEnd, closed
		cur.start, cur.end = trimSpaceRange(text, cur.openEnd, closeAt)
		// "règle , »": the comma before the closing mark is punctuation of
		// the surrounding sentence.
		for cur.end > cur.start {
			r, n := utf8.DecodeLastRuneInString(text[cur.start:cur.end])
			if r != ',' && !isSpace(r) {
				break
			}
			cur.end -= n
		}
		if cur.start < cur.end {
			out = append(out, cur)
		}
		popTo(0)
	}
	for i := ps; i < pe; {
		r, n := utf8.DecodeRuneInString(text[i:pe])
		prev, next := runeBefore(text, ps, i), runeAfter(text, i+n, pe)
		top := rune(0)
		if len(stack) > 0 {
			top = stack[len(stack)-1].mark
		}
		switch r {
		case '«', '“', '„', '‘':
			switch {
			case top != 0 && (top == r || (top == '„' && r == '“')) && !isSpace(prev) && closingContext(next) && !unicode.IsLetter(next):
				// A second opening mark glued to the last word closes: the
				// typographer's wrong mark ("souhaitez« .", German „…“).
				popTo(len(stack) - 1)
				if len(stack) == 0 {
					emit(i, i+n, true)
				}
			case r == '‘' && (!openingContext(prev) || !(unicode.IsLetter(next) || unicode.IsDigit(next))):
				// an apostrophe or a stray mark
			case top == 0:
				if openingContext(prev) || r == '«' || r == '“' {
					push(open{r, i})
					cur = span{open: i, openEnd: i + n, mark: r}
				}
			default:
				if openingContext(prev) {
					push(open{r, i})
				}
			}
		case '»', '”':
			// Pop to the matching opening mark, dropping inner quotations
			// left open ("« … “ … »").
			// The count check keeps the pass linear: a closing mark with no
			// opening mark of its kind on the stack does not walk it.
			if (r == '»' && counts['«'] == 0) || (r == '”' && counts['“']+counts['„'] == 0) {
				break
			}
			for k := len(stack) - 1; k >= 0; k-- {
				m := stack[k].mark
				if (r == '»' && m == '«') || (r == '”' && (m == '“' || m == '„')) {
					popTo(k)
					if k == 0 {
						emit(i, i+n, true)
					}
					break
				}
			}
		case '’':
			if top == '‘' && !unicode.IsLetter(next) && !isSpace(prev) {
				popTo(len(stack) - 1)
				if len(stack) == 0 {
					emit(i, i+n, true)
				}
			}
		case '"':
			switch {
			case top == '"':
				popTo(len(stack) - 1)
				if len(stack) == 0 {
					emit(i, i+n, true)
				}
			case prev == '=' || unicode.IsDigit(prev) || unicode.IsLetter(prev):
				// an HTML attribute or inches (12"), not a quotation
			case top == 0:
				if !isSpace(next) || i+n < pe {
					push(open{r, i})
					cur = span{open: i, openEnd: i + n, mark: r}
				}
			default:
				push(open{r, i})
			}
		}
		i += n
	}
	if len(stack) > 0 && stack[0].mark != '‘' {
		emit(pe, pe, false)
	}
	return out
}
