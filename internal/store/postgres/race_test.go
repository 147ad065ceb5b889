//go:build race

package postgres_test

// raceEnabled shrinks the heavier tests under the race detector.
const raceEnabled = true
