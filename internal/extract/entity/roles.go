package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/extract/entity/gazetteer"
)

// Role cues of modern news (clean text only), which the historic training
// corpora seldom show:
//
//   - a business role before "de" names a company: « le PDG de X », « le
//     directeur général de X », « cofondateur de X », "CEO of X" (unless X
//     is a known place: « le patron de Marseille » is not a firm);
//   - an acronym after a definite article is an organisation: « la X »,
//     « le FMI », « l'ONU », « du X », unless it names a place (a country
//     or region of the gazetteer, the initials of a multi-word one — « la
//     RDC » —, or a word the article writes after « en »: « en RDC »), or
//     is one of the common-noun acronyms (« le PIB », « la TVA »);
//   - a name followed by a comma and an occupation is a person: « X,
//     entrepreneur et PDG de… », « X, avocate », « X, 45 ans »;
//   - a one-word surname of the gazetteer is a person more often than
//     not, the more so as the agent of a passive (« soutenu par X »);
//   - a one-word name that speaks or judges (« X estime », « X juge
//     plausible », « selon X ») is no place, and, not being a known first
//     name or surname, it names an organisation (news gives a person's full
//     name before the surname alone, which the full-name rule of retype
//     reads); so does a name after an article that reports (« Le New York
//     Times rapporte »);
//   - a defining noun in an apposition types the name (« X, une start-up
//     fondée par… », « X, la société qui… »), unless a verb follows the
//     noun (« Aux États-Unis, la série est diffusée » opens a clause);
//   - the agent of a backing participle (« soutenu par X », « détenu par
//     X ») is no place;
//   - a name right after a lower-case definite article and holding no
//     first name is no person (« la Maison Blanche », « le Trésor »);
//   - a first name, surname particles and a name are one person (« Marine
//     Le Pen », « Ursula von der Leyen »).
//
// Each cue was checked on wikineural-fr val and on the story clustering of
// eval-stories -extract (which « le Dalaï Lama » and « l'Intérieur Michèle
// A.-M. » taught the first-name exception of the article cue).

// businessHeads before "de"/"d'"/"du"/"of" name a company.
var businessHeads = wordSet("pdg", "ceo", "patron", "patronne", "fondateur", "fondatrice", "cofondateur",
	"cofondatrice", "co-fondateur", "co-fondatrice", "directeur", "directrice", "dirigeant", "dirigeante",
	"président-directeur", "présidente-directrice", "founder", "co-founder", "cofounder", "chairman")

// businessAdjectives may stand between a business head and "de":
// « directeur général de », « directrice financière de ».
var businessAdjectives = wordSet("général", "générale", "exécutif", "exécutive", "délégué", "déléguée",
	"financier", "financière", "technique", "adjoint", "adjointe", "historique", "actuel", "actuelle",
	"opérationnel", "opérationnelle", "commercial", "commerciale", "executive")

// businessOf reports a business role right before the name at s: « PDG
// de », « directeur général de », "CEO of".
func businessOf(in []tokInfo, s int) bool { return businessHead(in, s) >= 0 }

// businessHead returns the index of the business role before the name at
// s, -1 when there is none.
func businessHead(in []tokInfo, s int) int {
	k := s - 1
	if k < 1 {
		return -1
	}
	switch in[k].lower {
	case "de", "d'", "du", "of":
	default:
		return -1
	}
	k--
	if k >= 1 && businessAdjectives[in[k].lower] {
		k--
	}
	if businessHeads[in[k].lower] {
		return k
	}
	return -1
}

// notPlace reports a name [s,e) whose first word opens no place of the
// gazetteers, alone or as a multi-word name.
func notPlace(in []tokInfo, s, _ int) bool {
	return in[s].gaz&(gazetteer.City|gazetteer.Place) == 0 && (in[s].flags&fMultiB == 0 || in[s].multi&(gazetteer.City|gazetteer.Place) == 0)
}

