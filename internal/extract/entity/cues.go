package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/french"

	"github.com/recoupe/recoupe/internal/extract/entity/gazetteer"
)

// Context cues of modern news that the historic training corpora lack:
// words shortly before a name that say what it names. They are compared by
// Snowball stem, so "racheter", "rachète" and "rachat" all count.
var (
	orgCueWords = []string{
		"société", "entreprise", "groupe", "firme", "start-up", "startup", "banque", "compagnie",
		"constructeur", "géant", "filiale", "plateforme", "laboratoire", "labo", "actionnaire", "rachat",
		"racheter", "acheter", "acquisition", "acquérir", "investisseur", "employés", "salariés",
		"opérateur", "éditeur", "fabricant", "concurrent", "fusionner", "fusion", "marque", "company",
		"firm", "consortium", "holding",
	}
	miscCueWords = []string{
		"projet", "programme", "logiciel", "application", "appli", "chatbot", "assistant", "jeu",
		"film", "série", "livre", "roman", "album", "opération", "festival", "robot", "outil", "version",
		"smartphone", "console", "fusée", "traité", "loi", "émission", "magazine", "créer", "lancer",
	}
	locCueWords = []string{
		"ville", "village", "région", "pays", "département", "province", "commune", "île", "quartier",
		"située", "situé", "habitants", "capitale", "city", "état",
	}
	cueStems = map[string]int{} // stem → type (1 PER, 2 LOC, 3 ORG, 4 MISC)
)

func init() {
	for t, ws := range map[int][]string{3: orgCueWords, 4: miscCueWords, 2: locCueWords} {
		for _, w := range ws {
			cueStems[french.Stem(w, false)] = t
		}
	}
}

// orgHeads are the nouns that head French and English organisation names.
var orgHeads = map[string]bool{
	"parti": true, "union": true, "assemblée": true, "banque": true, "conseil": true, "université": true,
	"ministère": true, "comité": true, "fédération": true, "association": true, "société": true,
	"compagnie": true, "institut": true, "académie": true, "église": true, "armée": true, "club": true,
	"groupe": true, "agence": true, "office": true, "commission": true, "cour": true, "tribunal": true,
	"sénat": true, "parlement": true, "musée": true, "école": true, "lycée": true, "collège": true,
	"orchestre": true, "théâtre": true, "fondation": true, "syndicat": true, "confédération": true,
	"organisation": true, "mouvement": true, "front": true, "ligue": true, "centre": true,
	"chambre": true, "gouvernement": true, "ministry": true, "university": true, "bank": true,
	"council": true, "party": true, "committee": true, "institute": true,
	"department": true, "federation": true, "league": true, "museum": true, "school": true,
	"corporation": true, "agency": true, "court": true, "army": true, "navy": true,
}

// miscHeads are the nouns that head names of events, competitions and works.
var miscHeads = map[string]bool{
	"coupe": true, "championnat": true, "tournoi": true, "guerre": true, "bataille": true, "jeux": true,
	"prix": true, "festival": true, "trophée": true, "tour": true, "révolution": true, "traité": true,
	"exposition": true, "salon": true, "opération": true, "projet": true, "programme": true,
	"symphonie": true, "concerto": true, "cup": true, "championship": true, "war": true, "battle": true,
	"games": true, "prize": true, "award": true, "operation": true, "project": true, "treaty": true,
}

// cueWeight is what one cue counts against the model, whose tag counts 2
// per mention: a single cue outweighs one tagged mention, not two.
const cueWeight = 3

// businessTitles before "de" name a company ("patron de Tesla").
var businessTitles = map[string]bool{
	"pdg": true, "ceo": true, "patron": true, "patronne": true, "fondateur": true, "fondatrice": true,
	"cofondateur": true, "co-fondateur": true, "directeur": true, "directrice": true, "dirigeant": true,
	"dirigeante": true, "milliardaire": true, "actionnaire": true, "président-directeur": true,
}

// skipWords are passed over when looking back for a cue ("patron de la").
var skipWords = map[string]bool{
	"de": true, "du": true, "des": true, "d'": true, "la": true, "le": true, "les": true, "l'": true,
	"un": true, "une": true, "sa": true, "son": true, "ses": true, "à": true, "au": true, "aux": true,
	"of": true, "the": true, "a": true, "an": true, "propre": true, "nouveau": true, "nouvelle": true,
}

// cueOf returns the cue type of a token's stem (see cueStems), stemming it
// once.
func cueOf(ti *tokInfo) int {
	if ti.cue == 0 {
		ti.cue = 1 + uint8(cueStems[french.Stem(ti.lower, false)])
	}
	return int(ti.cue) - 1
}

