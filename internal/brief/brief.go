// Package brief assembles and writes the source-attributed account of a
// story: headline, sources, conflicts side by side with each side's exact
// words, agreed facts with their source counts, single-source facts,
// quotes with their speakers and variants, entities, and a dated timeline.
// It writes Markdown for people and JSON for programs.
package brief

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/story"
	"github.com/recoupe/recoupe/news"
)

// Parts is what the earlier stages produced for one story.
type Parts struct {
	Story    news.Story
	Articles []news.Article // in story order
	Facts    []news.Check
	Quotes   []news.QuoteGroup
	Entities []news.Entity
	Timeline []news.Event
	Why      []news.Assignment
}

// Build assembles a brief. The headline is the title of the story's most
// representative article (see headline), else the story's title.
func Build(p Parts) news.Brief {
	b := news.Brief{
		StoryID:  p.Story.ID,
		Headline: cmp.Or(headline(p.Articles), p.Story.Title),
		Facts:    p.Facts,
		Quotes:   p.Quotes,
		Entities: p.Entities,
		Timeline: p.Timeline,
		Why:      p.Why,
	}
	names := map[string]string{} // article ID → Name
	for _, a := range p.Articles {
		names[a.ID] = a.Name
	}
	origins := map[int]bool{}
	for _, o := range news.Origins(p.Articles) {
		origins[o] = true
	}
	b.Independent = len(origins)
	for _, a := range p.Articles {
		dup := ""
		if n, ok := names[a.DuplicateOf]; ok && a.DuplicateOf != "" {
			dup = n
		}
		b.Articles = append(b.Articles, news.BriefSource{
			Article: a.Name, ID: a.ID, Source: a.Source, Title: a.Title, URL: a.URL,
			Published: a.Published.String(), Language: a.Language, DuplicateOf: dup,
		})
	}
	if b.Facts == nil {
		b.Facts = []news.Check{}
	}
	if b.Quotes == nil {
		b.Quotes = []news.QuoteGroup{}
	}
	if b.Entities == nil {
		b.Entities = []news.Entity{}
	}
	if b.Timeline == nil {
		b.Timeline = []news.Event{}
	}
	return b
}

// JSON writes briefs as one indented JSON document {"stories": [...]}.
func JSON(w io.Writer, briefs []news.Brief) error {
	if briefs == nil {
		briefs = []news.Brief{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Stories []news.Brief `json:"stories"`
	}{briefs})
}

// headline returns the title of the article whose title the story's other
// articles bear out most: the sum, over the title's distinct words of four
// letters or more, of how many other articles' texts hold the word,
// divided by the square root of the number of those words. A
// title that names the event (its place, actors, what happened) scores
// above a vague first report ("important dégagement de fumée"); ties go
// to the earlier article. It is linear in the story's text.
func headline(arts []news.Article) string {
	words := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if utf8.RuneCountInString(w) >= 4 {
				out[w] = true
			}
		}
		return out
	}
	df := map[string]int{} // articles whose title or text holds the word
	sets := make([]map[string]bool, len(arts))
	for i, a := range arts {
		sets[i] = words(a.Title + "\n" + a.Text)
		for w := range sets[i] {
			df[w]++
		}
	}
	best, bestScore := "", -1.0
	for _, a := range arts {
		if strings.TrimSpace(a.Title) == "" {
			continue
		}
		ws := words(a.Title)
		score := 0
		for w := range ws {
			score += df[w] - 1 // the other articles
		}
		// Divided by the square root of its length, so that a long title
		// does not win by its length alone.
		if x := float64(score) / math.Sqrt(float64(max(len(ws), 1))); x > bestScore {
			best, bestScore = a.Title, x
		}
	}
	return best
}

// ShortID is how many leading characters of an article ID the Markdown
// brief shows: enough to tell the articles of a store apart, and what
// `recoupe move` accepts.
const ShortID = 12

