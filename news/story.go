package news

import "time"

// Story is a group of articles about one event.
type Story struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Articles are article IDs in the order they joined.
	Articles []string `json:"articles"`
	// First and Last bound the publication dates of the dated articles.
	First Date `json:"first,omitzero"`
	Last  Date `json:"last,omitzero"`
	// Languages are the articles' languages, most frequent first.
	Languages []string `json:"languages,omitempty"`
	// Outlets are the distinct Article.Source values, sorted.
	Outlets []string  `json:"outlets,omitempty"`
	Updated time.Time `json:"updated,omitzero"`
}

// Assignment records why an article went into a story.
type Assignment struct {
	ArticleID string `json:"article_id"`
	StoryID   string `json:"story_id"`
	// New is true when the article opened the story.
	New bool `json:"new"`
	// Score is the similarity to the story that won (0 for a new story,
	// unless a candidate was found below Threshold).
	Score     float64 `json:"score"`
	Threshold float64 `json:"threshold"`
	// Shared lists the strongest shared evidence: terms, entities, numbers.
	Shared []string `json:"shared,omitempty"`
	// Manual is true when a person moved the article (split or merge).
	Manual bool `json:"manual,omitempty"`
}
