//go:build unix

package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// lockPoll is how often a waiter retries the file lock.
const lockPoll = 5 * time.Millisecond

// assignLock is a mutex shared by the goroutines of this process (a
// one-slot channel, so a waiter can give up with its context) and, through
// flock(2), with other processes.
type assignLock struct {
	path string
	slot chan struct{}
}

var (
	locksMu sync.Mutex
	locks   = map[string]*assignLock{} // by absolute path
)

// newAssignLock returns the lock for the file at path, shared by all the
// DBs of this process open on it, so that their goroutines queue in Go
// and only processes poll the file lock.
func newAssignLock(path string) *assignLock {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	locksMu.Lock()
	defer locksMu.Unlock()
	l, ok := locks[path]
	if !ok {
		l = &assignLock{path: path, slot: make(chan struct{}, 1)}
		locks[path] = l
	}
	return l
}

func (l *assignLock) acquire(ctx context.Context) (func(), error) {
	select {
	case l.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	f, err := os.OpenFile(l.path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		<-l.slot
		return nil, fmt.Errorf("sqlite: assignment lock: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if err != syscall.EWOULDBLOCK && err != syscall.EINTR {
			f.Close()
			<-l.slot
			return nil, fmt.Errorf("sqlite: assignment lock %s: %w", l.path, err)
		}
		select {
		case <-time.After(lockPoll):
		case <-ctx.Done():
			f.Close()
			<-l.slot
			return nil, ctx.Err()
		}
	}
	return func() {
		f.Close() // releases the flock
		<-l.slot
	}, nil
}
