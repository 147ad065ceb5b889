// Package crosscheck compares the facts and quotes of a story's articles:
// it aligns mentions of the same quantity or date across sources, and
// classifies each aligned fact as agreed, in conflict, or single-source;
// it groups the variants of one quote.
//
// Alignment is greedy and deterministic. Mentions are taken most precise
// first; a mention joins the group whose representative value it is
// compatible with (Rules.Amounts / Rules.Dates, which know about rounding
// and approximations) and whose context (the content words of the
// surrounding sentence) it shares most, else it opens a new group. Two
// groups with incompatible values but the same context, reported by
// different articles, are one fact in conflict ("54 milliards" here, "44
// milliards" there, both about the price of Twitter). A near-duplicate
// (Article.DuplicateOf) confirms nothing, nor does a second article of
// the same outlet: Check.Independent counts each origin once (news.Origins).
//
// The comparison rules come from the extractor packages through Rules, so
// this stage imports only news.
package crosscheck

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

// Rules are the comparisons the cross-check is built on.
type Rules struct {
	// Amounts reports whether two amounts can be the same fact as stated.
	Amounts func(a, b news.Amount) (bool, string)
	// Dates reports whether two dates can be the same day, month or year.
	Dates func(a, b news.Date) (bool, string)
	// QuoteSimilarity scores two quotes' words in [0,1]; quotes at or
	// above QuoteThreshold with compatible speakers are variants.
	QuoteSimilarity func(a, b string) float64
	QuoteThreshold  float64
	// QuoteIndex, when set, is used instead of QuoteSimilarity: it
	// prepares a story's quote texts once and says which of them can
	// reach the threshold together, so that a story of thousands of
	// quotes is not compared pair by pair.
	QuoteIndex func(texts []string, threshold float64) QuoteIndex
	// Dateline reports whether the line holding text[start:end] is a
	// dateline or a byline (nothing but a date and publication cues, or
	// "… posted in <section> on <date>."), whose date then dates the
	// article, not the news; nil reads no line as a dateline.
	Dateline func(text string, start, end int) bool
}

// A QuoteIndex compares a story's quotes by their place in the texts it
// was built from.
type QuoteIndex interface {
	// Similarity scores quotes i and j like Rules.QuoteSimilarity.
	Similarity(i, j int) float64
	// Near appends to dst, in increasing order, every quote other than
	// i whose similarity with i may reach the threshold (a superset).
	Near(i int, dst []int) []int
}

// pairIndex is the QuoteIndex of a plain QuoteSimilarity: every quote is
// near every other.
type pairIndex struct {
	texts []string
	sim   func(a, b string) float64
}

func (x pairIndex) Similarity(i, j int) float64 { return x.sim(x.texts[i], x.texts[j]) }

func (x pairIndex) Near(i int, dst []int) []int {
	for j := range x.texts {
		if j != i {
			dst = append(dst, j)
		}
	}
	return dst
}

// Source is one article of the story with what was extracted from it.
type Source struct {
	Article    news.Article
	Extraction news.Extraction
}

// Result is the outcome of a comparison.
type Result struct {
	Facts  []news.Check
	Quotes []news.QuoteGroup
	// Timeline lists the dated facts in date order.
	Timeline []news.Event
}

// Checker compares sources with a set of rules.
type Checker struct {
	rules Rules
}

// DefaultQuoteThreshold is used when Rules.QuoteThreshold is 0.
const DefaultQuoteThreshold = 0.5

// New returns a Checker. Missing rules fall back to exact equality.
func New(r Rules) *Checker {
	if r.Amounts == nil {
		r.Amounts = exactAmounts
	}
	if r.Dates == nil {
		r.Dates = exactDates
	}
	if r.QuoteSimilarity == nil {
		r.QuoteSimilarity = func(a, b string) float64 {
			if normWords(a) == normWords(b) {
				return 1
			}
			return 0
		}
	}
	if r.QuoteThreshold == 0 {
		r.QuoteThreshold = DefaultQuoteThreshold
	}
	if r.QuoteIndex == nil {
		sim := r.QuoteSimilarity
		r.QuoteIndex = func(texts []string, _ float64) QuoteIndex { return pairIndex{texts: texts, sim: sim} }
	}
	return &Checker{rules: r}
}

func exactAmounts(a, b news.Amount) (bool, string) {
	if a.Currency != "" && b.Currency != "" && a.Currency != b.Currency {
		return false, "currency " + a.Currency + " vs " + b.Currency
	}
	return a.Value == b.Value, ""
}

func exactDates(a, b news.Date) (bool, string) { return a.String() == b.String(), "" }

// mention is one fact of one source, ready for alignment.
type mention struct {
	src  int
	fact news.Fact
	ctx  map[string]bool
	// near are the content words within a few words of the figure, in
	// its sentence: what the figure is about ("dégâts", "plan d'aide").
	near map[string]bool
	// named are the near words written capitalised.
	named map[string]bool
	// unit is the noun a bare number counts ("3 ans", "18 stations"),
	// folded; "" when none follows it.
	unit string
}