// JSONL writes one JSON object per line: each fact, quote group and
// entity of each brief, then its source articles, timeline events and
// assignments ("why"), tagged with its story ("story_id", as in the
// brief's JSON) and record type ("type": fact, quote, entity, article,
// event or why).
func JSONL(w io.Writer, briefs []news.Brief) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// The tags are fields of each record, not of an embedded struct, so
	// that they win over a record's own story_id (news.Assignment).
	for _, b := range briefs {
		id := b.StoryID
		err := each(enc, b.Facts, func(x news.Check) any {
			return struct {
				Story string `json:"story_id"`
				Type  string `json:"type"`
				news.Check
			}{id, "fact", x}
		})
		if err == nil {
			err = each(enc, b.Quotes, func(x news.QuoteGroup) any {
				return struct {
					Story string `json:"story_id"`
					Type  string `json:"type"`
					news.QuoteGroup
				}{id, "quote", x}
			})
		}
		if err == nil {
			err = each(enc, b.Entities, func(x news.Entity) any {
				return struct {
					Story string `json:"story_id"`
					Type  string `json:"type"`
					news.Entity
				}{id, "entity", x}
			})
		}
		if err == nil {
			err = each(enc, b.Articles, func(x news.BriefSource) any {
				return struct {
					Story string `json:"story_id"`
					Type  string `json:"type"`
					news.BriefSource
				}{id, "article", x}
			})
		}
		if err == nil {
			err = each(enc, b.Timeline, func(x news.Event) any {
				return struct {
					Story string `json:"story_id"`
					Type  string `json:"type"`
					news.Event
				}{id, "event", x}
			})
		}
		if err == nil {
			err = each(enc, b.Why, func(x news.Assignment) any {
				return struct {
					Story string `json:"story_id"`
					Type  string `json:"type"`
					news.Assignment
				}{id, "why", x}
			})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// each encodes the record of every x.
func each[T any](enc *json.Encoder, xs []T, record func(T) any) error {
	for _, x := range xs {
		if err := enc.Encode(record(x)); err != nil {
			return err
		}
	}
	return nil
}

// Markdown writes briefs for people.
func Markdown(w io.Writer, briefs []news.Brief) error {
	mw := &mdWriter{w: w}
	for i, b := range briefs {
		if i > 0 {
			mw.printf("\n---\n\n")
		}
		mw.brief(b)
	}
	return mw.err
}

type mdWriter struct {
	w     io.Writer
	err   error
	short map[string]string // article name → short label
}

func (m *mdWriter) printf(format string, args ...any) {
	if m.err != nil {
		return
	}
	_, m.err = fmt.Fprintf(m.w, format, args...)
}

func (m *mdWriter) brief(b news.Brief) {
	m.short = map[string]string{}
	for i, a := range b.Articles {
		m.short[a.Article] = "[" + strconv.Itoa(i+1) + "]"
	}
	headline := b.Headline
	if headline == "" {
		headline = "Story " + b.StoryID
	}
	m.printf("# %s\n\n", text(headline))
	m.printf("Story %s · %s (%d independent)", code(b.StoryID), plural(len(b.Articles), "source"), b.Independent)
	if langs := languages(b.Articles); langs != "" {
		m.printf(" · %s", langs)
	}
	m.printf("\n\n## Sources\n\n")
	for i, a := range b.Articles {
		m.printf("%d. %s", i+1, code(oneLine(a.Article)))
		var meta []string
		for _, s := range []string{a.Source, a.Published, a.Language} {
			if s != "" {
				meta = append(meta, text(s))
			}
		}
		if len(meta) > 0 {
			m.printf(" (%s)", strings.Join(meta, ", "))
		}
		if a.Title != "" {
			m.printf(" — %s", text(a.Title))
		}
		if u := webLink(a.URL); u != "" {
			m.printf(" <%s>", u)
		}
		if a.DuplicateOf != "" {
			m.printf(" — near-duplicate of %s", code(oneLine(a.DuplicateOf)))
		}
		if a.ID != "" {
			// Enough of the ID for `recoupe move`, which takes a prefix.
			m.printf(" · article %s", code(oneLine(a.ID[:min(len(a.ID), ShortID)])))
		}
		m.printf("\n")
	}
	var conflicts, agreed, single []news.Check
	for _, f := range b.Facts {
		switch f.Status {
		case news.Conflict:
			conflicts = append(conflicts, f)
		case news.Agreed:
			agreed = append(agreed, f)
		default:
			single = append(single, f)
		}
	}
	m.printf("\n## Conflicts\n\n")
	if len(conflicts) == 0 {
		m.printf("None found.\n\n")
	}
	for _, f := range conflicts {
		m.printf("### %s — %s\n\n", FactValue(f), text(f.Why))
		if f.Context != "" {
			m.printf("About: _%s_\n\n", text(f.Context))
		}
		m.printf("| side | sources and their words |\n|---|---|\n")
		placed := map[news.Citation]bool{}
		for _, s := range f.Sides {
			m.printf("| %s | %s |\n", sideValue(f.Kind, s), m.cites(s.Sources))
			for _, c := range s.Sources {
				placed[c] = true
			}
		}
		// Words that fit either side ("97 milliards" with no currency).
		var either []news.Citation
		for _, c := range f.Sources {
			if !placed[c] {
				either = append(either, c)
			}
		}
		if len(either) > 0 {
			m.printf("| either side | %s |\n", m.cites(either))
		}
		m.printf("\n")
	}
	m.printf("## Agreed facts\n\n")
	if len(agreed) == 0 {
		m.printf("None.\n")
	}
	for _, f := range agreed {
		m.fact(f)
	}
	m.printf("\n## Single-source facts\n\n")
	if len(single) == 0 {
		m.printf("None.\n")
	}
	for _, f := range single {
		m.fact(f)
	}
	m.printf("\n## Quotes\n\n")
	if len(b.Quotes) == 0 {
		m.printf("None found.\n")
	}
	for _, q := range b.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "unknown speaker"
		}
		if q.Status == news.Conflict {
			m.printf("- **%s**, %d variant(s) — conflict, %s:\n", text(speaker), len(q.Variants), text(q.Why))
		} else {
			m.printf("- **%s**, %d variant(s):\n", text(speaker), len(q.Variants))
		}
		for _, v := range q.Variants {
			by := ""
			if v.Speaker != "" && v.Speaker != q.Speaker {
				by = " — says " + text(v.Speaker)
			}
			m.printf("  - %s “%s” (bytes %d–%d)%s\n", m.label(v.Article), text(v.Text), v.Start, v.End, by)
		}
	}
	m.printf("\n## Entities\n\n")
	if len(b.Entities) == 0 {
		m.printf("None found.\n")
	} else {
		m.printf("| name | type | also written | sources |\n|---|---|---|---|\n")
		for _, e := range b.Entities {
			var labels []string
			for _, a := range e.Articles {
				labels = append(labels, m.label(a))
			}
			m.printf("| %s | %s | %s | %s |\n", cell(e.Name), e.Type, cell(strings.Join(e.Aliases, ", ")), strings.Join(labels, " "))
		}
		var merges []string
		for _, e := range b.Entities {
			merges = append(merges, e.Merges...)
		}
		if len(merges) > 0 {
			m.printf("\nSpellings merged:\n\n")
			for _, why := range merges {
				m.printf("- %s\n", text(why))
			}
		}
	}
	m.why(b)
	m.printf("\n## Timeline\n\n")
	if len(b.Timeline) == 0 {
		m.printf("No dated facts.\n")
	}
	for _, ev := range b.Timeline {
		m.printf("- **%s** — %s %s\n", ev.Date, text(ev.What), m.labels(ev.Sources))
	}
}

