package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGoldEnd(t *testing.T) {
	in := "Je pars le 4 janvier 2019."
	tests := []struct {
		name       string
		start, end int
		text       string
		want       int
	}{
		{"exclusive end", 11, 25, "4 janvier 2019", 25},
		{"inclusive end", 11, 24, "4 janvier 2019", 25},
		{"lower-cased text", 3, 6, "PARS", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := goldEnd(in, tt.start, tt.end, tt.text); got != tt.want {
				t.Errorf("goldEnd(%d, %d, %q) = %d, want %d", tt.start, tt.end, tt.text, got, tt.want)
			}
		})
	}
}

func TestTimexKey(t *testing.T) {
	tests := map[string]string{
		"XXXX-10-02":       "md:10-02",
		"XXXX-WXX-5":       "weekday:5",
		"XXXX-WXX-2T11:00": "weekday:2 time:11:00",
		"XXXX-04":          "m:04",
		"T19":              "19:00",
		"2016-11-07":       "",
		"XXXX-WXX-2TMO":    "",
	}
	for tx, want := range tests {
		if got := timexKey(tx); got != want {
			t.Errorf("timexKey(%q) = %q, want %q", tx, got, want)
		}
	}
}

func TestScoreCase(t *testing.T) {
	in := "Je reviens vendredi 7 juin et pour 3 heures."
	vals := func(kv ...string) []map[string]any {
		var out []map[string]any
		for i := 0; i < len(kv); i += 2 {
			out = append(out, map[string]any{"timex": kv[i], "value": kv[i+1]})
		}
		return out
	}
	gold := []item{
		toItem(in, 11, 26, "vendredi 7 juin", "datetimeV2.date", vals("XXXX-06-07", "2019-06-07", "XXXX-06-07", "2018-06-07")),
		toItem(in, 35, 43, "3 heures", "datetimeV2.duration", vals("PT3H", "10800")),
	}
	if got, want := gold[0].freeKeys, []string{"md:06-07", "md:06-07"}; !cmp.Equal(got, want) {
		t.Errorf("free keys = %v, want %v", got, want)
	}
	if !gold[0].inScope || gold[1].inScope {
		t.Fatalf("scope = %v, %v; want date in, duration out", gold[0].inScope, gold[1].inScope)
	}
	right := item{start: 11, end: 26, keys: []string{"2019-06-07"}}
	wrong := item{start: 11, end: 26, keys: []string{"2020-06-07"}}
	inDuration := item{start: 35, end: 36, keys: []string{"T03:00"}}
	stray := item{start: 0, end: 2, keys: []string{"2019"}}
	tests := []struct {
		name string
		pred []item
		want score
	}{
		{"right", []item{right}, score{tp: 1, spanTP: 1}},
		{"wrong value counts both ways", []item{wrong}, score{fp: 1, fn: 1, spanTP: 1}},
		{"inside out-of-scope ignored", []item{right, inDuration}, score{tp: 1, spanTP: 1}},
		{"stray is a false alarm", []item{right, stray}, score{tp: 1, fp: 1, spanTP: 1}},
		{"nothing", nil, score{fn: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := scoreCase(gold, tt.pred)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(score{})); diff != "" {
				t.Errorf("scoreCase mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
