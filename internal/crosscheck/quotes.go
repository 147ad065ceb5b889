package crosscheck

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/recoupe/recoupe/news"
)

type quoteMention struct {
	src     int
	q       news.Quote
	speaker string
	// named is set when the speaker is a person's name (personName): only
	// named speakers can disagree about who said something.
	named bool
}

// groupQuotes gathers the variants of each quote across sources: a quote
// joins the first group whose first variant it resembles
// (QuoteSimilarity ≥ QuoteThreshold) with a compatible speaker (the same
// person, or one side unknown or not a person's name: "le procureur",
// "la télévision CCTV" and "Jacques Dallest" may all carry one quote).
func (c *Checker) groupQuotes(srcs []Source, canon map[string]string, origin []int) []news.QuoteGroup {
	type qgroup struct {
		lead    int // the quote (index in ms) of members[0]
		members []quoteMention
		sims    []float64
	}
	var ms []quoteMention
	var texts []string
	for i, s := range srcs {
		for _, q := range s.Extraction.Quotes {
			if q.Text == "" {
				continue
			}
			m := quoteMention{src: i, q: q, speaker: canonical(q.Speaker, canon)}
			// A person the story knows by one word only ("Mohamed",
			// "Français" taken for a name) is too unsure to disagree with.
			m.named = personName(q.Speaker, s.Extraction.Mentions) && len(strings.Fields(m.speaker)) >= 2
			ms = append(ms, m)
			texts = append(texts, q.Text)
		}
	}
	idx := c.rules.QuoteIndex(texts, c.rules.QuoteThreshold)
	var groups []*qgroup
	led := make([]int, len(ms)) // quote → the group it leads, or -1
	var near []int
	for k, m := range ms {
		led[k] = -1
		// The groups are in the order of their first quotes, and near
		// lists quotes in increasing order: the first best group wins,
		// as in a scan of all groups.
		best, bestSim := -1, 0.0
		near = idx.Near(k, near[:0])
		for _, j := range near {
			if j > k {
				break
			}
			gi := led[j]
			if gi < 0 || !speakersMatch(groups[gi].members, m) {
				continue
			}
			sim := idx.Similarity(j, k)
			if sim >= c.rules.QuoteThreshold && sim > bestSim {
				best, bestSim = gi, sim
			}
		}
		if best < 0 {
			led[k] = len(groups)
			groups = append(groups, &qgroup{lead: k, members: []quoteMention{m}, sims: []float64{1}})
			continue
		}
		groups[best].members = append(groups[best].members, m)
		groups[best].sims = append(groups[best].sims, bestSim)
	}
	// The same words given to different people by different articles are
	// one quote in conflict: a misattribution somewhere. Only a statement
	// can be misattributed: a few words in quotation marks ("abus de
	// confiance", "exceptionnels") are repeated by everyone.
	conflict := make([]bool, len(groups))
	for i, a := range groups {
		if a == nil {
			continue
		}
		near = idx.Near(a.lead, near[:0])
		for _, q := range near {
			j := led[q]
			if j <= i {
				continue
			}
			b := groups[j]
			if b == nil || sharesSource(a.members, b.members) {
				continue
			}
			// Variants are alike; a misattribution is the same words.
			sim := idx.Similarity(a.lead, b.lead)
			if sim < max(c.rules.QuoteThreshold, misattributionSimilarity) {
				continue
			}
			sa, sb := namedSpeaker(a.members), namedSpeaker(b.members)
			if sa == "" || sb == "" || sameName(sa, sb) || !statement(a.members[0].q) || !statement(b.members[0].q) ||
				namedInQuote(sa, a.members, b.members) || namedInQuote(sb, a.members, b.members) ||
				!namedBeside(sa, a.members, srcs) || !namedBeside(sb, b.members, srcs) ||
				allNear(sb, a.members, srcs) || allNear(sa, b.members, srcs) {
				continue
			}
			for _, m := range b.members {
				a.members = append(a.members, m)
				a.sims = append(a.sims, sim)
			}
			groups[j], conflict[i] = nil, true
		}
	}
	out := make([]news.QuoteGroup, 0, len(groups))
	for gi, g := range groups {
		if g == nil {
			continue
		}
		qg := news.QuoteGroup{Speaker: groupSpeaker(g.members), Status: news.Single}
		arts := map[int]bool{}
		var speakers []string
		for i, m := range g.members {
			arts[m.src] = true
			a := srcs[m.src].Article
			qg.Variants = append(qg.Variants, news.QuoteVariant{
				Citation:   cite(a, m.q.Span),
				Kind:       m.q.Kind,
				Similarity: g.sims[i],
				Speaker:    m.speaker,
			})
			if m.named && !slices.Contains(speakers, m.speaker) {
				speakers = append(speakers, m.speaker)
			}
		}
		switch {
		case conflict[gi]:
			qg.Status = news.Conflict
			qg.Why = "speaker: " + strings.Join(speakers, " vs ")
		case len(arts) > 1:
			qg.Status = news.Agreed
		}
		out = append(out, qg)
	}
	// Misattributions first, then the quotes told by most sources, then
	// in reading order.
	sort.SliceStable(out, func(i, j int) bool {
		if ci, cj := out[i].Status == news.Conflict, out[j].Status == news.Conflict; ci != cj {
			return ci
		}
		return distinct(out[i].Variants) > distinct(out[j].Variants)
	})
	return out
}

