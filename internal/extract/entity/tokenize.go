package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, number or punctuation mark of an article.
type token struct {
	start, end int
	text       string
	// nl says a line break separates the token from the previous one.
	nl bool
}

// elisions are the French words written with an apostrophe before a vowel
// ("l’", "d’", "qu’"): they become tokens of their own, apostrophe
// included, as in the training corpora.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true, "presqu": true,
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into tokens. It is the tokenisation the model was
// trained against (close to the corpora's): words keep inner hyphens,
// dots between letters and apostrophes ("aujourd'hui"), except that French
// elisions ("l’", "d’") and the English possessive ("’s") are split off;
// any other rune is a token of its own (runs of one punctuation rune stay
// together). It runs in one pass over text.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	nl := false
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			nl = true
			i += w
			continue
		}
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			i += w
			continue
		}
		start := i
		if !isWordRune(r) {
			i += w
			for i < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[i:])
				if r2 != r || r == utf8.RuneError {
					break
				}
				i += w2
			}
			toks = append(toks, token{start: start, end: i, text: text[start:i], nl: nl})
			nl = false
			continue
		}
		i += w
		seg := start // start of the current dot-separated segment
		for i < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r2) {
				i += w2
				continue
			}
			if r2 == '-' || r2 == '.' || r2 == '&' || isApos(r2) {
				// Joiner: keep only between two word runes.
				r3, _ := utf8.DecodeRuneInString(text[i+w2:])
				if !isWordRune(r3) {
					break
				}
				if r2 == '.' {
					// "U.S.A" stays, "fin.Le" splits: a dot joins only single letters.
					if utf8.RuneCountInString(text[seg:i]) != 1 || !unicode.IsLetter(r3) {
						break
					}
					seg = i + w2
				}
				if isApos(r2) {
					word := strings.ToLower(text[start:i])
					if elisions[word] {
						i += w2 // "l’" ends here
						break
					}
					if text[i+w2] == 's' || text[i+w2] == 'S' {
						r4, _ := utf8.DecodeRuneInString(text[i+w2+1:])
						if !isWordRune(r4) {
							break // possessive: "Altman" + "’s"
						}
					}
				}
				i += w2
				continue
			}
			break
		}
		toks = append(toks, token{start: start, end: i, text: text[start:i], nl: nl})
		nl = false
	}
	return toks
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "dr": true, "pr": true,
	"me": true, "mgr": true, "st": true, "ste": true, "mr": true, "mrs": true, "ms": true,
	"jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "etc": true,
	"av": true, "bd": true, "cf": true, "vs": true, "no": true, "gén": true, "col": true,
}

// sentences returns the index of the first token of each sentence: a
// sentence ends at a line break, or after ".", "!", "?" or "…" unless the
// dot follows an abbreviation or a single capital letter ("J. Dupont").
func sentences(toks []token) []int {
	var starts []int
	for i := range toks {
		if i == 0 || toks[i].nl {
			starts = append(starts, i)
			continue
		}
		p := toks[i-1].text
		if p == "!" || p == "?" || p == "…" || p == "..." || p == "!!" || p == "?!" {
			starts = append(starts, i)
			continue
		}
		if p == "." && i >= 2 {
			q := toks[i-2].text
			if abbreviations[strings.ToLower(q)] || (utf8.RuneCountInString(q) == 1 && unicode.IsUpper([]rune(q)[0])) {
				continue
			}
			starts = append(starts, i)
		}
	}
	return starts
}
