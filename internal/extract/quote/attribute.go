package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

type mentionKind int

const (
	noMention mentionKind = iota
	nameMention
	pronounMention
	descMention
)

// found is a speaker mention and cue read around a quotation.
type found struct {
	kind       mentionKind
	ms, me     int // mention span
	cs, ce     int // cue span
	strong     bool
	naming     bool // the cue is a naming verb: the quotation is a term
	definite   bool
	descWords  []string
	relativeOf int // for "qui": where to look for the antecedent
	latter     bool
}

func (d *doc) isVerb(t tok) bool {
	return t.word && d.e.verbs[t.lw] && !t.cap && !t.noun
}

// nounDets make the word after them a noun even if it can be a verb.
var nounDets = set("the", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these",
	"those", "un", "une", "son", "sa", "ses", "cette", "ces")

// markNouns flags verb forms used as nouns.
func markNouns(toks []tok) {
	for i := 1; i < len(toks); i++ {
		if nounDets[toks[i-1].lw] {
			toks[i].noun = true
		}
	}
}

// invertedTok reports "a-t-il", "affirme-t-elle", "met-il": a verb with
// its subject pronoun after it.
func invertedTok(t tok) (verb, pron string, ok bool) {
	m := inverted.FindStringSubmatch(t.lw)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

var advSkip = set("ainsi", "quant", "encore", "aussi", "également", "toutefois", "alors", "d'ailleurs",
	"enfin", "pourtant", "donc", "cependant", "simplement", "notamment", "then", "also", "later", "again",
	"recently", "previously", "earlier", "in", "an", "interview", "statement", "first", "finally", "ensuite",
	"plutôt", "volontiers", "sobrement", "sèchement", "froidement", "simply", "flatly")

// npAfter reads the noun phrase that starts at or after toks[i] (an
// inverted subject: "», précise la gastro-entérologue"), skipping adverbs
// and prepositional phrases ("à cette occasion", "quant à elle").
func (d *doc) npAfter(toks []tok, i int) (found, bool) {
	pp := false
	for n := 0; i < len(toks) && n < 10; i, n = i+1, n+1 {
		t := toks[i]
		// "de son côté", "pour sa part", "à son tour": an adverbial
		if (t.lw == "de" || t.lw == "pour" || t.lw == "à") && i+2 < len(toks) && possessives[toks[i+1].lw] && toks[i+2].word && !toks[i+2].cap {
			i += 2
			continue
		}
		switch {
		case !t.word:
			if t.w == "'" || t.w == "’" {
				continue
			}
			return found{}, false
		case pp && (dets[t.lw] || pronouns[t.lw]):
			if dets[t.lw] && i+1 < len(toks) {
				i++
			}
			pp = false
		case pp:
			pp = false
		case prepositions[t.lw] && !dets[t.lw]:
			pp = true
		case titles[t.lw] || isNameTok(t):
			j := i
			for j < len(toks) && (titles[toks[j].lw] || isNameTok(toks[j]) || (particles[toks[j].lw] && j+1 < len(toks) && isNameTok(toks[j+1]) && j > i)) {
				j++
			}
			if !d.plausibleName(t.s, toks[j-1].e) {
				return found{}, false
			}
			return found{kind: nameMention, ms: t.s, me: toks[j-1].e}, true
		case pronouns[t.lw]:
			return found{kind: pronounMention, ms: t.s, me: t.e}, true
		case dets[t.lw] && t.lw != "de" && t.lw != "of":
			f := d.descFrom(toks, i)
			if g, ok := d.apposedName(toks, f); ok {
				return g, true
			}
			return f, true
		case advSkip[t.lw] || auxiliaries[t.lw]:
		default:
			// "said election lawyer Joe Birkenstock"
			for k := i + 1; k < len(toks) && k <= i+3; k++ {
				if isNameTok(toks[k]) || titles[toks[k].lw] {
					return d.npAfter(toks, k)
				}
				if !toks[k].word || d.isVerb(toks[k]) {
					break
				}
			}
			return found{}, false
		}
	}
	return found{}, false
}

// charges are the words before the preposition that introduces a legal
// charge in quotation marks.
var (
	charges = set("charged", "accused", "convicted", "guilty", "indicted", "arrested", "count", "counts",
		"charge", "charges", "sentenced", "suspicion", "acquitted", "inculpé", "inculpée", "inculpés",
		"examen", "poursuivi", "poursuivie", "poursuivis", "condamné", "condamnée", "condamnés", "soupçons",
		"soupçon", "chef", "chefs", "accusé", "accusée", "accusés", "relaxé", "relaxée", "écroué", "écrouée")
	chargePreps = set("with", "of", "for", "on", "de", "d'", "du", "des", "pour")
)

var modals = set("could", "can", "would", "should", "might", "may", "must", "shall", "be", "been", "being",
	"peut", "pourrait", "doit", "devrait", "semble")

var trailAdverbs = set("simply", "only", "just", "recently", "previously", "publicly", "repeatedly", "often",
	"never", "flatly", "quickly", "bluntly", "directly", "privately", "initially", "originally", "simplement",
	"seulement", "récemment", "publiquement", "souvent", "jamais")

var possessives = set("son", "sa", "ses", "leur", "leurs", "notre", "nos", "mon", "ma", "mes", "votre", "vos")

// apposedName returns the name set off by commas right after a
// description: "la secrétaire générale du syndicat, Marie X, …" is Marie X.
func (d *doc) apposedName(toks []tok, f found) (found, bool) {
	if f.kind != descMention {
		return found{}, false
	}
	k := lowerBound(toks, f.me)
	if k+1 >= len(toks) || toks[k].w != "," || !isNameTok(toks[k+1]) || toks[k+1].caps {
		return found{}, false
	}
	e := k + 1
	for e < len(toks) && (isNameTok(toks[e]) || particles[toks[e].lw] && e+1 < len(toks) && isNameTok(toks[e+1])) {
		e++
	}
	if e-(k+1) < 2 && !d.isEntity(toks[k+1].s) {
		return found{}, false
	}
	if e < len(toks) && toks[e].w != "," && toks[e].w != "(" && toks[e].w != ")" && toks[e].w != ":" && toks[e].w != "." {
		return found{}, false
	}
	return found{kind: nameMention, ms: toks[k+1].s, me: toks[e-1].e}, true
}

// isEntity reports whether a person or organisation mention covers pos.
func (d *doc) isEntity(pos int) bool {
	before := d.entsBefore(pos + 1)
	return len(before) > 0 && before[len(before)-1].s <= pos && pos < before[len(before)-1].e
}

// descFrom reads "det words (de|d'|du|of det? words)*" from toks[i], a
// determiner; a name inside makes it a name mention ("la Pr Joly-Gomez").
func (d *doc) descFrom(toks []tok, i int) found {
	j := i + 1
	for j < len(toks) && j < i+8 {
		t := toks[j]
		if !t.word {
			if (t.w == "-" || t.w == "'" || t.w == "’") && j+1 < len(toks) {
				j++
				continue
			}
			break
		}
		if (d.isVerb(t) && j > i+1) || (prepositions[t.lw] && !dets[t.lw] && t.lw != "of") || t.lw == "qui" || t.lw == "que" || t.lw == "qu'" || t.lw == "who" || t.lw == "et" || t.lw == "and" || auxiliaries[t.lw] && j > i+1 && !dets[t.lw] || modals[t.lw] && j > i+1 {
			break
		}
		j++
	}
	// "a separate story simply": an adverb ends the noun phrase
	for j > i+1 && trailAdverbs[toks[j-1].lw] {
		j--
	}
	if j == i+1 {
		return found{}
	}
	for k := i + 1; k < j; k++ {
		if !isNameTok(toks[k]) || toks[k].caps && k != i+1 {
			continue
		}
		prev := toks[k-1]
		// the start of a run of capitalised words, not after "de": "la
		// toxicologue Dominique Parent-Massin", "la Pr Joly-Gomez", "l'OMS"
		if isNameTok(prev) || (prepositions[prev.lw] || dets[prev.lw]) && k != i+1 {
			continue
		}
		e := k
		for e < j && isNameTok(toks[e]) {
			e++
		}
		// "one GOP operative", "a White House official": the name
		// qualifies the noun after it, the speaker is the description
		if k == i+1 && e+1 == j && toks[e].word && !toks[e].cap && !particles[toks[e].lw] && !dets[toks[e].lw] {
			break
		}
		return found{kind: nameMention, ms: toks[k].s, me: toks[e-1].e}
	}
	f := found{kind: descMention, ms: toks[i].s, me: toks[j-1].e, definite: !indefinite[toks[i].lw]}
	for _, t := range toks[i+1 : j] {
		if t.word {
			f.descWords = append(f.descWords, t.lw)
		}
	}
	return f
}

// npBefore reads the subject that ends just before toks[i] (a verb),
// skipping auxiliaries and a parenthesis set off by commas.
func (d *doc) npBefore(toks []tok, i int) (found, bool) {
	j := i - 1
	for n := 0; j >= 0 && n < 12; n++ {
		t := toks[j]
		// auxiliaries, adverbs and verb chains: "n'a pas tardé à répliquer en"
		chain := !t.cap && t.word && (d.isVerb(t) || t.lw == "à" || t.lw == "de" || t.lw == "d'" || phrasal[t.lw] ||
			strings.HasSuffix(t.lw, "é") || strings.HasSuffix(t.lw, "er") || strings.HasSuffix(t.lw, "ed") || t.lw == "to") && t.lw != "dernier" && t.lw != "premier"
		if !(auxiliaries[t.lw] || advSkip[t.lw] || chain || timeWords[t.lw]) || (t.lw == "l'" && j == 0) {
			break
		}
		j--
	}
	// "Mike Pence (R-IN) said"
	if j >= 0 && toks[j].w == ")" {
		k := j - 1
		for k >= 0 && k > j-8 && toks[k].w != "(" {
			k--
		}
		if k >= 0 && toks[k].w == "(" {
			j = k - 1
		}
	}
	// "Carson took the stage … and called": the subject of the clause
	if j >= 0 && (toks[j].lw == "and" || toks[j].lw == "et" || toks[j].lw == "but" || toks[j].lw == "mais") {
		return d.sentenceSubject(toks[:j])
	}
	// "Cory James, 22, of Flint, Mich., said": back over the appositions
	for n := 0; n < 4 && j >= 0 && toks[j].w == ","; n++ {
		k := j - 1
		for k >= 0 && k > j-15 && toks[k].w != "," && toks[k].w != ":" && toks[k].w != "(" {
			k--
		}
		if k < 0 || toks[k].w != "," {
			break
		}
		j = k - 1
		if j < 0 {
			break
		}
		// stop at a segment that starts like a subject
		s := j
		for s > 0 && toks[s-1].w != "," && toks[s-1].w != ":" && toks[s-1].w != "(" && s > j-15 {
			s--
		}
		first := toks[s]
		if !(prepositions[first.lw] && !dets[first.lw]) && !unicode.IsDigit(rune(first.w[0])) && !(s > 0 && toks[s-1].w == "," && (toks[j].caps || len(toks[j].w) <= 5 && strings.HasSuffix(toks[j].w, "."))) {
			break
		}
	}
	if j < 0 {
		return found{}, false
	}
	t := toks[j]
	switch {
	case t.lw == "qui" || t.lw == "who":
		// the antecedent: "a candidate who has called", "Mme Cardenal, qui"
		k := j
		if k > 0 && toks[k-1].w == "," {
			k--
		}
		if k > 0 {
			if f, ok := d.npBefore(toks[:k], k); ok && f.kind != pronounMention {
				return f, true
			}
		}
		return found{kind: pronounMention, ms: t.s, me: t.e, relativeOf: t.s}, true
	case pronouns[t.lw]:
		return found{kind: pronounMention, ms: t.s, me: t.e}, true
	case (t.lw == "dernier" || t.lw == "dernière" || t.lw == "latter") && j > 0:
		return found{kind: pronounMention, ms: toks[j-1].s, me: t.e, latter: true}, true
	case isNameTok(t) || t.caps && len(t.w) <= 6:
		k := j
		for k > 0 && (isNameTok(toks[k-1]) || titles[toks[k-1].lw] ||
			// "Bill de Blasio", "Ludwig van Beethoven"
			particles[toks[k-1].lw] && !toks[k-1].cap && k >= 2 && isNameTok(toks[k-2]) && !toks[k-2].caps && toks[k-1].lw != "la" && toks[k-1].lw != "le") {
			k--
		}
		// "le ministre de la Santé", "Joel Pollak of Breitbart": the head
		// is before "de"/"of".
		h := k - 1
		if h >= 0 && dets[toks[h].lw] && !prepositions[toks[h].lw] && h > 0 && (toks[h-1].lw == "de" || toks[h-1].lw == "of") {
			h--
		}
		if h >= 0 && (toks[h].lw == "de" || toks[h].lw == "d'" || toks[h].lw == "du" || toks[h].lw == "of") {
			if f, ok := d.npBefore(toks, h+1-0); ok && h > 0 {
				_ = f
			}
			// walk to the head's start
			s := h - 1
			for s >= 0 && s > h-7 && toks[s].word && !d.isVerb(toks[s]) && !(prepositions[toks[s].lw] && !dets[toks[s].lw]) {
				if dets[toks[s].lw] && !(s > 0 && (toks[s-1].lw == "de" || toks[s-1].lw == "of")) {
					break
				}
				s--
			}
			if s >= 0 && dets[toks[s].lw] {
				f := d.descFrom(toks, s)
				if f.kind != noMention && f.me >= t.e {
					return f, true
				}
			}
			if s+1 < len(toks) && isNameTok(toks[s+1]) {
				e := s + 1
				for e < h && isNameTok(toks[e]) {
					e++
				}
				return found{kind: nameMention, ms: toks[s+1].s, me: toks[e-1].e}, true
			}
		}
		if k > 0 && prepositions[toks[k-1].lw] && !dets[toks[k-1].lw] || !d.plausibleName(toks[k].s, t.e) {
			return found{}, false
		}
		return found{kind: nameMention, ms: toks[k].s, me: t.e}, true
	case t.word && !d.isVerb(t):
		for s := j; s >= 0 && s > j-7; s-- {
			if !toks[s].word || d.isVerb(toks[s]) {
				break
			}
			if dets[toks[s].lw] && toks[s].lw != "de" && toks[s].lw != "of" {
				if s > 0 && (toks[s-1].lw == "de" || toks[s-1].lw == "of" || toks[s-1].lw == "d'") {
					continue
				}
				// "Trump in his announcement speech called": a
				// prepositional phrase, the subject is before it
				if s > 0 && (toks[s-1].lw == "in" || toks[s-1].lw == "on" || toks[s-1].lw == "at" || toks[s-1].lw == "during" || toks[s-1].lw == "dans" || toks[s-1].lw == "lors") {
					if g, ok := d.npBefore(toks[:s-1], s-1); ok && g.kind != descMention {
						return g, true
					}
				}
				f := d.descFrom(toks, s)
				if f.kind == noMention {
					return found{}, false
				}
				return f, true
			}
		}
	}
	return found{}, false
}

// attribute finds the speaker and cue of c and decides whether its marks
// report speech. prev is the last quotation that got a speaker.
func (d *doc) attribute(c *cand, prev *cand) bool {
	sp := &c.sp
	lo, hi := d.bounds(c.para, sp.open, sp.closeEnd)
	// The context is at most maxContext bytes each side, which keeps the
	// whole pass linear however long a sentence runs.
	lo, hi = max(lo, sp.open-maxContext), min(hi, sp.closeEnd+maxContext)
	slo, shi := lo, hi
	// The context stops at neighbouring quotations.
	listed := false
	k := sort.Search(len(d.quote), func(k int) bool { return d.quote[k].open >= sp.closeEnd })
	if k < len(d.quote) && d.quote[k].open < hi {
		hi = d.quote[k].open
		listed = true
	}
	k = sort.Search(len(d.quote), func(k int) bool { return d.quote[k].open >= sp.open })
	if k > 0 && d.quote[k-1].closeEnd <= sp.open && d.quote[k-1].closeEnd > lo {
		lo = d.quote[k-1].closeEnd
		listed = true
	}
	inner := d.toksIn(sp.start, sp.end)
	left := d.toksIn(lo, sp.open)
	right := d.toksIn(sp.closeEnd, hi)
	words := 0
	for _, t := range inner {
		if t.word {
			words++
		}
	}

	var f found
	ok := false
	// An incise inside the marks: « …, affirme-t-elle. … ».
	if k, g, end, yes := d.incise(inner); yes {
		f, ok = g, true
		if !sp.closed && !sentenceAfter(inner, end) {
			sp.end = inner[k].s
			for sp.end > sp.start && (d.text[sp.end-1] == ' ' || d.text[sp.end-1] == ',') {
				sp.end--
			}
		}
	}
	if !ok {
		f, ok = d.rightCue(right, sp)
	}
	if !ok || f.naming {
		if g, yes := d.leftCue(left, prev); yes {
			f, ok = g, true
		}
	}
	// The cue may precede an earlier quotation of the same sentence:
	// "Sanders thanked them “for their support” and called it “…”".
	if !ok && lo > slo {
		var whole []tok
		for _, t := range d.toksIn(slo, sp.open) {
			if !d.inQuote(t.s) {
				whole = append(whole, t)
			}
		}
		if g, yes := d.leftCue(whole, prev); yes && g.strong {
			f, ok = g, true
		}
	}
	// Inside a sentence with no reporting verb we know ("He anticipated
	// that … “…”", "McCrory blamed the court's “…”"), its subject.
	if !ok && len(left) > 0 && lo == slo {
		if g, yes := d.sentenceSubject(left); yes && g.kind != descMention {
			f, ok = g, true
			f.cs, f.ce = g.ms, g.ms
		}
	}
	if !ok {
		f, ok = d.signature(c)
	}
	// The sentence before introduces the quotation: "X said in a
	// statement." or "X issued the following statement:".
	if !ok && len(left) == 0 && words > 8 {
		if g, yes := d.introSentence(c, prev); yes {
			f, ok = g, true
		}
	}
	if f.naming {
		return false
	}
	// A fragment after one of the same sentence shares its speaker:
	// « impardonnable » et que les membres devaient « donner l'exemple ».
	if !ok && prev != nil && prev.para == c.para && d.endsBetween(prev.sp.closeEnd, sp.open) == 0 && prev.q.Speaker != "" {
		c.q.Kind = news.QuoteMixed
		c.q.Speaker, c.q.SpeakerSpan = prev.q.Speaker, prev.q.SpeakerSpan
		c.q.Cue, c.q.CueSpan = prev.q.Cue, prev.q.CueSpan
		if prev.q.Content.Start <= sp.open && sp.closeEnd <= prev.q.Content.End {
			c.q.Content = prev.q.Content
		}
		c.mpos = prev.mpos
		return true
	}
	// Terms, titles and expressions: short, with no cue of speech.
	lastLeft := ""
	if len(left) > 0 {
		lastLeft = left[len(left)-1].lw
	}
	// A legal charge: "charged with “second-degree murder”", "mis en
	// examen pour « complicité de détournement »".
	if n := len(left); n >= 2 && words <= 150 && chargePreps[lastLeft] && charges[left[n-2].lw] {
		return false
	}
	if !ok || !f.strong {
		// A term complementing a noun, with no speaker in sight: "sa
		// proposition de « racheter l'entreprise »".
		if !ok && words <= 4 && (lastLeft == "de" || lastLeft == "d'" || lastLeft == "of") {
			return false
		}
		if words <= 8 && !(words >= minLoose && !listed && d.verbIn(left, right)) {
			return false
		}
		if d.headline(c.para) {
			return false
		}
	}
	// A term inside the object of a verb: "réclament l'application du
	// « principe de précaution »"; reported content ("soulignant que … les
	// « espaces privés »") stays a quote.
	if ok && words <= 4 && f.cs < sp.open && dets[lastLeft] && lastLeft != "de" && lastLeft != "d'" && lastLeft != "of" {
		content := false
		for _, t := range left {
			if t.s >= f.ce && (t.lw == "que" || t.lw == "qu'" || t.lw == "that" || t.w == ":") {
				content = true
			}
		}
		if !content {
			return false
		}
	}
	c.q.Kind = news.QuoteMixed
	if r, _ := utf8.DecodeRuneInString(d.text[sp.start:sp.end]); unicode.IsUpper(r) || lastLeft == ":" || len(left) == 0 {
		c.q.Kind = news.QuoteDirect
	}
	if ok {
		c.q.Cue = d.text[f.cs:f.ce]
		c.q.CueSpan = news.Span{Start: f.cs, End: f.ce}
		c.q.SpeakerSpan = news.Span{Start: f.ms, End: f.me}
		c.q.Speaker = d.cleanSpeaker(d.resolve(f, prev), f)
		c.mpos = f.ms
		if c.q.Kind == news.QuoteMixed {
			c.q.Content = d.content(f, sp, slo, shi)
		}
		return true
	}
	// A floating quotation: its speaker is the last one quoted nearby.
	// Right after the previous quotation's own attribution ("“A,” Smith
	// said. “B.”") it shares its mention and cue.
	if prev != nil && sp.open-prev.sp.end < 2500 {
		c.q.Speaker = prev.q.Speaker
		if prev.para >= c.para-1 && d.endsBetween(prev.sp.closeEnd, sp.open) <= 1 {
			c.q.SpeakerSpan, c.q.Cue, c.q.CueSpan = prev.q.SpeakerSpan, prev.q.Cue, prev.q.CueSpan
			c.mpos = prev.mpos
		}
	}
	return true
}

// introSentence reads the sentence before a quotation that opens its own
// sentence: when it holds no quotation and ends with a colon or has a
// reporting verb with a subject, its subject is the speaker.
func (d *doc) introSentence(c *cand, prev *cand) (found, bool) {
	end := c.sp.open
	pi := c.para
	if end <= d.paras[pi][0] {
		if pi == 0 {
			return found{}, false
		}
		pi--
		end = d.paras[pi][1]
	}
	start, _ := d.bounds(pi, max(d.paras[pi][0], end-1), end)
	if d.inQuote(start) || d.inQuote(end-1) {
		return found{}, false
	}
	if k := sort.Search(len(d.quote), func(k int) bool { return d.quote[k].open >= start }); k < len(d.quote) && d.quote[k].open < end {
		return found{}, false
	}
	toks := d.toksIn(start, end)
	if len(toks) == 0 || len(toks) > 40 {
		return found{}, false
	}
	colon := toks[len(toks)-1].w == ":"
	for i := len(toks) - 1; i >= 0; i-- {
		if !d.isVerb(toks[i]) || namingVerbs[toks[i].lw] {
			continue
		}
		if f, ok := d.npBefore(toks, i); ok {
			f.cs, f.ce, f.strong = toks[i].s, toks[i].e, true
			return f, true
		}
		if colon {
			if f, ok := d.npAfter(toks, i+1); ok && f.kind == nameMention {
				f.cs, f.ce, f.strong = toks[i].s, toks[i].e, true
				return f, true
			}
		}
		break
	}
	// "Trump issued the following statement:"
	if colon {
		if f, ok := d.sentenceSubject(toks[:len(toks)-1]); ok && f.kind != descMention {
			f.cs, f.ce, f.strong = toks[len(toks)-1].s, toks[len(toks)-1].e, true
			return f, true
		}
	}
	return found{}, false
}

// minLoose is the length from which a short quotation in a sentence with a
// reporting verb is kept even when no speaker could be read.
const minLoose = 2

// verbIn reports whether a reporting verb occurs in the context.
func (d *doc) verbIn(ctx ...[]tok) bool {
	for _, ts := range ctx {
		for _, t := range ts {
			if d.isVerb(t) && !namingVerbs[t.lw] {
				return true
			}
		}
	}
	return false
}

// content returns the reported clause of a mixed quote in the sentence
// [lo, hi): after a cue that precedes it ("said that …", "a estimé que …")
// to the sentence end, or from the sentence start to a cue that follows it.
func (d *doc) content(f found, sp *span, lo, hi int) news.Span {
	var s, e int
	switch {
	case f.ce > f.cs && f.ce <= sp.open:
		s, e = f.ce, hi
	case f.cs >= sp.closeEnd:
		s, e = lo, f.cs
	default:
		return news.Span{}
	}
	s, e = trimSpaceRange(d.text, s, e)
	for e > s && strings.ContainsRune(",.;:—–-", rune(d.text[e-1])) {
		e--
	}
	for s < e && strings.ContainsRune(",:;", rune(d.text[s])) {
		s++
	}
	s, e = trimSpaceRange(d.text, s, e)
	if s > sp.open || e < sp.end {
		return news.Span{}
	}
	return news.Span{Start: s, End: e}
}

// signature reads an attribution line after a paragraph that is one
// quotation: "“…”" then "- Clinton." or "— Jane Doe, mayor".
func (d *doc) signature(c *cand) (found, bool) {
	pi := c.para
	if pi+1 >= len(d.paras) {
		return found{}, false
	}
	p := d.paras[pi]
	if s, _ := trimSpaceRange(d.text, p[0], c.sp.open); s != c.sp.open {
		return found{}, false
	}
	next := d.paras[pi+1]
	line := d.text[next[0]:next[1]]
	if len(line) > 160 || !strings.ContainsAny(line[:min(len(line), 4)], "—–-―") {
		return found{}, false
	}
	m := attribLine.FindStringSubmatchIndex(strings.TrimRight(line, "."))
	if m == nil {
		return found{}, false
	}
	return found{kind: nameMention, ms: next[0] + m[2], me: next[0] + m[3], cs: next[0], ce: next[0] + utf8.RuneLen([]rune(line)[0]), strong: true}, true
}

// sentenceAfter reports whether quoted words follow the incise ending at
// toks[end:]: another sentence, not just the incise's own tail.
func sentenceAfter(toks []tok, end int) bool {
	for i := end; i < len(toks)-1; i++ {
		if toks[i].w == "." || toks[i].w == "!" || toks[i].w == "?" {
			return true
		}
	}
	return false
}

// incise finds ", verb-t-il" or ", verb Name" inside the quoted words; it
// returns the comma's index, the mention, and the index after the incise.
func (d *doc) incise(toks []tok) (int, found, int, bool) {
	for k := 1; k+1 < len(toks); k++ {
		if toks[k].w != "," {
			continue
		}
		t := toks[k+1]
		if v, _, yes := invertedTok(t); yes && (d.e.verbs[v] || inciseOnly[v] || auxVerb[v]) {
			ce := t.e
			if auxVerb[v] && k+2 < len(toks) && toks[k+2].word {
				ce = toks[k+2].e
			}
			end := k + 2
			for end < len(toks) && toks[end].w != "." && toks[end].w != "," {
				end++
			}
			return k, found{kind: pronounMention, ms: t.s, me: t.e, cs: t.s, ce: ce, strong: true}, end, true
		}
		if d.isVerb(t) && k+2 < len(toks) && (isNameTok(toks[k+2]) || titles[toks[k+2].lw]) {
			f, ok := d.npAfter(toks, k+2)
			if ok && f.kind == nameMention {
				f.cs, f.ce, f.strong = t.s, t.e, true
				end := k + 2
				for end < len(toks) && toks[end].w != "." {
					end++
				}
				return k, f, end, true
			}
		}
	}
	return 0, found{}, 0, false
}

// subordinators open an introductory clause before the subject: "When X
// asked …, he declined".
var subordinators = set("when", "while", "as", "if", "although", "though", "because", "since", "once",
	"lorsque", "lorsqu'", "quand", "si", "comme", "puisque", "puisqu'", "bien", "alors", "tandis")

// sentenceSubject reads the subject at the start of a clause, after an
// introductory phrase set off by a comma ("But a few days later, Trump
// reversed himself, telling …").
func (d *doc) sentenceSubject(l []tok) (found, bool) {
	i := 0
	if len(l) > 0 && (prepositions[l[0].lw] || advSkip[l[0].lw] || subordinators[l[0].lw] || strings.HasSuffix(l[0].lw, "ing") || strings.HasSuffix(l[0].lw, "ant")) {
		k := 0
		for k < len(l) && l[k].w != "," {
			k++
		}
		if k < len(l) && (k < 10 || subordinators[l[0].lw] && k < 30) {
			i = k + 1
		}
	}
	for i < len(l) && (l[i].lw == "but" || l[i].lw == "mais" || l[i].lw == "and" || l[i].lw == "et") {
		i++
	}
	if i >= len(l) {
		return found{}, false
	}
	t := l[i]
	switch {
	case pronouns[t.lw]:
		return found{kind: pronounMention, ms: t.s, me: t.e}, true
	case isNameTok(t) || titles[t.lw]:
		return d.npAfter(l, i)
	case dets[t.lw] && t.lw != "de" && t.lw != "of":
		if i+1 < len(l) && (l[i+1].lw == "dernier" || l[i+1].lw == "dernière" || l[i+1].lw == "latter") {
			return found{kind: pronounMention, ms: t.s, me: l[i+1].e, latter: true}, true
		}
		f := d.descFrom(l, i)
		return f, f.kind != noMention
	}
	return found{}, false
}

var phrasal = set("on", "went", "goes", "go", "going", "want", "wants", "wanted", "tried", "tries", "seemed",
	"seems", "began", "begins", "decided", "chose", "refused", "continued", "veut", "voulu", "tenu", "tient")

var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
	"yesterday", "tonight", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
	"aujourd'hui", "night", "morning", "evening", "afternoon", "week", "soir", "matin", "also", "later")

