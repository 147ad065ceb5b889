// Package entity finds named entities (people, organisations, places and
// other names) in French and English news text and gives them canonical
// names, within an article (Recognizer.Extract) and across the articles of
// a story (Canonicalize).
//
// The recogniser is an averaged structured perceptron over hashed
// features (word, accent-less word, case, shape, affixes, context words
// alone and conjoined with the token's case, the run of capitalised words
// the token is in, sentence position, headline case, gazetteer membership,
// news cues such as titles and company suffixes, word clusters learnt from
// unlabelled text (clusters.go), and document-level evidence: is the word
// also written in lower case in the article, is it capitalised
// mid-sentence elsewhere, which words surround its other capitalised
// occurrences), decoded by Viterbi under BIO constraints; the shipped
// weights average four perceptrons trained on different orders of the
// data.
//
// Document-level rules then apply to clean text only. A document whose
// lower-case words are too often neither dictionary words nor inflections
// of one reads as OCR output (see noisy): that is what the model was
// trained on, and there the rules only cost accuracy, so the model alone
// decides. On clean text: sentence-initial and headline-capitalised common
// words are not names; names headed by institution, event, club or
// lower-case geographic nouns ("Parti socialiste", "Ligue nationale de
// hockey", "université de Lyon", "Coupe du monde 2018", "FC Nantes", "golfe
// du Mexique") are taken whole; name particles join names ("Charles de
// Gaulle", "La Rochelle"); listed organisations, brand-shaped words ("xAI",
// "OpenAI") and capitalised runs holding an unknown word are names; a word
// tagged once is tagged with the same type elsewhere in the article; a
// two-word name whose last word recurs alone is a person; a one-off
// spelling one edit away from a name of the article takes its type. News
// cues (cues.go) then type modern names the historic corpora lack: a
// defining noun ("la société X", "le robot conversationnel X", "la
// société qui a créé X", "développé par X", "sorti sur X") decides a
// name's type in the whole article; short capitalised quotations read as
// titles of works; "les Lakers de Los Angeles" is a team; company, club
// and award tails ("Records", "SV", "Awards"), a maker with a model code
// ("Boeing 747") and listed brands that name no company (products) type
// the name; touching entities join and the names of a list share a type.
// Role cues (roles.go) read what news says of its names: « PDG de X »
// names a company, « la X » an organisation when X is an acronym that
// names no place, « X, entrepreneur et… » or « X, 45 ans » a person, « X,
// une start-up fondée par… » a company, « X juge plausible », « soutenu
// par X » no place, « la Maison Blanche » no person (French gives persons
// no article), and a listed surname leans to a person; a first name with
// surname particles and a name is one person (« Ursula von der Leyen »).
//
// Measured by `go run ./cmd/eval-ner` (exact-match entity micro F1):
// icdar-europeana-fr dev 0.723 (PER/LOC/ORG), hipe2022-newseye-fr dev
// 0.603 (held out of training), wikineural-fr val 0.783 (measurement only;
// ORG 0.61, MISC 0.61), wikiann-fr dev 0.387.
//
// The tokeniser is the package's own (not internal/segment) because the
// model's features must see the tokens it was trained on: words keep
// inner hyphens and apostrophes, French elisions ("l’") are split off as
// in the corpora.
package entity

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/extract/entity/gazetteer"
	"github.com/recoupe/recoupe/news"
)

//go:embed model.bin.gz
var embeddedModel []byte

//go:embed clusters.txt.gz
var embeddedClusters []byte

// ModelFile is the model's file name in this package's directory.
const ModelFile = "model.bin.gz"

// Recognizer tags named entities. It is safe for concurrent use.
type Recognizer struct {
	gaz   *gazetteer.Gazetteer
	model *model
	// clusters maps folded words to their cluster (clusters.go).
	clusters map[string]clus
	bufs     sync.Pool // *lattice
	// noPost skips the document-level rules (experiments).
	noPost bool
}

var (
	loadOnce sync.Once
	loaded   *Recognizer
	loadErr  error
)

// New loads the embedded model and gazetteers (once per process; later
// calls share them).
func New() (*Recognizer, error) {
	loadOnce.Do(func() {
		loaded, loadErr = NewFromModel(embeddedModel)
	})
	return loaded, loadErr
}

// NewFromModel builds a recogniser from an encoded model file (as written
// by Train) and the embedded gazetteers.
func NewFromModel(b []byte) (*Recognizer, error) {
	// The two loads are independent: run them side by side.
	var (
		g    *gazetteer.Gazetteer
		gErr error
		cl   map[string]clus
		cErr error
		wg   sync.WaitGroup
	)
	wg.Go(func() { g, gErr = gazetteer.Load() })
	wg.Go(func() { cl, cErr = decodeClusters(embeddedClusters) })
	m, err := decodeModel(b)
	wg.Wait()
	if gErr != nil {
		return nil, gErr
	}
	if cErr != nil {
		return nil, cErr
	}
	if err != nil {
		return nil, err
	}
	return &Recognizer{gaz: g, model: m, clusters: cl}, nil
}

// TagDocument tags the sentences of one document (already tokenised) and
// returns BIO tags, document-level rules included. Evaluation uses it.
func (r *Recognizer) TagDocument(sents [][]string) [][]string {
	_, tags := r.tagDoc(sents)
	out := make([][]string, len(tags))
	for i, ts := range tags {
		out[i] = make([]string, len(ts))
		for k, t := range ts {
			out[i][k] = labels[t]
		}
	}
	return out
}

