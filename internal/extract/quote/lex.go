package quote

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The reporting-verb lists of the SFU Gender Gap Tracker (MIT, see
// lexicons/LICENSE): every inflected form, lower case, one per line.
var (
	//go:embed lexicons/ggt-fr-quote-verbs.txt
	frVerbs string
	//go:embed lexicons/ggt-en-quote-verbs.txt
	enVerbs string
)

// Verbs the lists lack that news writing uses to introduce or qualify
// speech, as -er stems (French, conjugated by erForms) or as English
// forms.
var (
	extraFRStems = []string{"gliss", "lâch", "détaill", "développ", "conseill", "qualifi", "trait",
		"inquièt", "inquiet", "lanc", "insist", "confi", "martel", "martèl", "tacl", "ironis", "résum",
		"comment", "tonn", "taclé", "fustig", "dénonc", "qualif", "surnomm", "class", "interpell",
		"rétorqu", "renchér", "assur", "pointe", "raill", "souffl", "tranch", "lâché", "balay", "nuanc",
		"exhort", "plaid", "regrett", "salu", "twitt", "tweet", "pest", "argument", "expliqu", "précis",
		"rappel", "rappell", "ajout", "estim", "affirm", "déclar", "indiqu", "soulign", "félicit", "désol",
		"étonn", "indign", "emport", "agac", "alarm", "exclam", "esclaff", "enthousiasm", "lamment"}
	extraFR = []string{"assène", "assènent", "asséné", "assénait", "met", "mettent", "poursuit",
		"poursuivi", "poursuivait", "reprend", "repris", "dit", "disait", "écrit", "écrivait", "répond",
		"répondu", "répondait", "prévient", "prévenu", "prévenait", "admet", "soutient", "soutenu",
		"conclut", "conclu", "résume", "souligne", "note", "relève", "avance", "avoue", "confie"}
	extraEN = []string{"called", "calls", "call", "calling", "asked", "asks", "tweeted", "tweets",
		"posted", "wrote", "writes", "told", "tells", "says", "said", "saying", "added", "adds",
		"quipped", "recalled", "insisted", "declared", "continued", "explained", "warned", "noted",
		"argued", "replied", "responded", "acknowledged", "conceded", "stated", "claimed", "described",
		"describing", "labeled", "branded", "dubbed", "urged", "vowed", "promised", "predicted",
		"suggested", "joked", "announced", "boasted", "complained", "charged", "countered", "retorted",
		"remarked", "admitted", "observed", "emphasized", "stressed", "echoed", "proclaimed"}
)

// Naming verbs: a short quotation after them is a term being defined, not
// speech ("comme certains scientifiques le définissent").
var namingVerbs = set("définit", "définissent", "définissait", "appelle", "appellent", "appelait",
	"nomme", "nomment", "baptise", "baptisent", "known", "dubbed")

func erForms(stem string) []string {
	var out []string
	for _, suf := range []string{"e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "ant", "a", "er", "èrent", "era", "erait"} {
		out = append(out, stem+suf)
	}
	return out
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func lexicon() map[string]bool {
	m := map[string]bool{}
	for _, list := range []string{frVerbs, enVerbs} {
		for _, l := range strings.Split(list, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				m[strings.ToLower(l)] = true
			}
		}
	}
	for _, s := range extraFRStems {
		for _, w := range erForms(s) {
			m[w] = true
		}
	}
	for _, w := range extraFR {
		m[w] = true
	}
	for _, w := range extraEN {
		m[w] = true
	}
	// Forms that are far more often something else in news text.
	for _, w := range []string{"serait", "sera", "sont", "était", "étaient", "été", "fut", "seront", "seraient",
		"soit", "soient", "ai", "avons", "avez", "ont", "avait", "avaient", "aura", "aurait", "eu", "ait",
		"est", "a", "as", "être", "fait", "faire", "is", "was", "be", "are",
		"tient", "voit", "pense", "note", "cours", "point", "pointe", "lance", "class", "classe",
		"trait", "traite", "avance", "confie", "tweet", "post", "call", "comment", "commente",
		"pest", "peste", "argument", "salut", "nuance", "plaide", "tranche", "relève", "met", "mettent", "reprend", "repris",
		"state", "states", "protester", "protesters", "relevant", "militants"} {
		delete(m, w)
	}
	return m
}

// inciseOnly verbs are cues only right after a quotation ("», note-t-il",
// "», met-il en perspective"), being ordinary verbs elsewhere.
var inciseOnly = set("read", "reads", "met", "reprend", "note", "relève", "avance", "confie", "tranche", "commente", "nuance")

// tok is one word or punctuation mark of the text.
type tok struct {
	s, e  int
	w     string // as written
	lw    string // lower case, ’ as '
	cap   bool   // starts with an upper-case letter
	word  bool
	caps  bool // all upper case, 2+ letters (an acronym)
	elide bool // "l'", "d'", "qu'"
	noun  bool // after a determiner: "his home state", "le dit"
}

// abbrevs keep their period: "Gov. Kasich" is one title and one name.
var abbrevs = set("gov", "sen", "rep", "mr", "mrs", "ms", "dr", "pr", "st", "lt", "gen", "col", "capt", "sgt",
	"rev", "prof", "jr", "sr", "m", "mme", "mlle", "me", "mgr", "ste", "cie", "inc", "corp", "co", "u.s")

var elisions = set("l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu")

// tokens splits text[s:e] into words and punctuation marks.
func tokens(text string, s, e int) []tok {
	var out []tok
	i := s
	for i < e {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if isSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			out = append(out, tok{s: i, e: i + n, w: text[i : i+n], lw: text[i : i+n]})
			i += n
			continue
		}
		j := i
		for j < e {
			r2, n2 := utf8.DecodeRuneInString(text[j:e])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' {
				after := runeAfter(text, j+n2, e)
				if !unicode.IsLetter(after) {
					break
				}
				if elisions[strings.ToLower(text[i:j])] {
					j += n2
					break
				}
				j += n2
				continue
			}
			if (r2 == '-' || r2 == '.') && j > i {
				after := runeAfter(text, j+n2, e)
				if r2 == '-' && unicode.IsLetter(after) {
					j += n2
					continue
				}
				if r2 == '.' && (utf8.RuneCountInString(text[i:j]) == 1 && unicode.IsUpper(runeBefore(text, i, j)) || abbrevs[strings.ToLower(text[i:j])]) {
					j += n2 // an initial or a title: "J.", "Gov.", "M."
				}
			}
			break
		}
		w := text[i:j]
		t := tok{s: i, e: j, w: w, lw: strings.ReplaceAll(strings.ToLower(w), "’", "'"), word: true}
		first, _ := utf8.DecodeRuneInString(w)
		t.cap = unicode.IsUpper(first)
		t.elide = strings.HasSuffix(t.lw, "'")
		letters, upper := 0, 0
		for _, c := range w {
			if unicode.IsLetter(c) {
				letters++
				if unicode.IsUpper(c) {
					upper++
				}
			}
		}
		t.caps = letters >= 2 && upper == letters
		out = append(out, t)
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '@' || r == '_'
}