// why explains how each article came into the story.
func (m *mdWriter) why(b news.Brief) {
	if len(b.Why) == 0 {
		return
	}
	byID := map[string]string{}
	for _, a := range b.Articles {
		byID[a.ID] = a.Article
	}
	m.printf("\n## Why these articles\n\n")
	m.printf("_%s_\n\n", text(story.ScoreNote))
	for _, as := range b.Why {
		label := m.label(byID[as.ArticleID])
		switch {
		case as.Manual:
			m.printf("- %s moved here by hand\n", label)
		case as.New && as.Score > 0:
			m.printf("- %s opened the story (the closest story scored %.2f, under its threshold %.2f)\n", label, as.Score, as.Threshold)
		case as.New:
			m.printf("- %s opened the story\n", label)
		default:
			m.printf("- %s joined with similarity %.2f (threshold %.2f)", label, as.Score, as.Threshold)
			if len(as.Shared) > 0 {
				m.printf(", sharing %s", text(story.Describe(as.Shared)))
			}
			m.printf("\n")
		}
	}
}

func (m *mdWriter) fact(f news.Check) {
	m.printf("- **%s** — %d source(s), %d independent: %s", FactValue(f), f.Articles, f.Independent, m.cites(f.Sources))
	if f.Why != "" {
		m.printf(" _(%s)_", text(f.Why))
	}
	m.printf("\n")
}

