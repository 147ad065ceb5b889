// Package record holds the rules all of recoupe's stores apply to what they
// store and list, so that they behave alike: validation, how dates and
// extractions are encoded, story titles and summaries, page sizes.
package record

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

// Page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Limit returns the page size for a requested limit (0: the default).
func Limit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// ErrInvalid marks an article a store refuses.
var ErrInvalid = errors.New("invalid article")

// Prepare checks an article before it is stored and fills the article ID
// of its extraction and assignment when they are empty. Text may hold any
// valid UTF-8, NUL included; the other fields may not hold NUL, which
// PostgreSQL cannot store in text.
func Prepare(a news.Article, x *news.Extraction, as *news.Assignment) error {
	if a.ID == "" {
		return fmt.Errorf("%w: empty id (name %q)", ErrInvalid, a.Name)
	}
	if !utf8.ValidString(a.Text) {
		return fmt.Errorf("%w %s: text is not valid UTF-8", ErrInvalid, a.ID)
	}
	for _, f := range []struct{ name, v string }{
		{"id", a.ID}, {"name", a.Name}, {"source", a.Source}, {"url", a.URL}, {"title", a.Title},
		{"author", a.Author}, {"language", a.Language}, {"duplicate_of", a.DuplicateOf}, {"story_id", as.StoryID},
	} {
		if !utf8.ValidString(f.v) || strings.IndexByte(f.v, 0) >= 0 {
			return fmt.Errorf("%w %s: %s is not valid UTF-8 without NUL", ErrInvalid, a.ID, f.name)
		}
	}
	if x.ArticleID == "" {
		x.ArticleID = a.ID
	}
	if as.ArticleID == "" {
		as.ArticleID = a.ID
	}
	if x.ArticleID != a.ID || as.ArticleID != a.ID {
		return fmt.Errorf("%w %s: extraction or assignment is for article %q/%q", ErrInvalid, a.ID, x.ArticleID, as.ArticleID)
	}
	return nil
}

// Micros encodes a known date as microseconds since the Unix epoch and its
// granularity; ok is false for an unknown date, which stores as NULL.
// Precision below the microsecond is dropped.
func Micros(d news.Date) (us int64, gran int, ok bool) {
	if d.IsZero() {
		return 0, 0, false
	}
	return d.Time.UnixMicro(), int(d.Granularity), true
}

// FromMicros decodes what Micros encodes, in UTC.
func FromMicros(us int64, gran int) news.Date {
	return news.Date{Time: time.UnixMicro(us).UTC(), Granularity: news.Granularity(gran)}
}

// Normalize returns the article as a store gives it back: its date in UTC
// to the microsecond.
func Normalize(a news.Article) news.Article {
	if us, g, ok := Micros(a.Published); ok {
		a.Published = FromMicros(us, g)
	} else {
		a.Published = news.Date{}
	}
	return a
}

// Now is the store's clock: UTC, to the microsecond.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// EncodeExtraction writes an extraction as JSON for one column.
func EncodeExtraction(x news.Extraction) (string, error) {
	b, err := json.Marshal(x)
	if err != nil {
		return "", fmt.Errorf("encode extraction of %s: %w", x.ArticleID, err)
	}
	return string(b), nil
}

// DecodeExtraction reads what EncodeExtraction writes.
func DecodeExtraction(s string) (news.Extraction, error) {
	var x news.Extraction
	if err := json.Unmarshal([]byte(s), &x); err != nil {
		return x, fmt.Errorf("decode extraction: %w", err)
	}
	return x, nil
}

// EncodeShared and DecodeShared store Assignment.Shared as JSON.
func EncodeShared(s []string) string {
	if len(s) == 0 {
		return ""
	}
	b, _ := json.Marshal(s) // strings always marshal
	return string(b)
}

// DecodeShared reads what EncodeShared writes.
func DecodeShared(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, fmt.Errorf("decode assignment evidence: %w", err)
	}
	return out, nil
}

// TitleWords is how many words of its text title an untitled story.
const TitleWords = 12

// StoryTitle is the title a story takes from the article that opens it:
// the article's title, else the first words of its text.
func StoryTitle(a news.Article) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	w := strings.Fields(a.Text)
	if len(w) > TitleWords {
		return strings.Join(w[:TitleWords], " ") + "…"
	}
	return strings.Join(w, " ")
}

// Member is what a story's summary needs of one of its articles.
type Member struct {
	Published news.Date
	Language  string
	Source    string // the outlet (Article.Source)
}

// Summarize sets a story's date bounds, its languages (most frequent
// first, ties in alphabetical order) and its outlets (sorted) from its
// members.
func Summarize(ms []Member, st *news.Story) {
	st.First, st.Last, st.Languages = summarize(ms)
	st.Outlets = nil
	seen := map[string]bool{}
	for _, m := range ms {
		if m.Source != "" && !seen[m.Source] {
			seen[m.Source] = true
			st.Outlets = append(st.Outlets, m.Source)
		}
	}
	slices.Sort(st.Outlets)
}

func summarize(ms []Member) (first, last news.Date, langs []string) {
	count := map[string]int{}
	for _, m := range ms {
		if !m.Published.IsZero() {
			if first.IsZero() || m.Published.Time.Before(first.Time) {
				first = m.Published
			}
			if last.IsZero() || m.Published.Time.After(last.Time) {
				last = m.Published
			}
		}
		if m.Language != "" {
			if count[m.Language] == 0 {
				langs = append(langs, m.Language)
			}
			count[m.Language]++
		}
	}
	slices.SortFunc(langs, func(a, b string) int {
		return cmp.Or(count[b]-count[a], strings.Compare(a, b))
	})
	return first, last, langs
}