// businessNames tags as organisations the capitalised words after a
// business role that the model left untagged (« PDG de Bastion », where
// the name is also a common word) or took for a title of nobility (« PDG
// de Bastion » as one person, like « duc de Guise »).
func businessNames(words []string, in []tokInfo, ts []int) {
	for k := 2; k < len(ts); k++ {
		h := businessHead(in, k)
		if h < 0 || !midCap(words, in, k) || weak(&in[k]) || !notPlace(in, k, k+1) {
			continue
		}
		if ts[k] != 0 && ts[k]%2 == 0 {
			// The role and the name tagged as one: the role is no name.
			s, e := spanStart(ts, k), spanEnd(ts, k)
			if s > h {
				continue
			}
			typ := typeOf(ts[s])
			setSpan(ts, s, e, 0)
			if h > s {
				setSpan(ts, s, h, typ)
			}
			setSpan(ts, k, e, 3)
			k = e
			continue
		}
		if ts[k] != 0 {
			continue
		}
		e := k + 1
		for e < len(ts) && e-k < 4 && ts[e] == 0 && midCap(words, in, e) && !breaks(words[e]) {
			e++
		}
		if personLike(in, k, e) || e < len(ts) && ts[e] != 0 && ts[e]%2 == 0 {
			continue
		}
		setSpan(ts, k, e, 3)
		k = e
	}
}

// commonAcronymWords are acronyms of common nouns, which an article
// precedes with « le », « la » like a name: « le PIB », « la TVA ».
var commonAcronymWords = wordSet("pib", "pnb", "tva", "smic", "tgv", "ter", "rer", "adn", "arn", "ia", "ai", "pdg",
	"dg", "drh", "daf", "ceo", "cto", "cfo", "coo", "cdi", "cdd", "ogm", "suv", "vtc", "rsa", "hlm", "ivg", "pme",
	"tpe", "eti", "sms", "mms", "gps", "usb", "pc", "tv", "cv", "qi", "vih", "sida", "ovni", "ong", "rtt", "csg",
	"irm", "btp", "plu", "led", "api", "gpu", "cpu", "ram", "bd", "dj", "sdf", "ht", "ttc", "ko", "ok", "pv",
	"bac", "bts", "dut", "cap", "rh", "ag", "ca", "qg", "covid", "sras", "mers", "ump", "opa", "ope",
	"ipo", "etf", "pea", "pel", "cb", "rib", "iban", "pin", "ssd", "vpn", "wifi", "url", "pdf", "lgbt",
	"lgbtq", "wc", "hiv", "gdp", "vat", "dna", "ufo", "ngo")

// docPlaceWords returns the capitalised words the document writes right
// after « en »: French says « en France », « en RDC » of places, never of
// organisations.
func docPlaceWords(infos [][]tokInfo) map[string]bool {
	var out map[string]bool
	for _, in := range infos {
		for k := 1; k < len(in); k++ {
			if in[k-1].lower == "en" && in[k].flags&(fCap|fAllCap) != 0 {
				if out == nil {
					out = map[string]bool{}
				}
				out[in[k].lower] = true
			}
		}
	}
	return out
}

// acronymArticles are the definite articles (and their contractions)
// that precede an organisation's acronym; the plural « les » is left
// out (« les USA », « les EAU » are countries).
var acronymArticles = wordSet("le", "la", "l'", "du", "au", "the")

// markOrgAcronyms flags (fOrgAcr) the acronyms that the document's words
// make organisations (see the package's role cues).
func (r *Recognizer) markOrgAcronyms(infos [][]tokInfo) {
	var places map[string]bool
	placesDone := false
	for _, in := range infos {
		for k := 1; k < len(in); k++ {
			ti := &in[k]
			if ti.flags&fAllCap == 0 || ti.flags&(fDigit|fInitial|fTitleLine|fCapsLine) != 0 || !acronymArticles[in[k-1].lower] {
				continue
			}
			if n := utf8.RuneCountInString(ti.lower); n < 2 || n > 5 || strings.ContainsAny(ti.lower, "-.'&") {
				continue
			}
			if k+1 < len(in) && (capitalised(&in[k+1]) || in[k+1].flags&fDigit != 0) {
				continue // part of a longer name ("le FC Nantes", "la CAN 2017")
			}
			if ti.gaz&(gazetteer.Place|gazetteer.Word|gazetteer.First) != 0 || commonAcronymWords[ti.lower] ||
				titleCues[ti.lower] || r.gaz.PlaceAcronym(ti.lower) {
				continue
			}
			if !placesDone {
				places, placesDone = docPlaceWords(infos), true
			}
			if places[ti.lower] {
				continue
			}
			ti.flags |= fOrgAcr
		}
	}
}

// orgAcronyms tags the flagged acronyms the model left untagged.
func orgAcronyms(in []tokInfo, ts []int) {
	for k := range ts {
		if ts[k] == 0 && in[k].flags&fOrgAcr != 0 && (k+1 == len(ts) || ts[k+1] == 0 || ts[k+1]%2 == 1) {
			setSpan(ts, k, k+1, 3)
		}
	}
}

