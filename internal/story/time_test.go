package story

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

// The texts below are FICTIONAL.

func TestDocTimes(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []Feature
	}{
		{"english", "en", "The Zorvan bridge closed on Tuesday, 3 March 2031, and may reopen in May.",
			[]Feature{{"month 3", 1}, {"month 5", 1}, {"weekday 2", 1}, {"year 2031", 1}}},
		{"french", "fr", "Le pont de Zorvan a fermé mardi 3 mars 2031 ; il rouvrira en août.",
			[]Feature{{"month 3", 1}, {"month 8", 1}, {"weekday 2", 1}, {"year 2031", 1}}},
		{"none", "en", "The Zorvan bridge closed.", []Feature{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDoc(&news.Article{ID: "a", Language: tt.lang, Text: tt.text}, nil)
			if diff := cmp.Diff(tt.want, d.Times); diff != "" {
				t.Errorf("Times (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTimeEvidence(t *testing.T) {
	story := addTimes(nil, []uint32{2031, 10003, 20002}, 1) // 2031, March, Tuesday
	tests := []struct {
		name string
		doc  []uint32
		want [nTimeKinds]int
	}{
		{"agree", []uint32{2031, 10003, 20002}, [nTimeKinds]int{timeAgree, timeAgree, timeAgree}},
		{"conflict", []uint32{2029, 10007, 20005}, [nTimeKinds]int{timeConflict, timeConflict, timeConflict}},
		{"one shared is agreement", []uint32{2029, 2031}, [nTimeKinds]int{timeAgree, timeUnknown, timeUnknown}},
		{"unknown", nil, [nTimeKinds]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := timeEvidence(tt.doc, story); got != tt.want {
				t.Errorf("timeEvidence(%v) = %v, want %v", tt.doc, got, tt.want)
			}
		})
	}
	if got := addTimes(story, []uint32{2031, 10003, 20002}, -1); len(got) != 0 {
		t.Errorf("removing the only article's times left %v, want none", got)
	}
}

func TestTimeConflictLowersScore(t *testing.T) {
	// b shares half of a's words: a score near 0.5, so that the raised
	// score stays under the cap of 1.
	words := map[string][]string{"a": keys("w", 10), "b": append(keys("w", 5), keys("x", 5)...)}
	mk := func(id string, times ...string) Doc {
		d := fdoc(id, words[id], nil)
		for _, k := range times {
			d.Times = append(d.Times, Feature{k, 1})
		}
		return d
	}
	score := func(o Options, a, b Doc) float64 {
		c := New(o)
		primeUnrelated(c)
		c.Assign(a)
		return c.Assign(b).Score
	}
	plain := Options{TimeConflict: [nTimeKinds]float64{1, 1, 1}, TimeAgree: [nTimeKinds]float64{1, 1, 1}}
	o := Options{TimeConflict: [nTimeKinds]float64{0.5, 0.5, 0.5}, TimeAgree: [nTimeKinds]float64{1, 1.5, 1}}
	base := score(plain, mk("a", "month 3"), mk("b", "month 3"))
	if base <= 0 || base*1.5 >= 1 {
		t.Fatalf("base score %.4f, want in (0, 1/1.5)", base)
	}
	if got, want := score(o, mk("a", "month 3"), mk("b", "month 4")), base*0.5; !near(got, want) {
		t.Errorf("months in conflict: score %.4f, want %.4f", got, want)
	}
	if got, want := score(o, mk("a", "month 3"), mk("b", "month 3")), base*1.5; !near(got, want) {
		t.Errorf("months agreeing: score %.4f, want %.4f", got, want)
	}
	if got, want := score(o, mk("a", "month 3"), mk("b")), base; !near(got, want) {
		t.Errorf("no months in the doc: score %.4f, want %.4f", got, want)
	}
	same := mk("a", "month 3")
	same.ID = "a2"
	if got := score(o, mk("a", "month 3"), same); got != 1 {
		t.Errorf("same words, agreeing months: score %.4f, want the cap 1", got)
	}
}

// near compares assignment scores, which carry four decimals.
func near(a, b float64) bool { return a-b < 2e-4 && b-a < 2e-4 }

func TestExplainSharedTimes(t *testing.T) {
	c := New(Options{})
	primeUnrelated(c)
	mk := func(id string, times ...string) Doc {
		d := fdoc(id, keys("w", 10), nil)
		for _, k := range times {
			d.Times = append(d.Times, Feature{k, 1})
		}
		return d
	}
	c.Assign(mk("a", "year 2031", "month 3", "weekday 2"))
	a := c.Assign(mk("b", "year 2031", "month 4", "weekday 2"))
	if a.New {
		t.Fatalf("b opened a story (score %.3f), want it to join a", a.Score)
	}
	var got []string
	for _, k := range a.Shared {
		if strings.HasPrefix(k, "time:") {
			got = append(got, k)
		}
	}
	if diff := cmp.Diff([]string{"time:year 2031", "time:weekday 2"}, got); diff != "" {
		t.Errorf("shared times (-want +got):\n%s", diff)
	}
}
