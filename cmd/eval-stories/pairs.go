package main

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/recoupe/recoupe/internal/story"
	"github.com/recoupe/recoupe/internal/story/storyeval"
)

// Pair diagnostics (-pairs): how well the representation alone (story.Doc,
// independent of the clusterer's online decisions) tells two reports of
// one event from two reports of different events. Each doc is weighed as
// the clusterer weighs it (per block, (1+ln tf)·IDF, L2-normalised), with
// the IDF of the whole set (offline), and two docs are compared as an
// article is compared with a story: the blocks' cosines weighted by the
// default block weights, times the default time-evidence factors. It
// prints, per set, the average precision of the ranking of all pairs
// (same event first), the AUC of same-group pairs (ECB+ topics: same event
// vs similar event; rpm2-fr: pairs of one period), the share of docs whose
// most similar doc reports their event, per block and combined, and the
// worst pairs with the keys they share.

type pairVec struct {
	blocks [3]map[string]float64
	times  map[string]map[string]bool // kind → keys
}

func pairVectors(docs []story.Doc) []pairVec {
	var df [3]map[string]int
	for b := range df {
		df[b] = map[string]int{}
	}
	blocks := func(d story.Doc) [3][]story.Feature { return [3][]story.Feature{d.Terms, d.Entities, d.Numbers} }
	for _, d := range docs {
		for b, fs := range blocks(d) {
			for _, f := range fs {
				df[b][f.Key]++
			}
		}
	}
	n := float64(len(docs))
	out := make([]pairVec, len(docs))
	for i, d := range docs {
		for b, fs := range blocks(d) {
			m := map[string]float64{}
			var ss float64
			for _, f := range fs {
				if f.Count <= 0 {
					continue
				}
				w := (1 + math.Log(float64(f.Count))) * (1 + math.Log((n+1)/(float64(df[b][f.Key])+1)))
				m[f.Key] = w
				ss += w * w
			}
			for k := range m {
				m[k] /= math.Sqrt(ss)
			}
			out[i].blocks[b] = m
		}
		out[i].times = map[string]map[string]bool{}
		for _, f := range d.Times {
			kind, _, _ := strings.Cut(f.Key, " ")
			if out[i].times[kind] == nil {
				out[i].times[kind] = map[string]bool{}
			}
			out[i].times[kind][f.Key] = true
		}
	}
	return out
}

var pairOpts = story.New(story.Options{}).Options()

var pairWeights = [3]float64{story.DefaultTextWeight, story.DefaultEntityWeight, story.DefaultNumberWeight}

// pairSim is the similarity of two docs with only the blocks in use
// (all when use is nil) and the time factors.
func pairSim(a, b *pairVec, use []int, withTime bool) float64 {
	if use == nil {
		use = []int{0, 1, 2}
	}
	var tot, wsum float64
	for _, bl := range use {
		x, y := a.blocks[bl], b.blocks[bl]
		if len(x) == 0 && len(y) == 0 {
			continue
		}
		if len(y) < len(x) {
			x, y = y, x
		}
		var d float64
		for k, w := range x {
			d += w * y[k]
		}
		tot += pairWeights[bl] * d
		wsum += pairWeights[bl]
	}
	if wsum == 0 {
		return 0
	}
	s := tot / wsum
	if withTime {
		for i, kind := range []string{"year", "month", "weekday"} {
			ta, tb := a.times[kind], b.times[kind]
			if len(ta) == 0 || len(tb) == 0 {
				continue
			}
			shared := false
			for k := range ta {
				if tb[k] {
					shared = true
				}
			}
			if shared {
				s *= pairOpts.TimeAgree[i]
			} else {
				s *= pairOpts.TimeConflict[i]
			}
		}
	}
	return s
}

type scoredPair struct {
	i, j int
	s    float64
	same bool
}

// averagePrecision of pairs ranked by score, positives = same.
func averagePrecision(ps []scoredPair) float64 {
	slices.SortFunc(ps, func(a, b scoredPair) int { return cmp.Compare(b.s, a.s) })
	var tp, sum float64
	npos := 0
	for _, p := range ps {
		if p.same {
			npos++
		}
	}
	for r, p := range ps {
		if p.same {
			tp++
			sum += tp / float64(r+1)
		}
	}
	if npos == 0 {
		return 0
	}
	return sum / float64(npos)
}

// auc of same-pairs over different-pairs (ties count half).
func auc(ps []scoredPair) float64 {
	slices.SortFunc(ps, func(a, b scoredPair) int { return cmp.Compare(a.s, b.s) })
	var rankSum, npos, nneg float64
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].s == ps[i].s {
			j++
		}
		avg := float64(i+j+1) / 2
		for k := i; k < j; k++ {
			if ps[k].same {
				rankSum += avg
				npos++
			} else {
				nneg++
			}
		}
		i = j
	}
	if npos == 0 || nneg == 0 {
		return 0
	}
	return (rankSum - npos*(npos+1)/2) / (npos * nneg)
}

