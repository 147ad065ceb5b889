package recoupe_test

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe"
	"github.com/recoupe/recoupe/news"
)

// fictionalFeed is an RSS feed of two invented items.
const fictionalFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Le Fictif</title><link>http://example.invalid/</link>
<item><title>Le club Orage rachète le stade de Brume</title><link>http://example.invalid/1</link>
<pubDate>Tue, 11 Mar 2031 10:00:00 +0100</pubDate>
<description>Le club de football Orage a annoncé mardi le rachat du stade municipal de Brume pour 54 millions d'euros, selon la mairie, qui a confirmé la vente votée le 10 mars 2031 par le conseil municipal.</description></item>
<item><title>Éruption du volcan Gris</title><link>http://example.invalid/2</link>
<pubDate>Sun, 01 Jun 2031 08:00:00 +0200</pubDate>
<description>Le volcan Gris est entré en éruption dimanche sur l'île de Sel, forçant l'évacuation de 3 000 habitants ; un fonds d'urgence de 8 millions de dollars a été débloqué par les autorités de l'île.</description></item>
</channel></rss>`

func TestPollFeedsKeepsValidators(t *testing.T) {
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(fictionalFeed))
	}))
	defer srv.Close()

	db := filepath.Join(t.TempDir(), "r.db")
	openLoopback := func() *recoupe.Engine {
		cfg := recoupe.Config{DB: db}
		cfg.Ingest.AllowPrivate = true // the test feed is on loopback
		e, err := recoupe.Open(t.Context(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	e := openLoopback()
	if err := e.AddFeed(t.Context(), srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	rep, err := e.PollFeeds(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Ingested != 2 || len(rep.Skipped) != 0 {
		t.Fatalf("first poll = %+v, want 2 items ingested", rep)
	}
	feeds, err := e.Feeds(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 1 || feeds[0].ETag != `"v1"` || feeds[0].Polled.IsZero() {
		t.Errorf("feeds = %+v, want the ETag and poll time kept", feeds)
	}
	e.Close()

	// Another process, later: the validators come from the store.
	e = openLoopback()
	defer e.Close()
	rep, err = e.PollFeeds(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Ingested != 0 || len(rep.Skipped) != 0 {
		t.Errorf("second poll = %+v, want nothing new and nothing skipped", rep)
	}
	if full.Load() != 1 || notModified.Load() != 1 {
		t.Errorf("server sent %d full feeds and %d not-modified, want 1 and 1", full.Load(), notModified.Load())
	}
}

// fictionalEmptyFeed is an RSS feed with a title and no item.
const fictionalEmptyFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Le Fictif vide</title><link>http://example.invalid/</link></channel></rss>`

// TestPollFeedsRecordsOutcome checks that a poll records, per feed, its
// title, how many entries it saw and its error, and that a later poll
// answered "not modified" keeps them and is no error.
func TestPollFeedsRecordsOutcome(t *testing.T) {
	var broken atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			if broken.Load() {
				http.Error(w, "down", http.StatusInternalServerError)
				return
			}
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(fictionalFeed))
		case "/empty.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(fictionalEmptyFeed))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	cfg := recoupe.Config{DB: filepath.Join(t.TempDir(), "r.db")}
	cfg.Ingest.AllowPrivate = true // the test feeds are on loopback
	e, err := recoupe.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	good, empty, missing := srv.URL+"/feed.xml", srv.URL+"/empty.xml", srv.URL+"/missing.xml"
	for _, u := range []string{good, empty, missing} {
		if err := e.AddFeed(t.Context(), u); err != nil {
			t.Fatal(err)
		}
	}
	poll := func() map[string]news.Feed {
		t.Helper()
		if _, err := e.PollFeeds(t.Context()); err != nil {
			t.Fatal(err)
		}
		fs, err := e.Feeds(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]news.Feed{}
		for _, f := range fs {
			if f.Polled.IsZero() {
				t.Errorf("feed %s: no poll time", f.URL)
			}
			m[f.URL] = f
		}
		return m
	}
	type outcome struct {
		Title string
		Items int
		Error []string // substrings of the error; nil: no error
	}
	check := func(t *testing.T, got news.Feed, want outcome) {
		t.Helper()
		if got.Title != want.Title || got.Items != want.Items {
			t.Errorf("title, items = %q, %d, want %q, %d", got.Title, got.Items, want.Title, want.Items)
		}
		if (got.Error == "") != (want.Error == nil) {
			t.Errorf("error = %q, want one containing %q", got.Error, want.Error)
		}
		for _, w := range want.Error {
			if !strings.Contains(got.Error, w) {
				t.Errorf("error = %q, want it to contain %q", got.Error, w)
			}
		}
	}

	first := poll()
	for _, c := range []struct {
		name, url string
		want      outcome
	}{
		{"two items", good, outcome{Title: "Le Fictif", Items: 2}},
		{"no item", empty, outcome{Title: "Le Fictif vide", Error: []string{"no items"}}},
		{"not found", missing, outcome{Error: []string{"missing.xml", "404"}}},
	} {
		t.Run("first/"+c.name, func(t *testing.T) { check(t, first[c.url], c.want) })
	}

	// Unchanged since the first poll: the count and title stay, no error.
	second := poll()
	t.Run("not modified", func(t *testing.T) {
		check(t, second[good], outcome{Title: "Le Fictif", Items: 2})
		if second[good].Polled.Before(first[good].Polled) {
			t.Errorf("poll time went back: %v then %v", first[good].Polled, second[good].Polled)
		}
	})

	// Down: the error is recorded; the title and count stay those of the
	// last read, which a later "not modified" still answers for.
	broken.Store(true)
	third := poll()
	t.Run("down", func(t *testing.T) {
		check(t, third[good], outcome{Title: "Le Fictif", Items: 2, Error: []string{"500"}})
	})
	broken.Store(false)
	fourth := poll()
	t.Run("back, not modified", func(t *testing.T) {
		check(t, fourth[good], outcome{Title: "Le Fictif", Items: 2})
	})
}

func TestAddFeedNormalisesURL(t *testing.T) {
	e, err := recoupe.Open(t.Context(), recoupe.Config{DB: recoupe.MemoryDB})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, c := range []struct {
		name, url string
		wantErr   bool
	}{
		{"plain", "http://example.org/fictif/feed.xml", false},
		{"upper scheme and host, fragment", "HTTP://Example.ORG/fictif/feed.xml#haut", false},
		{"path case kept", "https://example.org/Fictif/Feed.xml", false},
		{"not http", "ftp://example.org/feed.xml", true},
		{"no host", "http:///feed.xml", true},
		{"no scheme", "example.org/feed.xml", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := e.AddFeed(t.Context(), c.url)
			if (err != nil) != c.wantErr {
				t.Errorf("AddFeed(%q) error = %v, want error %v", c.url, err, c.wantErr)
			}
		})
	}
	fs, err := e.Feeds(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.URL)
	}
	want := []string{"http://example.org/fictif/feed.xml", "https://example.org/Fictif/Feed.xml"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("feeds (-want +got):\n%s", diff)
	}
}
