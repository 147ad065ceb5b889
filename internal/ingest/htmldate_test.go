package ingest_test

import (
	"testing"

	"github.com/recoupe/recoupe/internal/ingest"
)

// TestParseHTMLPublished checks the rules that weigh the page's declared
// publication date against go-htmldate's guess. All pages are fictional.
func TestParseHTMLPublished(t *testing.T) {
	page := func(head, byline string) string {
		return `<html><head><title>Budget voté à Villebrune</title>` + head + `</head><body><article><h1>Budget voté à Villebrune</h1>` +
			byline + para + para + para + `</article></body></html>`
	}
	tests := []struct {
		name, html, url, want string
	}{
		{
			name: "offset-declared-beats-url-date",
			html: page(`<meta property="article:published_time" content="2024-03-12T06:00:00-05:00">`, ""),
			url:  "https://journal.example/2024/03/10/budget-villebrune",
			want: "2024-03-12",
		},
		{
			name: "offset-declared-read-on-local-calendar",
			html: page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget voté à Villebrune","datePublished":"2024-03-12T23:30:00-05:00"}</script>`, ""),
			url:  "https://journal.example/2024/03/11/budget-villebrune",
			want: "2024-03-12",
		},
		{
			name: "far-declared-date-loses-to-url-date",
			html: page(`<meta property="article:published_time" content="2026-01-20T10:00:00+01:00">`, ""),
			url:  "https://journal.example/2024/03/10/budget-villebrune",
			want: "2024-03-10",
		},
		{
			name: "utc-declared-does-not-beat-url-date",
			html: page(`<meta property="article:published_time" content="2024-03-11T02:25:54+00:00">`, ""),
			url:  "https://journal.example/2024/03/10/budget-villebrune",
			want: "2024-03-10",
		},
		{
			name: "bare-day-time-element-beats-updated-time",
			html: page(`<meta property="og:updated_time" content="2024-03-14T18:34:20+0100"><meta name="date" content="2024-03-14T17:34:20Z">`, `<p>Publié le <time datetime="2024-03-12">12 mars 2024</time></p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2024-03-12",
		},
		{
			name: "time-element-without-declared-date",
			html: page(`<meta name="dcterms.date" content="2024-03-08T09:43+01:00">`, `<p><time datetime="2024-03-12T08:00:00+01:00">12.03.2024</time></p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2024-03-12",
		},
		{
			name: "far-time-element-loses",
			html: page(`<meta property="og:updated_time" content="2024-03-14T18:34:20+0100">`, `<p>Publié le <time datetime="2021-03-12">12 mars 2021</time></p>`),
			url:  "https://journal.example/2024/03/14/budget-villebrune",
			want: "2024-03-14",
		},
		{
			name: "timestamp-time-element-loses-to-declared-date",
			html: page(`<meta property="article:published_time" content="2024-03-10T10:00:00Z">`, `<p><time datetime="2024-03-12T08:00:00+01:00">12.03.2024</time></p>`),
			url:  "https://journal.example/2024/03/10/budget-villebrune",
			want: "2024-03-10",
		},
		{
			name: "french-byline-publie-le",
			html: page(`<meta property="og:updated_time" content="2025-02-14T18:34:20+0100">`, `<p class="byline">Mis à jour le 14 février 2025 à 18h34</p><p class="byline">Publié le 10 février 2025 à 14h30</p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2025-02-10",
		},
		{
			name: "german-byline-veroeffentlicht-am",
			html: page(``, `<p>Aktualisiert am 20.08.2019</p><p>Veröffentlicht am 16.08.2019</p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2019-08-16",
		},
		{
			name: "update-label-alone-is-not-a-publication",
			html: page(`<meta property="og:updated_time" content="2025-02-14T18:34:20+0100">`, `<p class="byline">Mis à jour le 20 février 2025 à 18h34</p>`),
			url:  "https://journal.example/2025/02/10/budget-villebrune",
			want: "2025-02-10",
		},
		{
			name: "declared-date-beats-byline-label",
			html: page(`<meta property="article:published_time" content="2025-02-10T09:00:00Z">`, `<p class="byline">Publié le 3 février 2025</p>`),
			url:  "https://journal.example/2025/02/10/budget-villebrune",
			want: "2025-02-10",
		},
		{
			name: "utc-23h-is-cet-midnight",
			html: page(`<meta property="article:published_time" content="2024-03-11T23:00:00.000Z">`, ""),
			url:  "https://journal.example/budget-villebrune",
			want: "2024-03-12",
		},
		{
			name: "utc-22h-is-cest-midnight",
			html: page(`<meta property="article:published_time" content="2024-06-11T22:00Z">`, ""),
			url:  "https://journal.example/budget-villebrune",
			want: "2024-06-12",
		},
		{
			name: "utc-23h17-stays",
			html: page(`<meta property="article:published_time" content="2024-03-11T23:17:00Z">`, ""),
			url:  "https://journal.example/budget-villebrune",
			want: "2024-03-11",
		},
		{
			name: "byline-date-under-h1-beats-updated-time",
			html: page(`<meta property="og:updated_time" content="2019-05-20T10:00:00+02:00">`, `<p class="auteur">Par Jeanne Fictive | 3 mars 2019</p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2019-03-03",
		},
		{
			name: "byline-date-under-h1-loses-to-declared-date",
			html: page(`<meta property="article:published_time" content="2019-03-14T10:00:00Z">`, `<p class="auteur">Par Jeanne Fictive | 3 mars 2019</p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2019-03-14",
		},
		{
			name: "byline-date-under-h1-loses-to-url-date",
			html: page(``, `<p class="auteur">Par Jeanne Fictive | 3 mars 2019</p>`),
			url:  "https://journal.example/2019/03/14/budget-villebrune",
			want: "2019-03-14",
		},
		{
			name: "update-under-h1-is-not-a-byline-date",
			html: page(`<meta property="og:updated_time" content="2019-05-20T10:00:00+02:00">`, `<p class="auteur">Mis à jour le 3 mars 2019</p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2019-05-20",
		},
		{
			name: "dotted-visible-date-beats-its-month-first-reading",
			html: page(`<meta name="date" content="11/03/2019 12:43:42">`, `<p>Erstellt am: 03.11.2019</p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2019-11-03",
		},
		{
			name: "slashed-visible-date-does-not-overrule",
			html: page(`<meta property="article:published_time" content="2019-11-03T12:00:00-05:00">`, `<p class="auteur">Par Jeanne Fictive | 11/03/2019</p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2019-11-03",
		},
		{
			name: "visible-local-clock-of-declared-utc-time",
			html: page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget voté à Villebrune","datePublished":"Wed, 06 Mar 2019 02:41:00 GMT"}</script>`, `<p class="auteur">Par Jeanne Fictive | 05/03/2019 22:41</p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2019-03-05",
		},
		{
			name: "date-classed-element-backs-the-guess",
			html: page(`<meta property="og:updated_time" content="2019-03-14T18:00:00+01:00">`, `<p>Dossier du 3 mars 2019</p><p class="post-date">14 mars 2019</p>`),
			url:  "https://journal.example/budget-villebrune",
			want: "2019-03-14",
		},
		{
			name: "first-time-element-on-undeclared-page",
			html: `<html><head><title>Budget voté à Villebrune</title></head><body><article><h1>Budget voté à Villebrune</h1>` + para + para + para +
				`<p><time datetime="2019-12-12 12:22">12.12.2019 12:22</time></p>` + para + para + `</article><aside><ul>` +
				`<li><a href="/a">Marché fictif</a> <time datetime="2019-08-10 11:05">10.08.2019 11:05</time></li>` +
				`<li><a href="/b">Pont fictif</a> <time datetime="2019-06-28 09:28">28.06.2019 09:28</time></li></ul></aside></body></html>`,
			url:  "https://journal.example/budget-villebrune",
			want: "2019-12-12",
		},
		{
			name: "guess-on-modification-day-loses-to-declared-publication",
			html: page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget voté à Villebrune","datePublished":"2019-03-12T05:49:28+00:00","dateModified":"2019-03-11T16:55:21+00:00"}</script>`+
				`<meta property="article:modified_time" content="2019-03-11T16:55:21+00:00">`, ``),
			url:  "https://journal.example/budget-villebrune",
			want: "2019-03-12",
		},
		{
			name: "comment-date-does-not-back-the-guess",
			html: page(`<meta property="og:updated_time" content="2019-05-20T10:00:00+02:00">`, `<p class="auteur">Par Jeanne Fictive | 3 mars 2019</p>`) +
				`<div class="comments"><p class="date">20 mai 2019</p><p>Très bon article fictif.</p></div>`,
			url:  "https://journal.example/budget-villebrune",
			want: "2019-03-03",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.Options{}.ParseHTML(tt.name+".html", []byte(tt.html), tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Published.Time.Format("2006-01-02"); got != tt.want || a.Published.IsZero() {
				t.Errorf("Published = %s (%v), want %s", got, a.Published, tt.want)
			}
		})
	}
}