func printPairs(w io.Writer, s set, group func(i int) string, worst int) {
	vs := pairVectors(s.docs)
	fmt.Fprintf(w, "\n%s (%d docs)\n", s.name, len(s.docs))
	for _, cfg := range []struct {
		name     string
		use      []int
		withTime bool
	}{{"text", []int{0}, false}, {"entities", []int{1}, false}, {"numbers", []int{2}, false}, {"blocks", nil, false}, {"blocks+time", nil, true}} {
		var all, grp []scoredPair
		nnOK := 0
		for i := range vs {
			best, bj := -1.0, -1
			for j := range vs {
				if i == j {
					continue
				}
				x := pairSim(&vs[i], &vs[j], cfg.use, cfg.withTime)
				if x > best {
					best, bj = x, j
				}
				if j < i {
					continue
				}
				p := scoredPair{i, j, x, s.gold[i] == s.gold[j]}
				all = append(all, p)
				if group(i) == group(j) {
					grp = append(grp, p)
				}
			}
			if bj >= 0 && s.gold[bj] == s.gold[i] {
				nnOK++
			}
		}
		fmt.Fprintf(w, "  %-12s AP all pairs %.3f  AUC same-group %.3f  AP same-group %.3f  NN same event %.3f\n",
			cfg.name, averagePrecision(all), auc(grp), averagePrecision(grp), float64(nnOK)/float64(len(vs)))
		if cfg.name != "blocks+time" || worst == 0 {
			continue
		}
		slices.SortFunc(all, func(a, b scoredPair) int { return cmp.Compare(b.s, a.s) })
		fmt.Fprintln(w, "  worst different-event pairs:")
		n := 0
		for _, p := range all {
			if p.same {
				continue
			}
			fmt.Fprintf(w, "    %.3f %s %s × %s %s: %s\n", p.s, s.docs[p.i].ID[:8], s.gold[p.i], s.docs[p.j].ID[:8], s.gold[p.j], sharedKeys(&vs[p.i], &vs[p.j]))
			if n++; n == worst {
				break
			}
		}
		fmt.Fprintln(w, "  docs whose nearest doc reports another event (nearest other, nearest same):")
		n = 0
		for i := range vs {
			bo, bs, jo, js := -1.0, -1.0, -1, -1
			for j := range vs {
				if i == j {
					continue
				}
				x := pairSim(&vs[i], &vs[j], nil, true)
				if s.gold[i] == s.gold[j] {
					if x > bs {
						bs, js = x, j
					}
				} else if x > bo {
					bo, jo = x, j
				}
			}
			if jo < 0 || js < 0 || bo <= bs {
				continue
			}
			fmt.Fprintf(w, "    %s %s: other %.3f %s [%s]  same %.3f [%s]\n", s.docs[i].ID[:8], s.gold[i], bo, s.gold[jo], sharedKeys(&vs[i], &vs[jo]), bs, sharedKeys(&vs[i], &vs[js]))
			if n++; n == worst {
				break
			}
		}
	}
}

func sharedKeys(a, b *pairVec) string {
	type kv struct {
		k string
		x float64
	}
	var ks []kv
	for bl, pre := range []string{"", "E:", "N:"} {
		for k, w := range a.blocks[bl] {
			if y, ok := b.blocks[bl][k]; ok {
				ks = append(ks, kv{pre + k, pairWeights[bl] * w * y})
			}
		}
	}
	slices.SortFunc(ks, func(a, b kv) int { return cmp.Compare(b.x, a.x) })
	var out []string
	for _, k := range ks[:min(8, len(ks))] {
		out = append(out, k.k)
	}
	return strings.Join(out, ", ")
}

// pairGroup returns the group of a doc for the same-group figures: the
// ECB+ topic, the rpm2-fr period.
func pairGroup(s set) func(i int) string {
	return func(i int) string {
		if s.items[i].Period > 0 {
			return fmt.Sprint(s.items[i].Period)
		}
		return s.items[i].Story
	}
}

// runSweep prints the pairwise F1 of each set over a grid of thresholds
// of its language, the other options as given: a representation changes
// the scale of the similarities, so two representations are compared at
// their best thresholds as well as at the defaults.
func runSweep(w io.Writer, sets []set, o story.Options) error {
	grids := [][]float64{
		{0.095, 0.1, 0.105, 0.11, 0.115, 0.12, 0.125, 0.13, 0.135, 0.14},
		{0.095, 0.1, 0.105, 0.11, 0.115, 0.12, 0.125, 0.13, 0.135, 0.14},
		{0.19, 0.2, 0.21, 0.22, 0.23, 0.24, 0.25, 0.26, 0.27, 0.28},
	}
	for i, s := range sets {
		line := fmt.Sprintf("%-34s", s.name)
		best, bth := -1.0, 0.0
		for _, th := range grids[i] {
			oo := o
			oo.Thresholds = map[string]float64{"fr": th, "en": th}
			f := storyeval.Score(cluster(s.docs, oo), s.gold, nil).F1
			line += fmt.Sprintf(" %.3f", f)
			if f > best {
				best, bth = f, th
			}
		}
		fmt.Fprintf(w, "%s  best %.3f at %.3f\n", line, best, bth)
	}
	return nil
}
