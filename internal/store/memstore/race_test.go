//go:build race

package memstore_test

// raceEnabled shrinks the heavier tests under the race detector.
const raceEnabled = true
