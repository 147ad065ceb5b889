//go:build race

package sqlite_test

// raceEnabled shrinks the heavier tests under the race detector, which
// slows the transpiled SQLite tenfold.
const raceEnabled = true
