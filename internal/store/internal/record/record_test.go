package record

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

func date(s string) news.Date {
	d, _ := news.ParseDate(s)
	return d
}

func TestSummarize(t *testing.T) {
	var st news.Story
	Summarize([]Member{
		{date("2025-02-10"), "fr", "Le Quotidien"}, {news.Date{}, "en", "Daily"}, {date("2025-01"), "en", ""},
		{date("2025-02-12T09:30"), "fr", "Daily"}, {date("2024"), "", "Aube"}, {news.Date{}, "de", ""}, {news.Date{}, "fr", ""},
	}, &st)
	if st.First != date("2024") || st.Last != date("2025-02-12T09:30") {
		t.Errorf("Summarize dates = %v..%v, want 2024..2025-02-12T09:30", st.First, st.Last)
	}
	if want := []string{"fr", "en", "de"}; !slices.Equal(st.Languages, want) {
		t.Errorf("Summarize languages = %v, want %v", st.Languages, want)
	}
	if want := []string{"Aube", "Daily", "Le Quotidien"}; !slices.Equal(st.Outlets, want) {
		t.Errorf("Summarize outlets = %v, want %v", st.Outlets, want)
	}
	st = news.Story{Outlets: []string{"stale"}}
	Summarize(nil, &st)
	if !st.First.IsZero() || !st.Last.IsZero() || st.Languages != nil || st.Outlets != nil {
		t.Errorf("Summarize(nil) = %+v, want zero", st)
	}
}

func TestStoryTitle(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    news.Article
		want string
	}{
		{"title", news.Article{Title: "  Un titre fictif ", Text: "Texte."}, "Un titre fictif"},
		{"short text", news.Article{Text: "Un texte\nfictif court."}, "Un texte fictif court."},
		{"long text", news.Article{Text: "un deux trois quatre cinq six sept huit neuf dix onze douze treize"},
			"un deux trois quatre cinq six sept huit neuf dix onze douze…"},
		{"empty", news.Article{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := StoryTitle(tc.a); got != tc.want {
				t.Errorf("StoryTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMicros(t *testing.T) {
	d := news.Date{Time: time.Date(1850, 3, 1, 12, 30, 0, 123456789, time.FixedZone("X", 3600)), Granularity: news.GranMinute}
	us, g, ok := Micros(d)
	if !ok {
		t.Fatal("Micros(known date) not ok")
	}
	got := FromMicros(us, g)
	if !got.Time.Equal(d.Time.Truncate(time.Microsecond)) || got.Granularity != d.Granularity {
		t.Errorf("FromMicros(Micros(%v)) = %v", d, got)
	}
	if _, _, ok := Micros(news.Date{}); ok {
		t.Error("Micros(unknown date) ok, want not")
	}
}

func TestPrepare(t *testing.T) {
	a := news.Article{ID: "a1", Text: "x"}
	var x news.Extraction
	as := news.Assignment{StoryID: "s"}
	if err := Prepare(a, &x, &as); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a1", "a1"}, []string{x.ArticleID, as.ArticleID}); diff != "" {
		t.Errorf("Prepare did not fill the article IDs (-want +got):\n%s", diff)
	}
	bad := news.Article{ID: "a2", URL: "https://example.org/\x00", Text: "x"}
	if err := Prepare(bad, &news.Extraction{}, &news.Assignment{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Prepare(NUL in url) error = %v, want ErrInvalid", err)
	}
}