// evidence adds, for the entity tokens [s,e) of a sentence, type evidence
// that does not come from the model: cue words before it, company
// suffixes after it, gazetteers, and CamelCase (modern brand names, which
// the historic corpora never show).
func evidence(in []tokInfo, s, e int, v *[5]int) {
	// Look back over up to three words, skipping determiners.
	of := false // passed "de": "patron de X" names an organisation
	for k, seen := s-1, 0; k >= 0 && seen < 3; k-- {
		w := in[k].lower
		if skipWords[w] {
			of = of || w == "de" || w == "d'" || w == "du" || w == "des" || w == "of"
			continue
		}
		if w == "par" || w == "by" {
			break // « une start-up fondée par X »: the cue word is about the subject, not the agent
		}
		seen++
		if in[k].flags&fLetter == 0 {
			break
		}
		if titleCues[strings.TrimSuffix(w, ".")] && seen == 1 {
			switch {
			case !of:
				v[1] += cueWeight
			case businessTitles[w] && !businessOf(in, s) && in[s].gaz&gazetteer.City == 0 && in[s].multi&gazetteer.City == 0:
				v[3] += cueWeight // "patron de Tesla", not "maire de Paris"
			}
			break
		}
		if memberRoles[w] && seen == 1 {
			if of && in[s].gaz&(gazetteer.City|gazetteer.Place) == 0 && in[s].multi&(gazetteer.City|gazetteer.Place) == 0 && !personLike(in, s, e) {
				v[3] += cueWeight // "le bassiste de X": a band, a club, a firm
			}
			break
		}
		if len(w) <= 40 {
			if t := cueOf(&in[k]); t != 0 {
				if t == 4 && of || t == 3 && of && in[s].gaz&gazetteer.City != 0 {
					break // "loi de Moore", "groupe de Lyon": the cue is not about this name
				}
				v[t] += cueWeight
				break
			}
		}
	}
	if e < len(in) && in[e].flags&fCap != 0 && orgCues[strings.TrimSuffix(in[e].lower, ".")] {
		v[3] += cueWeight
	}
	if e-s >= 2 && in[e-1].flags&(fCap|fAllCap) != 0 && orgTails[strings.TrimSuffix(in[e-1].lower, ".")] {
		v[3] += 2 * cueWeight // "Interscope Records", "Warner Bros."
	}
	if e-s >= 2 && in[e-1].flags&(fCap|fAllCap) != 0 && miscTails[in[e-1].lower] {
		v[4] += 2 * cueWeight // "Grammy Awards", "Super Bowl"
	}
	// A name headed by an institution noun ("Parti socialiste", "Banque de
	// France", "Université de Lyon") is an organisation.
	if (in[s].flags&fCap != 0 || lowerHeads[in[s].lower]) && orgHeads[in[s].lower] && e-s >= 2 {
		v[3] += cueWeight
	}
	// Events, competitions and works ("Coupe du monde", "Guerre de Cent
	// Ans", "Festival de Cannes") are other names.
	if (in[s].flags&fCap != 0 || lowerHeads[in[s].lower]) && miscHeads[in[s].lower] && e-s >= 2 {
		v[4] += cueWeight
	}
	camel := false
	for k := s; k < e; k++ {
		// Shape "xX": a capital right after a lower-case letter, no hyphen
		// between ("OpenAI", not "New-York").
		if strings.Contains(in[k].shape, "xX") {
			camel = true
		}
	}
	if camel && !(e-s == 1 && in[s].gaz&gazetteer.Brand == gazetteer.Brand) {
		v[3] += 3 // not for a listed brand: "PlayStation" is a product
	}
	if e-s >= 2 && in[s].gaz&gazetteer.First != 0 && in[s].flags&fCap != 0 && in[e-1].gaz&gazetteer.City == 0 {
		v[1] += 3
	}
	if e-s == 1 && in[s].gaz&gazetteer.City != 0 {
		v[2] += 2
	}
	if e-s == 1 && in[s].gaz&gazetteer.First != 0 && in[s].flags&fAllCap == 0 {
		v[1] += 2 // "Maurice", "Florence": a first name as much as a place
	}
	// The name lists of organisations, brands, countries and regions,
	// languages and events (one word, or a multi-word entry covering the
	// whole entity).
	var k gazetteer.Kind
	if e-s == 1 {
		k = in[s].gaz
	} else if in[s].flags&fMultiB != 0 && (e == len(in) || in[e].flags&fMultiI == 0) {
		k = in[s].multi
	}
	switch {
	case k&gazetteer.Brand == gazetteer.Brand:
		v[4] += 3 // a brand no company list names: a product more often than not
	case k&gazetteer.Org != 0:
		v[3] += 3
	case k&gazetteer.Place != 0:
		v[2] += 3
	case k&gazetteer.Misc != 0:
		v[4] += 3
	}
	if in[s].flags&fMultiB != 0 && in[s].multi&gazetteer.City != 0 {
		v[2] += 2
	}
	roleEvidence(in, s, e, v)
}

// adjSuffixes end the French relational adjectives that follow the head of
// an institution or event name ("Parti socialiste", "Assemblée nationale",
// "Union européenne", "Seconde Guerre mondiale").
var adjSuffixes = []string{
	"ique", "iques", "al", "ale", "ales", "aux", "ien", "ienne", "iens", "iennes", "ais", "aise", "aises",
	"éen", "éenne", "éens", "éennes", "aire", "aires", "el", "elle", "els", "elles", "iste", "istes",
	"ain", "aine", "ains", "aines", "ois", "oise", "oises", "unies", "unis",
}

