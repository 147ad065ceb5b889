// Command eval-numbers measures internal/extract/money on the test suite of
// Microsoft Recognizers-Text (../shared/data/recognizers-specs, the peer),
// and runs the peer itself on the same cases for comparison.
//
// For each of French and English CurrencyModel and NumberModel it prints
// precision, recall and F1 over all cases and over the cases the peer
// supports (NotSupported absent or not naming javascript), for recoupe and
// for the peer, and the speed of each in cases per second on one core.
//
// Scoring follows the suite's SOURCE.md: a predicted item matches a gold
// result when its span equals the gold span (both trimmed of spaces) and
// its value equals the gold value (currency: value and currency, the
// peer's unit names mapped to ISO 4217 codes, subunits such as "Cent"
// divided by 100). recoupe includes a hedge in an amount's span ("près de
// 100 milliards de dollars", as the seeds' gold does) where the peer does
// not; a recoupe amount whose span is the gold span with a hedge before it
// counts as a match. For CurrencyModel, recoupe's amounts of an unstated
// currency ("97 milliards" in a sentence about money) are left out: the
// peer's model only reports a number with its unit. For NumberModel,
// recoupe's Numbers (every number as written, amounts included) is used.
// Gold results with no value (a bare "dollar") count as misses for both.
//
// The peer: tools/peer/run.js, installed with npm into a scratch folder
// ($RECOUPE_PEER_DIR, else a new temporary folder removed at exit). When
// node or npm is missing, or with -peer=false, the peer is skipped with a
// message.
//
// Usage:
//
//	go run ./cmd/eval-numbers [-peer=false] [-misses] [-data dir]
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/extract/money"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "eval-numbers:", err)
		os.Exit(1)
	}
}

// suite is one file of the peer's test suite.
type suite struct {
	file    string // below recognizers-specs/
	model   string // CurrencyModel or NumberModel
	culture string // fr-fr or en-us
	lang    string
}

var suites = []suite{
	{"NumberWithUnit/French/CurrencyModel.json", "CurrencyModel", "fr-fr", "fr"},
	{"Number/French/NumberModel.json", "NumberModel", "fr-fr", "fr"},
	{"NumberWithUnit/English/CurrencyModel.json", "CurrencyModel", "en-us", "en"},
	{"Number/English/NumberModel.json", "NumberModel", "en-us", "en"},
}

// specCase is one test case of the suite.
type specCase struct {
	Input        string       `json:"Input"`
	NotSupported string       `json:"NotSupported,omitempty"`
	Results      []specResult `json:"Results"`
}

type specResult struct {
	Text       string         `json:"Text"`
	TypeName   string         `json:"TypeName"`
	Resolution map[string]any `json:"Resolution"`
	Start      *int           `json:"Start"`
	End        *int           `json:"End"`
}

// offsets returns the result's inclusive UTF-16 offsets. A few cases of the
// suite put them inside Resolution or leave them out; then the text is
// looked up in the input (case-insensitively, first occurrence).
func (r specResult) offsets(units []uint16) (int, int, bool) {
	if r.Start != nil && r.End != nil {
		return *r.Start, *r.End, true
	}
	s, ok1 := r.Resolution["Start"].(float64)
	e, ok2 := r.Resolution["End"].(float64)
	if ok1 && ok2 {
		return int(s), int(e), true
	}
	in := strings.ToLower(string(utf16.Decode(units)))
	at := strings.Index(in, strings.ToLower(r.Text))
	if at < 0 || r.Text == "" {
		return 0, 0, false
	}
	start := len(utf16.Encode([]rune(in[:at])))
	return start, start + len(utf16.Encode([]rune(r.Text))) - 1, true
}

