package quote_test

import (
	"fmt"

	"github.com/recoupe/recoupe/internal/extract/quote"
	"github.com/recoupe/recoupe/news"
)

func ExampleExtractor_Extract() {
	// A fictional sentence.
	a := &news.Article{Text: "« Le budget est tenu », explique Camille Ferrand, directrice financière."}
	for _, q := range quote.New().Extract(a, nil) {
		fmt.Printf("%s: %q (%s, cue %q)\n", q.Speaker, q.Text, q.Kind, q.Cue)
	}
	// Output: Camille Ferrand: "Le budget est tenu" (direct, cue "explique")
}
