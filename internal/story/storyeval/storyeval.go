// Package storyeval reads the story-clustering gold sets of
// ../shared/data/news-clustering and scores a clustering against them with
// the metrics of that folder's SOURCE.md: pairwise and B-cubed
// precision/recall/F1, adjusted Rand index, cluster count and, for ECB+,
// the confuser-merge rate.
package storyeval

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/recoupe/recoupe/news"
)

// Item is one gold article: the article to feed and its labels.
type Item struct {
	Article news.Article
	Event   string // gold event
	Story   string // gold story (RPM2 topic) or confuser group (ECB+ topic)
	Period  int    // RPM2 period (1 or 2), 0 for ECB+
}

type rawDoc struct {
	ID     string `json:"id"`
	Lang   string `json:"lang"`
	Period int    `json:"period"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	URL    string `json:"url"`
}

// Epoch is the synthetic date of RPM2 period 1; see LoadRPM2.
var Epoch = time.Date(2008, 6, 2, 8, 0, 0, 0, time.UTC)

// LoadRPM2 reads rpm2-fr (dir is the corpus folder) in file order, which is
// (period, id). If dated, it gives each article a synthetic publication
// date, since the corpus has none: period p starts at Epoch + 30·(p-1)
// days and the k-th article of a period is dated k·10 minutes later, so a
// period spans about a day. The gap between periods follows the corpus
// description ("about one month after").
func LoadRPM2(dir string, dated bool) ([]Item, error) {
	gold, err := readGold(filepath.Join(dir, "gold.tsv"))
	if err != nil {
		return nil, err
	}
	docs, err := readDocs(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		return nil, err
	}
	items := make([]Item, 0, len(docs))
	perPeriod := map[int]int{}
	for _, d := range docs {
		g, ok := gold[d.ID]
		if !ok {
			return nil, fmt.Errorf("storyeval: %s: id %q not in gold.tsv", dir, d.ID)
		}
		a := news.Article{ID: d.ID, Name: d.ID, Title: d.Title, Text: d.Text, Language: d.Lang}
		if dated {
			k := perPeriod[d.Period]
			perPeriod[d.Period]++
			t := Epoch.AddDate(0, 0, 30*(d.Period-1)).Add(time.Duration(k) * 10 * time.Minute)
			a.Published = news.Date{Time: t, Granularity: news.GranMinute}
		}
		items = append(items, Item{Article: a, Event: g[0], Story: g[1], Period: d.Period})
	}
	return items, nil
}

// LoadECBPlus reads ecbplus-en (dir is the corpus folder) in file order;
// the corpus has no dates.
func LoadECBPlus(dir string) ([]Item, error) {
	gold, err := readGold(filepath.Join(dir, "gold.tsv"))
	if err != nil {
		return nil, err
	}
	docs, err := readDocs(filepath.Join(dir, "docs.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	items := make([]Item, 0, len(docs))
	for _, d := range docs {
		g, ok := gold[d.ID]
		if !ok {
			return nil, fmt.Errorf("storyeval: %s: id %q not in gold.tsv", dir, d.ID)
		}
		a := news.Article{ID: d.ID, Name: d.ID, Title: d.Title, Text: d.Text, Language: d.Lang, URL: d.URL}
		items = append(items, Item{Article: a, Event: g[0], Story: g[1]})
	}
	return items, nil
}

// readGold reads a gold.tsv: id, event, story or topic, source file.
func readGold(path string) (map[string][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("storyeval: %w", err)
	}
	defer f.Close()
	out := map[string][2]string{}
	sc := bufio.NewScanner(f)
	for line := 0; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if line == 0 {
			continue
		}
		if len(cols) < 3 {
			return nil, fmt.Errorf("storyeval: %s:%d: want at least 3 tab-separated columns, got %d", path, line+1, len(cols))
		}
		out[cols[0]] = [2]string{cols[1], cols[2]}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("storyeval: %s: %w", path, err)
	}
	return out, nil
}

// readDocs reads a JSON-lines file, gzipped if its name ends in .gz.
func readDocs(path string) ([]rawDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("storyeval: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("storyeval: %s: %w", path, err)
		}
		defer z.Close()
		r = z
	}
	var docs []rawDoc
	dec := json.NewDecoder(r)
	for n := 1; ; n++ {
		var d rawDoc
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("storyeval: %s: record %d: %w", path, n, err)
		}
		if d.ID == "" {
			return nil, fmt.Errorf("storyeval: %s: record %d: missing field id", path, n)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Scores are the metrics of one clustering against one gold labelling.
type Scores struct {
	P, R, F1      float64 // pairwise
	BP, BR, BF1   float64 // B-cubed
	ARI           float64
	K, Gold       int     // predicted and gold cluster counts
	ConfuserMerge float64 // share of same-group, different-gold pairs merged; -1 if no groups
	ConfuserPairs int64
}

// Score compares predicted labels with gold labels (same length, one per
// document). groups, if not nil, are confuser groups (ECB+ topics): pairs
// in one group with different gold labels count toward ConfuserMerge.
func Score(pred, gold, groups []string) Scores {
	n := len(pred)
	type pair struct{ g, p string }
	cont := map[pair]int{}
	gi, pj := map[string]int{}, map[string]int{}
	for i := range n {
		cont[pair{gold[i], pred[i]}]++
		gi[gold[i]]++
		pj[pred[i]]++
	}
	c2 := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	var tp, sumG, sumP float64
	var bp, br float64
	for k, v := range cont {
		tp += c2(v)
		bp += float64(v) * float64(v) / float64(pj[k.p])
		br += float64(v) * float64(v) / float64(gi[k.g])
	}
	for _, v := range gi {
		sumG += c2(v)
	}
	for _, v := range pj {
		sumP += c2(v)
	}
	s := Scores{K: len(pj), Gold: len(gi), ConfuserMerge: -1}
	s.P, s.R = ratio(tp, sumP), ratio(tp, sumG)
	s.F1 = hmean(s.P, s.R)
	s.BP, s.BR = bp/float64(n), br/float64(n)
	s.BF1 = hmean(s.BP, s.BR)
	total := c2(n)
	expected := sumG * sumP / total
	if den := (sumG+sumP)/2 - expected; den != 0 {
		s.ARI = (tp - expected) / den
	}
	if groups != nil {
		var pairs, merged int64
		for i := range n {
			for j := i + 1; j < n; j++ {
				if groups[i] == groups[j] && gold[i] != gold[j] {
					pairs++
					if pred[i] == pred[j] {
						merged++
					}
				}
			}
		}
		s.ConfuserPairs = pairs
		if pairs > 0 {
			s.ConfuserMerge = float64(merged) / float64(pairs)
		}
	}
	return s
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func hmean(a, b float64) float64 {
	if a+b == 0 {
		return 0
	}
	return 2 * a * b / (a + b)
}

// Confusion describes the errors of a clustering: the gold clusters split
// over several predicted clusters, and the predicted clusters that mix
// several gold clusters, each as "label×count" lists, largest first.
type Confusion struct {
	Split  []Row // gold cluster → predicted clusters, when more than one
	Merged []Row // predicted cluster → gold clusters, when more than one
}

// Row is one cluster and how its documents spread over the other side.
type Row struct {
	Label string
	Parts []Part
}

// Part is a share of a Row's documents.
type Part struct {
	Label string
	N     int
}

// Confuse tabulates the errors of pred against gold (same length).
func Confuse(pred, gold []string) Confusion {
	byGold := map[string]map[string]int{}
	byPred := map[string]map[string]int{}
	for i := range pred {
		if byGold[gold[i]] == nil {
			byGold[gold[i]] = map[string]int{}
		}
		if byPred[pred[i]] == nil {
			byPred[pred[i]] = map[string]int{}
		}
		byGold[gold[i]][pred[i]]++
		byPred[pred[i]][gold[i]]++
	}
	rows := func(m map[string]map[string]int) []Row {
		var out []Row
		for k, parts := range m {
			if len(parts) < 2 {
				continue
			}
			r := Row{Label: k}
			for l, n := range parts {
				r.Parts = append(r.Parts, Part{l, n})
			}
			slices.SortFunc(r.Parts, func(a, b Part) int {
				if a.N != b.N {
					return b.N - a.N
				}
				return strings.Compare(a.Label, b.Label)
			})
			out = append(out, r)
		}
		slices.SortFunc(out, func(a, b Row) int { return strings.Compare(a.Label, b.Label) })
		return out
	}
	return Confusion{Split: rows(byGold), Merged: rows(byPred)}
}
