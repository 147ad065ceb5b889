package quote

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/recoupe/recoupe/news"
)

// Grammatical gender of a person mention or a pronoun: unknown, masculine
// or feminine. A pronoun only goes to a person whose gender is unknown or
// agrees ("il"/"he" to a man, "elle"/"she" to a woman).
type gender byte

const (
	anyGender gender = iota
	masc
	fem
)

// The first names of the French Hunspell dictionary with their gender
// (MPL-2.0, see lexicons/LICENSE): "name<TAB>m|f", one per line.
//
//go:embed lexicons/firstnames-gender.txt
var firstNamesTxt string

var (
	firstOnce  sync.Once
	firstNames map[string]gender
)

func loadFirstNames() map[string]gender {
	firstOnce.Do(func() {
		firstNames = map[string]gender{}
		for _, l := range strings.Split(firstNamesTxt, "\n") {
			name, g, ok := strings.Cut(strings.TrimSpace(l), "\t")
			if !ok || strings.HasPrefix(name, "#") {
				continue
			}
			switch g {
			case "m":
				firstNames[strings.ToLower(name)] = masc
			case "f":
				firstNames[strings.ToLower(name)] = fem
			}
		}
	})
	return firstNames
}

// Titles and determiners that tell a person's gender: "M. Berthier", "Mrs
// Okafor", "la députée Lina Okafor", "Councilman Raj Patel".
var (
	mascTitles = set("m", "m.", "mr", "mr.", "monsieur", "sir", "lord", "councilman", "congressman",
		"chairman", "alderman", "spokesman", "businessman", "king", "prince", "father", "brother", "uncle",
		"le", "un", "ce", "cet", "du", "au", "sénateur", "député", "directeur", "président", "acteur",
		"chanteur", "professeur", "docteur", "ambassadeur", "rapporteur", "porte-parole-homme")
	femTitles = set("mme", "mme.", "mlle", "mlle.", "madame", "mademoiselle", "mrs", "mrs.", "ms", "ms.",
		"lady", "dame", "councilwoman", "congresswoman", "chairwoman", "spokeswoman", "businesswoman",
		"queen", "princess", "mother", "sister", "aunt", "la", "une", "cette", "sénatrice", "députée",
		"directrice", "présidente", "actrice", "chanteuse", "professeure", "docteure", "ambassadrice",
		"rapporteure", "avocate", "militante", "candidate", "élue", "adjointe", "conseillère")
)

// pronounGender reads the gender of a pronoun mention: "il", "a-t-elle",
// "he", "her".
func pronounGender(w string) gender {
	w = strings.ToLower(w)
	if _, p, ok := strings.Cut(w, "-t-"); ok {
		w = p
	} else if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:]
	}
	switch w {
	case "il", "he", "him", "his", "lui", "himself":
		return masc
	case "elle", "she", "her", "hers", "herself":
		return fem
	}
	return anyGender
}

