package recoupe

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/recoupe/recoupe/internal/ingest"
	"github.com/recoupe/recoupe/internal/ingest/dedupe"
	"github.com/recoupe/recoupe/internal/pipeline"
	"github.com/recoupe/recoupe/internal/store/memstore"
	"github.com/recoupe/recoupe/internal/store/sqlite"
	"github.com/recoupe/recoupe/internal/story"
	"github.com/recoupe/recoupe/news"
)

// DefaultDB is the SQLite file used when Config.DB is empty.
const DefaultDB = "recoupe.db"

// MemoryDB selects the in-memory store.
const MemoryDB = ":memory:"

// Config configures an Engine.
type Config struct {
	// DB is a SQLite file path, a postgres:// (or postgresql://) URL, or
	// MemoryDB. Empty means DefaultDB.
	DB string
	// Logger receives the engine's logs; nil discards them.
	Logger *slog.Logger
	// Ingest configures reading inputs (size caps, private addresses, …).
	Ingest ingest.Options
	// Workers is the number of articles extracted in parallel; 0 means
	// GOMAXPROCS.
	Workers int
	// Story tunes the story clusterer; the zero value takes its defaults.
	Story story.Options
}

// Store is what the engine needs from storage: the pipeline's contract
// plus listing, search, manual moves, feeds and the assignment lock.
type Store interface {
	pipeline.Store
	Articles(ctx context.Context, q pipeline.ArticleQuery) ([]news.Article, error)
	Search(ctx context.Context, q string, limit int) ([]news.SearchHit, error)
	MoveArticle(ctx context.Context, articleID, storyID string) error
	AddFeed(ctx context.Context, url string) error
	Feeds(ctx context.Context) ([]news.Feed, error)
	UpdateFeed(ctx context.Context, f news.Feed) error
	LockAssign(ctx context.Context) (unlock func(), err error)
}

// Engine ingests articles into a store and writes briefs of its stories.
type Engine struct {
	cfg   Config
	log   *slog.Logger
	store Store
	pipe  *pipeline.Pipeline

	mu        sync.Mutex // guards the fields below
	clusterer *story.Clusterer
	dedupe    *dedupe.Index
	known     map[string]news.Assignment // article ID → its current assignment
	sizes     map[string]int             // story ID → articles in it (from known)
	seq       int64                      // last store assignment applied
	stale     bool                       // state diverged from the store: rebuild
	summaries map[string]summaryEntry    // story ID → cached listing line
	// merges holds, by the ID of a story merged into another, the
	// assignment that explains the move of its articles (see applyMerge).
	merges map[string]news.Assignment
}

// Open opens (creating if needed) the store named by cfg.DB and rebuilds
// the engine's clustering state from it.
func Open(ctx context.Context, cfg Config) (*Engine, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	pipe, err := pipeline.New()
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("recoupe: loading the extractors: %w", err)
	}
	if db := cfg.DB; db != MemoryDB && !strings.Contains(db, "://") {
		// The store's files never count as inputs ("recoupe brief ." in
		// the folder that holds recoupe.db).
		if abs, err := filepath.Abs(cmp.Or(db, DefaultDB)); err == nil {
			for _, suffix := range []string{"", "-wal", "-shm", "-journal", "-assign.lock"} {
				cfg.Ingest.Exclude = append(slices.Clip(cfg.Ingest.Exclude), abs+suffix)
			}
		}
	}
	e := &Engine{cfg: cfg, log: cfg.Logger, store: st, pipe: pipe}
	e.reset()
	e.mu.Lock()
	err = e.catchUp(ctx)
	e.mu.Unlock()
	if err == nil {
		err = e.finishMerges(ctx)
	}
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("recoupe: rebuilding stories from %s: %w", cfg.DB, err)
	}
	e.log.Info("engine open", "db", redact(cfg.DB), "articles", len(e.known))
	return e, nil
}

