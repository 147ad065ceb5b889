package main

import (
	"math"
	"testing"
)

func TestAEBMetric(t *testing.T) {
	gold := "Le pont fictif de Villebrune a rouvert lundi après deux ans de travaux"
	tests := []struct {
		name, pred string
		p, r       float64
	}{
		{"identical", gold, 1, 1},
		{"whitespace-and-punctuation-ignored", "Le pont fictif de Villebrune, a rouvert\nlundi après deux ans de travaux !", 1, 1},
		{"empty", "", 0, 0},
		// 13 + 13 tokens: 23 shingles, the 10 of the gold among them.
		{"extra-text", gold + " puis la mairie fictive a organisé une fête pour les habitants du quartier", 10.0 / 23, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := pageCounts(tt.pred, gold)
			if p, r := pagePrecision(c), pageRecall(c); math.Abs(p-tt.p) > 0.01 || math.Abs(r-tt.r) > 0.01 {
				t.Errorf("precision, recall = %.3f, %.3f; want %.3f, %.3f", p, r, tt.p, tt.r)
			}
		})
	}
	p, r, f1 := aebScore([]counts{pageCounts(gold, gold), pageCounts("", gold)})
	if p != 0.5 || r != 0.5 || f1 != 0.5 {
		t.Errorf("aebScore = %v %v %v, want 0.5 each (mean over pages)", p, r, f1)
	}
}

func TestSegmentMetric(t *testing.T) {
	c := evalSegments("Le pont  fictif\na rouvert. Menu Accueil", []string{"pont fictif a rouvert", "absent"}, []string{"Menu Accueil", "Pied de page"})
	if want := (segCounts{tp: 1, fn: 1, fp: 1, tn: 1}); c != want {
		t.Errorf("evalSegments = %+v, want %+v", c, want)
	}
	p, r, acc, f1 := c.scores()
	if p != 0.5 || r != 0.5 || acc != 0.5 || f1 != 0.5 {
		t.Errorf("scores = %v %v %v %v, want 0.5 each", p, r, acc, f1)
	}
}
