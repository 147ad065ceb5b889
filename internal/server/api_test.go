package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/recoupe/recoupe/internal/server"
	"github.com/recoupe/recoupe/news"
	"github.com/recoupe/recoupe/web"
)

// do sends a request and returns the status and body.
func do(t *testing.T, method, url, ctype string, body io.Reader, hdr ...string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, url, err)
	}
	return resp.StatusCode, resp.Header, b
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	status, _, body := do(t, "GET", url, "", nil)
	if status != http.StatusOK {
		t.Fatalf("GET %s = %d %s, want 200", url, status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v in %s", url, err, body)
	}
}

// TestBadRequests sends oversized, malformed and hostile requests; each
// must get the given status: a 4xx for what the server refuses, a 200 for
// what it accepts and reports (skipped inputs, odd search syntax); never a
// 5xx. Errors under /api/ have a JSON body.
func TestBadRequests(t *testing.T) {
	e := newEnv(t, server.Options{MaxBodyBytes: 1 << 10})
	u := e.srv.URL
	big := strings.Repeat("x", 4<<10)
	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	fw, _ := mw.CreateFormFile("file", "big.txt")
	fw.Write([]byte(big))
	mw.Close()
	tests := []struct {
		name         string
		method, path string
		ctype        string
		body         string
		hdr          []string
		want         int
	}{
		{"unknown api path", "GET", "/api/nope", "", "", nil, 404},
		{"unknown page", "GET", "/nope", "", "", nil, 404},
		{"unknown story", "GET", "/api/stories/doesnotexist", "", "", nil, 404},
		{"unknown story page", "GET", "/stories/doesnotexist", "", "", nil, 404},
		{"unknown article", "GET", "/api/articles/doesnotexist", "", "", nil, 404},
		{"unknown export", "GET", "/api/stories/doesnotexist/export.csv", "", "", nil, 404},
		{"wrong method", "DELETE", "/api/stories", "", "", nil, 405},
		{"get on post route", "GET", "/api/feeds/poll", "", "", nil, 405},
		{"limit not a number", "GET", "/api/stories?limit=abc", "", "", nil, 400},
		{"negative offset", "GET", "/api/stories?offset=-1", "", "", nil, 400},
		{"zero limit", "GET", "/api/stories?limit=0", "", "", nil, 400},
		{"bad date", "GET", "/api/stories?from=yesterday", "", "", nil, 400},
		{"from after to", "GET", "/api/stories?from=2025-03&to=2025-01", "", "", nil, 400},
		{"language not a code", "GET", "/api/stories?lang=english", "", "", nil, 400},
		{"query too long", "GET", "/api/stories?q=" + strings.Repeat("a", 600), "", "", nil, 400},
		{"search without q", "GET", "/api/search", "", "", nil, 400},
		{"entities without q", "GET", "/api/entities", "", "", nil, 400},
		{"entities blank q", "GET", "/api/entities?q=+++", "", "", nil, 400},
		{"entities bad limit", "GET", "/api/entities?q=Roc&limit=-3", "", "", nil, 400},
		{"entities search syntax", "GET", "/api/entities?q=%22NEAR(a+OR", "", "", nil, 200},
		{"entities invalid utf8", "GET", "/api/entities?q=%ff%fe", "", "", nil, 400},
		{"search syntax quote", "GET", "/api/search?q=%22unbalanced", "", "", nil, 200},
		{"search syntax operators", "GET", "/api/search?q=NEAR(a+AND+OR+*+-b:c%5E)", "", "", nil, 200},
		{"story search syntax", "GET", "/api/stories?q=%22a%22+OR+(b*", "", "", nil, 200},
		{"story page search syntax", "GET", "/?q=%22%27%3B--+DROP+TABLE+articles", "", "", nil, 200},
		{"invalid utf8 query", "GET", "/api/search?q=%ff%fe", "", "", nil, 400},
		{"oversized raw body", "POST", "/api/articles", "text/plain", big, nil, 413},
		{"oversized multipart", "POST", "/api/articles", mw.FormDataContentType(), mp.String(), nil, 413},
		{"oversized page upload", "POST", "/add", mw.FormDataContentType(), mp.String(), nil, 413},
		{"multipart without boundary", "POST", "/api/articles", "multipart/form-data", "--x\r\n", nil, 400},
		{"broken multipart", "POST", "/api/articles", "multipart/form-data; boundary=zz", "--zz\r\nContent-Disp", nil, 400},
		{"malformed content type", "POST", "/api/articles", "text/;;;", "hello", nil, 400},
		{"empty body", "POST", "/api/articles", "text/plain", "", nil, 400},
		{"binary upload is skipped", "POST", "/api/articles?name=x.bin", "application/octet-stream", "\x00\x01\xff\xfe\x00garbage", nil, 200},
		{"broken warc is skipped", "POST", "/api/articles?name=x.warc", "application/warc", "WARC/1.0\r\nWARC-Type: resp", nil, 200},
		{"broken feed is skipped", "POST", "/api/articles?name=feed.xml", "application/rss+xml", "<rss><channel><item><title>x", nil, 200},
		{"broken html", "POST", "/api/articles?name=x.html", "text/html", "<html><body><p>Fictif <b>cassé", nil, 201},
		{"empty pasted text", "POST", "/api/articles", "application/x-www-form-urlencoded", "text=+++", nil, 400},
		{"malformed json feed", "POST", "/api/feeds", "application/json", `{"url":`, nil, 400},
		{"feed url wrong type", "POST", "/api/feeds", "application/json", `{"url":42}`, nil, 400},
		{"feed javascript url", "POST", "/api/feeds", "application/json", `{"url":"javascript:alert(1)"}`, nil, 400},
		{"feed file url", "POST", "/api/feeds", "application/json", `{"url":"file:///etc/passwd"}`, nil, 400},
		{"feed loopback url", "POST", "/api/feeds", "application/json", `{"url":"http://127.0.0.1:22/"}`, nil, 400},
		{"feed private url", "POST", "/api/feeds", "application/json", `{"url":"http://10.0.0.1/rss"}`, nil, 400},
		{"feed metadata url", "POST", "/api/feeds", "application/json", `{"url":"http://169.254.169.254/latest"}`, nil, 400},
		{"oversized feed body", "POST", "/api/feeds", "application/json", `{"url":"` + strings.Repeat("a", 70<<10) + `"}`, nil, 413},
		{"cross-origin post", "POST", "/api/feeds", "application/json", `{"url":"https://example.org/rss"}`,
			[]string{"Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"}, 403},
		{"static traversal", "GET", "/static/../go.mod", "", "", nil, 404},
		{"static encoded traversal", "GET", "/static/%2e%2e/%2e%2e/go.mod", "", "", nil, 404},
		{"static encoded slash", "GET", "/static/..%2f..%2fweb.go", "", "", nil, 404},
		{"static template not served", "GET", "/static/../templates/base.html", "", "", nil, 404},
		{"static directory", "GET", "/static/", "", "", nil, 404},
		{"static unknown type", "GET", "/static/web.go", "", "", nil, 404},
		{"article id with dots", "GET", "/api/articles/..%2f..%2fetc%2fpasswd", "", "", nil, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, hdr, body := do(t, tt.method, u+tt.path, tt.ctype, strings.NewReader(tt.body), tt.hdr...)
			if status != tt.want {
				t.Errorf("%s %s = %d, want %d; body: %.300s", tt.method, tt.path, status, tt.want, body)
			}
			if hdr.Get("Content-Security-Policy") == "" {
				t.Errorf("%s %s: no Content-Security-Policy header", tt.method, tt.path)
			}
			if strings.HasPrefix(tt.path, "/api/") && status >= 400 {
				var e struct {
					Error  string `json:"error"`
					Status int    `json:"status"`
				}
				if err := json.Unmarshal(body, &e); err != nil || e.Error == "" || e.Status != status {
					t.Errorf("%s %s: error body %q, want JSON {error, status: %d}", tt.method, tt.path, body, status)
				}
			}
		})
	}
}

