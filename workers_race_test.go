//go:build race

package recoupe_test

// workersArticles is smaller under the race detector, which slows the
// extractors tenfold; run without -race for the full 5,000.
const workersArticles = 250
