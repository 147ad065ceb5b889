package news

// EntityType is the class of a named entity.
type EntityType string

// Entity types.
const (
	PER  EntityType = "PER"  // a person
	ORG  EntityType = "ORG"  // a company, institution, party, outlet
	LOC  EntityType = "LOC"  // a place
	MISC EntityType = "MISC" // another name: product, event, work, project
)

// Mention is one occurrence of a named entity in an article.
type Mention struct {
	Span Span       `json:"span"`
	Text string     `json:"text"`
	Type EntityType `json:"type"`
	// Name is the canonical name of the entity within the article ("Musk"
	// after "Elon Musk" has Name "Elon Musk"); the cross-article
	// canonicaliser may map it further.
	Name string `json:"name"`
}

// Entity is one real-world referent across a story's (or the store's)
// articles, with every surface form it was written as.
type Entity struct {
	Name    string     `json:"name"`
	Type    EntityType `json:"type"`
	Aliases []string   `json:"aliases,omitempty"`
	// Articles lists the articles (by Article.Name) that mention it.
	Articles []string `json:"articles"`
	// Mentions are the spans, per article.
	Mentions []Citation `json:"mentions,omitempty"`
	// Merges explains each alias that was merged in, e.g.
	// "xIA → xAI: 1 edit, same story, ORG".
	Merges []string `json:"merges,omitempty"`
}