func openStore(ctx context.Context, db string) (Store, error) {
	switch {
	case db == MemoryDB:
		return memstore.New(), nil
	case strings.HasPrefix(db, "postgres://"), strings.HasPrefix(db, "postgresql://"):
		return openPostgres(ctx, db)
	case db == "":
		db = DefaultDB
	}
	return sqlite.Open(ctx, db)
}

// redact hides a password in a database URL before it is logged.
func redact(db string) string {
	if i := strings.Index(db, "://"); i >= 0 {
		if j := strings.LastIndex(db, "@"); j > i {
			return db[:i+3] + "…" + db[j:]
		}
	}
	return db
}

// Close closes the store.
func (e *Engine) Close() error { return e.store.Close() }

// Store returns the engine's store, for tools that read it directly.
func (e *Engine) Store() Store { return e.store }

// reset empties the clustering state; catchUp then replays the store.
func (e *Engine) reset() {
	e.clusterer = story.New(e.cfg.Story)
	e.dedupe = dedupe.New()
	e.known = map[string]news.Assignment{}
	e.sizes = map[string]int{}
	e.seq = 0
	e.stale = false
	e.summaries = map[string]summaryEntry{}
	e.merges = map[string]news.Assignment{}
}

// catchUp applies the assignments stored since the last one seen: those
// of other engines sharing the store, and manual moves. e.mu must be held.
func (e *Engine) catchUp(ctx context.Context) error {
	if e.stale {
		e.reset()
	}
	return e.store.Assignments(ctx, e.seq, func(seq int64, as news.Assignment) error {
		e.seq = seq
		if prev, ok := e.known[as.ArticleID]; ok && prev.StoryID == as.StoryID {
			return nil // ours, already applied
		}
		if st, ok := e.clusterer.StoryOf(as.ArticleID); ok && st == as.StoryID {
			// The clusterer has the article there already: a move that
			// persists an automatic merge replayed before it (the store
			// records every move as manual), not a person's decision.
			e.remember(e.mergeMove(as.ArticleID, as.StoryID))
			return nil
		}
		a, x, err := e.store.Article(ctx, as.ArticleID)
		if err != nil {
			return fmt.Errorf("assignment %d of article %s: %w", seq, as.ArticleID, err)
		}
		if _, ok := e.known[as.ArticleID]; !ok {
			e.dedupe.Add(a.ID, a.Text)
		}
		e.clusterer.Restore(story.NewDoc(&a, &x), as)
		e.remember(as)
		e.noteMerge(as)
		return nil
	})
}

// noteMerge keeps the explanation of a merge that an assignment records,
// for the moves of the merged story's articles. e.mu must be held.
func (e *Engine) noteMerge(as news.Assignment) {
	if m, ok := story.MergeOf(as); ok {
		e.merges[m.From] = news.Assignment{StoryID: m.Into, Score: m.Score, Threshold: m.Threshold, Shared: []string{m.Reason}}
	}
}

// mergeMove returns the assignment that explains why an article went
// into story into when the story it was in merged into it. e.mu must be
// held.
func (e *Engine) mergeMove(articleID, into string) news.Assignment {
	prev := e.known[articleID]
	m, ok := e.merges[prev.StoryID]
	if !ok || m.StoryID != into {
		return news.Assignment{ArticleID: articleID, StoryID: into}
	}
	if t, ok := story.MergeOf(prev); ok && t.From == prev.StoryID && t.Into == into {
		// The article whose arrival caused the merge keeps its own
		// explanation, which names the merge.
		prev.StoryID = into
		return prev
	}
	m.ArticleID = articleID
	return m
}

