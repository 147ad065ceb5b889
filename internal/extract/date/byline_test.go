package date_test

import (
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/extract/date"
)

// TestAloneOnLineBylines checks which lines date the article rather than
// the news: datelines and posting bylines, not news sentences. Every line
// is fictional; the date is the part between brackets.
func TestAloneOnLineBylines(t *testing.T) {
	tests := []struct {
		name, line string
		want       bool
	}{
		{"bare-date", "[Friday, May 3, 2013]", true},
		{"published-date", "Published: [May 3, 2013] 10: 34 PM EDT", true},
		{"publie-le-mis-a-jour", "Publié le [3 mars 2031] à 9h30", true},
		{"posted-in-section-on", "On behalf of Example & Partners, LLP. posted in Bicycle Accidents on [Friday, May 3, 2013].", true},
		{"byline-posted-on", "By Ann Example, posted on [May 3, 2013]", true},
		{"byline-bar-updated", "By Ann Example | Updated [May 3, 2013] 6: 03 PM ET", true},
		{"par-publie-dans-section-le", "Par Jeanne Fictive | Publié dans Vie Locale le [3 mars 2031]", true},
		{"par-mis-a-jour-le", "Par Jeanne Fictive, mis à jour le [3 mars 2031] à 18h", true},
		{"news-posted-on-website", "Examplenet posted on its website that the service was restored on [3 May 2013].", false},
		{"news-report-published", "The report, published on [May 3, 2013].", false},
		{"news-sentence", "The bridge of the fictional town reopened on [May 3, 2013].", false},
		{"news-posted-in-statement", "The police posted in a statement on [May 3, 2013].", false},
		{"text-after-date", "Posted on [May 3, 2013] by the fictional council after a vote", false},
		{"news-publie-dans-journal", "Un sondage publié dans un journal le [3 mars 2031].", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.IndexByte(tt.line, '[')
			end := strings.IndexByte(tt.line, ']') - 1
			text := "Titre fictif\n" + strings.Replace(strings.Replace(tt.line, "[", "", 1), "]", "", 1) + "\nSuite du texte."
			off := len("Titre fictif\n")
			if got := date.AloneOnLine(text, off+start, off+end); got != tt.want {
				t.Errorf("AloneOnLine(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

// FuzzAloneOnLine checks that any text and offsets give an answer without
// panicking, the same one twice.
func FuzzAloneOnLine(f *testing.F) {
	f.Add("Par Jeanne Fictive | Publié dans Vie Locale le 3 mars 2031\nSuite.", 46, 58)
	f.Add("On behalf of Example, LLP. posted in News on May 3, 2013.", 44, 55)
	f.Add("posted", -1, 3)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		got := date.AloneOnLine(text, start, end)
		if again := date.AloneOnLine(text, start, end); again != got {
			t.Errorf("AloneOnLine(%q, %d, %d) = %v then %v", text, start, end, got, again)
		}
	})
}
