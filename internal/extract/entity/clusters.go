package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// Word clusters give the model what the few labelled sentences cannot: a
// word never seen in training still shares a cluster with words that
// occur in the same contexts ("Toulouse" with "Lyon", "ministère" with
// "gouvernement"). They are built from unlabelled text by BuildClusters
// (`go run ./cmd/train-ner -clusters`) and shipped in clusters.txt.gz.
//
// The method is distributional and hierarchical, a cheap stand-in for
// Brown clustering: every word seen often enough is a vector of positive
// pointwise mutual information with the frequent words one and two
// positions to its left and right; spherical 2-means splits the
// vocabulary in two, then each half in two, and so on, so each word gets
// a bit string whose prefixes are clusters of growing granularity
// (features use prefixes of 4, 8, 12 and 16 bits). Hand-written because
// no Go library offers it; it is deterministic (fixed seeds, sorted
// vocabulary).

// clus is a word's cluster: the first n bits of path, most significant
// first.
type clus struct {
	path uint32
	n    uint8
}

// prefix returns the cluster's first k bits (all of them when shorter) and
// their number.
func (c clus) prefix(k int) (uint32, uint8) {
	if int(c.n) <= k {
		return c.path, c.n
	}
	return c.path >> (int(c.n) - k), uint8(k)
}

// ClusterFile is the word-cluster file's name in this package's directory.
const ClusterFile = "clusters.txt.gz"

const clusterMagic = "# recoupe-clusters/1"

