//go:build !race

package money_test

const raceEnabled = false
