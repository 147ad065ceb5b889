// Package dedupe recognises duplicate articles: exact copies (same text,
// hence same news.ArticleID) and near-duplicates — wire copies, light
// rewrites, the same dispatch with another headline — so that they are
// linked and explained ("92% identical to …") instead of being counted as
// independent sources.
//
// Near-duplicates are found with MinHash over word 3-shingles and
// locality-sensitive hashing (banding): each text gets a signature of
// NumHashes minimum hash values; signatures are cut into bands, and texts
// sharing a band are candidates, so a lookup touches only the few texts
// that collide instead of every text seen (sub-linear). The candidate with
// the highest estimated Jaccard similarity at or above Threshold wins, ties
// going to the earliest added, so results are deterministic. Written
// in-house on xxhash: the algorithm is a few dozen lines and no maintained
// Go module provides it with these guarantees.
package dedupe

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"

	"github.com/cespare/xxhash/v2"

	"github.com/recoupe/recoupe/news"
)

// Parameters of the signature and of the banding.
const (
	NumHashes   = 128
	bands       = 32
	rows        = NumHashes / bands // 4: P(candidate) ≈ 0.87 at J=0.5, 0.23 at J=0.3
	shingleSize = 3
	// minShingles: shorter texts are matched exactly only; a few shared
	// words are no evidence of a common origin.
	minShingles = 8
)

// DefaultThreshold is the estimated Jaccard similarity of word 3-shingles
// from which a text is reported as a near-duplicate. A light rewrite (one
// word in ten changed) keeps about 0.55; two reports of the same event
// written independently share well under 0.2.
const DefaultThreshold = 0.5

// Index holds the texts seen so far. It is safe for concurrent use.
type Index struct {
	// Threshold is the minimum similarity of a near-duplicate; 0 means
	// DefaultThreshold. Set it before the first Add.
	Threshold float64

	mu      sync.Mutex
	exact   map[string]string // content hash → first id
	ids     []string
	sigs    [][NumHashes]uint64
	buckets [bands]map[uint64][]int32
}

// New returns an empty index with the default threshold.
func New() *Index { return &Index{} }

// Len returns the number of distinct texts added.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.exact)
}

// Add records text under id and reports the earlier text it duplicates:
// (id of the first identical text, 1) for an exact copy, (id, estimated
// similarity) for a near-duplicate, ("", 0) for a new text. An exact copy
// is not indexed again; a near-duplicate is, so that a chain of rewrites
// stays linked.
func (x *Index) Add(id, text string) (dupOf string, similarity float64) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.exact == nil {
		x.exact = map[string]string{}
		for b := range x.buckets {
			x.buckets[b] = map[uint64][]int32{}
		}
	}
	h := news.ArticleID(text)
	if first, ok := x.exact[h]; ok {
		return first, 1
	}
	x.exact[h] = id
	sig, ok := Signature(text)
	if !ok {
		return "", 0
	}
	keys := bandKeys(&sig)
	best, bestSim := -1, 0.0
	seen := map[int32]bool{}
	for b, k := range keys {
		for _, c := range x.buckets[b][k] {
			if seen[c] {
				continue
			}
			seen[c] = true
			s := Similarity(&sig, &x.sigs[c])
			if s > bestSim || (s == bestSim && best >= 0 && int(c) < best) {
				best, bestSim = int(c), s
			}
		}
	}
	n := int32(len(x.ids))
	x.ids = append(x.ids, id)
	x.sigs = append(x.sigs, sig)
	for b, k := range keys {
		x.buckets[b][k] = append(x.buckets[b][k], n)
	}
	threshold := x.Threshold
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	if best < 0 || bestSim < threshold {
		return "", 0
	}
	return x.ids[best], bestSim
}

// Signature returns text's MinHash signature, and false when the text has
// too few words to be compared.
func Signature(text string) ([NumHashes]uint64, bool) {
	var sig [NumHashes]uint64
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	n := len(words) - shingleSize + 1
	if n < minShingles {
		return sig, false
	}
	var buf []byte
	for i := 0; i < n; i++ {
		buf = buf[:0]
		for j, w := range words[i : i+shingleSize] {
			if j > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, w...)
		}
		base := xxhash.Sum64(buf)
		for k := range sig {
			if v := mix(base ^ seeds[k]); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig, true
}

// Similarity estimates the Jaccard similarity of two texts' shingle sets
// from their signatures: the share of equal minimum hashes.
func Similarity(a, b *[NumHashes]uint64) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / NumHashes
}

// Explain phrases a duplicate link for a brief or a log.
func Explain(dupOf string, similarity float64) string {
	if dupOf == "" {
		return ""
	}
	if similarity >= 1 {
		return "identical to " + dupOf
	}
	return fmt.Sprintf("%d%% identical to %s", int(math.Round(similarity*100)), dupOf)
}

func bandKeys(sig *[NumHashes]uint64) [bands]uint64 {
	var keys [bands]uint64
	for b := range keys {
		h := uint64(b) * 0x9E3779B97F4A7C15
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = mix(h ^ v)
		}
		keys[b] = h
	}
	return keys
}

// mix is the SplitMix64 finaliser: a fast bijective scrambler, so that
// mix(h ^ seed_k) acts as NumHashes independent hash functions.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// seeds are fixed so that signatures are stable across runs and machines.
var seeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	x := uint64(0x5EED_2025_0210)
	for i := range s {
		x += 0x9E3779B97F4A7C15
		s[i] = mix(x)
	}
	return s
}()