// finishMerges completes the merges whose moves were interrupted (a crash
// between storing the assignment that records a merge and moving the
// merged story's articles): replaying that assignment put them in the
// other story in the clusterer, while the store still holds some in the
// merged story. A story ID used again since (a person moved an article
// into it) keeps its articles.
func (e *Engine) finishMerges(ctx context.Context) error {
	e.mu.Lock()
	pending := false
	for from := range e.merges {
		if e.sizes[from] > 0 {
			pending = true
			break
		}
	}
	e.mu.Unlock()
	if !pending {
		return nil
	}
	unlock, err := e.store.LockAssign(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.catchUp(ctx); err != nil {
		return err
	}
	for from := range e.merges {
		if e.sizes[from] == 0 {
			continue
		}
		st, err := e.store.Story(ctx, from)
		if errors.Is(err, news.ErrNotFound) {
			continue
		}
		if err != nil {
			return fmt.Errorf("finishing the merge of story %s: %w", from, err)
		}
		for _, id := range st.Articles {
			into, ok := e.clusterer.StoryOf(id)
			if !ok || into == from {
				continue
			}
			if err := e.store.MoveArticle(ctx, id, into); err != nil {
				return fmt.Errorf("finishing the merge of story %s: article %s: %w", from, id, err)
			}
			e.remember(e.mergeMove(id, into))
		}
	}
	return nil
}

// applyMerge persists a merge that the clusterer just made: it moves the
// merged story's articles into the other story (store.MoveArticle, which
// also deletes the emptied story) and records why. The store's lock
// is held, and the articles are read from the store, so that an article
// a person moved out in the meantime stays where it was put. e.mu must
// be held.
func (e *Engine) applyMerge(ctx context.Context, as news.Assignment) error {
	m, ok := story.MergeOf(as)
	if !ok {
		return nil
	}
	from, into := m.From, m.Into
	e.noteMerge(as)
	st, err := e.store.Story(ctx, from)
	if errors.Is(err, news.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("merging story %s into %s: %w", from, into, err)
	}
	for _, id := range st.Articles {
		if err := e.store.MoveArticle(ctx, id, into); err != nil {
			return fmt.Errorf("merging story %s into %s: article %s: %w", from, into, id, err)
		}
		e.remember(e.mergeMove(id, into))
	}
	return nil
}

// remember records an article's current assignment and forgets the
// cached listing lines of the stories it leaves and joins. e.mu must be held.
func (e *Engine) remember(as news.Assignment) {
	if prev, ok := e.known[as.ArticleID]; ok {
		e.sizes[prev.StoryID]--
		if e.sizes[prev.StoryID] <= 0 {
			delete(e.sizes, prev.StoryID)
		}
		delete(e.summaries, prev.StoryID)
	}
	e.known[as.ArticleID] = as
	e.sizes[as.StoryID]++
	delete(e.summaries, as.StoryID)
}

// identify returns the ID an article is, or is to be, stored under, and
// whether it is stored (has says whether an ID is stored). An article's ID is
// the hash of its text (news.ArticleID), so the same text from another
// outlet (a wire copy) has the same ID as the first; it is stored under
// outletCopyID instead, so that the brief lists every outlet that ran it.
// The same text from the same outlet, or with no outlet said on either
// side, is the same article.
func (e *Engine) identify(ctx context.Context, a *news.Article, has func(id string) (bool, error)) (id string, stored bool, err error) {
	if ok, err := has(a.ID); err != nil || !ok {
		return a.ID, false, err
	}
	if strings.TrimSpace(a.Source) == "" {
		return a.ID, true, nil
	}
	first, _, err := e.store.Article(ctx, a.ID)
	if err != nil {
		return a.ID, false, err
	}
	if strings.TrimSpace(first.Source) == "" || strings.EqualFold(strings.TrimSpace(first.Source), strings.TrimSpace(a.Source)) {
		return a.ID, true, nil
	}
	id = outletCopyID(a)
	stored, err = has(id)
	return id, stored, err
}

// outletCopyID is the ID of an outlet's copy of a text stored from another
// outlet: the hash of the text and the outlet's name.
func outletCopyID(a *news.Article) string {
	return news.ArticleID(a.Text + "\x00outlet:" + strings.ToLower(strings.TrimSpace(a.Source)))
}

// errDuplicate reports that an article is already stored.
var errDuplicate = errors.New("already stored")

// commit stores one extracted article and assigns it to a story, under
// the store's assignment lock so that engines sharing the store assign
// in one consistent order. It sets a.DuplicateOf when the article
// near-duplicates a stored one.
func (e *Engine) commit(ctx context.Context, a *news.Article, x news.Extraction) (news.Assignment, error) {
	unlock, err := e.store.LockAssign(ctx)
	if err != nil {
		return news.Assignment{}, err
	}
	defer unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.catchUp(ctx); err != nil {
		return news.Assignment{}, err
	}
	id, stored, err := e.identify(ctx, a, func(id string) (bool, error) {
		if _, ok := e.known[id]; ok {
			return true, nil
		}
		return e.store.HasArticle(ctx, id)
	})
	if err != nil {
		return news.Assignment{}, err
	}
	if id != a.ID {
		// Another outlet's copy of a stored text: an article of its own,
		// a near-duplicate of the first (one independent source).
		a.DuplicateOf, a.Similarity, a.ID = a.ID, 1, id
		x.ArticleID = id
	}
	if stored {
		return e.known[a.ID], errDuplicate
	}
	if a.DuplicateOf == "" {
		a.DuplicateOf, a.Similarity = e.dedupe.Add(a.ID, a.Text)
	} else {
		e.dedupe.Add(a.ID, a.Text)
	}
	as := e.clusterer.Assign(story.NewDoc(a, &x))
	ok, err := e.store.PutArticle(ctx, *a, x, as)
	if err != nil || !ok {
		// The clusterer counted an article the store does not hold (or
		// holds from another writer): rebuild from the store next time.
		e.stale = true
		if err != nil {
			return as, err
		}
		return as, errDuplicate
	}
	e.remember(as)
	if err := e.applyMerge(ctx, as); err != nil {
		e.stale = true
		return as, err
	}
	if err := e.skipOwn(ctx); err != nil {
		e.stale = true
		return as, err
	}
	return e.known[a.ID], nil
}

// skipOwn moves e.seq past the assignments the engine has just stored
// under the store's assignment lock (an article's own and its merge's
// moves), all of them already applied to the clusterer. Replayed by
// catchUp, the assignment of an article whose story was then merged away
// would name that story, and Restore would take it for a person's
// decision: it would reopen the merged story and pin both against later
// merges, so that a long-running engine would cluster differently from
// one restarted on the same store. The lock is held, so no other writer's
// assignment is among them. e.mu must be held.
func (e *Engine) skipOwn(ctx context.Context) error {
	return e.store.Assignments(ctx, e.seq, func(seq int64, _ news.Assignment) error {
		e.seq = seq
		return nil
	})
}

// Extract runs the extractors on one article without storing it.
func (e *Engine) Extract(a *news.Article) news.Extraction { return e.pipe.Extract(a) }

// Brief cross-checks a story's articles and returns its brief.
func (e *Engine) Brief(ctx context.Context, storyID string) (news.Brief, error) {
	st, err := e.store.Story(ctx, storyID)
	if err != nil {
		return news.Brief{}, err // the store names the story
	}
	arts := make([]news.Article, 0, len(st.Articles))
	xs := make([]news.Extraction, 0, len(st.Articles))
	for _, id := range st.Articles {
		a, x, err := e.store.Article(ctx, id)
		if err != nil {
			return news.Brief{}, fmt.Errorf("story %s: article %s: %w", storyID, id, err)
		}
		arts = append(arts, a)
		xs = append(xs, x)
	}
	e.mu.Lock()
	why := make([]news.Assignment, 0, len(arts))
	for _, a := range arts {
		if as, ok := e.known[a.ID]; ok {
			why = append(why, as)
		}
	}
	e.mu.Unlock()
	return e.pipe.Brief(st, arts, xs, why), nil
}

// Article returns a stored article and its extraction.
func (e *Engine) Article(ctx context.Context, id string) (news.Article, news.Extraction, error) {
	return e.store.Article(ctx, id)
}

// StoryOf returns the story an article is in, or news.ErrNotFound.
func (e *Engine) StoryOf(ctx context.Context, articleID string) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.catchUp(ctx); err != nil {
		return "", err
	}
	as, ok := e.known[articleID]
	if !ok {
		return "", fmt.Errorf("article %s: %w", articleID, news.ErrNotFound)
	}
	return as.StoryID, nil
}

