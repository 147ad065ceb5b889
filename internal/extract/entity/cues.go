package entity

import (
	"strings"

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
		seen++
		if in[k].flags&fLetter == 0 {
			break
		}
		if titleCues[strings.TrimSuffix(w, ".")] && seen == 1 {
			switch {
			case !of:
				v[1] += cueWeight
			case businessTitles[w] && in[s].gaz&gazetteer.City == 0 && in[s].multi&gazetteer.City == 0:
				v[3] += cueWeight // "patron de Tesla", not "maire de Paris"
			}
			break
		}
		if len(w) <= 40 {
			if t := cueStems[french.Stem(w, false)]; t != 0 {
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
	// A name headed by an institution noun ("Parti socialiste", "Banque de
	// France", "Université de Lyon") is an organisation.
	if in[s].flags&fCap != 0 && orgHeads[in[s].lower] && e-s >= 2 {
		v[3] += cueWeight
	}
	// Events, competitions and works ("Coupe du monde", "Guerre de Cent
	// Ans", "Festival de Cannes") are other names.
	if in[s].flags&fCap != 0 && miscHeads[in[s].lower] && e-s >= 2 {
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
	if camel {
		v[3] += 3
	}
	if e-s >= 2 && in[s].gaz&gazetteer.First != 0 && in[s].flags&fCap != 0 && in[e-1].gaz&gazetteer.City == 0 {
		v[1] += 3
	}
	if e-s == 1 && in[s].gaz&gazetteer.City != 0 {
		v[2] += 2
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
}