// mentionGender reads the gender of the person mentioned at toks[i:j]
// (a name, maybe with a title) from its title, the determiner of a role
// before it ("la députée X") or its first name.
func mentionGender(toks []tok, i, j int) gender {
	// a title inside or just before the mention: "Mme X", "Mr. X"
	for k := max(0, i-1); k < j && k <= i+1; k++ {
		if k < i && !toks[k].word || k >= i && dets[toks[k].lw] {
			continue // "Le Pen" is no title
		}
		switch {
		case femTitles[toks[k].lw] && (k < i || toks[k].cap):
			if k < i && (toks[k].lw == "la" || toks[k].lw == "une" || toks[k].lw == "cette") {
				continue // a place: "à la Maison-Blanche"; roles are read below
			}
			return fem
		case mascTitles[toks[k].lw] && (k < i || toks[k].cap):
			if k < i && (toks[k].lw == "le" || toks[k].lw == "un" || toks[k].lw == "ce" || toks[k].lw == "cet" || toks[k].lw == "du" || toks[k].lw == "au") {
				continue
			}
			return masc
		}
	}
	// "la secrétaire générale de la CGT Marie X", "le député Luc X": the
	// determiner that opens the role, up to six words back
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		t := toks[k]
		if !t.word {
			break
		}
		if k > 0 && (toks[k-1].lw == "de" || toks[k-1].lw == "d'" || toks[k-1].lw == "du" || toks[k-1].lw == "of") {
			continue
		}
		if t.lw == "la" || t.lw == "une" || t.lw == "cette" {
			if k < i-1 {
				return fem
			}
			break
		}
		if t.lw == "le" || t.lw == "un" || t.lw == "ce" || t.lw == "cet" {
			if k < i-1 {
				return masc
			}
			break
		}
		// "le ministre de la Santé Roman X", "du Travail": an institution
		// inside the role, not "la réponse de X"
		if (t.lw == "de" || t.lw == "of") && k+2 < i && (toks[k+1].lw == "la" || toks[k+1].lw == "l'" || toks[k+1].lw == "the") && toks[k+2].cap ||
			t.lw == "du" && k+1 < i && toks[k+1].cap {
			continue
		}
		if prepositions[t.lw] || dets[t.lw] {
			break
		}
	}
	// the first name
	names := loadFirstNames()
	for k := i; k < j; k++ {
		if titles[toks[k].lw] || mascTitles[toks[k].lw] || femTitles[toks[k].lw] {
			continue
		}
		if toks[k].word {
			return names[toks[k].lw]
		}
		break
	}
	return anyGender
}

// setGenders records, for each canonical person name, the gender its
// mentions agree on (none when they disagree).
func (d *doc) setGenders() {
	d.gender = map[string]gender{}
	conflict := map[string]bool{}
	for _, x := range d.ents {
		if x.typ != "" && x.typ != news.PER {
			continue
		}
		i := lowerBound(d.toks, x.s)
		j := i
		for j < len(d.toks) && d.toks[j].s < x.e {
			j++
		}
		g := mentionGender(d.toks, i, j)
		if g == anyGender {
			for _, w := range strings.Fields(strings.ToLower(x.name)) {
				if !titles[w] && !mascTitles[w] && !femTitles[w] {
					g = loadFirstNames()[w]
					break
				}
			}
		}
		if g == anyGender || conflict[x.name] {
			continue
		}
		if h, ok := d.gender[x.name]; ok && h != g {
			conflict[x.name] = true
			delete(d.gender, x.name)
			continue
		}
		d.gender[x.name] = g
	}
	d.pronounVotes(conflict)
}

// pronounVotes gives a gender to the people the lexicons leave unknown
// from the pronouns that follow their mentions in the same sentence
// before any other person: "Winfrey asked if she …" (English pronouns
// only: French "il"/"elle" often stand for things).
func (d *doc) pronounVotes(conflict map[string]bool) {
	votes := map[string][2]int{}
	for n, x := range d.ents {
		if x.typ != news.PER || conflict[x.name] || d.gender[x.name] != anyGender {
			continue
		}
		next := len(d.text)
		if n+1 < len(d.ents) {
			next = d.ents[n+1].s
		}
		k := lowerBound(d.toks, x.e)
		for m := 0; k < len(d.toks) && m < 20 && d.toks[k].s < next; k, m = k+1, m+1 {
			t := d.toks[k]
			if t.w == "." || t.w == "!" || t.w == "?" || t.w == "“" || t.w == "\"" || t.w == "«" {
				break
			}
			v := votes[x.name]
			switch t.lw {
			case "he", "his", "him", "himself":
				v[0]++
			case "she", "her", "hers", "herself":
				v[1]++
			default:
				continue
			}
			votes[x.name] = v
			break
		}
	}
	for name, v := range votes {
		switch {
		case v[0] > 2*v[1]:
			d.gender[name] = masc
		case v[1] > 2*v[0]:
			d.gender[name] = fem
		}
	}
}

// lowerBound returns the index of the first token that starts at or
// after pos.
func lowerBound(toks []tok, pos int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].s < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// agrees reports whether a pronoun of gender g can refer to name.
func (d *doc) agrees(name string, g gender) bool {
	if g == anyGender {
		return true
	}
	h := d.gender[name]
	return h == anyGender || h == g
}
