package entity

import "strings"

// streetHeads name a street or a town's quarter: in French the head and
// its particle are part of the place's name ("avenue de Suffren", "rue
// de la Paix", "quartier de la Villette"), and a house number before them
// belongs to the address ("79, avenue de la République"). The corpora
// agree (icdar-europeana train: the head is inside the name 191 times,
// outside 24), but the model, which sees few lower-case name starts,
// often tags the capitalised part alone.
var streetHeads = map[string]bool{
	"rue": true, "avenue": true, "boulevard": true, "bd": true, "quai": true, "impasse": true, "place": true,
	"allée": true, "square": true, "faubourg": true, "passage": true, "quartier": true, "ruelle": true,
	"chaussée": true, "villa": true, "cité": true,
}

// streetParticle reports a particle between a street head and its name.
func streetParticle(w string) bool {
	switch strings.ToLower(strings.ReplaceAll(w, "’", "'")) {
	case "de", "du", "des", "d'", "la", "l'", "d":
		return true
	}
	return false
}

// streetNames extends each entity that follows a lower-case street head
// and its particles over them (and over a house number and comma before
// the head), as a place.
func streetNames(words []string, tags []int) {
	for _, sp := range spansOf(tags) {
		k := sp.s
		for n := 0; n < 2 && k > 0 && streetParticle(words[k-1]); n++ {
			k--
		}
		if k == 0 || !streetHeads[words[k-1]] || tags[k-1] != 0 {
			continue // the head must be written in lower case, outside any entity
		}
		k--
		if k >= 2 && words[k-1] == "," && isNumber(words[k-2]) && tags[k-2] == 0 {
			k -= 2
		}
		setSpan(tags, k, sp.e, 2)
	}
}

// isNumber reports a house number: digits, maybe a letter ("12", "12b").
func isNumber(w string) bool {
	digits := 0
	for i, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case i > 0 && i == len(w)-1 && (r == 'b' || r == 't'):
		default:
			return false
		}
	}
	return digits > 0 && digits <= 4
}
