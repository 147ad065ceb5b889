package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// labels are the BIO tags, in model order.
var labels = [...]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

const (
	nLabels = len(labels)
	// start is the pseudo-tag before the first token.
	start = nLabels
)

func labelIndex(s string) int {
	for i, l := range labels {
		if l == s {
			return i
		}
	}
	return 0
}

// allowed reports whether tag t may follow tag p in BIO (I-X only after
// B-X or I-X).
func allowed(p, t int) bool {
	if t == 0 || t%2 == 1 {
		return true
	}
	return p != start && p != 0 && (p+1)/2 == (t+1)/2
}

// model is a hashed linear model: bucket h&mask has nLabels weights.
type model struct {
	bits int
	w    []int16
}

const modelMagic = "recoupe-ner/1\n"

// encode writes the model, quantised to int16, gzipped.
func encodeModel(w io.Writer, bits int, weights []float32) error {
	var max float32
	for _, x := range weights {
		if a := float32(math.Abs(float64(x))); a > max {
			max = a
		}
	}
	scale := float32(1)
	if max > 0 {
		scale = max / 32767
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	zw.Write([]byte(modelMagic))
	binary.Write(zw, binary.LittleEndian, uint32(bits))
	binary.Write(zw, binary.LittleEndian, uint32(nLabels))
	binary.Write(zw, binary.LittleEndian, scale)
	q := make([]int16, len(weights))
	for i, x := range weights {
		q[i] = int16(math.Round(float64(x / scale)))
	}
	if err := binary.Write(zw, binary.LittleEndian, q); err != nil {
		return err
	}
	return zw.Close()
}

func decodeModel(b []byte) (*model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("entity: model: %w", err)
	}
	head := make([]byte, len(modelMagic)+12)
	if _, err := io.ReadFull(zr, head); err != nil {
		return nil, fmt.Errorf("entity: model header: %w", err)
	}
	if string(head[:len(modelMagic)]) != modelMagic {
		return nil, errors.New("entity: model: bad magic (not a recoupe NER model)")
	}
	h := head[len(modelMagic):]
	bits := int(binary.LittleEndian.Uint32(h))
	if n := binary.LittleEndian.Uint32(h[4:]); int(n) != nLabels || bits < 10 || bits > 26 {
		return nil, fmt.Errorf("entity: model: %d labels, %d bits: incompatible", n, bits)
	}
	m := &model{bits: bits, w: make([]int16, (1<<bits)*nLabels)}
	if err := binary.Read(bufio.NewReaderSize(zr, 1<<16), binary.LittleEndian, m.w); err != nil {
		return nil, fmt.Errorf("entity: model weights: %w", err)
	}
	return m, nil
}

// weight is the type of a weight table: int16 in a shipped model, float32
// while training.
type weight interface{ ~int16 | ~float32 }

// addFeats adds the rows of feats to s.
func addFeats[T weight](w []T, mask uint64, feats []uint64, s *[nLabels]float32) {
	for _, f := range feats {
		row := w[int(f&mask)*nLabels:][:nLabels]
		for l := range nLabels {
			s[l] += float32(row[l])
		}
	}
}

// lattice is the scratch space of one Viterbi decoding.
type lattice struct {
	emit  [][nLabels]float32              // static feature scores per token
	trans [][nLabels + 1][nLabels]float32 // dynamic scores per token and previous tag
	back  [][nLabels]uint8
	feats []uint64
}

func (lt *lattice) grow(n int) {
	if cap(lt.emit) < n {
		lt.emit = make([][nLabels]float32, n)
		lt.trans = make([][nLabels + 1][nLabels]float32, n)
		lt.back = make([][nLabels]uint8, n)
	}
	lt.emit, lt.trans, lt.back = lt.emit[:n], lt.trans[:n], lt.back[:n]
}

// viterbi fills tags with the best BIO sequence for the sentence under
// weights w; feats(i, out) appends token i's static features (nil: compute
// them). When computing them, it sets each token's alt (best entity type
// given the chosen previous tag).
func viterbi[T weight](w []T, mask uint64, infos []tokInfo, feats [][]uint64, tags []int, lt *lattice) {
	n := len(infos)
	if n == 0 {
		return
	}
	lt.grow(n)
	// The pure transition scores (template 40) are the same at every
	// token: look them up once.
	var pure [nLabels + 1][nLabels]float32
	for p := range nLabels + 1 {
		addFeats(w, mask, []uint64{mixTag(tpl(40), p)}, &pure[p])
	}
	for i := range n {
		e := &lt.emit[i]
		*e = [nLabels]float32{}
		if feats != nil {
			addFeats(w, mask, feats[i], e)
		} else {
			lt.feats = static(infos, i, lt.feats[:0])
			addFeats(w, mask, lt.feats, e)
		}
		var base [nDyn]uint64
		dynBase(infos, i, &base)
		ps := 1 // previous tags to score: start only at i == 0
		p0 := start
		if i > 0 {
			p0, ps = 0, nLabels
		}
		for p := p0; p < p0+ps; p++ {
			t := &lt.trans[i][p]
			*t = pure[p]
			var fs [nDyn - 1]uint64
			for k, b := range base[1:] {
				fs[k] = mixTag(b, p)
			}
			addFeats(w, mask, fs[:], t)
		}
	}
	// Forward pass.
	var cur, next [nLabels]float32
	const neg = float32(-1e30)
	for l := range nLabels {
		cur[l] = neg
		if allowed(start, l) {
			cur[l] = lt.emit[0][l] + lt.trans[0][start][l]
		}
	}
	for i := 1; i < n; i++ {
		for l := range nLabels {
			best, arg := neg, 0
			for p := range nLabels {
				if cur[p] <= neg || !allowed(p, l) {
					continue
				}
				if v := cur[p] + lt.trans[i][p][l]; v > best {
					best, arg = v, p
				}
			}
			next[l] = best + lt.emit[i][l]
			if best <= neg {
				next[l] = neg
			}
			lt.back[i][l] = uint8(arg)
		}
		cur = next
	}
	last := 0
	for l := 1; l < nLabels; l++ {
		if cur[l] > cur[last] {
			last = l
		}
	}
	tags[n-1] = last
	for i := n - 1; i > 0; i-- {
		tags[i-1] = int(lt.back[i][tags[i]])
	}
	if feats != nil {
		return // training: infos are shared between runs, leave alt alone
	}
	for i := range n {
		p := start
		if i > 0 {
			p = tags[i-1]
		}
		alt := 1
		for l := 3; l < nLabels; l += 2 {
			if lt.emit[i][l]+lt.trans[i][p][l] > lt.emit[i][alt]+lt.trans[i][p][alt] {
				alt = l
			}
		}
		infos[i].alt = uint8(typeOf(alt))
	}
}

// tagSentence decodes one sentence with the shipped weights.
func (m *model) tagSentence(infos []tokInfo, tags []int, lt *lattice) {
	viterbi(m.w, uint64(1)<<m.bits-1, infos, nil, tags, lt)
}
