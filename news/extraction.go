package news

// Extraction is everything the extractors read from one article.
type Extraction struct {
	ArticleID string    `json:"article_id"`
	Sentences []Span    `json:"sentences,omitempty"`
	Facts     []Fact    `json:"facts"`
	Quotes    []Quote   `json:"quotes"`
	Mentions  []Mention `json:"mentions"`
}
