package news

import "time"

// StoryQuery filters and pages a story listing. Zero fields do not filter.
type StoryQuery struct {
	// Text is a full-text search over the stories' articles (titles and
	// texts); "" lists every story.
	Text string `json:"q,omitempty"`
	// Language keeps stories with at least one article in this ISO 639-1
	// language.
	Language string `json:"lang,omitempty"`
	// Outlet keeps stories with at least one article from this Article.Source
	// (exact match, case-insensitive).
	Outlet string `json:"outlet,omitempty"`
	// Entity keeps stories whose articles mention this entity (by canonical
	// name or alias, case-insensitive).
	Entity string `json:"entity,omitempty"`
	// From and To keep stories whose date range [First, Last] meets
	// [From.Time, To.End()); a zero Date leaves that side open.
	From Date `json:"from,omitzero"`
	To   Date `json:"to,omitzero"`
	// Limit is the page size (0 means the implementation's default);
	// Offset skips that many stories of the ordered result.
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
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

// Feed is a subscribed RSS/Atom/JSON feed.
type Feed struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
	// ETag and LastModified are the validators of the last successful poll,
	// sent back as If-None-Match and If-Modified-Since.
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	PolledAt     time.Time `json:"polled_at,omitzero"`
	// Items is how many items the last poll saw.
	Items int `json:"items"`
	// Error is the last poll's error, "" if it succeeded.
	Error string `json:"error,omitempty"`
}
