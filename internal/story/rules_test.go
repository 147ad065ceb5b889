package story

import (
	"fmt"
	"math"
	"testing"
)

// The docs below are FICTIONAL, made of invented keys.

func fdoc(id string, terms, ents []string) Doc {
	d := Doc{ID: id, Language: "xx"}
	for _, k := range terms {
		d.Terms = append(d.Terms, Feature{k, 1})
	}
	for _, k := range ents {
		d.Entities = append(d.Entities, Feature{k, 1})
	}
	return d
}

func keys(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%02d", prefix, i)
	}
	return out
}

// primeUnrelated primes the document frequencies with unrelated docs.
func primeUnrelated(c *Clusterer) {
	for i := range 20 {
		c.Prime(fdoc(fmt.Sprintf("bg%02d", i), keys(fmt.Sprintf("bg%02d-", i), 8), nil))
	}
}

func TestSmallStoryMargin(t *testing.T) {
	const th, margin = 0.1, 0.5
	c := New(Options{Threshold: th, Thresholds: map[string]float64{}, SmallStoryMargin: margin})
	primeUnrelated(c)
	words := keys("w", 10)
	for i, want := range []float64{0, th * (1 + margin/1), th * (1 + margin/2), th * (1 + margin/3)} {
		a := c.Assign(fdoc(fmt.Sprintf("d%d", i), words, nil))
		if i == 0 {
			if !a.New {
				t.Fatalf("first doc: New = false, want true")
			}
			continue
		}
		if a.New {
			t.Fatalf("doc %d opened a story (score %.3f), want it to join", i, a.Score)
		}
		if math.Abs(a.Threshold-want) > 1e-4 { // four decimals
			t.Errorf("doc %d joining a story of %d: threshold %.4f, want %.4f", i, i, a.Threshold, want)
		}
	}
}

func TestSmallStoryMarginBlocksWeakJoin(t *testing.T) {
	// Two docs sharing 3 of 10 terms: a cosine near 0.3, enough for the
	// flat threshold 0.25 but not for 0.25·(1+0.4) against one article.
	a := fdoc("a", keys("w", 10), nil)
	b := fdoc("b", append(keys("w", 3), keys("v", 7)...), nil)
	tests := []struct {
		name    string
		margin  float64
		wantNew bool
	}{
		{"no margin", -1, false},
		{"margin 0.4", 0.4, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{Threshold: 0.25, Thresholds: map[string]float64{}, SmallStoryMargin: tt.margin})
			primeUnrelated(c)
			c.Assign(a)
			got := c.Assign(b)
			if got.New != tt.wantNew {
				t.Errorf("second doc: New = %v (score %.3f, threshold %.3f), want %v", got.New, got.Score, got.Threshold, tt.wantNew)
			}
		})
	}
}

func TestEntityConflict(t *testing.T) {
	words := keys("w", 10)
	tests := []struct {
		name      string
		ents      []string
		lang      string  // the second doc's; the story's is "xx"
		wantRatio float64 // score with these entities / score with the same entities
	}{
		{"same entities", keys("e", 6), "xx", 1},
		{"other entities", keys("x", 6), "xx", conflictFactor},
		{"few entities, none the story's, same language", keys("x", 2), "xx", conflictFactor},
		{"few entities, one the story's", append(keys("x", 1), "e00"), "xx", 1},
		{"few entities, none the story's, another language", keys("x", 2), "yy", 1},
		{"many other entities, another language", keys("x", 6), "yy", conflictFactor},
	}
	score := func(ents []string, lang string) float64 {
		c := New(Options{Threshold: 0.01, Thresholds: map[string]float64{}, EntityWeight: 1e-9, NumberWeight: 1e-9})
		primeUnrelated(c)
		c.Assign(fdoc("a", words, keys("e", 6)))
		// The entity block still counts in the weights' sum, so compare
		// with a near-zero entity weight: the text cosine alone remains.
		d := fdoc("b", words, ents)
		d.Language = lang
		return c.Assign(d).Score
	}
	same := score(keys("e", 6), "xx")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := score(tt.ents, tt.lang) / same
			if math.Abs(got-tt.wantRatio) > 1e-3 { // scores carry four decimals
				t.Errorf("score ratio %.4f, want %.4f", got, tt.wantRatio)
			}
		})
	}
}

func TestCentroidSaturates(t *testing.T) {
	// A key every article repeats weighs ln(1+Σw) in the centroid, not Σw.
	c := New(Options{Threshold: 0.01, Thresholds: map[string]float64{}})
	var sid string
	for i := range 5 {
		a := c.Assign(fdoc(fmt.Sprintf("d%d", i), []string{"common"}, nil))
		sid = a.StoryID
	}
	s := c.stories[c.byID[sid]]
	if len(s.vec[bTerms]) != 1 {
		t.Fatalf("centroid has %d terms, want 1", len(s.vec[bTerms]))
	}
	if got, want := float64(s.vec[bTerms][0].w), math.Log1p(5); math.Abs(got-want) > 1e-5 {
		t.Errorf("centroid weight %.5f, want ln(1+5) = %.5f", got, want)
	}
}
