package quote

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

// Extractor finds quotations and their speakers. It is safe for
// concurrent use.
type Extractor struct {
	verbs map[string]bool
}

var (
	lexOnce sync.Once
	lex     map[string]bool
)

// New returns an Extractor with the built-in French and English
// reporting-verb lexicon.
func New() *Extractor {
	lexOnce.Do(func() { lex = lexicon() })
	return &Extractor{verbs: lex}
}

// Closed word classes used to read the words around a quotation.
var (
	dets = set("le", "la", "les", "l'", "un", "une", "des", "du", "d'", "ce", "cet", "cette", "ces", "son", "sa",
		"ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "the", "a", "an", "his", "her",
		"their", "its", "our", "my", "your", "this", "that", "these", "those", "certains", "certaines",
		"plusieurs", "quelques", "some", "many", "several", "one", "aux", "au", "de", "of")
	indefinite = set("un", "une", "des", "d'", "certains", "certaines", "plusieurs", "quelques", "a", "an",
		"some", "many", "several", "one", "de")
	pronouns = set("il", "elle", "ils", "elles", "lui", "eux", "he", "she", "they", "him", "them", "we", "nous",
		"on", "i", "je", "j'", "moi", "it")
	auxiliaries = set("a", "avait", "ait", "aient", "eût", "ont", "avaient", "aura", "aurait", "est", "sont", "était", "s'est",
		"has", "had", "have", "is", "was", "were", "will", "would", "did", "does", "also", "then", "later",
		"ne", "n'", "pas", "s'", "se", "également", "aussi", "déjà", "encore", "ainsi", "toutefois",
		"pourtant", "alors", "lui", "leur", "y", "en", "l'", "le", "plus", "tôt", "bien", "just",
		"again", "once", "publicly", "repeatedly", "recently", "previously", "already", "often", "never")
	prepositions = set("à", "au", "aux", "de", "d'", "du", "des", "en", "dans", "sur", "pour", "par", "avec",
		"chez", "sans", "sous", "vers", "lors", "entre", "contre", "in", "at", "of", "for", "from", "with", "to",
		"on", "by", "into", "about", "during", "after", "before", "via", "près", "après", "avant", "depuis")
	orgNouns = set("agence", "organisation", "entreprise", "société", "groupe", "ministère", "gouvernement",
		"institut", "office", "autorité", "commission", "firme", "compagnie", "association", "parti", "agency",
		"company", "firm", "group", "ministry", "government", "institute", "organization", "party",
		"campaign", "committee", "department", "administration", "office", "ong")
)

var inverted = regexp.MustCompile(`^(\pL+)-(?:t-)?(il|elle|ils|elles|on|je|nous|vous)$`)

// cand is a quotation being attributed.
type cand struct {
	q       news.Quote
	sp      span
	para    int
	post    bool
	cue     bool // a reporting cue (verb, selon, colon with a speaker) was found
	strong  bool // the cue is a verb of speech or an explicit source marker
	mention string
	mpos    int // where the speaker mention is, for pronoun resolution
}

// doc is an article being read.
type doc struct {
	e     *Extractor
	text  string
	toks  []tok
	ents  []ent
	paras [][2]int
	ends  []int // sentence ends (byte offsets just after the terminator), outside quotations
	quote []span
	// byWord lists the distinct entity names by their lower-case words
	// (at most maxPerWord each).
	byWord map[string][]string
	// orgNames are the names of the organisations.
	orgNames map[string]bool
	// gender is the gender of the people whose mentions tell it.
	gender map[string]gender
	// mid caches midSentence.
	mid map[string]bool
}

const maxPerWord = 32

func (d *doc) indexNames() {
	d.byWord = map[string][]string{}
	d.orgNames = map[string]bool{}
	seen := map[string]bool{}
	for _, x := range d.ents {
		if x.typ == news.ORG {
			d.orgNames[x.name] = true
		}
		if seen[x.name] {
			continue
		}
		seen[x.name] = true
		for _, w := range strings.Fields(strings.ToLower(x.name)) {
			if len(d.byWord[w]) < maxPerWord {
				d.byWord[w] = append(d.byWord[w], x.name)
			}
		}
	}
}

