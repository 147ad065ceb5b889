package server

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

//go:embed openapi.json
var openapiJSON []byte

// maxQueryLen caps free-text query parameters.
const maxQueryLen = 500

func (s *server) readCtx(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.o.RequestTimeout)
}

func (s *server) writeCtx(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.o.IngestTimeout)
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(s.openapi)
}

// storyList is the body of GET /api/stories.
type storyList struct {
	Stories []news.StorySummary `json:"stories"`
	Total   int                 `json:"total"`
	Limit   int                 `json:"limit"`
	Offset  int                 `json:"offset"`
}

// parseStoryQuery reads the listing's filters and paging from the URL.
func parseStoryQuery(v url.Values) (news.StoryQuery, error) {
	var q news.StoryQuery
	var err error
	for _, f := range []struct {
		name string
		dst  *string
	}{{"q", &q.Text}, {"lang", &q.Language}, {"outlet", &q.Outlet}, {"entity", &q.Entity}} {
		if *f.dst, err = textParam(v, f.name); err != nil {
			return q, err
		}
	}
	if err := q.SetLanguage(q.Language); err != nil {
		return q, errBad("parameter " + err.Error())
	}
	if err := q.SetDates(v.Get("from"), v.Get("to")); err != nil {
		return q, errBad("parameter " + err.Error())
	}
	if q.Limit, err = intParam(v, "limit", DefaultPageSize, 1, MaxPageSize); err != nil {
		return q, err
	}
	if q.Offset, err = intParam(v, "offset", 0, 0, 1<<30); err != nil {
		return q, err
	}
	return q, nil
}

func textParam(v url.Values, name string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if len(s) > maxQueryLen {
		return "", errBad(fmt.Sprintf("parameter %s: longer than %d bytes", name, maxQueryLen))
	}
	if !utf8.ValidString(s) {
		return "", errBad(fmt.Sprintf("parameter %s: not valid UTF-8", name))
	}
	return s, nil
}

// intParam reads an integer parameter; a value above max is clamped to
// max (a client asking for too much gets a full page), one below min is
// an error.
func intParam(v url.Values, name string, def, min, max int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, errBad(fmt.Sprintf("parameter %s: %q is not an integer", name, s))
	}
	if n < min || (err != nil && strings.HasPrefix(s, "-")) {
		return 0, errBad(fmt.Sprintf("parameter %s: must be at least %d", name, min))
	}
	if n > max || err != nil {
		n = max
	}
	return n, nil
}

// stories reads the listing's query and lists its stories for the API
// and the page; on error it has answered and reports false.
func (s *server) stories(w http.ResponseWriter, r *http.Request) (news.StoryQuery, []news.StorySummary, int, bool) {
	q, err := parseStoryQuery(r.URL.Query())
	if err != nil {
		s.failErr(w, r, err)
		return q, nil, 0, false
	}
	ctx, cancel := s.readCtx(r)
	defer cancel()
	list, total, err := s.b.Stories(ctx, q)
	if err != nil {
		s.failErr(w, r, fmt.Errorf("stories: %w", err))
		return q, nil, 0, false
	}
	return q, list, total, true
}

func (s *server) apiStories(w http.ResponseWriter, r *http.Request) {
	q, list, total, ok := s.stories(w, r)
	if !ok {
		return
	}
	if list == nil {
		list = []news.StorySummary{}
	}
	writeJSON(w, http.StatusOK, storyList{Stories: list, Total: total, Limit: q.Limit, Offset: q.Offset})
}

// pathID returns the {id} wildcard, checked to be a plausible identifier.
func pathID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if id == "" || len(id) > 200 || !utf8.ValidString(id) || strings.ContainsAny(id, "/\\\x00") {
		return "", errBad(fmt.Sprintf("invalid id %q", id))
	}
	return id, nil
}

func (s *server) brief(w http.ResponseWriter, r *http.Request) (news.Brief, bool) {
	id, err := pathID(r)
	if err != nil {
		s.failErr(w, r, err)
		return news.Brief{}, false
	}
	ctx, cancel := s.readCtx(r)
	defer cancel()
	b, err := s.b.Brief(ctx, id)
	if errors.Is(err, news.ErrNotFound) {
		// A story merged automatically into another: its links lead there.
		if into, ok := s.b.MergedInto(ctx, id); ok {
			u := *r.URL
			u.Path = strings.Replace(u.Path, "/stories/"+id, "/stories/"+url.PathEscape(into), 1)
			http.Redirect(w, r, u.String(), http.StatusFound)
			return news.Brief{}, false
		}
	}
	if err != nil {
		s.failErr(w, r, err) // the error names the story
		return news.Brief{}, false
	}
	return b, true
}

