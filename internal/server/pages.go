package server

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/recoupe/recoupe/internal/story"
	"github.com/recoupe/recoupe/news"
)

// pageNames are the templates/ files besides base.html, one per page.
var pageNames = []string{"stories", "story", "article", "add", "error"}

// parsePages parses base.html with each page file into its own template set.
func parsePages(page fs.FS) (map[string]*template.Template, error) {
	base, err := template.ParseFS(page, "templates/base.html")
	if err != nil {
		return nil, fmt.Errorf("server: page templates: %w", err)
	}
	m := make(map[string]*template.Template, len(pageNames))
	for _, n := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(page, "templates/"+n+".html")
		if err != nil {
			return nil, fmt.Errorf("server: page templates: %w", err)
		}
		m[n] = t
	}
	return m, nil
}

// chrome is what the frame around every page shows.
type chrome struct {
	Search string // the header search box's value
}

// render executes page into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	var buf bytes.Buffer
	if err := s.pages[page].ExecuteTemplate(&buf, "base", data); err != nil {
		s.log.Error("render failed", "page", page, "path", r.URL.Path, "err", err)
		if page != "error" {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type errorView struct {
	chrome
	Status     int
	StatusText string
	Message    string
}

// ---- story list ----

type storiesView struct {
	chrome
	Query            news.StoryQuery
	From, To         string
	Total            int
	First, Last      int
	Stories          []storyRow
	PrevURL, NextURL string
	Hits             []hitRow
}

type storyRow struct {
	URL, Title           string
	Sources, Independent int
	Languages, Dates     string
	Outlets              string
	Conflicts            int
}

type hitRow struct {
	URL, StoryURL, Title, Snippet string
}

func storyURL(id string) string   { return "/stories/" + url.PathEscape(id) }
func articleURL(id string) string { return "/articles/" + url.PathEscape(id) }

// citeURL links to an article with the span highlighted; the fragment
// scrolls to it without script.
func citeURL(articleID string, start, end int) string {
	if articleID == "" {
		return ""
	}
	return fmt.Sprintf("%s?hl=%d-%d#hl", articleURL(articleID), start, end)
}

func dateRange(first, last news.Date) string {
	a, b := first.String(), last.String()
	switch {
	case a == "" && b == "":
		return ""
	case a == "" || a == b:
		return b
	case b == "":
		return a
	}
	return a + " – " + b
}

func (s *server) pageStories(w http.ResponseWriter, r *http.Request) {
	q, list, total, ok := s.stories(w, r)
	if !ok {
		return
	}
	v := r.URL.Query()
	view := storiesView{
		chrome: chrome{Search: q.Text},
		Query:  q, From: v.Get("from"), To: v.Get("to"),
		Total: total, First: q.Offset + 1, Last: q.Offset + len(list),
	}
	for _, st := range list {
		title := st.Title
		if title == "" {
			title = "(untitled story " + st.ID + ")"
		}
		view.Stories = append(view.Stories, storyRow{
			URL: storyURL(st.ID), Title: title,
			Sources: st.Sources, Independent: st.Independent,
			Languages: strings.Join(st.Languages, ", "), Dates: dateRange(st.First, st.Last),
			Outlets: strings.Join(st.Outlets, " · "), Conflicts: st.Conflicts,
		})
	}
	page := func(off int) string {
		u := url.Values{}
		for k, vs := range v {
			u[k] = vs
		}
		u.Set("offset", strconv.Itoa(off))
		return "/?" + u.Encode()
	}
	if q.Offset > 0 {
		view.PrevURL = page(max(0, q.Offset-q.Limit))
	}
	if q.Offset+len(list) < total {
		view.NextURL = page(q.Offset + q.Limit)
	}
	if q.Text != "" && q.Offset == 0 {
		ctx, cancel := s.readCtx(r)
		defer cancel()
		hits, err := s.b.Search(ctx, q.Text, 10)
		if err != nil {
			s.failErr(w, r, fmt.Errorf("search: %w", err))
			return
		}
		for _, h := range hits {
			row := hitRow{URL: articleURL(h.ArticleID), Title: h.Title, Snippet: h.Snippet}
			if row.Title == "" {
				row.Title = h.ArticleID
			}
			if h.StoryID != "" {
				row.StoryURL = storyURL(h.StoryID)
			}
			view.Hits = append(view.Hits, row)
		}
	}
	s.render(w, r, http.StatusOK, "stories", view)
}

// ---- story (brief) ----

type storyView struct {
	chrome
	ID, Headline     string
	Independent      int
	Dates, Languages string
	Sources          []sourceView
	Exports          []linkView
	Conflicts        []factView
	Agreed, Single   []factView
	Quotes           []quoteView
	Timeline         []eventView
	Matrix           matrixView
	Entities         []entityView
	Why              []string
}

type linkView struct{ Label, URL string }

type sourceView struct {
	Index               int
	Label               string // a short badge: "A", "B", …
	Title, Outlet, URL  string
	External            string // the original URL, if http(s)
	Published, Language string
	DuplicateOf         string
	MoveURL             string
}

type citeView struct {
	Label, Outlet, Text, URL string
}

type factView struct {
	Anchor, Kind, Status, Value, Context, Why string
	Cites                                     []citeView
	Sides                                     []sideView
}

type sideView struct {
	Index int
	Value string
	Cites []citeView
}

type quoteView struct {
	Speaker  string
	Status   string
	Why      string // the speakers in conflict
	Variants []variantView
}

type variantView struct {
	citeView
	Kind       string
	Similarity string
	Speaker    string // set when this article names another speaker
}

type eventView struct {
	Date, What string
	Cites      []citeView
}

type matrixView struct {
	Columns []sourceView
	Rows    []matrixRow
}

type matrixRow struct {
	Anchor, Label, Status string
	Cells                 []matrixCell
}

type matrixCell struct {
	Class, Mark, Title, URL string
}

type entityView struct {
	Name, Type, Aliases string
	// Merges explains the aliases ("xIA → xAI: 1 edit, same story, ORG").
	Merges   string
	Articles int
}

// sourceLabel names the i-th source with letters: A … Z, AA, AB, …
func sourceLabel(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// safeExternal returns u if it is an absolute http(s) URL, else "": an
// article's URL comes from its input and must never become a javascript:
// link (html/template would neutralise it too; this keeps the page clean).
func safeExternal(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// briefIndex resolves a citation to its source: by ArticleID, else by the
// article's Name.
type briefIndex struct {
	byID, byName map[string]int
	sources      []sourceView
	ids          []string
}

func newBriefIndex(b news.Brief) *briefIndex {
	ix := &briefIndex{byID: map[string]int{}, byName: map[string]int{}}
	for i, a := range b.Articles {
		ix.byID[a.ID] = i
		ix.byName[a.Article] = i
		title := a.Title
		if title == "" {
			title = a.Article
		}
		outlet := a.Source
		if outlet == "" {
			outlet = hostOf(a.URL)
		}
		if outlet == "" {
			outlet = a.Article
		}
		ix.sources = append(ix.sources, sourceView{
			Index: i, Label: sourceLabel(i), Title: title, Outlet: outlet,
			URL: articleURL(a.ID), External: safeExternal(a.URL),
			Published: a.Published, Language: a.Language, DuplicateOf: a.DuplicateOf,
			MoveURL: articleURL(a.ID) + "/move",
		})
		ix.ids = append(ix.ids, a.ID)
	}
	return ix
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Hostname()
}

// source returns the index of c's article in the brief, or -1.
func (ix *briefIndex) source(c news.Citation) int {
	if i, ok := ix.byID[c.ArticleID]; ok && c.ArticleID != "" {
		return i
	}
	if i, ok := ix.byName[c.Article]; ok {
		return i
	}
	return -1
}

func (ix *briefIndex) cite(c news.Citation) citeView {
	v := citeView{Text: c.Text, Label: "?", Outlet: c.Article}
	id := c.ArticleID
	if i := ix.source(c); i >= 0 {
		v.Label, v.Outlet = ix.sources[i].Label, ix.sources[i].Outlet
		if id == "" {
			id = ix.ids[i]
		}
	}
	v.URL = citeURL(id, c.Start, c.End)
	return v
}

func (ix *briefIndex) cites(cs []news.Citation) []citeView {
	out := make([]citeView, 0, len(cs))
	for _, c := range cs {
		out = append(out, ix.cite(c))
	}
	return out
}

// formatValue writes a fact's value for a reader: "97.4 bn USD",
// "12.5 %", "2025-02-10".
func formatValue(kind news.Kind, value float64, currency, date string) string {
	switch kind {
	case news.KindDate, news.KindTime:
		return date
	case news.KindPercent:
		return formatNumber(value) + " %"
	}
	s := formatNumber(value)
	if currency != "" {
		s += " " + currency
	}
	return s
}

func formatNumber(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e12:
		return strconv.FormatFloat(v/1e12, 'f', -1, 64) + " tn"
	case a >= 1e9:
		return strconv.FormatFloat(v/1e9, 'f', -1, 64) + " bn"
	case a >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', -1, 64) + " m"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func (s *server) pageStory(w http.ResponseWriter, r *http.Request) {
	b, ok := s.brief(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "story", newStoryView(b))
}

func newStoryView(b news.Brief) storyView {
	ix := newBriefIndex(b)
	v := storyView{
		ID: b.StoryID, Headline: b.Headline, Independent: b.Independent,
		Sources: ix.sources,
	}
	if v.Headline == "" {
		v.Headline = "Story " + b.StoryID
	}
	var first, last string
	langs := map[string]bool{}
	for _, a := range b.Articles {
		if p := a.Published; p != "" {
			if first == "" || p < first {
				first = p
			}
			if p > last {
				last = p
			}
		}
		if a.Language != "" && !langs[a.Language] {
			langs[a.Language] = true
			if v.Languages != "" {
				v.Languages += ", "
			}
			v.Languages += a.Language
		}
	}
	v.Dates = first
	if last != first {
		v.Dates = first + " – " + last
	}
	for _, f := range []string{"json", "jsonl", "csv", "md"} {
		v.Exports = append(v.Exports, linkView{Label: strings.ToUpper(f),
			URL: "/api/stories/" + url.PathEscape(b.StoryID) + "/export." + f})
	}
	v.Matrix.Columns = ix.sources
	for i, c := range b.Facts {
		fv := factView{
			Anchor: "fact-" + strconv.Itoa(i), Kind: string(c.Kind), Status: string(c.Status),
			Value: formatValue(c.Kind, c.Value, c.Currency, c.Date), Context: c.Context, Why: c.Why,
			Cites: ix.cites(c.Sources),
		}
		// The matrix row: which source gives which value.
		row := matrixRow{Anchor: fv.Anchor, Label: fv.Value, Status: fv.Status,
			Cells: make([]matrixCell, len(ix.sources))}
		if row.Label == "" && len(c.Sources) > 0 {
			row.Label = c.Sources[0].Text
		}
		for j := range row.Cells {
			row.Cells[j] = matrixCell{Class: "none"}
		}
		// mark fills the source's cell; a source cited on two sides of a
		// conflict shows both letters.
		mark := func(cit news.Citation, class, m string) {
			j := ix.source(cit)
			if j < 0 {
				return
			}
			cell := &row.Cells[j]
			cv := ix.cite(cit)
			switch {
			case cell.URL == "":
				*cell = matrixCell{Class: class, Mark: m, URL: cv.URL, Title: cv.Outlet + ": “" + cit.Text + "”"}
			case strings.HasPrefix(class, "side-") && cell.Class != class && !strings.Contains(cell.Mark, m):
				cell.Class, cell.Mark = "side-both", cell.Mark+"·"+m
				cell.Title += " / “" + cit.Text + "”"
			}
		}
		switch c.Status {
		case news.Conflict:
			for k, sd := range c.Sides {
				sv := sideView{Index: k, Value: formatValue(c.Kind, sd.Value, sd.Currency, sd.Date),
					Cites: ix.cites(sd.Sources)}
				fv.Sides = append(fv.Sides, sv)
				for _, cit := range sd.Sources {
					mark(cit, "side-"+strconv.Itoa(min(k, 3)), sourceLabel(k))
				}
			}
			if len(c.Sides) == 0 {
				fv.Sides = []sideView{{Value: fv.Value, Cites: fv.Cites}}
			}
			v.Conflicts = append(v.Conflicts, fv)
		case news.Single:
			v.Single = append(v.Single, fv)
		default:
			v.Agreed = append(v.Agreed, fv)
		}
		cls := string(c.Status)
		if c.Status != news.Single {
			cls = "agreed"
		}
		for _, cit := range c.Sources {
			mark(cit, cls, "✓")
		}
		v.Matrix.Rows = append(v.Matrix.Rows, row)
	}
	for _, q := range b.Quotes {
		qv := quoteView{Speaker: q.Speaker, Status: string(q.Status), Why: q.Why}
		for _, vr := range q.Variants {
			vv := variantView{citeView: ix.cite(vr.Citation),
				Kind: string(vr.Kind), Similarity: strconv.FormatFloat(vr.Similarity, 'f', 2, 64)}
			if vr.Speaker != q.Speaker {
				vv.Speaker = vr.Speaker
			}
			qv.Variants = append(qv.Variants, vv)
		}
		v.Quotes = append(v.Quotes, qv)
	}
	for _, e := range b.Timeline {
		v.Timeline = append(v.Timeline, eventView{Date: e.Date, What: e.What, Cites: ix.cites(e.Sources)})
	}
	for _, e := range b.Entities {
		v.Entities = append(v.Entities, entityView{Name: e.Name, Type: string(e.Type),
			Aliases: strings.Join(e.Aliases, ", "), Merges: strings.Join(e.Merges, "; "), Articles: len(e.Articles)})
	}
	for _, a := range b.Why {
		line := a.ArticleID
		if i, ok := ix.byID[a.ArticleID]; ok {
			line = ix.sources[i].Label + " " + ix.sources[i].Title
		}
		switch {
		case a.Manual:
			line += ": moved here by hand"
		case a.New && a.Score > 0:
			line += fmt.Sprintf(": opened the story (the closest story scored %.2f, under its threshold %.2f)", a.Score, a.Threshold)
		case a.New:
			line += ": opened the story"
		default:
			line += fmt.Sprintf(": similarity %.2f ≥ %.2f", a.Score, a.Threshold)
		}
		if len(a.Shared) > 0 {
			line += " (sharing " + story.Describe(a.Shared) + ")"
		}
		v.Why = append(v.Why, line)
	}
	return v
}

// ---- article ----

type articleView struct {
	chrome
	ID, Title, Name, Outlet, Author string
	Published, Language             string
	External, URLText               string
	DuplicateOf, DuplicateURL       string
	StoryID                         string
	Similarity                      string
	JSONURL                         string
	Highlight                       string
	HLStart, HLEnd                  int
	NFacts, NQuotes, NMentions      int
	Marked                          template.HTML
}

// parseHL reads ?hl=start-end; ok is false when absent or malformed.
func parseHL(s string) (news.Span, bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		return news.Span{}, false
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return news.Span{}, false
	}
	return news.Span{Start: start, End: end}, true
}

func (s *server) pageArticle(w http.ResponseWriter, r *http.Request) {
	a, x, ok := s.article(w, r)
	if !ok {
		return
	}
	v := articleView{
		ID: a.ID, Title: a.Title, Name: a.Name, Outlet: a.Source, Author: a.Author,
		Published: a.Published.String(), Language: a.Language,
		External: safeExternal(a.URL), URLText: a.URL,
		DuplicateOf: a.DuplicateOf,
		JSONURL:     "/api/articles/" + url.PathEscape(a.ID),
		StoryID:     s.storyOf(r, a.ID),
		NFacts:      len(x.Facts), NQuotes: len(x.Quotes), NMentions: len(x.Mentions),
	}
	if v.Title == "" {
		v.Title = a.Name
	}
	if a.DuplicateOf != "" {
		v.DuplicateURL = articleURL(a.DuplicateOf)
		v.Similarity = strconv.FormatFloat(a.Similarity, 'f', 2, 64)
	}
	spans := articleSpans(x)
	if hl, ok := parseHL(r.URL.Query().Get("hl")); ok {
		if hl = snapSpan(a.Text, hl); hl.In(len(a.Text)) && hl.Len() > 0 {
			v.Highlight = a.Text[hl.Start:hl.End]
			v.HLStart, v.HLEnd = hl.Start, hl.End
			spans = append(spans, markSpan{Span: hl, Class: "target", ID: "hl"})
		}
	}
	v.Marked = markText(a.Text, spans)
	s.render(w, r, http.StatusOK, "article", v)
}

// articleSpans turns an extraction into the spans the article view marks.
func articleSpans(x news.Extraction) []markSpan {
	var out []markSpan
	for _, f := range x.Facts {
		title := string(f.Kind)
		if f.Amount != nil {
			title += ": " + formatValue(f.Kind, f.Amount.Value, f.Amount.Currency, "")
		}
		if f.When != nil && !f.When.Date.IsZero() {
			title += ": " + f.When.Date.String()
		}
		out = append(out, markSpan{Span: f.Span, Class: string(f.Kind), Title: title})
	}
	for _, q := range x.Quotes {
		title := "quote"
		if q.Speaker != "" {
			title += ": " + q.Speaker
		}
		out = append(out, markSpan{Span: q.Span, Class: "quote", Title: title})
	}
	for _, m := range x.Mentions {
		title := string(m.Type)
		if m.Name != "" {
			title += ": " + m.Name
		}
		out = append(out, markSpan{Span: m.Span, Class: "ent " + string(m.Type), Title: title})
	}
	return out
}

// pageMove splits an article out of its story (or moves it) and goes to
// the article's page.
func (s *server) pageMove(w http.ResponseWriter, r *http.Request) {
	id, story, err := s.move(w, r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	to := articleURL(id)
	if story != "" {
		to = storyURL(story)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// ---- add ----

type addView struct {
	chrome
	Result   *news.IngestReport
	Message  string
	MaxBytes string
	Feeds    []feedView
}

type feedView struct {
	URL, Title, Polled, Error string
	Items                     int
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

func (s *server) renderAdd(w http.ResponseWriter, r *http.Request, status int, v addView) {
	v.MaxBytes = humanBytes(s.o.MaxBodyBytes)
	ctx, cancel := s.readCtx(r)
	defer cancel()
	feeds, err := s.b.Feeds(ctx)
	if err != nil {
		s.failErr(w, r, fmt.Errorf("feeds: %w", err))
		return
	}
	for _, f := range feeds {
		fv := feedView{URL: f.URL, Title: f.Title, Items: f.Items, Error: f.Error, Polled: "never"}
		if !f.Polled.IsZero() {
			fv.Polled = f.Polled.UTC().Format("2006-01-02 15:04 MST")
		}
		v.Feeds = append(v.Feeds, fv)
	}
	s.render(w, r, status, "add", v)
}

func (s *server) pageAdd(w http.ResponseWriter, r *http.Request) {
	s.renderAdd(w, r, http.StatusOK, addView{})
}

func (s *server) pageIngest(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.uploadAndIngest(w, r)
	if !ok {
		return
	}
	s.renderAdd(w, r, http.StatusOK, addView{Result: &rep})
}

func (s *server) pageAddFeed(w http.ResponseWriter, r *http.Request) {
	u, err := s.addFeed(w, r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.renderAdd(w, r, http.StatusOK, addView{Message: "Feed added: " + u})
}

func (s *server) pagePollFeeds(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.writeCtx(r)
	defer cancel()
	rep, err := s.b.PollFeeds(ctx)
	if err != nil {
		s.failErr(w, r, fmt.Errorf("poll feeds: %w", err))
		return
	}
	s.renderAdd(w, r, http.StatusOK, addView{Result: &rep})
}

// ---- static files ----

// staticFile serves page assets. fs.FS paths cannot climb out of their
// root (fs.ValidPath), directories are not listed, and only files with a
// known type are served.
func (s *server) staticFile(w http.ResponseWriter, r *http.Request) {
	p := r.PathValue("path")
	ctype := staticTypes[path.Ext(p)]
	if !fs.ValidPath(p) || ctype == "" {
		s.fail(w, r, http.StatusNotFound, errBad("no such file"))
		return
	}
	data, err := fs.ReadFile(s.static, p)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, errBad("no such file"))
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, p, startTime, bytes.NewReader(data))
}

// startTime is the static files' modification time (they are embedded).
var startTime = time.Now()

var staticTypes = map[string]string{
	".css": "text/css; charset=utf-8",
	".js":  "text/javascript; charset=utf-8",
	".svg": "image/svg+xml",
	".png": "image/png",
	".ico": "image/x-icon",
}
