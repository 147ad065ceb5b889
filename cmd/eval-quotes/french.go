package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/extract/quote"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

type frPage struct {
	URL   string `json:"url"`
	HTML  string `json:"html"`
	Items []struct {
		Quote        string   `json:"quote"`
		Type         string   `json:"type"`
		Speaker      string   `json:"speaker"`
		Alternatives []string `json:"speaker_alternatives"`
	} `json:"items"`
}

// normText lower-cases text, turns ’ into ' and runs of spaces into one
// space, and returns it with, for each of its bytes, the byte offset in
// text it came from.
func normText(text string) (string, []int) {
	var b strings.Builder
	var from []int
	space := false
	for i, r := range text {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			from = append(from, i)
		}
		space = false
		switch r {
		case '’', '‘', 'ʼ':
			r = '\''
		}
		r = unicode.ToLower(r)
		n := utf8.RuneLen(r)
		b.WriteRune(r)
		for k := 0; k < n; k++ {
			from = append(from, i)
		}
	}
	return b.String(), from
}

func evalFrench(_ context.Context, out io.Writer, verbose bool) error {
	path, err := shareddata.Path("quotes", "fr-html-quotes", "fr-html-quotes-dev.json")
	if err != nil {
		return err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var pages []frPage
	if err := json.Unmarshal(b, &pages); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	e := quote.New()
	var at3, at8 prf
	speakerOK, speakerN := 0, 0
	for _, pg := range pages {
		html, err := shareddata.Path(strings.TrimPrefix(pg.HTML, "shared/data/"))
		if err != nil {
			return fmt.Errorf("%s: page %s: %w", path, pg.URL, err)
		}
		text, err := pageText(html)
		if err != nil {
			return err
		}
		preds := e.Extract(&news.Article{Text: text, Language: "fr"}, nil)
		norm, from := normText(text)
		// each prediction as a range of norm
		type rng struct{ s, e int }
		pr := make([]rng, len(preds))
		for i, p := range preds {
			pr[i] = rng{-1, -1}
			for k, o := range from {
				if o >= p.Span.Start && pr[i].s < 0 {
					pr[i].s = k
				}
				if o < p.Span.End {
					pr[i].e = k + 1
				}
			}
		}
		if verbose {
			fmt.Fprintf(out, "== %s\n", pg.URL)
		}
		matched3 := make([]bool, len(preds))
		matched8 := make([]bool, len(preds))
		bad3 := make([]bool, len(preds))
		bad8 := make([]bool, len(preds))
		for _, it := range pg.Items {
			g, _ := normText(it.Quote)
			g = strings.TrimRight(g, " ")
			// the occurrence of the gold text best covered by a prediction
			bestCov, bestPred := 0.0, -1
			found := false
			for off := 0; ; {
				k := strings.Index(norm[off:], g)
				if k < 0 {
					break
				}
				found = true
				gs, ge := off+k, off+k+len(g)
				for i, r := range pr {
					ov := min(ge, r.e) - max(gs, r.s)
					if ov <= 0 {
						continue
					}
					cov := float64(ov) / float64(len(g))
					if cov > bestCov {
						bestCov, bestPred = cov, i
					}
					if it.Type == "not_quote" {
						bad3[i] = bad3[i] || cov > 0.3
						bad8[i] = bad8[i] || cov > 0.8
					} else {
						matched3[i] = matched3[i] || cov > 0.3
						matched8[i] = matched8[i] || cov > 0.8
					}
				}
				off += k + 1
			}
			if !found {
				fmt.Fprintf(out, "warning: %s: gold quote not in the extracted text: %q\n", pg.URL, it.Quote)
			}
			if it.Type == "not_quote" {
				if verbose {
					fmt.Fprintf(out, "  not_quote %.2f %q\n", bestCov, it.Quote)
				}
				continue
			}
			at3.gold++
			at8.gold++
			if bestCov > 0.3 {
				at3.recalled++
				speakerN++
				got := preds[bestPred].Speaker
				ok := speakerMatches(got, it.Speaker, it.Alternatives)
				if ok {
					speakerOK++
				}
				if verbose {
					fmt.Fprintf(out, "  %-5v %.2f %q\n        speaker %q want %q (cue %q)\n", ok, bestCov, short(it.Quote), got, it.Speaker, preds[bestPred].Cue)
				}
			} else if verbose {
				fmt.Fprintf(out, "  MISS  %.2f %q (%s)\n", bestCov, short(it.Quote), it.Speaker)
			}
			if bestCov > 0.8 {
				at8.recalled++
			}
		}
		for i, p := range preds {
			if matched3[i] && !bad3[i] {
				at3.tp++
			} else {
				at3.fp++
				if verbose {
					fmt.Fprintf(out, "  FP    %q [%s] cue %q\n", short(p.Text), p.Speaker, p.Cue)
				}
			}
			if matched8[i] && !bad8[i] {
				at8.tp++
			} else {
				at8.fp++
			}
		}
	}
	fmt.Fprintf(out, "French fr-html-quotes-dev (%d pages, %d quotes)\n", len(pages), at3.gold)
	fmt.Fprintf(out, "  quotes @0.3  %v\n", at3)
	fmt.Fprintf(out, "  quotes @0.8  %v\n", at8)
	fmt.Fprintf(out, "  speaker accuracy @0.3  %.3f (%d/%d)\n", ratio(speakerOK, speakerN), speakerOK, speakerN)
	return nil
}

// speakerMatches accepts the canonical name, an alternative or the
// person's surname alone, ignoring case.
func speakerMatches(got, want string, alts []string) bool {
	got = strings.TrimSpace(got)
	if got == "" {
		return false
	}
	for _, w := range append([]string{want}, alts...) {
		if strings.EqualFold(got, w) {
			return true
		}
		if f := strings.Fields(w); len(f) > 1 && strings.EqualFold(got, f[len(f)-1]) {
			return true
		}
	}
	return false
}

func short(s string) string {
	if r := []rune(s); len(r) > 90 {
		return string(r[:90]) + "…"
	}
	return s
}