// plausibleName rejects a lone capitalised word that opens a sentence and
// is no entity of the article ("Minutes later, she …", "Perhaps").
func (d *doc) plausibleName(s, e int) bool {
	if strings.ContainsAny(strings.TrimSpace(d.text[s:e]), " \u00a0") {
		return true
	}
	if before := d.entsBefore(s + 1); len(before) > 0 && before[len(before)-1].s <= s && s < before[len(before)-1].e {
		return true
	}
	p := strings.TrimRight(d.text[max(0, s-3):s], " \u00a0\u202f")
	initial := p == "" || strings.HasSuffix(p, ".") || strings.HasSuffix(p, "\n") || strings.HasSuffix(p, "!") || strings.HasSuffix(p, "?")
	next := strings.TrimLeft(d.text[e:min(len(d.text), e+4)], " ")
	return !initial || !(strings.HasPrefix(next, ",") || strings.HasPrefix(next, " ") || next == "")
}

var subjPronouns = set("i", "he", "she", "we", "they", "il", "elle", "ils", "elles", "je", "j'")

// coreVerbs say speech and nothing else.
var coreVerbs = set("said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "wrote", "writes",
	"asked", "asks", "tweeted", "declared", "explained", "insisted", "replied", "responded", "noted",
	"dit", "déclaré", "déclare", "affirmé", "affirme", "ajouté", "ajoute", "expliqué", "explique", "précisé",
	"précise", "indiqué", "indique", "estimé", "estime", "répondu", "répond", "souligné", "souligne",
	"assuré", "assure", "lancé", "lance", "écrit", "confié", "raconté", "raconte", "saying", "telling", "adding",
	"disant", "ajoutant", "déclarant", "affirmant", "expliquant", "précisant")

