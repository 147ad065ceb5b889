package quote

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

// ent is a named person or organisation mentioned in the article.
type ent struct {
	s, e int
	name string // canonical name within the article
	typ  news.EntityType
	role string // lower-case apposition or title ("professeure de nutrition et gastro-entérologue")
}

// Words that start a sentence or a title with a capital without being a
// name, and titles dropped from names.
var (
	capStop = set("le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce", "cet", "cette", "ces",
		"il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "the", "a", "an", "this", "that",
		"these", "those", "he", "she", "they", "we", "i", "it", "his", "her", "their", "our", "my", "mais",
		"et", "ou", "donc", "or", "ni", "car", "pour", "selon", "avec", "dans", "en", "sur", "par", "à", "au",
		"aux", "après", "avant", "depuis", "pendant", "lorsque", "quand", "si", "comme", "alors", "ainsi",
		"but", "and", "in", "on", "at", "for", "with", "after", "before", "when", "if", "as", "so", "yet",
		"according", "mr", "mrs", "ms", "mme", "m", "dr", "pr", "sen", "rep", "gov", "president", "président",
		"présidente", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday",
		"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "janvier", "février", "mars",
		"avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "january",
		"february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
		"december", "qu'", "c'", "n'", "s'", "aujourd'hui", "hier", "demain", "yesterday", "today", "tomorrow",
		"pourtant", "cependant", "enfin", "puis", "ici", "là", "voilà", "oui", "non", "yes", "no", "not",
		"there", "here", "what", "who", "how", "why", "where", "qui", "que", "quoi", "comment", "pourquoi",
		"où", "tout", "tous", "toutes", "chaque", "aucun", "aucune", "plus", "moins", "très", "déjà",
		"ancien", "ancienne", "premier", "première", "sa", "son", "ses", "leur", "leurs", "notre", "nos",
		"votre", "vos", "mon", "ma", "mes", "crédits", "crédit", "photo", "photos", "dernières", "lire",
		"vidéo", "it's", "ça", "cela", "ceci", "certains", "certaines", "plusieurs", "d'autres", "other",
		"while", "though", "although", "even", "perhaps", "once", "likewise", "instead", "meanwhile", "however",
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "minutes", "moments")
	titles = set("mme", "mme.", "mlle", "mlle.", "st.", "jr.", "prof", "m.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "pr", "pr.", "sen.",
		"sen", "rep.", "rep", "gov.", "gov", "me", "maître", "mgr", "sir", "lord", "lady", "madame", "monsieur",
		"governor", "senator", "mayor", "judge", "gen.", "lt.", "col.", "capt.", "sgt.", "rev.", "prof.", "professor",
		"president", "secretary", "speaker", "chairman", "chairwoman", "minister", "ambassador", "sheriff",
		"former", "ex", "candidate", "nominee", "attorney", "general", "director", "leader", "chief", "justice")
	particles = set("de", "d'", "van", "von", "der", "del", "della", "da", "di", "du", "bin", "al", "ben", "le", "la")
)

// findEntities returns the named people and organisations of text: the
// recogniser's mentions when given, else capitalised sequences (two or
// more words, or one word after a reporting verb or "avec"), acronyms as
// organisations. Roles come from appositions ("X, toxicologue," and
// "la toxicologue X").
func (e *Extractor) findEntities(text string, toks []tok, people []news.Mention) []ent {
	var ents []ent
	if people != nil {
		for _, m := range people {
			if (m.Type != news.PER && m.Type != news.ORG) || !m.Span.In(len(text)) {
				continue
			}
			name := m.Name
			if name == "" {
				name = m.Text
			}
			// "Tuesday", "Octobre": a date word is nobody
			if w := strings.Fields(strings.ToLower(name)); len(w) == 0 || len(w) == 1 && capStop[w[0]] || hasWeekday(w) {
				continue
			}
			// "Donald J" for "Donald J. Trump": a name cut at an initial
			// takes the name after it
			e := m.Span.End
			if last := strings.TrimSuffix(name[strings.LastIndexByte(name, ' ')+1:], "."); utf8.RuneCountInString(last) == 1 && unicode.IsUpper([]rune(last)[0]) {
				if loc := afterInitial.FindStringIndex(text[e:min(len(text), e+40)]); loc != nil {
					e += loc[1]
					name = strings.TrimSuffix(strings.TrimSpace(name), ".") + ". " + strings.TrimSpace(strings.TrimLeft(text[m.Span.End:e], ". \u00a0"))
				}
			}
			s := m.Span.Start
			if m.Type == news.PER {
				w := strings.Fields(name)
				// "Le maire a": a clause, not a name
				if len(w) > 1 && capStop[strings.ToLower(w[0])] {
					lower := false
					for _, x := range w[1:] {
						if r, _ := utf8.DecodeRuneInString(x); unicode.IsLower(r) && !particles[x] {
							lower = true
						}
					}
					if lower {
						continue
					}
				}
				// "le ministre de la Santé Olivier X": the institution
				// belongs to the role
				before := strings.ToLower(strings.TrimRight(text[max(0, s-8):s], " \u00a0"))
				if len(w) >= 3 && (strings.HasSuffix(before, " de la") || strings.HasSuffix(before, " du") || strings.HasSuffix(before, " de l'") || strings.HasSuffix(before, " de l’") || strings.HasSuffix(before, " of the")) && strings.HasPrefix(text[s:], w[0]) {
					if k := strings.IndexAny(text[s:e], " \u00a0"); k > 0 {
						s += k + 1
						name = strings.Join(w[1:], " ")
					}
				}
			}
			ents = append(ents, ent{s: s, e: e, name: name, typ: m.Type})
		}
		sort.Slice(ents, func(i, j int) bool { return ents[i].s < ents[j].s })
	} else {
		ents = e.fallbackEntities(text, toks)
	}
	for i := range ents {
		ents[i].name = stripTitles(ents[i].name)
	}
	ents = canonicalise(ents)
	addRoles(text, toks, ents)
	return ents
}

