package main

import (
	"math"
	"testing"
)

func TestPairRankingScores(t *testing.T) {
	tests := []struct {
		name    string
		ps      []scoredPair
		ap, auc float64
	}{
		{"perfect", []scoredPair{{s: 0.9, same: true}, {s: 0.8, same: true}, {s: 0.1}, {s: 0.05}}, 1, 1},
		{"inverted", []scoredPair{{s: 0.1, same: true}, {s: 0.9}}, 0.5, 0},
		// Ranked: same, other, same: AP = (1/1 + 2/3) / 2; AUC: of the two
		// (same, other) orderings, one is right.
		{"mixed", []scoredPair{{s: 0.9, same: true}, {s: 0.5}, {s: 0.2, same: true}}, (1 + 2.0/3) / 2, 0.5},
		{"tie", []scoredPair{{s: 0.5, same: true}, {s: 0.5}}, -1, 0.5}, // AP of a tie depends on the order: not checked
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := averagePrecision(append([]scoredPair(nil), tt.ps...)); tt.ap >= 0 && math.Abs(got-tt.ap) > 1e-9 {
				t.Errorf("averagePrecision = %v, want %v", got, tt.ap)
			}
			if got := auc(append([]scoredPair(nil), tt.ps...)); math.Abs(got-tt.auc) > 1e-9 {
				t.Errorf("auc = %v, want %v", got, tt.auc)
			}
		})
	}
}
