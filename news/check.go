package news

// Status is the outcome of comparing one fact across a story's sources.
type Status string

// Statuses.
const (
	Agreed   Status = "agreed"   // two or more sources, compatible values
	Conflict Status = "conflict" // the same fact with incompatible values
	Single   Status = "single"   // reported by one source only
)

// Citation points at words in one article.
type Citation struct {
	// Article is the article's Name (file name or URL), the way the user
	// refers to it; ArticleID is its content hash.
	Article   string `json:"article"`
	ArticleID string `json:"article_id,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}

// Check is one fact compared across the sources of a story.
type Check struct {
	Kind   Kind   `json:"kind"`
	Status Status `json:"status"`
	// Value is the consensus value (for money and numbers, the most precise
	// value among the agreeing side; for dates, ISO text in Date).
	Value    float64 `json:"value,omitempty"`
	Currency string  `json:"currency,omitempty"`
	Date     string  `json:"date,omitempty"`
	// Sources cite every mention of the fact, one or more per article.
	Sources []Citation `json:"sources"`
	// Articles is how many distinct articles report it; Independent counts
	// near-duplicates of one another once.
	Articles    int `json:"articles"`
	Independent int `json:"independent"`
	// Sides, for a conflict, group the mentions by the value they give.
	Sides []Side `json:"sides,omitempty"`
	// Why explains a conflict ("currency: USD vs EUR") or an agreement
	// that needed tolerance ("97 milliards ≈ 97,4 milliards: rounding").
	Why string `json:"why,omitempty"`
	// Context is a few words that say what the fact is about, taken from
	// the sentence of its first mention.
	Context string `json:"context,omitempty"`
}

// Side is one of the incompatible values of a conflict.
type Side struct {
	Value    float64    `json:"value,omitempty"`
	Currency string     `json:"currency,omitempty"`
	Date     string     `json:"date,omitempty"`
	Sources  []Citation `json:"sources"`
}

// QuoteGroup is one quote as reported, in variants, by several articles.
type QuoteGroup struct {
	Speaker  string         `json:"speaker"`
	Variants []QuoteVariant `json:"variants"`
	// Status is Conflict when the sources give the quote to different
	// speakers; Why then names them.
	Status Status `json:"status"`
	Why    string `json:"why,omitempty"`
}

// QuoteVariant is one article's wording of a quote.
type QuoteVariant struct {
	Citation
	Kind QuoteKind `json:"kind,omitempty"`
	// Similarity to the group's first variant, in [0,1].
	Similarity float64 `json:"similarity"`
	// Speaker is whom this article gives the quote to (canonical name),
	// "" when it names nobody.
	Speaker string `json:"speaker,omitempty"`
}