// decodeClusters reads a cluster file: a header line, then one
// "bits<TAB>word<TAB>count" line per word.
func decodeClusters(b []byte) (map[string]clus, error) {
	if len(b) == 0 {
		return nil, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("entity: clusters: %w", err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	if !sc.Scan() || sc.Text() != clusterMagic {
		return nil, fmt.Errorf("entity: clusters: bad header (want %q)", clusterMagic)
	}
	m := make(map[string]clus, 1<<16)
	line := 1
	for sc.Scan() {
		line++
		bits, rest, ok := strings.Cut(sc.Text(), "\t")
		word, _, ok2 := strings.Cut(rest, "\t")
		if !ok || !ok2 || len(bits) > 32 || word == "" {
			return nil, fmt.Errorf("entity: clusters: line %d: want bits<TAB>word<TAB>count", line)
		}
		var c clus
		for i := 0; i < len(bits); i++ {
			switch bits[i] {
			case '0', '1':
				c.path = c.path<<1 | uint32(bits[i]-'0')
			default:
				return nil, fmt.Errorf("entity: clusters: line %d: bad bit string %q", line, bits)
			}
		}
		c.n = uint8(len(bits))
		m[word] = c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("entity: clusters: %w", err)
	}
	return m, nil
}

// ClusterOptions configure BuildClusters.
type ClusterOptions struct {
	MinCount int    // words seen fewer times get no cluster (default 3)
	Contexts int    // frequent words used as context (default 1500)
	Depth    int    // bits of the longest path (default 16)
	Seed     uint64 // seed of the 2-means initialisations (default 1)
}

// SplitText tokenises text as the recogniser does and returns its
// sentences' token texts (input to BuildClusters).
func SplitText(text string) [][]string {
	toks := tokenize(text)
	starts := sentences(toks)
	out := make([][]string, 0, len(starts))
	for i, s := range starts {
		e := len(toks)
		if i+1 < len(starts) {
			e = starts[i+1]
		}
		ws := make([]string, e-s)
		for k := range ws {
			ws[k] = toks[s+k].text
		}
		out = append(out, ws)
	}
	return out
}

// BuildClusters clusters the words of sents (token texts, folded as the
// model folds them) and returns the encoded cluster file. Progress goes
// to log.
func BuildClusters(sents [][]string, opt ClusterOptions, log io.Writer) ([]byte, error) {
	if opt.MinCount == 0 {
		opt.MinCount = 3
	}
	if opt.Contexts == 0 {
		opt.Contexts = 1500
	}
	if opt.Depth == 0 {
		opt.Depth = 16
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Depth > 32 {
		return nil, fmt.Errorf("entity: clusters: depth %d > 32", opt.Depth)
	}
	// Fold every token and count.
	folded := make([][]string, len(sents))
	count := map[string]int{}
	total := 0
	for i, s := range sents {
		f := make([]string, len(s))
		for k, w := range s {
			f[k] = normLower(w)
			count[f[k]]++
		}
		total += len(s)
		folded[i] = f
	}
	words := make([]string, 0, len(count))
	for w, n := range count {
		if n >= opt.MinCount && hasLetter(w) {
			words = append(words, w)
		}
	}
	byFreq := func(ws []string) {
		sort.Slice(ws, func(i, j int) bool {
			if count[ws[i]] != count[ws[j]] {
				return count[ws[i]] > count[ws[j]]
			}
			return ws[i] < ws[j]
		})
	}
	byFreq(words)
	if len(words) < 2 {
		return nil, fmt.Errorf("entity: clusters: %d words seen %d times or more: too little text", len(words), opt.MinCount)
	}
	// Context vocabulary: the most frequent tokens (punctuation included)
	// and the sentence boundaries.
	all := make([]string, 0, len(count))
	for w := range count {
		all = append(all, w)
	}
	byFreq(all)
	ctxIndex := map[string]int{"<s>": 0, "</s>": 1}
	for _, w := range all {
		if len(ctxIndex) >= opt.Contexts {
			break
		}
		ctxIndex[w] = len(ctxIndex)
	}
	nc := len(ctxIndex)
	const offsets = 4 // -2, -1, +1, +2
	dim := offsets * nc
	wordIndex := make(map[string]int, len(words))
	for i, w := range words {
		wordIndex[w] = i
	}
	co := make([]map[int32]float32, len(words))
	for i := range co {
		co[i] = map[int32]float32{}
	}
	ctxTotal := make([]float64, dim)
	ctxOf := func(f []string, j int) int {
		if j < 0 {
			return 0
		}
		if j >= len(f) {
			return 1
		}
		if c, ok := ctxIndex[f[j]]; ok {
			return c
		}
		return -1
	}
	for _, f := range folded {
		for k, w := range f {
			wi, ok := wordIndex[w]
			if !ok {
				continue
			}
			for o, d := range [offsets]int{-2, -1, 1, 2} {
				if c := ctxOf(f, k+d); c >= 0 {
					co[wi][int32(o*nc+c)]++
					ctxTotal[o*nc+c]++
				}
			}
		}
	}
	// PPMI vectors, unit length.
	vecs := make([]sparseVec, len(words))
	for i, m := range co {
		nw := float64(count[words[i]])
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		v := sparseVec{}
		var norm float64
		for _, k := range keys {
			pmi := math.Log(float64(m[k]) * float64(total) / (nw * ctxTotal[k]))
			if pmi > 0 {
				v.idx = append(v.idx, k)
				v.val = append(v.val, float32(pmi))
				norm += pmi * pmi
			}
		}
		if norm > 0 {
			s := float32(1 / math.Sqrt(norm))
			for k := range v.val {
				v.val[k] *= s
			}
		}
		vecs[i] = v
	}
	fmt.Fprintf(log, "clusters: %d tokens, %d words seen %d+ times, %d context dimensions\n", total, len(words), opt.MinCount, dim)
	paths := make([]clus, len(words))
	members := make([]int, len(words))
	for i := range members {
		members[i] = i
	}
	b := &bisector{vecs: vecs, dim: dim, depth: opt.Depth, seed: opt.Seed, paths: paths}
	b.split(members, clus{})
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, clusterMagic)
	sorted := append([]string(nil), words...)
	sort.Strings(sorted)
	for _, w := range sorted {
		c := paths[wordIndex[w]]
		var bits strings.Builder
		for k := int(c.n) - 1; k >= 0; k-- {
			bits.WriteByte('0' + byte(c.path>>k&1))
		}
		bw.WriteString(bits.String())
		bw.WriteByte('\t')
		bw.WriteString(w)
		bw.WriteByte('\t')
		bw.WriteString(strconv.Itoa(count[w]))
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func hasLetter(s string) bool {
	for _, r := range s {
		if 'a' <= r && r <= 'z' || r >= 0xc0 {
			return true
		}
	}
	return false
}

type sparseVec struct {
	idx []int32
	val []float32
}

func (v sparseVec) dot(c []float32) float32 {
	var s float32
	for k, i := range v.idx {
		s += v.val[k] * c[i]
	}
	return s
}

// bisector splits word sets in two by spherical 2-means, recursively.
type bisector struct {
	vecs  []sparseVec
	dim   int
	depth int
	seed  uint64
	paths []clus
	c     [2][]float32 // centroids, zero outside the current node's dimensions
	mark  []bool
}

// minSplit is the smallest set that is split further.
const minSplit = 4

func (b *bisector) split(members []int, at clus) {
	if int(at.n) >= b.depth || len(members) < minSplit {
		for _, m := range members {
			b.paths[m] = at
		}
		return
	}
	left, right := b.twoMeans(members, at)
	b.split(left, clus{path: at.path << 1, n: at.n + 1})
	b.split(right, clus{path: at.path<<1 | 1, n: at.n + 1})
}

// twoMeans returns the best of three spherical 2-means runs from random
// pairs of members (seeded by the node's path).
func (b *bisector) twoMeans(members []int, at clus) (left, right []int) {
	rng := rand.New(rand.NewPCG(b.seed, uint64(at.path)<<8|uint64(at.n)))
	if b.c[0] == nil {
		b.c = [2][]float32{make([]float32, b.dim), make([]float32, b.dim)}
		b.mark = make([]bool, b.dim)
	}
	c := b.c
	// The dimensions the members use: only those are cleared and
	// normalised (deep nodes have few members).
	var touched []int32
	for _, m := range members {
		for _, x := range b.vecs[m].idx {
			if !b.mark[x] {
				b.mark[x] = true
				touched = append(touched, x)
			}
		}
	}
	for _, x := range touched {
		b.mark[x] = false
	}
	clearAt := func(v []float32) {
		for _, x := range touched {
			v[x] = 0
		}
	}
	assign := make([]uint8, len(members))
	best := float32(-1)
	var bestAssign []uint8
	for trial := 0; trial < 3; trial++ {
		i := rng.IntN(len(members))
		j := rng.IntN(len(members) - 1)
		if j >= i {
			j++
		}
		for s, m := range [2]int{members[i], members[j]} {
			clearAt(c[s])
			v := b.vecs[m]
			for k, x := range v.idx {
				c[s][x] = v.val[k]
			}
		}
		var score float32
		for it := 0; it < 12; it++ {
			score = 0
			changed := 0
			n := [2]int{}
			for k, m := range members {
				d0, d1 := b.vecs[m].dot(c[0]), b.vecs[m].dot(c[1])
				a := uint8(0)
				if d1 > d0 {
					a = 1
					score += d1
				} else {
					score += d0
				}
				if a != assign[k] || it == 0 {
					changed++
				}
				assign[k] = a
				n[a]++
			}
			if n[0] == 0 || n[1] == 0 {
				break
			}
			if changed == 0 && it > 0 {
				break
			}
			// New centroids, unit length.
			for s := range c {
				clearAt(c[s])
			}
			for k, m := range members {
				v := b.vecs[m]
				cs := c[assign[k]]
				for q, x := range v.idx {
					cs[x] += v.val[q]
				}
			}
			for s := range c {
				var norm float64
				for _, x := range touched {
					norm += float64(c[s][x]) * float64(c[s][x])
				}
				if norm > 0 {
					f := float32(1 / math.Sqrt(norm))
					for _, x := range touched {
						c[s][x] *= f
					}
				}
			}
		}
		if score > best {
			best = score
			bestAssign = append(bestAssign[:0], assign...)
		}
	}
	for k, m := range members {
		if bestAssign[k] == 0 {
			left = append(left, m)
		} else {
			right = append(right, m)
		}
	}
	if len(left) == 0 || len(right) == 0 {
		// Identical vectors (no context evidence): split in halves.
		h := len(members) / 2
		left, right = members[:h:h], members[h:]
	}
	return left, right
}