// Extract returns the quotes of a.Text with speakers, in text order.
// people are the article's PER/ORG mentions from the entity recogniser; nil
// makes the extractor find capitalised names itself.
func (e *Extractor) Extract(a *news.Article, people []news.Mention) []news.Quote {
	if a == nil || a.Text == "" {
		return nil
	}
	d := &doc{e: e, text: a.Text}
	d.paras = paragraphs(d.text)
	d.toks = tokens(d.text, 0, len(d.text))
	markNouns(d.toks)
	d.ents = e.findEntities(d.text, d.toks, people)
	d.indexNames()
	d.setGenders()
	var cands []*cand
	posts := map[int]bool{}
	for pi, p := range d.paras {
		if c := d.post(pi); c != nil {
			cands = append(cands, c)
			posts[c.para] = true
		}
		_ = p
	}
	for pi, p := range d.paras {
		n := len(d.quote)
		d.quote = scan(d.text, p[0], p[1], d.quote)
		if posts[pi] {
			d.quote = d.quote[:n]
			continue
		}
		for _, sp := range d.quote[n:] {
			cands = append(cands, &cand{sp: sp, para: pi})
		}
		if n == len(d.quote) {
			if c := d.block(pi); c != nil {
				cands = append(cands, c)
			}
		}
	}
	d.sentenceEnds()
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].sp.start < cands[j].sp.start })
	var out []news.Quote
	var prev *cand
	for _, c := range cands {
		if !c.post && c.q.Kind != news.QuoteBlock {
			if !d.attribute(c, prev) {
				continue
			}
		}
		c.q.Span = news.Span{Start: c.sp.start, End: c.sp.end}
		c.q.Text = d.text[c.sp.start:c.sp.end]
		out = append(out, c.q)
		if !c.post && c.q.Speaker != "" {
			prev = c
		}
	}
	return out
}

// sentenceEnds records sentence boundaries outside quotations: after . ! ?
// … followed by a space and an upper-case letter, a digit or a mark.
func (d *doc) sentenceEnds() {
	qi := 0
	inQuote := func(i int) bool {
		for qi < len(d.quote) && d.quote[qi].closeEnd <= i {
			qi++
		}
		return qi < len(d.quote) && d.quote[qi].open <= i
	}
	for i := 0; i < len(d.text); i++ {
		c := d.text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if inQuote(i) {
			continue
		}
		// "Gov. Kasich", "J. Smith", "Mme. X": an abbreviation's period
		if c == '.' {
			w := i
			for w > 0 && d.text[w-1] != ' ' && d.text[w-1] != '\n' && d.text[w-1] != '(' && i-w < 8 {
				w--
			}
			word := strings.ToLower(d.text[w:i])
			if abbrevs[word] || titles[word+"."] || (utf8.RuneCountInString(word) == 1 && word != "" && unicode.IsLetter(rune(d.text[w]))) {
				continue
			}
		}
		j := i + 1
		for j < len(d.text) && (d.text[j] == '.' || d.text[j] == '!' || d.text[j] == '?') {
			j++
		}
		r, n := utf8.DecodeRuneInString(d.text[min(j, len(d.text)):])
		if j < len(d.text) && !isSpace(r) {
			continue
		}
		// the next sentence may start after a paragraph break
		k := j + n
		for k < len(d.text) {
			r3, n3 := utf8.DecodeRuneInString(d.text[k:])
			if !isSpace(r3) {
				break
			}
			k += n3
		}
		r2, _ := utf8.DecodeRuneInString(d.text[min(k, len(d.text)):])
		if k >= len(d.text) || unicode.IsUpper(r2) || unicode.IsDigit(r2) || strings.ContainsRune("«“\"‘—–-", r2) {
			d.ends = append(d.ends, j)
		}
		i = j - 1
	}
}

// bounds returns the sentence around [s, e): from the last sentence end
// before s (or the paragraph start) to the first one after e (or the
// paragraph end).
func (d *doc) bounds(pi, s, e int) (int, int) {
	lo, hi := d.paras[pi][0], d.paras[pi][1]
	k := sort.SearchInts(d.ends, s+1)
	if k > 0 && d.ends[k-1] > lo {
		lo = d.ends[k-1]
	}
	k = sort.SearchInts(d.ends, e+1)
	if k < len(d.ends) && d.ends[k] < hi {
		hi = d.ends[k]
	}
	return lo, hi
}

// toksIn returns the tokens inside [s, e).
func (d *doc) toksIn(s, e int) []tok {
	i := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].s >= s })
	j := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].s >= e })
	if j < i {
		j = i
	}
	for j > i && d.toks[j-1].e > e {
		j--
	}
	return d.toks[i:j]
}

var postLine = regexp.MustCompile(`(?:^|\s)[—–-]\s*([^\n(—–]{2,80}?)\s*\(@(\w{1,30})\)`)
var urlTail = regexp.MustCompile(`(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+))+\s*$`)