// sharesSource reports whether two groups quote the same article: an
// article that quotes two people alike is not a misattribution.
func sharesSource(a, b []quoteMention) bool {
	for _, x := range a {
		for _, y := range b {
			if x.src == y.src {
				return true
			}
		}
	}
	return false
}

func distinct(vs []news.QuoteVariant) int {
	seen := map[string]bool{}
	for _, v := range vs {
		seen[v.Article] = true
	}
	return len(seen)
}

func canonical(name string, canon map[string]string) string {
	if c, ok := canon[name]; ok {
		return c
	}
	return name
}

// speakersMatch reports whether m may join a group of members: unless
// both name a person, any speakers go together; two people must be the
// same (sameName).
func speakersMatch(members []quoteMention, m quoteMention) bool {
	if !m.named {
		return true
	}
	g := namedSpeaker(members)
	return g == "" || sameName(g, m.speaker)
}

// sameName reports whether two person names may be one person: equal, or
// sharing a word of three letters or more that starts with a capital
// ("Poivre d'Arvor" and "Patrick Poivre", "M. Sarkozy" and "Nicolas
// Sarkozy"), which the story's canonical names do not always join.
func sameName(a, b string) bool {
	if a == b {
		return true
	}
	words := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	}
	for _, x := range words(a) {
		if len([]rune(x)) < 3 || !unicode.IsUpper([]rune(x)[0]) {
			continue
		}
		if slices.Contains(words(b), x) {
			return true
		}
	}
	return false
}

// groupSpeaker is the most frequent person among a group's speakers, else
// its most frequent speaker of any kind ("le procureur").
func groupSpeaker(ms []quoteMention) string {
	if s := namedSpeaker(ms); s != "" {
		return s
	}
	return frequentSpeaker(ms, false)
}

// namedSpeaker is the most frequent person among a group's speakers.
func namedSpeaker(ms []quoteMention) string { return frequentSpeaker(ms, true) }

func frequentSpeaker(ms []quoteMention, named bool) string {
	count := map[string]int{}
	best := ""
	for _, m := range ms {
		if m.speaker == "" || named && !m.named {
			continue
		}
		count[m.speaker]++
		// On a tie the fuller name wins: "Paul Girard" over "M. Girard".
		if c := count[m.speaker]; best == "" || c > count[best] || c == count[best] && len(m.speaker) > len(best) {
			best = m.speaker
		}
	}
	return best
}

// misattributionSimilarity is how alike two quotes given to different
// people must be for the brief to say one of them is misattributed.
const misattributionSimilarity = 0.8

// nameWords returns the capitalised words of three letters or more of a
// name, folded: "Paul de Girard" → "paul", "girard".
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if len([]rune(w)) >= 3 && unicode.IsUpper([]rune(w)[0]) {
			out = append(out, normWords(w))
		}
	}
	return out
}

// namedBeside reports whether a member of ms attributed to person was
// read from a mention holding their name ("a dit Paul Girard", "Girard
// said"), not from a pronoun or a role: only such an attribution is sure
// enough to contradict another.
func namedBeside(person string, ms []quoteMention, srcs []Source) bool {
	words := nameWords(person)
	for _, m := range ms {
		if m.speaker != person {
			continue
		}
		text := srcs[m.src].Article.Text
		sp := m.q.SpeakerSpan
		if sp.Len() == 0 || !sp.In(len(text)) {
			continue
		}
		for _, w := range strings.Fields(normWords(text[sp.Start:sp.End])) {
			if slices.Contains(words, w) {
				return true
			}
		}
	}
	return false
}