// group is a set of mentions taken to be one fact.
type group struct {
	kind     news.Kind
	rep      mention // the most precise mention: the value others are compared with
	mentions []mention
	// contexts holds one mention per distinct context and article: what
	// bestPair reads, so that a figure repeated in one wording a
	// thousand times is compared once.
	contexts []mention
	seen     map[contextOf]bool
	ctx      map[string]bool
	conflict string // why, when two groups were merged as a conflict
	anchored []string
}

// Compare aligns and classifies the facts and quotes of srcs. canon maps
// an alias or within-article name to the story-wide canonical name of an
// entity (speakers are compared through it); it may be nil.
func (c *Checker) Compare(srcs []Source, canon map[string]string) Result {
	origin := origins(srcs)
	var res Result
	var groups []*group
	groups = append(groups, c.alignAmounts(srcs)...)
	groups = append(groups, c.alignDates(srcs)...)
	for _, g := range groups {
		if chk, ok := c.check(g, srcs, origin); ok {
			res.Facts = append(res.Facts, chk)
		}
	}
	sortChecks(res.Facts)
	res.Timeline = timeline(res.Facts, srcs)
	res.Quotes = c.groupQuotes(srcs, canon, origin)
	return res
}

// origins maps each source to the first source of its origin (news.Origins).
func origins(srcs []Source) []int {
	arts := make([]news.Article, len(srcs))
	for i, s := range srcs {
		arts[i] = s.Article
	}
	return news.Origins(arts)
}

func amountKind(k news.Kind) bool {
	return k == news.KindMoney || k == news.KindNumber || k == news.KindPercent
}

func (c *Checker) alignAmounts(srcs []Source) []*group {
	var ms []mention
	for i, s := range srcs {
		prevEnd := -1 // end of the article's previous amount
		for _, f := range s.Extraction.Facts {
			if !amountKind(f.Kind) || f.Amount == nil {
				continue
			}
			conv := converted(s.Article.Text, prevEnd, f)
			prevEnd = f.Span.End
			if f.Amount.Value != 0 && !denied(s.Article.Text, f) && !conv {
				m := mention{src: i, fact: f, ctx: contextWords(s.Article.Text, f)}
				m.near, m.named = nearWords(s.Article.Text, f)
				if f.Kind == news.KindNumber {
					m.unit = unitAfter(s.Article.Text, f)
				}
				ms = append(ms, m)
			}
		}
	}
	// Most precise first: exact before hedged, then finest precision.
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i].fact.Amount, ms[j].fact.Amount
		if (a.Qualifier == news.QualExact) != (b.Qualifier == news.QualExact) {
			return a.Qualifier == news.QualExact
		}
		if a.Precision != b.Precision {
			return a.Precision < b.Precision
		}
		if ms[i].src != ms[j].src {
			return ms[i].src < ms[j].src
		}
		return ms[i].fact.Span.Start < ms[j].fact.Span.Start
	})
	var groups []*group
	for _, m := range ms {
		groups = place(groups, m, func(g *group) (float64, bool) {
			if !sameFamily(g.kind, m.fact.Kind) || !c.amountsJoin(g.rep.fact.Amount, m.fact.Amount) || !sameUnit(g, m) {
				return 0, false
			}
			// A bare number ("deux", "15") is too common to be the same
			// fact by its value alone: it must share its context too (a
			// title and its article's body count).
			if m.fact.Kind == news.KindNumber && bestPair(g.contexts, []mention{m}, false) < numberContext {
				return 0, false
			}
			// A different currency makes a conflict only about one fact.
			// Three significant digits alike (97,4 milliards) are that
			// fact; a round value (3 millions) must also be about the same
			// thing: a word near both figures ("dégâts").
			if rc, mc := g.rep.fact.Amount.Currency, m.fact.Amount.Currency; rc != "" && mc != "" && rc != mc &&
				significant(g.rep.fact.Amount) < 3 && !nearShared(g.mentions, m, false) {
				return 0, false
			}
			return jaccard(g.ctx, m.ctx) - closeness(g.rep.fact.Amount.Value, m.fact.Amount.Value), true
		})
	}
	return sameConflicts(c.mergeConflicts(groups, func(a, b *group) (float64, bool) {
		x, y := a.rep.fact.Amount, b.rep.fact.Amount
		if x.Qualifier != news.QualExact || y.Qualifier != news.QualExact || !sameFamily(a.kind, b.kind) || !sameUnit(a, b.rep) {
			return 0, false
		}
		if x.Currency != "" && y.Currency != "" && x.Currency != y.Currency {
			return 0, false
		}
		// Values that agree are no conflict, however their groups parted.
		if c.amountsJoin(x, y) {
			return 0, false
		}
		// A bare number says what it counts or it cannot be told from the
		// other numbers of the story (a score, a page, a time): only "19
		// morts" and "13 morts" disagree.
		if a.kind == news.KindNumber {
			if u := groupUnit(a); u == "" || u != groupUnit(b) {
				return 0, false
			}
		}
		// An article that states both values tells two facts ("13 morts
		// selon Pékin, 100 selon les exilés"): its readers see no conflict.
		if c.statesValue(srcs, a, y) || c.statesValue(srcs, b, x) {
			return 0, false
		}
		switch r := x.Value / y.Value; {
		case r >= 0.75 && r <= 1/0.75 && sharesNear(a, b):
			// The same common noun next to two close figures ("dégâts",
			// "pompiers") names the thing they measure: sentences that
			// share little else still tell the same fact. On the events
			// of ../shared/data/news-clustering (one brief per gold event,
			// 28 French and 66 English), this finds 8 conflicts the
			// context alone missed, 5 of them real (six vs cinq jours of
			// teachings, 204 vs 205 delegations, aged 61 vs sixty, 10 vs
			// nine minutes, nine vs 10 games missed) and 3 not (two
			// players' rushing yards, two teams' offers).
			return nearContext, true
		case r >= 0.5 && r <= 2:
			return conflictContext, true
		case r >= 0.1 && r <= 10:
			// An order of magnitude apart (3 vs 30 millions) is a
			// classic slip, but only about the very same thing.
			return strongContext, true
		}
		return 0, false
	}))
}

