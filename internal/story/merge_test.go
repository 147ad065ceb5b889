package story

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

// The docs below are FICTIONAL, made of invented keys: b1 shares four of
// a1's ten keys, too few to join it, and opens a story; a2 repeats a1
// and joins it, and the grown story is then similar enough to b1's (under
// the low merge threshold of the tests) to merge.
func bridgeDocs() []Doc {
	return []Doc{
		fdoc("a1", keys("x", 10), nil),
		fdoc("b1", append(keys("x", 4), keys("y", 6)...), nil),
		fdoc("a2", append(keys("x", 10), keys("w", 2)...), nil),
	}
}

func mergeOptions(factor float64) Options {
	return Options{Threshold: 0.5, Thresholds: map[string]float64{}, SmallStoryMargin: -1, MergeFactor: factor, MergeMaxArticles: 2}
}

func TestOnlineMerge(t *testing.T) {
	tests := []struct {
		name      string
		factor    float64
		split     bool // a person split b1 out before a2 arrives
		wantOne   bool
		wantMerge bool
	}{
		{"merging", 0.5, false, true, true},
		{"merging disabled", -1, false, false, false},
		{"threshold not reached", 3, false, false, false},
		{"manual split kept", 0.5, true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(mergeOptions(tt.factor))
			primeUnrelated(c)
			docs := bridgeDocs()
			a1, b1 := c.Assign(docs[0]), c.Assign(docs[1])
			if !a1.New || !b1.New {
				t.Fatalf("a1 and b1 must open stories: %+v, %+v", a1, b1)
			}
			if tt.split {
				c.Restore(docs[1], news.Assignment{ArticleID: "b1", StoryID: "s-split", Manual: true})
			}
			a2 := c.Assign(docs[2])
			m, merged := MergeOf(a2)
			if merged != tt.wantMerge {
				t.Fatalf("a2 = %+v: merge recorded %v, want %v", a2, merged, tt.wantMerge)
			}
			sa, _ := c.StoryOf("a1")
			sb, _ := c.StoryOf("b1")
			s2, _ := c.StoryOf("a2")
			if got := sa == sb && sb == s2; got != tt.wantOne {
				t.Errorf("stories a1 %s, b1 %s, a2 %s: all one = %v, want %v", sa, sb, s2, got, tt.wantOne)
			}
			if tt.split && sb != "s-split" {
				t.Errorf("b1 is in %s after the manual split, want s-split", sb)
			}
			if !merged {
				return
			}
			// The larger story (a2's, two articles) absorbs the smaller.
			if m.Into != a2.StoryID || m.From != b1.StoryID || m.Into != sb {
				t.Errorf("merge %+v: want %s into %s", m, b1.StoryID, a2.StoryID)
			}
			if m.Score < m.Threshold || m.Threshold != 0.5*tt.factor {
				t.Errorf("merge %+v: want score ≥ threshold = 0.5·%g", m, tt.factor)
			}
			if c.Len() != 2 {
				t.Errorf("Len = %d after the merge, want 2 (the merged story is kept, emptied)", c.Len())
			}
		})
	}
}

func TestRestoreReplaysMerge(t *testing.T) {
	docs := append(bridgeDocs(), fdoc("a3", keys("x", 8), nil), fdoc("z1", keys("z", 10), nil))
	c := New(mergeOptions(0.5))
	primeUnrelated(c)
	var as []news.Assignment
	merges := 0
	for _, d := range docs {
		a := c.Assign(d)
		if _, ok := MergeOf(a); ok {
			merges++
		}
		as = append(as, a)
	}
	if merges == 0 {
		t.Fatalf("no merge in %+v", as)
	}
	r := New(mergeOptions(0.5))
	primeUnrelated(r)
	for i, d := range docs {
		r.Restore(d, as[i])
	}
	if diff := cmp.Diff(snap(c), snap(r), cmpState); diff != "" {
		t.Errorf("state after Restore differs from state after Assign (-assign +restore):\n%s", diff)
	}
	for _, d := range docs {
		got, _ := r.StoryOf(d.ID)
		want, _ := c.StoryOf(d.ID)
		if got != want {
			t.Errorf("StoryOf(%s) = %s after Restore, want %s", d.ID, got, want)
		}
	}
	next := fdoc("a4", keys("x", 9), nil)
	if a, b := c.Assign(next), r.Assign(next); !cmp.Equal(a, b) {
		t.Errorf("next decision after Assign = %+v, after Restore = %+v", a, b)
	}
}

