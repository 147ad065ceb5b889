package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/server"
	"github.com/recoupe/recoupe/news"
)

// fictionalFeed is an RSS feed of two fictional articles.
const fictionalFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Gazette fictive</title><link>%[1]s/</link><description>Fictional test feed</description>
<item><title>Fictive SA rachète Exemple</title><link>%[1]s/a1</link><pubDate>Mon, 03 Mar 2025 10:00:00 +0000</pubDate>
<description>La société Fictive SA, inventée pour ce test, rachète Exemple pour 12 millions d'euros, a annoncé sa présidente Jeanne Fictif lundi 3 mars 2025.</description></item>
<item><title>Exemple change de mains</title><link>%[1]s/a2</link><pubDate>Tue, 04 Mar 2025 09:00:00 +0000</pubDate>
<description>Exemple passe sous le contrôle de Fictive SA pour 12 millions d'euros. « Une belle union », a déclaré Jeanne Fictif, présidente de Fictive SA.</description></item>
</channel></rss>`

// TestFeeds adds a feed served on loopback (allowed by AllowPrivate),
// lists it and polls it.
func TestFeeds(t *testing.T) {
	var feedURL string
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/rss.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, fictionalFeed, strings.TrimSuffix(feedURL, "/rss.xml"))
	}))
	t.Cleanup(feedSrv.Close)
	feedURL = feedSrv.URL + "/rss.xml"

	strict := newEnv(t, server.Options{})
	if status, _, body := do(t, "POST", strict.srv.URL+"/api/feeds", "application/json",
		strings.NewReader(`{"url":"`+feedURL+`"}`)); status != http.StatusBadRequest {
		t.Errorf("adding a loopback feed without AllowPrivate = %d %s, want 400", status, body)
	}

	e := newEnv(t, server.Options{AllowPrivate: true})
	if status, _, body := do(t, "POST", e.srv.URL+"/api/feeds", "application/json",
		strings.NewReader(`{"url":"`+feedURL+`"}`)); status != http.StatusCreated {
		t.Fatalf("POST /api/feeds = %d %s, want 201", status, body)
	}
	// The same feed written otherwise is the same feed, and the reply
	// names the stored form.
	shout := "HTTP://" + strings.TrimPrefix(feedURL, "http://") + "#haut"
	if status, _, body := do(t, "POST", e.srv.URL+"/api/feeds", "application/json",
		strings.NewReader(`{"url":"`+shout+`"}`)); status != http.StatusCreated || !strings.Contains(string(body), `"`+feedURL+`"`) {
		t.Errorf("POST /api/feeds %s = %d %s, want 201 naming %s", shout, status, body, feedURL)
	}
	var list struct {
		Feeds []news.Feed `json:"feeds"`
	}
	getJSON(t, e.srv.URL+"/api/feeds", &list)
	if len(list.Feeds) != 1 || list.Feeds[0].URL != feedURL {
		t.Fatalf("GET /api/feeds = %+v, want the one feed %s", list.Feeds, feedURL)
	}
	status, _, body := do(t, "POST", e.srv.URL+"/api/feeds/poll", "", nil)
	if status != http.StatusOK {
		t.Fatalf("POST /api/feeds/poll = %d %s", status, body)
	}
	var rep news.IngestReport
	if err := json.Unmarshal(body, &rep); err != nil {
		t.Fatal(err)
	}
	t.Logf("poll: %+v", rep)
	if rep.Ingested+rep.Duplicates != 2 {
		t.Errorf("poll ingested %d (+%d duplicates), want the feed's 2 items", rep.Ingested, rep.Duplicates)
	}
}