// afterInitial matches the rest of a name after an initial: ". Trump".
var afterInitial = regexp.MustCompile(`^\.?[ \x{00a0}]+\p{Lu}[\pL'’-]+`)

func isNameTok(t tok) bool {
	return t.word && t.cap && !capStop[t.lw] && !titles[t.lw] && !strings.HasPrefix(t.lw, "http") && !strings.HasPrefix(t.w, "@")
}

func (e *Extractor) fallbackEntities(text string, toks []tok) []ent {
	var ents []ent
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !isNameTok(t) {
			continue
		}
		j := i + 1
		for j < len(toks) {
			if isNameTok(toks[j]) && !toks[j].caps && !sentenceBreak(text, toks[j-1].e, toks[j].s) {
				j++
				continue
			}
			// "Jean de La Fontaine", "Ludwig van Beethoven"
			if particles[toks[j].lw] && !toks[j].cap && j+1 < len(toks) && isNameTok(toks[j+1]) && j > i {
				j += 2
				continue
			}
			break
		}
		// "le ministre de la Santé Roman Prymula": the first capitalised
		// word after "de la" belongs to the title, not to the name.
		if j-i >= 3 && i > 0 && (toks[i-1].lw == "la" || toks[i-1].lw == "de" || toks[i-1].lw == "du" || toks[i-1].lw == "l'" || toks[i-1].lw == "d'" || toks[i-1].lw == "of" || toks[i-1].lw == "the") {
			i++
			t = toks[i]
		}
		switch {
		case j-i >= 2 && !t.caps:
			ents = append(ents, ent{s: t.s, e: toks[j-1].e, name: text[t.s:toks[j-1].e], typ: news.PER})
		case t.caps && len(t.w) <= 8 && j == i+1:
			ents = append(ents, ent{s: t.s, e: t.e, name: t.w, typ: news.ORG})
		case j == i+1 && i > 0 && (e.verbs[toks[i-1].lw] || toks[i-1].lw == "avec" || toks[i-1].lw == "with" || titles[toks[i-1].lw]) &&
			(j == len(toks) || !toks[j].word):
			ents = append(ents, ent{s: t.s, e: t.e, name: t.w, typ: news.PER})
		case j == i+1 && i > 0 && placePrep[toks[i-1].lw]:
			// a place or a thing: "à Angers", "la Santé"
		case j == i+1:
			// a lone capitalised word: a surname if a full name has it (see canonicalise)
			ents = append(ents, ent{s: t.s, e: t.e, name: t.w, typ: ""})
		}
		i = j - 1
	}
	return ents
}

var placePrep = set("à", "au", "aux", "en", "in", "at", "vers", "chez", "la", "le", "l'", "dans", "into", "near")

// sentenceBreak reports whether text[a:b] (between two tokens) ends a sentence.
func sentenceBreak(text string, a, b int) bool {
	return strings.ContainsAny(text[a:b], ".!?:;,()\n«»“”\"")
}

