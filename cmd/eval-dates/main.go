// Command eval-dates scores recoupe's date extractor (internal/extract/date)
// on the peer's own test suite, Microsoft Recognizers-Text DateTimeModel
// specs (../shared/data/recognizers-specs/DateTime/<Language>/DateTimeModel.json),
// and runs the peer on the same inputs for comparison.
//
// Scoring follows the suite's SOURCE.md: a predicted item is right when
// its span equals a gold span (both trimmed of spaces; offsets in UTF-16
// units as the specs count them) and its value equals the gold resolution
// for the case's ReferenceDateTime. Values compare as ISO dates to
// recoupe's granularity:
//
//   - date "2016-11-07"; datetime "2016-11-07T08:00" (seconds dropped);
//     time of day "T19:56" (recoupe leaves a lone time unresolved and is
//     compared on its "time:" expression); a month "2016-12" or a year
//     "2016" for daterange results whose timex is exactly that;
//   - when the gold lists several values (the peer's past and future
//     readings of "vendredi"), any one of them is right;
//   - in the cases that give no ReferenceDateTime (the peer then used the
//     day its tests ran), a gold value that depends on the reference
//     ("aujourd'hui", "avril") cannot be reproduced: there the span alone
//     is scored, for recoupe and the peer alike;
//   - in a case without a reference, an unresolved reading is right when
//     the gold timex is itself reference-free and says the same
//     ("XXXX-10-02" is "md:10-02", "XXXX-WXX-5" is "weekday:5"); in a case
//     with one, only a resolved value can be right (recoupe's refusal to
//     pick between last and next "vendredi" counts as a miss).
//
// A prediction on a gold span with a wrong value counts twice, as a false
// alarm and a miss.
//
// Scope: dates, times and date-times, plus month and year periods. Other
// gold results (durations, sets, time and date ranges, weeks, seasons,
// "before/after" modifiers, time zones) are out of scope: they count in
// neither recall nor precision, and a prediction overlapping one is
// ignored rather than counted wrong. The same rules score the peer.
//
// Usage:
//
//	go run ./cmd/eval-dates [-lang fr,en] [-peer=false] [-v]
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/recoupe/recoupe/internal/extract/date"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

//go:embed peer.js
var peerJS []byte

const peerPackage = "@microsoft/recognizers-text-suite@1.3.1"

func main() {
	if err := run(os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "eval-dates:", err)
		os.Exit(1)
	}
}

type options struct {
	langs   []string
	peer    bool
	peerDir string
	verbose bool
	reps    int
}

func run(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval-dates", flag.ContinueOnError)
	fs.SetOutput(stderr)
	langs := fs.String("lang", "fr,en", "languages to score, comma-separated (fr, en)")
	peer := fs.Bool("peer", true, "also run the peer (needs node and npm)")
	dir := getenv("RECOUPE_PEER_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "recoupe-peer-dates")
	}
	peerDir := fs.String("peer-dir", dir, "scratch folder for the peer's npm install (never inside the repository)")
	verbose := fs.Bool("v", false, "list every miss and false alarm of recoupe")
	reps := fs.Int("reps", 20, "passes over the cases when timing recoupe")
	if err := fs.Parse(args); err != nil {
		return err
	}
	o := options{langs: strings.Split(*langs, ","), peer: *peer, peerDir: *peerDir, verbose: *verbose, reps: max(*reps, 1)}
	for _, l := range o.langs {
		if err := evalLang(strings.TrimSpace(l), o, stdout, stderr); err != nil {
			return err
		}
	}
	return nil
}

var languages = map[string]struct{ folder, culture string }{
	"fr": {"French", "fr-fr"},
	"en": {"English", "en-us"},
}

type specCase struct {
	Input   string `json:"Input"`
	Context *struct {
		ReferenceDateTime string `json:"ReferenceDateTime"`
	} `json:"Context"`
	NotSupported string       `json:"NotSupported"`
	Results      []specResult `json:"Results"`
}

type specResult struct {
	Text       string `json:"Text"`
	TypeName   string `json:"TypeName"`
	Resolution struct {
		Values []map[string]any `json:"values"`
	} `json:"Resolution"`
	Start int `json:"Start"`
	End   int `json:"End"`
}

// peerResult is what peer.js prints for one result.
type peerResult struct {
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	TypeName   string `json:"typeName"`
	Resolution struct {
		Values []map[string]any `json:"values"`
	} `json:"resolution"`
}

// item is a gold or predicted result reduced to its span (UTF-16 units,
// half-open) and the values it may stand for.
type item struct {
	start, end int
	text       string
	keys       []string
	inScope    bool
	typ        string
	anyValue   bool     // the value depends on a reference the case does not give
	freeKeys   []string // reference-free readings of the timex ("md:10-02"), right only when the case gives no reference
}

