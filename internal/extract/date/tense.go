package date

import (
	"sort"
	"strings"

	"github.com/recoupe/recoupe/news"
)

// Which way a sentence looks from its publication: a date written without
// its year ("le 14 mars", "in September") or a bare weekday ("lundi") is
// placed on that side of the reference. The cue nearest the expression
// wins; a preposition right before it ("since March", "depuis mars", "à
// partir du 15 septembre") outweighs any verb.
const (
	lookBack  = -1
	lookAhead = 1
)

// maxCueDist is how many tokens away a verb or adverb may be and still
// set the direction of a date.
const maxCueDist = 12

// direction returns lookBack, lookAhead or 0 (no cue, or cues that cancel
// out at the same distance) for the expression c inside sentence sent.
func (p *parser) direction(c cand, sent news.Span) int {
	// The expression's own first word: "this 5/12" is this year's, "next
	// 5/12" the next one; "this Friday 5/12" is left to the nearest rule.
	switch p.word(c.i) {
	case "this", "ce", "cette", "cet":
		return 0
	case "next", "coming", "last", "past":
		if _, ok := weekdays[p.word(c.i+1)]; ok {
			return 0
		}
		if p.word(c.i) == "next" || p.word(c.i) == "coming" {
			return lookAhead
		}
		return lookBack
	}
	// A preposition that fixes the side on its own ("depuis le 8 février",
	// "since the 3rd of March").
	k := c.i - 1
	if w := p.word(k); w == "le" || w == "the" {
		k--
	}
	switch p.word(k) {
	case "since", "depuis":
		return lookBack
	case "partir":
		if p.word(k-1) == "a" {
			return lookAhead // "à partir de mars"
		}
	case "de", "du", "d":
		if p.word(k-1) == "partir" {
			return lookAhead // "à partir du 15 septembre"
		}
	case "by", "from":
		// "by March", "from September": either way, left to the verbs.
	}
	// A French past participle right before it: "le plan dévoilé jeudi",
	// "signé le 14 mars" (but "programmé le 5 mars", "reporté au 14 mars"
	// look ahead).
	k = c.i - 1
	if w := p.word(k); w == "le" || w == "au" || w == "du" {
		k--
	}
	if d := p.participleCue(k); d != 0 {
		return d
	}
	lo := sort.Search(len(p.t), func(k int) bool { return p.t[k].s >= sent.Start })
	hi := sort.Search(len(p.t), func(k int) bool { return p.t[k].s >= sent.End })
	// Cues in the date's own clause first, then across commas; never
	// across a conjunction or a relative pronoun, which start another
	// verb's clause ("met last Tuesday and meets on Friday").
	var best [2]int
	bestDist := [2]int{maxCueDist + 1, maxCueDist + 1}
	look := func(k, dist, level int) {
		if d := p.cue(k); d != 0 && dist < bestDist[level] {
			best[level], bestDist[level] = d, dist
		}
	}
	level := 0
	for k := c.i - 1; k >= lo && c.i-k <= maxCueDist; k-- {
		if b := p.boundary(k); b > 0 {
			if level = max(level, b); level > 1 {
				break
			}
			continue
		}
		look(k, c.i-k, level)
	}
	level = 0
	for k := c.j; k < hi && k-c.j < maxCueDist; k++ {
		if b := p.boundary(k); b > 0 {
			if level = max(level, b); level > 1 {
				break
			}
			continue
		}
		look(k, k-c.j+1, level)
	}
	if best[0] != 0 {
		return best[0]
	}
	return best[1]
}

// boundary tells what the token at k separates: 1 for a comma (the same
// sentence may go on with the same verb), 2 for what starts another
// clause, 0 for anything else.
func (p *parser) boundary(k int) int {
	t := p.t[k]
	if t.k == kPunct {
		switch t.n {
		case ",", "(", ")", "-":
			return 1
		case ";", ":", "«", "»", "\"", "“", "”":
			return 2
		}
		return 0
	}
	switch t.n {
	case "and", "but", "that", "which", "who", "while", "whereas", "et", "mais", "que", "qu", "qui", "tandis", "alors", "lorsque", "quand", "when", "dont", "ou", "or":
		return 2
	}
	return 0
}

