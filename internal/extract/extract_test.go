package extract_test

import (
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
