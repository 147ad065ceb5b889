package story

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"golang.org/x/text/unicode/norm"
)

// fold lowercases s and removes its diacritics ("Ségolène" → "segolene").
// ASCII input takes a fast path; other text is decomposed (NFD) and its
// combining marks dropped, so that "é" and "e\u0301" fold alike.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'œ', 'Œ':
			b.WriteString("oe")
			continue
		case 'æ', 'Æ':
			b.WriteString("ae")
			continue
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// extraStop completes the snowball stop lists (which keep only pronouns,
// articles and auxiliaries) with frequent function words and reporting
// verbs of French and English news that carry no topic. Entries are folded.
var extraStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
les une des aux cette cet ces celui celle ceux celles dont ainsi alors aussi autre autres
avant apres avoir bien car chez comme comment deja depuis donc encore entre etre fait faire
font hier ici leurs lors mais meme moins non oui ont peu peut plus pour pourquoi quand quel
quelle quelles quels sans selon sera seront sous tous tout toute toutes tres trop vers via
deux trois quatre cinq six sept huit neuf dix ans annee mois jour jours lundi mardi mercredi
jeudi vendredi samedi dimanche fois notamment plusieurs dit declare estime explique ajoute
the and for with that this from have has had was were are been being will would could should
about after also than then them they their there these those what when where which while who
whom why how its into over under more most some such only other just said says say told
one two three four five six seven eight nine ten year years day days week monday tuesday
wednesday thursday friday saturday sunday according not but can may might all any each
january february march april june july august september october november december
`) {
		extraStop[w] = true
	}
}

// stop reports whether the lowercased (not yet folded) word w is a stop
// word in either language: articles mix languages in names and quotes.
func stop(w, folded string) bool {
	return french.IsStopWord(w) || english.IsStopWord(w) || extraStop[folded]
}

// stemCacheMax bounds the stem cache; news vocabulary is Zipfian, so a
// few hundred thousand entries serve nearly every word after warm-up.
const stemCacheMax = 1 << 18

// cache is a concurrent memo of per-word results, emptied when it
// reaches stemCacheMax entries.
type cache[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

func (c *cache[V]) get(k string) (V, bool) {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	return v, ok
}

func (c *cache[V]) put(k string, v V) {
	c.mu.Lock()
	if len(c.m) >= stemCacheMax {
		clear(c.m)
	}
	c.m[strings.Clone(k)] = v
	c.mu.Unlock()
}

// stemmers memoise snowball stems per language: stemming dominates the
// cost of NewDoc and the same words recur in every article.
var stemmers = map[string]*cache[string]{"fr": {m: map[string]string{}}, "en": {m: map[string]string{}}}

// stem returns the folded stem of the lowercased word w in language lang
// ("fr" or anything else, read as English).
func stem(lang, w string) string {
	if lang != "fr" {
		lang = "en"
	}
	if v, ok := stemmers[lang].get(w); ok {
		return v
	}
	var v string
	if lang == "fr" {
		v = french.Stem(w, true)
	} else {
		v = english.Stem(w, true)
	}
	v = fold(v)
	stemmers[lang].put(w, v)
	return v
}

// word is what tokenize needs to know about a word as written.
type word struct {
	lower, folded string
	stop          bool
	stem          string // folded snowball stem of lower
}

// wordCaches memoise wordInfo per language, bounded like the stems.
var wordCaches = map[string]*cache[word]{"fr": {m: map[string]word{}}, "en": {m: map[string]word{}}}

// wordInfo returns the lowercased, folded and stemmed forms of w in
// language lang, and whether it is a stop word.
func wordInfo(lang, w string) word {
	if lang != "fr" {
		lang = "en"
	}
	if x, ok := wordCaches[lang].get(w); ok {
		return x
	}
	lower := strings.ToLower(w)
	f := fold(lower)
	x := word{lower: lower, folded: f, stop: stop(lower, f), stem: stem(lang, lower)}
	wordCaches[lang].put(w, x)
	return x
}
