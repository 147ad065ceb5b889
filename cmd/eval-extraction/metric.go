package main

import (
	"regexp"
	"strings"
)

// reWord is the AEB tokenizer: Python's Unicode \w+.
var reWord = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// counts holds one page's shingle tp/fp/fn, normalised to sum 1.
type counts struct{ tp, fp, fn float64 }

// shingles returns the multiset of 4-gram shingles of text's tokens (a
// text shorter than 4 tokens is one shingle of all of them).
func shingles(text string) map[string]int {
	toks := reWord.FindAllString(text, -1)
	m := map[string]int{}
	const n = 4
	if len(toks) < n {
		if len(toks) > 0 {
			m[strings.Join(toks, "\x00")]++
		}
		return m
	}
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], "\x00")]++
	}
	return m
}

// pageCounts compares a prediction with the gold text (AEB's
// string_shingle_matching: multiset intersection and differences).
func pageCounts(pred, gold string) counts {
	p, g := shingles(pred), shingles(gold)
	var tp, fp, fn float64
	for k, pc := range p {
		gc := g[k]
		tp += float64(min(pc, gc))
		fp += float64(max(pc-gc, 0))
	}
	for k, gc := range g {
		fn += float64(max(gc-p[k], 0))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return counts{tp, fp, fn}
}

func pagePrecision(c counts) float64 {
	switch {
	case c.fp == 0 && c.fn == 0:
		return 1
	case c.tp+c.fp == 0:
		return 0
	}
	return c.tp / (c.tp + c.fp)
}

func pageRecall(c counts) float64 {
	switch {
	case c.fp == 0 && c.fn == 0:
		return 1
	case c.tp+c.fn == 0:
		return 0
	}
	return c.tp / (c.tp + c.fn)
}

// aebScore returns precision, recall and F1 as AEB defines them: the means
// of per-page precision and recall, then their harmonic mean.
func aebScore(pages []counts) (p, r, f1 float64) {
	if len(pages) == 0 {
		return 0, 0, 0
	}
	for _, c := range pages {
		p += pagePrecision(c)
		r += pageRecall(c)
	}
	p /= float64(len(pages))
	r /= float64(len(pages))
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// tokensEqual is AEB's accuracy test: same token list.
func tokensEqual(pred, gold string) bool {
	a, b := reWord.FindAllString(pred, -1), reWord.FindAllString(gold, -1)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// segCounts is trafilatura's eval_common metric, micro-summed.
type segCounts struct{ tp, fn, fp, tn int }

var reSpace = regexp.MustCompile(`\s+`)

func wsNorm(s string) string { return strings.TrimSpace(reSpace.ReplaceAllString(s, " ")) }

// evalSegments scores one page's extracted text against its with/without
// segments: whitespace-normalised, case-sensitive substring tests.
func evalSegments(text string, with, without []string) segCounts {
	t := wsNorm(text)
	var c segCounts
	for _, w := range with {
		if strings.Contains(t, wsNorm(w)) {
			c.tp++
		} else {
			c.fn++
		}
	}
	for _, w := range without {
		if strings.Contains(t, wsNorm(w)) {
			c.fp++
		} else {
			c.tn++
		}
	}
	return c
}

func (c *segCounts) add(o segCounts) { c.tp += o.tp; c.fn += o.fn; c.fp += o.fp; c.tn += o.tn }

func (c segCounts) scores() (p, r, acc, f1 float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if all := c.tp + c.fn + c.fp + c.tn; all > 0 {
		acc = float64(c.tp+c.tn) / float64(all)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return
}