// sameConflicts merges conflicts that oppose the same values of the same
// unit in different articles ("19 morts" vs "13 morts" found twice, the
// groups having parted over their sentences): one conflict, one line.
func sameConflicts(groups []*group) []*group {
	values := func(g *group) string {
		seen := map[float64]bool{}
		var vs []float64
		for _, m := range g.mentions {
			if v := m.fact.Amount.Value; !seen[v] {
				seen[v] = true
				vs = append(vs, v)
			}
		}
		sort.Float64s(vs)
		return fmt.Sprint(vs, groupUnit(g), g.kind, g.rep.fact.Amount.Currency)
	}
	var out []*group
	first := map[string]*group{}
	for _, g := range groups {
		if g.conflict == "" {
			out = append(out, g)
			continue
		}
		k := values(g)
		if f, ok := first[k]; ok && !overlaps(f.articles(), g.articles()) {
			for _, m := range g.mentions {
				f.add(m)
			}
			continue
		}
		first[k] = g
		out = append(out, g)
	}
	return out
}

// groupUnit is the first noun a mention of g counts, "" when none does.
func groupUnit(g *group) string {
	for _, m := range g.mentions {
		if m.unit != "" {
			return m.unit
		}
	}
	return ""
}

// statesValue reports whether an article of g states, anywhere, an amount
// of g's kind compatible with v.
func (c *Checker) statesValue(srcs []Source, g *group, v *news.Amount) bool {
	for i := range g.articles() {
		for _, f := range srcs[i].Extraction.Facts {
			if f.Kind == g.kind && f.Amount != nil && c.amountsJoin(f.Amount, v) {
				return true
			}
		}
	}
	return false
}

// sameUnit reports whether m counts the same thing as g's numbers: "3 ans"
// and "3 mois", "18 stations" and "18 kilomètres" are different facts. A
// number with no noun after it goes with any.
func sameUnit(g *group, m mention) bool {
	if m.fact.Kind != news.KindNumber || m.unit == "" {
		return true
	}
	for _, x := range g.mentions {
		if x.unit != "" && x.unit != m.unit {
			return false
		}
	}
	return true
}

// unitAfter returns the word after a number in lower case, a final s or
// x dropped from words of four letters or more, skipping "de"/"d'"/"of":
// "18 kilomètres" → "kilomètre", "3 ans" → "ans"; "" when a punctuation
// mark or the end follows.
func unitAfter(text string, f news.Fact) string {
	if !f.Span.In(len(text)) {
		return ""
	}
	rest := text[f.Span.End:min(len(text), f.Span.End+80)]
	partOf := false
	for range 2 {
		rest = strings.TrimLeft(rest, " \u00a0\u202f\t")
		end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		if end < 0 {
			end = len(rest)
		}
		raw := rest[:end]
		w := strings.ToLower(raw)
		rest = rest[end:]
		switch w {
		case "":
			return ""
		case "de", "des", "of", "d":
			rest = strings.TrimLeft(rest, "'’")
			partOf = true
			continue
		}
		// "two of Zorbia's providers", "deux de Brume": a part of a
		// named whole, not a count of it.
		if r, _ := utf8.DecodeRuneInString(raw); partOf && unicode.IsUpper(r) {
			return ""
		}
		w = normWords(w)
		if len(w) > 3 {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "s"), "x")
		}
		return w
	}
	return ""
}

// significant returns the number of significant digits a was written with.
func significant(a *news.Amount) int {
	if a.Precision <= 0 || a.Value == 0 {
		return 0
	}
	return int(math.Floor(math.Log10(math.Abs(a.Value)/a.Precision))) + 1
}

// nearShared reports whether m shares a word near its figure with a
// mention of another source in ms; with commonOnly, a word that either
// writes capitalised (a name) does not count.
func nearShared(ms []mention, m mention, commonOnly bool) bool {
	for _, x := range ms {
		if x.src == m.src {
			continue
		}
		for w := range m.near {
			if x.near[w] && !(commonOnly && (x.named[w] || m.named[w])) {
				return true
			}
		}
	}
	return false
}

