package server

import (
	"net/url"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

func TestParseStoryQuery(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		query   string
		want    news.StoryQuery
		wantErr bool
	}{
		{"defaults", "", news.StoryQuery{Limit: DefaultPageSize}, false},
		{"all filters", "q=+Musk+&lang=fr&outlet=Le%20Monde&entity=OpenAI&from=2025-02&to=2025-02-28&limit=5&offset=10",
			news.StoryQuery{Text: "Musk", Language: "fr", Outlet: "Le Monde", Entity: "OpenAI",
				From: news.Date{Time: day(2025, 2, 1), Granularity: news.GranMonth},
				To:   news.Date{Time: day(2025, 2, 28), Granularity: news.GranDay}, Limit: 5, Offset: 10}, false},
		{"same day range", "from=2025-02-10&to=2025-02-10",
			news.StoryQuery{From: news.Date{Time: day(2025, 2, 10), Granularity: news.GranDay},
				To: news.Date{Time: day(2025, 2, 10), Granularity: news.GranDay}, Limit: DefaultPageSize}, false},
		{"language in capitals", "lang=FR", news.StoryQuery{Language: "fr", Limit: DefaultPageSize}, false},
		{"limit clamped", "limit=100000", news.StoryQuery{Limit: MaxPageSize}, false},
		{"huge limit clamped", "limit=99999999999999999999999", news.StoryQuery{Limit: MaxPageSize}, false},
		{"huge negative offset", "offset=-99999999999999999999999", news.StoryQuery{}, true},
		{"zero limit", "limit=0", news.StoryQuery{}, true},
		{"float limit", "limit=1.5", news.StoryQuery{}, true},
		{"bad date", "from=10/02/2025", news.StoryQuery{}, true},
		{"reversed range", "from=2025-03-01&to=2025-02-28", news.StoryQuery{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := parseStoryQuery(v)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseStoryQuery(%q) error = %v, want error %v", tt.query, err, tt.wantErr)
			}
			if err == nil {
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("parseStoryQuery(%q) (-want +got):\n%s", tt.query, diff)
				}
			} else if statusOf(err) != 400 {
				t.Errorf("parseStoryQuery(%q) error %v has status %d, want 400", tt.query, err, statusOf(err))
			}
		})
	}
}

func TestSourceLabel(t *testing.T) {
	for i, want := range map[int]string{0: "A", 1: "B", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := sourceLabel(i); got != want {
			t.Errorf("sourceLabel(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestUploadName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"article.txt", "article.txt"},
		{`C:\Users\me\page.html`, "page.html"},
		{"../../etc/passwd", "passwd"},
		{"..", "def"},
		{"", "def"},
		{"a\x00b\nc.txt", "abc.txt"},
		{"\xff\xfe.txt", ".txt"},
	} {
		if got := uploadName(tt.in, "def"); got != tt.want {
			t.Errorf("uploadName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSVSafe(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+33 1", "'+33 1"},
		{"-12.5", "-12.5"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"97,4 milliards", "97,4 milliards"},
		{"", ""},
	} {
		if got := csvSafe(tt.in); got != tt.want {
			t.Errorf("csvSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
