package news

// Brief is the cross-checked account of one story.
type Brief struct {
	StoryID  string        `json:"story_id"`
	Headline string        `json:"headline"`
	Articles []BriefSource `json:"articles"`
	// Independent is how many articles are not near-duplicates of another.
	Independent int          `json:"independent"`
	Facts       []Check      `json:"facts"`
	Quotes      []QuoteGroup `json:"quotes"`
	Entities    []Entity     `json:"entities"`
	Timeline    []Event      `json:"timeline"`
	// Why records how the articles were grouped, one line per article.
	Why []Assignment `json:"why,omitempty"`
}

// BriefSource describes one article of a brief.
type BriefSource struct {
	Article   string `json:"article"` // Article.Name
	ID        string `json:"id"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language,omitempty"`
	// DuplicateOf names (by Article) the story article this one copies.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Event is one dated line of a brief's timeline.
type Event struct {
	Date    string     `json:"date"` // ISO, to its granularity
	What    string     `json:"what"` // the sentence (trimmed) that dates it
	Sources []Citation `json:"sources"`
}
