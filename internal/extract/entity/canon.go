package entity

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/recoupe/recoupe/news"
)

// group is one candidate entity while canonicalising.
type group struct {
	name     string
	types    map[news.EntityType]int
	typ      news.EntityType
	forms    map[string]bool
	articles map[int]bool
	mentions []mref
	merges   []string
	into     *group // set once merged into another group
}

type mref struct {
	article int
	m       news.Mention
}

func (g *group) root() *group {
	for g.into != nil {
		g = g.into
	}
	return g
}

// typeOrder breaks ties between an entity's mention types, first wins.
// LOC comes last: it is the model's guess for an unknown word after "de"
// or "à" ("la coentreprise de Zéphyr"), while real places are mostly known
// to its gazetteers and seldom split their votes.
var typeOrder = []news.EntityType{news.PER, news.ORG, news.MISC, news.LOC}

func (g *group) settleType() {
	best, n := news.EntityType(""), -1
	for _, t := range typeOrder {
		if g.types[t] > n {
			best, n = t, g.types[t]
		}
	}
	g.typ = best
}

// Canonicalize merges the mentions of a story's articles into entities.
// Mentions group by their Name; then, in this order, a weaker group (fewer
// articles, fewer mentions) merges into a stronger one of a compatible
// type (the weaker has at least one mention of the stronger's type) when:
// a name is given in parentheses right after another ("Organisation
// mondiale de la santé (OMS)", "Twitter (désormais X)": the last
// capitalised word of a parenthesis of at most three words names the same
// entity); the names differ only in case, accents, spaces or hyphens ("Open AI" →
// "OpenAI"; the one rule that needs no type agreement, as the model may
// type the variants apart); it is a short form of exactly one person's full name
// ("Altman" → "Sam Altman"); it is an acronym of the other's capitalised
// words ("ONU" → "Organisation des Nations unies"); or it is a
// near-spelling of one of the other's forms with the same first letter:
// one edit (transpositions count one) for names of 4 letters or more, or
// of 3 letters when the letters are the same, two edits from 9 letters
// ("Musc" → "Elon Musk", "xIA" → "xAI"). Every merge is explained in
// Entity.Merges. names[i] names article i in the output; texts[i] is its
// text (only the parenthesis rule reads it; texts may hold empty strings).
func Canonicalize(names []string, texts []string, mentions [][]news.Mention) []news.Entity {
	byName := map[string]*group{}
	var groups []*group
	for a, ms := range mentions {
		for _, m := range ms {
			key := m.Name
			if key == "" {
				key = m.Text
			}
			key = strings.Join(strings.Fields(key), " ")
			if key == "" {
				continue
			}
			g := byName[key]
			if g == nil {
				g = &group{name: key, types: map[news.EntityType]int{}, forms: map[string]bool{}, articles: map[int]bool{}}
				byName[key] = g
				groups = append(groups, g)
			}
			g.types[m.Type]++
			form := strings.Join(strings.Fields(m.Text), " ")
			if !g.forms[form] && form != key {
				// Extract already named this short form after its full name.
				g.merges = append(g.merges, fmt.Sprintf("%s → %s: short form, same article, %s", form, key, m.Type))
			}
			g.forms[form] = true
			g.articles[a] = true
			g.mentions = append(g.mentions, mref{a, m})
		}
	}
	for _, g := range groups {
		g.settleType()
	}
	groups = parentheticalAliases(texts, groups, byName)
	groups = placeAliases(names, texts, groups)
	// Strongest first: more articles, more mentions, longer name, then name.
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if len(a.articles) != len(b.articles) {
			return len(a.articles) > len(b.articles)
		}
		if len(a.mentions) != len(b.mentions) {
			return len(a.mentions) > len(b.mentions)
		}
		if len(a.name) != len(b.name) {
			return len(a.name) > len(b.name)
		}
		return a.name < b.name
	})
	rules := []func(weak, strong *group) (string, bool){sameLetters(memoFold()), shortForm(groups), acronym, nearSpelling}
	for ri, rule := range rules {
		for j := len(groups) - 1; j >= 0; j-- {
			w := groups[j]
			if w.into != nil {
				continue
			}
			for i := range groups {
				s := groups[i].root()
				if s == w || i == j || groups[i].into != nil {
					continue
				}
				if !stronger(s, w) {
					continue
				}
				// Spelling variants of the very same letters need no type
				// agreement; every other rule does.
				if w.types[s.typ] == 0 && ri != 0 {
					continue
				}
				why, ok := rule(w, s)
				if !ok {
					continue
				}
				absorb(s, w, why)
				break
			}
		}
	}
	var out []news.Entity
	for _, g := range groups {
		if g.into != nil {
			continue
		}
		out = append(out, g.entity(names))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		if len(out[i].Mentions) != len(out[j].Mentions) {
			return len(out[i].Mentions) > len(out[j].Mentions)
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func stronger(s, w *group) bool {
	if len(s.articles) != len(w.articles) {
		return len(s.articles) > len(w.articles)
	}
	if len(s.mentions) != len(w.mentions) {
		return len(s.mentions) > len(w.mentions)
	}
	if len(s.name) != len(w.name) {
		return len(s.name) > len(w.name)
	}
	return s.name < w.name
}

func absorb(s, w *group, why string) {
	w.into = s
	for t, n := range w.types {
		s.types[t] += n
	}
	for f := range w.forms {
		s.forms[f] = true
	}
	s.forms[w.name] = true
	for a := range w.articles {
		s.articles[a] = true
	}
	s.mentions = append(s.mentions, w.mentions...)
	s.merges = append(s.merges, fmt.Sprintf("%s → %s: %s, same story, %s", w.name, s.name, why, s.typ))
	s.merges = append(s.merges, w.merges...)
}

func (g *group) entity(names []string) news.Entity {
	e := news.Entity{Name: g.name, Type: g.typ, Merges: g.merges}
	for f := range g.forms {
		if f != g.name {
			e.Aliases = append(e.Aliases, f)
		}
	}
	sort.Strings(e.Aliases)
	arts := make([]int, 0, len(g.articles))
	for a := range g.articles {
		arts = append(arts, a)
	}
	sort.Ints(arts)
	name := func(a int) string {
		if a < len(names) {
			return names[a]
		}
		return fmt.Sprint(a)
	}
	for _, a := range arts {
		e.Articles = append(e.Articles, name(a))
	}
	ms := g.mentions
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].article != ms[j].article {
			return ms[i].article < ms[j].article
		}
		return ms[i].m.Span.Start < ms[j].m.Span.Start
	})
	for _, r := range ms {
		e.Mentions = append(e.Mentions, news.Citation{Article: name(r.article), Start: r.m.Span.Start, End: r.m.Span.End, Text: r.m.Text})
	}
	return e
}

