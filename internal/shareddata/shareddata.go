// Package shareddata finds the project's shared data sets (../shared/data
// beside the repository), which tests, benchmarks and evaluation commands
// read but the repository never copies.
package shareddata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// EnvDir names an environment variable that overrides the data folder.
const EnvDir = "RECOUPE_SHARED_DATA"

// ErrMissing is returned when the shared data folder cannot be found.
var ErrMissing = errors.New("shared data folder not found (expected ../shared/data beside the repository, or $" + EnvDir + ")")

// Root returns the shared data folder: $RECOUPE_SHARED_DATA if set, else
// ../shared/data next to the module root found by walking up from the
// working directory.
func Root() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		if _, err := os.Stat(d); err != nil {
			return "", fmt.Errorf("shareddata: %s=%s: %w", EnvDir, d, err)
		}
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "data")
			if _, err := os.Stat(d); err == nil {
				return filepath.Clean(d), nil
			}
			return "", ErrMissing
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrMissing
		}
		dir = parent
	}
}

// Path joins elem to the shared data folder and returns an error naming
// the path if it does not exist.
func Path(elem ...string) (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("shareddata: %w", err)
	}
	return p, nil
}

// TestPath is Path for tests and benchmarks: it skips tb with a clear
// message when the shared data is absent.
func TestPath(tb testing.TB, elem ...string) string {
	tb.Helper()
	p, err := Path(elem...)
	if err != nil {
		tb.Skipf("skipping: %v", err)
	}
	return p
}