// cue reads the token at k as a tense or time cue: lookBack for a past
// tense or a backward-looking word, lookAhead for a future or conditional
// verb or a forward-looking word, 0 otherwise.
func (p *parser) cue(k int) int {
	t := p.t[k]
	if t.k != kWord {
		return 0
	}
	w := t.n
	if d, ok := cueWords[w]; ok {
		switch w {
		case "due", "set", "expected", "scheduled", "planned", "plans", "plan", "going", "about":
			if p.word(k+1) != "to" && p.word(k+1) != "for" && w != "scheduled" && w != "planned" {
				return 0 // "the due date", "a set of"
			}
		case "a", "ont", "avait", "avaient", "est", "sont", "ai", "avons", "avez", "etait", "etaient":
			if p.mdy || w == "a" && p.text[t.s:t.e] != "a" || !p.participle(k+1) {
				return 0 // "il a 30 ans", "il est maire"
			}
		case "prevu", "prevue", "prevus", "prevues", "attendu", "attendue", "attendus", "attendues":
			switch p.word(k - 1) {
			case "a", "ont", "avait", "avaient":
				return lookBack // "l'Insee a prévu vendredi": the forecast was made then
			}
		case "va", "vont":
			if p.mdy || !infinitive(p.word(k+1)) {
				return 0
			}
		}
		return d
	}
	if t.up || len(w) < 4 {
		return 0
	}
	orig := p.text[t.s:t.e]
	switch {
	// English past: "announced", "died" (not "need", "hundred"); "delayed
	// until", "postponed to" look ahead.
	case strings.HasSuffix(orig, "ed") && !strings.HasSuffix(orig, "eed") && w != "hundred" && w != "pied":
		if n := p.word(k + 1); n == "until" || n == "till" || n == "to" {
			switch w {
			case "delayed", "postponed", "adjourned", "rescheduled", "moved", "pushed", "deferred", "extended":
				return lookAhead
			}
		}
		return lookBack
	case len(w) < 5:
		return 0
	case p.mdy:
		return 0 // the French endings below mean nothing in English ("portrait", "await")
	// French future and conditional: "commencera", "partiront", "serait".
	case hasAnySuffix(w, "eront", "iront", "dront", "eras", "erai", "erons", "erez", "rait", "raient", "ira", "dra") && !strings.HasSuffix(w, "trait"):
		return lookAhead
	case strings.HasSuffix(w, "era") && w != "camera" && w != "opera":
		return lookAhead
	// French imperfect: "disait", "voulaient".
	case hasAnySuffix(w, "ait", "aient") && !hasAnySuffix(w, "rait", "raient", "lait", "souhait"):
		return lookBack
	}
	return 0
}

// participleCue reads the word at k as a French past participle set
// right before a date: lookBack for most ("dévoilé", "signée"),
// lookAhead for those of a schedule ("programmé", "reporté"), 0 for what
// is no participle or a noun in "-é" ("le comité", "l'été").
func (p *parser) participleCue(k int) int {
	if p.mdy || k < 0 || k >= len(p.t) || p.t[k].k != kWord {
		return 0
	}
	if p.t[k].up && k > 0 && p.t[k-1].k != kPunct && !strings.Contains(p.text[p.t[k-1].e:p.t[k].s], "\n") {
		return 0 // capitalised inside a sentence: a name
	}
	orig := p.text[p.t[k].s:p.t[k].e]
	w := strings.TrimSuffix(p.t[k].n, "s")
	w = strings.TrimSuffix(w, "e")
	switch {
	case hasAnySuffix(orig, "é", "ée", "és", "ées"):
		w = strings.TrimSuffix(w, "e")
		if len(w) < 4 || strings.HasSuffix(w, "it") || strings.HasSuffix(w, "nt") {
			return 0 // "société", "activité", "santé"...
		}
		switch w {
		case "et", "comit", "march", "deput", "cot", "caf", "lyc", "arm", "fusill", "cl", "pr", "int":
			return 0
		case "programm", "planifi", "report", "repouss", "decal", "fix":
			return lookAhead
		}
	case !participlesU[w]:
		return 0
	}
	// "qui sera publié jeudi", "doivent être proclamés mardi": the
	// auxiliary's tense, not the participle's.
	switch p.word(k - 1) {
	case "etre":
		return lookAhead
	case "sera", "seront", "serait", "seraient":
		return lookAhead
	}
	return lookBack
}

// participlesU are French past participles in "-u" read before a date
// ("élu le 4 novembre", "vendu lundi").
var participlesU = map[string]bool{
	"elu": true, "vendu": true, "perdu": true, "battu": true, "recu": true, "tenu": true, "obtenu": true,
	"rendu": true, "paru": true, "survenu": true, "intervenu": true, "disparu": true, "vecu": true,
	"abattu": true, "entendu": true, "conclu": true, "exclu": true, "retenu": true, "detenu": true,
}

