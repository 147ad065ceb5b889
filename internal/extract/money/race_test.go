//go:build race

package money_test

// raceEnabled shrinks the linear-time inputs under the race detector,
// which slows the scanner about tenfold.
const raceEnabled = true
