package streamgen

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

// Fictional source articles, written for this test.
var sources = []Source{
	{Event: "e1", Language: "fr", Title: "Veltrano rachète Quillon", Text: "Le groupe Veltrano rachète Quillon pour 3,2 milliards d'euros.\nMarta Ezquerro promet de garder les 800 salariés. Les syndicats de Brevanne s'inquiètent."},
	{Event: "e1", Language: "fr", Title: "Quillon passe sous pavillon Veltrano", Text: "Quillon, start-up de Brevanne, est rachetée 3,2 milliards d'euros par Veltrano. Marta Ezquerro a reçu les syndicats."},
	{Event: "e2", Language: "en", Title: "Ostravia votes", Text: "Voters in Ostravia went to the polls on Sunday.\nTurnout reached 61 percent by noon. Ilka Varenne hopes to win."},
	{Event: "e3", Language: "en", Title: "", Text: "   "},
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
	if _, err := New([]Source{{Event: "x", Text: " "}}, 1, time.Time{}); err == nil {
		t.Errorf("New with no usable source: nil error, want one")
	}
}
