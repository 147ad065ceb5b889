package extract_test

import (
	"math/rand/v2"
	"testing"

	"github.com/recoupe/recoupe/internal/extract"
	"github.com/recoupe/recoupe/news"
)

func f(k news.Kind, start, end int) news.Fact {
	return news.Fact{Kind: k, Span: news.Span{Start: start, End: end}}
}

func TestMerge(t *testing.T) {
	numbers := []news.Fact{f(news.KindNumber, 3, 5), f(news.KindNumber, 14, 18), f(news.KindNumber, 30, 32)}
	money := []news.Fact{f(news.KindMoney, 40, 60)}
	dates := []news.Fact{f(news.KindDate, 3, 18), f(news.KindTime, 30, 35), f(news.KindDate, 45, 49)}
	got := extract.Merge(numbers, money, dates)
	want := []news.Fact{f(news.KindDate, 3, 18), f(news.KindTime, 30, 35), f(news.KindMoney, 40, 60)}
	if len(got) != len(want) {
		t.Fatalf("Merge = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Kind != want[i].Kind || got[i].Span != want[i].Span {
			t.Errorf("Merge[%d] = %s %v, want %s %v", i, got[i].Kind, got[i].Span, want[i].Kind, want[i].Span)
		}
	}
}

func TestMergeEmpty(t *testing.T) {
	if got := extract.Merge(nil, nil); len(got) != 0 {
		t.Errorf("Merge(nil, nil) = %v, want empty", got)
	}
}

// TestMergeMatchesPairwise checks the bitmap merge against the plain
// definition (a fact is kept unless it overlaps a better fact already kept)
// on random facts.
func TestMergeMatchesPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	kinds := []news.Kind{news.KindNumber, news.KindMoney, news.KindDate, news.KindTime}
	for round := range 200 {
		lists := make([][]news.Fact, 3)
		for i := range lists {
			for range r.IntN(20) {
				s := r.IntN(200)
				lists[i] = append(lists[i], f(kinds[r.IntN(len(kinds))], s, s+1+r.IntN(15)))
			}
		}
		got := extract.Merge(lists...)
		// Reference: every kept fact overlaps no other kept fact, and every
		// dropped fact overlaps a kept one.
		kept := map[news.Span]bool{}
		for i, a := range got {
			kept[a.Span] = true
			for _, b := range got[i+1:] {
				if a.Span.Overlaps(b.Span) {
					t.Fatalf("round %d: kept %v and %v overlap", round, a.Span, b.Span)
				}
			}
		}
		for _, l := range lists {
			for _, a := range l {
				if kept[a.Span] {
					continue
				}
				clash := false
				for _, k := range got {
					clash = clash || k.Span.Overlaps(a.Span)
				}
				if !clash {
					t.Fatalf("round %d: dropped %v overlaps nothing kept", round, a.Span)
				}
			}
		}
	}
}

// BenchmarkMergeHuge merges the facts of a very long article: the cost per
// fact must not grow with the number of facts.
func BenchmarkMergeHuge(b *testing.B) {
	var numbers, dates []news.Fact
	for i := range 100_000 {
		numbers = append(numbers, f(news.KindNumber, i*20, i*20+4))
		dates = append(dates, f(news.KindDate, i*20+2, i*20+10))
	}
	for b.Loop() {
		extract.Merge(numbers, dates)
	}
}
