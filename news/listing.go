package news

// StorySummary is one line of a story listing.
type StorySummary struct {
	Story
	// Sources is the number of articles; Independent counts near-duplicates once.
	Sources     int `json:"sources"`
	Independent int `json:"independent"`
	Conflicts   int `json:"conflicts"`
}

// SearchHit is one full-text search result.
type SearchHit struct {
	ArticleID string  `json:"article_id"`
	StoryID   string  `json:"story_id,omitempty"`
	Title     string  `json:"title,omitempty"`
	Snippet   string  `json:"snippet,omitempty"`
	Score     float64 `json:"score"`
}

// IngestReport sums up one ingest run.
type IngestReport struct {
	Ingested   int `json:"ingested"`   // new articles stored
	Duplicates int `json:"duplicates"` // exact duplicates already stored (skipped)
	Near       int `json:"near"`       // stored, but near-duplicates of another article
	// Skipped lists the inputs that could not be read, with the reason.
	Skipped []Skip `json:"skipped,omitempty"`
	// Articles are the IDs of the articles the run stored or found, in input order.
	Articles []string `json:"articles,omitempty"`
	// Stories are the IDs of the stories those articles are in.
	Stories []string `json:"stories,omitempty"`
}

// Skip is an input that ingest could not read.
type Skip struct {
	Origin string `json:"origin"`
	Reason string `json:"reason"`
}
