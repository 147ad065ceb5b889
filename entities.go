package recoupe

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/recoupe/recoupe/news"
)

// Entities finds the entities of the whole store whose name or an alias
// matches name (case and accents aside; "Musk" also finds "Elon Musk"), at
// most limit of them (0: 20), the most widely reported first. Each story's
// canonical entities are joined across stories when they have the same type
// and share a written form, and every join is explained.
func (e *Engine) Entities(ctx context.Context, name string, limit int) ([]news.StoreEntity, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New("entities: a name to look for is required")
	}
	if limit <= 0 {
		limit = 20
	}
	e.mu.Lock()
	err := e.catchUp(ctx)
	e.mu.Unlock()
	if err != nil {
		return nil, err
	}
	// Every form of a matching entity is written in some article of its
	// story, so the full-text search finds all the candidate stories.
	hits, err := e.store.Search(ctx, name, maxSearchHits)
	if err != nil {
		return nil, fmt.Errorf("entities %q: %w", name, err)
	}
	want := foldWords(name)
	var found []storyEntity
	seen := map[string]bool{}
	for _, h := range hits {
		if h.StoryID == "" || seen[h.StoryID] {
			continue
		}
		seen[h.StoryID] = true
		se, err := e.summary(ctx, h.StoryID)
		if errors.Is(err, news.ErrNotFound) {
			continue // emptied since it was indexed
		}
		if err != nil {
			return nil, err
		}
		for _, en := range se.ents {
			if matchesName(en, want) {
				found = append(found, storyEntity{story: se.sum.Story, title: se.sum.Title, ent: en})
			}
		}
	}
	out := joinEntities(found)
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// storyEntity is one story's canonical entity.
type storyEntity struct {
	story news.Story
	title string
	ent   news.Entity
}

// foldName lowercases s and strips its accents.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// foldWords splits a folded name into words (letters and digits).
func foldWords(s string) []string {
	return strings.FieldsFunc(foldName(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// matchesName reports whether the query's words all appear among the
// words of the entity's name or of one of its aliases, in any order
// ("altman sam" and "Sam" find Sam Altman; "sam smith" does not).
func matchesName(en news.Entity, want []string) bool {
	for _, form := range append([]string{en.Name}, en.Aliases...) {
		ws := foldWords(form)
		ok := true
		for _, w := range want {
			i := slices.Index(ws, w)
			if i < 0 {
				ok = false
				break
			}
			ws = slices.Delete(slices.Clone(ws), i, i+1) // each word once
		}
		if ok {
			return true
		}
	}
	return false
}

// joinEntities groups story entities of one type that share a folded
// form (name or alias), names each group after the form most stories use
// as their canonical name, and orders groups by stories, then articles.
func joinEntities(found []storyEntity) []news.StoreEntity {
	parent := make([]int, len(found))
	for i := range parent {
		parent[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	why := make([]string, len(found)) // the form that joined i to an earlier entity
	owner := map[string]int{}         // type + folded form → first entity
	for i, f := range found {
		for _, form := range append([]string{f.ent.Name}, f.ent.Aliases...) {
			key := string(f.ent.Type) + "\x00" + foldName(form)
			j, ok := owner[key]
			if !ok {
				owner[key] = i
				continue
			}
			if ri, rj := root(i), root(j); ri != rj {
				parent[ri] = rj
				if why[i] == "" {
					why[i] = form
				}
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range found {
		r := root(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([]news.StoreEntity, 0, len(roots))
	for _, r := range roots {
		members := groups[r]
		// The canonical name: the name most stories use, then the one
		// with the most articles, then the longest.
		votes := map[string]int{}
		arts := map[string]int{}
		for _, i := range members {
			votes[found[i].ent.Name]++
			arts[found[i].ent.Name] += len(found[i].ent.Articles)
		}
		best := found[members[0]].ent.Name
		for n := range votes {
			if votes[n] > votes[best] || votes[n] == votes[best] && (arts[n] > arts[best] ||
				arts[n] == arts[best] && (len(n) > len(best) || len(n) == len(best) && n < best)) {
				best = n
			}
		}
		se := news.StoreEntity{Name: best, Type: found[members[0]].ent.Type}
		aliases := map[string]bool{}
		for _, i := range members {
			f := found[i]
			for _, form := range append([]string{f.ent.Name}, f.ent.Aliases...) {
				if form != best {
					aliases[form] = true
				}
			}
			se.Stories = append(se.Stories, news.EntityStory{ID: f.story.ID, Title: f.title, Name: f.ent.Name, Articles: len(f.ent.Articles)})
			se.Articles += len(f.ent.Articles)
			if f.ent.Name != best || why[i] != "" {
				form := why[i]
				if form == "" {
					form = best
				}
				se.Merges = append(se.Merges, fmt.Sprintf("%s (story %s) → %s: both written « %s », %s", f.ent.Name, f.story.ID, best, form, se.Type))
			}
		}
		for a := range aliases {
			se.Aliases = append(se.Aliases, a)
		}
		sort.Strings(se.Aliases)
		sort.SliceStable(se.Stories, func(i, j int) bool {
			if se.Stories[i].Articles != se.Stories[j].Articles {
				return se.Stories[i].Articles > se.Stories[j].Articles
			}
			return se.Stories[i].ID < se.Stories[j].ID
		})
		out = append(out, se)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Stories) != len(out[j].Stories) {
			return len(out[i].Stories) > len(out[j].Stories)
		}
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		return out[i].Name < out[j].Name
	})
	return out
}
