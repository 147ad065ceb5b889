package recoupe_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/recoupe/recoupe"
	"github.com/recoupe/recoupe/news"
)

// writeEvents writes n fictional articles, five per invented event, and
// returns their folder.
func writeEvents(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		ev := i / 5
		text := fmt.Sprintf("date 2031-%02d-%02d\nValbourg-%d : le budget du quartier %d voté\n\n"+
			"Le conseil municipal de Valbourg-%d a voté un budget de %d millions d'euros pour le quartier Ormeau-%d (dépêche %d). "+
			"« Nous tiendrons parole », a déclaré la maire, Lucie Marlin-%d.\n",
			1+ev/28%12, 1+ev%28, ev, ev, ev, 10+ev, ev, i, ev)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// partition maps each stored article to its story.
func partition(t *testing.T, e *recoupe.Engine) map[string]string {
	t.Helper()
	sts, err := e.Store().Stories(t.Context(), news.StoryQuery{Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, s := range sts {
		for _, id := range s.Articles {
			if prev, ok := out[id]; ok {
				t.Errorf("article %s in stories %s and %s", id, prev, s.ID)
			}
			out[id] = s.ID
		}
	}
	return out
}

// TestConcurrentWorkers runs four engines (as four `recoupe ingest`
// workers would) over the same articles on one store, and checks that each
// article is stored once and the stories are those of a single-worker run.
func TestConcurrentWorkers(t *testing.T) {
	n := workersArticles
	if testing.Short() {
		n = 200
	}
	dir := writeEvents(t, n)
	for name, newDB := range stores(t) {
		t.Run(name, func(t *testing.T) {
			single := open(t, newDB(t))
			if _, err := single.Ingest(t.Context(), []string{dir}, nil); err != nil {
				t.Fatal(err)
			}
			want := partition(t, single)
			if len(want) != n {
				t.Fatalf("single run stored %d articles, want %d", len(want), n)
			}

			db := newDB(t)
			var wg sync.WaitGroup
			reps := make([]news.IngestReport, 4)
			errs := make([]error, 4)
			engines := make([]*recoupe.Engine, 4)
			for i := range engines {
				engines[i] = open(t, db)
			}
			for i, e := range engines {
				wg.Add(1)
				go func() {
					defer wg.Done()
					reps[i], errs[i] = e.Ingest(t.Context(), []string{dir}, nil)
				}()
			}
			wg.Wait()
			ingested := 0
			for i := range reps {
				if errs[i] != nil {
					t.Fatalf("worker %d: %v", i, errs[i])
				}
				ingested += reps[i].Ingested
			}
			if ingested != n {
				t.Errorf("workers ingested %d articles in all, want %d (each exactly once)", ingested, n)
			}
			got := partition(t, engines[0])
			if len(got) != n {
				t.Errorf("store holds %d articles in stories, want %d", len(got), n)
			}
			diff := 0
			for id, s := range want {
				if got[id] != s {
					diff++
				}
			}
			if diff > 0 {
				t.Errorf("%d of %d articles are in another story than in the single-worker run", diff, n)
			}
		})
	}
}
