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
		a, b := &all[order[i]], &all[order[j]]
		if pa, pb := priority(a.Kind), priority(b.Kind); pa != pb {
			return pa > pb
		}
		if a.Span.Len() != b.Span.Len() {
			return a.Span.Len() > b.Span.Len()
		}
		return a.Span.Start < b.Span.Start
	})
	// Kept spans are disjoint, so a bitmap of taken bytes answers "does f
	// overlap a winner?" in time proportional to f's length: the whole
	// merge stays near-linear on huge articles (a pairwise test was
	// quadratic). Empty or inverted spans take no byte and never clash.
	var taken bitmap
	var keep []int
	for _, i := range order {
		sp := all[i].Span
		if sp.Start >= 0 && sp.End > sp.Start {
			if taken.any(sp.Start, sp.End) {
				continue
			}
			taken.set(sp.Start, sp.End)
		}
		keep = append(keep, i)
	}
	// Facts are large: sort their indices, then copy each once.
	sort.SliceStable(keep, func(i, j int) bool { return all[keep[i]].Span.Start < all[keep[j]].Span.Start })
	kept := make([]news.Fact, len(keep))
	for n, i := range keep {
		kept[n] = all[i]
	}
	return kept
}

// bitmap is a growable set of byte offsets.
type bitmap []uint64

func (b bitmap) any(start, end int) bool {
	for i := start; i < end; i++ {
		if w := i >> 6; w < len(b) && b[w]&(1<<(i&63)) != 0 {
			return true
		}
	}
	return false
}

func (b *bitmap) set(start, end int) {
	if need := (end + 63) >> 6; need > len(*b) {
		*b = append(*b, make([]uint64, need-len(*b))...)
	}
	for i := start; i < end; i++ {
		(*b)[i>>6] |= 1 << (i & 63)
	}
}
