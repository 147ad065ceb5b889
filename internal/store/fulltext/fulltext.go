// Package fulltext is the text analysis every recoupe store shares, so that
// a search gives the same hits on SQLite, PostgreSQL and in memory: words are
// split on anything that is not a letter or a digit, lower-cased, stemmed
// with the Snowball stemmer of the article's language (French, English,
// Spanish; other languages are not stemmed) and stripped of diacritics, so
// that "Économie", "economie" and "économies" all index as "econom" and
// "achète" and "acheter" as "achet".
//
// The stores index the analysed terms, not the raw text: SQLite's FTS5 and
// PostgreSQL's 'simple' text-search configuration only split them on spaces.
// A query word is looked up under its French, English and unstemmed forms,
// because a query has no reliable language; the words of a query are ANDed.
package fulltext

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/spanish"
	"golang.org/x/text/unicode/norm"
)

// Limits. MaxDocument keeps an article's terms within what a PostgreSQL
// tsvector holds (1 MB); longer texts are indexed on their first terms.
// Terms longer than MaxTerm bytes (tokens of encoded data, mostly) are
// not indexed.
const (
	MaxQueryWords = 16
	MaxDocument   = 256 << 10
	MaxTerm       = 128
)

// Token is a word of a text and its byte span.
type Token struct {
	Word       string
	Start, End int
}

// Tokens splits text into words: maximal runs of letters, digits and
// combining marks.
func Tokens(text string) []Token {
	var toks []Token
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			toks = append(toks, Token{text[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, Token{text[start:], start, len(text)})
	}
	return toks
}

// Term returns the indexed form of one word in language lang.
func Term(lang, word string) string {
	w := strings.ToLower(norm.NFC.String(word)) // the stemmers know precomposed letters only
	switch lang {
	case "fr":
		w = french.Stem(w, true)
	case "en":
		w = english.Stem(w, true)
	case "es":
		w = spanish.Stem(w, true)
	}
	return Fold(w)
}

// Fold lower-cases s and removes its diacritics ("Œuvre" → "oeuvre").
func Fold(s string) string {
	s = strings.ToLower(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'œ':
			b.WriteString("oe")
		case r == 'æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Terms returns the indexed terms of a text in language lang, in order.
func Terms(lang, text string) []string {
	toks := Tokens(text)
	terms := make([]string, 0, len(toks))
	for _, t := range toks {
		if w := Term(lang, t.Word); w != "" && len(w) <= MaxTerm {
			terms = append(terms, w)
		}
	}
	return terms
}

// Document returns what a store indexes for an article: the terms of its
// title and text, separated by spaces.
func Document(lang, title, text string) string {
	var b strings.Builder
	for _, t := range append(Terms(lang, title), Terms(lang, text)...) {
		if b.Len()+len(t)+1 > MaxDocument {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// Query is an analysed search: every word must match one of its forms.
type Query [][]string

// ParseQuery analyses a user's query. It returns an empty Query when q has
// no word.
func ParseQuery(q string) Query {
	var out Query
	toks := Tokens(q)
	long := slices.DeleteFunc(slices.Clone(toks), func(t Token) bool { return utf8.RuneCountInString(t.Word) < 2 })
	if len(long) > 0 {
		// One-letter words are mostly elisions ("l'", "d'"): ignore them
		// unless the query has nothing else.
		toks = long
	}
	for _, t := range toks {
		if len(out) == MaxQueryWords {
			break
		}
		var forms []string
		for _, lang := range []string{"fr", "en", ""} {
			f := Term(lang, t.Word)
			if f != "" && !contains(forms, f) {
				forms = append(forms, f)
			}
		}
		if len(forms) > 0 {
			out = append(out, forms)
		}
	}
	return out
}

func contains(s []string, w string) bool {
	for _, x := range s {
		if x == w {
			return true
		}
	}
	return false
}

// Match reports whether a document with these term counts has every word
// of q, and scores it by the number of matching terms.
func (q Query) Match(terms map[string]int) (float64, bool) {
	if len(q) == 0 {
		return 0, false
	}
	score := 0
	for _, forms := range q {
		n := 0
		for _, f := range forms {
			n += terms[f]
		}
		if n == 0 {
			return 0, false
		}
		score += n
	}
	return float64(score), true
}

// FTS5 writes q as an SQLite FTS5 match expression over quoted terms.
func (q Query) FTS5() string {
	words := make([]string, len(q))
	for i, forms := range q {
		alts := make([]string, len(forms))
		for j, f := range forms {
			alts[j] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		words[i] = "(" + strings.Join(alts, " OR ") + ")"
	}
	return strings.Join(words, " AND ")
}

// TSQuery writes q as a PostgreSQL tsquery over the 'simple' configuration:
// terms are quoted lexemes, so no user text is parsed as an operator.
func (q Query) TSQuery() string {
	words := make([]string, len(q))
	for i, forms := range q {
		alts := make([]string, len(forms))
		for j, f := range forms {
			alts[j] = "'" + strings.ReplaceAll(strings.ReplaceAll(f, `\`, `\\`), "'", "''") + "'"
		}
		words[i] = "(" + strings.Join(alts, " | ") + ")"
	}
	return strings.Join(words, " & ")
}

// SnippetWords is how many words a snippet shows on each side of a match.
const SnippetWords = 12

// Snippet returns a short passage of text around the first word that
// matches q, whitespace collapsed, with "…" where it was cut. It returns
// the text's start when no word matches.
func Snippet(lang, text string, q Query) string {
	toks := Tokens(text)
	if len(toks) == 0 {
		return ""
	}
	hit := 0
find:
	for i, t := range toks {
		w := Term(lang, t.Word)
		for _, forms := range q {
			if contains(forms, w) {
				hit = i
				break find
			}
		}
	}
	from, to := max(hit-SnippetWords, 0), min(hit+SnippetWords, len(toks)-1)
	start, end := toks[from].Start, toks[to].End
	if from == 0 { // keep what precedes the first word ("« Nous…")
		start = 0
	}
	if to == len(toks)-1 { // and what follows the last (final stop)
		end = len(text)
	}
	s := strings.Join(strings.Fields(text[start:end]), " ")
	if from > 0 {
		s = "…" + s
	}
	if to < len(toks)-1 {
		s += "…"
	}
	return s
}
