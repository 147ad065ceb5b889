//go:build !unix

package sqlite

import "context"

// assignLock, where flock(2) is missing, only serialises the goroutines
// that share one DB: several handles or processes on one file need a unix
// system.
type assignLock struct{ slot chan struct{} }

func newAssignLock(string) *assignLock { return &assignLock{slot: make(chan struct{}, 1)} }

func (l *assignLock) acquire(ctx context.Context) (func(), error) {
	select {
	case l.slot <- struct{}{}:
		return func() { <-l.slot }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
