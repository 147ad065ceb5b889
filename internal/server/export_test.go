package server_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/server"
	"github.com/recoupe/recoupe/news"
)

// firstStory returns the listed story with the most sources and its brief.
func firstStory(t *testing.T, e *env) news.Brief {
	t.Helper()
	var list struct {
		Stories []news.StorySummary `json:"stories"`
	}
	getJSON(t, e.srv.URL+"/api/stories?limit=200", &list)
	if len(list.Stories) == 0 {
		t.Fatal("no story listed")
	}
	top := list.Stories[0]
	for _, s := range list.Stories {
		if s.Sources > top.Sources {
			top = s
		}
	}
	var b news.Brief
	getJSON(t, e.srv.URL+"/api/stories/"+url.PathEscape(top.ID), &b)
	return b
}

func TestExports(t *testing.T) {
	e := newEnv(t, server.Options{})
	b := firstStory(t, e)
	base := e.srv.URL + "/api/stories/" + url.PathEscape(b.StoryID) + "/export."
	get := func(t *testing.T, ext, ctype string) []byte {
		t.Helper()
		status, hdr, body := do(t, "GET", base+ext, "", nil)
		if status != http.StatusOK {
			t.Fatalf("GET export.%s = %d %s", ext, status, body)
		}
		if got := hdr.Get("Content-Type"); !strings.HasPrefix(got, ctype) {
			t.Errorf("export.%s Content-Type = %q, want %s", ext, got, ctype)
		}
		if got := hdr.Get("Content-Disposition"); !strings.HasPrefix(got, "attachment;") || !strings.Contains(got, "."+ext+`"`) {
			t.Errorf("export.%s Content-Disposition = %q, want an attachment named *.%s", ext, got, ext)
		}
		return body
	}
	t.Run("json", func(t *testing.T) {
		var got news.Brief
		if err := json.Unmarshal(get(t, "json", "application/json"), &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(b, got); diff != "" {
			t.Errorf("export.json differs from the brief (-want +got):\n%s", diff)
		}
	})
	t.Run("jsonl", func(t *testing.T) {
		sc := bufio.NewScanner(bytes.NewReader(get(t, "jsonl", "application/jsonl")))
		sc.Buffer(nil, 1<<20)
		var n int
		types := map[string]int{}
		for sc.Scan() {
			var line struct {
				StoryID, Type string
				news.Check
			}
			var head struct {
				StoryID string `json:"story_id"`
				Type    string `json:"type"`
			}
			if err := json.Unmarshal(sc.Bytes(), &head); err != nil {
				t.Fatalf("line %d: %v", n+1, err)
			}
			line.StoryID, line.Type = head.StoryID, head.Type
			if head.Type == "fact" {
				if err := json.Unmarshal(sc.Bytes(), &line.Check); err != nil {
					t.Fatalf("line %d: %v", n+1, err)
				}
			}
			if n < len(b.Facts) && (line.StoryID != b.StoryID || line.Type != "fact" || !cmp.Equal(line.Check, b.Facts[n])) {
				t.Errorf("line %d = %+v, want fact %d of story %s", n+1, line, n, b.StoryID)
			}
			types[line.Type]++
			n++
		}
		want := map[string]int{}
		for typ, n := range map[string]int{"fact": len(b.Facts), "quote": len(b.Quotes), "entity": len(b.Entities),
			"article": len(b.Articles), "event": len(b.Timeline), "why": len(b.Why)} {
			if n > 0 {
				want[typ] = n
			}
		}
		if !cmp.Equal(types, want) {
			t.Errorf("export.jsonl lines by type = %v, want %v", types, want)
		}
	})
	t.Run("csv", func(t *testing.T) {
		rows, err := csv.NewReader(bytes.NewReader(get(t, "csv", "text/csv"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := 1 // header
		for _, f := range b.Facts {
			if len(f.Sides) > 0 {
				for _, s := range f.Sides {
					want += len(s.Sources)
				}
			} else {
				want += len(f.Sources)
			}
		}
		for _, q := range b.Quotes {
			want += len(q.Variants)
		}
		if len(rows) != want {
			t.Errorf("export.csv has %d rows, want %d (header + every citation and quote variant)", len(rows), want)
		}
		if len(rows) > 0 && (rows[0][0] != "story_id" || rows[0][1] != "record") {
			t.Errorf("export.csv header = %q", rows[0])
		}
	})
	t.Run("md", func(t *testing.T) {
		md := string(get(t, "md", "text/markdown"))
		for _, s := range []string{"# ", "## Sources", "## Conflicts", "## Agreed facts", "## Quotes", "## Timeline"} {
			if !strings.Contains(md, s) {
				t.Errorf("export.md lacks %q", s)
			}
		}
		if got := len(regexp.MustCompile(`(?m)^\d+\. `+"`").FindAllString(md, -1)); got != len(b.Articles) {
			t.Errorf("export.md lists %d sources, want %d", got, len(b.Articles))
		}
		if strings.Contains(md, "<script") {
			t.Error("export.md carries raw HTML")
		}
	})
}

// TestPages loads each page and checks its status, type and policy.
func TestPages(t *testing.T) {
	e := newEnv(t, server.Options{})
	b := firstStory(t, e)
	for _, p := range []string{
		"/", "/add", "/?q=a&lang=fr&from=2020&to=2030-12-31", "/?offset=1&limit=1",
		"/stories/" + url.PathEscape(b.StoryID),
		"/articles/" + url.PathEscape(b.Articles[0].ID),
		"/articles/" + url.PathEscape(b.Articles[0].ID) + "?hl=0-5",
		"/articles/" + url.PathEscape(b.Articles[0].ID) + "?hl=5-999999999",
	} {
		t.Run(p, func(t *testing.T) {
			status, hdr, body := do(t, "GET", e.srv.URL+p, "", nil)
			if status != http.StatusOK {
				t.Fatalf("GET %s = %d: %.300s", p, status, body)
			}
			if got := hdr.Get("Content-Type"); got != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", got)
			}
			if got := hdr.Get("Content-Security-Policy"); !strings.Contains(got, "script-src 'self'") {
				t.Errorf("Content-Security-Policy = %q", got)
			}
			if bytes.Contains(body, []byte("<script>")) {
				t.Error("page has an inline script")
			}
		})
	}
}

func TestIngestAPI(t *testing.T) {
	e := newEnv(t, server.Options{})
	text := "Une histoire fictive\n\nLa société Fictive SA, créée pour ce test, annonce 12 millions d'euros de ventes le 4 mars 2025.\n"
	post := func(t *testing.T) news.IngestReport {
		t.Helper()
		status, _, body := do(t, "POST", e.srv.URL+"/api/articles?name=fictive.txt", "text/plain; charset=utf-8", strings.NewReader(text))
		if status != http.StatusCreated && status != http.StatusOK {
			t.Fatalf("POST /api/articles = %d %s", status, body)
		}
		var r news.IngestReport
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	first := post(t)
	if first.Ingested != 1 || len(first.Articles) != 1 {
		t.Fatalf("first ingest = %+v, want 1 ingested article", first)
	}
	again := post(t)
	if again.Ingested != 0 || again.Duplicates != 1 {
		t.Errorf("second ingest = %+v, want 0 ingested, 1 duplicate", again)
	}
	var art struct {
		Article news.Article `json:"article"`
	}
	getJSON(t, e.srv.URL+"/api/articles/"+first.Articles[0], &art)
	if !strings.Contains(art.Article.Text, "Fictive SA") {
		t.Errorf("stored text = %q, want the posted text", art.Article.Text)
	}
}

// TestStoryFilters checks that the list's filters reach the engine: the
// seeds' story is found by its own entity, language and month, and not
// by another language or year.
func TestStoryFilters(t *testing.T) {
	e := newEnv(t, server.Options{})
	b := firstStory(t, e)
	if len(b.Entities) == 0 || b.Articles[0].Language == "" {
		t.Skip("the brief has no entity or language to filter on")
	}
	month := "2025-02"
	for _, a := range b.Articles {
		if len(a.Published) >= 7 {
			month = a.Published[:7]
		}
	}
	tests := []struct {
		name  string
		query url.Values
		want  bool
	}{
		{"entity", url.Values{"entity": {b.Entities[0].Name}}, true},
		{"language", url.Values{"lang": {b.Articles[0].Language}}, true},
		{"month", url.Values{"from": {month}, "to": {month}}, true},
		{"other language", url.Values{"lang": {"xx"}}, false},
		{"other year", url.Values{"from": {"1990"}, "to": {"1990"}}, false},
		{"unknown entity", url.Values{"entity": {"Nobody Fictional Zzyzx"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var list struct {
				Stories []news.StorySummary `json:"stories"`
				Total   int                 `json:"total"`
			}
			getJSON(t, e.srv.URL+"/api/stories?limit=200&"+tt.query.Encode(), &list)
			found := false
			for _, s := range list.Stories {
				found = found || s.ID == b.StoryID
			}
			if found != tt.want {
				t.Errorf("GET /api/stories?%s lists story %s: %v, want %v (total %d)", tt.query.Encode(), b.StoryID, found, tt.want, list.Total)
			}
			if list.Total < len(list.Stories) {
				t.Errorf("total %d < %d stories listed", list.Total, len(list.Stories))
			}
		})
	}
}

// TestStoryPageExplainsMerges checks that the story page shows why each
// alias was merged into its entity.
func TestStoryPageExplainsMerges(t *testing.T) {
	e := newEnv(t, server.Options{})
	b := firstStory(t, e)
	_, _, body := do(t, "GET", e.srv.URL+"/stories/"+url.PathEscape(b.StoryID), "", nil)
	n := 0
	for _, ent := range b.Entities {
		for _, m := range ent.Merges {
			n++
			if !bytes.Contains(body, []byte(template.HTMLEscapeString(m))) {
				t.Errorf("story page lacks the merge explanation %q", m)
			}
		}
	}
	if n == 0 {
		t.Fatal("the seed story has no merged aliases to explain")
	}
}