func (s *server) apiBrief(w http.ResponseWriter, r *http.Request) {
	if b, ok := s.brief(w, r); ok {
		writeJSON(w, http.StatusOK, b)
	}
}

// articleBody is the body of GET /api/articles/{id}.
type articleBody struct {
	Article    news.Article    `json:"article"`
	Extraction news.Extraction `json:"extraction"`
	StoryID    string          `json:"story_id,omitempty"`
}

func (s *server) article(w http.ResponseWriter, r *http.Request) (news.Article, news.Extraction, bool) {
	id, err := pathID(r)
	if err != nil {
		s.failErr(w, r, err)
		return news.Article{}, news.Extraction{}, false
	}
	ctx, cancel := s.readCtx(r)
	defer cancel()
	a, x, err := s.b.Article(ctx, id)
	if err != nil {
		s.failErr(w, r, err) // the error names the article
		return a, x, false
	}
	return a, x, true
}

// storyOf returns the story of an article, "" when it has none (the
// page then simply shows no link).
func (s *server) storyOf(r *http.Request, articleID string) string {
	ctx, cancel := s.readCtx(r)
	defer cancel()
	id, err := s.b.StoryOf(ctx, articleID)
	if err != nil {
		return ""
	}
	return id
}

func (s *server) apiArticle(w http.ResponseWriter, r *http.Request) {
	if a, x, ok := s.article(w, r); ok {
		writeJSON(w, http.StatusOK, articleBody{Article: a, Extraction: x, StoryID: s.storyOf(r, a.ID)})
	}
}

// searchResult is the body of GET /api/search.
type searchResult struct {
	Hits []news.SearchHit `json:"hits"`
}

// queryAndLimit reads the required q and the optional limit of a lookup.
func queryAndLimit(v url.Values) (string, int, error) {
	q, err := textParam(v, "q")
	if err == nil && strings.TrimSpace(q) == "" {
		err = errBad("parameter q: required")
	}
	if err != nil {
		return "", 0, err
	}
	limit, err := intParam(v, "limit", DefaultPageSize, 1, MaxPageSize)
	return q, limit, err
}

func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, limit, err := queryAndLimit(r.URL.Query())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ctx, cancel := s.readCtx(r)
	defer cancel()
	hits, err := s.b.Search(ctx, q, limit)
	if err != nil {
		s.failErr(w, r, fmt.Errorf("search: %w", err))
		return
	}
	if hits == nil {
		hits = []news.SearchHit{}
	}
	writeJSON(w, http.StatusOK, searchResult{Hits: hits})
}

// entitiesResult is the body of GET /api/entities.
type entitiesResult struct {
	Entities []news.StoreEntity `json:"entities"`
}

func (s *server) apiEntities(w http.ResponseWriter, r *http.Request) {
	q, limit, err := queryAndLimit(r.URL.Query())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ctx, cancel := s.readCtx(r)
	defer cancel()
	ents, err := s.b.Entities(ctx, q, limit)
	if err != nil {
		s.failErr(w, r, fmt.Errorf("entities: %w", err))
		return
	}
	if ents == nil {
		ents = []news.StoreEntity{}
	}
	writeJSON(w, http.StatusOK, entitiesResult{Entities: ents})
}

// upload is one document of an ingest request.
type upload struct {
	name string
	data []byte
}

// readUploads reads an ingest request: multipart/form-data (any number of
// "file" parts, and a "text" field with an optional "name"), a urlencoded
// form with "text" and "name", or a raw body named by ?name=. The whole
// body is capped at MaxBodyBytes.
func (s *server) readUploads(w http.ResponseWriter, r *http.Request) ([]upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxBodyBytes)
	ct, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil && r.Header.Get("Content-Type") != "" {
		return nil, errBad("malformed Content-Type")
	}
	switch ct {
	case "multipart/form-data":
		if params["boundary"] == "" {
			return nil, errBad("multipart body without boundary")
		}
		return readMultipart(multipart.NewReader(r.Body, params["boundary"]))
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, formErr(err)
		}
		return textUpload(r.PostForm.Get("name"), r.PostForm.Get("text"))
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, formErr(err)
	}
	if len(data) == 0 {
		return nil, errBad("empty body: nothing to ingest")
	}
	name, err := textParam(r.URL.Query(), "name")
	if err != nil {
		return nil, err
	}
	return []upload{{name: uploadName(name, "upload"), data: data}}, nil
}