type score struct{ tp, fp, fn, spanTP int }

func (s *score) add(o score) { s.tp += o.tp; s.fp += o.fp; s.fn += o.fn; s.spanTP += o.spanTP }

func (s score) prf() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func (s score) String() string {
	p, r, f := s.prf()
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d; span-only tp %d)", p, r, f, s.tp, s.fp, s.fn, s.spanTP)
}

func evalLang(lang string, o options, stdout, stderr io.Writer) error {
	l, ok := languages[lang]
	if !ok {
		return fmt.Errorf("unknown language %q (want fr or en)", lang)
	}
	path, err := shareddata.Path("recognizers-specs", "DateTime", l.folder, "DateTimeModel.json")
	if err != nil {
		return err
	}
	cases, err := readSpec(path)
	if err != nil {
		return err
	}
	refs := make([]news.Date, len(cases))
	supported := make([]bool, len(cases))
	nSup := 0
	for i, c := range cases {
		if c.Context != nil && c.Context.ReferenceDateTime != "" {
			t, err := time.Parse("2006-01-02T15:04:05", c.Context.ReferenceDateTime)
			if err != nil {
				return fmt.Errorf("%s: case %d: ReferenceDateTime: %w", path, i, err)
			}
			refs[i] = news.Date{Time: t, Granularity: news.GranDay}
		}
		supported[i] = !strings.Contains(strings.ToLower(c.NotSupported), "javascript")
		if supported[i] {
			nSup++
		}
	}

	// Gold items and scope counts.
	gold := make([][]item, len(cases))
	inScope, outScope := 0, map[string]int{}
	for i, c := range cases {
		for _, r := range c.Results {
			it := toItem(c.Input, r.Start, goldEnd(c.Input, r.Start, r.End, r.Text), r.Text, r.TypeName, r.Resolution.Values)
			it.anyValue = refs[i].IsZero() && refDependent(c.Input, it, r.Resolution.Values)
			if refs[i].IsZero() {
				it.keys = append(it.keys, it.freeKeys...)
			}
			gold[i] = append(gold[i], it)
			if it.inScope {
				inScope++
			} else {
				outScope[it.typ]++
			}
		}
	}

	// recoupe.
	x := date.New()
	ours := make([][]item, len(cases))
	for i, c := range cases {
		a := &news.Article{Text: c.Input, Published: refs[i], Language: lang}
		for _, f := range x.Extract(a) {
			ours[i] = append(ours[i], factItem(c.Input, f))
		}
	}
	start := time.Now()
	for range o.reps {
		for i, c := range cases {
			x.Extract(&news.Article{Text: c.Input, Published: refs[i], Language: lang})
		}
	}
	ourRate := float64(len(cases)*o.reps) / time.Since(start).Seconds()

	fmt.Fprintf(stdout, "== %s DateTimeModel: %s\n", l.folder, path)
	fmt.Fprintf(stdout, "cases %d (peer-supported %d); gold results in scope %d; out of scope %s\n",
		len(cases), nSup, inScope, fmtCounts(outScope))
	fmt.Fprintln(stdout, "scope: date, time, datetime, and daterange whose timex is a year or a month; out of scope (durations, sets, ranges, weeks, seasons, before/after) counts neither way and a prediction overlapping it is ignored")
	var all, sup score
	for i := range cases {
		s, notes := scoreCase(gold[i], ours[i])
		all.add(s)
		if supported[i] {
			sup.add(s)
		}
		if o.verbose {
			mark := ""
			if supported[i] {
				mark = " [peer-supported]"
			}
			for _, n := range notes {
				fmt.Fprintf(stdout, "  case %d%s %q: %s\n", i, mark, cases[i].Input, n)
			}
		}
	}
	fmt.Fprintf(stdout, "recoupe  all cases:        %s\n", all)
	fmt.Fprintf(stdout, "recoupe  peer-supported:   %s\n", sup)
	fmt.Fprintf(stdout, "recoupe  speed: %.0f cases/s (one goroutine, %d passes)\n", ourRate, o.reps)

	if !o.peer {
		return nil
	}
	pr, elapsed, err := runPeer(o.peerDir, l.culture, path, stderr)
	if err != nil {
		fmt.Fprintf(stdout, "peer     skipped: %v\n", err)
		return nil
	}
	if len(pr) != len(cases) {
		return fmt.Errorf("peer returned %d cases for %d", len(pr), len(cases))
	}
	var pall, psup score
	for i, c := range cases {
		var pred []item
		for _, r := range pr[i] {
			it := toItem(c.Input, r.Start, goldEnd(c.Input, r.Start, r.End, r.Text), r.Text, r.TypeName, r.Resolution.Values)
			if it.inScope {
				it.keys = append(it.keys, it.freeKeys...)
				pred = append(pred, it)
			}
		}
		s, _ := scoreCase(gold[i], pred)
		pall.add(s)
		if supported[i] {
			psup.add(s)
		}
	}
	peerRate := float64(len(cases)) / elapsed.Seconds()
	fmt.Fprintf(stdout, "peer     all cases:        %s\n", pall)
	fmt.Fprintf(stdout, "peer     peer-supported:   %s\n", psup)
	fmt.Fprintf(stdout, "peer     speed: %.1f cases/s (node, one thread, after warm-up)\n", peerRate)
	fmt.Fprintf(stdout, "speed ratio recoupe/peer: %.0f×\n", ourRate/peerRate)
	return nil
}

func fmtCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", k, m[k])
	}
	return b.String()
}

func readSpec(path string) ([]specCase, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	var cases []specCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// refDependent reports whether a gold value was computed from a reference
// date: without one in the case, the peer used the day its tests ran,
// which no one can reproduce. Times of day and dates whose year is
// written in the input are not.
func refDependent(input string, it item, values []map[string]any) bool {
	if it.typ == "time" {
		return false
	}
	for _, v := range values {
		tx, _ := v["timex"].(string)
		if len(tx) < 4 || !reYear.MatchString(tx[:4]) || !strings.Contains(input, tx[:4]) {
			return true
		}
	}
	return false
}

// goldEnd returns the exclusive end of a result. The specs are not
// consistent: most give End inclusive, later cases exclusive; the
// result's Text decides, compared without case with the input.
func goldEnd(input string, start, end int, text string) int {
	units := utf16.Encode([]rune(input))
	n := len(utf16.Encode([]rune(text)))
	if start >= 0 && start+n <= len(units) && strings.EqualFold(string(utf16.Decode(units[start:start+n])), text) {
		return start + n
	}
	return end + 1
}

// u16 converts a byte offset of s to UTF-16 units.
func u16(s string, byteOff int) int {
	n := 0
	for _, r := range s[:byteOff] {
		n += utf16.RuneLen(r)
	}
	return n
}

// trim narrows a UTF-16 span of s to exclude spaces at either end.
func trim(s string, start, end int) (int, int) {
	units := utf16.Encode([]rune(s))
	end = min(end, len(units))
	start = max(0, min(start, end))
	for start < end && isSpace(units[start]) {
		start++
	}
	for end > start && isSpace(units[end-1]) {
		end--
	}
	return start, end
}

func isSpace(u uint16) bool { return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == 0xa0 }

var (
	reYear   = regexp.MustCompile(`^\d{4}$`)
	reMonth  = regexp.MustCompile(`^\d{4}-\d{2}$`)
	reXMonth = regexp.MustCompile(`^XXXX-(\d{2})$`)
	reXMD    = regexp.MustCompile(`^XXXX-(\d{2})-(\d{2})(T.*)?$`)
	reXWD    = regexp.MustCompile(`^XXXX-WXX-(\d)(T.*)?$`)
	reTime   = regexp.MustCompile(`^T(\d{2})(?::(\d{2}))?(?::\d{2})?$`)
)

// toItem reads a gold (or peer) result: its span and the keys its
// resolution stands for.
func toItem(input string, start, end int, text, typeName string, values []map[string]any) item {
	it := item{text: text, typ: strings.TrimPrefix(typeName, "datetimeV2.")}
	it.start, it.end = trim(input, start, end)
	for _, v := range values {
		if _, ok := v["Mod"]; ok {
			it.inScope = false
			return it
		}
	}
	str := func(v map[string]any, k string) string { s, _ := v[k].(string); return s }
	switch it.typ {
	case "date", "datetime", "time":
		it.inScope = true
	case "daterange":
		for _, v := range values {
			t := str(v, "timex")
			if reYear.MatchString(t) || reMonth.MatchString(t) || reXMonth.MatchString(t) {
				it.inScope = true
			}
		}
	}
	if !it.inScope {
		return it
	}
	for _, v := range values {
		val, tx := str(v, "value"), str(v, "timex")
		switch it.typ {
		case "date":
			if len(val) == 10 {
				it.keys = append(it.keys, val)
			}
		case "datetime":
			if len(val) >= 16 {
				it.keys = append(it.keys, val[:10]+"T"+val[11:16])
			}
		case "time":
			if len(val) >= 5 {
				it.keys = append(it.keys, "T"+val[:5])
			}
		case "daterange":
			if reYear.MatchString(tx) || reMonth.MatchString(tx) {
				it.keys = append(it.keys, tx)
			}
		}
		if k := timexKey(tx); k != "" {
			it.freeKeys = append(it.freeKeys, k)
		}
	}
	return it
}

// timexKey turns a reference-free timex into recoupe's expression.
func timexKey(tx string) string {
	timePart := func(t string) string {
		if t == "" {
			return ""
		}
		m := reTime.FindStringSubmatch(t)
		if m == nil {
			return "?"
		}
		mi := m[2]
		if mi == "" {
			mi = "00"
		}
		return " time:" + m[1] + ":" + mi
	}
	if m := reXMD.FindStringSubmatch(tx); m != nil {
		tp := timePart(m[3])
		if tp == "?" {
			return ""
		}
		return "md:" + m[1] + "-" + m[2] + tp
	}
	if m := reXWD.FindStringSubmatch(tx); m != nil {
		tp := timePart(m[2])
		if tp == "?" {
			return ""
		}
		return "weekday:" + m[1] + tp
	}
	if m := reXMonth.FindStringSubmatch(tx); m != nil {
		return "m:" + m[1]
	}
	if m := reTime.FindStringSubmatch(tx); m != nil {
		return strings.TrimPrefix(timePart(tx), " time:")
	}
	return ""
}

// factItem reduces a recoupe fact to an item.
func factItem(input string, f news.Fact) item {
	it := item{text: f.Text, inScope: true, typ: string(f.Kind)}
	it.start, it.end = trim(input, u16(input, f.Span.Start), u16(input, f.Span.End))
	switch {
	case !f.When.Date.IsZero():
		it.keys = []string{f.When.Date.String()}
	case strings.HasPrefix(f.When.Expr, "time:") && !strings.Contains(f.When.Expr, " "):
		it.keys = []string{"T" + strings.TrimPrefix(f.When.Expr, "time:")}
	default:
		it.keys = []string{f.When.Expr}
	}
	return it
}

// scoreCase matches predictions to gold items of one case.
func scoreCase(gold, pred []item) (score, []string) {
	var s score
	var notes []string
	used := make([]bool, len(gold))
	for _, p := range pred {
		matched, ignored := false, false
		for gi, g := range gold {
			if used[gi] || g.start != p.start || g.end != p.end {
				continue
			}
			if !g.inScope {
				ignored = true
				break
			}
			s.spanTP++
			if g.anyValue || intersects(g.keys, p.keys) {
				used[gi], matched = true, true
				s.tp++
			} else {
				notes = append(notes, fmt.Sprintf("wrong value %q: got %v, want %v", p.text, p.keys, g.keys))
			}
			break
		}
		if matched || ignored {
			continue
		}
		for _, g := range gold {
			if !g.inScope && g.start < p.end && p.start < g.end {
				ignored = true
			}
		}
		if ignored {
			continue
		}
		s.fp++
		notes = append(notes, fmt.Sprintf("false alarm %q %v", p.text, p.keys))
	}
	for gi, g := range gold {
		if g.inScope && !used[gi] {
			s.fn++
			notes = append(notes, fmt.Sprintf("missed %q (%s) %v", g.text, g.typ, g.keys))
		}
	}
	return s, notes
}

func intersects(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// runPeer installs the peer in dir if needed and runs peer.js there.
func runPeer(dir, culture, spec string, stderr io.Writer) ([][]peerResult, time.Duration, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, 0, errors.New("node not found on PATH")
	}
	mod := filepath.Join(dir, "node_modules", "@microsoft", "recognizers-text-suite")
	if _, err := os.Stat(mod); err != nil {
		npm, err := exec.LookPath("npm")
		if err != nil {
			return nil, 0, errors.New("npm not found on PATH")
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, 0, err
		}
		fmt.Fprintf(stderr, "eval-dates: installing %s in %s\n", peerPackage, dir)
		cmd := exec.Command(npm, "install", "--prefix", dir, "--no-audit", "--no-fund", peerPackage)
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Run(); err != nil {
			return nil, 0, fmt.Errorf("npm install %s: %w", peerPackage, err)
		}
	}
	script := filepath.Join(dir, "eval-dates-peer.js")
	if err := os.WriteFile(script, peerJS, 0o644); err != nil {
		return nil, 0, err
	}
	cmd := exec.Command(node, script, culture, spec)
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(dir, "node_modules"))
	cmd.Stderr = stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, 0, fmt.Errorf("node %s: %w", script, err)
	}
	var res struct {
		ElapsedNS float64        `json:"elapsed_ns"`
		Results   [][]peerResult `json:"results"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, 0, fmt.Errorf("peer output: %w", err)
	}
	return res.Results, time.Duration(res.ElapsedNS), nil
}