// Search runs a full-text search over the stored articles.
func (e *Engine) Search(ctx context.Context, q string, limit int) ([]news.SearchHit, error) {
	return e.store.Search(ctx, q, limit)
}

// ResolveArticle returns the ID of the article ref names: its full ID, or
// a prefix of at least 6 characters that no other stored article shares
// (the Markdown brief shows 12). An unknown or ambiguous ref is an error
// that says which (news.ErrNotFound when nothing matches).
func (e *Engine) ResolveArticle(ctx context.Context, ref string) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.catchUp(ctx); err != nil {
		return "", err
	}
	if _, ok := e.known[ref]; ok || len(ref) < 6 {
		return ref, nil
	}
	var found []string
	for id := range e.known {
		if strings.HasPrefix(id, ref) {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("article %s: %w", ref, news.ErrNotFound)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("article %s: %d articles start so; give more of the ID", ref, len(found))
}

// MergedInto returns the story that story id went into when it was
// merged automatically, following later merges, and whether it was. A
// story ID used again since (a person moved an article into it) is no
// longer merged: it has its own articles.
func (e *Engine) MergedInto(ctx context.Context, id string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.catchUp(ctx); err != nil {
		return "", false
	}
	into, merged := id, false
	for range len(e.merges) + 1 { // a chain has at most that many links
		m, ok := e.merges[into]
		if !ok || e.sizes[into] > 0 {
			break
		}
		into, merged = m.StoryID, true
	}
	return into, merged && into != id
}

// MoveArticle moves an article to another story by hand (storyID "" opens
// a new story: a split) and returns the story it is now in; moving into a
// story that does not exist is an error (news.ErrNotFound). The decision
// is stored and outlives restarts, and the stories it leaves and joins
// never take part in an automatic merge afterwards (see story.Restore).
func (e *Engine) MoveArticle(ctx context.Context, articleID, storyID string) (string, error) {
	if storyID == "" {
		// Splitting off a story's only article changes nothing: its
		// story (and every link to it) stays.
		e.mu.Lock()
		err := e.catchUp(ctx)
		cur, ok := e.known[articleID]
		alone := ok && e.sizes[cur.StoryID] == 1
		e.mu.Unlock()
		if err != nil {
			return "", err
		}
		if alone {
			return cur.StoryID, nil
		}
		// A split: a new story, named like the clusterer's (s + 12 hex),
		// from the article and the moment, so that splitting the same
		// article again gives another story.
		storyID = "s" + news.ArticleID(fmt.Sprintf("split %s %d", articleID, time.Now().UnixNano()))[:12]
	} else if _, err := e.store.Story(ctx, storyID); err != nil {
		// A merge goes into a story that exists: a mistyped ID must
		// not open a new one.
		return "", err
	}
	// Under the assignment lock, so that a move and an automatic merge
	// (which reads the store's stories, see applyMerge) do not interleave.
	unlock, err := e.store.LockAssign(ctx)
	if err != nil {
		return "", err
	}
	defer unlock()
	if err := e.store.MoveArticle(ctx, articleID, storyID); err != nil {
		return "", err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return storyID, e.catchUp(ctx)
}
