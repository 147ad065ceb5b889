package quote

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// GroupThreshold is the Similarity above which the cross-check treats two
// quotes as variants of one utterance.
const GroupThreshold = 0.5

// Similarity returns how alike two quotes' words are, in [0,1]: the mean of
// a token-overlap score (Dice over word stems, where numbers must agree
// exactly) and a character-bigram Dice score, both ignoring case, accents,
// punctuation and apostrophes. Rewordings of one sentence ("nous
// achèterons Twitter pour 9,74 milliards" / "nous voulons bien racheter
// Twitter pour 9,74 milliards") keep most stems and numbers and score well
// above unrelated quotes.
func Similarity(a, b string) float64 {
	ta, tb := simTokens(a), simTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		if len(ta) == 0 && len(tb) == 0 {
			return 1
		}
		return 0
	}
	// the token score counts content words: two statements that share
	// only "I have … for her" are not one utterance
	ca, cb := content(ta), content(tb)
	if len(ca) == 0 || len(cb) == 0 {
		ca, cb = ta, tb
	}
	return (dice(ca, cb) + dice(bigrams(ta), bigrams(tb))) / 2
}

// simStop are function words (as simTokens cuts them) left out of the
// token score.
var simStop = set("i", "ve", "m", "s", "t", "ll", "d", "re", "a", "an", "the", "and", "or", "but", "of", "to",
	"in", "on", "at", "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "have", "has",
	"had", "do", "does", "did", "it", "its", "he", "she", "we", "you", "they", "me", "him", "her", "us", "them",
	"my", "his", "our", "your", "their", "this", "that", "these", "those", "there", "so", "not", "no", "if",
	"very", "just", "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "mais", "a", "au",
	"aux", "en", "dans", "sur", "pour", "par", "avec", "que", "qu", "qui", "ne", "pas", "je", "j", "il", "elle",
	"nous", "vous", "ils", "elles", "on", "se", "ce", "c", "n", "est", "sont", "etait", "mon", "ma", "mes",
	"son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "y", "si", "tres", "plus", "moins")

func content(ts []string) []string {
	var out []string
	for _, t := range ts {
		if !simStop[t] {
			out = append(out, t)
		}
	}
	return out
}

// simTokens lower-cases, strips accents and splits on anything but letters
// and digits (a decimal comma stays inside its number); words are cut to a
// 5-letter stem so that "souhaitez" and "souhaite" meet.
func simTokens(s string) []string {
	s = strings.ToLower(stripAccents(s))
	var out []string
	var cur []rune
	rs := []rune(s)
	flush := func() {
		if len(cur) > 0 {
			w := string(cur)
			if !unicode.IsDigit(cur[0]) && len(cur) > 5 {
				w = string(cur[:5])
			}
			out = append(out, w)
			cur = cur[:0]
		}
	}
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
		case (r == ',' || r == '.') && len(cur) > 0 && unicode.IsDigit(cur[len(cur)-1]) && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			cur = append(cur, '.')
		default:
			flush()
		}
	}
	flush()
	return out
}

func stripAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func bigrams(words []string) []string {
	s := strings.Join(words, " ")
	rs := []rune(s)
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// dice is the multiset Dice coefficient.
func dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, x := range a {
		count[x]++
	}
	common := 0
	for _, x := range b {
		if count[x] > 0 {
			count[x]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