func (r *Recognizer) tagDoc(sents [][]string) ([][]tokInfo, [][]int) {
	ctx := &docCtx{lowerSeen: map[string]bool{}, capMid: map[string]bool{}}
	infos := make([][]tokInfo, len(sents))
	cache := stems{}
	for i, s := range sents {
		infos[i] = make([]tokInfo, len(s))
		r.analyze(s, infos[i], cache)
		ctx.add(infos[i])
	}
	tags := make([][]int, len(sents))
	lt, ok := r.bufs.Get().(*lattice)
	if !ok {
		lt = new(lattice)
	}
	for i := range sents {
		ctx.apply(infos[i])
		tags[i] = make([]int, len(sents[i]))
		r.model.tagSentence(infos[i], tags[i], lt)
	}
	r.bufs.Put(lt)
	if !r.noPost {
		r.postprocess(sents, infos, tags, r.noisy(sents, infos, cache))
	}
	return infos, tags
}

// weak reports whether a capitalised token is more likely a common word
// than a name: it starts a sentence or sits in a headline, is a dictionary
// word, is no known name, and is never capitalised mid-sentence elsewhere.
// The dictionaries are French and English, so headline words of either
// language ("Propose", "QUITS") count as common words.
func weak(ti *tokInfo) bool {
	if ti.flags&(fInitial|fTitleLine|fCapsLine) == 0 || ti.flags&fDocCapMid != 0 {
		return false
	}
	if ti.gaz&(gazetteer.First|gazetteer.Surname|gazetteer.Proper|gazetteer.City) != 0 {
		return false
	}
	return ti.gaz&gazetteer.Word != 0 || ti.flags&fStem != 0 && ti.flags&fMixed == 0
}

func capitalised(ti *tokInfo) bool { return ti.flags&(fCap|fAllCap|fMixed) != 0 }

func typeOf(t int) int { return (t + 1) / 2 } // 0 O, 1 PER, 2 LOC, 3 ORG, 4 MISC

type span struct{ s, e, typ int }

func spansOf(tags []int) []span {
	var out []span
	for i := 0; i < len(tags); {
		if tags[i] == 0 {
			i++
			continue
		}
		typ := typeOf(tags[i])
		j := i + 1
		for j < len(tags) && tags[j] != 0 && tags[j]%2 == 0 && typeOf(tags[j]) == typ {
			j++
		}
		out = append(out, span{i, j, typ})
		i = j
	}
	return out
}

func setSpan(tags []int, s, e, typ int) {
	for k := s; k < e; k++ {
		if typ == 0 {
			tags[k] = 0
		} else if k == s {
			tags[k] = 2*typ - 1
		} else {
			tags[k] = 2 * typ
		}
	}
}

// camelCase reports a brand-like word: letters and digits only, at least
// three, with a capital right after a lower-case letter ("OpenAI", "xAI",
// "iPhone"), not OCR debris like "aS".
func camelCase(w string) bool {
	n, uppers, hump, lowerAfterUpper := 0, 0, false, false
	var prev, first rune
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
		if n == 0 {
			first = r
		}
		if unicode.IsUpper(r) {
			uppers++
			if unicode.IsLower(prev) {
				hump = true
			}
		} else if unicode.IsLower(r) && unicode.IsUpper(prev) {
			lowerAfterUpper = true
		}
		prev = r
		n++
	}
	// A lower-case start needs more than one final capital: "xAI",
	// "iPhone", not OCR debris like "quI".
	if unicode.IsLower(first) && uppers < 2 && !lowerAfterUpper {
		return false
	}
	return hump && n >= 3
}

// midCap reports a capitalised word inside a sentence: not its first
// word, not in a headline, not after an opening quote or colon.
func midCap(words []string, in []tokInfo, k int) bool {
	ti := &in[k]
	if ti.flags&fCap == 0 || ti.flags&(fInitial|fTitleLine|fCapsLine) != 0 || startsWithDigit(words[k]) {
		return false
	}
	return k > 0 && !isOpener(words[k-1]) && words[k-1] != "." && ti.alt != 0
}

// brandShape reports the CamelCase shapes of modern brand names that OCR
// seldom produces by gluing words together: a lower-case start ("xAI",
// "iPhone") or an acronym ending ("OpenAI"); "SoftBank" and "SpaceX" are
// left to the model, like OCR's "TerreNeuve" and "LochrisL".
func brandShape(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsLower(r) {
		return true
	}
	caps := 0
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		if !unicode.IsUpper(r) {
			break
		}
		caps++
		w = w[:len(w)-n]
	}
	return caps >= 2
}