// fold lowercases and strips accents, spaces, hyphens and apostrophes.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) || unicode.IsSpace(r) || r == '-' || r == '\'' || r == '’' || r == '.' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// memoFold returns fold remembering its results: the rules compare every
// pair of a story's groups, thousands in a large story.
func memoFold() func(string) string {
	seen := map[string]string{}
	return func(s string) string {
		f, ok := seen[s]
		if !ok {
			f = fold(s)
			seen[s] = f
		}
		return f
	}
}

// sameLetters matches a group one of whose forms (its name first, then
// the others in order, so that the explanation does not vary between
// runs) is the strong group's name but for case, accents, spaces, hyphens
// and apostrophes.
func sameLetters(fold func(string) string) func(w, s *group) (string, bool) {
	return func(w, s *group) (string, bool) {
		name := fold(s.name)
		match := fold(w.name) == name
		for f := range w.forms {
			match = match || fold(f) == name
		}
		if !match {
			return "", false
		}
		forms := append([]string{w.name}, slices.Sorted(maps.Keys(w.forms))...)
		same := false
		for _, f := range forms {
			switch {
			case fold(f) != name:
				continue
			case f == s.name:
				// A form it absorbed bears the very name (groups of one
				// name and another type); look for what differs first.
				same = true
			case strings.ReplaceAll(f, " ", "") == strings.ReplaceAll(s.name, " ", ""):
				n := abs(strings.Count(f, " ") - strings.Count(s.name, " "))
				return fmt.Sprintf("%d edit (spacing)", n), true
			default:
				return "same letters (case, accents or hyphens differ)", true
			}
		}
		if same {
			return "same name", true
		}
		return "", false
	}
}

// shortForm matches a one- or two-word person name to the unique longer
// person name that starts or ends with it.
func shortForm(groups []*group) func(w, s *group) (string, bool) {
	return func(w, s *group) (string, bool) {
		if s.typ != news.PER {
			return "", false
		}
		wt, st := strings.Fields(w.name), strings.Fields(s.name)
		if len(wt) >= len(st) || !hasAffix(st, wt) {
			return "", false
		}
		for _, o := range groups {
			if o.into != nil || o == s || o == w || o.typ != news.PER {
				continue
			}
			ot := strings.Fields(o.name)
			if len(ot) > len(wt) && hasAffix(ot, wt) && !strings.Contains(s.name, o.name) && !strings.Contains(o.name, s.name) {
				return "", false // "Musk" could be Elon or Kimbal
			}
		}
		return "short form", true
	}
}