// sharesNear reports whether a mention of a and one of b, in different
// articles, have a common noun (not a name: the story's places and
// actors are next to many of its figures) next to their figure in common.
func sharesNear(a, b *group) bool {
	for _, m := range b.mentions {
		if nearShared(a.mentions, m, true) {
			return true
		}
	}
	return false
}

// nearWindow is how many words each side of a figure nearWords reads.
const nearWindow = 4

// nearWords returns the content words among the nearWindow words each
// side of f, in its sentence, lower-cased, and those of them written
// capitalised (names, or a sentence's first word).
func nearWords(text string, f news.Fact) (near, named map[string]bool) {
	s := f.Sentence
	if !s.In(len(text)) || s.Len() == 0 || !f.Span.In(len(text)) {
		return nil, nil
	}
	s = clip(s, f.Span)
	split := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	before := strings.FieldsFunc(text[s.Start:max(s.Start, min(f.Span.Start, s.End))], split)
	after := strings.FieldsFunc(text[min(s.End, max(f.Span.End, s.Start)):s.End], split)
	before = before[max(0, len(before)-nearWindow):]
	after = after[:min(len(after), nearWindow)]
	near, named = map[string]bool{}, map[string]bool{}
	for _, raw := range append(before, after...) {
		w := strings.ToLower(raw)
		if len([]rune(w)) >= 4 && !stopWords[w] {
			near[w] = true
			if r, _ := utf8.DecodeRuneInString(raw); unicode.IsUpper(r) {
				named[w] = true
			}
		}
	}
	return near, named
}

// conversionLead matches what stands between an amount and its
// conversion into another currency or unit: "$US1 million ($1.52
// million)", « 10 000 dollars (soit 9 200 euros) ».
var conversionLead = regexp.MustCompile(`^\s*\(\s*(?:(?:soit|environ|about|around|or|ou|i\.e\.|≈|~)\s*)?$`)

// converted reports whether the amount f opens a parenthesis right after
// the article's previous amount (ending at prevEnd): a conversion of that
// amount, which states no fact of its own and must not contradict the
// other sources' figures in its converted currency.
func converted(text string, prevEnd int, f news.Fact) bool {
	if prevEnd < 0 || prevEnd > f.Span.Start || !f.Span.In(len(text)) {
		return false
	}
	return conversionLead.MatchString(text[prevEnd:f.Span.Start])
}

// denied reports whether the text sets the figure aside: "15 millions et
// non 12,5 millions", "not 40", "au lieu de 12".
func denied(text string, f news.Fact) bool {
	if !f.Span.In(len(text)) {
		return false
	}
	before := strings.ToLower(text[max(0, f.Span.Start-24):f.Span.Start])
	before = strings.TrimRight(before, " \u00a0\u202f,")
	for _, cue := range []string{" non", " not", " pas", "au lieu de", "instead of", "rather than", "plutôt que", "non pas"} {
		if strings.HasSuffix(before, cue) {
			return true
		}
	}
	return false
}

// sameFamily reports whether two kinds of amount may be one fact: money
// with money, percent with percent, numbers with numbers.
func sameFamily(a, b news.Kind) bool { return a == b }

// amountsJoin reports whether m can join a group represented by rep. The
// values must be compatible regardless of currency; a different currency
// is allowed only when the values agree to the digit, since that is what
// makes "97.4 milliards d’euros" the same fact as "97,4 milliards de
// dollars" — in conflict.
func (c *Checker) amountsJoin(rep, m *news.Amount) bool {
	a, b := *rep, *m
	a.Currency, b.Currency = "", ""
	if ok, _ := c.rules.Amounts(a, b); !ok {
		return false
	}
	if rep.Currency == "" || m.Currency == "" || rep.Currency == m.Currency {
		return true
	}
	return m.Qualifier == news.QualExact && rep.Qualifier == news.QualExact && sameDigits(rep, m)
}

func sameDigits(a, b *news.Amount) bool {
	p := math.Max(a.Precision, b.Precision)
	if p == 0 {
		return a.Value == b.Value
	}
	return math.Abs(a.Value-b.Value) < p/2
}

// closeness penalises joining a group whose value is far from the mention's.
func closeness(a, b float64) float64 {
	if a == 0 || b == 0 {
		return 1
	}
	return math.Abs(math.Log(a / b))
}

// place adds m to the group that accepts it with the best score (above
// -1: a group whose value is far off scores below it), or opens a new
// group when none does.
func place(groups []*group, m mention, accept func(g *group) (score float64, ok bool)) []*group {
	var best *group
	bestScore := -1.0
	for _, g := range groups {
		if score, ok := accept(g); ok && score > bestScore {
			best, bestScore = g, score
		}
	}
	if best == nil {
		return append(groups, newGroup(m))
	}
	best.add(m)
	return groups
}

func newGroup(m mention) *group {
	g := &group{kind: m.fact.Kind, rep: m, ctx: map[string]bool{}}
	g.add(m)
	return g
}

