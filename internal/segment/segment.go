// Package segment finds paragraph, sentence and token boundaries in French
// and English text, as byte spans into the text.
//
// It is written here rather than taken from a library because the Go
// sentence splitters available (e.g. neurosnap/sentences, prose) are
// trained for English only and do not know French abbreviations ("M.",
// "Mme", "janv.") or the decimal comma; the rules below are small, linear
// and deterministic.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

// Token is one word, number or punctuation mark.
type Token struct {
	news.Span
	Text string
}

// Paragraphs returns the spans of text's non-blank lines, trimmed of
// surrounding white space. News text puts one paragraph on a line.
func Paragraphs(text string) []news.Span {
	var out []news.Span
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s, ok := trim(text, start, end); ok {
			out = append(out, s)
		}
		start = end + 1
	}
	return out
}

// trim narrows [start,end) to exclude white space at both ends.
func trim(text string, start, end int) (news.Span, bool) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return news.Span{Start: start, End: end}, end > start
}

// abbreviations end with a period that does not end a sentence. Keys are
// lower case, without the period.
var abbreviations = map[string]bool{
	// French titles and common abbreviations.
	"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "mgr": true, "me": true,
	"dr": true, "pr": true, "st": true, "ste": true, "cie": true, "etc": true, "cf": true,
	"p": true, "pp": true, "ex": true, "env": true, "av": true, "apr": true, "j.-c": true,
	"no": true, "nº": true, "vol": true, "chap": true, "art": true, "éd": true, "hab": true,
	"janv": true, "févr": true, "fév": true, "avr": true, "juil": true, "sept": true,
	"oct": true, "nov": true, "déc": true, "lun": true, "mar": true, "mer": true, "jeu": true,
	"ven": true, "sam": true, "dim": true, "bd": true, "boul": true, "tél": true,
	// English.
	"mr": true, "mrs": true, "ms": true, "prof": true, "sr": true, "jr": true, "gen": true,
	"gov": true, "sen": true, "rep": true, "col": true, "lt": true, "capt": true, "sgt": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "jan": true, "feb": true,
	"aug": true, "dec": true, "approx": true, "e.g": true, "i.e": true, "u.s": true, "u.k": true,
	"mt": true, "ft": true, "est": true,
}

// closers may follow a sentence's final punctuation and still belong to it.
func closer(r rune) bool {
	switch r {
	case '"', '\'', '»', '”', '’', ')', ']', '›':
		return true
	}
	return false
}

// Sentences returns the spans of text's sentences, in order. A sentence
// ends at a paragraph break, or at . ! ? … (plus closing quotes and
// brackets) followed by white space and an upper-case letter, digit,
// opening quote or dash — unless the period ends a known abbreviation, a
// single initial ("J. K. Rowling") or sits inside a number ("97.4").
func Sentences(text string) []news.Span {
	var out []news.Span
	for _, p := range Paragraphs(text) {
		out = appendSentences(out, text, p)
	}
	return out
}

func appendSentences(out []news.Span, text string, p news.Span) []news.Span {
	start := p.Start
	i := p.Start
	for i < p.End {
		r, n := utf8.DecodeRuneInString(text[i:p.End])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		end := i + n
		// Runs of terminal punctuation ("?!", "...") and closers.
		for end < p.End {
			r2, n2 := utf8.DecodeRuneInString(text[end:p.End])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || closer(r2) {
				end += n2
				continue
			}
			// French sets closing guillemets apart: "Non. »".
			if k := skipInlineSpace(text, end, p.End); k > end && k < p.End {
				if r3, n3 := utf8.DecodeRuneInString(text[k:p.End]); r3 == '»' || r3 == '”' {
					end = k + n3
					continue
				}
			}
			break
		}
		if r == '.' && !periodEnds(text, p.Start, i, end, p.End) {
			i = end
			continue
		}
		if !nextStartsSentence(text, end, p.End) {
			i = end
			continue
		}
		if s, ok := trim(text, start, end); ok {
			out = append(out, s)
		}
		start = end
		i = end
	}
	if s, ok := trim(text, start, p.End); ok {
		out = append(out, s)
	}
	return out
}

