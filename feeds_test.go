package recoupe_test

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/recoupe/recoupe"
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