// contextOf names a mention's context words in one article.
type contextOf struct {
	src   int
	words string
}

func (g *group) add(m mention) {
	g.mentions = append(g.mentions, m)
	words := slices.Sorted(maps.Keys(m.ctx))
	for _, w := range words {
		g.ctx[w] = true
	}
	k := contextOf{src: m.src, words: strings.Join(words, " ")}
	if g.seen == nil {
		g.seen = map[contextOf]bool{}
	}
	if !g.seen[k] {
		g.seen[k] = true
		g.contexts = append(g.contexts, m)
	}
}

func (g *group) articles() map[int]bool {
	out := map[int]bool{}
	for _, m := range g.mentions {
		out[m.src] = true
	}
	return out
}

// conflictContext is how much two mentions' contexts must share (Jaccard
// of their sentences' content words) for their different values to be read
// as one fact in conflict; numberContext is how much a bare number must
// share with a group to join it.
const (
	conflictContext = 0.35
	// nearContext is what close values must share when a word next to
	// both figures names what they measure (see sharesNear).
	nearContext   = 0.2
	numberContext = 0.25
	// strongContext is what values an order of magnitude apart must share.
	strongContext = 0.5
)

// bestPair returns the highest context similarity between a mention of a
// and a mention of b (from different sources when crossSource is set).
func bestPair(a, b []mention, crossSource bool) float64 {
	best := 0.0
	for _, x := range a {
		for _, y := range b {
			if crossSource && x.src == y.src {
				continue
			}
			best = math.Max(best, jaccard(x.ctx, y.ctx))
		}
	}
	return best
}

// mergeConflicts merges pairs of groups that tell the same fact with
// incompatible values: disjoint articles, shared context, and values that
// could plausibly be confused (eligible).
func (c *Checker) mergeConflicts(groups []*group, eligible func(a, b *group) (minContext float64, ok bool)) []*group {
	var out []*group
	merged := make([]bool, len(groups))
	for i, a := range groups {
		if merged[i] {
			continue
		}
		for j := i + 1; j < len(groups); j++ {
			b := groups[j]
			if merged[j] || overlaps(a.articles(), b.articles()) {
				continue
			}
			if need, ok := eligible(a, b); !ok || bestPair(a.contexts, b.contexts, true) < need {
				continue
			}
			merged[j] = true
			a.conflict = "value: " + a.rep.fact.Text + " vs " + b.rep.fact.Text
			if u := groupUnit(a); a.kind == news.KindNumber && u != "" {
				// A bare number's heading says what it counts.
				a.conflict += " (" + u + ")"
			}
			for _, m := range b.mentions {
				a.add(m)
			}
		}
		out = append(out, a)
	}
	return out
}

func overlaps(a, b map[int]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func (c *Checker) alignDates(srcs []Source) []*group {
	var ms, unresolved []mention
	for i, s := range srcs {
		for _, f := range s.Extraction.Facts {
			f = asDate(f)
			if f.Kind != news.KindDate || f.When == nil || c.dateline(s.Article.Text, f) {
				continue
			}
			m := mention{src: i, fact: f, ctx: contextWords(s.Article.Text, f)}
			if f.When.Date.IsZero() {
				unresolved = append(unresolved, m)
				continue
			}
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i].fact.When.Date.Granularity, ms[j].fact.When.Date.Granularity
		if a != b {
			return a > b
		}
		if ms[i].src != ms[j].src {
			return ms[i].src < ms[j].src
		}
		return ms[i].fact.Span.Start < ms[j].fact.Span.Start
	})
	var groups []*group
	for _, m := range ms {
		groups = place(groups, m, func(g *group) (float64, bool) {
			rd, md := g.rep.fact.When.Date, m.fact.When.Date
			if rd.Granularity != md.Granularity {
				return 0, false
			}
			if ok, _ := c.rules.Dates(rd, md); !ok {
				return 0, false
			}
			return jaccard(g.ctx, m.ctx), true
		})
	}
	groups = c.mergeConflicts(groups, func(a, b *group) (float64, bool) {
		x, y := a.rep.fact.When.Date, b.rep.fact.When.Date
		// "today", "Saturday" are only as right as the article's own
		// date, which may be an update's: each side must write its day
		// out ("8 June") to contradict the other.
		return conflictContext, x.Granularity == y.Granularity && x.Granularity >= news.GranDay && dayWritten(a) && dayWritten(b)
	})
	anchorWeekdays(groups, unresolved, srcs)
	return groups
}

