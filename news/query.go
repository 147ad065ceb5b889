package news

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// StoryQuery filters and pages a story listing. Zero fields do not filter.
type StoryQuery struct {
	Limit  int // 0 means a default page size
	Offset int

	// Text is a full-text search over the stories' articles (titles and
	// texts); "" lists every story.
	Text string
	// Language keeps stories with at least one article in this ISO 639-1
	// language.
	Language string
	// Outlet keeps stories with at least one article from this
	// Article.Source (case-insensitive).
	Outlet string
	// Entity keeps stories with an entity whose canonical name or an alias
	// holds all these words, in any order, ignoring case and accents
	// ("roc" and "Roc Jeanne" find Jeanne Roc).
	Entity string
	// From and To keep stories whose date range [First, Last] meets
	// [From.Time, To.End()); a zero Date leaves that side open.
	From, To Date
}

// SetLanguage sets the language filter from a language code as people
// write it ("FR", "en"; "" for none). Its error names the field ("lang: …")
// for the caller to prefix with how it was given.
func (q *StoryQuery) SetLanguage(lang string) error {
	l := strings.ToLower(strings.TrimSpace(lang))
	ok := len(l) == 2 || len(l) == 3
	for _, r := range l {
		ok = ok && r >= 'a' && r <= 'z'
	}
	if l != "" && !ok {
		return fmt.Errorf("lang: want a language code such as fr or en, got %q", lang)
	}
	q.Language = l
	return nil
}

// SetDates reads a story query's date range as people write it (YYYY,
// YYYY-MM or YYYY-MM-DD; "" leaves that side open). Its errors name the
// side ("from: …", "to: …") for the caller to prefix with how it was given.
func (q *StoryQuery) SetDates(from, to string) error {
	for _, f := range []struct {
		name, value string
		dst         *Date
	}{{"from", from, &q.From}, {"to", to, &q.To}} {
		s := strings.TrimSpace(f.value)
		if s == "" {
			continue
		}
		d, ok := ParseDate(s)
		if !ok {
			return fmt.Errorf("%s: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", f.name, s)
		}
		*f.dst = d
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Time.Before(q.To.End()) {
		return errors.New("from: must be before to")
	}
	return nil
}

// End returns the exclusive end of the period the date covers: the next
// day for "2025-02-10", the next month for "2025-02", the next minute for a
// time; the zero time when the date is unknown.
func (d Date) End() time.Time {
	switch d.Granularity {
	case GranYear:
		return d.Time.AddDate(1, 0, 0)
	case GranMonth:
		return d.Time.AddDate(0, 1, 0)
	case GranDay:
		return d.Time.AddDate(0, 0, 1)
	case GranMinute:
		return d.Time.Add(time.Minute)
	}
	return time.Time{}
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
	// Title is the feed's own title, "" until first polled.
	Title string `json:"title,omitempty"`
	// Items is how many items the last poll saw.
	Items int `json:"items"`
	// Error is the last poll's error, "" if it succeeded.
	Error string `json:"error,omitempty"`
}
