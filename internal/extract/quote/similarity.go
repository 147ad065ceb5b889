package quote

import (
	"cmp"
	"encoding/binary"
	"slices"
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
	return NewSketch(a).Similarity(NewSketch(b))
}

// A Sketch is a quote's words prepared for Similarity, so that comparing
// each of n quotes with many others prepares each once, not n times.
type Sketch struct {
	tokens  []string // simTokens, sorted
	content []string // tokens without simStop words, sorted
	bigrams []uint64 // character bigrams of the space-joined tokens, sorted
}

// NewSketch prepares s for Similarity.
func NewSketch(s string) Sketch {
	ts := simTokens(s)
	k := Sketch{tokens: ts, content: content(ts), bigrams: bigrams(ts)}
	slices.Sort(k.tokens)
	slices.Sort(k.content)
	slices.Sort(k.bigrams)
	return k
}

// Similarity is the package's Similarity of the two sketched quotes.
func (a Sketch) Similarity(b Sketch) float64 {
	if len(a.tokens) == 0 || len(b.tokens) == 0 {
		if len(a.tokens) == 0 && len(b.tokens) == 0 {
			return 1
		}
		return 0
	}
	// the token score counts content words: two statements that share
	// only "I have … for her" are not one utterance
	ca, cb := a.content, b.content
	if len(ca) == 0 || len(cb) == 0 {
		ca, cb = a.tokens, b.tokens
	}
	return (dice(ca, cb) + dice(a.bigrams, b.bigrams)) / 2
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

func bigrams(words []string) []uint64 {
	var out []uint64
	var prev rune = -1
	for i, w := range words {
		if i > 0 {
			out = append(out, uint64(prev)<<32|' ')
			prev = ' '
		}
		for _, r := range w {
			if prev >= 0 {
				out = append(out, uint64(prev)<<32|uint64(r))
			}
			prev = r
		}
	}
	return out
}

// dice is the multiset Dice coefficient of two sorted slices.
func dice[T cmp.Ordered](a, b []T) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			common++
			i++
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// An Index holds a story's quotes sketched once, for grouping thousands
// of them: Similarity compares two by index, and Near lists the only
// quotes that can reach a threshold with a given one.
type Index struct {
	sketches  []Sketch
	threshold float64
	keys      map[string][]int32 // content word (or any word) → quotes
	anyWord   []int32            // quotes without content words: near all
}

// NewIndex sketches texts. Near prunes only for thresholds of at least
// 0.5, where two quotes must share a content word (or, for quotes of
// function words only, any word) to reach the threshold: the bigram
// score alone gives at most half, and gives it only to the same words.
func NewIndex(texts []string, threshold float64) *Index {
	x := &Index{sketches: make([]Sketch, len(texts)), threshold: threshold, keys: map[string][]int32{}}
	for i, t := range texts {
		k := NewSketch(t)
		x.sketches[i] = k
		words := k.content
		if len(words) == 0 {
			x.anyWord = append(x.anyWord, int32(i))
			words = k.tokens
		}
		for j, w := range words {
			if j == 0 || w != words[j-1] {
				x.keys[w] = append(x.keys[w], int32(i))
			}
		}
		// The same bigrams with no content word in common (a
		// threshold of exactly 0.5): key by the bigrams themselves.
		x.keys[bigramKey(k.bigrams)] = append(x.keys[bigramKey(k.bigrams)], int32(i))
	}
	return x
}

// bigramKey names a multiset of bigrams; it cannot collide with a word,
// which holds no control character.
func bigramKey(bs []uint64) string {
	b := make([]byte, 0, 1+8*len(bs))
	b = append(b, 0)
	for _, v := range bs {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return string(b)
}

// Similarity is the Similarity of quotes i and j.
func (x *Index) Similarity(i, j int) float64 { return x.sketches[i].Similarity(x.sketches[j]) }

// Near appends to dst, in increasing order and without i itself, every
// quote whose Similarity with quote i may reach the index's threshold
// (every quote when the threshold is below 0.5).
func (x *Index) Near(i int, dst []int) []int {
	start := len(dst)
	if x.threshold < 0.5 {
		for j := range x.sketches {
			if j != i {
				dst = append(dst, j)
			}
		}
		return dst
	}
	k := x.sketches[i]
	add := func(js []int32) {
		for _, j := range js {
			if int(j) != i {
				dst = append(dst, int(j))
			}
		}
	}
	words := k.content
	if len(words) == 0 {
		// Compared on all their words with anyone.
		for j := range x.sketches {
			if j != i {
				dst = append(dst, j)
			}
		}
		return dst
	}
	for j, w := range words {
		if j == 0 || w != words[j-1] {
			add(x.keys[w])
		}
	}
	add(x.anyWord)
	add(x.keys[bigramKey(k.bigrams)])
	out := dst[start:]
	slices.Sort(out)
	return append(dst[:start], slices.Compact(out)...)
}
