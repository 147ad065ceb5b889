// Package gazetteer holds the name lists the entity recogniser consults:
// first names, surnames and other proper nouns from the French Hunspell
// dictionary, French and English exonyms of world cities from GeoNames,
// and the dictionary's common words (exact forms and Snowball stems), so
// that a capitalised "Pendant" at the start of a sentence can be told from
// a name; countries, regions and départements in English and French and
// the major languages from Debian's iso-codes; organisations, places and
// named events from WordNet (Debian wordnet-base); organisations and
// brands from the npm packages @cspell/dict-companies and simple-icons;
// French communes from the npm package @etalab/decoupage-administratif. The
// lists are compiled from those packages by Build (run by
// `go run ./cmd/train-ner -gazetteers`) into gazetteer.txt.gz, embedded
// here; see NOTICE for the sources and their licences.
package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/french"
)

// Kind is a bit set of the lists a word belongs to.
type Kind uint8

// List bits.
const (
	First   Kind = 1 << iota // a first name (Hunspell po:prn)
	Surname                  // a surname (Hunspell po:patr)
	Proper                   // another proper noun (Hunspell po:npr)
	City                     // a city name (GeoNames)
	Word                     // a common (lowercase) dictionary word
	// Place is a country (current or former) or a subdivision (region,
	// département, state, province...), in English or French (iso-codes),
	// or a region or geographic feature (WordNet: "Rhine", "Gulf of
	// Mexico").
	Place
	// Org is an organisation: a company (npm @cspell/dict-companies,
	// confirmed by a brand or not otherwise known), a brand that list
	// names as a company (npm simple-icons), or an organisation of
	// WordNet ("Greenpeace", "European Union").
	Org
	// Misc is another kind of name: a language (iso-codes), a named event
	// or text (WordNet: "Napoleonic Wars", "Geneva Convention"), or,
	// together with Org, a brand that may name a company or its product
	// ("PlayStation", "Mistral AI"): Org|Misc (Brand) reads "brand".
	Misc
)

// Brand is the pair of bits a brand of unknown nature carries.
const Brand = Org | Misc

// codes are the one-letter list codes of the data file, in bit order.
const codes = "fpncwlom"

//go:embed gazetteer.txt.gz
var embedded []byte

// Gazetteer answers membership questions; keys are lowercase.
type Gazetteer struct {
	words map[string]Kind
	stems map[string]bool
	// multi maps the first word of multi-word names to their token lists.
	multi map[string][]Multi
	// placeAcr holds the initials of multi-word place names (see
	// PlaceAcronym), built on first use.
	placeAcrOnce sync.Once
	placeAcr     map[string]bool
}

// Multi is one multi-word name (tokens in lower case).
type Multi struct {
	Tokens []string
	Kind   Kind
}

// Load parses the embedded lists.
func Load() (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: embedded data: %w", err)
	}
	return Parse(zr)
}

// Parse reads the data file format: lines "<code>\t<entry>", code one of
// f (first name), p (surname), n (proper noun), c (city), w (common word),
// s (stem of a common word), l (place), o (organisation), m (other name).
// An entry may appear under several codes; its kinds add up.
func Parse(r io.Reader) (*Gazetteer, error) {
	// Size hints for the embedded lists avoid rehashing while loading.
	g := &Gazetteer{words: make(map[string]Kind, 200_000), stems: make(map[string]bool, 60_000), multi: make(map[string][]Multi, 4096)}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	multiAt := make(map[string]int, 12_000) // multi-word entry → index in g.multi[first token]
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if len(s) < 3 || s[1] != '\t' {
			return nil, fmt.Errorf("gazetteer: line %d: want \"<code>\\t<entry>\", got %q", line, s)
		}
		entry := s[2:]
		if s[0] == 's' {
			g.stems[entry] = true
			continue
		}
		i := strings.IndexByte(codes, s[0])
		if i < 0 {
			return nil, fmt.Errorf("gazetteer: line %d: unknown list code %q", line, s[0])
		}
		k := Kind(1) << i
		if strings.IndexFunc(entry, unicode.IsSpace) < 0 { // one word: the common case, without allocating
			g.words[entry] |= k
			continue
		}
		if toks := strings.Fields(entry); len(toks) > 1 {
			key := strings.Join(toks, " ")
			if i, ok := multiAt[key]; ok {
				g.multi[toks[0]][i].Kind |= k
				continue
			}
			multiAt[key] = len(g.multi[toks[0]])
			g.multi[toks[0]] = append(g.multi[toks[0]], Multi{Tokens: toks, Kind: k})
			continue
		}
		g.words[entry] |= k
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: line %d: %w", line+1, err)
	}
	return g, nil
}