// occupations are the nouns of a person's apposition (« X, entrepreneur
// et… », « X, avocate de… »), besides the titles of titleCues; the
// honorifics and "chef" (« chef de file » is said of firms too) are left
// out there.
var occupations = wordSet("entrepreneur", "entrepreneuse", "expert", "experte", "économiste", "analyste",
	"chercheur", "chercheuse", "enseignant", "enseignante", "journaliste", "éditorialiste", "chroniqueur",
	"chroniqueuse", "écrivain", "écrivaine", "romancier", "romancière", "auteur", "auteure", "autrice", "acteur",
	"actrice", "comédien", "comédienne", "chanteur", "chanteuse", "musicien", "musicienne", "réalisateur",
	"réalisatrice", "producteur", "productrice", "artiste", "ingénieur", "ingénieure", "médecin", "chirurgien",
	"chirurgienne", "infirmier", "infirmière", "conseiller", "conseillère", "élu", "élue", "candidat",
	"candidate", "militant", "militante", "syndicaliste", "spécialiste", "sociologue", "politologue",
	"historien", "historienne", "philosophe", "psychologue", "psychiatre", "physicien", "physicienne",
	"chimiste", "biologiste", "mathématicien", "mathématicienne", "architecte", "juriste", "notaire",
	"magistrat", "magistrate", "procureur", "procureure", "commissaire", "policier", "policière", "gendarme",
	"officier", "colonel", "capitaine", "lieutenant", "agriculteur", "agricultrice", "éleveur", "éleveuse",
	"commerçant", "commerçante", "retraité", "retraitée", "étudiant", "étudiante", "philanthrope",
	"multimilliardaire", "millionnaire", "banquier", "banquière", "vice-président",
	"vice-présidente", "présidente", "cofondatrice", "entraîneur", "entraîneuse", "sélectionneur", "joueur",
	"joueuse", "pilote", "photographe", "cinéaste", "dramaturge", "poète", "poétesse", "compositeur",
	"compositrice", "designer", "influenceur", "influenceuse", "ambassadeur", "ambassadrice", "diplomate",
	"responsable", "collaborateur", "collaboratrice", "ex-pdg", "ex-président", "ex-présidente",
	"ex-ministre", "ex-directeur", "ex-directrice", "ex-patron", "ex-patronne", "lawyer", "economist",
	"analyst", "professor", "spokesman", "spokeswoman", "spokesperson", "founder", "co-founder", "cofounder",
	"chairman", "chairwoman", "entrepreneur", "investor", "researcher", "executive")

// notOccupations are the titles of titleCues that say nothing after a
// comma: honorifics, and "chef" (« chef de file » is said of firms).
var notOccupations = wordSet("m", "mm", "mme", "mmes", "mlle", "me", "mr", "mrs", "ms", "monsieur", "madame",
	"sir", "lady", "lord", "chef", "général", "juge")

// fronting words open an adverbial phrase before the clause: what follows
// the name's comma is that clause, not an apposition.
var fronting = wordSet("selon", "après", "pour", "chez", "à", "avec", "sans", "contre", "according", "for")

// kinNouns name a person by kinship or sex: in an apposition they need
// their complement (« X, fils de Y », « X, homme d'affaires »), for « X,
// le père venant de… » starts another clause.
var kinNouns = wordSet("homme", "femme", "fils", "fille", "épouse", "époux", "mari", "veuve", "veuf", "frère",
	"sœur", "père", "mère", "oncle", "tante", "neveu", "nièce", "petit-fils", "petite-fille", "compagnon",
	"compagne", "cousin", "cousine")

// roleModifiers may open an apposition before the occupation: « X,
// ancien ministre », « X, futur PDG ».
var roleModifiers = wordSet("ancien", "ancienne", "ex", "futur", "future", "nouveau", "nouvelle", "actuel",
	"actuelle", "former")