func TestStaticFiles(t *testing.T) {
	e := newEnv(t, server.Options{})
	for _, tt := range []struct{ path, ctype string }{
		{"/static/style.css", "text/css; charset=utf-8"},
		{"/static/app.js", "text/javascript; charset=utf-8"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			status, hdr, body := do(t, "GET", e.srv.URL+tt.path, "", nil)
			if status != 200 || len(body) == 0 {
				t.Fatalf("GET %s = %d (%d bytes), want 200 with a body", tt.path, status, len(body))
			}
			if got := hdr.Get("Content-Type"); got != tt.ctype {
				t.Errorf("GET %s Content-Type = %q, want %q", tt.path, got, tt.ctype)
			}
		})
	}
}

// TestStoryListPaging checks limit/offset/total on the story list.
func TestStoryListPaging(t *testing.T) {
	e := newEnv(t, server.Options{})
	var all struct {
		Stories []news.StorySummary `json:"stories"`
		Total   int                 `json:"total"`
		Limit   int                 `json:"limit"`
	}
	getJSON(t, e.srv.URL+"/api/stories?limit=1000", &all)
	if all.Limit != server.MaxPageSize {
		t.Errorf("limit=1000 answered limit %d, want it clamped to %d", all.Limit, server.MaxPageSize)
	}
	if all.Total < len(all.Stories) || len(all.Stories) == 0 {
		t.Fatalf("total %d with %d stories listed, want total ≥ listed ≥ 1", all.Total, len(all.Stories))
	}
}

