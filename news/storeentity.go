package news

// StoreEntity is one real-world referent across the stories of a store:
// the stories' canonical entities (see Entity) of one type that share a
// written form, e.g. "Elon Musk" in one story and "Musk" (alias "Musc") in
// another.
type StoreEntity struct {
	Name    string     `json:"name"`
	Type    EntityType `json:"type"`
	Aliases []string   `json:"aliases,omitempty"`
	// Stories lists the stories that mention it, most articles first.
	Stories []EntityStory `json:"stories"`
	// Articles counts the articles that mention it, over all its stories.
	Articles int `json:"articles"`
	// Merges explains why each story's entity belongs here, e.g.
	// "Musk (story 3f2a…) → Elon Musk: both written « Musk », PER".
	Merges []string `json:"merges,omitempty"`
}

// EntityStory is one story's share of a StoreEntity.
type EntityStory struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Name is the entity's canonical name within that story.
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}
