package ingest_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/recoupe/recoupe/internal/ingest"
)

// TestParseHTMLDateEvidence checks that a page is dated only by evidence
// of its publication, never by a year or a date met in its prose. All
// pages are fictional.
func TestParseHTMLDateEvidence(t *testing.T) {
	page := func(head, body string) string {
		return `<html><head><title>Le club rachète le stade</title>` + head + `</head><body><article><h1>Le club rachète le stade</h1>` +
			body + para + para + `</article></body></html>`
	}
	tests := []struct {
		name, html, url, want string
	}{
		{
			name: "bare-year-in-body",
			html: page(`<meta property="article:published_time" content="">`,
				`<p>Le club fictif de Villebrune, fondé en 1997, a annoncé hier le rachat de son stade pour 45 millions d’euros, une somme inédite.</p>`),
			want: "",
		},
		{
			name: "full-date-in-body-prose",
			html: page("", `<p>Le club fictif de Villebrune, qui avait perdu son stade le 20 janvier 2009 après une faillite, a annoncé hier son rachat.</p>`),
			want: "",
		},
		{
			name: "url-date",
			html: page("", `<p>Le club fictif de Villebrune, fondé en 1997, a annoncé hier le rachat de son stade pour 45 millions d’euros.</p>`),
			url:  "https://gazette.example/2025/02/10/stade",
			want: "2025-02-10",
		},
		{
			name: "declared-date",
			html: page(`<meta property="article:published_time" content="2025-02-10T09:00:00+01:00">`, `<p>Fondé en 1997, le club fictif a annoncé hier le rachat de son stade pour 45 millions d’euros.</p>`),
			want: "2025-02-10",
		},
		{
			name: "byline-under-headline",
			html: page("", `<p>Par Jeanne Fictive, le 10 février 2025</p><p>Le club fictif, fondé en 1997, a annoncé hier le rachat de son stade pour 45 millions d’euros.</p>`),
			want: "2025-02-10",
		},
		{
			name: "first-of-month-written-out",
			html: page("", `<div class="meta">1er mars 2025</div><p>Le club fictif, fondé en 1997, a annoncé hier le rachat de son stade pour 45 millions d’euros.</p>`),
			want: "2025-03-01",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.Options{}.ParseHTML(tt.name+".html", []byte(tt.html), tt.url)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Time.Format("2006-01-02")
				if a.Published.Granularity < 3 {
					t.Errorf("Published granularity = %v, want day or finer", a.Published.Granularity)
				}
			}
			if got != tt.want {
				t.Errorf("Published = %q (%v), want %q", got, a.Published, tt.want)
			}
		})
	}
}

// TestWalkWARCCaptureBound checks that a WARC record's capture date bounds
// its page's publication date and never stands in for it. Fictional pages.
func TestWalkWARCCaptureBound(t *testing.T) {
	page := func(head string) string {
		return `<html><head><title>Le pont de Villebrune rouvre</title>` + head + `</head><body><article><h1>Le pont de Villebrune rouvre</h1>` +
			para + para + para + `</article></body></html>`
	}
	record := func(uri, date, html string) []byte {
		payload := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + fmt.Sprint(len(html)) + "\r\n\r\n" + html
		var b bytes.Buffer
		fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, date, len(payload), payload)
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(b.Bytes())
		zw.Close()
		return z.Bytes()
	}
	var arch bytes.Buffer
	arch.Write(record("https://gazette.example/a", "2025-02-11T08:00:00Z", page(`<meta property="article:published_time" content="2025-02-09T10:00:00+01:00">`)))
	arch.Write(record("https://gazette.example/b", "2025-02-11T08:00:00Z", page(`<meta property="article:published_time" content="2031-06-01T10:00:00+01:00">`)))
	arch.Write(record("https://gazette.example/c", "2025-02-11T08:00:00Z", page("")))
	dir := writeFiles(t, map[string]string{"crawl.warc.gz": arch.String()})
	got := walkAll(t, []string{filepath.Join(dir, "crawl.warc.gz")}, ingest.Options{})
	want := []string{"2025-02-09", "", ""}
	if len(got) != len(want) {
		t.Fatalf("Walk = %+v, want %d pages", got, len(want))
	}
	for i, w := range want {
		if got[i].Err != "" || got[i].Published != w {
			t.Errorf("page %d: Published = %q (err %q), want %q", i, got[i].Published, got[i].Err, w)
		}
	}
}
