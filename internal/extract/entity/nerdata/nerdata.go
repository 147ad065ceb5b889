// Package nerdata reads the named-entity corpora of ../shared/data/ner-fr
// (CoNLL-style IO/IOB2 files and HIPE-2022 TSV) into one BIO scheme, and
// scores predictions conlleval-style (exact-match entity precision, recall
// and F1, micro and per type).
package nerdata

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Sentence is one tokenised sentence with its BIO tags ("O", "B-PER", …).
type Sentence struct {
	Tokens []string
	Tags   []string
	// Doc groups sentences of one document (HIPE document id or a window
	// of consecutive sentences for corpora without document marks).
	Doc int
}

// docWindow is how many consecutive sentences form a pseudo-document in
// corpora that carry no document boundaries.
const docWindow = 30

// ReadCoNLL reads a file with one token per line (the token in column
// tokCol, the tag in the last column), blank lines between sentences. io
// says the tags are IO (Europeana) and must be converted to BIO; strip is a
// prefix removed from every token (WikiANN's "fr:"). Only types in keep
// survive (nil keeps all).
func ReadCoNLL(path string, tokCol int, io bool, strip string, keep map[string]bool) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("nerdata: %w", err)
	}
	defer f.Close()
	return parseCoNLL(f, path, tokCol, io, strip, keep)
}

func parseCoNLL(r io.Reader, name string, tokCol int, ioTags bool, strip string, keep map[string]bool) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Tags = normalize(cur.Tags, ioTags, keep)
			cur.Doc = len(out) / docWindow
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(s, "-DOCSTART-") {
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) <= tokCol || len(cols) < 2 {
			return nil, fmt.Errorf("nerdata: %s:%d: want at least %d tab-separated columns, got %d", name, line, tokCol+2, len(cols))
		}
		tok := strings.TrimPrefix(cols[tokCol], strip)
		if tok == "" {
			continue
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Tags = append(cur.Tags, cols[len(cols)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("nerdata: %s: %w", name, err)
	}
	flush()
	return out, nil
}

// titleWords are person titles and functions that HIPE includes in person
// spans ("M. Poincaré"); they are moved out so all corpora follow the
// WikiNER/Europeana convention of bare names.
var titleWords = map[string]bool{
	"m": true, "m.": true, "mm": true, "mm.": true, "mme": true, "mmes": true, "mlle": true, "mlles": true,
	"me": true, "dr": true, "docteur": true, "général": true, "president": true, "président": true,
	"madame": true, "monsieur": true, "mademoiselle": true, "abbé": true, "l'abbé": true, "sir": true,
	"lord": true, "lady": true, "colonel": true, "capitaine": true, "commandant": true, "maréchal": true,
	"professeur": true, "citoyen": true, "citoyenne": true, "maître": true, "ministre": true, "roi": true,
	"reine": true, "prince": true, "princesse": true, "comte": true, "comtesse": true, "baron": true,
	"baronne": true, "duc": true, "duchesse": true, "marquis": true, "marquise": true, "père": true,
	"mgr": true, "lieutenant": true, "sergent": true, "amiral": true, "pape": true, "saint": false,
}

// ReadHIPE reads a HIPE-2022 TSV file: column NE-COARSE-LIT, sentences
// split on EndOfSentence, HumanProd mapped to MISC, elisions split by
// the annotators ("l", "’") joined back ("l’"), and leading titles
// removed from person spans.
func ReadHIPE(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("nerdata: %w", err)
	}
	defer f.Close()
	return parseHIPE(f, path)
}

func parseHIPE(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	doc := -1
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Doc = doc
			cur.Tags = stripTitles(cur.Tokens, normalize(cur.Tags, false, nil))
			cur.Tags = normalize(cur.Tags, false, nil)
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "#") {
			if strings.Contains(s, "document_id") {
				flush()
				doc++
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) < 10 {
			return nil, fmt.Errorf("nerdata: %s:%d: want 10 tab-separated columns, got %d", name, line, len(cols))
		}
		if cols[0] == "TOKEN" {
			continue
		}
		tok, tag, misc := cols[0], cols[1], cols[9]
		tag = strings.Replace(tag, "HumanProd", "MISC", 1)
		if n := len(cur.Tokens); n > 0 && (tok == "’" || tok == "'") && isElision(cur.Tokens[n-1]) {
			cur.Tokens[n-1] += tok
		} else {
			cur.Tokens = append(cur.Tokens, tok)
			cur.Tags = append(cur.Tags, tag)
		}
		if strings.Contains(misc, "EndOfSentence") {
			flush()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("nerdata: %s: %w", name, err)
	}
	flush()
	return out, nil
}