func TestMergeOf(t *testing.T) {
	tests := []struct {
		name   string
		shared []string
		want   Merge
		wantOK bool
	}{
		{"recorded", []string{"term:x", formatMerge(mergePrefix, "sAAA", "sBBB-2", 0.3126, 0.25)},
			Merge{From: "sAAA", Into: "sBBB-2", Score: 0.313, Threshold: 0.25, Reason: "merged story sAAA into sBBB-2: similarity 0.313 ≥ 0.250"}, true},
		{"bridge", []string{formatMerge(bridgePrefix, "sAAA", "sBBB", 0.351, 0.161)},
			Merge{From: "sAAA", Into: "sBBB", Score: 0.351, Threshold: 0.161, Reason: "bridged story sAAA into sBBB: similarity 0.351 ≥ 0.161", Bridge: true}, true},
		{"none", []string{"term:x", "entity:merged story"}, Merge{}, false},
		{"garbled", []string{"merged story sA into sB: similarity x ≥ 0.2"}, Merge{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := MergeOf(news.Assignment{Shared: tt.shared})
			if ok != tt.wantOK || got != tt.want {
				t.Errorf("MergeOf(%q) = %+v, %v; want %+v, %v", tt.shared, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// bridgeOptions isolate bridging: threshold 0.5, 0.6 to join a story of
// one article, no centroid merge.
func bridgeOptions(factor float64) Options {
	return Options{Threshold: 0.5, Thresholds: map[string]float64{}, SmallStoryMargin: 0.2, MergeFactor: -1, BridgeFactor: factor}
}

// TestBridge: FICTIONAL docs of invented keys. a1 and a2 (one wording)
// form story A; b1 shares four of their ten keys and opens story B; the
// last article repeats A's keys and, when it also carries b1's own
// keys, scores above B's threshold as well: it bridges B into A.
func TestBridge(t *testing.T) {
	tests := []struct {
		name      string
		factor    float64
		youngA    bool // a2 is not sent: A holds one article before the last
		split     bool // a person moved b1 to a story of its own
		ownB      int  // how many of b1's own keys the last article carries
		wantMerge bool
	}{
		{"bridged", 1, false, false, 4, true},
		{"runner-up under its threshold", 1, false, false, 2, false},
		{"threshold raised", 1.2, false, false, 4, false},
		{"bridging disabled", -1, false, false, 4, false},
		{"joined story too young", 1, true, false, 4, false},
		{"manual split kept", 1, false, true, 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(bridgeOptions(tt.factor))
			primeUnrelated(c)
			a1 := c.Assign(fdoc("a1", keys("x", 10), nil))
			if !tt.youngA {
				if a := c.Assign(fdoc("a2", keys("x", 10), nil)); a.New {
					t.Fatalf("a2 must join a1: %+v", a)
				}
			}
			b1 := c.Assign(fdoc("b1", append(keys("x", 4), keys("y", 6)...), nil))
			if !b1.New {
				t.Fatalf("b1 must open a story: %+v", b1)
			}
			if tt.split {
				c.Restore(fdoc("b1", append(keys("x", 4), keys("y", 6)...), nil), news.Assignment{ArticleID: "b1", StoryID: "s-split", Manual: true})
			}
			last := c.Assign(fdoc("a3", append(keys("x", 10), keys("y", tt.ownB)...), nil))
			if last.New || last.StoryID != a1.StoryID {
				t.Fatalf("a3 = %+v: want it to join a1's story %s", last, a1.StoryID)
			}
			m, merged := MergeOf(last)
			if merged != tt.wantMerge {
				t.Fatalf("a3 = %+v: merge recorded %v, want %v", last, merged, tt.wantMerge)
			}
			sa, _ := c.StoryOf("a1")
			sb, _ := c.StoryOf("b1")
			if got := sa == sb; got != tt.wantMerge {
				t.Errorf("a1 in %s, b1 in %s: one story = %v, want %v", sa, sb, got, tt.wantMerge)
			}
			if !merged {
				return
			}
			if m.From != b1.StoryID || m.Into != a1.StoryID {
				t.Errorf("merge %+v: want %s into %s", m, b1.StoryID, a1.StoryID)
			}
			if want := 0.5 * 1.2; m.Threshold != want || m.Score < m.Threshold {
				t.Errorf("merge %+v: want score ≥ threshold = %g (b1's story's own)", m, want)
			}
		})
	}
}

func TestRestoreReplaysBridge(t *testing.T) {
	docs := []Doc{
		fdoc("a1", keys("x", 10), nil),
		fdoc("a2", keys("x", 10), nil),
		fdoc("b1", append(keys("x", 4), keys("y", 6)...), nil),
		fdoc("a3", append(keys("x", 10), keys("y", 4)...), nil),
		fdoc("a4", append(keys("x", 9), keys("y", 2)...), nil),
	}
	c := New(bridgeOptions(1))
	primeUnrelated(c)
	var as []news.Assignment
	for _, d := range docs {
		as = append(as, c.Assign(d))
	}
	if _, ok := MergeOf(as[3]); !ok {
		t.Fatalf("a3 = %+v: no bridge recorded", as[3])
	}
	r := New(bridgeOptions(1))
	primeUnrelated(r)
	for i, d := range docs {
		r.Restore(d, as[i])
	}
	if diff := cmp.Diff(snap(c), snap(r), cmpState); diff != "" {
		t.Errorf("state after Restore differs from state after Assign (-assign +restore):\n%s", diff)
	}
	next := fdoc("a5", append(keys("x", 8), keys("y", 3)...), nil)
	if a, b := c.Assign(next), r.Assign(next); !cmp.Equal(a, b) {
		t.Errorf("next decision after Assign = %+v, after Restore = %+v", a, b)
	}
}

// TestMergeKeepsTimes: a story merged into another brings the times its
// articles name (FICTIONAL docs), so the time evidence of the merged
// story is that of all its articles, as if they had joined one by one.
func TestMergeKeepsTimes(t *testing.T) {
	timed := func(id string, times ...string) Doc {
		d := fdoc(id, keys("x", 10), nil)
		for _, k := range times {
			d.Times = append(d.Times, Feature{k, 1})
		}
		return d
	}
	one := New(Options{Threshold: 0.5, Thresholds: map[string]float64{}, SmallStoryMargin: -1, MergeFactor: -1, BridgeFactor: -1})
	for _, d := range []Doc{timed("a1", "month 3", "year 2008"), timed("a2", "month 3"), timed("b1", "weekday 2", "month 3")} {
		one.Assign(d)
	}
	if one.Len() != 1 {
		t.Fatalf("%d stories, want the three articles in one", one.Len())
	}
	two := New(Options{Threshold: 0.5, Thresholds: map[string]float64{}, SmallStoryMargin: -1, MergeFactor: -1, BridgeFactor: -1})
	a := two.Assign(timed("a1", "month 3", "year 2008"))
	two.Assign(timed("a2", "month 3"))
	two.Restore(timed("b1", "weekday 2", "month 3"), news.Assignment{ArticleID: "b1", StoryID: "s-b"})
	two.absorb(two.byID[a.StoryID], two.byID["s-b"])
	got, want := two.stories[two.byID[a.StoryID]].times, one.stories[0].times
	if diff := cmp.Diff(want, got, cmpState); diff != "" {
		t.Errorf("times after the merge (-one by one +merged):\n%s", diff)
	}
	if n := len(two.stories[two.byID["s-b"]].times); n != 0 {
		t.Errorf("merged-away story keeps %d times, want none", n)
	}
}

func TestMergeTimes(t *testing.T) {
	many := func(from, n int, w float32) []entry {
		var es []entry
		for i := range n {
			es = append(es, entry{uint32(from + i), w})
		}
		return es
	}
	tests := []struct {
		name    string
		a, b    []entry
		want    []entry
		wantLen int
	}{
		{"sums shared codes", []entry{{1, 2}, {10001, 1}}, []entry{{1, 1}, {20002, 1}}, []entry{{1, 3}, {10001, 1}, {20002, 1}}, 3},
		{"empty side", nil, []entry{{5, 1}}, []entry{{5, 1}}, 1},
		{"bounded", many(0, maxStoryTimes, 2), many(1000, 4, 1), many(0, maxStoryTimes, 2), maxStoryTimes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mergeTimes(tt.a, tt.b)
			if len(got) != tt.wantLen {
				t.Errorf("len = %d, want %d", len(got), tt.wantLen)
			}
			if diff := cmp.Diff(tt.want, got, cmpState); diff != "" {
				t.Errorf("mergeTimes (-want +got):\n%s", diff)
			}
		})
	}
}
