package entity

import "testing"

// A fictional sentence.
func TestShortCleanTextIsNotOCR(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Christie", "Vantrell", ",", "experte", "interrogée", "par", "la", "radio", ",", "rappelle", "que", "Zorbak", "dirige", "une", "société", "de", "cryptoactifs", "."}
	in := make([]tokInfo, len(words))
	c := stems{}
	r.analyze(words, in, c)
	if r.noisy([][]string{words}, [][]tokInfo{in}, c) {
		t.Error("a short clean sentence with one rare word reads as OCR")
	}
}
