package recoupe_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recoupe/recoupe"
	"github.com/recoupe/recoupe/news"
)

// TestEntitiesAcrossStories finds one person named in two stories: the
// stadium sale of testdata/fictional and a fictional sailing race months
// later, where she is also written "Roc".
func TestEntitiesAcrossStories(t *testing.T) {
	dir := t.TempDir()
	// Fictional articles, written for this test.
	for name, text := range map[string]string{
		"voile-1.txt": "date 2031-11-20\nJeanne Roc remporte la course de voile des Deux Caps\n\n" +
			"La navigatrice Jeanne Roc a remporté dimanche la course des Deux Caps en 14 jours et 3 heures. " +
			"« La mer était terrible », a raconté Roc à l'arrivée au port de Vasque.\n",
		"voile-2.txt": "date 2031-11-21\nCourse des Deux Caps : victoire de Jeanne Roc\n\n" +
			"Jeanne Roc s'est imposée dimanche dans la course des Deux Caps, en 14 jours et 3 heures, devant Marc Lierre. " +
			"Roc avait déjà terminé deuxième en 2029.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := open(t, recoupe.MemoryDB)
	if _, err := e.Ingest(t.Context(), []string{"testdata/fictional", dir}, nil); err != nil {
		t.Fatal(err)
	}
	stadium, race := storyOf(t, e, "brume-1.txt"), storyOf(t, e, "voile-1.txt")
	if stadium == race {
		t.Fatal("the race joined the stadium story; the test needs two stories")
	}
	for _, q := range []string{"Jeanne Roc", "roc", "JEANNE", "Roc, Jeanne"} {
		got, err := e.Entities(t.Context(), q, 0)
		if err != nil {
			t.Fatalf("Entities(%q): %v", q, err)
		}
		if len(got) == 0 {
			t.Fatalf("Entities(%q) = none, want Jeanne Roc", q)
		}
		top := got[0]
		var ids []string
		for _, s := range top.Stories {
			ids = append(ids, s.ID)
		}
		if top.Name != "Jeanne Roc" || top.Type != news.PER || len(ids) != 2 || !strings.Contains(strings.Join(ids, " "), stadium) || !strings.Contains(strings.Join(ids, " "), race) {
			t.Errorf("Entities(%q)[0] = %s %s in stories %v, want Jeanne Roc PER in %s and %s", q, top.Name, top.Type, ids, stadium, race)
		}
		if top.Articles < 3 {
			t.Errorf("Entities(%q)[0].Articles = %d, want at least 3", q, top.Articles)
		}
	}
	for _, q := range []string{"Zzyzx Personne", "Roc Roc", "Jeanne Lierre"} {
		got, err := e.Entities(t.Context(), q, 0)
		for _, en := range got {
			if en.Name == "Jeanne Roc" || err != nil {
				t.Errorf("Entities(%q) = %v, %v; want no Jeanne Roc", q, got, err)
			}
		}
	}
	if got, err := e.Entities(t.Context(), "Zzyzx Personne", 0); err != nil || len(got) != 0 {
		t.Errorf("Entities(unknown) = %v, %v; want none", got, err)
	}
	if _, err := e.Entities(t.Context(), "  ", 0); err == nil {
		t.Error("Entities(blank) succeeded, want an error")
	}
}