var auxVerb = set("a", "avait", "aurait", "ont", "avaient", "est", "était")

// rightCue reads the words after the closing mark: "», a-t-il estimé",
// "», précise la gastro-entérologue", "," he said", "», selon X",
// "», c'est ainsi qu'il a qualifié", "par X".
func (d *doc) rightCue(r []tok, sp *span) (found, bool) {
	i, dash := 0, -1
	for i < len(r) && (r[i].w == "," || r[i].w == "-" || r[i].w == "—" || r[i].w == "–" || r[i].w == "―") {
		if r[i].w != "," {
			dash = i
		}
		i++
	}
	if i >= len(r) {
		return found{}, false
	}
	// "“…” ― Carla Sanchez": a signature
	if dash >= 0 && isNameTok(r[i]) {
		if f, ok := d.npAfter(r, i); ok && f.kind == nameMention {
			f.cs, f.ce, f.strong = r[dash].s, r[dash].e, true
			return f, true
		}
	}
	// A new sentence after a quotation that ended its own.
	if tail := strings.TrimRight(d.text[sp.start:sp.end], " "); i == 0 && r[0].cap && strings.HasSuffix(tail, ".") {
		// only "“Done.” Smith said." where the attribution is the whole
		// sentence
		short := false
		for k := 1; k <= 2 && k < len(r); k++ {
			if d.isVerb(r[k]) && (k+1 == len(r) || r[k+1].w == "." || r[k+1].w == ",") {
				short = true
			}
		}
		if !short {
			return found{}, false
		}
	}
	t := r[i]
	if v, _, yes := invertedTok(t); yes && (d.e.verbs[v] || inciseOnly[v] || auxVerb[v] || i > 0) {
		ce := t.e
		if auxVerb[v] && i+1 < len(r) && r[i+1].word {
			ce = r[i+1].e
		}
		return found{kind: pronounMention, ms: t.s, me: t.e, cs: t.s, ce: ce, strong: true}, true
	}
	switch t.lw {
	case "selon", "d'après":
		if f, ok := d.npAfter(r, i+1); ok {
			f.cs, f.ce, f.strong = t.s, t.e, true
			return f, true
		}
	case "according":
		if i+1 < len(r) && r[i+1].lw == "to" {
			if f, ok := d.npAfter(r, i+2); ok {
				f.cs, f.ce, f.strong = t.s, r[i+1].e, true
				return f, true
			}
		}
	case "comme", "as":
		i++
	case "par", "by":
		if sp.open > 0 {
			before := strings.TrimRight(d.text[max(0, sp.open-4):sp.open], " ")
			if strings.HasSuffix(before, "de") || strings.HasSuffix(before, "d'") || strings.HasSuffix(before, "d’") || strings.HasSuffix(before, "as") {
				if f, ok := d.npAfter(r, i+1); ok {
					f.cs, f.ce, f.strong = t.s, t.e, true
					return f, true
				}
			}
		}
	}
	// verb first: "», a ajouté un ténor", "," said Smith"
	j := i
	for j < len(r) && j < i+3 && (auxVerb[r[j].lw] || r[j].lw == "se" || r[j].lw == "s'") {
		j++
	}
	if j < len(r) && (d.isVerb(r[j]) || inciseOnly[r[j].lw]) && !strings.HasSuffix(r[j].lw, "ant") && !strings.HasSuffix(r[j].lw, "ing") {
		if f, ok := d.npAfter(r, j+1); ok {
			f.cs, f.ce, f.strong = r[i].s, r[j].e, true
			f.naming = namingVerbs[r[j].lw]
			return f, true
		}
	}
	// subject first: "," he said", "», c'est ainsi qu'il a qualifié"
	for j := i; j < len(r) && j < i+25; j++ {
		// a sentence ends at a period before a capital, not in "(D-Wis.)"
		if r[j].w == ";" || r[j].w == "." && (j+1 == len(r) || r[j+1].cap) {
			break
		}
		if d.isVerb(r[j]) {
			if f, ok := d.npBefore(r[:j], j); ok && f.ms >= r[i].s {
				f.cs, f.ce, f.strong = r[j].s, r[j].e, true
				f.naming = namingVerbs[r[j].lw]
				return f, true
			}
			break
		}
	}
	// "“…,” Bennett shot back": a comma, ? or ! before the closing mark
	// and a name or pronoun then a lower-case word make an attribution
	// even with a verb the lexicon lacks.
	if i == 0 && sp.closed && i+1 < len(r) {
		before := strings.TrimRight(d.text[sp.start:sp.close], " \u00a0\u202f")
		if strings.HasSuffix(before, ",") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, "!") {
			if f, ok := d.npAfter(r, 0); ok && f.kind != descMention {
				k := 0
				for k < len(r) && r[k].e <= f.me {
					k++
				}
				if k < len(r) && (r[k].word && !r[k].cap && !prepositions[r[k].lw] || r[k].w == ",") {
					f.cs, f.ce, f.strong = r[k].s, r[k].e, true
					return f, true
				}
			}
		}
	}
	return found{}, false
}

