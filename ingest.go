package recoupe

import (
	"context"
	"errors"
	"sync"

	"github.com/recoupe/recoupe/internal/ingest"
	"github.com/recoupe/recoupe/news"
)

// Progress is reported after each input item an ingest run finishes.
type Progress struct {
	Done int // items finished (stored, duplicate or skipped)
	// Total is the number of items known so far (it grows while feeds
	// and archives are read); 0 if unknown.
	Total  int
	Origin string
}

// Ingest reads inputs (files, folders, globs, "-" for stdin, feed URLs
// and files, HTML pages, WARC archives), extracts each article in
// parallel, and stores and assigns them in input order, so that a run is
// deterministic. An input that cannot be read is reported in the report's
// Skipped list and does not stop the run; an article already stored counts
// as a duplicate (ingest is idempotent). progress may be nil.
func (e *Engine) Ingest(ctx context.Context, inputs []string, progress func(Progress)) (news.IngestReport, error) {
	return e.ingest(ctx, inputs, e.cfg.Ingest, progress)
}

func (e *Engine) ingest(ctx context.Context, inputs []string, opts ingest.Options, progress func(Progress)) (news.IngestReport, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		n    int
		item ingest.Item
		x    news.Extraction
		done chan struct{}
	}
	jobs := make(chan *job, e.cfg.Workers*2)
	ordered := make(chan *job, e.cfg.Workers*4)

	var wg sync.WaitGroup
	for range e.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				// An article already stored (by an earlier run or by another
				// worker sharing the store) is not extracted again; commit
				// will count it as a duplicate.
				if j.item.Err == nil {
					has := func(id string) (bool, error) { return e.has(ctx, id) }
					if _, stored, err := e.identify(ctx, &j.item.Article, has); err != nil || !stored {
						j.x = e.pipe.Extract(&j.item.Article)
					}
				}
				close(j.done)
			}
		}()
	}

	// The walker feeds both the workers and, in the same order, the committer.
	walkErr := make(chan error, 1)
	total := 0
	var totalMu sync.Mutex
	go func() {
		defer close(ordered)
		defer close(jobs)
		n := 0
		walkErr <- ingest.Walk(ctx, inputs, opts, func(it ingest.Item) error {
			j := &job{n: n, item: it, done: make(chan struct{})}
			n++
			totalMu.Lock()
			total = n
			totalMu.Unlock()
			// To the workers first: a job the committer waits for must
			// be one a worker will finish.
			select {
			case jobs <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case ordered <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()

	var rep news.IngestReport
	stories := map[string]bool{}
	var err error
	done := 0
	for j := range ordered {
		<-j.done
		if err == nil {
			err = e.record(ctx, &rep, stories, j.item, j.x)
			if err != nil {
				cancel()
			}
		}
		done++
		if progress != nil {
			totalMu.Lock()
			t := total
			totalMu.Unlock()
			progress(Progress{Done: done, Total: t, Origin: j.item.Origin})
		}
	}
	wg.Wait()
	if werr := <-walkErr; err == nil && werr != nil && !errors.Is(werr, context.Canceled) {
		err = werr
	}
	if err == nil {
		err = ctx.Err()
	}
	e.log.Info("ingest done", "ingested", rep.Ingested, "duplicates", rep.Duplicates, "near", rep.Near, "skipped", len(rep.Skipped))
	return rep, err
}

// record commits one walked item and adds it to the report. Only store
// failures are returned; a bad item is a skip.
func (e *Engine) record(ctx context.Context, rep *news.IngestReport, stories map[string]bool, it ingest.Item, x news.Extraction) error {
	if errors.Is(it.Err, ingest.ErrNotModified) {
		return nil // a feed unchanged since its last poll
	}
	if it.Err != nil {
		rep.Skipped = append(rep.Skipped, news.Skip{Origin: it.Origin, Reason: it.Err.Error()})
		e.log.Info("input skipped", "origin", it.Origin, "err", it.Err)
		return nil
	}
	a := it.Article
	as, err := e.commit(ctx, &a, x)
	switch {
	case errors.Is(err, errDuplicate):
		rep.Duplicates++
		if as.StoryID == "" {
			if st, aerr := e.StoryOf(ctx, a.ID); aerr == nil {
				as.StoryID = st
			}
		}
	case err != nil:
		return err
	default:
		rep.Ingested++
		if a.DuplicateOf != "" {
			rep.Near++
		}
	}
	rep.Articles = append(rep.Articles, a.ID)
	if as.StoryID != "" && !stories[as.StoryID] {
		stories[as.StoryID] = true
		rep.Stories = append(rep.Stories, as.StoryID)
	}
	return nil
}

// has reports whether an article is stored; on a store error the worker
// extracts anyway, and commit decides.
func (e *Engine) has(ctx context.Context, id string) (bool, error) {
	e.mu.Lock()
	_, ok := e.known[id]
	e.mu.Unlock()
	if ok {
		return true, nil
	}
	return e.store.HasArticle(ctx, id)
}