// dateline reports whether a date is the article's own publication or
// update line, at the start of a line or sentence ("Publié le 12 mars
// 2024.", "Updated on March 3"): articles published on different days do
// not disagree about the news. "un sondage publié le 4 avril" is news.
func (c *Checker) dateline(text string, f news.Fact) bool {
	if !f.Span.In(len(text)) {
		return false
	}
	if c.rules.Dateline != nil && c.rules.Dateline(text, f.Span.Start, f.Span.End) {
		return true
	}
	from := max(0, f.Span.Start-24)
	before := strings.ToLower(text[from:f.Span.Start])
	before = strings.TrimRight(before, " \u00a0\u202f:")
	for _, suffix := range []string{" le", " on", ""} {
		b, ok := strings.CutSuffix(before, suffix)
		if !ok {
			continue
		}
		for _, cue := range []string{"publié", "publiée", "mis à jour", "modifié", "published", "updated", "posted"} {
			if !strings.HasSuffix(b, cue) {
				continue
			}
			// What precedes the cue on its line must end a sentence.
			lead := strings.TrimRight(text[:from+len(b)-len(cue)], " \u00a0\u202f\t")
			if lead == "" || strings.HasSuffix(lead, "\n") || strings.HasSuffix(lead, ".") || strings.HasSuffix(lead, "|") || strings.HasSuffix(lead, "—") {
				return true
			}
		}
	}
	return false
}

// asDate reads a dated time ("10 mars 2031 à 14h30") as its day, so that
// it aligns with the other sources' "10 mars 2031"; other facts pass.
func asDate(f news.Fact) news.Fact {
	if f.Kind != news.KindTime || f.When == nil || f.When.Date.Granularity != news.GranMinute {
		return f
	}
	w := *f.When
	t := w.Date.Time
	w.Date = news.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location()), Granularity: news.GranDay}
	f.Kind, f.When = news.KindDate, &w
	return f
}

// anchorWeekdays resolves a weekday ("lundi") that its article could not
// date, when the story's other sources date exactly one day-level fact on
// that weekday: "lundi" joins "10 février 2025", a Monday. This is the
// story anchoring the date extractor leaves to the cross-check. When the
// weekday's article has a publication date, the day must fall within the
// week around it. Without one, the day must be one a source wrote without
// its year ("10 février", read against its own date): a bare weekday
// names a day of the week the news is from, and so does a date whose
// year goes without saying, whereas a date written in full ("30 novembre
// 2007") is as often a past event the story recalls.
func anchorWeekdays(groups []*group, unresolved []mention, srcs []Source) {
	for _, m := range unresolved {
		wd, ok := weekday(m.fact.When.Expr)
		if !ok {
			continue
		}
		pub := srcs[m.src].Article.Published
		var cand *group
		n := 0
		for _, g := range groups {
			d := g.rep.fact.When.Date
			if pub.Granularity >= news.GranDay {
				if gap := d.Time.Sub(pub.Time); gap < -7*24*time.Hour || gap > 7*24*time.Hour {
					continue
				}
			} else if !writtenWithoutYear(g) {
				continue
			}
			if d.Granularity >= news.GranDay && int(d.Time.Weekday()) == wd%7 {
				cand = g
				n++
			}
		}
		if n != 1 {
			continue
		}
		cand.add(m)
		cand.anchored = append(cand.anchored, m.fact.Text)
	}
}

// dayWritten reports whether a mention of g writes its day and month out
// ("8 June", "8 juin 2031"), not as a word relative to the article's date.
func dayWritten(g *group) bool {
	for _, m := range g.mentions {
		if w := m.fact.When; w.Expr == "" || strings.HasPrefix(w.Expr, "md:") {
			return true
		}
	}
	return false
}

// writtenWithoutYear reports whether a source of g wrote its day without
// the year and had it resolved against its own date ("10 février" →
// 2025-02-10, "jeudi" → 2025-02-13).
func writtenWithoutYear(g *group) bool {
	for _, m := range g.mentions {
		if w := m.fact.When; w.Relative && !w.Date.IsZero() && w.Date.Granularity >= news.GranDay {
			return true
		}
	}
	return false
}

// weekday reads "weekday:N" (ISO: 1 = Monday … 7 = Sunday).
func weekday(expr string) (int, bool) {
	rest, ok := strings.CutPrefix(expr, "weekday:")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 1 || n > 7 {
		return 0, false
	}
	return n, true
}

// check turns a group into a news.Check. Plain numbers reported by one
// source only are left out: they are too many and too ambiguous to be
// worth a line in a brief.
func (c *Checker) check(g *group, srcs []Source, origin []int) (news.Check, bool) {
	arts := g.articles()
	if g.kind == news.KindNumber && len(arts) < 2 {
		return news.Check{}, false
	}
	chk := news.Check{Kind: g.kind, Articles: len(arts), Independent: independent(arts, origin)}
	sort.SliceStable(g.mentions, func(i, j int) bool {
		if g.mentions[i].src != g.mentions[j].src {
			return g.mentions[i].src < g.mentions[j].src
		}
		return g.mentions[i].fact.Span.Start < g.mentions[j].fact.Span.Start
	})
	for _, m := range g.mentions {
		chk.Sources = append(chk.Sources, cite(srcs[m.src].Article, m.fact.Span))
	}
	first := g.mentions[0]
	chk.Context = contextSnippet(srcs[first.src].Article.Text, first.fact.Sentence, first.fact.Span)
	if g.kind == news.KindDate {
		chk.Date = g.rep.fact.When.Date.String()
		c.dateStatus(&chk, g, srcs)
	} else {
		c.amountStatus(&chk, g, srcs)
	}
	if len(g.anchored) > 0 {
		// Each weekday once, however often the articles wrote it.
		var words []string
		seen := map[string]bool{}
		for _, w := range g.anchored {
			if k := strings.ToLower(w); !seen[k] {
				seen[k] = true
				words = append(words, w)
			}
		}
		d := g.rep.fact.When.Date
		per := " per " + g.rep.fact.Text
		if g.rep.fact.When.Relative {
			// The anchor is itself relative ("Monday morning"): name what
			// dated it, not the words again.
			per = " per «" + g.rep.fact.Text + "»"
			if pub := srcs[g.rep.src].Article.Published; !pub.IsZero() {
				per += " in an article published " + pub.String()
			} else {
				per += " as resolved in its article"
			}
		}
		chk.Why = strings.TrimPrefix(chk.Why+"; anchored by the story: "+strings.Join(words, ", ")+" → "+d.String()+
			" ("+d.Time.Weekday().String()+per+")", "; ")
	}
	return chk, true
}

