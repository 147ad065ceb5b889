// Package pipeline runs recoupe's stages in order — extract, then (for a
// story) canonicalise entities, cross-check and write the brief — and
// declares the Store it needs. It is the only package that knows the order
// of the stages; it holds no storage code.
package pipeline

import (
	"github.com/recoupe/recoupe/internal/brief"
	"github.com/recoupe/recoupe/internal/crosscheck"
	"github.com/recoupe/recoupe/internal/extract"
	"github.com/recoupe/recoupe/internal/extract/date"
	"github.com/recoupe/recoupe/internal/extract/entity"
	"github.com/recoupe/recoupe/internal/extract/money"
	"github.com/recoupe/recoupe/internal/extract/quote"
	"github.com/recoupe/recoupe/internal/segment"
	"github.com/recoupe/recoupe/news"
)

// Pipeline holds the stages. It is safe for concurrent use: every stage is
// read-only once built.
type Pipeline struct {
	entities *entity.Recognizer
	money    *money.Extractor
	dates    *date.Extractor
	quotes   *quote.Extractor
	checker  *crosscheck.Checker
}

// New builds the stages (loading the entity model).
func New() (*Pipeline, error) {
	ents, err := entity.New()
	if err != nil {
		return nil, err
	}
	return &Pipeline{
		entities: ents,
		money:    money.New(),
		dates:    date.New(),
		quotes:   quote.New(),
		checker: crosscheck.New(crosscheck.Rules{
			Amounts:         money.Compatible,
			Dates:           date.Compatible,
			QuoteSimilarity: quote.Similarity,
			QuoteThreshold:  quote.GroupThreshold,
			QuoteIndex: func(texts []string, threshold float64) crosscheck.QuoteIndex {
				return quote.NewIndex(texts, threshold)
			},
			Dateline: date.AloneOnLine,
		}),
	}, nil
}

// Extract runs the extractors on one article: entities first, since the
// quote extractor resolves speakers through them.
func (p *Pipeline) Extract(a *news.Article) news.Extraction {
	x := news.Extraction{ArticleID: a.ID, Sentences: segment.Sentences(a.Text)}
	if !nounsCapitalised[a.Language] {
		x.Mentions = p.entities.Extract(a)
	}
	x.Facts = extract.Merge(p.money.Extract(a), p.dates.Extract(a))
	x.Quotes = p.quotes.Extract(a, x.Mentions)
	if a.Language != "" && !speakersRead[a.Language] {
		// The attribution rules are French and English: elsewhere they
		// would name "Und" or "Die Meldung". The quotes stay, unattributed.
		for i := range x.Quotes {
			q := &x.Quotes[i]
			q.Speaker, q.SpeakerSpan, q.Cue, q.CueSpan = "", news.Span{}, "", news.Span{}
		}
	}
	if x.Facts == nil {
		x.Facts = []news.Fact{}
	}
	if x.Quotes == nil {
		x.Quotes = []news.Quote{}
	}
	if x.Mentions == nil {
		x.Mentions = []news.Mention{}
	}
	return x
}

// nounsCapitalised are the languages that capitalise every noun, where a
// recogniser reading capitals as French or English does would take each
// noun for a name: their articles get no entities rather than noise.
var nounsCapitalised = map[string]bool{"de": true, "lb": true}

// speakersRead are the languages whose quotes get speakers.
var speakersRead = map[string]bool{"fr": true, "en": true}

// Brief cross-checks a story's articles and writes its brief. arts and xs
// are parallel, in story order; why may be nil.
func (p *Pipeline) Brief(st news.Story, arts []news.Article, xs []news.Extraction, why []news.Assignment) news.Brief {
	names := make([]string, len(arts))
	texts := make([]string, len(arts))
	mentions := make([][]news.Mention, len(arts))
	srcs := make([]crosscheck.Source, len(arts))
	for i := range arts {
		names[i], texts[i], mentions[i] = arts[i].Name, arts[i].Text, xs[i].Mentions
		srcs[i] = crosscheck.Source{Article: arts[i], Extraction: xs[i]}
	}
	ents := entity.Canonicalize(names, texts, mentions)
	citeArticles(ents, arts)
	res := p.checker.Compare(srcs, CanonicalNames(ents))
	return brief.Build(brief.Parts{
		Story: st, Articles: arts, Facts: res.Facts, Quotes: res.Quotes,
		Entities: ents, Timeline: res.Timeline, Why: why,
	})
}

// citeArticles sets the ArticleID of the entities' mentions, which
// Canonicalize cites by article name: the article of that name whose text
// holds the mention's words at its offsets (names may repeat).
func citeArticles(ents []news.Entity, arts []news.Article) {
	byName := map[string][]int{}
	for i, a := range arts {
		byName[a.Name] = append(byName[a.Name], i)
	}
	for _, e := range ents {
		for j, m := range e.Mentions {
			for _, i := range byName[m.Article] {
				t := arts[i].Text
				if m.Start >= 0 && m.Start <= m.End && m.End <= len(t) && t[m.Start:m.End] == m.Text {
					e.Mentions[j].ArticleID = arts[i].ID
					break
				}
			}
		}
	}
}

// CanonicalNames maps every alias of every entity (and its name) to the
// entity's canonical name.
func CanonicalNames(ents []news.Entity) map[string]string {
	out := map[string]string{}
	for _, e := range ents {
		out[e.Name] = e.Name
	}
	for _, e := range ents {
		for _, a := range e.Aliases {
			if _, taken := out[a]; !taken {
				out[a] = e.Name
			}
		}
		for _, m := range e.Mentions {
			if _, taken := out[m.Text]; !taken {
				out[m.Text] = e.Name
			}
		}
	}
	return out
}