// item is a normalised result: a UTF-16 span [start, end) trimmed of
// spaces, a value and a currency. hedge is how many UTF-16 units of a
// hedge ("près de ") lead the span, when the item has one.
type item struct {
	start, end int
	hedgeEnd   int
	value      float64
	hasValue   bool
	currency   string
	text       string
}

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("eval-numbers", flag.ContinueOnError)
	fl.SetOutput(stderr)
	usePeer := fl.Bool("peer", true, "run the peer (Recognizers-Text, via node) on the same cases")
	misses := fl.Bool("misses", false, "list recoupe's misses and false alarms per case")
	dataDir := fl.String("data", "", "recognizers-specs folder (default ../shared/data/recognizers-specs)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	dir := *dataDir
	if dir == "" {
		d, err := shareddata.Path("recognizers-specs")
		if err != nil {
			return err
		}
		dir = d
	}
	runtime.GOMAXPROCS(1) // one core, like the peer

	var peer *peerRunner
	if *usePeer {
		p, err := newPeer(stderr)
		if err != nil {
			fmt.Fprintf(stdout, "peer skipped: %v\n", err)
		} else {
			peer = p
			defer p.close()
		}
	}

	e := money.New()
	fmt.Fprintf(stdout, "%-42s %-9s %6s | %-20s %-20s | %-20s %-20s | %10s %10s %7s\n",
		"file", "subset", "cases", "recoupe P/R/F1", "", "peer P/R/F1", "", "recoupe/s", "peer/s", "ratio")
	for _, s := range suites {
		path := filepath.Join(dir, s.file)
		cases, err := readCases(path)
		if err != nil {
			return err
		}
		ours := make([][]item, len(cases))
		for i, c := range cases {
			ours[i] = recoupeItems(e, s, c.Input)
		}
		rate := speed(e, s, cases)
		var theirs [][]item
		var peerRate float64
		if peer != nil {
			res, ms, err := peer.run(s.model, s.culture, path)
			if err != nil {
				fmt.Fprintf(stdout, "peer failed on %s: %v\n", s.file, err)
			} else {
				theirs = make([][]item, len(cases))
				for i := range cases {
					if i < len(res) {
						theirs[i] = specItems(res[i], cases[i].Input, s)
					}
				}
				if ms > 0 {
					peerRate = float64(len(cases)) / (ms / 1000)
				}
			}
		}
		for _, subset := range []string{"all", "supported"} {
			var o, t score
			n := 0
			for i, c := range cases {
				if subset == "supported" && strings.Contains(strings.ToLower(c.NotSupported), "javascript") {
					continue
				}
				n++
				gold := specItems(c.Results, c.Input, s)
				o.add(ours[i], gold, s.model)
				if theirs != nil {
					t.add(theirs[i], gold, s.model)
				}
			}
			peerCol := "n/a"
			peerRateCol, ratioCol := "n/a", "n/a"
			if theirs != nil {
				peerCol = t.String()
				if peerRate > 0 {
					peerRateCol = fmt.Sprintf("%.0f", peerRate)
					ratioCol = fmt.Sprintf("%.0f×", rate/peerRate)
				}
			}
			fmt.Fprintf(stdout, "%-42s %-9s %6d | %-41s | %-41s | %10.0f %10s %7s\n",
				s.file, subset, n, o.String(), peerCol, rate, peerRateCol, ratioCol)
		}
		if *misses {
			for i, c := range cases {
				gold := specItems(c.Results, c.Input, s)
				var sc score
				sc.add(ours[i], gold, s.model)
				if sc.tp == len(gold) && sc.pred == sc.tp {
					continue
				}
				ns := ""
				if c.NotSupported != "" {
					ns = " [NotSupported: " + c.NotSupported + "]"
				}
				fmt.Fprintf(stdout, "  MISS %s%s %q\n     gold: %s\n     ours: %s\n", s.file, ns, clip(c.Input, 160), fmtItems(gold), fmtItems(ours[i]))
			}
		}
	}
	return nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func fmtItems(items []item) string {
	var parts []string
	for _, it := range items {
		v := "∅"
		if it.hasValue {
			v = strconv.FormatFloat(it.value, 'g', -1, 64)
		}
		parts = append(parts, fmt.Sprintf("%q=%s%s", it.text, v, it.currency))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func readCases(path string) ([]specCase, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var cases []specCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// recoupeItems runs the extractor as the model would be used: amounts for
// CurrencyModel, every number (Numbers) for NumberModel.
func recoupeItems(e *money.Extractor, s suite, input string) []item {
	a := &news.Article{Text: input, Language: s.lang}
	var facts []news.Fact
	if s.model == "CurrencyModel" {
		for _, f := range e.Extract(a) {
			if f.Kind == news.KindMoney && statesCurrency(f) {
				facts = append(facts, f)
			}
		}
	} else {
		facts = e.Numbers(a)
	}
	u16 := utf16Offsets(input)
	var out []item
	for _, f := range facts {
		it := item{start: u16[f.Span.Start], end: u16[f.Span.End], value: f.Amount.Value, hasValue: true,
			currency: f.Amount.Currency, text: f.Text}
		it.hedgeEnd = it.start
		if f.Amount.Qualifier != news.QualExact {
			// The hedge is the words before the first digit, symbol or number word.
			it.hedgeEnd = -1
		}
		out = append(out, it)
	}
	return out
}

// statesCurrency reports whether a money fact names its currency unit:
// the peer's CurrencyModel finds a number with a unit, while recoupe also
// reads "97 milliards" in a sentence about money as an amount of an
// unstated currency; those are left out of this comparison. Units with no
// ISO code (cents, centimes, francs) state a unit all the same.
func statesCurrency(f news.Fact) bool {
	if f.Amount.Currency != "" {
		return true
	}
	t := strings.ToLower(f.Text)
	return strings.Contains(t, "cent") || strings.Contains(t, "franc")
}

// utf16Offsets maps each byte offset of s (and len(s)) to a UTF-16 offset.
func utf16Offsets(s string) []int {
	off := make([]int, len(s)+1)
	n := 0
	for i, r := range s {
		size := utf8.RuneLen(r)
		if size < 0 {
			size = 1
		}
		for k := 0; k < size && i+k < len(s); k++ {
			off[i+k] = n
		}
		n += len(utf16.Encode([]rune{r}))
	}
	off[len(s)] = n
	return off
}

// specItems normalises results given in the suite's format (gold, or the
// peer's output).
func specItems(results []specResult, input string, s suite) []item {
	units := utf16.Encode([]rune(input))
	var out []item
	for _, r := range results {
		if r.TypeName == "" && r.Text == "" {
			continue
		}
		start, end, ok := r.offsets(units)
		end = spanEnd(units, start, end, r.Text, ok)
		if end < 0 {
			start, end = 0, 0
		}
		for start < end && unicode.IsSpace(rune(units[start])) {
			start++
		}
		for end > start && unicode.IsSpace(rune(units[end-1])) {
			end--
		}
		it := item{start: start, end: end, hedgeEnd: start, text: r.Text}
		res := r.Resolution
		if v, ok := res["value"].(string); ok && v != "" {
			if s.culture == "fr-fr" {
				v = strings.ReplaceAll(v, ",", ".")
			}
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				it.value, it.hasValue = f, true
			}
		}
		if s.model == "CurrencyModel" {
			unit, _ := res["unit"].(string)
			iso, _ := res["isoCurrency"].(string)
			code, div := isoOf(unit, iso)
			it.currency = code
			it.value /= div
		}
		out = append(out, it)
	}
	return out
}

// spanEnd returns the exclusive end of a result given its inclusive End;
// some cases give End exclusive, which the result's text reveals. It
// returns -1 when the offsets do not fit the input.
func spanEnd(units []uint16, start, end int, text string, ok bool) int {
	if !ok || start < 0 || start > len(units) {
		return -1
	}
	fits := func(e int) bool {
		return e >= start && e <= len(units) && strings.EqualFold(string(utf16.Decode(units[start:e])), text)
	}
	switch {
	case fits(end + 1):
		return end + 1
	case fits(end):
		return end
	case end+1 <= len(units) && end+1 >= start:
		return end + 1
	}
	return -1
}

// peerUnits maps the peer's currency unit names (French and English) to
// ISO 4217 codes and subunit divisors. "Franc" alone has no code: the text
// does not say which franc.
var peerUnits = map[string]struct {
	code string
	div  float64
}{
	"dollar": {"USD", 1}, "united states dollar": {"USD", 1}, "dollar états-unis": {"USD", 1},
	"euro": {"EUR", 1}, "pound": {"GBP", 1}, "livre": {"GBP", 1}, "british pound": {"GBP", 1},
	"canadian dollar": {"CAD", 1}, "dollar canadien": {"CAD", 1},
	"hong kong dollar": {"HKD", 1}, "dollar de hong kong": {"HKD", 1},
	"australian dollar": {"AUD", 1}, "dollar australien": {"AUD", 1},
	"new zealand dollar": {"NZD", 1}, "dollar néo-zélandais": {"NZD", 1},
	"japanese yen": {"JPY", 1}, "yen japonais": {"JPY", 1},
	"chinese yuan": {"CNY", 1}, "yuan chinois": {"CNY", 1},
	"franc": {"", 1}, "swiss franc": {"CHF", 1}, "franc suisse": {"CHF", 1},
	"finnish markka": {"FIM", 1}, "mark finlandais": {"FIM", 1}, "peseta": {"ESP", 1},
	"netherlands guilder": {"NLG", 1}, "florins néerlandais": {"NLG", 1},
	"cent": {"", 100}, "centimes": {"", 100}, "pence": {"GBP", 100}, "penny": {"GBP", 100},
	"pesewa": {"GHS", 100}, "rupee": {"INR", 1}, "roupie": {"INR", 1}, "roupie indienne": {"INR", 1},
	"bitcoin": {"XBT", 1}, "satoshi": {"XBT", 1e8}, "turkish lira": {"TRY", 1},
	"mexican peso": {"MXN", 1}, "sen": {"", 100},
}

func isoOf(unit, iso string) (string, float64) {
	if u, ok := peerUnits[strings.ToLower(unit)]; ok {
		if iso != "" && u.div == 1 {
			return iso, 1
		}
		return u.code, u.div
	}
	if iso != "" {
		return iso, 1
	}
	return unit, 1
}

// score counts matches.
type score struct{ tp, pred, gold int }

func (sc *score) add(pred, gold []item, model string) {
	sc.pred += len(pred)
	sc.gold += len(gold)
	used := make([]bool, len(pred))
	for _, g := range gold {
		for k, p := range pred {
			if used[k] || !sameSpan(p, g) || !sameValue(p, g) || (model == "CurrencyModel" && p.currency != g.currency) {
				continue
			}
			used[k] = true
			sc.tp++
			break
		}
	}
}

// sameSpan: equal spans, or (for a hedged amount) equal ends with the gold
// start inside the predicted span after the hedge words.
func sameSpan(p, g item) bool {
	if p.start == g.start && p.end == g.end {
		return true
	}
	return p.hedgeEnd == -1 && p.end == g.end && p.start < g.start
}

func sameValue(p, g item) bool {
	if !p.hasValue || !g.hasValue {
		return false
	}
	if p.value == g.value {
		return true
	}
	return math.Abs(p.value-g.value) <= 1e-9*math.Max(math.Abs(p.value), math.Abs(g.value))+1e-12 ||
		math.Abs(p.value-g.value) <= 1e-6*math.Max(math.Abs(p.value), math.Abs(g.value))
}

func (sc score) String() string {
	p, r := ratio(sc.tp, sc.pred), ratio(sc.tp, sc.gold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (%d/%d/%d)", p, r, f, sc.tp, sc.pred, sc.gold)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// speed returns recoupe's cases per second on the cases, repeating the
// pass until it has run for at least half a second.
func speed(e *money.Extractor, s suite, cases []specCase) float64 {
	pass := func() {
		for _, c := range cases {
			recoupeItems(e, s, c.Input)
		}
	}
	pass() // warm-up
	n := 0
	t0 := time.Now()
	for time.Since(t0) < 500*time.Millisecond {
		pass()
		n++
	}
	return float64(n*len(cases)) / time.Since(t0).Seconds()
}

// peerRunner runs tools/peer/run.js from an npm install in a scratch folder.
type peerRunner struct {
	dir     string
	script  string
	cleanup bool
}

// EnvPeerDir names a folder to install the peer into (kept between runs).
const EnvPeerDir = "RECOUPE_PEER_DIR"

func newPeer(log io.Writer) (*peerRunner, error) {
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("%s not found on PATH", tool)
		}
	}
	src, err := peerSource()
	if err != nil {
		return nil, err
	}
	p := &peerRunner{dir: os.Getenv(EnvPeerDir)}
	if p.dir == "" {
		d, err := os.MkdirTemp("", "recoupe-peer-")
		if err != nil {
			return nil, err
		}
		p.dir, p.cleanup = d, true
	} else if err := os.MkdirAll(p.dir, 0o755); err != nil {
		return nil, err
	}
	for _, f := range []string{"package.json", "run.js"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(p.dir, f), b, 0o644); err != nil {
			return nil, err
		}
	}
	p.script = filepath.Join(p.dir, "run.js")
	if _, err := os.Stat(filepath.Join(p.dir, "node_modules", "@microsoft", "recognizers-text-suite")); err == nil {
		return p, nil
	}
	fmt.Fprintf(log, "installing the peer with npm into %s ...\n", p.dir)
	cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--silent")
	cmd.Dir = p.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		p.close()
		return nil, fmt.Errorf("npm install: %w: %s", err, clip(out.String(), 400))
	}
	return p, nil
}

// peerSource finds tools/peer in the module that holds the working directory.
func peerSource() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "tools", "peer"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("tools/peer not found: run from inside the recoupe module")
		}
		dir = parent
	}
}

func (p *peerRunner) run(model, culture, file string) ([][]specResult, float64, error) {
	cmd := exec.Command("node", p.script, model, culture, file)
	cmd.Dir = p.dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, 0, fmt.Errorf("node run.js: %w: %s", err, clip(errb.String(), 400))
	}
	var res struct {
		ElapsedMS float64          `json:"elapsed_ms"`
		Results   [][]specResult   `json:"results"`
		Errors    []map[string]any `json:"errors"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		return nil, 0, fmt.Errorf("peer output: %w", err)
	}
	return res.Results, res.ElapsedMS, nil
}

func (p *peerRunner) close() {
	if p.cleanup {
		os.RemoveAll(p.dir)
	}
}
