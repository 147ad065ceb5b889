package shareddata_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/recoupe/recoupe/internal/shareddata"
)

func TestPathFindsSeeds(t *testing.T) {
	p := shareddata.TestPath(t, "seeds", "gold.json")
	if filepath.Base(p) != "gold.json" {
		t.Fatalf("TestPath = %q, want a path ending in gold.json", p)
	}
}

func TestEnvOverrideMissing(t *testing.T) {
	t.Setenv(shareddata.EnvDir, filepath.Join(t.TempDir(), "nope"))
	if _, err := shareddata.Root(); err == nil {
		t.Fatal("Root() with a missing override = nil error, want an error")
	}
	d := t.TempDir()
	if err := os.Mkdir(filepath.Join(d, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(shareddata.EnvDir, d)
	if _, err := shareddata.Path("x"); err != nil {
		t.Fatalf("Path(x) = %v, want nil", err)
	}
	if _, err := shareddata.Path("y"); err == nil {
		t.Fatal("Path(y) = nil error, want not-exist")
	}
}