// Lookup returns the lists the lowercase word belongs to.
func (g *Gazetteer) Lookup(lower string) Kind { return g.words[lower] }

// LookupBytes is Lookup for a word held in a byte slice, without
// allocating a string.
func (g *Gazetteer) LookupBytes(lower []byte) Kind { return g.words[string(lower)] }

// CommonStem reports whether the lowercase word's Snowball stem is the
// stem of a common dictionary word ("propose" and "proposer").
func (g *Gazetteer) CommonStem(lower string) bool {
	if len(lower) > 64 {
		return false
	}
	return g.stems[french.Stem(lower, false)]
}

// Multis returns the multi-word names starting with the lowercase word.
func (g *Gazetteer) Multis(lower string) []Multi { return g.multi[lower] }

// PlaceAcronym reports whether the lowercase word (three letters or more)
// spells the initials of the content words of a multi-word place name,
// accents dropped: "rdc" (république démocratique du congo), "eau"
// (émirats arabes unis), "usa" (united states of america). Articles,
// "de" and "and" are not content words.
func (g *Gazetteer) PlaceAcronym(lower string) bool {
	if len(lower) < 3 {
		return false
	}
	g.placeAcrOnce.Do(func() {
		g.placeAcr = map[string]bool{}
		for _, ms := range g.multi {
			for _, m := range ms {
				if m.Kind&Place == 0 {
					continue
				}
				if a := initials(m.Tokens); len(a) >= 3 {
					g.placeAcr[a] = true
				}
			}
		}
	})
	return g.placeAcr[lower]
}

// initials returns the first letters, accents dropped, of the content
// words of a name ("" when a word opens with no letter).
func initials(toks []string) string {
	b := make([]byte, 0, len(toks))
	for _, t := range toks {
		switch t {
		case "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "of", "the", "and", "y", "del", "do", "da":
			continue
		}
		if len(t) > 2 && (strings.HasPrefix(t, "d'") || strings.HasPrefix(t, "l'")) {
			t = t[2:] // an elided article glued to the word
		}
		r, _ := utf8.DecodeRuneInString(t)
		c, ok := baseLetter(r)
		if !ok {
			return ""
		}
		b = append(b, c)
	}
	return string(b)
}

// baseLetter returns the lowercase ASCII letter under a Latin letter with
// or without an accent.
func baseLetter(r rune) (byte, bool) {
	r = unicode.ToLower(r)
	if 'a' <= r && r <= 'z' {
		return byte(r), true
	}
	for _, s := range [...]struct {
		base byte
		set  string
	}{{'a', "àâäáãå"}, {'c', "ç"}, {'e', "éèêë"}, {'i', "îïíì"}, {'o', "ôöóòõ"}, {'u', "ùûüú"}, {'y', "ÿý"}, {'n', "ñ"}} {
		if strings.ContainsRune(s.set, r) {
			return s.base, true
		}
	}
	return 0, false
}

// Len returns the number of single-word entries (for reports).
func (g *Gazetteer) Len() int { return len(g.words) }

// Count returns how many single-word entries and multi-word names carry
// all the bits of k (for reports: Count(Org), Count(Brand)).
func (g *Gazetteer) Count(k Kind) (words, multis int) {
	for _, v := range g.words {
		if v&k == k {
			words++
		}
	}
	for _, ms := range g.multi {
		for _, m := range ms {
			if m.Kind&k == k {
				multis++
			}
		}
	}
	return words, multis
}

// kindNames are the names of the Kind bits, in bit order.
var kindNames = [...]string{"First", "Surname", "Proper", "City", "Word", "Place", "Org", "Misc"}

// String names the bits of k, joined by "|" ("Org|Misc"); "0" for none.
func (k Kind) String() string {
	if k == 0 {
		return "0"
	}
	var b strings.Builder
	for i, n := range kindNames {
		if k&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(n)
		}
	}
	return b.String()
}