func independent(arts map[int]bool, origin []int) int {
	seen := map[int]bool{}
	for a := range arts {
		seen[origin[a]] = true
	}
	return len(seen)
}

func cite(a news.Article, s news.Span) news.Citation {
	return news.Citation{Article: a.Name, ArticleID: a.ID, Start: s.Start, End: s.End, Text: a.Text[s.Start:s.End]}
}

func (c *Checker) amountStatus(chk *news.Check, g *group, srcs []Source) {
	// Sides: by currency, and by value when two groups were merged.
	type key struct {
		cur string
		val float64
	}
	var keys []key
	sides := map[key]*news.Side{}
	curArts := map[string]map[int]bool{}
	for _, m := range g.mentions {
		a := m.fact.Amount
		if a.Currency != "" {
			if curArts[a.Currency] == nil {
				curArts[a.Currency] = map[int]bool{}
			}
			curArts[a.Currency][m.src] = true
		}
	}
	majority := ""
	for cur, arts := range curArts {
		if majority == "" || len(arts) > len(curArts[majority]) || (len(arts) == len(curArts[majority]) && cur < majority) {
			majority = cur
		}
	}
	chk.Currency = majority
	chk.Value = g.rep.fact.Amount.Value
	// The value of the conflict-free consensus: the most precise exact
	// mention in the majority currency (or without one).
	for _, m := range g.mentions {
		a := m.fact.Amount
		if (a.Currency == majority || a.Currency == "") && a.Qualifier == news.QualExact &&
			(a.Precision < g.rep.fact.Amount.Precision || a.Precision == g.rep.fact.Amount.Precision && a.Currency == majority) {
			chk.Value = a.Value
			break
		}
	}
	for _, m := range g.mentions {
		a := m.fact.Amount
		if a.Currency == "" && g.conflict == "" {
			continue // compatible with every side
		}
		k := key{cur: a.Currency}
		if g.conflict != "" {
			k.val = a.Value
		} else {
			k.val = chk.Value
		}
		s, ok := sides[k]
		if !ok {
			s = &news.Side{Value: k.val, Currency: k.cur}
			sides[k] = s
			keys = append(keys, k)
		}
		s.Sources = append(s.Sources, cite(srcs[m.src].Article, m.fact.Span))
	}
	switch {
	case len(curArts) > 1:
		chk.Status = news.Conflict
		var curs []string
		for cur := range curArts {
			curs = append(curs, cur)
		}
		sort.Strings(curs)
		chk.Why = "currency: " + strings.Join(curs, " vs ")
		if g.conflict != "" {
			chk.Why += "; " + g.conflict
		}
	case g.conflict != "":
		chk.Status = news.Conflict
		chk.Why = g.conflict
	case chk.Articles < 2:
		chk.Status = news.Single
	default:
		chk.Status = news.Agreed
		chk.Why = tolerance(g)
	}
	if chk.Status == news.Conflict {
		sort.SliceStable(keys, func(i, j int) bool {
			return len(sides[keys[i]].Sources) > len(sides[keys[j]].Sources)
		})
		for _, k := range keys {
			chk.Sides = append(chk.Sides, *sides[k])
		}
	}
}