// nearQuote is how many bytes around a quote allNear reads.
const nearQuote = 300

// allNear reports whether person's name is written near every quote of
// ms: "said producers Ann Lee and Bo Tran", "said Bo Tran of Quillon"
// give one quote to both, and an article naming the other speaker beside
// the words does not contradict them. One article that gives the words
// to one person and names no other near them is enough to contradict:
// more sources agreeing on a speaker must not hide a misattribution.
func allNear(person string, ms []quoteMention, srcs []Source) bool {
	words := nameWords(person)
	for _, m := range ms {
		text := srcs[m.src].Article.Text
		if !m.q.Span.In(len(text)) {
			continue
		}
		around := text[max(0, m.q.Span.Start-nearQuote):min(len(text), m.q.Span.End+nearQuote)]
		if !slices.ContainsFunc(strings.Fields(normWords(around)), func(w string) bool { return slices.Contains(words, w) }) {
			return false
		}
	}
	return true
}

// namedInQuote reports whether a word of the person's name (three letters
// or more, capitalised) occurs in the quoted words of ms or ns: a quote
// that speaks of someone ("nous espérons que Roc saisira sa chance") is
// seldom theirs, so the speaker read for it is too unsure to disagree.
func namedInQuote(person string, ms, ns []quoteMention) bool {
	for _, w := range strings.FieldsFunc(person, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if len([]rune(w)) < 3 || !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		for _, m := range append(slices.Clip(ms), ns...) {
			if slices.Contains(strings.Fields(normWords(m.q.Text)), normWords(w)) {
				return true
			}
		}
	}
	return false
}

// statementWords is how many words a quote needs to be a statement that
// can be misattributed, and mixedStatementWords the same for the words
// quoted inside a reported clause, which are more often a set phrase
// ("faux et usage de faux") that several people use.
const (
	statementWords      = 6
	mixedStatementWords = 10
)

func statement(q news.Quote) bool {
	n := len(strings.FieldsFunc(q.Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	if q.Kind == news.QuoteMixed {
		return n >= mixedStatementWords
	}
	return n >= statementWords
}

// personName reports whether a quote's speaker is a person's name rather
// than a description ("le procureur", "la baisse de la") or another kind
// of name ("Tibet", "CCTV"). When the article's entities were recognised,
// the speaker must be one of its PER mentions; otherwise it must look
// like a name: two words or more, each capitalised but for particles
// ("de", "d'", "van", "le"), none a determiner.
func personName(speaker string, mentions []news.Mention) bool {
	if speaker == "" {
		return false
	}
	if len(mentions) > 0 {
		for _, m := range mentions {
			if m.Type == news.PER && (m.Text == speaker || m.Name == speaker) {
				return nameShape(speaker, 1)
			}
		}
		return false
	}
	return nameShape(speaker, 2)
}

// nameShape reports whether s reads as a person's name of at least
// minWords words: capitalised words and name particles, starting with a
// capital that is not a determiner ("Le", "The").
func nameShape(s string, minWords int) bool {
	words := strings.Fields(s)
	if len(words) < minWords {
		return false
	}
	for i, w := range words {
		r := []rune(w)
		if i > 0 && nameParticles[strings.ToLower(w)] {
			continue
		}
		if !unicode.IsUpper(r[0]) || determiners[strings.ToLower(strings.TrimRight(w, "'’"))] {
			return false
		}
		if strings.ContainsAny(w, "'’") && i == 0 && determiners[strings.ToLower(string(r[:strings.IndexAny(w, "'’")]))] {
			return false
		}
	}
	return true
}

var (
	nameParticles = map[string]bool{"de": true, "d'": true, "d’": true, "du": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true, "le": true, "la": true, "ben": true, "bin": true, "al": true, "el": true}
	determiners   = map[string]bool{"le": true, "la": true, "les": true, "l": true, "un": true, "une": true, "des": true, "du": true, "ce": true, "cette": true, "ces": true, "son": true, "sa": true, "ses": true, "leur": true, "the": true, "a": true, "an": true, "this": true, "his": true, "her": true, "their": true, "its": true}
)
