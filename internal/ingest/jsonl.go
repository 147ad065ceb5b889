package ingest

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/recoupe/recoupe/news"
)

// ErrNotArticles is reported for JSON that holds no article records.
var ErrNotArticles = errors.New("JSON that is neither a JSON Feed nor articles (want JSON Lines of objects with a \"text\" field)")

// jsonRecord is one article of a JSON Lines file: the text is required,
// the rest optional, under the names data sets commonly use.
type jsonRecord struct {
	ID        string  `json:"id"`
	Text      *string `json:"text"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Source    string  `json:"source"`
	Outlet    string  `json:"outlet"`
	Author    string  `json:"author"`
	Published string  `json:"published"`
	Date      string  `json:"date"`
	Language  string  `json:"language"`
	Lang      string  `json:"lang"`
}

// looksLikeJSONLines reports whether data is JSON (an object or an
// array) or JSON Lines (its first line is a JSON object), which is never
// an article's text; a text that merely opens with a bracket ("[Exclusif]
// Le maire…") is not.
func looksLikeJSONLines(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\uFEFF")
	if len(t) < 2 || t[0] != '{' && t[0] != '[' {
		return false
	}
	first, _, _ := bytes.Cut(t, []byte("\n"))
	return json.Valid(t) || t[0] == '{' && json.Valid(first)
}

// ParseJSONLines reads a JSON Lines file of articles (one JSON object a
// line, as data sets ship them: {"id", "title", "text", "url", "date",
// "lang", "source"}): each line with a "text" becomes an item named
// origin#id (or origin#line), read like a plain text; a line that is not
// such an object is an error item naming its line. A file in which no
// line is an object with a text, or a JSON array, is refused as a whole.
func (o Options) ParseJSONLines(origin string, data []byte) ([]Item, error) {
	if t := bytes.TrimLeft(data, " \t\r\n\uFEFF"); len(t) > 0 && t[0] == '[' {
		return nil, fmt.Errorf("ingest: %s: a JSON array: %w", origin, ErrNotArticles)
	}
	var items []Item
	articles := 0
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' && json.Valid(t) {
		// One object, perhaps over several lines: one record.
		data = compact(t)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), len(data)+1)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		name := fmt.Sprintf("%s#%d", origin, n)
		var r jsonRecord
		if err := json.Unmarshal(line, &r); err != nil {
			items = append(items, Item{Origin: name, Err: fmt.Errorf("ingest: %s: line %d: %v", origin, n, err)})
			continue
		}
		if r.Text == nil {
			items = append(items, Item{Origin: name, Err: fmt.Errorf("ingest: %s: line %d: no \"text\" field", origin, n)})
			continue
		}
		if r.ID != "" {
			name = origin + "#" + r.ID
		}
		a, err := o.ParseText(name, []byte(*r.Text))
		if err != nil {
			items = append(items, Item{Origin: name, Err: err})
			continue
		}
		articles++
		if r.Title != "" {
			a.Title = strings.Join(strings.Fields(r.Title), " ")
		}
		a.URL = r.URL
		a.Source = cmp.Or(r.Source, r.Outlet)
		a.Author = r.Author
		if d, ok := recordDate(cmp.Or(r.Published, r.Date)); ok {
			a.Published = d
		}
		if l := strings.ToLower(cmp.Or(r.Language, r.Lang)); len(l) == 2 {
			a.Language = l
		}
		items = append(items, Item{Article: a, Origin: name})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", origin, err)
	}
	if articles == 0 {
		return nil, fmt.Errorf("ingest: %s: %w", origin, ErrNotArticles)
	}
	return items, nil
}

// recordDate reads a record's date: ISO 8601 (a day, a month, a year, or a
// time with its zone, kept to the day).
func recordDate(s string) (news.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && s[10] == 'T' || len(s) > 10 && s[10] == ' ' {
		s = s[:10]
	}
	return news.ParseDate(s)
}

// compact writes a JSON value on one line.
func compact(v []byte) []byte {
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		return v
	}
	return b.Bytes()
}
