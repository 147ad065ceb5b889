package memstore_test

import (
	"testing"

	"github.com/recoupe/recoupe/internal/store/memstore"
	"github.com/recoupe/recoupe/internal/store/storetest"
)

var _ storetest.Store = (*memstore.Store)(nil)

func open(t *testing.T) storetest.Store {
	s := memstore.New()
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func TestWorkers(t *testing.T) {
	s := memstore.New()
	defer s.Close()
	n := 5000
	if raceEnabled || testing.Short() {
		n = 1500
	}
	storetest.Workers(t, func(t *testing.T) storetest.Store { return s }, 4, n)
}
