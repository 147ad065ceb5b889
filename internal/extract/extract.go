// Package extract holds what the extractors share: Merge, which combines
// their facts into one sorted list without overlaps.
package extract

import (
	"sort"

	"github.com/recoupe/recoupe/news"
)

// priority ranks the kinds of fact when two overlap: a money amount wins
// over a date that would read its digits; a date or time wins over a bare
// number or percent read from the same digits ("10 février 2025", "14h30").
func priority(k news.Kind) int {
	switch k {
	case news.KindMoney:
		return 4
	case news.KindDate, news.KindTime:
		return 3
	case news.KindPercent:
		return 2
	}
	return 1
}

// Merge combines facts from several extractors, sorted by span. Where two
// facts overlap, the one of higher priority (then the longer, then the
// earlier) is kept.
func Merge(lists ...[]news.Fact) []news.Fact {
	var all []news.Fact
	for _, l := range lists {
		all = append(all, l...)
	}
	// Best first, so that greedy selection keeps the winners.
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := all[order[i]], all[order[j]]
		if pa, pb := priority(a.Kind), priority(b.Kind); pa != pb {
			return pa > pb
		}
		if a.Span.Len() != b.Span.Len() {
			return a.Span.Len() > b.Span.Len()
		}
		return a.Span.Start < b.Span.Start
	})
	var kept []news.Fact
	for _, i := range order {
		f := all[i]
		clash := false
		for _, k := range kept {
			if k.Span.Overlaps(f.Span) {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, f)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Span.Start < kept[j].Span.Start })
	return kept
}
