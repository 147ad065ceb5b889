package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// scenario is one kind of request to hammer.
type scenario struct {
	name string
	url  func(i int) string // the i-th request's URL
}

// result sums up one scenario's run.
type result struct {
	name     string
	requests int
	errors   int
	firstErr string
	elapsed  time.Duration
	p50, p99 time.Duration
	max      time.Duration
}

func (r result) rps() float64 { return float64(r.requests) / r.elapsed.Seconds() }

// hammer runs workers goroutines that send sc's requests back to back
// until d has passed or maxRequests were sent, whichever comes first;
// requests under way at the deadline finish (within the client's timeout)
// and count, so that a scenario slower than d still reports its latency.
// Every request whose status is not 200, or that fails, is an error.
func hammer(ctx context.Context, client *http.Client, sc scenario, workers int, d time.Duration, maxRequests int) result {
	deadline := time.Now().Add(d)
	var next atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	res := result{name: sc.name}
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Go(func() {
			var mine []time.Duration
			var errs int
			var firstErr string
			for ctx.Err() == nil && time.Now().Before(deadline) {
				i := int(next.Add(1)) - 1
				if i >= maxRequests {
					break
				}
				t0 := time.Now()
				err := get(ctx, client, sc.url(i))
				if ctx.Err() != nil {
					break // interrupted
				}
				mine = append(mine, time.Since(t0))
				if err != nil {
					errs++
					if firstErr == "" {
						firstErr = err.Error()
					}
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			res.errors += errs
			if res.firstErr == "" {
				res.firstErr = firstErr
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.requests = len(lat)
	slices.Sort(lat)
	if n := len(lat); n > 0 {
		res.p50 = lat[n*50/100]
		res.p99 = lat[min(n-1, n*99/100)]
		res.max = lat[n-1]
	}
	return res
}

func get(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	return nil
}