// lowerAcronym reports a lower-case letter and two or three capitals
// ("xAI", "iOS").
func lowerAcronym(w string) bool {
	if len(w) < 3 || len(w) > 4 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func isConj(w string) bool { return w == "et" || w == "ou" || w == "and" || w == "or" || w == "&" }

func startsWithDigit(w string) bool { return w != "" && '0' <= w[0] && w[0] <= '9' }

// breaks reports whether a token cannot be inside a name.
func breaks(w string) bool {
	switch w {
	case "(", ")", "[", "]", ",", ";", ":", "«", "»", "\"", "“", "”", "!", "?", "|", "/":
		return true
	}
	return false
}

// noiseShare is the share of unknown lower-case words above which a
// document reads as OCR output. With verb forms and inflections known
// (inflected), clean Wikipedia text (wikineural val, 30-sentence windows)
// has a median share of 0.020 and a 90th percentile of 0.033, while the
// OCR'd newspapers of icdar dev have a 10th percentile of 0.044; every
// clean seed article is below it. (Before inflections were known, the
// threshold was 0.075 and 14% of the wikineural windows read as OCR.)
const noiseShare = 0.04

// maxNoiseWords is how many words noisy reads at most (stemming is the
// costly part).
const maxNoiseWords = 400

// noisy reports whether a document reads like OCR output: more than
// noiseShare of its lower-case words of four letters or more (the first
// maxNoiseWords) are neither dictionary words nor inflections of one.
func (r *Recognizer) noisy(sents [][]string, infos [][]tokInfo, c stems) bool {
	n, bad := 0, 0
	for i := range sents {
		for k, w := range sents[i] {
			ti := &infos[i][k]
			if ti.flags&(fCap|fAllCap|fMixed|fDigit) != 0 || ti.flags&fLetter == 0 || len(w) < 4 || len(w) > 40 || ti.lower != w {
				continue
			}
			letters := true
			for _, c := range w {
				letters = letters && (unicode.IsLetter(c) || c == '-' || c == '\'')
			}
			if !letters {
				continue
			}
			n++
			if !r.known(w, c) {
				bad++
			}
			if n == maxNoiseWords {
				return float64(bad) > noiseShare*float64(n)+noiseSlack
			}
		}
	}
	// One or two unknown words in a short text are names or rare words,
	// not OCR noise.
	return float64(bad) > noiseShare*float64(n)+noiseSlack
}

// noiseSlack is how many unknown words the gate forgives on top of
// noiseShare.
const noiseSlack = 2

// known reports a dictionary word or an inflection of one; plurals are
// tried before the costly stemming.
func (r *Recognizer) known(w string, c stems) bool {
	if r.gaz.Lookup(w)&gazetteer.Word != 0 {
		return true
	}
	if n := len(w); n > 4 && (w[n-1] == 's' || w[n-1] == 'x') && r.gaz.Lookup(w[:n-1])&gazetteer.Word != 0 {
		return true
	}
	if r.commonStem(w, c) {
		return true
	}
	return r.inflected(w)
}

// frequentForms are the commonest French verb forms that no rule of
// inflected derives from a dictionary lemma (the dictionary lists lemmas,
// and Snowball leaves "sont" or "peut" alone).
var frequentForms = wordSet(
	"sont", "était", "étaient", "étant", "serait", "seraient", "sera", "seront", "furent", "avait", "avaient",
	"aurait", "auraient", "aura", "auront", "eurent", "peut", "peuvent", "pouvait", "pourrait", "pourra", "doit",
	"doivent", "devait", "devrait", "veut", "veulent", "voulait", "voudrait", "fait", "font", "faisait", "fera",
	"ferait", "vont", "allait", "ira", "dont", "fut", "reçoit", "reçu", "reçue", "obtenu", "obtenue", "devenu",
	"devenue", "venu", "venue", "tenu", "tenue", "pris", "prise", "mise", "mort", "morte", "née", "nées", "vécu",
	"connu", "connue", "rejoint", "rejoignent", "atteint", "sait", "savait", "faut", "fallait", "vaut", "doivent",
	"meurt", "naît", "rend", "vient", "viennent", "tient", "tiennent", "lui", "leur", "leurs", "elles",
)

// inflectedEndings map endings of inflected French (and English) forms to
// the endings of their lemmas: "demandent" → "demander", "attendent" →
// "attendre", "obtient" → "obtenir", "permet" → "permettre", "française"
// → "français", "countries" → "country".
var inflectedEndings = []struct{ form, lemma string }{
	{"ient", "enir"}, {"iennent", "enir"}, {"ent", "er"}, {"ent", "re"}, {"ent", "ir"}, {"aient", "er"},
	{"aient", "re"}, {"aient", "ir"}, {"ait", "er"}, {"ait", "re"}, {"ait", "ir"}, {"it", "ire"}, {"it", "ir"},
	{"ît", "ître"}, {"t", "tre"}, {"d", "dre"}, {"oit", "oir"}, {"e", ""}, {"es", ""}, {"rice", "eur"},
	{"rices", "eur"}, {"euse", "eur"}, {"euses", "eur"}, {"aux", "al"}, {"aux", "ail"}, {"ive", "if"},
	{"ives", "if"}, {"ère", "er"}, {"ères", "er"}, {"elle", "el"}, {"elles", "el"}, {"enne", "en"},
	{"ennes", "en"}, {"ée", "é"}, {"ées", "é"}, {"és", "é"},
	// English: "jumped", "welcomed", "agreed", "countries", "trading", "sharply".
	{"ed", ""}, {"ed", "e"}, {"eed", "ee"}, {"ied", "y"}, {"ies", "y"}, {"ing", ""}, {"ing", "e"}, {"ly", ""},
	{"ily", "y"}, {"es", ""},
}

// inflected reports a frequent verb form or an inflection of a dictionary
// lemma by one of inflectedEndings (clean text has many; OCR debris seldom
// ends that way and becomes a lemma).
func (r *Recognizer) inflected(w string) bool {
	if frequentForms[w] {
		return true
	}
	var buf [64]byte
	for _, x := range inflectedEndings {
		if len(w) < len(x.form)+3 || !strings.HasSuffix(w, x.form) {
			continue
		}
		stem := w[:len(w)-len(x.form)]
		if len(stem)+len(x.lemma) > len(buf) {
			continue
		}
		b := append(append(buf[:0], stem...), x.lemma...)
		if r.gaz.LookupBytes(b)&gazetteer.Word != 0 {
			return true
		}
	}
	return false
}

func (r *Recognizer) postprocess(sents [][]string, infos [][]tokInfo, tags [][]int, ocr bool) {
	for i := range tags {
		streetNames(sents[i], tags[i])
	}
	if ocr {
		// The model was trained on OCR'd newspapers: on such text it
		// knows best, and the rules below, written for clean modern news,
		// only cost accuracy (icdar dev 70.2 without them, 67.4 with).
		return
	}
	// Split entities at brackets, commas and quotes (names do not span
	// them); drop a sentence-initial common word from an entity's start
	// ("Pendant", "Cette"), and pieces with no capitalised word that is not
	// such a common word, or that start with a digit ("30hXNUMX").
	for i := range tags {
		in := infos[i]
		for _, sp := range spansOf(tags[i]) {
			setSpan(tags[i], sp.s, sp.e, 0)
			for s := sp.s; s < sp.e; {
				e := s + 1
				for e < sp.e && !breaks(sents[i][e]) {
					e++
				}
				next := e
				for s < e && (weak(&in[s]) && in[s].flags&fInitial != 0 || breaks(sents[i][s])) {
					s++
				}
				name := false
				for k := s; k < e; k++ {
					name = name || capitalised(&in[k]) && !weak(&in[k])
				}
				if s < e && name && !startsWithDigit(sents[i][s]) {
					setSpan(tags[i], s, e, sp.typ)
				}
				s = next
			}
		}
	}
	r.markOrgAcronyms(infos)
	links := r.grow(sents, infos, tags)
	// Votes: each capitalised, non-weak word of an entity votes for its type
	// (a word of a longer name only if the article never writes it in lower
	// case: "Musk" of "Elon Musk" votes, "maison" of "Maison Blanche" may not).
	votes := map[string]*[5]int{}
	for i := range tags {
		for _, sp := range spansOf(tags[i]) {
			for k := sp.s; k < sp.e; k++ {
				ti := &infos[i][k]
				if !capitalised(ti) || weak(ti) || ti.flags&fDocLower != 0 && sp.e-sp.s > 1 {
					continue
				}
				v := votes[ti.lower]
				if v == nil {
					v = new([5]int)
					votes[ti.lower] = v
				}
				w := 1
				if sp.e-sp.s == 1 {
					w = 2
				}
				v[sp.typ] += w
			}
		}
	}
	best := func(v *[5]int) int {
		b := 1
		for t := 2; t <= 4; t++ {
			if v[t] > v[b] {
				b = t
			}
		}
		return b
	}
	// Candidates for near-spellings, by first byte and length (at most
	// maxNear each, which keeps the pass linear on adversarial input).
	type shapeKey struct {
		first byte
		n     int
	}
	const maxNear = 16
	byShape := map[shapeKey][]string{}
	for _, key := range sortedKeys(votes) {
		if len(key) >= 4 && len(key) <= 64 {
			sk := shapeKey{key[0], len(key)}
			if len(byShape[sk]) < maxNear {
				byShape[sk] = append(byShape[sk], key)
			}
		}
	}
	for i := range tags {
		in, ts := infos[i], tags[i]
		for k := range ts {
			ti := &in[k]
			free := ts[k] == 0 && (k == 0 || ts[k-1] == 0) && (k+1 == len(ts) || ts[k+1] == 0)
			single := ts[k]%2 == 1 && (k+1 == len(ts) || ts[k+1]%2 == 1 || ts[k+1] == 0)
			if !capitalised(ti) || weak(ti) {
				continue
			}
			if v := votes[ti.lower]; v != nil {
				if free || single {
					setSpan(ts, k, k+1, best(v))
				}
				continue
			}
			// Near-spellings of a name of the article ("Musc" beside "Musk").
			if !free || ti.flags&(fInitial|fTitleLine|fCapsLine) != 0 || ti.flags&fAllCap != 0 {
				continue
			}
			if ti.gaz != 0 && ti.gaz != gazetteer.Word || len(ti.lower) < 4 {
				continue
			}
		near:
			for d := -1; d <= 1; d++ {
				for _, key := range byShape[shapeKey{ti.lower[0], len(ti.lower) + d}] {
					if osa(key, ti.lower, 2) == 1 {
						setSpan(ts, k, k+1, best(votes[key]))
						break near
					}
				}
			}
		}
	}
	// Names trimmed of a trailing title or article ("Trump La" in a
	// headline run into the text) and joined where they touch ("Elon"
	// "Musk") before retype, which votes by a name's whole form.
	for i := range tags {
		dropTitles(tags[i], infos[i])
		joinAdjacent(sents[i], infos[i], tags[i])
	}
	r.retype(infos, tags, links)
	known := func(w string) bool { return r.known(w, nil) }
	for i := range tags {
		sportsTeams(sents[i], infos[i], tags[i])
		quotedTitles(sents[i], infos[i], tags[i], known)
		numberedNames(sents[i], tags[i])
		modelNames(sents[i], infos[i], tags[i])
		dropTitles(tags[i], infos[i])
		joinAdjacent(sents[i], infos[i], tags[i])
		enumerations(sents[i], tags[i])
	}
	dropCommonAcronyms(sents, infos, tags)
}

// grow adds names the model missed (clean text only): capitalised runs
// ending with an acronym ("Open AI") or holding a word no dictionary knows,
// names headed by institution, event, club and geographic nouns, names
// joined by particles, listed organisations and countries, brand-shaped
// CamelCase words that are no dictionary words ("xAI"), a known first name
// with the capitalised word after it or the name after it, the second of
// "A et B", and the capitalised words around a name.
// link records "A et B": B takes A's final type.
type link struct{ sent, from, to int }

func (r *Recognizer) grow(sents [][]string, infos [][]tokInfo, tags [][]int) []link {
	var links []link
	// Brand-shaped words count only when the article repeats them: OCR
	// debris ("iTapa", "prvLA") seldom comes twice.
	camels := map[string]int{}
	for i := range sents {
		for k, w := range sents[i] {
			if infos[i][k].flags&fMixed != 0 && camelCase(w) {
				camels[w]++
			}
		}
	}
	for i, ts := range tags {
		in := infos[i]
		// French capitalises names, not nouns: a run of two or more
		// capitalised words inside a sentence is a name when one of them is
		// no dictionary word or it ends with an acronym ("Open AI").
		for k := 0; k < len(ts); {
			e := k
			for e < len(ts) && ts[e] == 0 && midCap(sents[i], in, e) {
				e++
			}
			if e == k {
				k++
				continue
			}
			known := 0 // words of the run that are dictionary words
			for j := k; j < e; j++ {
				if in[j].gaz&gazetteer.Word != 0 || in[j].flags&fStem != 0 {
					known++
				}
			}
			if e-k >= 2 && (in[e-1].flags&fAllCap != 0 || known < e-k) && (k == 0 || ts[k-1] == 0) && (e == len(ts) || ts[e] == 0) {
				setSpan(ts, k, e, int(in[k].alt))
			}
			k = e
		}
		// Names headed by an institution or event noun ("Parti socialiste",
		// "Banque de France", "Coupe du Monde") are organisations or other
		// names as a whole, whatever the model said of their parts.
		for k := 0; k < len(ts); k++ {
			e, typ := headedName(sents[i], in, k)
			s := k
			if typ != 0 && k > 0 && in[k-1].flags&fCap != 0 && ordinalPrefixes[in[k-1].lower] && in[k].flags&fCap != 0 {
				s = k - 1 // "Seconde Guerre mondiale", "Grand Prix de Monaco"
			}
			if typ == 0 || s > 0 && ts[s] != 0 && ts[s]%2 == 0 || e < len(ts) && ts[e] != 0 && ts[e]%2 == 0 {
				continue
			}
			setSpan(ts, s, e, typ)
			k = e - 1
		}
		particles(sents[i], in, ts)
		definedNames(sents[i], in, ts)
		businessNames(sents[i], in, ts)
		orgAcronyms(in, ts)
		speakerNames(sents[i], in, ts)
		appositionNames(sents[i], in, ts)
		// A listed organisation or country written capitalised inside a
		// sentence is one.
		for k := range ts {
			if ts[k] != 0 || !midCap(sents[i], in, k) || weak(&in[k]) || (k > 0 && ts[k-1] != 0) || (k+1 < len(ts) && (ts[k+1] != 0 || capitalised(&in[k+1]))) {
				continue
			}
			switch g := in[k].gaz; {
			case g&gazetteer.Brand == gazetteer.Brand:
				setSpan(ts, k, k+1, 4)
			case g&gazetteer.Org != 0:
				setSpan(ts, k, k+1, 3)
			case g&gazetteer.Place != 0:
				setSpan(ts, k, k+1, 2)
			}
		}
		for k := range ts {
			ti := &in[k]
			if ts[k] == 0 && camelCase(sents[i][k]) && brandShape(sents[i][k]) && (camels[sents[i][k]] >= 2 || lowerAcronym(sents[i][k])) && ti.flags&fInitial == 0 && ti.gaz&gazetteer.Word == 0 &&
				ti.flags&fLetter != 0 && !startsWithDigit(sents[i][k]) && (k == 0 || ts[k-1] == 0) {
				setSpan(ts, k, k+1, 3)
			}
		}
		// A known first name followed by a capitalised word inside a
		// sentence is a person ("Elon Musk"), whatever the model said of
		// either word alone.
		for k := 0; k+1 < len(ts); k++ {
			a, b := &in[k], &in[k+1]
			if a.gaz&gazetteer.First == 0 || a.flags&fCap == 0 || a.flags&fAllCap != 0 || weak(a) ||
				!midCap(sents[i], in, k+1) || weak(b) || b.gaz&gazetteer.First != 0 {
				continue
			}
			if k > 0 && ts[k] != 0 && ts[k]%2 == 0 || k+2 < len(ts) && ts[k+2] != 0 && ts[k+2]%2 == 0 {
				continue // inside a longer name
			}
			if k+2 < len(ts) && capitalised(&in[k+2]) {
				continue
			}
			setSpan(ts, k, k+2, 1)
		}
		compoundSurnames(sents[i], in, ts)
		for _, sp := range spansOf(ts) {
			// A known first name just before a name belongs to it ("Sam" Altman).
			if s := sp.s - 1; s >= 0 && ts[s] == 0 && in[s].flags&fCap != 0 && in[s].gaz&gazetteer.First != 0 {
				setSpan(ts, s, sp.e, sp.typ)
				sp.s = s
			}
			// Enumerations: "SoftBank et Oracle" names two of a kind.
			if c := sp.e; c+1 < len(ts) && ts[c] == 0 && ts[c+1] == 0 && isConj(in[c].lower) && in[c+1].flags&fCap != 0 &&
				!weak(&in[c+1]) && in[c+1].flags&fInitial == 0 && (c+2 == len(ts) || !capitalised(&in[c+2])) {
				setSpan(ts, c+1, c+2, sp.typ)
				links = append(links, link{i, sp.s, c + 1})
			}
			// A one-word name followed by a capitalised word that the
			// article capitalises mid-sentence elsewhere too ("Elon" Musk).
			if e := sp.e; sp.e == sp.s+1 && e < len(ts) && ts[e] == 0 && !weak(&in[e]) && in[e].flags&fDocCapMid != 0 &&
				midCap(sents[i], in, e) && !startsWithDigit(sents[i][e]) && (e+1 == len(ts) || !capitalised(&in[e+1])) {
				setSpan(ts, sp.s, e+1, sp.typ)
			} else {
				// Any name with the capitalised words after it that are no
				// common words, or are acronyms or capitalised elsewhere too.
				e := sp.e
				for e < len(ts) && ts[e] == 0 && midCap(sents[i], in, e) && !weak(&in[e]) && !startsWithDigit(sents[i][e]) &&
					(in[e].gaz&gazetteer.Word == 0 || in[e].flags&(fAllCap|fDocCapMid) != 0) {
					e++
				}
				if e > sp.e {
					setSpan(ts, sp.s, e, sp.typ)
				}
			}
			{
				// A capitalised word just before a name ("New" York).
				// Not a common word before a first name and a surname:
				// « l'Intérieur Mathilde K. » names a ministry, then its
				// minister ("Port Louis", « la Maison Blanche » aside).
				if s := sp.s - 1; s >= 0 && ts[s] == 0 && midCap(sents[i], in, s) && !weak(&in[s]) && in[s].flags&fAllCap == 0 &&
					!titleCues[strings.TrimSuffix(in[s].lower, ".")] && (s == 0 || !capitalised(&in[s-1])) &&
					!(sp.e-sp.s >= 2 && in[sp.s].gaz&gazetteer.First != 0 && (in[s].gaz&gazetteer.Word != 0 || in[s].flags&fStem != 0) && !townPrefixes[in[s].lower]) {
					setSpan(ts, s, spanEnd(ts, sp.s), sp.typ)
				}
			}
		}
	}
	return links
}

// spanStart returns the first token of the entity holding token k.
func spanStart(ts []int, k int) int {
	for k > 0 && ts[k] != 0 && ts[k]%2 == 0 {
		k--
	}
	return k
}

// spanEnd returns the end of the entity starting or continuing at k.
func spanEnd(ts []int, k int) int {
	e := k + 1
	for e < len(ts) && ts[e] != 0 && ts[e]%2 == 0 {
		e++
	}
	return e
}

// particles joins the parts of French names around articles and the
// particle "de": a capitalised article inside a sentence belongs to the
// name after it ("à La Rochelle", "Le Monde"), and "Charles de Gaulle",
// "Pierre de Coubertin", "Saint-Jean de Luz" are one name, not two.
func particles(words []string, in []tokInfo, ts []int) {
	for k := 0; k+1 < len(ts); k++ {
		switch in[k].lower {
		case "le", "la", "les", "l'":
		default:
			continue
		}
		if ts[k] != 0 || !midCap(words, in, k) || in[k+1].flags&fCap == 0 || weak(&in[k+1]) {
			continue
		}
		if ts[k+1] != 0 && ts[k+1]%2 == 1 {
			e := spanEnd(ts, k+1)
			setSpan(ts, k, e, typeOf(ts[k+1]))
		} else if ts[k+1] == 0 && in[k+1].gaz&gazetteer.Word == 0 && (k+2 == len(ts) || ts[k+2] == 0 || ts[k+2]%2 == 1) {
			setSpan(ts, k, k+2, int(in[k+1].alt))
		}
	}
	for k := 0; k+2 < len(ts); k++ {
		a := &in[k]
		if a.flags&fCap == 0 || a.flags&fAllCap != 0 || a.gaz&gazetteer.Word != 0 || titleCues[strings.TrimSuffix(a.lower, ".")] {
			continue
		}
		// The particle must follow the name's last word: the next tag
		// does not continue the span (spanEnd would rescan a long span
		// from every word of it).
		if ts[k] == 0 && !midCap(words, in, k) || ts[k] != 0 && ts[k+1] != 0 && ts[k+1]%2 == 0 {
			continue
		}
		p := k + 1
		switch in[p].lower {
		case "de", "d'", "du", "des":
		default:
			continue
		}
		q := p + 1
		if in[p].lower == "de" && q+1 < len(ts) && (in[q].lower == "la" || in[q].lower == "l'") && in[q].flags&fCap == 0 {
			q++
		}
		if q >= len(ts) || ts[p] != 0 || in[q].flags&fCap == 0 || weak(&in[q]) || in[q].flags&fInitial != 0 || breaks(words[q]) {
			continue
		}
		if ts[q] != 0 && ts[q]%2 == 0 {
			continue
		}
		s := spanStart(ts, k)
		e := q + 1
		if ts[q] != 0 {
			e = spanEnd(ts, q)
		} else if in[q].gaz&gazetteer.Word != 0 {
			continue
		}
		typ := int(in[k].alt)
		if ts[k] != 0 {
			typ = typeOf(ts[k])
		} else if ts[q] != 0 {
			typ = typeOf(ts[q])
		}
		setSpan(ts, s, e, typ)
		k = e - 1
	}
}

// retype gives every form of a name one type per document: the model's
// votes plus the cue, gazetteer and shape evidence of all its mentions.
func (r *Recognizer) retype(infos [][]tokInfo, tags [][]int, links []link) {
	key := func(i int, sp span) string {
		var b strings.Builder
		for k := sp.s; k < sp.e; k++ {
			if k > sp.s {
				b.WriteByte(' ')
			}
			b.WriteString(infos[i][k].lower)
		}
		return b.String()
	}
	votes := map[string]*[5]int{}
	evid := map[string]*[5]int{}   // the non-model part, which breaks ties
	count := map[string]int{}      // mentions per key
	firstWord := map[string]bool{} // two-word keys whose first word may be a first name
	def := map[string]*[5]int{}    // defining cues (definingCue) per key
	for i, ts := range tags {
		for _, sp := range spansOf(ts) {
			k := key(i, sp)
			v := votes[k]
			if v == nil {
				v = new([5]int)
				votes[k] = v
				evid[k] = new([5]int)
			}
			count[k]++
			if t := definingCue(infos[i], sp.s); t != 0 && !personLike(infos[i], sp.s, sp.e) {
				if def[k] == nil {
					def[k] = new([5]int)
				}
				def[k][t]++
			}
			if sp.e-sp.s == 2 {
				a := &infos[i][sp.s]
				b := &infos[i][sp.s+1]
				firstWord[k] = a.flags&fCap != 0 && a.flags&(fAllCap|fStem) == 0 && (a.flags&fMixed == 0 || a.shape == "Xx-Xx") && a.gaz&(gazetteer.Word|gazetteer.City|gazetteer.Place|gazetteer.Org) == 0 &&
					!orgHeads[a.lower] && !miscHeads[a.lower] && capitalised(b) && b.gaz&(gazetteer.City|gazetteer.Place|gazetteer.Org) == 0
			}
			var ev [5]int
			evidence(infos[i], sp.s, sp.e, &ev)
			v[sp.typ] += 2
			for t, n := range ev {
				v[t] += n
				evid[k][t] += n
			}
		}
	}
	// News names a person in full once, then by the last name alone: a
	// two-word name whose last word is also a name on its own in the
	// article ("Elon Musk" … "Musk") is a person, unless its first word is
	// a common word ("Banque Lazard") or the last word names places
	// elsewhere. A person's full name also lends its votes to its last word.
	for _, k := range sortedKeys(votes) {
		v := votes[k]
		j := strings.LastIndexByte(k, ' ')
		if j <= 0 {
			continue
		}
		w := votes[k[j+1:]]
		if w == nil {
			continue
		}
		if strings.IndexByte(k[:j], ' ') < 0 && firstWord[k] {
			n := cueWeight * (count[k] + count[k[j+1:]])
			v[1] += n
			w[1] += n
		}
		if v[1] > v[2] && v[1] > v[3] && v[1] > v[4] {
			w[1] += v[1]
		}
	}
	// A one-word name met once that is one edit away from a name met
	// several times ("Musc" beside "Musk") is a misspelling of it: it takes
	// that name's votes. Candidates are indexed by first byte and length,
	// at most maxNear each, which keeps the pass linear.
	type shapeKey struct {
		first byte
		n     int
	}
	const maxNear = 16
	byShape := map[shapeKey][]string{}
	keys := sortedKeys(votes)
	for _, k := range keys {
		if count[k] >= 2 && len(k) >= 4 && len(k) <= 64 && strings.IndexByte(k, ' ') < 0 {
			sk := shapeKey{k[0], len(k)}
			if len(byShape[sk]) < maxNear {
				byShape[sk] = append(byShape[sk], k)
			}
		}
	}
	// A name written in two words where the article also writes it as one
	// ("Open AI" beside "OpenAI") is the same name: it takes its votes.
	for _, k := range keys {
		if strings.IndexByte(k, ' ') < 0 || len(k) > 64 {
			continue
		}
		if o := strings.ReplaceAll(k, " ", ""); votes[o] != nil && count[o] > count[k] {
			votes[k], evid[k] = votes[o], evid[o]
		}
	}
	for _, k := range keys {
		if count[k] != 1 || len(k) < 4 || len(k) > 64 || strings.IndexByte(k, ' ') >= 0 {
			continue
		}
	near:
		for d := -1; d <= 1; d++ {
			for _, o := range byShape[shapeKey{k[0], len(k) + d}] {
				if osa(o, k, 2) == 1 {
					votes[k], evid[k] = votes[o], evid[o]
					break near
				}
			}
		}
	}
	for i, ts := range tags {
		for _, sp := range spansOf(ts) {
			k := key(i, sp)
			v, ev := votes[k], evid[k]
			b := sp.typ
			for t := 1; t <= 4; t++ {
				if v[t] > v[b] || v[t] == v[b] && ev[t] > ev[b] {
					b = t
				}
			}
			if d := def[k]; d != nil {
				// A name the article defines takes the type its definition
				// gives, when the definitions agree.
				if d[3] > d[4] {
					b = 3
				} else if d[4] > d[3] {
					b = 4
				}
			}
			if b != sp.typ {
				setSpan(ts, sp.s, sp.e, b)
			}
		}
	}
	for _, l := range links {
		ts := tags[l.sent]
		if ts[l.from] != 0 && ts[l.to]%2 == 1 && (l.to+1 == len(ts) || ts[l.to+1]%2 == 1 || ts[l.to+1] == 0) {
			setSpan(ts, l.to, l.to+1, typeOf(ts[l.from]))
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

var typeNames = [...]news.EntityType{"", news.PER, news.LOC, news.ORG, news.MISC}

// weekdays are never names, though capitalised in English and at the
// start of French sentences; nor are the months that are not also names
// (May, June, April, August, « Mars », « Juin » can be).
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"january": true, "february": true, "march": true, "july": true, "september": true, "october": true,
	"november": true, "december": true, "janvier": true, "février": true, "avril": true, "juillet": true,
	"août": true, "septembre": true, "octobre": true, "novembre": true, "décembre": true,
}

// nameParticles may open a name in lower case ("de Villepin", "von der
// Leyen").
var nameParticles = map[string]bool{
	"de": true, "d'": true, "d’": true, "du": true, "des": true, "von": true, "van": true, "der": true, "den": true,
	"al": true, "el": true, "la": true, "le": true, "di": true, "da": true, "dos": true, "del": true, "ben": true, "bin": true,
}

// nameLike rejects spans that cannot be names: a lone weekday, or a run
// opened by a lower-case word that is neither a particle nor a head that
// French writes in lower case ("université", "golfe") nor a brand shape
// ("xAI"): "acheter Twitter" after an opening quotation mark.
func nameLike(words []string) bool {
	if len(words) == 1 && weekdays[strings.ToLower(words[0])] {
		return false
	}
	w := words[0]
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return true
	}
	lw := strings.ToLower(w)
	if nameParticles[lw] || lowerHeads[lw] || geoHeads[lw] || streetHeads[lw] {
		return true
	}
	return strings.IndexFunc(w, unicode.IsUpper) > 0 // "xAI", "iPhone"
}

// Extract returns the article's entity mentions, sorted by span. Name is
// the mention's canonical name within the article: a person's short form
// ("Musk") takes the full name it abbreviates ("Elon Musk") when the
// article gives exactly one.
func (r *Recognizer) Extract(a *news.Article) []news.Mention {
	if a == nil || a.Text == "" {
		return nil
	}
	text := a.Text
	toks := tokenize(text)
	starts := sentences(toks)
	sents := make([][]string, len(starts))
	for i, s := range starts {
		e := len(toks)
		if i+1 < len(starts) {
			e = starts[i+1]
		}
		words := make([]string, e-s)
		for k := s; k < e; k++ {
			words[k-s] = toks[k].text
		}
		sents[i] = words
	}
	_, tags := r.tagDoc(sents)
	var out []news.Mention
	var toksOf [][]string
	for i, ts := range tags {
		base := starts[i]
		for _, sp := range spansOf(ts) {
			first, last := toks[base+sp.s], toks[base+sp.e-1]
			words := make([]string, 0, sp.e-sp.s)
			for k := sp.s; k < sp.e; k++ {
				words = append(words, toks[base+k].text)
			}
			if !nameLike(words) {
				continue
			}
			out = append(out, news.Mention{
				Span: news.Span{Start: first.start, End: last.end},
				Text: text[first.start:last.end],
				Type: typeNames[sp.typ],
				Name: strings.Join(words, " "),
			})
			toksOf = append(toksOf, words)
		}
	}
	nameWithin(out, toksOf)
	preferCase(out)
	return out
}

// preferCase writes each Name the way the article writes it in running
// text: "SOLENE GARRADET" from a headline becomes "Solene Garradet" when the
// body has that form.
func preferCase(ms []news.Mention) {
	best := map[string]string{}
	for _, m := range ms {
		k := strings.ToLower(m.Name)
		if b, ok := best[k]; !ok || isUpperText(b) && !isUpperText(m.Name) {
			best[k] = m.Name
		}
	}
	for i := range ms {
		ms[i].Name = best[strings.ToLower(ms[i].Name)]
	}
}

func isUpperText(s string) bool { return strings.ToUpper(s) == s }

// nameWithin sets the Name of short person mentions to the unique longer
// person name of the article that starts or ends with them. Full names are
// indexed by their first and last words, so the pass stays linear.
func nameWithin(ms []news.Mention, toks [][]string) {
	const maxNames = 4 // distinct full names kept per word: more is ambiguous anyway
	index := map[string][]int{}
	for j := range ms {
		if ms[j].Type != news.PER || len(toks[j]) < 2 {
			continue
		}
		for _, w := range []string{toks[j][0], toks[j][len(toks[j])-1]} {
			w = strings.ToLower(w)
			dup := false
			for _, o := range index[w] {
				dup = dup || strings.EqualFold(ms[o].Name, ms[j].Name)
			}
			if !dup && len(index[w]) < maxNames+1 {
				index[w] = append(index[w], j)
			}
		}
	}
	for i := range ms {
		if ms[i].Type != news.PER {
			continue
		}
		var full string
		ambiguous := false
		ti := toks[i]
		cands := append(index[strings.ToLower(ti[0])], index[strings.ToLower(ti[len(ti)-1])]...)
		for _, j := range cands {
			if len(toks[j]) <= len(ti) || !hasAffix(toks[j], ti) {
				continue
			}
			lj, lf := strings.ToLower(ms[j].Name), strings.ToLower(full)
			switch {
			case full == "" || lf == lj:
				if full == "" || isUpperText(full) {
					full = ms[j].Name
				}
			case strings.Contains(lj, lf):
				full = ms[j].Name // the longer form ("Elon Reeve Musk")
			case strings.Contains(lf, lj):
			default:
				ambiguous = true
			}
		}
		if full != "" && !ambiguous {
			ms[i].Name = full
		}
	}
}

func hasAffix(long, short []string) bool {
	n, m := len(long), len(short)
	pre, suf := true, true
	for k := range m {
		pre = pre && strings.EqualFold(long[k], short[k])
		suf = suf && strings.EqualFold(long[n-m+k], short[k])
	}
	return pre || suf
}

// String describes the recogniser (for logs).
func (r *Recognizer) String() string {
	return fmt.Sprintf("entity.Recognizer{buckets: %d, gazetteer: %d words}", 1<<r.model.bits, r.gaz.Len())
}
