package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/recoupe/recoupe/internal/brief"
	"github.com/recoupe/recoupe/news"
)

// Exports of one story's brief. Every export is complete: all facts, all
// citations, all quote variants, however many there are.

// attachment sets the headers of a downloaded export. The file name is
// built from the story ID with anything but [A-Za-z0-9_-] dropped, so it
// cannot break out of the header's quotes.
func attachment(w http.ResponseWriter, storyID, ext, ctype string) {
	name := cleanClass(storyID)
	if name == "" {
		name = "story"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="story-`+name+`.`+ext+`"`)
	w.Header().Set("Cache-Control", "no-store")
}

func (s *server) exportJSON(w http.ResponseWriter, r *http.Request) {
	b, ok := s.brief(w, r)
	if !ok {
		return
	}
	attachment(w, b.StoryID, "json", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(b)
}

func (s *server) exportJSONL(w http.ResponseWriter, r *http.Request) {
	b, ok := s.brief(w, r)
	if !ok {
		return
	}
	attachment(w, b.StoryID, "jsonl", "application/jsonl; charset=utf-8")
	// The CLI's JSON Lines: facts, quotes and entities, each typed.
	bw := bufio.NewWriter(w)
	if err := brief.JSONL(bw, []news.Brief{b}); err != nil {
		s.log.Warn("writing the JSON Lines export", "story", b.StoryID, "err", err)
	}
	bw.Flush()
}

// csvHeader is the CSV export's columns: one row per citation of a fact
// (record "fact") or per variant of a quote (record "quote").
var csvHeader = []string{
	"story_id", "record", "index", "kind", "status", "value", "currency", "date", "side",
	"speaker", "article", "article_id", "source", "start", "end", "text", "context", "why",
}

// csvSafe defuses a cell that a spreadsheet would read as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return "'" + s
		}
	}
	return s
}

func (s *server) exportCSV(w http.ResponseWriter, r *http.Request) {
	b, ok := s.brief(w, r)
	if !ok {
		return
	}
	attachment(w, b.StoryID, "csv", "text/csv; charset=utf-8")
	src := map[string]string{}
	for _, a := range b.Articles {
		src[a.ID] = a.Source
		src[a.Article] = a.Source
	}
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	row := func(cells ...string) {
		for i := range cells {
			cells[i] = csvSafe(cells[i])
		}
		cw.Write(cells)
	}
	num := func(v float64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	for i, c := range b.Facts {
		idx := strconv.Itoa(i)
		cite := func(side string, value float64, currency, date string, ct news.Citation) {
			source := src[ct.ArticleID]
			if source == "" {
				source = src[ct.Article]
			}
			row(b.StoryID, "fact", idx, string(c.Kind), string(c.Status), num(value), currency, date, side,
				"", ct.Article, ct.ArticleID, source, strconv.Itoa(ct.Start), strconv.Itoa(ct.End),
				ct.Text, c.Context, c.Why)
		}
		if len(c.Sides) > 0 {
			for k, sd := range c.Sides {
				for _, ct := range sd.Sources {
					cite(sourceLabel(k), sd.Value, sd.Currency, sd.Date, ct)
				}
			}
			continue
		}
		for _, ct := range c.Sources {
			cite("", c.Value, c.Currency, c.Date, ct)
		}
	}
	for i, q := range b.Quotes {
		for _, v := range q.Variants {
			source := src[v.ArticleID]
			if source == "" {
				source = src[v.Article]
			}
			row(b.StoryID, "quote", strconv.Itoa(i), string(v.Kind), string(q.Status), "", "", "", "",
				q.Speaker, v.Article, v.ArticleID, source, strconv.Itoa(v.Start), strconv.Itoa(v.End),
				v.Text, "", "")
		}
	}
	cw.Flush()
}

func (s *server) exportMarkdown(w http.ResponseWriter, r *http.Request) {
	b, ok := s.brief(w, r)
	if !ok {
		return
	}
	attachment(w, b.StoryID, "md", "text/markdown; charset=utf-8")
	// The CLI's Markdown, so that both read alike.
	if err := brief.Markdown(w, []news.Brief{b}); err != nil {
		s.log.Warn("writing the Markdown export", "story", b.StoryID, "err", err)
	}
}
