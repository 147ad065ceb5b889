package story

import (
	"strings"
	"testing"

	"github.com/recoupe/recoupe/news"
)

// The articles below are FICTIONAL, written for these tests.

func TestLeadEnd(t *testing.T) {
	long := strings.Repeat("mot ", 150) // 600 bytes, no sentence end
	tests := []struct {
		name, text string
		want       int
	}{
		{"first line", "Crue à Pontarin.\nLe maire parle.", len("Crue à Pontarin.")},
		{"one short line", "Crue à Pontarin. Le maire parle.", len("Crue à Pontarin. Le maire parle.")},
		{"long line: first sentence", "Crue à Pontarin. " + long, len("Crue à Pontarin.")},
		{"long line, no sentence end", long, strings.LastIndexByte(long[:leadMax], ' ')},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := leadEnd(tt.text); got != tt.want {
				t.Errorf("leadEnd = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestLeadEntitiesCountTwice(t *testing.T) {
	text := "Gilles Fauvard a demandé l'état de catastrophe naturelle.\n" +
		"Le niveau de la Sorvelle baisse, a rappelé Irène Maslac."
	a := art("1212121212121212", "fr", "Les pompiers de Pontarin restent mobilisés face à la crue", text, day0)
	count := func(fs []Feature, k string) int {
		for _, f := range fs {
			if f.Key == k {
				return f.Count
			}
		}
		return 0
	}
	t.Run("proxies", func(t *testing.T) {
		d := NewDoc(a, nil)
		for k, want := range map[string]int{"gilles fauvard": 2, "pontarin": 2, "irene maslac": 1, "sorvelle": 1} {
			if got := count(d.Entities, k); got != want {
				t.Errorf("count of %q = %d, want %d: %v", k, got, want, d.Entities)
			}
		}
	})
	t.Run("mentions", func(t *testing.T) {
		span := func(name string) news.Span {
			i := strings.Index(text, name)
			return news.Span{Start: i, End: i + len(name)}
		}
		x := &news.Extraction{Mentions: []news.Mention{
			{Name: "Gilles Fauvard", Type: news.PER, Span: span("Gilles Fauvard")},
			{Name: "Irène Maslac", Type: news.PER, Span: span("Irène Maslac")},
			{Name: "Irène Maslac", Type: news.PER, Span: span("Irène Maslac")},
			{Name: "Irène Maslac", Type: news.PER, Span: span("Irène Maslac")},
		}}
		d := NewDoc(a, x)
		// The lead mention counts twice; three tail mentions, three times.
		for k, want := range map[string]int{"gilles fauvard": 2, "irene maslac": 3} {
			if got := count(d.Entities, k); got != want {
				t.Errorf("count of %q = %d, want %d: %v", k, got, want, d.Entities)
			}
		}
	})
}
