package streamgen

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

// Fictional source articles, written for this test.
var sources = []Source{
	{Event: "e1", Language: "fr", Title: "Veltrano rachète Quillon", Text: "Le groupe Veltrano rachète Quillon pour 3,2 milliards d'euros.\nMarta Ezquerro promet de garder les 800 salariés. Les syndicats de Brevanne s'inquiètent."},
	{Event: "e1", Language: "fr", Title: "Quillon passe sous pavillon Veltrano", Text: "Quillon, start-up de Brevanne, est rachetée 3,2 milliards d'euros par Veltrano. Marta Ezquerro a reçu les syndicats."},
	{Event: "e2", Language: "en", Title: "Ostravia votes", Text: "Voters in Ostravia went to the polls on Sunday.\nTurnout reached 61 percent by noon. Ilka Varenne hopes to win."},
	{Event: "e3", Language: "en", Title: "", Text: "   "},
	{Event: "e4", Language: "fr", Title: "Le JT de TV5 supprimé", Text: "La chaîne TV5 supprime le JT de 20H présenté par Lison Ardec.\nLe CSA a été saisi."},
}

func take(t *testing.T, seed uint64, n int) ([]news.Article, []string) {
	t.Helper()
	g, err := New(sources, seed, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var arts []news.Article
	var labels []string
	for range n {
		a, l := g.Next()
		arts = append(arts, a)
		labels = append(labels, l)
	}
	return arts, labels
}

func TestStream(t *testing.T) {
	const n = 3000
	arts, labels := take(t, 7, n)
	ids := map[string]string{} // article ID → label
	stories := map[string]bool{}
	for i, a := range arts {
		if i > 0 && a.Published.Time.Before(arts[i-1].Published.Time) {
			t.Fatalf("article %d dated %v before article %d (%v)", i, a.Published.Time, i-1, arts[i-1].Published.Time)
		}
		if _, dup := ids[a.ID]; dup {
			t.Fatalf("article %d: ID %s repeats", i, a.ID)
		}
		if a.Text == "" || a.Language == "" || a.Published.IsZero() {
			t.Fatalf("article %d lacks text, language or date: %+v", i, a)
		}
		if a.DuplicateOf != "" && ids[a.DuplicateOf] != labels[i] {
			t.Errorf("article %d duplicates %s, which is not an earlier article of story %s", i, a.DuplicateOf, labels[i])
		}
		ids[a.ID] = labels[i]
		stories[labels[i]] = true
	}
	if len(stories) < n/20 || len(stories) > n/2 {
		t.Errorf("%d articles form %d stories, want between %d and %d", n, len(stories), n/20, n/2)
	}
	days := arts[n-1].Published.Time.Sub(arts[0].Published.Time).Hours() / 24
	if days < 0.5 || days > 5 {
		t.Errorf("%d articles span %.1f days, want about %.1f at %d a day", n, days, float64(n)/DefaultArticlesPerDay, DefaultArticlesPerDay)
	}
}

// TestRenamed checks that no name of a source, acronyms included, reaches
// a generated article: a name every copy of one real event kept would
// make the copies one story for any reader, against the gold.
func TestRenamed(t *testing.T) {
	arts, _ := take(t, 3, 400)
	names := []string{"Veltrano", "Quillon", "Marta", "Ezquerro", "Brevanne", "Ostravia", "Ilka", "Varenne", "Lison", "Ardec", "JT", "TV5", "CSA"}
	for i, a := range arts {
		for _, w := range strings.FieldsFunc(a.Title+" "+a.Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if slices.Contains(names, w) {
				t.Fatalf("article %d keeps the source's name %q: %q", i, w, a.Title+"\n"+a.Text)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	a1, l1 := take(t, 3, 200)
	a2, l2 := take(t, 3, 200)
	if diff := cmp.Diff(a1, a2); diff != "" {
		t.Errorf("same seed, different articles (-first +second):\n%s", diff)
	}
	if !cmp.Equal(l1, l2) {
		t.Errorf("same seed, different labels")
	}
	a3, _ := take(t, 4, 200)
	if cmp.Equal(a1, a3) {
		t.Errorf("different seeds gave the same stream")
	}
}

func TestNoSource(t *testing.T) {
	for _, src := range [][]Source{
		{{Event: "x", Text: " "}},
		// Fictional: names no one (a weekday and sentence starts only), so
		// its copies could not be told apart.
		{{Event: "x", Language: "en", Title: "Two arrested", Text: "Two men were arrested on Saturday. Police said the men were held."}},
		{{Event: "x", Language: "fr", Title: "Deux interpellations", Text: "Deux hommes ont été interpellés samedi. Selon la police, ils sont en garde à vue."}},
	} {
		if _, err := New(src, 1, time.Time{}); err == nil {
			t.Errorf("New(%q): nil error, want one (no source names anyone)", src[0].Text)
		}
	}
	// A name within a sentence is enough.
	if _, err := New([]Source{{Event: "x", Language: "en", Text: "Two men were arrested in Ostravia on Saturday."}}, 1, time.Time{}); err != nil {
		t.Errorf("New with a named source: %v", err)
	}
}

// TestRedate checks that a copy of an event published at another date
// names the times of that date: the times the event names most move onto
// the story's start date, the others by the same offset per kind.
func TestRedate(t *testing.T) {
	// Fictional: the event's articles name Monday 12 March 2008 most.
	ev := []Source{
		{Language: "fr", Text: "Lundi 12 mars 2008, la mairie de Brevanne a voté. Le 1er mars, rien."},
		{Language: "fr", Text: "Le vote du lundi 12 mars 2008 divise Brevanne."},
		{Language: "en", Text: "On Monday, March 12, 2008, Brevanne voted; on Friday 16 March it resumed."},
	}
	a := anchorOf(ev)
	if want := (anchor{weekday: 0, month: 2, day: 12, year: 2008}); a != want {
		t.Fatalf("anchor = %+v, want %+v", a, want)
	}
	// Tuesday 1 January 2030.
	s := &synth{factor: 1, shift: a.shiftTo(time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC))}
	var g Generator
	tests := []struct {
		lang, in, want string
	}{
		{"fr", "Lundi 12 mars 2008", "Mardi 1 janvier 2030"},
		{"fr", "le vendredi 1er mars 2007", "le samedi 21er janvier 2029"},
		{"fr", "LUNDI", "MARDI"},
		{"fr", "fin février, 3,2 mds", "fin décembre, 3,2 mds"},
		{"en", "Monday, March 12, 2008", "Tuesday, January 1, 2030"},
		{"en", "on Sunday they may march", "on Monday they may march"},
		{"en", "in May 2009", "in March 2031"},
		{"en", "12 votes", "12 votes"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := g.rewrite(s, tt.lang, tt.in); got != tt.want {
				t.Errorf("rewrite(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	// English names count only capitalised ("may", "march" are verbs).
	eachTime("en", "you may march on sunday in 12 march", func(kind, v int) {
		t.Errorf("eachTime read a time (kind %d, value %d) in lower-case English", kind, v)
	})
}