// leftCue reads the words before the opening mark: "X a déclaré : «",
// "selon X : «", "Pour X, «", "X est plus nuancée : «", "X said, “",
// "traitant X d'« escroc »" (subject of the verb).
func (d *doc) leftCue(l []tok, prev *cand) (found, bool) {
	if len(l) == 0 {
		return found{}, false
	}
	// selon X / according to X anywhere in the clause
	for i, t := range l {
		if t.lw == "selon" || t.lw == "d'après" || (t.lw == "according" && i+1 < len(l) && l[i+1].lw == "to") {
			k := i + 1
			if t.lw == "according" {
				k++
			}
			if f, ok := d.npAfter(l, k); ok && f.kind != noMention {
				f.cs, f.ce, f.strong = t.s, t.e, true
				return f, true
			}
		}
	}
	// "Pour X, «" at the clause start; "pour lui" anywhere
	for i, t := range l {
		if t.lw != "pour" && t.lw != "for" {
			continue
		}
		atStart := i == 0 || l[i-1].w == ","
		if i+1 < len(l) && (l[i+1].lw == "lui" || l[i+1].lw == "elle" || l[i+1].lw == "eux" || l[i+1].lw == "elles") {
			return found{kind: pronounMention, ms: l[i+1].s, me: l[i+1].e, cs: t.s, ce: t.e, strong: true}, true
		}
		if atStart && t.lw == "pour" && l[len(l)-1].w == "," {
			if f, ok := d.npAfter(l, i+1); ok && f.kind != noMention && f.me <= l[len(l)-1].s {
				f.cs, f.ce, f.strong = t.s, t.e, true
				return f, true
			}
		}
	}
	// the nearest reporting verb before the mark; a verb of speech proper
	// ("said", "a déclaré") wins over a nearer looser one ("continue")
	var fallback *found
	for i := len(l) - 1; i >= 0; i-- {
		t := l[i]
		if v, _, yes := invertedTok(t); yes && d.e.verbs[v] {
			return found{kind: pronounMention, ms: t.s, me: t.e, cs: t.s, ce: t.e, strong: true}, true
		}
		if !d.isVerb(t) || namingVerbs[t.lw] || i > 0 && l[i-1].lw == "to" {
			continue
		}
		participle := strings.HasSuffix(t.lw, "ant") || strings.HasSuffix(t.lw, "ing")
		var f found
		ok := false
		if participle {
			f, ok = d.sentenceSubject(l[:i])
		}
		if !ok {
			f, ok = d.npBefore(l, i)
		}
		if !ok {
			if g, yes := d.npAfter(l, i+1); yes && g.kind == nameMention && !strings.HasSuffix(t.lw, "ant") && !strings.HasSuffix(t.lw, "ing") {
				f, ok = g, true
			}
		}
		if ok {
			f.cs, f.ce, f.strong = t.s, t.e, true
			if coreVerbs[t.lw] {
				return f, true
			}
			if fallback == nil {
				fallback = &f
			}
			continue
		}
		// "X noted …, and added:": keep looking for the first verb's subject
		if fallback == nil && prev != nil && prev.sp.end >= l[0].s-200 && (strings.HasSuffix(t.lw, "ant") || strings.HasSuffix(t.lw, "ing")) {
			// "estimant que …": the last speaker
			g := found{kind: pronounMention, ms: prev.c0(), me: prev.c0(), cs: t.s, ce: t.e, strong: true, relativeOf: -1}
			fallback = &g
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	// a colon introduction without a verb: "X est plus nuancée : «",
	// "Pollsters agree - Carl Bialik: “", "Trump went even further: “"
	if l[len(l)-1].w == ":" {
		if n := len(l) - 1; n > 0 && (isNameTok(l[n-1]) || l[n-1].caps) {
			if f, ok := d.npBefore(l[:n], n); ok && f.kind == nameMention {
				f.cs, f.ce = l[n].s, l[n].e
				return f, true
			}
		}
		// the subject of the last clause: "…, that I had to change my answer:"
		for k := len(l) - 2; k >= 0 && k >= len(l)-14; k-- {
			t := l[k]
			if t.w == "," || t.w == ";" {
				break
			}
			if subjPronouns[t.lw] && (k == 0 || !prepositions[l[k-1].lw]) && k+1 < len(l) && l[k+1].word {
				return found{kind: pronounMention, ms: t.s, me: t.e, cs: l[len(l)-1].s, ce: l[len(l)-1].e}, true
			}
		}
		if f, ok := d.sentenceSubject(l[:len(l)-1]); ok && f.kind != descMention {
			f.cs, f.ce = l[len(l)-1].s, l[len(l)-1].e
			return f, true
		}
		for i, t := range l[:len(l)-1] {
			if i > 0 && prepositions[l[i-1].lw] && !dets[l[i-1].lw] {
				continue
			}
			if isNameTok(t) && !t.caps {
				f, _ := d.npAfter(l, i)
				f.cs, f.ce = l[len(l)-1].s, l[len(l)-1].e
				return f, true
			}
			if pronouns[t.lw] && t.lw != "on" && t.lw != "nous" {
				return found{kind: pronounMention, ms: t.s, me: t.e, cs: l[len(l)-1].s, ce: l[len(l)-1].e}, true
			}
		}
	}
	return found{}, false
}

func (c *cand) c0() int { return c.sp.start }

// headline reports whether paragraph pi looks like a title or a link: no
// final punctuation.
func (d *doc) headline(pi int) bool {
	p := d.paras[pi]
	s := strings.TrimRight(d.text[p[0]:p[1]], " »”\"’\u00a0\u202f")
	if len(s) > 300 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?…:;", r)
}

// resolve turns a mention into a speaker: a name to the article's full
// name, a pronoun or a definite description to the person it refers to,
// an indefinite description to itself.
func (d *doc) resolve(f found, prev *cand) string {
	switch f.kind {
	case nameMention:
		return d.canonical(d.text[f.ms:f.me], f.ms)
	case pronounMention:
		if f.relativeOf == -1 && prev != nil {
			return prev.q.Speaker
		}
		// "peut-on", "on dit": nobody in particular
		if w := strings.ToLower(d.text[f.ms:f.me]); w == "on" || strings.HasSuffix(w, "-on") {
			return ""
		}
		if f.latter {
			return d.antecedent(f.ms, nil, news.PER, anyGender)
		}
		if strings.EqualFold(d.text[f.ms:f.me], "it") {
			return d.antecedent(f.ms, nil, news.ORG, anyGender)
		}
		return d.antecedent(f.ms, prev, news.PER, pronounGender(d.text[f.ms:f.me]))
	case descMention:
		desc := strings.TrimSpace(d.text[f.ms:f.me])
		if !f.definite {
			return desc
		}
		head := ""
		if len(f.descWords) > 0 {
			head = f.descWords[0]
		}
		best, bestPos := "", -1
		before := d.entsBefore(f.ms)
		for i := len(before) - 1; i >= 0 && i >= len(before)-maxLookBack; i-- {
			x := before[i]
			if x.role != "" && containsWords(strings.Fields(x.role), f.descWords) {
				best, bestPos = x.name, x.s
				break
			}
		}
		if orgNouns[head] {
			for i := len(before) - 1; i >= 0 && i >= len(before)-maxLookBack && before[i].s > bestPos; i-- {
				if before[i].typ == news.ORG {
					best, bestPos = before[i].name, before[i].s
					break
				}
			}
		}
		if best != "" {
			return best
		}
		if personNouns[head] {
			if a := d.antecedent(f.ms, prev, news.PER, nounGender[head]); a != "" {
				return a
			}
		}
		return desc
	}
	return ""
}

var nounGender = map[string]gender{"femme": fem, "fille": fem, "étudiante": fem, "woman": fem, "girl": fem,
	"dame": fem, "intéressée": fem, "homme": masc, "garçon": masc, "étudiant": masc, "man": masc, "boy": masc,
	"monsieur": masc, "intéressé": masc}

var personNouns = set("jeune", "femme", "homme", "fille", "garçon", "étudiant", "étudiante", "woman", "man",
	"girl", "boy", "student", "dame", "monsieur", "intéressé", "intéressée")

// antecedent returns the person a pronoun at pos refers to: the most
// recent of the last quoted speaker and the last named person before it
// whose gender agrees with the pronoun's (g).
func (d *doc) antecedent(pos int, prev *cand, typ news.EntityType, g gender) string {
	// a person pronoun does not refer to an organisation quoted before,
	// nor "he" to a woman
	if prev != nil && typ == news.PER && (d.orgNames[prev.q.Speaker] || !d.agrees(prev.q.Speaker, g) || g != anyGender && plural(prev.q.Speaker)) {
		prev = nil
	}
	// the speaker quoted in the sentence just before
	if prev != nil && prev.q.Speaker != "" && prev.sp.closeEnd <= pos && d.endsBetween(prev.sp.closeEnd, pos) <= 1 {
		return prev.q.Speaker
	}
	best, bestPos := "", -1
	if prev != nil && prev.q.Speaker != "" && prev.mpos < pos {
		best, bestPos = prev.q.Speaker, max(prev.mpos, prev.sp.start)
	}
	before := d.entsBefore(pos)
	// a person of unknown gender gives way to one whose gender agrees
	// named in the same or the previous sentence: "When Winfrey asked …,
	// he declined" after a paragraph about Harry
	fallback := ""
	for i := len(before) - 1; i >= 0 && i >= len(before)-maxLookBack && before[i].s > bestPos; i-- {
		x := before[i]
		if x.typ != typ || d.inQuote(x.s) || typ == news.PER && !d.agrees(x.name, g) || g != anyGender && d.possessedApposition(x.s) {
			continue
		}
		if fallback != "" && d.endsBetween(x.s, pos) > 1 {
			break
		}
		if g == anyGender || typ != news.PER || d.gender[x.name] != anyGender {
			return x.name
		}
		if fallback == "" {
			fallback = x.name
		}
	}
	if fallback != "" {
		return fallback
	}
	return best
}

// Bounds that keep Extract linear in the length of the text.
const (
	maxContext  = 600 // bytes read on each side of a quotation
	maxLookBack = 300 // entities looked back at for a pronoun or a role
)

// entsBefore returns the entities that start before pos.
func (d *doc) entsBefore(pos int) []ent {
	return d.ents[:sort.Search(len(d.ents), func(i int) bool { return d.ents[i].s >= pos })]
}

// endsBetween counts the sentence ends in [a, b).
func (d *doc) endsBetween(a, b int) int {
	return sort.SearchInts(d.ends, b) - sort.SearchInts(d.ends, a)
}

// inQuote reports whether byte i lies inside a quotation.
func (d *doc) inQuote(i int) bool {
	k := sort.Search(len(d.quote), func(k int) bool { return d.quote[k].closeEnd > i })
	return k < len(d.quote) && d.quote[k].open <= i
}

// notSpeakers open a sentence with a capital without naming anybody.
var notSpeakers = set("additionally", "amid", "asked", "all", "another", "both", "last", "over", "others",
	"something", "you", "its", "there's", "there’s", "did", "thousands", "quick", "popular", "while", "début",
	"fin", "mi", "selon", "after", "before", "during", "despite", "malgré", "lors", "some", "many", "most",
	"several", "certains", "plusieurs", "beaucoup", "nombre")

// cleanSpeaker rejects what cannot be a speaker — a sentence-initial
// adverb or participle ("Rhetorically", "Speaking", "Asked"), a clause
// ("that they need") — and trims a possessive ("Sweden’s"): no speaker is
// better than a wrong one.
func (d *doc) cleanSpeaker(name string, f found) string {
	name = strings.TrimSpace(name)
	for _, p := range []string{"’s", "'s"} {
		if strings.HasSuffix(name, p) && len(name) > len(p)+1 {
			name = strings.TrimSpace(strings.TrimSuffix(name, p))
		}
	}
	words := strings.Fields(name)
	if len(words) == 0 {
		return ""
	}
	first := strings.ToLower(words[0])
	if first == "that" || first == "which" || first == "qu'" || first == "qu’" || first == "ce" && len(words) > 1 && strings.HasPrefix(words[1], "qu") {
		return ""
	}
	// A phrase cut short ("le nouveau président a", "la baisse de la",
	// "ce n’") loses its dangling words.
	for len(words) > 0 && danglingWords[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || dets[strings.ToLower(words[len(words)-1])] {
		return ""
	}
	name = strings.Join(words, " ")
	if f.kind == descMention || d.orgNames[name] {
		return name
	}
	// "While Richardson", "Both Johnson": a leading word that names nobody
	for len(words) > 1 && (notSpeakers[strings.ToLower(words[0])] || subordinators[strings.ToLower(words[0])] && words[0] != strings.ToUpper(words[0])) {
		words = words[1:]
	}
	name = strings.Join(words, " ")
	if len(words) == 1 {
		w := strings.ToLower(words[0])
		if notSpeakers[w] || capStop[w] || timeWords[w] {
			return ""
		}
		// a lone -ly, -ing or -ed word that no mention of the article
		// names: "Rhetorically", "Speaking", "Dressed"
		if (strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && loadFirstNames()[w] == anyGender && !d.midSentence(words[0]) {
			return ""
		}
	}
	return name
}

// danglingWords end no speaker's name or description: articles,
// prepositions, elided words and auxiliaries left over when a phrase was
// cut short.
var danglingWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a de d' d’ la le les l' l’ du des n' n’ ce en et à au aux qu' qu’
		of the has had is was and to`) {
		danglingWords[w] = true
	}
}

// midSentence reports whether w occurs capitalised after a lower-case
// word or a comma somewhere in the text: a name, not a sentence opener.
func (d *doc) midSentence(w string) bool {
	if v, ok := d.mid[w]; ok {
		return v
	}
	v := d.findMidSentence(w)
	if d.mid == nil {
		d.mid = map[string]bool{}
	}
	d.mid[w] = v
	return v
}

func (d *doc) findMidSentence(w string) bool {
	for i := 0; ; {
		k := strings.Index(d.text[i:], w)
		if k < 0 {
			return false
		}
		k += i
		p := strings.TrimRight(d.text[max(0, k-8):k], " \u00a0")
		if k > 0 && d.text[k-1] == ' ' && p != "" {
			r, _ := utf8.DecodeLastRuneInString(p)
			if unicode.IsLower(r) || r == ',' {
				return true
			}
		}
		i = k + len(w)
	}
}

var collective = set("pair", "couple", "duo", "trio", "both", "group", "family", "team", "campaign", "company",
	"firm", "government", "administration", "paire", "couple", "groupe", "famille", "équipe", "entreprise",
	"gouvernement", "deux")

// plural reports whether a description speaker names several people or a
// body ("the pair", "les deux", "the officials"), which "he" or "she"
// does not refer to.
func plural(speaker string) bool {
	w := strings.Fields(speaker)
	if len(w) < 2 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(speaker); !unicode.IsLower(r) {
		return false
	}
	last := strings.ToLower(w[len(w)-1])
	return collective[last] || strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !strings.HasSuffix(last, "is") && !strings.HasSuffix(last, "us")
}

// possessedApposition reports a name set off by a comma after a noun that
// belongs to someone else: "a friend of Harry's mother, Princess Diana" —
// a pronoun's antecedent is rarely so deep in a noun phrase.
func (d *doc) possessedApposition(pos int) bool {
	i := lowerBound(d.toks, pos)
	for i > 0 && d.toks[i-1].cap && (titles[d.toks[i-1].lw] || mascTitles[d.toks[i-1].lw] || femTitles[d.toks[i-1].lw]) {
		i--
	}
	if i < 3 || d.toks[i-1].w != "," || !d.toks[i-2].word || d.toks[i-2].cap {
		return false
	}
	for k := i - 3; k >= 0 && k >= i-6; k-- {
		t := d.toks[k]
		if !t.word && t.w != "'" && t.w != "’" {
			return false
		}
		if t.lw == "of" || strings.HasSuffix(t.lw, "'s") || strings.HasSuffix(t.lw, "’s") || t.w == "'" || t.w == "’" {
			return true
		}
	}
	return false
}