// TestMoveAPI splits a fictional article out of its story.
func TestMoveAPI(t *testing.T) {
	e := newEnv(t, server.Options{})
	text := "Un déménagement fictif\n\nLa coopérative Fictivia, inventée pour ce test, déménage à Exempleville le 2 avril 2025.\n"
	ingest := func(t *testing.T) news.IngestReport {
		t.Helper()
		status, _, body := do(t, "POST", e.srv.URL+"/api/articles?name=move.txt", "text/plain", strings.NewReader(text))
		if status >= 300 {
			t.Fatalf("POST /api/articles = %d %s", status, body)
		}
		var r news.IngestReport
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatal(err)
		}
		if len(r.Articles) != 1 || len(r.Stories) != 1 {
			t.Fatalf("ingest report %+v, want one article in one story", r)
		}
		return r
	}
	before := ingest(t)
	status, _, body := do(t, "POST", e.srv.URL+"/api/articles/"+before.Articles[0]+"/move", "application/json", strings.NewReader(`{"story":""}`))
	if status != http.StatusOK {
		t.Fatalf("move = %d %s, want 200", status, body)
	}
	var moved struct{ Story string }
	if err := json.Unmarshal(body, &moved); err != nil {
		t.Fatal(err)
	}
	after := ingest(t) // a duplicate now, reporting the article's story
	if after.Stories[0] == before.Stories[0] || moved.Story != after.Stories[0] {
		t.Errorf("after the split into %q the article is in story %s (was %s)", moved.Story, after.Stories[0], before.Stories[0])
	}
	status, _, body = do(t, "POST", e.srv.URL+"/api/articles/"+before.Articles[0]+"/move", "application/json", strings.NewReader(`{"story":"sNoSuchStory"}`))
	if status != http.StatusNotFound {
		t.Errorf("moving into a missing story = %d %s, want 404", status, body)
	}
	var art struct {
		StoryID string `json:"story_id"`
	}
	getJSON(t, e.srv.URL+"/api/articles/"+before.Articles[0], &art)
	if art.StoryID != after.Stories[0] {
		t.Errorf("GET article story_id = %q, want %q (its story after the split)", art.StoryID, after.Stories[0])
	}
	if _, _, page := do(t, "GET", e.srv.URL+"/articles/"+before.Articles[0], "", nil); !strings.Contains(string(page), `href="/stories/`+after.Stories[0]+`"`) {
		t.Errorf("the article page does not link to its story %s", after.Stories[0])
	}
	status, _, body = do(t, "POST", e.srv.URL+"/api/articles/0000000000000000/move", "application/json", strings.NewReader(`{"story":""}`))
	if status != http.StatusNotFound {
		t.Errorf("moving an unknown article = %d %s, want 404", status, body)
	}
}

// TestMovePage merges two fictional one-article stories from the story
// page's "Move to story" form, and checks that "Split out" is offered
// only where a split changes something (a story of several articles).
func TestMovePage(t *testing.T) {
	e := newEnv(t, server.Options{})
	post := func(name, text string) news.IngestReport {
		t.Helper()
		status, _, body := do(t, "POST", e.srv.URL+"/api/articles?name="+name, "text/plain", strings.NewReader(text))
		var r news.IngestReport
		if status >= 300 || json.Unmarshal(body, &r) != nil || len(r.Stories) != 1 {
			t.Fatalf("POST %s = %d %s, want one article in one story", name, status, body)
		}
		return r
	}
	// Fictional, written for this test.
	a := post("pagemove-a.txt", "Le carillon de Fontclaire restauré\n\nLe carillon fictif de Fontclaire, muet depuis 1987, sonnera de nouveau le 9 juin 2030 après deux ans de travaux.\n")
	b := post("pagemove-b.txt", "Une piscine flottante à Mirevaux\n\nLa commune imaginaire de Mirevaux ouvrira en août 2030 une piscine flottante sur le lac des Sorbes, longue de 25 mètres.\n")
	if a.Stories[0] == b.Stories[0] {
		t.Fatalf("the two fictional articles share story %s; the test needs two", a.Stories[0])
	}
	_, _, page := do(t, "GET", e.srv.URL+"/stories/"+a.Stories[0], "", nil)
	if !strings.Contains(string(page), "Move to story") || strings.Contains(string(page), "Split out") {
		t.Errorf("the page of a one-article story: want a Move to story form and no Split out button")
	}
	form := url.Values{"story": {b.Stories[0]}}.Encode()
	status, _, page := do(t, "POST", e.srv.URL+"/articles/"+a.Articles[0]+"/move", "application/x-www-form-urlencoded", strings.NewReader(form))
	if status != http.StatusOK || !strings.Contains(string(page), `data-story="`+b.Stories[0]+`"`) {
		t.Fatalf("POST the move form = %d, want the page of story %s after the redirect", status, b.Stories[0])
	}
	if !strings.Contains(string(page), "Split out") || !strings.Contains(string(page), "carillon") {
		t.Errorf("the page of the merged story does not list the moved article with a Split out button")
	}
}