func relAdjective(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, suf := range adjSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// lowerHeads are the heads that French typography writes in lower case
// before the proper name that completes them ("université de Lyon",
// "ministère de l'Intérieur", "festival de Cannes").
var lowerHeads = map[string]bool{
	"université": true, "ministère": true, "lycée": true, "collège": true, "école": true, "académie": true,
	"institut": true, "banque": true, "fédération": true, "comité": true, "conseil": true, "parlement": true,
	"orchestre": true, "syndicat": true, "confédération": true, "association": true, "fondation": true,
	"agence": true, "commission": true, "tribunal": true, "bataille": true, "guerre": true, "traité": true,
	"festival": true, "tournoi": true, "championnat": true, "coupe": true, "prix": true, "trophée": true,
}

// geoHeads are the geographic generics that French writes in lower case
// as part of the name ("mer du Nord", "océan Atlantique", "mont Blanc").
var geoHeads = map[string]bool{
	"mer": true, "océan": true, "golfe": true, "lac": true, "mont": true, "monts": true, "massif": true,
	"île": true, "îles": true, "cap": true, "baie": true, "détroit": true, "canal": true, "pic": true,
	"désert": true, "péninsule": true, "presqu'île": true, "archipel": true, "col": true,
}

// clubHeads open the names of sports clubs.
var clubHeads = map[string]bool{
	"fc": true, "as": true, "ac": true, "rc": true, "sc": true, "ogc": true, "aj": true, "ea": true,
	"real": true, "racing": true, "sporting": true, "olympique": true, "stade": true, "athletic": true,
	"atlético": true, "dynamo": true, "borussia": true, "inter": true, "girondins": true,
	"hc": true, "sv": true, "fk": true, "sk": true, "psv": true, "cska": true, "dinamo": true, "spartak": true,
	"lokomotiv": true, "sparta": true, "slavia": true, "partizan": true, "hapoel": true, "maccabi": true,
	"krc": true, "rsc": true, "vfb": true, "vfl": true, "tsv": true, "ssc": true, "bsc": true,
}

// miscTails end the names of awards, competitions and shows.
var miscTails = wordSet("awards", "award", "prize", "cup", "trophy", "championship", "championships", "bowl",
	"classic", "open", "games", "festival", "series", "show", "expo", "olympics", "marathon", "rallye", "rally")

// ordinalPrefixes open names before their head ("Seconde Guerre
// mondiale", "Grand Prix de Monaco", "Haute Autorité de santé").
var ordinalPrefixes = wordSet("première", "premier", "seconde", "second", "deuxième", "troisième", "quatrième",
	"cinquième", "grand", "grande", "haut", "haute", "petit", "petite", "nouveau", "nouvelle", "vieux", "vieille",
	"sainte", "saint", "first", "second", "third", "great", "grand", "royal", "royale", "national", "nationale",
	"international", "internationale")

// orgTails end the names of companies, labels, studios and clubs
// ("Interscope Records", "Walt Disney Pictures", "Hambourg SV").
var orgTails = wordSet("records", "pictures", "entertainment", "productions", "studios", "industries", "airlines",
	"airways", "motors", "electronics", "communications", "telecom", "software", "games", "interactive",
	"publishing", "society", "foundation", "institute", "university", "college", "fc", "sc", "sv", "sk", "hf",
	"hc", "fk", "bk", "afc", "cf", "bank", "group", "inc", "corp", "ltd", "sa", "ag", "gmbh", "llc", "plc",
	"company", "holdings", "holding", "capital", "partners", "ventures", "technologies", "systems", "labs",
	"media", "network", "networks", "broadcasting", "pharmaceuticals", "corporation", "association", "club",
	"council", "committee", "agency", "party", "league", "federation", "union", "bros", "brothers", "olympique",
	"rfc", "united", "rovers", "wanderers")

// headedName returns the end of a name headed at k by an institution or
// event noun written with a capital inside a sentence: the head, then
// relational adjectives ("Parti socialiste") or "de"/"du"/"des" and a
// capitalised name ("Banque de France", "Coupe du Monde"; with a head of
// lowerHeads, also in lower case: "université de Lyon"), and the type
// the head gives (3 ORG, 4 MISC); 0 when there is none.
func headedName(words []string, in []tokInfo, k int) (end, typ int) {
	switch {
	case clubHeads[in[k].lower] && in[k].flags&(fCap|fAllCap) != 0 && in[k].flags&fInitial == 0:
		// "FC Nantes", "Real Madrid", "Stade de Reims", "Olympique de
		// Marseille": the club, not the town.
		e := k + 1
		if e+1 < len(in) && (in[e].lower == "de" || in[e].lower == "d'") {
			e++
		}
		if e < len(in) && in[e].flags&fCap != 0 && !weak(&in[e]) {
			for e < len(in) && e-k < 5 && in[e].flags&(fCap|fAllCap) != 0 && !breaks(words[e]) {
				e++
			}
			// "Racing Club de Lens", not "AS Roma de Fabio Capello"
			if e+1 < len(in) && (in[e].lower == "de" || in[e].lower == "d'") && in[e+1].flags&fCap != 0 &&
				!weak(&in[e+1]) && in[e+1].gaz&gazetteer.First == 0 && e-k < 4 {
				e += 2
				for e < len(in) && e-k < 6 && in[e].flags&fCap != 0 && !breaks(words[e]) {
					e++
				}
			}
			return e, 3
		}
		if e == k+1 && e < len(in) && in[e].flags&(fCap|fAllCap|fDigit) == 0 && relAdjective(in[e].lower) {
			return e + 1, 3 // "Olympique lyonnais"
		}
		return 0, 0
	case orgHeads[in[k].lower]:
		typ = 3
	case miscHeads[in[k].lower]:
		typ = 4
	case geoHeads[in[k].lower] && in[k].flags&(fCap|fAllCap) == 0:
		// "golfe du Mexique", "lac Léman", "mer du Nord"
		if k+1 < len(in) && in[k+1].flags&fCap != 0 && !weak(&in[k+1]) {
			e := k + 2
			for e < len(in) && e-k < 4 && in[e].flags&fCap != 0 && in[e].flags&fInitial == 0 {
				e++
			}
			return e, 2
		}
		typ = 2
	default:
		return 0, 0
	}
	lower := in[k].flags&(fCap|fAllCap|fMixed) == 0
	if lower && !lowerHeads[in[k].lower] && !geoHeads[in[k].lower] || !lower && !midCap(words, in, k) {
		return 0, 0
	}
	e := adjectives(in, k+1, k+4, lower)
	if e == k+1 && e < len(in) && midCap(words, in, e) && !weak(&in[e]) && in[e].gaz&gazetteer.Word == 0 {
		// "université Stanford", "Institut Pasteur", "Coupe Davis": the
		// name right after
		m := e
		for m < len(in) && m-e < 3 && midCap(words, in, m) && !weak(&in[m]) {
			m++
		}
		return m, typ
	}
	// Complements: "de"/"du"/"des"/"d'" and a capitalised name ("Banque
	// de France", "Parti communiste de l'Union soviétique"), or, after a
	// capitalised head, a common noun ("Ligue nationale de hockey",
	// "Tribunal arbitral du sport", "Comité international des poids et
	// mesures"), each with its adjectives; at most three, the name at most
	// twelve words.
	for c := 0; c < 3 && e+1 < len(in) && e-k < 12; c++ {
		switch in[e].lower {
		case "de", "du", "des", "d'":
		default:
			c = 3
			continue
		}
		n := e + 1
		if in[e].lower != "du" && in[e].lower != "des" && n+1 < len(in) && (in[n].lower == "la" || in[n].lower == "l'") {
			n++
		}
		m := n
		for m < len(in) && m-n < 4 && in[m].flags&(fCap|fAllCap) != 0 && !breaks(words[m]) && !weak(&in[m]) {
			m++
		}
		if m-n >= 2 && in[n].gaz&gazetteer.First != 0 && in[n].gaz&(gazetteer.City|gazetteer.Place) == 0 {
			break // a person: "Parti québécois de Jacques Parizeau"
		}
		if m == n && (!lower || c >= 1) && c < 2 && complementNoun(&in[n]) {
			m = n + 1
			if m+1 < len(in) && isConj(in[m].lower) && in[m].lower != "ou" && complementNoun(&in[m+1]) {
				m += 2 // "des poids et mesures"
			}
		}
		if m == n {
			break
		}
		e = adjectives(in, m, m+2, false)
		if e+1 < len(in) && in[e].lower == "et" && (in[e+1].lower == "de" || in[e+1].lower == "du" || in[e+1].lower == "des") {
			e++ // "Académie royale de peinture et de sculpture"
		}
	}
	if in[e-1].lower == "et" {
		e-- // a dangling "et": no complement came after it
	}
	if e == k+1 {
		return 0, 0
	}
	// Editions of events: "Jeux olympiques d'été de 2004", "Coupe du monde 2018".
	if typ == 4 && e < len(in) {
		if in[e].lower == "de" && e+1 < len(in) && year(words[e+1]) {
			e += 2
		} else if year(words[e]) {
			e++
		}
	}
	return e, typ
}

// adjectives returns the end of the relational adjectives from s (before
// limit; none after a lower-case head).
func adjectives(in []tokInfo, s, limit int, lower bool) int {
	e := s
	for !lower && e < len(in) && e < limit && in[e].flags&(fCap|fAllCap|fDigit) == 0 && relAdjective(in[e].lower) {
		e++
	}
	return e
}

// nonComplements are lower-case words that never complete a name headed
// by an institution or event noun: months, days and times, pronouns,
// quantifiers and the verbs that follow "de" ("la Chambre d'avoir...").
var nonComplements = wordSet("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
	"octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"an", "ans", "année", "années", "mois", "semaine", "jour", "jours", "nouveau", "nouvelle", "même", "plus", "moins",
	"où", "avoir", "être", "faire", "abord", "ailleurs", "autant", "après", "avant", "ici", "entre", "dont", "tout",
	"tous", "toute", "toutes", "autres", "autre", "certains", "nombreux", "nombreuses", "plusieurs", "chaque",
	"est", "sont", "fut", "furent", "était", "étaient", "sera", "ont", "avait", "devient", "reste")

// complementNoun reports a lower-case word that may complete a headed
// name ("de hockey", "des droits").
func complementNoun(ti *tokInfo) bool {
	return ti.flags&(fCap|fAllCap|fDigit|fMixed) == 0 && ti.flags&fLetter != 0 && len(ti.lower) >= 3 &&
		!nonComplements[ti.lower] && !skipWords[ti.lower] && !determiners[ti.lower] &&
		!strings.ContainsAny(ti.lower, "'0123456789")
}

// year reports a four-digit year from 1000 to 2999.
func year(w string) bool {
	return len(w) == 4 && (w[0] == '1' || w[0] == '2') && shortNumber(w)
}

// workCueWords name works, products and events: a title in quotation
// marks after one of them ("le film « Intouchables »", "l'album “Thriller”")
// is another name (MISC), whatever its words. Compared by Snowball stem.
var workCueWords = []string{
	"film", "série", "feuilleton", "téléfilm", "documentaire", "émission", "épisode", "saison", "roman",
	"livre", "ouvrage", "essai", "recueil", "nouvelle", "poème", "pièce", "opéra", "comédie", "drame",
	"album", "chanson", "single", "titre", "morceau", "disque", "tube", "clip", "spectacle", "tournée",
	"manga", "bande", "jeu", "logiciel", "application", "programme", "opération", "projet", "mission",
	"exposition", "tableau", "œuvre", "saga", "suite", "adaptation", "movie", "song", "book", "novel",
	"show", "game",
}

var workCueStems = map[string]bool{}

func init() {
	for _, w := range workCueWords {
		workCueStems[french.Stem(w, false)] = true
	}
}

// speechOpeners start quoted speech rather than a title.
var speechOpeners = map[string]bool{
	"je": true, "j'": true, "nous": true, "vous": true, "tu": true, "il": true, "elle": true, "on": true,
	"ils": true, "elles": true, "c'": true, "ce": true, "ça": true, "cela": true, "oui": true, "non": true,
	"merci": true, "i": true, "we": true, "you": true, "it": true, "it's": true, "we're": true, "i'm": true,
	"qu'": true, "que": true, "si": true, "mais": true, "pas": true, "il's": true, "n'": true,
}

// maxTitle is the longest quotation, in tokens, read as a title.
const maxTitle = 14

func openQuote(w string) bool  { return w == "«" || w == "\"" || w == "“" || w == "„" }
func closeQuote(w string) bool { return w == "»" || w == "\"" || w == "”" }

// quotedTitles types as other names (MISC) the short capitalised
// quotations that read as titles of works: after a work cue ("le film
// « Les Intouchables »"), or without one when they cannot be speech: no
// sentence punctuation, not opened by a pronoun or "oui"/"non", and for a
// single word, no dictionary word ("« Escroc »" is speech) and no name the
// model already typed. Latin binomials ("« Papilio argus »") are left
// alone.
func quotedTitles(words []string, in []tokInfo, ts []int, known func(string) bool) {
	for a := 0; a < len(words); a++ {
		if !openQuote(words[a]) {
			continue
		}
		b := a + 1
		for b < len(words) && !closeQuote(words[b]) {
			b++
		}
		if b == len(words) {
			return
		}
		s, e := a+1, b
		a = b
		n := e - s
		if n < 1 || n > maxTitle || in[s].flags&(fCap|fAllCap) == 0 || in[s].flags&fLetter == 0 {
			continue
		}
		speech := false
		for k := s; k < e; k++ {
			switch words[k] {
			case ".", "!", "?", "…", "...", ";", "(", ")":
				speech = true
			}
		}
		if speech || words[e-1] == "," {
			continue
		}
		cue := false
		for k, seen := s-2, 0; k >= 0 && seen < 2; k-- {
			if skipWords[in[k].lower] {
				continue
			}
			seen++
			if in[k].flags&fLetter == 0 || len(in[k].lower) > 40 {
				break
			}
			if workCueStems[french.Stem(in[k].lower, false)] {
				cue = true
				break
			}
		}
		if !cue {
			if speechOpeners[in[s].lower] {
				continue
			}
			if n == 1 {
				if in[s].gaz&gazetteer.Word != 0 || in[s].flags&fStem != 0 || ts[s] != 0 || known(in[s].lower) {
					continue
				}
			}
			if n > 5 {
				lower := 0
				for k := s; k < e; k++ {
					if in[k].flags&(fCap|fAllCap|fDigit) == 0 && in[k].flags&fLetter != 0 {
						lower++
					}
				}
				if 2*lower > n {
					continue // a long clause: speech, not a title
				}
			}
			if n == 2 && in[s+1].flags&(fCap|fAllCap|fDigit) == 0 && !known(in[s].lower) && !known(in[s+1].lower) {
				continue // "Papilio argus"
			}
		}
		if e < len(ts) && ts[e] != 0 && ts[e]%2 == 0 {
			continue
		}
		setSpan(ts, s, e, 4)
	}
}

// teamArticles precede the plural nickname of a sports team.
var teamArticles = map[string]bool{"les": true, "des": true, "aux": true}

// sportsTeams types as organisations the North American team names that
// French writes "les Lakers de Los Angeles", "aux Canadiens de Montréal":
// a plural article, one or two capitalised words ending in "s" or "x" that are no
// place, no heads of other names and no French demonyms ("les Alpes de
// Stubai", "les Championnats d'Europe", "les Bretons de Paris"), then
// "de"/"du"/"d'" and a capitalised place name.
func sportsTeams(words []string, in []tokInfo, ts []int) {
	for k := 1; k+2 < len(ts); k++ {
		// A line of many capitalised words reads as a headline, where
		// "Pistons" would be a common word: the pattern is strong enough.
		if !teamArticles[in[k-1].lower] || in[k].flags&fCap == 0 || in[k].flags&(fInitial|fCapsLine) != 0 {
			continue
		}
		p := k + 1
		if p < len(ts) && in[p].flags&fCap != 0 && in[p].flags&fCapsLine == 0 {
			p++ // "les Red Sox de Boston"
		}
		if p+1 >= len(ts) || !strings.HasSuffix(in[p-1].lower, "s") && !strings.HasSuffix(in[p-1].lower, "x") {
			continue
		}
		switch in[p].lower {
		case "de", "du", "d'":
		default:
			continue
		}
		nick := &in[p-1]
		if nick.gaz&(gazetteer.Place|gazetteer.City) != 0 || notNicknames[nick.lower] || geoHeads[nick.lower] || miscHeads[nick.lower] || orgHeads[nick.lower] ||
			miscHeads[strings.TrimSuffix(nick.lower, "s")] || orgHeads[strings.TrimSuffix(nick.lower, "s")] || demonym(nick.lower) {
			continue
		}
		q := p + 1
		if in[p].lower == "de" && q+1 < len(ts) && (in[q].lower == "l'" || in[q].lower == "la") {
			q++
		}
		e := q
		for e < len(ts) && e-q < 3 && in[e].flags&fCap != 0 && !breaks(words[e]) && (e == q || in[e].gaz&gazetteer.First == 0 || townPrefixes[in[e-1].lower]) {
			e++
		}
		if e == q || e < len(ts) && ts[e] != 0 && ts[e]%2 == 0 && spanStart(ts, e) < k {
			continue
		}
		if ts[k] != 0 && ts[k]%2 == 0 && spanStart(ts, k) < k-1 {
			continue // inside a longer name
		}
		if e < len(ts) && ts[e] != 0 && ts[e]%2 == 0 {
			setSpan(ts, e, spanEnd(ts, e), 0)
		}
		setSpan(ts, k, e, 3)
		k = e - 1
	}
}

// notNicknames are plural common nouns that "les X de Y" uses for
// places and peoples, not teams ("les États de l'Europe").
var notNicknames = wordSet("états", "etats", "provinces", "territoires", "îles", "iles", "pays", "régions", "villes",
	"peuples", "églises", "habitants", "juifs", "chrétiens", "musulmans", "catholiques", "protestants", "tribus",
	"communes", "environs", "rois", "princes", "ducs", "comtes", "seigneurs", "évêques", "troupes", "armées")

// townPrefixes open town names whose next word may be a first name ("San
// José", "Santa Clara").
var townPrefixes = wordSet("san", "santa", "são", "saint", "sainte", "st", "new", "los", "las", "el", "port", "fort")

// demonym reports a plural French demonym ("Bretons" aside): "les Lyonnais
// de Paris" are people, not a team.
func demonym(w string) bool {
	for _, suf := range []string{"ais", "ois", "iens", "ains", "éens"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// Defining cues: a noun that says what the name right after it is ("la
// société Brindora", "le robot conversationnel Parlo", "le projet
// Héliotrope"), or a company said to have made it ("la société qui a créé
// Parlo", "l'entreprise à l'origine de Parlo": a product). News defines a
// name once and then uses it loosely ("racheter Parlo" for its maker), so
// a defining cue decides the name's type in the whole article.
var (
	orgDefNouns = wordSet(
		"société", "sociétés", "entreprise", "entreprises", "groupe", "firme", "start-up", "startup", "jeune-pousse",
		"banque", "compagnie", "constructeur", "filiale", "laboratoire", "opérateur", "éditeur", "fabricant",
		"label", "studio", "studios", "chaîne", "quotidien", "hebdomadaire", "mensuel", "journal", "parti",
		"club", "équipe", "association", "ong", "syndicat", "agence", "assureur", "distributeur", "équipementier",
		"conglomérat", "holding", "consortium", "cabinet", "transporteur", "armateur", "brasseur", "détaillant",
		"enseigne", "maison", "fonds", "company", "firm", "band", "bank", "airline", "carrier", "publisher",
		"newspaper", "broadcaster", "retailer", "carmaker", "automaker", "insurer", "lender", "manufacturer",
		"startup", "group", "party", "team", "agency",
	)
	miscDefNouns = wordSet(
		"logiciel", "application", "appli", "app", "jeu", "jeux", "film", "films", "série", "feuilleton", "téléfilm",
		"documentaire", "roman", "livre", "album", "chanson", "single", "émission", "console", "smartphone",
		"téléphone", "ordinateur", "tablette", "fusée", "lanceur", "satellite", "sonde", "navette", "robot",
		"chatbot", "assistant", "projet", "programme", "opération", "festival", "tournoi", "vaccin", "médicament",
		"navigateur", "modèle", "mission", "plan", "dispositif", "missile", "drone", "avion", "hélicoptère",
		"char", "sous-marin", "porte-avions", "paquebot", "game", "movie", "project", "operation", "software",
		"series", "novel", "book", "song", "show", "tournament", "vaccine", "drug", "rocket", "spacecraft",
		"version", "versions", "licence", "franchise", "saga",
	)
	// defAdjectives may stand between a defining noun and the name
	// besides relational adjectives ("le jeu vidéo X", "le réseau social X").
	defAdjectives = wordSet("vidéo", "conversationnel", "social", "spatial", "mobile", "géant", "phare", "open", "source",
		"intelligent", "autonome", "nucléaire", "militaire", "privé", "public", "américain", "américaine", "chinois",
		"chinoise", "français", "française", "allemand", "allemande", "britannique", "japonais", "japonaise")
	// releaseWords say that a product came out on the platform after "sur".
	releaseWords = wordSet("sorti", "sortie", "sortis", "sorties", "paru", "parue", "parus", "parues", "disponible",
		"disponibles", "porté", "portée", "portés", "adapté", "adaptée", "publié", "publiée", "édité", "éditée",
		"version", "versions", "exclusivité", "exclusivement", "uniquement", "commercialisé", "commercialisée",
		"released", "available", "réédité", "rééditée", "réédités", "ressorti", "ressortie", "jouable", "jouables",
		"lancé", "lancée")
	// creationVerbs relate a company to what it made.
	creationVerbs = wordSet("créé", "créée", "conçu", "conçue", "développé", "développée", "lancé", "lancée",
		"édité", "édite", "développe", "conçoit", "fabrique", "produit", "commercialise", "commercialisé", "inventé")
)

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func defNoun(w string) int {
	switch {
	case orgDefNouns[w]:
		return 3
	case miscDefNouns[w]:
		return 4
	}
	return 0
}

func defAdjective(ti *tokInfo) bool {
	return ti.flags&(fCap|fAllCap|fDigit) == 0 && ti.flags&fLetter != 0 && (defAdjectives[ti.lower] || relAdjective(ti.lower))
}

// definingCue returns the type (3 ORG, 4 MISC) that a defining cue before
// token s gives the name starting there, 0 when there is none.
func definingCue(in []tokInfo, s int) int {
	k := s - 1
	for n := 0; k >= 0 && n < 2 && defAdjective(&in[k]); n++ {
		k--
	}
	if k >= 0 && in[k].flags&(fCap|fAllCap) == 0 && determined(in, k) {
		if t := defNoun(in[k].lower); t != 0 {
			return t
		}
	}
	// The agent of a product's making: "développé par Valtrenix".
	if k := s - 1; k >= 1 && in[k].lower == "par" && agentVerbs[in[k-1].lower] {
		return 3
	}
	// A release on a platform: "sorti en 2004 sur Zéphyr", "la version
	// Zéphyr".
	if k := s - 1; k >= 1 && in[k].lower == "sur" {
		k--
		if k >= 2 && in[k-1].lower == "en" && in[k].lower == "0000" { // a year (digits read 0)
			k -= 2
		}
		if releaseWords[in[k].lower] {
			return 4
		}
	}
	// The creation relation: the name of a product.
	k = s - 1
	switch {
	case k >= 2 && creationVerbs[in[k].lower]:
		k--
		if in[k].lower == "a" || in[k].lower == "avait" || in[k].lower == "ont" {
			k--
		}
		if k < 1 || in[k].lower != "qui" {
			return 0
		}
		k--
	case k >= 4 && (in[k].lower == "de" || in[k].lower == "d'") && in[k-1].lower == "origine" && in[k-2].lower == "l'" && in[k-3].lower == "à":
		k -= 4
	default:
		return 0
	}
	if k >= 1 && defAdjective(&in[k]) {
		k--
	}
	if orgDefNouns[in[k].lower] && in[k].flags&fAllCap == 0 && determined(in, k) {
		return 4
	}
	return 0
}

// determiners open the noun phrase of a defining cue: "le studio X", not
// "le président du club X" (a person) nor "tête de série X".
var determiners = wordSet("le", "la", "l'", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
	"cette", "ces", "au", "aux", "notre", "votre", "the", "a", "an", "its", "their")

// determined reports a determiner before the noun at k, maybe across one
// adjective ("le nouveau parti X").
func determined(in []tokInfo, k int) bool {
	if k >= 1 && determiners[in[k-1].lower] {
		return true
	}
	if k >= 1 && (in[k-1].lower == "du" || in[k-1].lower == "des") {
		// "une chanson du groupe X", not "le président du club X"
		return k < 2 || !titleCues[strings.TrimSuffix(in[k-2].lower, ".")] && !roleNouns[in[k-2].lower]
	}
	switch {
	case k >= 2 && determiners[in[k-2].lower]:
		switch in[k-1].lower {
		case "nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles", "premier", "première", "dernier", "dernière", "propre", "grand", "grande", "petit", "petite", "jeune", "new", "first":
			return true
		}
	}
	return false
}

// roleNouns name what a person is to an organisation ("le batteur du
// groupe X" names the drummer).
var roleNouns = wordSet("membre", "membres", "entraîneur", "entraîneuse", "joueur", "joueuse", "chanteur", "chanteuse",
	"guitariste", "batteur", "bassiste", "leader", "chef", "dirigeant", "dirigeante", "fondateur", "fondatrice",
	"capitaine", "manager", "propriétaire", "actionnaire", "employé", "employée", "salarié", "salariée",
	"porte-parole", "représentant", "représentante", "gardien", "attaquant", "défenseur", "milieu", "ailier",
	"lanceur", "pilote", "coureur", "coureuse", "administrateur", "trésorier", "trésorière", "vice-président",
	"vice-présidente", "patron", "patronne", "producteur", "productrice", "réalisateur", "réalisatrice",
	"scénariste", "auteur", "autrice", "directeur", "directrice", "président", "présidente", "secrétaire")

// memberRoles are what a person is in a band, a team or a firm: "le
// bassiste de X", "le gardien de X" name an organisation, unless X is a
// place.
var memberRoles = wordSet("membre", "membres", "bassiste", "guitariste", "batteur", "chanteur", "chanteuse",
	"claviériste", "leader", "cofondateur", "cofondatrice", "co-fondateur", "joueur", "joueuse", "joueurs",
	"entraîneur", "entraîneuse", "gardien", "attaquant", "défenseur", "capitaine", "pilote", "pilotes",
	"employé", "employés", "salarié", "salariés", "actionnaire", "actionnaires", "ex-membre", "ex-guitariste",
	"ex-chanteur", "sélectionneur", "coéquipier", "coéquipiers", "recrue", "transfuge")

// agentVerbs before "par" make the agent a company or studio: "développé
// par X", "édité par X".
var agentVerbs = wordSet("développé", "développée", "développés", "développées", "édité", "éditée", "édités",
	"éditées", "distribué", "distribuée", "distribués", "fabriqué", "fabriquée", "fabriqués", "commercialisé",
	"commercialisée", "racheté", "rachetée", "rachetés", "exploité", "exploitée", "opéré", "opérée",
	"sponsorisé", "sponsorisée", "financé", "financée", "détenu", "détenue")

// personLike reports a span opened by a known first name and longer than
// it ("Serena Williams"): role nouns ("le lanceur X") do not define it.
func personLike(in []tokInfo, s, e int) bool {
	return e-s >= 2 && in[s].gaz&gazetteer.First != 0
}

// shortNumber reports a number of one to four digits, which ends the name
// of a product or an edition ("PlayStation 2", "Festival de Cannes 2009").
func shortNumber(w string) bool {
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// definedNames tags the capitalised words right after a defining cue
// ("la société Brindora", "le robot conversationnel Parlo") that the
// model left untagged, with the type the cue gives; a product or event
// takes the number after it ("la console Zéphyr 2").
func definedNames(words []string, in []tokInfo, ts []int) {
	for k := 1; k < len(ts); k++ {
		if ts[k] != 0 || ts[k-1] != 0 || !midCap(words, in, k) || weak(&in[k]) || len(in[k].lower) == 1 {
			continue // not "le film A Travers..." (an unaccented "À")
		}
		t := definingCue(in, k)
		if t == 0 {
			continue
		}
		e := k + 1
		for e < len(ts) && e-k < 4 && ts[e] == 0 && in[e].flags&(fCap|fAllCap) != 0 && !breaks(words[e]) {
			e++
		}
		if t == 4 && e < len(ts) && ts[e] == 0 && shortNumber(words[e]) {
			e++
		}
		if personLike(in, k, e) || e < len(ts) && ts[e] != 0 && ts[e]%2 == 0 {
			continue
		}
		setSpan(ts, k, e, t)
		k = e
	}
}

// numberedNames extends other names (MISC) over the short number after
// them: "PlayStation 2", "Tour de France 2011".
func numberedNames(words []string, ts []int) {
	for _, sp := range spansOf(ts) {
		if sp.typ == 4 && sp.e < len(ts) && ts[sp.e] == 0 && shortNumber(words[sp.e]) {
			setSpan(ts, sp.s, sp.e+1, 4)
		}
	}
}

// dropTitles removes the entities that are only a title ("M.", "Mme"),
// which the document rules may have typed from the name they announce,
// and trims titles and articles off the end of the others ("Nord La",
// "Chatelain M." in a run of headlines): no name ends with one. Entities
// opened by OCR debris ("M-* Chatelain") and lone initials of an
// abbreviation ("P. T. T.") are dropped.
func dropTitles(ts []int, in []tokInfo) {
	for _, sp := range spansOf(ts) {
		e := sp.e
		for e > sp.s+1 {
			w := in[e-1].lower
			if !titleCues[strings.TrimSuffix(w, ".")] && w != "la" && w != "le" && w != "les" && w != "l'" {
				break
			}
			if e-2 > sp.s && in[e-1].flags&fCap != 0 && in[e-2].flags&fCap != 0 && (in[e-2].lower == "le" || in[e-2].lower == "la") {
				break // a surname with its article: "Bruno Le Maire", "Jean Le Roi"
			}
			e--
		}
		if e < sp.e {
			setSpan(ts, e, sp.e, 0)
			sp.e = e
		}
		if sp.e-sp.s == 1 && utf8.RuneCountInString(in[sp.s].lower) == 1 && sp.e < len(ts) && in[sp.e].lower == "." {
			setSpan(ts, sp.s, sp.e, 0) // an initial of an abbreviation ("P. T. T.")
			continue
		}
		if strings.ContainsAny(in[sp.s].lower, "*^") {
			setSpan(ts, sp.s, sp.e, 0) // opened by debris ("M-* Chatelain"): no telling what it is
			continue
		}
		only := true
		for k := sp.s; k < sp.e && only; k++ {
			only = titleCues[strings.TrimSuffix(in[k].lower, ".")] || in[k].flags&fLetter == 0
		}
		if only {
			setSpan(ts, sp.s, sp.e, 0)
		}
	}
}

// modelCode reports a model designation: a short token with a digit
// ("747", "A380", "360").
func modelCode(w string) bool {
	if len(w) > 6 || !strings.ContainsAny(w, "0123456789") {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// modelNames types as other names (MISC) a listed company or brand
// followed by a model code: products ("Boeing 747", "Audi A 6", "Xbox
// 360"), not the maker.
func modelNames(words []string, in []tokInfo, ts []int) {
	for _, sp := range spansOf(ts) {
		if in[sp.s].gaz&gazetteer.Org == 0 || in[sp.s].flags&fInitial != 0 {
			continue
		}
		e := sp.e
		for e < len(ts) && ts[e] == 0 && e-sp.e < 2 && (modelCode(words[e]) || len(words[e]) == 1 && in[e].flags&fCap != 0 && e+1 < len(ts) && modelCode(words[e+1])) {
			e++
		}
		code := false
		for k := sp.s + 1; k < e; k++ {
			code = code || modelCode(words[k])
		}
		if code {
			setSpan(ts, sp.s, e, 4)
		}
	}
}

// joinAdjacent merges two entities that touch inside a sentence ("Hong"
// "Kong" typed apart): names do not follow each other without a word or
// a mark between them.
func joinAdjacent(words []string, in []tokInfo, ts []int) {
	sps := spansOf(ts)
	for j := 1; j < len(sps); j++ {
		a, b := sps[j-1], sps[j]
		if a.e != b.s || in[b.s].flags&(fInitial|fTitleLine|fCapsLine) != 0 || in[a.s].flags&(fTitleLine|fCapsLine) != 0 {
			continue
		}
		typ := a.typ // the longer part's type, the first's on a tie
		if b.e-b.s > a.e-a.s {
			typ = b.typ
		}
		setSpan(ts, a.s, b.e, typ)
		sps[j] = span{a.s, b.e, typ}
	}
}

// enumerations give the names of a list ("A, B, C et D", three or more)
// the type most of them have: a list names things of one kind.
func enumerations(words []string, ts []int) {
	sps := spansOf(ts)
	for j := 0; j < len(sps); {
		n := j + 1
		for n < len(sps) && sps[n].s == sps[n-1].e+1 && (words[sps[n-1].e] == "," || isConj(strings.ToLower(words[sps[n-1].e]))) {
			n++
		}
		if n-j >= 3 {
			var c [5]int
			for _, sp := range sps[j:n] {
				c[sp.typ]++
			}
			best, tie := 1, false
			for t := 2; t <= 4; t++ {
				if c[t] > c[best] {
					best, tie = t, false
				} else if c[t] == c[best] {
					tie = true
				}
			}
			if !tie && 2*c[best] > n-j {
				for _, sp := range sps[j:n] {
					setSpan(ts, sp.s, sp.e, best)
				}
			}
		}
		j = n
	}
}

// commonAcronyms returns the acronyms that the article spells out in
// lower case ("intelligence artificielle" → "IA", "produit intérieur brut"
// → "PIB"): two to four words of four letters or more, "de"/"du"/"des"/"d'"
// between them skipped.
func commonAcronyms(sents [][]string, infos [][]tokInfo) map[string]bool {
	out := map[string]bool{}
	for i, words := range sents {
		in := infos[i]
		for k := range words {
			var b []byte
			for j := k; j < len(words) && len(b) < 4; j++ {
				ti := &in[j]
				if j > k && (ti.lower == "de" || ti.lower == "du" || ti.lower == "des" || ti.lower == "d'") {
					continue
				}
				if ti.flags&(fCap|fAllCap|fDigit|fMixed) != 0 || ti.flags&fLetter == 0 || utf8.RuneCountInString(ti.lower) < 4 || skipWords[ti.lower] {
					break
				}
				r, _ := utf8.DecodeRuneInString(ti.lower)
				if r >= utf8.RuneSelf {
					break
				}
				b = append(b, byte(unicode.ToUpper(r)))
				if len(b) >= 2 {
					out[string(b)] = true
				}
			}
		}
	}
	return out
}

// dropCommonAcronyms removes one-word entities that are acronyms of a
// common phrase of the article ("l'IA" where it speaks of "intelligence
// artificielle"): abbreviations, not names.
func dropCommonAcronyms(sents [][]string, infos [][]tokInfo, tags [][]int) {
	var acr map[string]bool
	for i, ts := range tags {
		for _, sp := range spansOf(ts) {
			w := sents[i][sp.s]
			if sp.e-sp.s != 1 || infos[i][sp.s].flags&fAllCap == 0 || len(w) < 2 || len(w) > 5 {
				continue
			}
			if acr == nil {
				acr = commonAcronyms(sents, infos)
			}
			if acr[w] {
				setSpan(ts, sp.s, sp.e, 0)
			}
		}
	}
}
