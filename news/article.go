package news

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"
)

// Article is one document from one outlet.
type Article struct {
	// ID identifies the article by its content: see ArticleID.
	ID string `json:"id"`
	// Name is how the user refers to the article: the file name for files,
	// the URL for pages and feed items, "stdin" for standard input.
	Name string `json:"name"`
	// Source is the outlet (site name, feed title or host), "" if unknown.
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
	Author string `json:"author,omitempty"`
	// Published is the publication date when known, with its granularity.
	Published Date `json:"published,omitzero"`
	// Language is an ISO 639-1 code ("fr", "en", …) or "" if unknown.
	Language string `json:"language,omitempty"`
	// Text is the article's main text (title first when the source had one
	// in its body), valid UTF-8 in NFC. Every Span indexes into it.
	Text string `json:"text"`
	// DuplicateOf is the ID of an earlier article this one near-duplicates
	// (wire copy, light rewrite), "" if none. Similarity is in [0,1].
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Similarity  float64 `json:"similarity,omitempty"`
}

// ArticleID returns the content hash that identifies an article: the first
// 16 bytes of the SHA-256 of its text, in hex. The same text ingested twice
// (from any file or URL) gets the same ID, which makes ingest idempotent.
func ArticleID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// Span is a half-open byte range [Start, End) in an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// In reports whether s lies inside a text of n bytes and is not inverted.
func (s Span) In(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Granularity says how precise a Date is.
type Granularity int

// Granularities, coarsest first. GranNone marks an unknown or unresolved date.
const (
	GranNone Granularity = iota
	GranYear
	GranMonth
	GranDay
	GranMinute
)

var granNames = [...]string{"none", "year", "month", "day", "minute"}

func (g Granularity) String() string {
	if g < 0 || int(g) >= len(granNames) {
		return "none"
	}
	return granNames[g]
}

// MarshalText writes the granularity's name.
func (g Granularity) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// UnmarshalText reads a granularity's name; unknown names read as GranNone.
func (g *Granularity) UnmarshalText(b []byte) error {
	*g = GranNone
	for i, n := range granNames {
		if n == string(b) {
			*g = Granularity(i)
		}
	}
	return nil
}

// Date is a calendar date (or date and time) known to a given granularity:
// "2025-02" is {2025-02-01, GranMonth}. The zero Date is unknown.
type Date struct {
	Time        time.Time   `json:"time"`
	Granularity Granularity `json:"granularity"`
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Granularity == GranNone }

// String formats the date in ISO 8601 to its granularity: "2025",
// "2025-02", "2025-02-10", "2025-02-10T14:30"; "" when unknown.
func (d Date) String() string {
	switch d.Granularity {
	case GranYear:
		return d.Time.Format("2006")
	case GranMonth:
		return d.Time.Format("2006-01")
	case GranDay:
		return d.Time.Format("2006-01-02")
	case GranMinute:
		return d.Time.Format("2006-01-02T15:04")
	}
	return ""
}

// ParseDate reads what Date.String writes.
func ParseDate(s string) (Date, bool) {
	for _, f := range []struct {
		layout string
		g      Granularity
	}{{"2006-01-02T15:04", GranMinute}, {"2006-01-02", GranDay}, {"2006-01", GranMonth}, {"2006", GranYear}} {
		if t, err := time.Parse(f.layout, s); err == nil {
			return Date{Time: t, Granularity: f.g}, true
		}
	}
	return Date{}, false
}

// ErrNotFound is returned by stores and lookups when an article or story
// does not exist.
var ErrNotFound = errors.New("not found")

// Origins maps each article to the index of the first article of its
// origin, so that confirmations are counted once per origin: a
// near-duplicate (DuplicateOf) goes back to the article it copies, and
// articles of one outlet (the same Source, ignoring case) are one origin.
func Origins(articles []Article) []int {
	byID := make(map[string]int, len(articles))
	for i, a := range articles {
		byID[a.ID] = i
	}
	out := make([]int, len(articles))
	outlet := map[string]int{}
	for i := range articles {
		j, seen := i, 0
		for seen < len(articles) {
			k, ok := byID[articles[j].DuplicateOf]
			if !ok || k == j {
				break
			}
			j = k
			seen++
		}
		if s := strings.ToLower(strings.TrimSpace(articles[j].Source)); s != "" {
			if first, ok := outlet[s]; ok {
				j = first
			} else {
				outlet[s] = j
			}
		}
		out[i] = j
	}
	return out
}
