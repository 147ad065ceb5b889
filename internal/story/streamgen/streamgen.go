// Package streamgen generates an endless, dated stream of news articles
// from a few hundred real ones, for the clusterer's scale benchmark: each
// synthetic story takes one real event (the real articles of one gold
// cluster), renames its names and some of its words, shifts its numbers,
// and publishes a few articles over a few days, each a shuffled subset of
// the sentences of one of the event's real articles; a few articles are
// flagged as near-duplicates of an earlier one of their story. Source
// articles that name no one are left out (see hasName).
//
// Stories start at random times (a Poisson process) at a rate that gives
// ArticlesPerDay articles a day; articles come out in date order. Every
// article carries its synthetic story's label, so the stream is also a
// gold set (an easy one: renamed entities and time separate the stories).
//
// Moving a text in time moves the times it names (see redate.go): the
// weekdays, months, days of the month and years of each real event are
// shifted so that the ones it names most fall on the synthetic story's
// start date. Two copies of one real event that start on different days
// then name different weekdays, as two similar events would; copies kept
// with their real times would agree on every time they name, and the
// clusterer's time evidence would draw them together.
package streamgen

import (
	"container/heap"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"

	"github.com/recoupe/recoupe/news"
)

// Source is one real article of a real event.
type Source struct {
	Event    string
	Language string
	Title    string
	Text     string
}

// Defaults.
const (
	DefaultArticlesPerDay = 2000
	// DefaultMeanStory is the mean number of articles per story.
	DefaultMeanStory = 8
	// DefaultSpreadHours is how long after its start a story's articles
	// keep coming.
	DefaultSpreadHours = 60
	// DefaultDuplicateRate is the share of articles that near-duplicate an
	// earlier article of their story.
	DefaultDuplicateRate = 0.05
)

// Generator produces the stream. It is not safe for concurrent use.
type Generator struct {
	events  [][]Source // real articles per event
	anchors []anchor   // the times each event names most
	rng     *rand.Rand
	clock   time.Time // start time of the next story
	perDay  float64
	pending pq
	nStory  int
	seq     int
}

// New returns a generator over the real articles src (grouped by Event),
// seeded, whose first story starts at start.
func New(src []Source, seed uint64, start time.Time) (*Generator, error) {
	byEvent := map[string]int{}
	var events [][]Source
	for _, s := range src {
		if !hasName(langOf(s.Language), s.Title+"\n"+s.Text) {
			continue
		}
		i, ok := byEvent[s.Event]
		if !ok {
			i = len(events)
			byEvent[s.Event] = i
			events = append(events, nil)
		}
		events[i] = append(events[i], s)
	}
	if len(events) == 0 {
		return nil, fmt.Errorf("streamgen: no source article names anyone")
	}
	anchors := make([]anchor, len(events))
	for i, ev := range events {
		anchors[i] = anchorOf(ev)
	}
	return &Generator{events: events, anchors: anchors, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		clock: start, perDay: DefaultArticlesPerDay}, nil
}

// hasName reports whether text holds a name that rewrite renames (not a
// weekday or month, which it moves in time) within a sentence: a
// capitalised word there is a name; at a sentence's start it may be any
// word. A source article without one would be copied verbatim, save its
// numbers, into every synthetic story of its event: concurrent copies
// that nothing tells apart, which the gold would still call different
// stories (at cmd/eval-stories -scale 100000, one such 168-byte article
// chained 101 copies of its event into one story of 318 articles).
func hasName(lang, text string) bool {
	start := true // at the start of a sentence
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			switch r {
			case '.', '!', '?', '\n', ':', '"', '«', '»', '-', '—':
				start = true
			}
			i += n
			continue
		}
		j := letterRunEnd(text, i+n)
		w := text[i:j]
		if !start && unicode.IsUpper(r) && (j-i >= 3 || j-i == 2 && w == strings.ToUpper(w)) {
			if _, ok := timeWordOf(lang, w, true); !ok {
				return true
			}
		}
		start = false
		i = j
	}
	return false
}

// synth is one synthetic story.
type synth struct {
	id      int
	event   []Source
	salt    uint64
	factor  float64 // number shift
	left    int     // articles not yet emitted
	emitted []string
	shift   shift // of the times it names
}

// item is one pending article.
type item struct {
	at time.Time
	s  *synth
}

type pq []item

func (q pq) Len() int           { return len(q) }
func (q pq) Less(i, j int) bool { return q[i].at.Before(q[j].at) }
func (q pq) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *pq) Push(x any)        { *q = append(*q, x.(item)) }
func (q *pq) Pop() any          { old := *q; x := old[len(old)-1]; *q = old[:len(old)-1]; return x }
func (q pq) peek() (time.Time, bool) {
	if len(q) == 0 {
		return time.Time{}, false
	}
	return q[0].at, true
}

