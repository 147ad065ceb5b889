package news

import "time"

// StoryQuery filters and pages a story listing.
type StoryQuery struct {
	Limit  int // 0 means a default page size
	Offset int
}

// ArticleQuery filters and pages an article listing. Without StoryID,
// articles come most recently stored first; with it, in the order they
// joined the story. Zero fields do not filter.
type ArticleQuery struct {
	StoryID  string
	Language string // ISO 639-1
	Source   string // Article.Source, exact
	// Since and Until bound Article.Published to [Since, Until); when either
	// is set, undated articles are left out.
	Since, Until time.Time
	Limit        int // 0 means a default page size
	Offset       int
}

// Feed is a subscribed feed and the state of its last poll.
type Feed struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Polled       time.Time `json:"polled,omitzero"` // zero: never polled
}