// formErr keeps the size error (413) and turns other body errors into 400.
func formErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return errBad("malformed body: " + err.Error())
}

const maxParts = 1000

func readMultipart(mr *multipart.Reader) ([]upload, error) {
	var ups []upload
	var name, text string
	for i := 0; ; i++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, formErr(err)
		}
		if i >= maxParts {
			return nil, errBad(fmt.Sprintf("more than %d parts", maxParts))
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, formErr(err)
		}
		switch p.FormName() {
		case "file":
			if len(data) == 0 && p.FileName() == "" {
				continue // an empty file input
			}
			ups = append(ups, upload{name: uploadName(p.FileName(), "upload"), data: data})
		case "text":
			text = string(data)
		case "name":
			name = string(data)
		}
	}
	if strings.TrimSpace(text) != "" {
		t, err := textUpload(name, text)
		if err != nil {
			return nil, err
		}
		ups = append(ups, t...)
	}
	if len(ups) == 0 {
		return nil, errBad("nothing to ingest: send a file part or a text field")
	}
	return ups, nil
}

func textUpload(name, text string) ([]upload, error) {
	if strings.TrimSpace(text) == "" {
		return nil, errBad("field text: empty")
	}
	return []upload{{name: uploadName(name, "pasted.txt"), data: []byte(text)}}, nil
}

// uploadName keeps the base name of a client-given file name (browsers
// may send paths), valid UTF-8 and short; def when none is left.
func uploadName(name, def string) string {
	name = strings.ToValidUTF8(strings.TrimSpace(name), "")
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "." || name == "/" || name == "" || name == ".." {
		return def
	}
	if len(name) > 200 {
		name = strings.ToValidUTF8(name[:200], "")
	}
	return name
}

// ingest runs IngestBytes on every upload and sums the reports.
func (s *server) ingest(ctx context.Context, ups []upload) (news.IngestReport, error) {
	var total news.IngestReport
	for _, u := range ups {
		rep, err := s.b.IngestBytes(ctx, u.name, u.data)
		if err != nil {
			return total, fmt.Errorf("ingest %s: %w", u.name, err)
		}
		total.Ingested += rep.Ingested
		total.Duplicates += rep.Duplicates
		total.Near += rep.Near
		total.Skipped = append(total.Skipped, rep.Skipped...)
		total.Articles = append(total.Articles, rep.Articles...)
		total.Stories = appendNew(total.Stories, rep.Stories...)
	}
	s.log.Info("ingested", "files", len(ups), "ingested", total.Ingested,
		"duplicates", total.Duplicates, "skipped", len(total.Skipped))
	return total, nil
}

func appendNew(dst []string, xs ...string) []string {
outer:
	for _, x := range xs {
		for _, d := range dst {
			if d == x {
				continue outer
			}
		}
		dst = append(dst, x)
	}
	return dst
}

// uploadAndIngest reads a request's uploads and ingests them; on an error
// it has already answered the request and returns false.
func (s *server) uploadAndIngest(w http.ResponseWriter, r *http.Request) (news.IngestReport, bool) {
	ups, err := s.readUploads(w, r)
	if err != nil {
		s.failErr(w, r, err)
		return news.IngestReport{}, false
	}
	ctx, cancel := s.writeCtx(r)
	defer cancel()
	rep, err := s.ingest(ctx, ups)
	if err != nil {
		s.failErr(w, r, err)
		return news.IngestReport{}, false
	}
	return rep, true
}

func (s *server) apiIngest(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.uploadAndIngest(w, r)
	if !ok {
		return
	}
	status := http.StatusOK
	if rep.Ingested > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, rep)
}

