package story

// Stats are sizes of a Clusterer's state, for the scale benchmark
// (cmd/eval-stories -scale): what grows with the stream and what stays
// bounded.
type Stats struct {
	Stories, LiveStories int // all stories; those not retired
	Keys                 int // vocabulary keys in use (pruned ones excluded)
	Postings             int // entries of all posting lists
	RetiredPostings      int // of which name a retired story
}

// Stats returns the sizes of the clusterer's state. It reads every story
// and posting list: call it at checkpoints, not per article.
func (c *Clusterer) Stats() Stats {
	var s Stats
	s.Stories = len(c.stories)
	for i := range c.stories {
		if !c.stories[i].retired {
			s.LiveStories++
		}
	}
	s.Keys = len(c.vocab)
	for _, p := range c.postings {
		s.Postings += len(p)
		for _, i := range p {
			if c.stories[i].retired {
				s.RetiredPostings++
			}
		}
	}
	return s
}
