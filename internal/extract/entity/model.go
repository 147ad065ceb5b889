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

// scores adds the weights of feats into s.
func (m *model) scores(feats []uint64, s *[nLabels]int32) {
	mask := uint64(1)<<m.bits - 1
	for _, f := range feats {
		row := m.w[int(f&mask)*nLabels:]
		row = row[:nLabels]
		for l := range nLabels {
			s[l] += int32(row[l])
		}
	}
}

// tagSentence decodes greedily left to right under BIO constraints.
func (m *model) tagSentence(infos []tokInfo, tags []int, buf []uint64) []uint64 {
	p1, p2 := start, start
	for i := range infos {
		buf = static(infos, i, buf[:0])
		buf = dynamic(infos, i, p1, p2, buf)
		var s [nLabels]int32
		m.scores(buf, &s)
		best := 0
		for l := 1; l < nLabels; l++ {
			if allowed(p1, l) && s[l] > s[best] {
				best = l
			}
		}
		tags[i] = best
		alt := 1
		for l := 3; l < nLabels; l += 2 {
			if s[l] > s[alt] {
				alt = l
			}
		}
		infos[i].alt = uint8(typeOf(alt))
		p2, p1 = p1, best
	}
	return buf
}