// readSmall decodes a small JSON object or form body into the fields
// named; both the API and the page's forms use it.
func (s *server) readSmall(w http.ResponseWriter, r *http.Request, fields ...string) (map[string]string, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	out := make(map[string]string, len(fields))
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" {
		var m map[string]any
		dec := json.NewDecoder(r.Body)
		if err := dec.Decode(&m); err != nil {
			if fe := formErr(err); statusOf(fe) == http.StatusRequestEntityTooLarge {
				return nil, fe
			}
			return nil, errBad("malformed JSON body: " + err.Error())
		}
		for _, f := range fields {
			switch v := m[f].(type) {
			case string:
				out[f] = v
			case nil:
			default:
				return nil, errBad(fmt.Sprintf("field %s: want a string", f))
			}
		}
		return out, nil
	}
	if err := r.ParseMultipartForm(maxFormBytes); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return nil, formErr(err)
	}
	for _, f := range fields {
		out[f] = r.PostFormValue(f)
	}
	return out, nil
}

// checkFeedURL accepts absolute http(s) URLs whose host is public, unless
// AllowPrivate. The check resolves the host now; the fetcher should check
// again when it dials, since DNS can change in between.
func (s *server) checkFeedURL(ctx context.Context, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errBad("field url: required")
	}
	if len(raw) > 2048 {
		return "", errBad("field url: too long")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", errBad(fmt.Sprintf("field url: %q is not an http(s) URL", raw))
	}
	// The form the engine stores (and the reply names): host in lower
	// case, no fragment.
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	if s.o.AllowPrivate {
		return u.String(), nil
	}
	host := u.Hostname()
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return "", errBad(fmt.Sprintf("field url: cannot resolve %s", host))
		}
		addrs = ips
	}
	for _, a := range addrs {
		a = a.Unmap()
		if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
			a.IsUnspecified() || a.IsMulticast() || a.IsInterfaceLocalMulticast() {
			return "", errBad(fmt.Sprintf("field url: %s is a private address", host))
		}
	}
	return u.String(), nil
}

func (s *server) addFeed(w http.ResponseWriter, r *http.Request) (string, error) {
	f, err := s.readSmall(w, r, "url")
	if err != nil {
		return "", err
	}
	ctx, cancel := s.writeCtx(r)
	defer cancel()
	u, err := s.checkFeedURL(ctx, f["url"])
	if err != nil {
		return "", err
	}
	if err := s.b.AddFeed(ctx, u); err != nil {
		return "", fmt.Errorf("add feed %s: %w", u, err)
	}
	s.log.Info("feed added", "url", u)
	return u, nil
}

func (s *server) apiAddFeed(w http.ResponseWriter, r *http.Request) {
	u, err := s.addFeed(w, r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"url": u})
}

// feedList is the body of GET /api/feeds.
type feedList struct {
	Feeds []news.Feed `json:"feeds"`
}

func (s *server) apiFeeds(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.readCtx(r)
	defer cancel()
	fs, err := s.b.Feeds(ctx)
	if err != nil {
		s.failErr(w, r, fmt.Errorf("feeds: %w", err))
		return
	}
	if fs == nil {
		fs = []news.Feed{}
	}
	writeJSON(w, http.StatusOK, feedList{Feeds: fs})
}

func (s *server) apiPollFeeds(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.writeCtx(r)
	defer cancel()
	rep, err := s.b.PollFeeds(ctx)
	if err != nil {
		s.failErr(w, r, fmt.Errorf("poll feeds: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func (s *server) move(w http.ResponseWriter, r *http.Request) (article, story string, err error) {
	id, err := pathID(r)
	if err != nil {
		return "", "", err
	}
	f, err := s.readSmall(w, r, "story")
	if err != nil {
		return "", "", err
	}
	story = strings.TrimSpace(f["story"])
	if len(story) > 200 || strings.ContainsAny(story, "/\\\x00") {
		return "", "", errBad("field story: invalid id")
	}
	ctx, cancel := s.writeCtx(r)
	defer cancel()
	story, err = s.b.MoveArticle(ctx, id, story)
	if err != nil {
		return "", "", err // it names the article or the story
	}
	s.log.Info("article moved", "article", id, "story", story)
	return id, story, nil
}

func (s *server) apiMove(w http.ResponseWriter, r *http.Request) {
	id, story, err := s.move(w, r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"article": id, "story": story})
}