// appositionPerson reports a person's apposition right after the name
// ending at e: a comma, maybe an article, and an occupation or a title
// (« , entrepreneur et PDG de », « , l'avocate de », « , ancien ministre »),
// or an age (« , 45 ans »). An occupation followed by a name
// (« , le journaliste français Pierre G. ») introduces that name instead.
func appositionPerson(in []tokInfo, s, e int) bool {
	if e+1 >= len(in) || in[e].lower != "," || in[s].flags&fAllCap != 0 {
		return false
	}
	if s >= 1 && fronting[in[s-1].lower] || s >= 2 && fronting[in[s-2].lower] && skipWords[in[s-1].lower] {
		return false // « Selon l'AFP, le patron de X a dit »: a new clause follows
	}
	j := e + 1
	det := false // « X, le comédien a tweeté » may start a clause: the noun then needs its complement
	switch in[j].lower {
	case "le", "la", "l'", "un", "une", "a", "an":
		j++
		det = true
	}
	if j < len(in) && roleModifiers[in[j].lower] {
		j++
	}
	if j >= len(in) {
		return false
	}
	w := in[j].lower
	if in[j].flags&fCap != 0 && in[j].flags&fAllCap == 0 {
		return false // a capitalised word: another name of a list
	}
	if j+1 < len(in) && in[j+1].lower == "ans" && shortNumber(w) && len(w) <= 3 {
		return true // « X, 45 ans »: digits read 0
	}
	if !occupations[w] && !kinNouns[w] && !(titleCues[w] && !notOccupations[w]) {
		return false
	}
	for k := j + 1; k < len(in) && k <= j+3; k++ {
		switch in[k].lower {
		case "de", "d'", "du", "des", "à", "au", "aux", "chez", ",", "et", "of", "at", "politique":
			return true
		}
		if capitalised(&in[k]) {
			return false
		}
		if kinNouns[w] || det {
			return false
		}
	}
	return !kinNouns[w] && !det
}

// articled reports a definite article right before the name at s, inside
// a sentence and in lower case (« la Maison Blanche »; not the « Le » of «
// Marine Le Pen », nor the particles « du », « des » of « du Bellay »).
func articled(in []tokInfo, s int) bool {
	switch in[s-1].lower {
	case "le", "la", "les", "l'", "au", "aux":
	default:
		return false
	}
	return in[s-1].flags&(fCap|fAllCap) == 0 && in[s].flags&(fCap|fAllCap|fMixed) != 0
}

// hasFirstName reports a known first name among the words of [s,e)
// (« l'Intérieur Michèle A. » read as one name keeps its person).
func hasFirstName(in []tokInfo, s, e int) bool {
	for k := s; k < e; k++ {
		if in[k].gaz&gazetteer.First != 0 && in[k].flags&fCap != 0 {
			return true
		}
	}
	return false
}

// placePrepositions open the names of places: « en Sologne », « dans le
// Valois ».
var placePrepositions = wordSet("en", "dans", "vers", "près", "depuis", "sur")

// speechVerbs say that their subject speaks or judges: a person or an
// organisation, never a place (« X estime que », « X juge plausible »).
var speechVerbs = wordSet("juge", "estime", "affirme", "déclare", "explique", "indique", "annonce", "assure",
	"souligne", "rappelle", "précise", "confirme", "dément", "révèle", "rapporte", "considère", "prévient",
	"avertit", "reconnaît", "insiste", "ajoute", "conclut", "observe", "note", "écrit", "raconte",
	"soutient", "craint", "dénonce", "regrette", "salue", "critique", "accuse", "relève", "signale",
	"qualifie", "affirmait", "estimait", "jugeait", "expliquait", "indiquait", "says", "said",
	"claims", "reports", "reported", "writes", "wrote", "told", "argues", "prévoit", "publie", "recommande",
	"réclame", "exige", "demande", "propose", "promet", "répond", "menace", "alerte", "prédit", "anticipe")

// speaker reports a name [s,e) that speaks or judges:
// followed by a speech verb (maybe after « a » / « avait » and its past
// participle), or after « selon » / "according to".
func speaker(in []tokInfo, s, e int) bool {
	if s >= 1 && in[s-1].lower == "selon" {
		return true
	}
	if e >= len(in) {
		return false
	}
	if speechVerbs[in[e].lower] {
		return true
	}
	if (in[e].lower == "a" || in[e].lower == "avait") && e+1 < len(in) && speechParticiples[in[e+1].lower] {
		return true
	}
	return false
}

// speakerNames tags the capitalised words, unknown to the dictionaries,
// that the model left untagged where they speak or judge (« un scénario
// que Brindora juge plausible », « selon Brindora »): names, whose type
// retype decides with the speaker cue.
func speakerNames(words []string, in []tokInfo, ts []int) {
	for k := 1; k < len(ts); k++ {
		ti := &in[k]
		if ts[k] != 0 || ts[k-1] != 0 || !midCap(words, in, k) || weak(ti) || ti.gaz&gazetteer.Word != 0 || ti.flags&(fStem|fAllCap) != 0 ||
			capitalised(&in[k-1]) || k+1 < len(ts) && (ts[k+1] != 0 || capitalised(&in[k+1])) || !speaker(in, k, k+1) {
			continue
		}
		setSpan(ts, k, k+1, max(1, int(ti.alt)))
	}
}