// participle reports whether a French past participle follows at k,
// perhaps after "pas", "déjà", "bien", "été": "a explosé", "n'a pas vu",
// "sont partis", "a été".
func (p *parser) participle(k int) bool {
	for n := 0; n < 3 && k < len(p.t); n, k = n+1, k+1 {
		switch p.word(k) {
		case "pas", "deja", "bien", "aussi", "encore", "jamais", "tout", "ete", "eu", "fait", "dit", "pris", "mis":
			if w := p.word(k); w == "ete" || w == "eu" || w == "fait" || w == "dit" || w == "pris" || w == "mis" {
				return true
			}
			continue
		}
		t := p.t[k]
		if t.k != kWord {
			return false
		}
		orig := p.text[t.s:t.e]
		return hasAnySuffix(orig, "é", "ée", "és", "ées") ||
			len(t.n) > 3 && hasAnySuffix(t.n, "is", "it", "i", "ie", "ies", "u", "ue", "us", "ert", "int", "ait") && !strings.HasSuffix(t.n, "ous")
	}
	return false
}

func infinitive(w string) bool {
	return len(w) > 3 && hasAnySuffix(w, "er", "ir", "re")
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// cueWords are the words that point one way on their own (folded: no
// accents, lower case).
var cueWords = map[string]int{
	// English, backward.
	"said": lookBack, "says": 0, "told": lookBack, "was": lookBack, "were": lookBack, "had": lookBack,
	"did": lookBack, "ago": lookBack, "earlier": lookBack, "previously": lookBack, "began": lookBack,
	"came": lookBack, "went": lookBack, "took": lookBack, "made": lookBack, "met": lookBack,
	"held": lookBack, "won": lookBack, "lost": lookBack, "left": lookBack, "saw": lookBack,
	"became": lookBack, "fell": lookBack, "rose": lookBack, "paid": lookBack, "sold": lookBack,
	"bought": lookBack, "gave": lookBack, "got": lookBack, "wrote": lookBack, "spoke": lookBack,
	// English, forward.
	"will": lookAhead, "ll": lookAhead, "shall": lookAhead, "would": lookAhead, "should": lookAhead, "due": lookAhead,
	"set": lookAhead, "expected": lookAhead, "scheduled": lookAhead, "planned": lookAhead,
	"plans": lookAhead, "plan": lookAhead, "going": lookAhead, "upcoming": lookAhead,
	"forthcoming": lookAhead, "about": lookAhead,
	// French, backward: auxiliaries of the passé composé and plus-que-parfait
	// (checked for a participle after them) and words.
	"a": lookBack, "ont": lookBack, "avait": lookBack, "avaient": lookBack, "est": lookBack,
	"sont": lookBack, "ai": lookBack, "avons": lookBack, "avez": lookBack, "etait": lookBack,
	"etaient": lookBack, "fut": lookBack, "furent": lookBack, "eut": lookBack, "deja": lookBack,
	// French, forward.
	"sera": lookAhead, "seront": lookAhead, "aura": lookAhead, "auront": lookAhead,
	"fera": lookAhead, "feront": lookAhead, "ira": lookAhead, "iront": lookAhead,
	"pourra": lookAhead, "pourront": lookAhead, "devra": lookAhead, "devront": lookAhead,
	"viendra": lookAhead, "viendront": lookAhead, "tiendra": lookAhead, "tiendront": lookAhead,
	"verra": lookAhead, "verront": lookAhead, "faudra": lookAhead, "doit": lookAhead,
	"doivent": lookAhead, "devrait": lookAhead, "devraient": lookAhead, "prevu": lookAhead,
	"prevue": lookAhead, "prevus": lookAhead, "prevues": lookAhead, "attendu": lookAhead,
	"attendue": lookAhead, "attendus": lookAhead, "attendues": lookAhead, "va": lookAhead,
	"vont": lookAhead,
}

// withDirection adds the side d to the date part of expr when that part
// has none and can take one ("m:09" → "m:09/f", "weekday:5" →
// "weekday:5/p"); ok is false otherwise.
func withDirection(expr string, d int) (string, bool) {
	part, rest, _ := strings.Cut(expr, " ")
	if strings.Contains(part, "/") {
		return "", false
	}
	if !strings.HasPrefix(part, "m:") && !strings.HasPrefix(part, "md:") && !strings.HasPrefix(part, "weekday:") {
		return "", false
	}
	suffix := "/p"
	if d == lookAhead {
		suffix = "/f"
	}
	part += suffix
	if rest != "" {
		part += " " + rest
	}
	return part, true
}
