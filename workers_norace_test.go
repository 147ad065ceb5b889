//go:build !race

package recoupe_test

// workersArticles is the size of the concurrent-workers test.
const workersArticles = 5000