// speechParticiples follow « a » in the compound past of speech verbs.
var speechParticiples = wordSet("jugé", "estimé", "affirmé", "déclaré", "expliqué", "indiqué", "annoncé", "assuré",
	"souligné", "rappelé", "précisé", "confirmé", "démenti", "révélé", "rapporté", "considéré", "prévenu",
	"averti", "reconnu", "insisté", "ajouté", "conclu", "observé", "noté", "écrit", "raconté", "dit", "dénoncé",
	"regretté", "salué", "critiqué", "accusé", "relevé", "signalé", "qualifié", "prévu", "publié", "recommandé",
	"réclamé", "exigé", "demandé", "proposé", "promis", "répondu", "menacé", "alerté", "prédit", "anticipé")

// passiveAgent reports a name after « par » that follows a past
// participle (« soutenu par X », « interrogée par X »).
func passiveAgent(in []tokInfo, s int) bool {
	if s < 2 || in[s-1].lower != "par" {
		return false
	}
	w := in[s-2].lower
	if in[s-2].flags&(fCap|fAllCap|fDigit) != 0 || utf8.RuneCountInString(w) < 4 {
		return false
	}
	for _, suf := range []string{"é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "ie", "is", "ies", "it", "ite", "ert", "erte"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// roleEvidence adds the role cues' type evidence for the name [s,e).
func roleEvidence(in []tokInfo, s, e int, v *[5]int) {
	if businessOf(in, s) && notPlace(in, s, e) {
		v[3] += cueWeight
	}
	if e-s == 1 && in[s].flags&fOrgAcr != 0 {
		v[3] += cueWeight
	}
	if appositionPerson(in, s, e) && notPlace(in, s, e) {
		v[1] += 2 * cueWeight
	}
	if t := appositionDef(in, s, e); t != 0 {
		v[t] += 2 * cueWeight
	}
	if s >= 1 && articled(in, s) && !hasFirstName(in, s, e) {
		v[1] -= cueWeight // « la Maison Blanche », « le Sénat »: French gives no article to a person's name
	}
	if e-s == 1 {
		g := in[s].gaz
		if g&gazetteer.Surname != 0 && g&(gazetteer.City|gazetteer.Place|gazetteer.Org|gazetteer.First) == 0 && in[s].flags&(fAllCap|fMixed) == 0 &&
			(s == 0 || !placePrepositions[in[s-1].lower]) {
			v[1]++
			if passiveAgent(in, s) {
				v[1] += cueWeight
			}
		}
		if (speaker(in, s, e) || backer(in, s)) && g&(gazetteer.City|gazetteer.Place|gazetteer.First|gazetteer.Surname) == 0 {
			v[3] += cueWeight
		}
	} else if !personLike(in, s, e) && s >= 1 && (articled(in, s) || in[s-1].flags&fInitial != 0 && determiners[in[s-1].lower]) && speaker(in, s, e) {
		v[3] += cueWeight // « Le New York Times rapporte »: an outlet, a firm, an institution
	}
}

// surnameParticles open surnames after a first name: « Marine Le Pen »,
// « Ursula von der Leyen », « Rafael van der Vaart », « Leonardo di
// Caprio » (« de » and « du » are read by particles).
var surnameParticles = wordSet("le", "la", "von", "van", "der", "den", "di", "da", "del", "della", "dos", "das", "ter", "ten", "zu")

// compoundSurnames tags as one person a known first name, surname
// particles (one or two, the capitalised French articles « Le », « La »
// included) and a capitalised word inside a sentence, whatever the model
// said of the parts.
func compoundSurnames(words []string, in []tokInfo, ts []int) {
	for k := 0; k+2 < len(ts); k++ {
		a := &in[k]
		if a.gaz&gazetteer.First == 0 || a.flags&fCap == 0 || a.flags&fAllCap != 0 || weak(a) {
			continue
		}
		p := k + 1
		for p < len(ts) && p-k <= 2 && surnameParticles[in[p].lower] && in[p].flags&fAllCap == 0 &&
			(in[p].flags&fCap == 0 || in[p].lower == "le" || in[p].lower == "la") && in[p].flags&(fInitial|fTitleLine|fCapsLine) == 0 {
			p++
		}
		if p == k+1 || p >= len(ts) || !midCap(words, in, p) || weak(&in[p]) || breaks(words[p]) {
			continue
		}
		if in[k+1].flags&fCap == 0 && in[k+1].lower != "von" && in[k+1].lower != "van" && p-k == 2 && (in[k+1].lower == "le" || in[k+1].lower == "la") {
			continue // « Marine la Bretonne »: a lower-case article is no particle
		}
		s, e := k, p+1
		if ts[k] != 0 {
			s = spanStart(ts, k)
		}
		if e < len(ts) && ts[e] != 0 && ts[e]%2 == 0 {
			continue // inside a longer name
		}
		setSpan(ts, s, e, 1)
		k = e - 1
	}
}

// backingParticiples say that their agent backs, owns or funds something:
// a company, an investor or a person, never a place (« soutenu par X »,
// « détenu par X »).
var backingParticiples = wordSet("soutenu", "soutenue", "soutenus", "soutenues", "financé", "financée", "financés",
	"financées", "détenu", "détenue", "détenus", "détenues", "contrôlé", "contrôlée", "contrôlés", "contrôlées",
	"possédé", "possédée", "racheté", "rachetée", "rachetés", "rachetées", "acquis", "acquise", "sponsorisé",
	"sponsorisée", "parrainé", "parrainée", "appuyé", "appuyée", "backed", "owned", "funded", "acquired")

// backer reports a name after « par » that follows a backing participle.
func backer(in []tokInfo, s int) bool {
	return s >= 2 && in[s-1].lower == "par" && backingParticiples[in[s-2].lower]
}

// appositionDef returns the type (3 ORG, 4 MISC) that a defining noun in
// an apposition gives the name [s,e): « X, la société qui… », « X, une
// start-up française fondée par… », « X, le robot conversationnel de… »;
// 0 when there is none. A defining noun followed by a name introduces
// that name instead (« X, la société Brindora »).
func appositionDef(in []tokInfo, s, e int) int {
	if e+2 >= len(in) || in[e].lower != "," || personLike(in, s, e) {
		return 0
	}
	if s >= 1 && fronting[in[s-1].lower] || s >= 2 && fronting[in[s-2].lower] && skipWords[in[s-1].lower] {
		return 0
	}
	switch in[e+1].lower {
	case "le", "la", "l'", "un", "une", "cette", "ce", "cet", "the", "a", "an":
	default:
		return 0
	}
	j := e + 2
	if j < len(in) && roleModifiers[in[j].lower] {
		j++
	}
	if j >= len(in) || in[j].flags&(fCap|fAllCap) != 0 {
		return 0
	}
	t := defNoun(in[j].lower)
	if t == 0 {
		return 0
	}
	// The noun phrase goes on with adjectives, then a complement, a
	// relative, a participle or the apposition's end; a verb right after
	// the noun (« Aux États-Unis, la série est diffusée ») makes it the
	// subject of a new clause instead.
	k := j + 1
	for n := 0; k < len(in) && n < 2 && defAdjective(&in[k]); n++ {
		k++
	}
	if k == len(in) {
		return t
	}
	switch in[k].lower {
	case "de", "d'", "du", "des", ",", ".", ";", ")", "qui", "dont", "que", "of", "which", "that":
		return t
	}
	if k+1 < len(in) && participle(in[k].lower) && (in[k+1].lower == "par" || in[k+1].lower == "en" || in[k+1].lower == "à" || in[k+1].lower == "dans" || in[k+1].lower == "by" || in[k+1].lower == "in") {
		return t // « une start-up fondée par », « la société basée à »
	}
	return 0
}

// participle reports a French past participle's ending.
func participle(w string) bool {
	for _, suf := range []string{"é", "ée", "és", "ées", "i", "ie", "is", "ise", "u", "ue", "us", "ues"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// appositionNames tags as what their apposition defines the capitalised
// words inside a sentence that the model left untagged (« Son rival
// Brindix, une start-up fondée par… »).
func appositionNames(words []string, in []tokInfo, ts []int) {
	for k := 1; k+1 < len(ts); k++ {
		if ts[k] != 0 || ts[k-1] != 0 || !midCap(words, in, k) || weak(&in[k]) {
			continue
		}
		e := k + 1
		for e < len(ts) && e-k < 4 && ts[e] == 0 && (midCap(words, in, e) || in[e].flags&fAllCap != 0) && !breaks(words[e]) {
			e++
		}
		if t := appositionDef(in, k, e); t != 0 {
			setSpan(ts, k, e, t)
		}
		k = e
	}
}