// canonicalise maps short forms to the article's full names: "Musk" and
// "M. Musk" to "Elon Musk", "Sofia Cardenal" to "Ana Sofia Cardenal".
// Lone capitalised words that match no full name are dropped.
func canonicalise(ents []ent) []ent {
	var full []string
	seen := map[string]int{}
	for _, x := range ents {
		if x.typ == news.PER && strings.ContainsAny(x.name, " ") {
			if seen[x.name] == 0 {
				full = append(full, x.name)
			}
			seen[x.name]++
		}
	}
	byWord := map[string][]string{}
	for _, f := range full {
		for _, w := range strings.Fields(strings.ToLower(f)) {
			if len(byWord[w]) < maxPerWord {
				byWord[w] = append(byWord[w], f)
			}
		}
	}
	for i := range ents {
		x := &ents[i]
		words := strings.Fields(x.name)
		if len(words) == 0 {
			continue
		}
		best := ""
		for _, f := range byWord[strings.ToLower(words[0])] {
			if len(f) <= len(x.name) || seen[f] < seen[x.name] {
				continue
			}
			fw := strings.Fields(f)
			// the most frequent full name wins: "Elon Musk" over a title's
			// "Elon Musk Propose"
			if containsWords(fw, words) && (best == "" || seen[f] > seen[best] || seen[f] == seen[best] && len(f) < len(best)) {
				best = f
			}
		}
		if best != "" {
			x.name = best
			if x.typ == "" {
				x.typ = news.PER
			}
		}
	}
	k := 0
	for _, x := range ents {
		if x.typ != "" {
			ents[k] = x
			k++
		}
	}
	return ents[:k]
}

func containsWords(hay, needle []string) bool {
	if len(needle) == 0 || len(needle) > len(hay) {
		return false
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		ok := true
		for j := range needle {
			if !strings.EqualFold(hay[i+j], needle[j]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// addRoles records appositions: "Name, role words," after a name and
// "det role words Name" before it.
func addRoles(text string, toks []tok, ents []ent) {
	idx := 0
	for i := range ents {
		x := &ents[i]
		for idx < len(toks) && toks[idx].s < x.s {
			idx++
		}
		var role []string
		// before: "la toxicologue Dominique Parent-Massin", "le ministre de
		// la Santé Roman Prymula"
		for j := idx - 1; j >= 0 && j >= idx-7; j-- {
			t := toks[j]
			if !t.word {
				break
			}
			inner := j > 0 && (toks[j-1].lw == "de" || toks[j-1].lw == "d'" || toks[j-1].lw == "du" || toks[j-1].lw == "of")
			if dets[t.lw] && !inner && t.lw != "de" && t.lw != "of" && t.lw != "du" && t.lw != "des" && t.lw != "d'" {
				role = append(role, wordsOf(toks[j+1:idx])...)
				break
			}
		}
		// after: "Antony Fastier, toxicologue, ancien de l'Anses"
		k := idx
		for k < len(toks) && toks[k].s < x.e {
			k++
		}
		if k+2 < len(toks) && toks[k].w == "(" {
			for m := k + 1; m < len(toks) && m < k+6; m++ {
				if toks[m].w == ")" {
					k = m + 1
					break
				}
			}
		}
		if k+1 < len(toks) && toks[k].w == "," {
			var after []tok
			for j := k + 1; j < len(toks) && j < k+12; j++ {
				if !toks[j].word && toks[j].w != "-" && toks[j].w != "'" && toks[j].w != "’" {
					break
				}
				// "gastro-entérologue au CHU Beaujon": the role ends
				// before a name
				if isNameTok(toks[j]) && j > k+1 {
					break
				}
				after = append(after, toks[j])
			}
			// an apposition is a noun phrase, not a clause
			clause := false
			for _, a := range after {
				if a.lw == "que" || a.lw == "qu'" || a.lw == "qui" || a.lw == "that" || a.lw == "who" || lex[a.lw] {
					clause = true
				}
			}
			if len(after) > 0 && !after[0].cap && !pronouns[after[0].lw] && !clause {
				role = append(role, wordsOf(after)...)
			}
		}
		x.role = strings.Join(role, " ")
	}
}

func wordsOf(ts []tok) []string {
	var w []string
	for _, t := range ts {
		if t.word {
			w = append(w, t.lw)
		}
	}
	return w
}

// leadTitles are the titles dropped from the front of a name: "Councilman
// Raj Patel" is "Raj Patel".
var leadTitles = set("councilman", "councilwoman", "councillor", "councilor", "congressman", "congresswoman",
	"alderman", "commissioner", "chancellor", "superintendent", "detective", "officer", "sergeant", "lieutenant",
	"captain", "coach", "executive", "spokesman", "spokeswoman", "spokesperson", "député", "députée", "sénateur", "sénatrice", "maire", "ministre", "docteur", "docteure",
	"professeur", "professeure", "maître", "monsieur", "madame", "mademoiselle")

// stripTitles drops the titles before a name of two words or more.
func stripTitles(name string) string {
	words := strings.Fields(name)
	n := 0
	for n < len(words)-1 {
		w := strings.ToLower(words[n])
		if !titles[w] && !leadTitles[w] || !strings.ContainsAny(words[n][:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && !strings.HasPrefix(words[n], "É") {
			break
		}
		n++
	}
	if n == 0 {
		return name
	}
	return strings.Join(words[n:], " ")
}

var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi",
	"mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

// hasWeekday reports a name glued to a date: "Twitter Tuesday".
func hasWeekday(words []string) bool {
	for _, w := range words {
		if weekdays[w] {
			return true
		}
	}
	return false
}
