package story

import (
	"fmt"
	"testing"
	"time"
)

// TestPostingsDropRetired feeds a long dated stream of unrelated stories
// that all use one word: the word's posting list must not keep every
// story that ever held it (the candidate search would read ever more
// retired postings), and Stats must count what the state holds.
func TestPostingsDropRetired(t *testing.T) {
	defer func(n int) { retireEvery = n }(retireEvery)
	retireEvery = 16
	c := New(Options{})
	const n = 480 // under the trim of post (2·MaxPostings)
	for i := range n {
		w := func(j int) string {
			return fmt.Sprintf("%c%c%c%c", 'a'+(i+j)%26, 'a'+(i/26+j)%26, 'a'+(i/676+j)%26, 'a'+j)
		}
		// Fictional text: two new names, a new word and one recurring word.
		text := fmt.Sprintf("Zor%s Vel%s quimbo talvaro%s.", w(1), w(2), w(3))
		a := art(fmt.Sprintf("%016x", i+1), "fr", "", text, day0.Add(time.Duration(i)*6*time.Hour))
		c.Assign(NewDoc(a, nil))
	}
	st := c.Stats()
	if st.Stories != c.Len() || st.Stories < n/2 {
		t.Fatalf("Stats().Stories = %d, Len() = %d, want equal and at least %d (unrelated articles)", st.Stories, c.Len(), n/2)
	}
	// The horizon is about 14 days: 56 articles at 4 a day.
	if st.LiveStories == 0 || st.LiveStories > 100 {
		t.Errorf("%d live stories, want some and at most 100 (the rest retired)", st.LiveStories)
	}
	id, ok := c.vocab["term:"+stem("fr", "quimbo")]
	if !ok {
		t.Fatal("the recurring word is not in the vocabulary")
	}
	p := c.postings[id]
	retired := 0
	for _, i := range p {
		if c.stories[i].retired {
			retired++
		}
	}
	if len(p) > 2*st.LiveStories || retired > len(p)/2 {
		t.Errorf("the recurring word's posting list holds %d stories, %d retired (%d live stories): want retired ones dropped", len(p), retired, st.LiveStories)
	}
	if st.Keys != len(c.vocab) || st.Postings < len(p) || st.RetiredPostings < retired {
		t.Errorf("Stats() = %+v, want %d keys and at least %d postings, %d retired", st, len(c.vocab), len(p), retired)
	}
}