func isElision(s string) bool {
	switch strings.ToLower(s) {
	case "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu":
		return true
	}
	return false
}

func stripTitles(toks, tags []string) []string {
	for i := 0; i < len(tags); i++ {
		if tags[i] != "B-PER" {
			continue
		}
		j := i
		for j < len(tags) && (j == i || tags[j] == "I-PER") {
			w := strings.ToLower(toks[j])
			if !titleWords[w] && w != "." {
				break
			}
			j++
		}
		if j == i || j >= len(tags) || tags[j] != "I-PER" {
			continue // title only, or nothing left: keep as is
		}
		for k := i; k < j; k++ {
			tags[k] = "O"
		}
		tags[j] = "B-PER"
		i = j
	}
	return tags
}

// normalize converts IO or IOB tags to IOB2 (every entity starts with B-),
// maps unknown types out when keep is set, and repairs I- after O.
func normalize(tags []string, ioTags bool, keep map[string]bool) []string {
	out := make([]string, len(tags))
	prev := "O"
	for i, t := range tags {
		typ := ""
		if len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-' {
			typ = t[2:]
		}
		if typ == "" || (keep != nil && !keep[typ]) {
			out[i], prev = "O", "O"
			continue
		}
		b := t[0] == 'B'
		if ioTags {
			b = false
		}
		if !b && (prev == "O" || prev[2:] != typ) {
			b = true
		}
		if b {
			out[i] = "B-" + typ
		} else {
			out[i] = "I-" + typ
		}
		prev = out[i]
	}
	return out
}

// Span is one entity: tokens [Start,End) of a sentence, with its type.
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the entities of a BIO tag sequence (I- after O or after
// another type starts a new entity, as conlleval does).
func Spans(tags []string) []Span {
	var out []Span
	start, typ := -1, ""
	for i := 0; i <= len(tags); i++ {
		t := "O"
		if i < len(tags) {
			t = tags[i]
		}
		ttyp := ""
		if len(t) > 2 {
			ttyp = t[2:]
		}
		cont := len(t) > 2 && t[0] == 'I' && ttyp == typ && start >= 0
		if !cont && start >= 0 {
			out = append(out, Span{start, i, typ})
			start, typ = -1, ""
		}
		if len(t) > 2 && !cont {
			start, typ = i, ttyp
		}
	}
	return out
}

// Counts accumulates exact-match entity counts per type.
type Counts struct {
	TP, FP, FN map[string]int
}

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{TP: map[string]int{}, FP: map[string]int{}, FN: map[string]int{}}
}

// Add scores one sentence; types outside keep (when non-nil) are ignored
// on both sides.
func (c *Counts) Add(gold, pred []string, keep map[string]bool) {
	g := map[Span]bool{}
	for _, s := range Spans(gold) {
		if keep == nil || keep[s.Type] {
			g[s] = true
		}
	}
	for _, s := range Spans(pred) {
		if keep != nil && !keep[s.Type] {
			continue
		}
		if g[s] {
			c.TP[s.Type]++
			delete(g, s)
		} else {
			c.FP[s.Type]++
		}
	}
	for s := range g {
		c.FN[s.Type]++
	}
}

// Score is precision, recall and F1 for one type or the micro average.
type Score struct {
	Type          string
	P, R, F1      float64
	Gold, Guessed int
}

func score(typ string, tp, fp, fn int) Score {
	s := Score{Type: typ, Gold: tp + fn, Guessed: tp + fp}
	if tp+fp > 0 {
		s.P = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.R = float64(tp) / float64(tp+fn)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Scores returns the micro average first, then each type in name order.
func (c *Counts) Scores() []Score {
	types := map[string]bool{}
	var tp, fp, fn int
	for _, m := range []map[string]int{c.TP, c.FP, c.FN} {
		for t := range m {
			types[t] = true
		}
	}
	names := make([]string, 0, len(types))
	for t := range types {
		names = append(names, t)
		tp, fp, fn = tp+c.TP[t], fp+c.FP[t], fn+c.FN[t]
	}
	sort.Strings(names)
	out := []Score{score("micro", tp, fp, fn)}
	for _, t := range names {
		out = append(out, score(t, c.TP[t], c.FP[t], c.FN[t]))
	}
	return out
}