func (m *mdWriter) label(article string) string {
	if l, ok := m.short[article]; ok {
		return l
	}
	return "`" + article + "`"
}

func (m *mdWriter) labels(cs []news.Citation) string {
	seen := map[string]bool{}
	var out []string
	for _, c := range cs {
		if !seen[c.Article] {
			seen[c.Article] = true
			out = append(out, m.label(c.Article))
		}
	}
	return strings.Join(out, " ")
}

func (m *mdWriter) cites(cs []news.Citation) string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s “%s” (%d–%d)", m.label(c.Article), text(c.Text), c.Start, c.End))
	}
	return strings.Join(out, "; ")
}

func languages(as []news.BriefSource) string {
	count := map[string]int{}
	for _, a := range as {
		if a.Language != "" {
			count[a.Language]++
		}
	}
	var langs []string
	for l := range count {
		langs = append(langs, l)
	}
	sort.Slice(langs, func(i, j int) bool {
		if count[langs[i]] != count[langs[j]] {
			return count[langs[i]] > count[langs[j]]
		}
		return langs[i] < langs[j]
	})
	return strings.Join(langs, ", ")
}

// FactValue formats a check's value for people: "97.4 billion USD",
// "22 million", "12.5 %", "2025-02-10".
func FactValue(f news.Check) string {
	switch f.Kind {
	case news.KindDate, news.KindTime:
		return f.Date
	case news.KindPercent:
		return Number(f.Value) + " %"
	}
	s := Number(f.Value)
	if f.Currency != "" {
		s += " " + f.Currency
	}
	return s
}

func sideValue(k news.Kind, s news.Side) string {
	if k == news.KindDate && s.Date == "" {
		return "(undated)"
	}
	return FactValue(news.Check{Kind: k, Value: s.Value, Currency: s.Currency, Date: s.Date})
}

// code writes s as inline code, with a longer fence when s holds a
// backtick.
func code(s string) string {
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}

// Number formats a value with a scale word: 97.4e9 → "97.4 billion";
// below a million, digits are grouped from 10,000 up: "150,000".
func Number(v float64) string {
	abs := math.Abs(v)
	for _, sc := range []struct {
		n    float64
		word string
	}{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}} {
		if abs >= sc.n {
			return strconv.FormatFloat(v/sc.n, 'f', -1, 64) + " " + sc.word
		}
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if abs < 1e4 {
		return s // a year or a small count reads best as written: 1500
	}
	// 150000 → "150,000": digits grouped by three, the easier to compare.
	intPart, frac, _ := strings.Cut(s, ".")
	sign := ""
	if intPart[0] == '-' {
		sign, intPart = "-", intPart[1:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}

// oneLine folds line breaks so a value fits on one Markdown line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// plural writes "1 source", "3 sources".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// webLink returns an http(s) URL ready for a Markdown autolink, or "".
func webLink(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(p.String())
}

// text writes untrusted words (titles, quotes, names from feeds and
// pages) on one line with the characters Markdown would read as markup
// escaped, so that "<script>" or "[clic](javascript:…)" in an article
// stays text in whatever renders the brief.
func text(s string) string { return mdEscaper.Replace(oneLine(s)) }

// MarkdownText is text for other Markdown writers (the story listing).
func MarkdownText(s string) string { return text(s) }

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "&", `\&`, "|", `\|`, "~", `\~`,
)

func cell(s string) string { return text(s) }
