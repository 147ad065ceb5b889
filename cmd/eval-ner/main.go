// Command eval-ner scores the embedded named-entity model (or -model FILE)
// conlleval-style — exact-match entity precision, recall and F1, micro and
// per type — on the held-out sets of ../shared/data/ner-fr:
// icdar-europeana-fr dev (PER/LOC/ORG), hipe2022-newseye-fr dev (held out
// of training; all types, HumanProd as MISC, and PER/LOC/ORG),
// wikineural-fr val (measurement only; all types, and PER/LOC/ORG) and
// wikiann-fr dev (measurement only; PER/LOC/ORG).
//
//	go run ./cmd/eval-ner [-model FILE] [-sets icdar,hipe,wikineural,wikiann]
//
// Figures of the embedded model with the news cues, the street-name rule
// and the role cues (micro F1, P/R), last run (23 Nov 2026, 18:25):
//
//	icdar-europeana-fr dev, PER/LOC/ORG     0.723 (P 0.738, R 0.709)
//	hipe2022-newseye-fr dev, all types      0.603 (P 0.613, R 0.593); PER/LOC/ORG 0.610
//	wikineural-fr val, all types            0.783 (P 0.807, R 0.760); PER/LOC/ORG 0.806
//	wikiann-fr dev, PER/LOC/ORG             0.387 (P 0.436, R 0.348)
//
// (4 averaged runs, train-ner's default. Seed noise: another set of four
// shufflings, train-ner -seed 5, gives icdar 0.719, hipe 0.590, wikineural
// 0.693 without the news cues. The model alone, before the news cues of
// clean text: 0.717, 0.592, 0.694, 0.354. Before the word clusters and the
// context of a word's other mentions: 0.701, 0.600, 0.691, 0.356.)
//
// (Before the Viterbi decoder and the OCR gate: 0.602, 0.510, 0.633, 0.361.)
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/recoupe/recoupe/internal/extract/entity"
	"github.com/recoupe/recoupe/internal/extract/entity/nerdata"
	"github.com/recoupe/recoupe/internal/shareddata"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "eval-ner:", err)
		os.Exit(1)
	}
}

var plo = map[string]bool{"PER": true, "LOC": true, "ORG": true}

type set struct {
	key, title string
	load       func() ([]nerdata.Sentence, error)
	keeps      []map[string]bool // nil = all types
}

func path(elem ...string) (string, error) {
	return shareddata.Path(append([]string{"ner-fr"}, elem...)...)
}

var sets = []set{
	{"icdar", "icdar-europeana-fr dev", func() ([]nerdata.Sentence, error) {
		p, err := path("icdar-europeana-fr", "dev.txt")
		if err != nil {
			return nil, err
		}
		return nerdata.ReadCoNLL(p, 0, true, "", plo)
	}, []map[string]bool{plo}},
	{"hipe", "hipe2022-newseye-fr dev (held out)", func() ([]nerdata.Sentence, error) {
		p, err := path("hipe2022-newseye-fr", "HIPE-2022-v2.1-newseye-dev-fr.tsv")
		if err != nil {
			return nil, err
		}
		return nerdata.ReadHIPE(p)
	}, []map[string]bool{nil, plo}},
	{"wikineural", "wikineural-fr val (measurement only)", func() ([]nerdata.Sentence, error) {
		p, err := path("wikineural-fr", "val.conllu")
		if err != nil {
			return nil, err
		}
		return nerdata.ReadCoNLL(p, 1, false, "", nil)
	}, []map[string]bool{nil, plo}},
	{"wikiann", "wikiann-fr dev (measurement only)", func() ([]nerdata.Sentence, error) {
		p, err := path("wikiann-fr", "dev")
		if err != nil {
			return nil, err
		}
		return nerdata.ReadCoNLL(p, 0, false, "fr:", plo)
	}, []map[string]bool{plo}},
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval-ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	modelPath := fs.String("model", "", "model file (default: the embedded model)")
	untyped := fs.Bool("untyped", false, "also score spans ignoring their type (boundary errors only)")
	which := fs.String("sets", "icdar,hipe,wikineural,wikiann", "comma-separated sets to score")
	if err := fs.Parse(args); err != nil {
		return err
	}
	t0 := time.Now()
	var r *entity.Recognizer
	var err error
	if *modelPath != "" {
		b, rerr := os.ReadFile(*modelPath)
		if rerr != nil {
			return rerr
		}
		r, err = entity.NewFromModel(b)
	} else {
		r, err = entity.New()
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "model loaded in %v\n", time.Since(t0).Round(time.Millisecond))
	want := map[string]bool{}
	for _, k := range strings.Split(*which, ",") {
		want[strings.TrimSpace(k)] = true
	}
	for _, s := range sets {
		if !want[s.key] {
			continue
		}
		sents, err := s.load()
		if err != nil {
			return err
		}
		t1 := time.Now()
		pred := tag(r, sents)
		el := time.Since(t1)
		ntok := 0
		for _, s := range sents {
			ntok += len(s.Tokens)
		}
		keeps := s.keeps
		if *untyped {
			keeps = append(keeps, map[string]bool{"ANY": true})
		}
		for _, keep := range keeps {
			c := nerdata.NewCounts()
			label := "all types"
			for i, sent := range sents {
				if keep["ANY"] {
					c.Add(anyType(sent.Tags, s.keeps[0]), anyType(pred[i], s.keeps[0]), nil)
					continue
				}
				c.Add(sent.Tags, pred[i], keep)
			}
			switch {
			case keep["ANY"]:
				label = "spans only, types ignored"
			case keep != nil:
				label = "PER/LOC/ORG"
			}
			fmt.Fprintf(stdout, "\n%s — %s — %d sentences, %d tokens, tagged in %v\n", s.title, label, len(sents), ntok, el.Round(time.Millisecond))
			fmt.Fprintf(stdout, "%-6s %7s %7s %7s %6s %6s\n", "type", "P", "R", "F1", "gold", "found")
			for _, sc := range c.Scores() {
				fmt.Fprintf(stdout, "%-6s %7.2f %7.2f %7.2f %6d %6d\n", sc.Type, 100*sc.P, 100*sc.R, 100*sc.F1, sc.Gold, sc.Guessed)
			}
		}
	}
	return nil
}

// tag runs the recogniser document by document (consecutive sentences of
// one Doc), so the document-level rules apply as they do on articles.
func tag(r *entity.Recognizer, sents []nerdata.Sentence) [][]string {
	out := make([][]string, 0, len(sents))
	for i := 0; i < len(sents); {
		j := i
		var doc [][]string
		for j < len(sents) && sents[j].Doc == sents[i].Doc {
			doc = append(doc, sents[j].Tokens)
			j++
		}
		out = append(out, r.TagDocument(doc)...)
		i = j
	}
	return out
}

// anyType maps the tags of the kept types to one type, ANY, and the others to O.
func anyType(tags []string, keep map[string]bool) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = "O"
		if len(t) > 2 && (keep == nil || keep[t[2:]]) {
			out[i] = t[:2] + "ANY"
		}
	}
	return out
}