// post reads an embedded social-media post: "text — Name (@handle) date",
// on one line or with the attribution on the next.
func (d *doc) post(pi int) *cand {
	p := d.paras[pi]
	line := d.text[p[0]:p[1]]
	if !strings.Contains(line, "(@") {
		return nil
	}
	m := postLine.FindStringSubmatchIndex(line)
	if m == nil {
		return nil
	}
	s, e := p[0], p[0]+m[0]
	para := pi
	if strings.TrimSpace(line[:m[0]]) == "" {
		if pi == 0 {
			return nil
		}
		para = pi - 1
		s, e = d.paras[pi-1][0], d.paras[pi-1][1]
	}
	body := d.text[s:e]
	if loc := urlTail.FindStringIndex(body); loc != nil {
		e = s + loc[0]
	}
	s, e = trimSpaceRange(d.text, s, e)
	if s >= e {
		return nil
	}
	name := strings.TrimSpace(line[m[2]:m[3]])
	c := &cand{sp: span{start: s, end: e}, para: para, post: true}
	c.q.Kind = news.QuotePost
	c.q.Speaker = d.canonical(name, p[0]+m[2])
	c.q.SpeakerSpan = news.Span{Start: p[0] + m[2], End: p[0] + m[3]}
	dash := strings.IndexAny(line[m[0]:], "—–-")
	c.q.Cue = line[m[0]+dash : m[0]+dash+utf8.RuneLen([]rune(line[m[0]+dash:])[0])]
	c.q.CueSpan = news.Span{Start: p[0] + m[0] + dash, End: p[0] + m[0] + dash + len(c.q.Cue)}
	return c
}

var attribLine = regexp.MustCompile(`^[—–-]\s*(\p{Lu}[\pL'’.-]*(?:\s+\p{Lu}[\pL'’.-]*)*)\s*(?:,.*)?$`)

// block reads a block quote: a paragraph without quotation marks followed
// by an attribution line ("– Sam Altman, CEO d'OpenAI").
func (d *doc) block(pi int) *cand {
	if pi+1 >= len(d.paras) {
		return nil
	}
	next := d.paras[pi+1]
	line := d.text[next[0]:next[1]]
	if len(line) > 160 || !strings.ContainsAny(line[:min(len(line), 4)], "—–-") {
		return nil
	}
	m := attribLine.FindStringSubmatchIndex(line)
	if m == nil || postLine.MatchString(line) {
		return nil
	}
	p := d.paras[pi]
	c := &cand{sp: span{start: p[0], end: p[1]}, para: pi, cue: true, strong: true}
	c.q.Kind = news.QuoteBlock
	c.q.Speaker = d.canonical(line[m[2]:m[3]], next[0]+m[2])
	c.q.SpeakerSpan = news.Span{Start: next[0] + m[2], End: next[0] + m[3]}
	c.q.Cue = line[:utf8.RuneLen([]rune(line)[0])]
	c.q.CueSpan = news.Span{Start: next[0], End: next[0] + len(c.q.Cue)}
	return c
}

// canonical returns the article's full name for a surface name.
func (d *doc) canonical(name string, at int) string {
	name = strings.TrimSpace(name)
	end := at + len(name)
	// the last person inside the mention: "New York City Mayor Bill de
	// Blasio" is Bill de Blasio, not the city
	inside := d.ents[sort.Search(len(d.ents), func(i int) bool { return d.ents[i].s >= at }):]
	for i := len(inside) - 1; i >= 0; i-- {
		if x := inside[i]; x.e <= end && x.typ == news.PER && x.s > at && x.name != strings.ToUpper(x.name) {
			return x.name
		}
	}
	if before := d.entsBefore(at + 1); len(before) > 0 {
		if x := before[len(before)-1]; x.s <= at && at < x.e {
			return x.name
		}
	}
	words := strings.Fields(name)
	// titles inside the mention: "New York City Mayor Bill de Blasio"
	for i := len(words) - 2; i > 0; i-- {
		if titles[strings.ToLower(words[i])] {
			words = words[i+1:]
			break
		}
	}
	for len(words) > 1 && titles[strings.ToLower(words[0])] {
		words = words[1:]
	}
	best := strings.Join(words, " ")
	if len(words) == 0 {
		return best
	}
	for _, n := range d.byWord[strings.ToLower(words[len(words)-1])] {
		if len(n) > len(best) && containsWords(strings.Fields(n), words) {
			best = n
		}
	}
	return best
}