// periodEnds reports whether the period at dot can end a sentence, judging
// by the word before it.
func periodEnds(text string, lo, dot, after, hi int) bool {
	// A digit on both sides: a decimal point or a date ("97.4", "10.02.2025").
	if dot > lo && after < hi && isDigitByte(text[dot-1]) && isDigitByte(text[dot+1]) {
		return false
	}
	// The word before the period.
	w := dot
	for w > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:w])
		if !unicode.IsLetter(r) && r != '.' && r != '-' {
			break
		}
		w -= n
	}
	word := strings.ToLower(strings.Trim(text[w:dot], "."))
	if word == "" {
		return true
	}
	if abbreviations[word] {
		return false
	}
	// A single upper-case letter: an initial ("J. K. Rowling", "Franklin D.").
	if r, n := utf8.DecodeRuneInString(text[w:dot]); n == dot-w && unicode.IsUpper(r) {
		return false
	}
	// Dotted acronyms ("U.S.A.", "O.N.U.").
	if strings.Count(text[w:dot], ".") >= 1 && utf8.RuneCountInString(strings.ReplaceAll(text[w:dot], ".", "")) <= 4 {
		return false
	}
	return true
}

// skipInlineSpace returns the end of the run of spaces (not line breaks)
// that starts at i.
func skipInlineSpace(text string, i, hi int) int {
	for i < hi {
		r, n := utf8.DecodeRuneInString(text[i:hi])
		if r == '\n' || !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func isDigitByte(b byte) bool { return '0' <= b && b <= '9' }

// nextStartsSentence reports whether, after white space, text at i begins
// like a sentence.
func nextStartsSentence(text string, i, hi int) bool {
	j := i
	for j < hi {
		r, n := utf8.DecodeRuneInString(text[j:hi])
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	if j == i && j < hi {
		return false // no space after the punctuation: "OpenAI.com", "9.74"
	}
	if j >= hi {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:hi])
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r):
		return true
	case r == '«' || r == '"' || r == '“' || r == '‘' || r == '(' || r == '[' ||
		r == '–' || r == '—' || r == '-' || r == '¿' || r == '¡' || r == '•':
		return true
	}
	return false
}

// elisions are French clitics that an apostrophe detaches from the next
// word ("l’entreprise" → "l’" "entreprise").
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true, "presqu": true,
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Tokens returns the tokens of text, in order: words (letters, digits,
// inner hyphens and apostrophes, with French elisions split off), numbers
// (digits with inner decimal or thousands separators: "97,4", "1.234,5",
// "2025-02-10" is split at the hyphens), and single punctuation marks.
// White space is not a token.
func Tokens(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsDigit(r):
			j := scanNumber(text, i)
			out = append(out, tok(text, i, j))
			i = j
		case unicode.IsLetter(r) || unicode.IsMark(r):
			j, split := scanWord(text, i)
			if split > i {
				out = append(out, tok(text, i, split))
				i = split
				continue
			}
			out = append(out, tok(text, i, j))
			i = j
		default:
			out = append(out, tok(text, i, i+n))
			i += n
		}
	}
	return out
}

func tok(text string, i, j int) Token {
	return Token{Span: news.Span{Start: i, End: j}, Text: text[i:j]}
}

// scanNumber reads digits with inner '.' or ',' separators followed by a
// digit, and trailing letters glued to the digits ("14h30" stays one
// token, so does "2015Musk"'s "2015" — letters after digits are split off
// unless they are unit-like and short).
func scanNumber(text string, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		if isDigitByte(c) {
			j++
			continue
		}
		if (c == '.' || c == ',') && j+1 < len(text) && isDigitByte(text[j+1]) {
			j++
			continue
		}
		break
	}
	return j
}

// scanWord reads a word starting at i. It returns the word's end and, if
// the word begins with a French elision, the end of the elision (else i).
func scanWord(text string, i int) (end, split int) {
	j := i
	split = i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
			j += n
			continue
		}
		if r == '-' || isApostrophe(r) {
			// Inner hyphen or apostrophe: only if a letter follows.
			r2, _ := utf8.DecodeRuneInString(text[j+n:])
			if j+n < len(text) && unicode.IsLetter(r2) {
				if isApostrophe(r) && split == i && elisions[strings.ToLower(text[i:j])] {
					return j + n, j + n
				}
				j += n
				continue
			}
		}
		break
	}
	return j, split
}
