package dedupe_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/ingest/dedupe"
)

// The texts are fictional, written for these tests.
const wire = `Le conseil municipal fictif de Villebrune a voté mardi soir un budget de 12 millions d'euros pour la rénovation du pont, après deux ans de débats. Le maire a salué un vote historique et promis que les travaux commenceraient au printemps. L'opposition a dénoncé un coût trop élevé et demandé un audit indépendant des dépenses prévues pour le chantier.`

const other = `La préfecture fictive de Brunval a annoncé la fermeture du tunnel routier pendant trois mois pour des travaux de sécurité. Les automobilistes devront emprunter une déviation de vingt kilomètres par la vallée. Les commerçants du centre craignent une baisse de la fréquentation pendant la période estivale.`

func TestAdd(t *testing.T) {
	rewrite := strings.NewReplacer("mardi soir", "mardi", "a salué", "a célébré", "dénoncé", "critiqué").Replace(wire)
	withHeadline := "Villebrune : le pont sera rénové\n\n" + wire
	x := dedupe.New()
	steps := []struct {
		id, text string
		dupOf    string
		minSim   float64
	}{
		{"a", wire, "", 0},
		{"b", other, "", 0},
		{"c", wire, "a", 1},
		{"d", rewrite, "a", 0.5},
		{"e", withHeadline, "a", 0.8},
		{"f", "Trop court pour juger.", "", 0},
		{"g", "Trop court pour juger.", "f", 1},
	}
	for _, s := range steps {
		t.Run(s.id, func(t *testing.T) {
			dup, sim := x.Add(s.id, s.text)
			if dup != s.dupOf || sim < s.minSim || (s.dupOf == "" && sim != 0) {
				t.Errorf("Add(%s) = %q, %.2f; want %q, ≥ %.2f", s.id, dup, sim, s.dupOf, s.minSim)
			}
			if s.minSim == 1 && sim != 1 {
				t.Errorf("Add(%s) similarity = %.2f, want 1 for an exact copy", s.id, sim)
			}
		})
	}
	if got, want := x.Len(), 5; got != want {
		t.Errorf("Len = %d, want %d distinct texts", got, want)
	}
	if got, want := dedupe.Explain("a", 0.92), "92% identical to a"; got != want {
		t.Errorf("Explain = %q, want %q", got, want)
	}
}

// TestDeterministic checks that the same sequence of texts gives the same
// links, whatever the map iteration order inside.
func TestDeterministic(t *testing.T) {
	texts := corpus(200, 1)
	run := func() []string {
		x := dedupe.New()
		var out []string
		for i, s := range texts {
			d, sim := x.Add(fmt.Sprint(i), s)
			out = append(out, fmt.Sprintf("%s %.4f", d, sim))
		}
		return out
	}
	a, b := run(), run()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("text %d: %q then %q", i, a[i], b[i])
		}
	}
}

// TestRecall checks near-duplicate detection on generated rewrites: each
// original is followed by a copy with ~5% of its words replaced.
func TestRecall(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	originals := corpus(300, 7)
	x := dedupe.New()
	found, false_ := 0, 0
	for i, s := range originals {
		if d, _ := x.Add(fmt.Sprint("o", i), s); d != "" {
			false_++
		}
		words := strings.Fields(s)
		for j := range words {
			if rng.IntN(20) == 0 {
				words[j] = "changé"
			}
		}
		if d, _ := x.Add(fmt.Sprint("r", i), strings.Join(words, " ")); d == fmt.Sprint("o", i) {
			found++
		}
	}
	if found < 285 {
		t.Errorf("found %d/300 rewrites, want ≥ 285", found)
	}
	if false_ > 0 {
		t.Errorf("%d independent texts reported as duplicates, want 0", false_)
	}
}

// corpus generates n random texts of 120 words from a 2,000-word vocabulary.
func corpus(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 99))
	vocab := make([]string, 2000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("mot%d", i)
	}
	out := make([]string, n)
	for i := range out {
		w := make([]string, 120)
		for j := range w {
			w[j] = vocab[rng.IntN(len(vocab))]
		}
		out[i] = strings.Join(w, " ")
	}
	return out
}

func BenchmarkAdd(b *testing.B) {
	texts := corpus(5000, 3)
	x := dedupe.New()
	i := 0
	for b.Loop() {
		x.Add(fmt.Sprint(i), texts[i%len(texts)]+fmt.Sprint(i))
		i++
	}
}

func ExampleIndex_Add() {
	x := dedupe.New()
	x.Add("agence", "Le pont fictif de Villebrune a rouvert lundi après deux ans de travaux, a annoncé la mairie.")
	dup, sim := x.Add("journal", "Le pont fictif de Villebrune a rouvert lundi après deux ans de travaux, a annoncé la mairie.")
	fmt.Println(dedupe.Explain(dup, sim))
	// Output: identical to agence
}
