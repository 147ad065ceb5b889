package entity

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"sync"

	"github.com/recoupe/recoupe/internal/extract/entity/gazetteer"
	"github.com/recoupe/recoupe/internal/extract/entity/nerdata"
)

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int    // passes over the data (default 5)
	Bits   int    // log2 of the number of feature buckets (default 19)
	Seed   uint64 // shuffling seed (default 1)
	// Runs is the number of perceptrons trained on different shufflings
	// (seeds Seed, Seed+1, …) whose averaged weights are averaged again
	// (default 1): the result depends less on one order of the data.
	Runs int
}

// Train fits an averaged perceptron on sents (BIO tags) and returns the
// encoded model file. It is deterministic for given data and options.
// Progress lines go to log.
func Train(sents []nerdata.Sentence, opt TrainOptions, log io.Writer) ([]byte, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 5
	}
	if opt.Bits == 0 {
		opt.Bits = 19
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Runs == 0 {
		opt.Runs = 1
	}
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	cl, err := decodeClusters(embeddedClusters)
	if err != nil {
		return nil, err
	}
	r := &Recognizer{gaz: g, clusters: cl}
	// Group by document, in order of first appearance.
	docs := map[int][]int{}
	var order []int
	for i, s := range sents {
		if _, ok := docs[s.Doc]; !ok {
			order = append(order, s.Doc)
		}
		docs[s.Doc] = append(docs[s.Doc], i)
	}
	prep := make([]prepared, len(sents))
	cache := stems{}
	for _, d := range order {
		ctx := &docCtx{lowerSeen: map[string]bool{}, capMid: map[string]bool{}}
		for _, i := range docs[d] {
			infos := make([]tokInfo, len(sents[i].Tokens))
			r.analyze(sents[i].Tokens, infos, cache)
			ctx.add(infos)
			prep[i].infos = infos
		}
		for _, i := range docs[d] {
			p := &prep[i]
			ctx.apply(p.infos)
			p.feats = make([][]uint64, len(p.infos))
			p.gold = make([]int, len(p.infos))
			for k := range p.infos {
				p.feats[k] = static(p.infos, k, nil)
				p.gold[k] = labelIndex(sents[i].Tags[k])
			}
		}
	}
	w := make([]float32, (1<<opt.Bits)*nLabels)
	ws := make([][]float32, opt.Runs)
	logs := make([]bytes.Buffer, opt.Runs)
	var wg sync.WaitGroup
	for run := range opt.Runs {
		wg.Go(func() { ws[run] = fit(prep, opt.Bits, opt.Epochs, opt.Seed+uint64(run), &logs[run]) })
	}
	wg.Wait()
	for run, wr := range ws {
		io.Copy(log, &logs[run])
		for i, x := range wr {
			w[i] += x / float32(opt.Runs)
		}
	}
	var out bytes.Buffer
	if err := encodeModel(&out, opt.Bits, w); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// prepared is one training sentence with its static features.
type prepared struct {
	infos []tokInfo
	feats [][]uint64
	gold  []int
}

// fit runs the averaged structured perceptron over prep and returns the
// averaged weights.
func fit(prep []prepared, bits, epochs int, seed uint64, log io.Writer) []float32 {
	size := (1 << bits) * nLabels
	mask := uint64(1)<<bits - 1
	w := make([]float32, size)
	acc := make([]float32, size) // sum of c·Δw, for averaging
	c := float32(1)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	idx := make([]int, len(prep))
	for i := range idx {
		idx[i] = i
	}
	update := func(feats []uint64, l int, d float32) {
		for _, f := range feats {
			j := int(f&mask)*nLabels + l
			w[j] += d
			acc[j] += c * d
		}
	}
	var lt lattice
	var pred []int
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		errs, n := 0, 0
		for _, si := range idx {
			p := &prep[si]
			pred = append(pred[:0], p.gold...)
			viterbi(w, mask, p.infos, p.feats, pred, &lt)
			for k := range p.infos {
				gp, pp := start, start
				if k > 0 {
					gp, pp = p.gold[k-1], pred[k-1]
				}
				g, q := p.gold[k], pred[k]
				if g != q {
					errs++
					update(p.feats[k], g, 1)
					update(p.feats[k], q, -1)
				}
				if g != q || gp != pp {
					var base, fs [nDyn]uint64
					dynBase(p.infos, k, &base)
					for x, b := range base {
						fs[x] = mixTag(b, gp)
					}
					update(fs[:], g, 1)
					for x, b := range base {
						fs[x] = mixTag(b, pp)
					}
					update(fs[:], q, -1)
				}
				n++
			}
			c++
		}
		fmt.Fprintf(log, "seed %d epoch %d: %d/%d token errors (%.2f%%)\n", seed, ep+1, errs, n, 100*float64(errs)/float64(max(n, 1)))
	}
	for i := range w {
		w[i] -= acc[i] / c
	}
	return w
}

// sortedKeys returns m's keys in order (deterministic iteration).
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