// startStory schedules a new synthetic story at the clock and advances it.
func (g *Generator) startStory() {
	n := 1 + int(g.rng.ExpFloat64()*(DefaultMeanStory-1)+0.5)
	e := g.rng.IntN(len(g.events))
	s := &synth{id: g.nStory, event: g.events[e], salt: g.rng.Uint64(),
		factor: 0.5 + 1.5*g.rng.Float64(), left: n, shift: g.anchors[e].shiftTo(g.clock)}
	g.nStory++
	for range n {
		at := g.clock.Add(time.Duration(g.rng.Float64() * DefaultSpreadHours * float64(time.Hour)))
		heap.Push(&g.pending, item{at, s})
	}
	// Poisson arrivals: mean gap = mean story size / articles per day.
	gap := g.rng.ExpFloat64() * DefaultMeanStory / g.perDay * 24 * float64(time.Hour)
	g.clock = g.clock.Add(time.Duration(gap))
}

// Next returns the next article in date order and its story label.
func (g *Generator) Next() (news.Article, string) {
	for {
		if at, ok := g.pending.peek(); ok && !at.After(g.clock) {
			break
		}
		g.startStory()
	}
	it := heap.Pop(&g.pending).(item)
	s := it.s
	s.left--
	g.seq++
	src := s.event[g.rng.IntN(len(s.event))]
	a := news.Article{
		ID:        fmt.Sprintf("%016x%016x", xxhash.Sum64String(strconv.Itoa(g.seq)), s.salt),
		Language:  src.Language,
		Published: news.Date{Time: it.at, Granularity: news.GranMinute},
	}
	a.Name = "gen/" + a.ID
	if len(s.emitted) > 0 && g.rng.Float64() < DefaultDuplicateRate {
		a.DuplicateOf = s.emitted[g.rng.IntN(len(s.emitted))]
		a.Similarity = 0.9
	}
	lang := langOf(src.Language)
	a.Title = g.rewrite(s, lang, src.Title)
	a.Text = g.rewrite(s, lang, g.sentences(src.Text))
	if s.left > 0 {
		s.emitted = append(s.emitted, a.ID)
	}
	return a, "g" + strconv.Itoa(s.id)
}

// sentences returns a shuffled subset (half to all) of the text's sentences.
func (g *Generator) sentences(text string) string {
	var sents []string
	for line := range strings.SplitSeq(text, "\n") {
		for s := range strings.SplitSeq(line, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				sents = append(sents, s)
			}
		}
	}
	g.rng.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
	keep := len(sents)/2 + g.rng.IntN(len(sents)/2+1)
	return strings.Join(sents[:max(keep, 1)], ".\n")
}

var syllables = strings.Fields("ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo za ze zo")

// word makes a pronounceable word of n syllables from a hash.
func word(h uint64, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[h%uint64(len(syllables))])
		h /= uint64(len(syllables))
	}
	return b.String()
}

// rewrite renames the story's capitalised words of three letters or more
// and its two-letter acronyms (consistently within the story), replaces
// about a third of its longer lowercase words with invented ones, and
// scales its numbers by the story's factor.
//
// Acronyms are renamed too: kept, a channel's or a party's initials ("JT",
// "TF1") are an actor all copies of one real event share, so a reader, and
// the clusterer, would take the copies for one story against the gold (at
// cmd/eval-stories -scale 30000, the largest predicted story held 144
// articles of 41 copies of one event, all through "TF1" and "JT").
//
// The times the text names are moved with the story (see redate.go): years,
// days of the month next to a month name, weekday and month names.
func (g *Generator) rewrite(s *synth, lang, text string) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	monthEnd := -1 // where the last month name ended
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= '0' && r <= '9':
			j := digitRunEnd(text, i)
			v, _ := strconv.ParseFloat(text[i:j], 64)
			switch numberKind(lang, text, i, j, monthEnd) {
			case kindYear:
				b.WriteString(strconv.Itoa(int(v) + s.shift.year))
			case kindDay:
				b.WriteString(strconv.Itoa(s.shift.day(int(v))))
			default:
				b.WriteString(strconv.FormatInt(int64(math.Round(v*s.factor)), 10))
			}
			i = j
		case unicode.IsLetter(r):
			j := letterRunEnd(text, i+n)
			w := text[i:j]
			if tw, ok := timeWordOf(lang, w, unicode.IsUpper(r)); ok {
				b.WriteString(s.shift.rename(tw, w, unicode.IsUpper(r)))
				if tw.kind == kindMonth {
					monthEnd = j
				}
				i = j
				continue
			}
			h := xxhash.Sum64String(w) ^ s.salt
			switch {
			case unicode.IsUpper(r) && (j-i >= 3 || j-i == 2 && w == strings.ToUpper(w)):
				nw := word(h, 3)
				b.WriteString(strings.ToUpper(nw[:1]) + nw[1:])
			case j-i >= 6 && h%3 == 0:
				b.WriteString(word(h>>8, 3))
			default:
				b.WriteString(w)
			}
			i = j
		default:
			b.WriteString(text[i : i+n])
			i += n
		}
	}
	return b.String()
}

// letterRunEnd returns where the letters that go on at text[j:] end.
func letterRunEnd(text string, j int) int {
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return j
}

// digitRunEnd returns where the ASCII digits that go on at text[j:] end.
func digitRunEnd(text string, j int) int {
	for j < len(text) && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	return j
}
