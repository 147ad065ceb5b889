package entity

import (
	"slices"
	"testing"
)

func TestStreetNamesTags(t *testing.T) {
	// Fictional tokens; tags 0 O, 3 B-LOC, 4 I-LOC, 5 B-ORG, 1 B-PER.
	for _, tc := range []struct {
		words      []string
		tags, want []int
	}{
		{[]string{"demeurant", "79", ",", "avenue", "de", "la", "République", "."}, []int{0, 0, 0, 0, 0, 0, 5, 0}, []int{0, 3, 4, 4, 4, 4, 4, 0}},
		{[]string{"du", "quartier", "Sainte-Marguerite", "Duponnois"}, []int{0, 0, 3, 1}, []int{0, 3, 4, 1}},
		{[]string{"rue", "d'", "Auteuil"}, []int{0, 0, 3}, []int{3, 4, 4}},
		{[]string{"la", "Rue", "de", "Paris"}, []int{0, 0, 0, 3}, []int{0, 0, 0, 3}},      // a capitalised head is left to the model
		{[]string{"place", "de", "Paul", "Durand"}, []int{0, 0, 1, 2}, []int{3, 4, 4, 4}}, // a street named after a person
		{[]string{"12", ",", "quai", "Branly"}, []int{0, 0, 0, 0}, []int{0, 0, 0, 0}},     // no entity to extend
	} {
		got := slices.Clone(tc.tags)
		streetNames(tc.words, got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("streetNames(%q, %v) = %v, want %v", tc.words, tc.tags, got, tc.want)
		}
	}
}
