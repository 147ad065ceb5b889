package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/recoupe/recoupe/internal/extract/quote"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

type pnSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type pnArticle struct {
	ID          string `json:"id"`
	Text        string `json:"text"`
	Annotations map[string][]struct {
		ID       string   `json:"id"`
		Source   []pnSpan `json:"source"`
		Cue      []pnSpan `json:"cue"`
		Content  []pnSpan `json:"content"`
		NoSource bool     `json:"no_source"`
		Direct   bool     `json:"direct"`
	} `json:"annotations"`
}

func evalEnglish(ctx context.Context, out io.Writer, verbose, content bool) error {
	path, err := shareddata.Path("quotes", "polnear", "polnear-train-dev.jsonl.gz")
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	e := quote.New()
	var at3, at8 prf
	speakerOK, speakerN, articles, line := 0, 0, 0, 0
	for sc.Scan() {
		line++
		if err := ctx.Err(); err != nil {
			return err
		}
		var a pnArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		articles++
		keys := make([]string, 0, len(a.Annotations))
		for k := range a.Annotations {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if len(keys) == 0 {
			continue
		}
		// code point offsets to byte offsets
		byteAt := make([]int, 0, len(a.Text)+1)
		for i := range a.Text {
			byteAt = append(byteAt, i)
		}
		byteAt = append(byteAt, len(a.Text))
		toBytes := func(s pnSpan) news.Span {
			if s.Start < 0 || s.End > len(byteAt)-1 || s.Start > s.End {
				return news.Span{}
			}
			return news.Span{Start: byteAt[s.Start], End: byteAt[s.End]}
		}
		preds := e.Extract(&news.Article{Text: a.Text, Language: "en"}, nil)
		// PolNeAR's content of a mixed quote is its whole reported clause:
		// score a mixed quote by its Content.
		for i, p := range preds {
			if content && p.Content.Len() > 0 {
				preds[i].Span = p.Content
			}
		}
		tp3 := make([]bool, len(preds))
		tp8 := make([]bool, len(preds))
		for _, at := range a.Annotations[keys[0]] {
			if !at.Direct {
				continue
			}
			var content []news.Span
			total := 0
			for _, s := range at.Content {
				b := toBytes(s)
				content = append(content, b)
				total += b.Len()
			}
			if total == 0 {
				continue
			}
			// coverage by the union of the predictions
			covered := 0
			best, bestOv := -1, 0
			for _, c := range content {
				mask := make([]bool, c.Len())
				for i, p := range preds {
					ov := 0
					for k := max(c.Start, p.Span.Start); k < min(c.End, p.Span.End); k++ {
						mask[k-c.Start] = true
						ov++
					}
					if ov > bestOv {
						best, bestOv = i, ov
					}
				}
				for _, m := range mask {
					if m {
						covered++
					}
				}
			}
			cov := float64(covered) / float64(total)
			at3.gold++
			at8.gold++
			mark := func(tp []bool) {
				for i, p := range preds {
					for _, c := range content {
						if p.Span.Overlaps(c) {
							tp[i] = true
						}
					}
				}
			}
			if cov > 0.3 {
				at3.recalled++
				mark(tp3)
				speakerN++
				p := preds[best]
				ok := false
				if at.NoSource || len(at.Source) == 0 {
					ok = p.Speaker == ""
				}
				for _, s := range at.Source {
					b := toBytes(s)
					if p.SpeakerSpan.Len() > 0 && p.SpeakerSpan.Overlaps(b) {
						ok = true
					}
					if p.Speaker != "" && nameIn(p.Speaker, s.Text) {
						ok = true
					}
				}
				if ok {
					speakerOK++
				}
				if verbose && !ok {
					src := ""
					if len(at.Source) > 0 {
						src = at.Source[0].Text
					}
					fmt.Fprintf(out, "SPK %s: %q got %q (%q) want %q cue %q ctx %q\n", a.ID, short(p.Text), p.Speaker, a.Text[p.SpeakerSpan.Start:p.SpeakerSpan.End], src, p.Cue, a.Text[max(0, p.Span.Start-150):p.Span.Start]+" <<Q>> "+a.Text[p.Span.End:min(len(a.Text), p.Span.End+100)])
				}
			} else if verbose {
				fmt.Fprintf(out, "MISS %s %.2f: %q\n", a.ID, cov, short(at.Content[0].Text))
			}
			if cov > 0.8 {
				at8.recalled++
				mark(tp8)
			}
		}
		for i, p := range preds {
			if tp3[i] {
				at3.tp++
			} else {
				at3.fp++
				if verbose {
					fmt.Fprintf(out, "FP %s: %q [%s] cue %q\n", a.ID, short(p.Text), p.Speaker, p.Cue)
				}
			}
			if tp8[i] {
				at8.tp++
			} else {
				at8.fp++
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	scored := "mixed quotes scored by their reported clause"
	if !content {
		scored = "quoted words only"
	}
	fmt.Fprintf(out, "English PolNeAR train+dev direct attributions (%d articles, %d quotes; %s)\n", articles, at3.gold, scored)
	fmt.Fprintf(out, "  quotes @0.3  %v\n", at3)
	fmt.Fprintf(out, "  quotes @0.8  %v\n", at8)
	fmt.Fprintf(out, "  speaker match @0.3  %.3f (%d/%d)\n", ratio(speakerOK, speakerN), speakerOK, speakerN)
	return nil
}

// nameIn reports whether a source mention names the speaker: the whole
// name, or its last word (the surname: "Barkley" for "Charles Barkley"),
// as a word of the mention, ignoring case.
func nameIn(speaker, source string) bool {
	words := strings.FieldsFunc(strings.ToLower(source), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	sw := strings.Fields(strings.ToLower(speaker))
	if len(sw) == 0 {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(speaker), strings.TrimSpace(source)) {
		return true
	}
	last := strings.Trim(sw[len(sw)-1], ".,")
	for _, w := range words {
		if w == last || strings.TrimSuffix(w, "'s") == last || strings.TrimSuffix(w, "’s") == last {
			return true
		}
	}
	return false
}
