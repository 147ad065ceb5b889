package crosscheck

import (
	"slices"
	"sort"
	"strings"

	"github.com/recoupe/recoupe/news"
)

type quoteMention struct {
	src     int
	q       news.Quote
	speaker string
}

// groupQuotes gathers the variants of each quote across sources: a quote
// joins the first group whose first variant it resembles
// (QuoteSimilarity ≥ QuoteThreshold) with a compatible speaker (the same
// canonical name, or one side unknown).
func (c *Checker) groupQuotes(srcs []Source, canon map[string]string, origin []int) []news.QuoteGroup {
	type qgroup struct {
		members []quoteMention
		sims    []float64
	}
	var groups []*qgroup
	for i, s := range srcs {
		for _, q := range s.Extraction.Quotes {
			if q.Text == "" {
				continue
			}
			m := quoteMention{src: i, q: q, speaker: canonical(q.Speaker, canon)}
			best, bestSim := -1, 0.0
			for gi, g := range groups {
				if !speakersMatch(groupSpeaker(g.members), m.speaker) {
					continue
				}
				sim := c.rules.QuoteSimilarity(g.members[0].q.Text, q.Text)
				if sim >= c.rules.QuoteThreshold && sim > bestSim {
					best, bestSim = gi, sim
				}
			}
			if best < 0 {
				groups = append(groups, &qgroup{members: []quoteMention{m}, sims: []float64{1}})
				continue
			}
			groups[best].members = append(groups[best].members, m)
			groups[best].sims = append(groups[best].sims, bestSim)
		}
	}
	// The same words given to different speakers by different articles
	// are one quote in conflict: a misattribution somewhere.
	conflict := make([]bool, len(groups))
	for i, a := range groups {
		for j := i + 1; j < len(groups); j++ {
			b := groups[j]
			if b == nil || a == nil || groupSpeaker(a.members) == "" || groupSpeaker(b.members) == "" || sharesSource(a.members, b.members) {
				continue
			}
			sim := c.rules.QuoteSimilarity(a.members[0].q.Text, b.members[0].q.Text)
			if sim < c.rules.QuoteThreshold {
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
			if m.speaker != "" && !slices.Contains(speakers, m.speaker) {
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

func speakersMatch(a, b string) bool { return a == "" || b == "" || a == b }

// groupSpeaker is the most frequent known speaker of a group's members.
func groupSpeaker(ms []quoteMention) string {
	count := map[string]int{}
	best := ""
	for _, m := range ms {
		if m.speaker == "" {
			continue
		}
		count[m.speaker]++
		if best == "" || count[m.speaker] > count[best] {
			best = m.speaker
		}
	}
	return best
}