// TestLoopbackHostsOnly checks the DNS-rebinding guard: a server on
// loopback answers loopback host names only.
func TestLoopbackHostsOnly(t *testing.T) {
	e := newEnv(t, server.Options{AllowedHosts: server.LoopbackHosts})
	for _, tc := range []struct {
		host string
		want int
	}{
		{"", http.StatusOK}, // the test server's own 127.0.0.1:port
		{"localhost:8080", http.StatusOK},
		{"[::1]:8080", http.StatusOK},
		{"evil.example:8080", http.StatusMisdirectedRequest},
		{"evil.example", http.StatusMisdirectedRequest},
	} {
		req, err := http.NewRequestWithContext(t.Context(), "GET", e.srv.URL+"/api/stories", nil)
		if err != nil {
			t.Fatal(err)
		}
		if tc.host != "" {
			req.Host = tc.host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("GET /api/stories with Host %q = %d, want %d", tc.host, resp.StatusCode, tc.want)
		}
	}
}

// TestEntitiesAPI finds the seeds' main person by a short form and checks
// the API answers what the engine does.
func TestEntitiesAPI(t *testing.T) {
	e := newEnv(t, server.Options{})
	var got struct {
		Entities []news.StoreEntity `json:"entities"`
	}
	getJSON(t, e.srv.URL+"/api/entities?q=musk", &got)
	want, err := e.b.Entities(t.Context(), "musk", server.DefaultPageSize)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Entities) == 0 || len(got.Entities) != len(want) {
		t.Fatalf("GET /api/entities?q=musk = %d entities, engine says %d; want the same, at least one", len(got.Entities), len(want))
	}
	top := got.Entities[0]
	if top.Name != want[0].Name || top.Articles != want[0].Articles || len(top.Stories) != len(want[0].Stories) {
		t.Errorf("API entity %+v differs from the engine's %+v", top, want[0])
	}
	if e.real && (top.Name != "Elon Musk" || top.Type != news.PER || top.Articles != 3) {
		t.Errorf("q=musk found %s %s in %d articles, want Elon Musk PER in the 3 seed articles", top.Name, top.Type, top.Articles)
	}
	getJSON(t, e.srv.URL+"/api/entities?q=Zzyzx+Personne", &got)
	if len(got.Entities) != 0 {
		t.Errorf("unknown name found %+v", got.Entities)
	}
}

// lockedBuffer collects log output written from the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestRefusedRequestsAreLogged checks that an operator running at the
// default level sees refused requests, and not routine ones.
func TestRefusedRequestsAreLogged(t *testing.T) {
	newEnv(t, server.Options{}) // skips when the shared engine is missing
	var logs lockedBuffer
	h, err := server.New(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo})), shared.eng, web.FS,
		server.Options{AllowedHosts: server.LoopbackHosts})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	req, _ := http.NewRequestWithContext(t.Context(), "GET", srv.URL+"/api/stories", nil)
	req.Host = "evil.example"
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
	do(t, "GET", srv.URL+"/api/stories?limit=abc", "", nil)
	do(t, "GET", srv.URL+"/healthz", "", nil)
	got := logs.String()
	for _, want := range []string{"level=WARN msg=request method=GET path=/api/stories status=421", "level=INFO msg=request method=GET path=/api/stories status=400"} {
		if !strings.Contains(got, want) {
			t.Errorf("log lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "/healthz") {
		t.Errorf("a routine request was logged at info:\n%s", got)
	}
}