var acronymStop = map[string]bool{
	"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "l'": true, "d'": true,
	"et": true, "pour": true, "en": true, "of": true, "the": true, "and": true, "for": true, "à": true,
}

func acronym(w, s *group) (string, bool) {
	n := utf8.RuneCountInString(w.name)
	if n < 2 || n > 8 || strings.ContainsAny(w.name, " -") {
		return "", false
	}
	for _, r := range w.name {
		if !unicode.IsUpper(r) {
			return "", false
		}
	}
	var initials []rune
	for _, word := range strings.Fields(s.name) {
		if acronymStop[strings.ToLower(word)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(word)
		initials = append(initials, unicode.ToUpper(r))
	}
	if len(initials) < 2 || string(initials) != w.name {
		return "", false
	}
	return "acronym", true
}

func nearSpelling(w, s *group) (string, bool) {
	forms := sortedKeys(s.forms)
	for _, f := range sortedKeys(w.forms) {
		a := strings.ToLower(f)
		for _, g := range append([]string{s.name}, forms...) {
			b := strings.ToLower(g)
			na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
			if na < 3 || nb < 3 {
				continue
			}
			ra, _ := utf8.DecodeRuneInString(a)
			rb, _ := utf8.DecodeRuneInString(b)
			if ra != rb {
				continue
			}
			limit := 1
			if min(na, nb) >= 9 {
				limit = 2
			}
			d := osa(a, b, limit+1)
			if d == 0 || d > limit {
				continue
			}
			if min(na, nb) == 3 && !sameMultiset(a, b) {
				continue
			}
			why := fmt.Sprintf("%d edit", d)
			if d > 1 {
				why += "s"
			}
			if g != s.name {
				why += " from " + g
			}
			return why, true
		}
	}
	return "", false
}

func sameMultiset(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	sort.Slice(ra, func(i, j int) bool { return ra[i] < ra[j] })
	sort.Slice(rb, func(i, j int) bool { return rb[i] < rb[j] })
	return string(ra) == string(rb)
}

// osa returns the optimal-string-alignment distance between a and b (runes;
// an adjacent transposition costs one), or limit when it is limit or more.
func osa(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) >= limit {
		return limit
	}
	if len(ra) > 64 || len(rb) > 64 {
		if a == b {
			return 0
		}
		return limit
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit)
}

// maxParenthesis is the longest parenthesis, in bytes, read as an alias.
const maxParenthesis = 40

// parentheticalAliases applies the parenthesis rule: for each mention
// followed by "(… Name)", Name becomes an alias of the mention's group
// (absorbing Name's own group if the recogniser found one). It returns
// groups without the absorbed ones.
func parentheticalAliases(texts []string, groups []*group, byName map[string]*group) []*group {
	for _, g := range groups {
		if g.into != nil {
			continue
		}
		for _, r := range g.mentions {
			if r.article >= len(texts) {
				continue
			}
			text := texts[r.article]
			alias, span, ok := parenthesisAfter(text, r.m.Span.End)
			if !ok || alias == g.name || g.forms[alias] || strings.Contains(g.name, alias) {
				continue
			}
			why := fmt.Sprintf("%s → %s: in parentheses after it, same story, %s", alias, g.name, g.typ)
			if other := byName[alias]; other != nil && other.into == nil && other != g {
				absorb(g, other, "in parentheses after it")
				continue
			}
			g.forms[alias] = true
			g.merges = append(g.merges, why)
			g.mentions = append(g.mentions, mref{r.article, news.Mention{Span: span, Text: alias, Type: g.typ, Name: g.name}})
		}
	}
	kept := groups[:0]
	for _, g := range groups {
		if g.into == nil {
			kept = append(kept, g)
		}
	}
	return kept
}

// parenthesisAfter reads "(… Name)" at text[i:], after optional spaces:
// a parenthesis of at most three words whose last word starts with an
// upper-case letter. It returns that word and its span.
func parenthesisAfter(text string, i int) (string, news.Span, bool) {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] != '(' {
		return "", news.Span{}, false
	}
	end := strings.IndexByte(text[i:min(len(text), i+maxParenthesis)], ')')
	if end < 0 {
		return "", news.Span{}, false
	}
	inner := text[i+1 : i+end]
	words := strings.Fields(inner)
	if len(words) == 0 || len(words) > 3 {
		return "", news.Span{}, false
	}
	last := words[len(words)-1]
	r, _ := utf8.DecodeRuneInString(last)
	if !unicode.IsUpper(r) || strings.ContainsAny(last, "0123456789") {
		return "", news.Span{}, false
	}
	start := i + 1 + strings.LastIndex(inner, last)
	return last, news.Span{Start: start, End: start + len(last)}, true
}