// tolerance explains an agreement that needed rounding or approximation.
func tolerance(g *group) string {
	var loose []string
	for _, m := range g.mentions {
		a := m.fact.Amount
		if a.Qualifier == news.QualAtMost || a.Qualifier == news.QualAtLeast {
			loose = append(loose, "“"+m.fact.Text+"” is only a bound")
		} else if a.Qualifier != news.QualExact {
			loose = append(loose, "“"+m.fact.Text+"” is approximate")
		} else if a.Precision > g.rep.fact.Amount.Precision {
			loose = append(loose, "“"+m.fact.Text+"” is rounded")
		} else if a.Currency == "" && g.rep.fact.Amount.Currency != "" {
			loose = append(loose, "“"+m.fact.Text+"” states no currency")
		}
	}
	return strings.Join(dedupe(loose), "; ")
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func (c *Checker) dateStatus(chk *news.Check, g *group, srcs []Source) {
	switch {
	case g.conflict != "":
		chk.Status = news.Conflict
		chk.Why = g.conflict
		byDate := map[string]*news.Side{}
		var order []string
		for _, m := range g.mentions {
			d := m.fact.When.Date.String()
			if m.fact.When.Date.IsZero() {
				d = g.rep.fact.When.Date.String() // a weekday the story anchored
			}
			s, ok := byDate[d]
			if !ok {
				s = &news.Side{Date: d}
				byDate[d] = s
				order = append(order, d)
			}
			s.Sources = append(s.Sources, cite(srcs[m.src].Article, m.fact.Span))
		}
		for _, d := range order {
			chk.Sides = append(chk.Sides, *byDate[d])
		}
	case chk.Articles < 2:
		chk.Status = news.Single
	default:
		chk.Status = news.Agreed
	}
}

// sortChecks orders a brief's facts: conflicts, then agreements by number
// of independent sources, then single-source facts; money before dates.
func sortChecks(cs []news.Check) {
	rank := map[news.Status]int{news.Conflict: 0, news.Agreed: 1, news.Single: 2}
	kind := map[news.Kind]int{news.KindMoney: 0, news.KindPercent: 1, news.KindNumber: 2, news.KindDate: 3}
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if rank[a.Status] != rank[b.Status] {
			return rank[a.Status] < rank[b.Status]
		}
		if a.Independent != b.Independent {
			return a.Independent > b.Independent
		}
		if kind[a.Kind] != kind[b.Kind] {
			return kind[a.Kind] < kind[b.Kind]
		}
		return a.Sources[0].Start < b.Sources[0].Start
	})
}

// timeline lists dated checks in date order, each with the sentence of
// its first mention.
func timeline(cs []news.Check, srcs []Source) []news.Event {
	var out []news.Event
	for _, c := range cs {
		if c.Kind != news.KindDate || c.Date == "" {
			continue
		}
		out = append(out, news.Event{Date: c.Date, What: c.Context, Sources: c.Sources})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// stopWords are frequent French and English words of four letters or more
// that say nothing about what a figure is about.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		dans pour avec sans sous dont mais plus moins très tout tous toute toutes cette
		ces cet celle celui elle elles nous vous leur leurs entre vers depuis pendant après avant
		aussi alors ainsi comme donc encore être avoir fait faire sont était étaient sera
		qui que quoi quand cela ceci même autre autres deux trois selon avait ont été
		milliards milliard millions million mille dollars dollar euros euro livres
		that this with from have were will would their there which about they them than
		into over also been more most some such what when where while billion billions
		millions thousand dollars euros pounds said says`) {
		stopWords[w] = true
	}
}

// contextWords returns the content words of the sentence holding f (the
// words of f itself excluded), lower-cased and without accents folded.
func contextWords(text string, f news.Fact) map[string]bool {
	s := f.Sentence
	if !s.In(len(text)) || s.Len() == 0 {
		s = news.Span{Start: max(0, f.Span.Start-contextBytes), End: min(len(text), f.Span.End+contextBytes)}
	}
	s = clip(s, f.Span)
	out := map[string]bool{}
	addWords(out, text[s.Start:min(f.Span.Start, s.End)])
	if f.Span.End > s.Start && f.Span.End < s.End {
		addWords(out, text[f.Span.End:s.End])
	}
	return out
}

// contextBytes is how far from a figure its context words are read: a
// sentence is seldom longer, and a text with no sentence breaks (a table
// of figures, a hostile input) must not make every figure read it all.
const contextBytes = 400

// clip cuts sentence s to contextBytes on each side of span sp.
func clip(s, sp news.Span) news.Span {
	return news.Span{Start: max(s.Start, sp.Start-contextBytes), End: min(s.End, max(sp.End+contextBytes, s.Start))}
}

func addWords(set map[string]bool, s string) {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len([]rune(w)) >= 4 && !stopWords[w] {
			set[w] = true
		}
	}
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// snippetBytes is the most a check's Context holds.
const snippetBytes = 200

// contextSnippet returns the sentence s that holds the fact at f, cut to
// about snippetBytes around the fact at word boundaries, with "…" where
// it was cut.
func contextSnippet(text string, s, f news.Span) string {
	if !s.In(len(text)) || s.Len() == 0 {
		return ""
	}
	if s.Len() <= snippetBytes || !s.Contains(f) {
		return oneLine(text[s.Start:s.End])
	}
	start := max(s.Start, f.Start-(snippetBytes-f.Len())/2)
	end := min(s.End, start+snippetBytes)
	start = max(s.Start, end-snippetBytes)
	// Widen to word boundaries, never splitting a rune.
	for start > s.Start && text[start-1] != ' ' {
		start--
	}
	for end < s.End && text[end] != ' ' {
		end++
	}
	out := oneLine(text[start:end])
	if start > s.Start {
		out = "… " + out
	}
	if end < s.End {
		out += " …"
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func normWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
