package story

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

// Feature is one key of a Doc with its count in the article.
type Feature struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Doc is an article's representation for clustering. NewDoc builds it
// deterministically from the article and its extraction, so that it can be
// rebuilt from storage; the weights (TF-IDF) are applied by the Clusterer,
// whose document frequencies change as articles arrive.
type Doc struct {
	ID          string
	DuplicateOf string
	Language    string
	// Time is the publication time; zero when unknown (then no time decay).
	Time time.Time
	// Terms are folded snowball stems of the title (counted twice) and text,
	// stop words removed, sorted by key.
	Terms []Feature
	// Entities are folded canonical names and their words ("ingrid
	// betancourt", "ingrid", "betancourt"), language-independent, so that
	// a French and an English article about one event share them.
	Entities []Feature
	// Numbers are amounts rounded to 2 significant digits with their
	// currency ("9.7e+10 USD"), percents ("12 %"), years ("year 2008"),
	// months ("date 2025-02") and days without their year ("date 02-10").
	Numbers []Feature
	// Times are the years ("year 2008", as in Numbers), months ("month
	// 12") and weekdays ("weekday 2", Monday = 1) the text names, whose
	// disagreement tells two similar events apart (see timeConflict).
	Times []Feature
	// EntityProxy is true when the extraction had no mentions, so that
	// Entities come from capitalised words alone.
	EntityProxy bool
	// NumberProxy is true when the extraction had no facts, so that
	// Numbers come from the text alone.
	NumberProxy bool
}

// NewDoc builds the clustering representation of an article. x may be nil.
//
// The entities of the lead (the title and the text's first line, see
// leadEnd) count twice: a report names the actors of its event first,
// and the names further down are often background (earlier events,
// other players of the same kind of story), which two similar events
// share. (eval-stories -extract, pairwise F1: rpm2-fr events 0.896 →
// 0.917, story 0.924 → 0.924, ecbplus-en 0.896 → 0.896; proxies alone:
// 0.878 → 0.900, 0.912 → 0.918, 0.880 → 0.903.)
//
// Entities are the union of x.Mentions' canonical names and the
// capitalised-word sequences of the text (see entityProxy); numbers are
// the union of x.Facts' values and the numbers read from the text (see
// scanNumbers). The union, not a fallback: the named-entity recogniser
// misses many organisations and events (about 0.6 F1), and the money and
// date extractors keep only the figures they can type, so either source
// alone loses keys the other has. A key found by both sources counts
// once, with the larger of its two counts, so the extraction does not
// double the weight of what the proxy already saw. With the union,
// -extract in cmd/eval-stories scores at least as well as the proxies.
func NewDoc(a *news.Article, x *news.Extraction) Doc {
	if a == nil {
		return Doc{}
	}
	d := Doc{ID: a.ID, DuplicateOf: a.DuplicateOf, Language: a.Language}
	if !a.Published.IsZero() {
		d.Time = a.Published.Time
	}
	lang := a.Language
	terms := map[string]int{}
	ents := map[string]int{}
	nums := map[string]int{}
	xents := map[string]int{}
	xnums := map[string]int{}
	times := map[string]int{}
	var mentions []news.Mention
	var facts []news.Fact
	if x != nil {
		mentions, facts = x.Mentions, x.Facts
	}
	d.EntityProxy = len(mentions) == 0
	d.NumberProxy = len(facts) == 0

	lead := leadEnd(a.Text)
	for i, s := range []string{a.Title, a.Text} {
		toks := tokenize(s, lang)
		for _, t := range toks {
			if t.num || t.stop {
				continue
			}
			k := t.stem
			if utf8.RuneCountInString(k) < 2 {
				continue
			}
			terms[k] += 2 - i // title words count twice
		}
		entityProxy(s, toks, ents)
		// The lead's names count twice: all the title, the text's
		// tokens up to lead.
		end := len(s)
		if i == 1 {
			end = lead
		}
		k := 0
		for k < len(toks) && toks[k].end <= end {
			k++
		}
		entityProxy(s[:end], toks[:k], ents)
		scanNumbers(s, toks, lang, nums)
		scanTimes(toks, times)
	}
	for _, m := range mentions {
		n := 1
		if m.Span.Start < lead {
			n = 2
		}
		for range n {
			addName(xents, strings.Fields(fold(m.Name)))
		}
	}
	for _, f := range facts {
		if k := factKey(f); k != "" {
			xnums[k]++
		}
	}
	mergeMax(ents, xents)
	mergeMax(nums, xnums)
	d.Terms, d.Entities, d.Numbers = features(terms), features(ents), features(nums)
	for _, f := range d.Numbers {
		if strings.HasPrefix(f.Key, "year ") {
			times[f.Key] += f.Count
		}
	}
	d.Times = features(times)
	return d
}

// leadMax bounds the lead (see leadEnd) of a text written as one long
// paragraph.
const leadMax = 400

// leadEnd returns the end of the text's lead: its first line (the first
// paragraph, or a standfirst), or, when that line is longer than
// leadMax bytes, its first sentence within leadMax bytes.
func leadEnd(text string) int {
	end := len(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		end = i
	}
	if end <= leadMax {
		return end
	}
	for i := 0; i < leadMax; i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && i+1 < len(text) && text[i+1] == ' ' {
			return i + 1
		}
	}
	// No sentence end: the last space before leadMax.
	if i := strings.LastIndexByte(text[:leadMax], ' '); i > 0 {
		return i
	}
	return 0
}

// mergeMax adds src's keys to dst, keeping the larger count of a key
// both hold.
func mergeMax(dst, src map[string]int) {
	for k, n := range src {
		if n > dst[k] {
			dst[k] = n
		}
	}
}

func features(m map[string]int) []Feature {
	fs := make([]Feature, 0, len(m))
	for k, n := range m {
		fs = append(fs, Feature{k, n})
	}
	slices.SortFunc(fs, func(a, b Feature) int { return strings.Compare(a.Key, b.Key) })
	return fs
}

// token is one word or number of a text.
type token struct {
	start, end int
	lower      string // lowercased, accents kept (the stemmers need them)
	folded     string
	stem       string
	num        bool // starts with a digit
	upper      bool // starts with an upper-case letter
	sentStart  bool // first token of a sentence or line
	stop       bool
}

// tokenize splits s into words (letters and digits) and numbers (digits
// with the thousands and decimal separators of French and English).
// Apostrophes and hyphens split words: "l'armée" → "l", "armée".
func tokenize(s, lang string) []token {
	var toks []token
	boundary := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			j := scanNumberEnd(s, i)
			toks = append(toks, token{start: i, end: j, lower: s[i:j], folded: s[i:j], num: true, sentStart: boundary})
			boundary = false
			i = j
		case unicode.IsLetter(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += n2
			}
			w := wordInfo(lang, s[i:j])
			toks = append(toks, token{start: i, end: j, lower: w.lower, folded: w.folded, stem: w.stem, upper: unicode.IsUpper(r),
				sentStart: boundary, stop: w.stop})
			boundary = false
			i = j
		default:
			switch r {
			case '.':
				// "Dr. Benjamin", "Regina M. Benjamin", "M. Sarkozy": a
				// period after a short capitalised word is an abbreviation.
				if k := len(toks) - 1; k < 0 || toks[k].end != i || !toks[k].upper || toks[k].end-toks[k].start > 3 {
					boundary = true
				}
			case '!', '?', '\n', ':', ';', '«', '»', '"', '“', '”', '—', '–':
				boundary = true
			}
			i += n
		}
	}
	return toks
}

// scanNumberEnd returns the end of the number starting at s[i]: digits,
// and separators ('.', ',', spaces) followed by more digits; a space only
// when exactly three digits follow (a thousands group).
func scanNumberEnd(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	for j < len(s) {
		sepLen := 0
		switch {
		case s[j] == '.' || s[j] == ',':
			sepLen = 1
		case s[j] == ' ':
			sepLen = 1
		case strings.HasPrefix(s[j:], "\u00a0"):
			sepLen = len("\u00a0")
		case strings.HasPrefix(s[j:], "\u202f"):
			sepLen = len("\u202f")
		}
		if sepLen == 0 {
			break
		}
		k := j + sepLen
		m := k
		for m < len(s) && isDigit(s[m]) {
			m++
		}
		if m == k {
			break
		}
		if s[j] != '.' && s[j] != ',' && (m-k != 3) {
			break
		}
		j = m
	}
	return j
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// parseNumber reads a number written with French or English separators.
func parseNumber(raw, lang string) (float64, bool) {
	raw = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(raw)
	dots, commas := strings.Count(raw, "."), strings.Count(raw, ",")
	groups3 := func(sep string) bool {
		parts := strings.Split(raw, sep)
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return false
			}
		}
		return true
	}
	switch {
	case dots > 0 && commas > 0:
		if strings.LastIndexByte(raw, '.') > strings.LastIndexByte(raw, ',') {
			raw = strings.ReplaceAll(raw, ",", "")
		} else {
			raw = strings.ReplaceAll(strings.ReplaceAll(raw, ".", ""), ",", ".")
		}
	case commas > 0:
		if commas > 1 || (lang != "fr" && groups3(",")) {
			raw = strings.ReplaceAll(raw, ",", "")
		} else {
			raw = strings.ReplaceAll(raw, ",", ".")
		}
	case dots > 0:
		if dots > 1 || (lang == "fr" && groups3(".")) {
			raw = strings.ReplaceAll(raw, ".", "")
		}
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

var multipliers = map[string]float64{
	"mille": 1e3, "thousand": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6,
	"milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9,
	"billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12, "trillions": 1e12,
}

var currencies = map[string]string{
	"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
	"livre": "GBP", "livres": "GBP", "pound": "GBP", "pounds": "GBP", "gbp": "GBP",
	"yuan": "CNY", "yuans": "CNY", "yen": "JPY", "yens": "JPY",
}

var currencySymbols = map[rune]string{'$': "USD", '€': "EUR", '£': "GBP", '¥': "JPY"}

// scanNumbers is the stand-in for numeric facts when the extraction has
// none: it reads each number of s with a following multiplier ("millions")
// and currency ("de dollars", "€", a leading "$") and adds its key.
func scanNumbers(s string, toks []token, lang string, out map[string]int) {
	for i, t := range toks {
		if !t.num {
			continue
		}
		v, ok := parseNumber(s[t.start:t.end], lang)
		if !ok {
			continue
		}
		cur, percent, mult := "", false, 1.0
		// A currency symbol just before ("$5", "€ 3").
		if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s[:t.start], " \u00a0")); currencySymbols[r] != "" {
			cur = currencySymbols[r]
		}
		rest := s[t.end:]
		trimmed := strings.TrimLeft(rest, " \u00a0\u202f")
		if r, _ := utf8.DecodeRuneInString(trimmed); r == '%' {
			percent = true
		} else if c := currencySymbols[r]; c != "" && cur == "" {
			cur = c
		}
		for j := i + 1; j < len(toks) && j <= i+3 && !percent; j++ {
			w := toks[j].folded
			if m, ok := multipliers[w]; ok && mult == 1 && j == i+1 {
				if w == "billion" || w == "billions" {
					if lang == "fr" {
						m = 1e12
					}
				}
				mult = m
				continue
			}
			if c, ok := currencies[w]; ok && cur == "" {
				cur = c
				break
			}
			if w == "pour" && j+1 < len(toks) && toks[j+1].folded == "cent" || w == "percent" {
				percent = true
				break
			}
			if w != "de" && w != "d" && w != "of" {
				break
			}
		}
		v *= mult
		switch {
		case percent:
			out[round2(v)+" %"]++
		case cur != "":
			out[round2(v)+" "+cur]++
		case mult == 1 && t.end-t.start == 4 && v >= 1800 && v <= 2100:
			out["year "+s[t.start:t.end]]++
		case v >= 32 || mult > 1:
			out[round2(v)]++
		}
	}
}

// factKey is the Numbers key of an extracted fact, "" to skip it. A day
// is keyed without its year: "le 8 août" is resolved against each
// article's own date, and two reports of one event must not part over
// the year the resolver picked (eval-stories -extract, rpm2-fr events
// 0.875 -> 0.886; other figures unchanged).
func factKey(f news.Fact) string {
	switch {
	case f.Amount != nil:
		v := f.Amount.Value
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return ""
		}
		switch {
		case f.Kind == news.KindPercent:
			return round2(v) + " %"
		case f.Amount.Currency != "":
			return round2(v) + " " + f.Amount.Currency
		case math.Abs(v) < 32:
			return ""
		}
		return round2(v)
	case f.When != nil:
		dt := f.When.Date
		switch dt.Granularity {
		case news.GranYear:
			return "year " + dt.String()
		case news.GranMonth:
			return "date " + dt.Time.Format("2006-01")
		case news.GranDay, news.GranMinute:
			return "date " + dt.Time.Format("01-02")
		}
	}
	return ""
}

// round2 formats v rounded to 2 significant digits: 97.4e9 → "9.7e+10".
func round2(v float64) string {
	return strconv.FormatFloat(v, 'g', 2, 64)
}

// entityProxy adds capitalised-word sequences of s as entities, the
// stand-in for named-entity mentions when the extraction has none. It
// skips title-cased lines (most words capitalised, as in English
// headlines), leading stop words ("Les Jeux" → "jeux"), and a lone
// capitalised word that opens a sentence (usually not a name).
func entityProxy(s string, toks []token, out map[string]int) {
	skip := titleCasedLines(s, toks)
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.upper || skip[i] {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].upper && !toks[j].sentStart && !skip[j] && nameGap(s[toks[j-1].end:toks[j].start]) {
			j++
		}
		seq := toks[i:j]
		sentStart := seq[0].sentStart
		for len(seq) > 0 && seq[0].stop {
			seq = seq[1:]
		}
		i = j
		if len(seq) == 0 || (sentStart && len(seq) == 1) {
			continue
		}
		words := make([]string, len(seq))
		for k, t := range seq {
			words[k] = t.folded
		}
		addName(out, words)
	}
}

// addName adds a folded name and each of its words that is not a stop word.
func addName(out map[string]int, words []string) {
	if len(words) == 0 {
		return
	}
	if len(words) > 1 {
		out[strings.Join(words, " ")]++
	}
	for _, w := range words {
		if utf8.RuneCountInString(w) >= 2 && !stop(w, w) {
			out[w]++
		}
	}
}

// nameGap reports whether the text between two capitalised words keeps
// them in one name: spaces or a hyphen.
func nameGap(g string) bool {
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	return strings.Trim(g, " -\u00a0") == ""
}

// titleCasedLines marks the tokens of lines where most words of four
// letters or more are capitalised.
func titleCasedLines(s string, toks []token) []bool {
	skip := make([]bool, len(toks))
	for i := 0; i < len(toks); {
		lineEnd := strings.IndexByte(s[toks[i].start:], '\n')
		if lineEnd < 0 {
			lineEnd = len(s)
		} else {
			lineEnd += toks[i].start
		}
		j, long, caps := i, 0, 0
		for ; j < len(toks) && toks[j].start < lineEnd; j++ {
			if !toks[j].num && toks[j].end-toks[j].start >= 4 {
				long++
				if toks[j].upper {
					caps++
				}
			}
		}
		if long >= 3 && caps*2 > long {
			for k := i; k < j; k++ {
				skip[k] = true
			}
		}
		i = j
	}
	return skip
}

// Kinds of time keys: see Doc.Times and timeCode.
const (
	timeYear = iota
	timeMonth
	timeWeekday
	nTimeKinds
)

// timeCode packs a Times key into a number whose kind is code/10000,
// sorted by kind: years (code = year), months (10000+m), weekdays (20000+d).
// It returns false for a key it does not know.
func timeCode(k string) (uint32, bool) {
	kind, rest, ok := strings.Cut(k, " ")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(rest, 10, 16)
	if err != nil || n >= 10000 {
		return 0, false
	}
	switch kind {
	case "year":
		return uint32(n), true
	case "month":
		return 10000 + uint32(n), true
	case "weekday":
		return 20000 + uint32(n), true
	}
	return 0, false
}

// timeKey is the Times key of a time code, prefixed "time:".
func timeKey(code uint32) string {
	n := strconv.Itoa(int(code % 10000))
	switch code / 10000 {
	case timeYear:
		return "time:year " + n
	case timeMonth:
		return "time:month " + n
	}
	return "time:weekday " + n
}

// sharedTimes lists the time keys (timeKey) that a doc naming the times
// ts shares with a story naming the times s.
func sharedTimes(ts []uint32, s []entry) []string {
	var out []string
	for _, t := range ts {
		if _, ok := slices.BinarySearchFunc(s, t, func(e entry, y uint32) int { return cmp.Compare(e.k, y) }); ok {
			out = append(out, timeKey(t))
		}
	}
	return out
}

// times returns the codes of the doc's Times keys, sorted.
func (d *Doc) times() []uint32 {
	var ts []uint32
	for _, f := range d.Times {
		if c, ok := timeCode(f.Key); ok && f.Count > 0 {
			ts = append(ts, c)
		}
	}
	slices.Sort(ts)
	return slices.Compact(ts)
}

// maxStoryTimes bounds the time keys a story remembers (the most named).
const maxStoryTimes = 32

// addTimes adds (sign 1) or removes (sign -1) one article's time codes to
// a story's counts, sorted by code, keeping the maxStoryTimes most named.
func addTimes(s []entry, ts []uint32, sign float32) []entry {
	for _, y := range ts {
		i, ok := slices.BinarySearchFunc(s, y, func(e entry, y uint32) int { return cmp.Compare(e.k, y) })
		switch {
		case ok:
			s[i].w += sign
			if s[i].w <= 0 {
				s = slices.Delete(s, i, i+1)
			}
		case sign > 0:
			s = slices.Insert(s, i, entry{y, sign})
		}
	}
	return keepTimes(s)
}

// keepTimes drops a story's least named times until maxStoryTimes are left.
func keepTimes(s []entry) []entry {
	for len(s) > maxStoryTimes {
		low := 0
		for i := range s {
			if s[i].w < s[low].w {
				low = i
			}
		}
		s = slices.Delete(s, low, low+1)
	}
	return s
}

// Time evidence of one kind between an article and a story.
const (
	timeUnknown  = iota // one side names no time of that kind
	timeAgree           // both name some and share one
	timeConflict        // both name some and share none
)

// timeEvidence compares, per kind of time key, the times ts an article
// names with the times s a story names.
func timeEvidence(ts []uint32, s []entry) [nTimeKinds]int {
	var inDoc, inStory, shared [nTimeKinds]bool
	for _, e := range s {
		inStory[e.k/10000] = true
	}
	for _, t := range ts {
		inDoc[t/10000] = true
		if _, ok := slices.BinarySearchFunc(s, t, func(e entry, y uint32) int { return cmp.Compare(e.k, y) }); ok {
			shared[t/10000] = true
		}
	}
	var out [nTimeKinds]int
	for k := range out {
		switch {
		case !inDoc[k] || !inStory[k]:
			out[k] = timeUnknown
		case shared[k]:
			out[k] = timeAgree
		default:
			out[k] = timeConflict
		}
	}
	return out
}

// timeWords maps the folded names of weekdays and months, French and
// English, to language-independent keys.
var timeWords = map[string]string{}

func init() {
	for i, w := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday") {
		timeWords[w] = "weekday " + strconv.Itoa(i+1)
	}
	for i, w := range strings.Fields("lundi mardi mercredi jeudi vendredi samedi dimanche") {
		timeWords[w] = "weekday " + strconv.Itoa(i+1)
	}
	for i, w := range strings.Fields("january february march april may june july august september october november december") {
		timeWords[w] = "month " + strconv.Itoa(i+1)
	}
	for i, w := range strings.Fields("janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre") {
		timeWords[w] = "month " + strconv.Itoa(i+1)
	}
}

// scanTimes adds the weekdays and months the text names ("weekday 2",
// "month 12"): when an event happened is one of the details that tell
// two reports of one event from reports of two similar events. English
// names count only capitalised ("may" is a verb).
func scanTimes(toks []token, out map[string]int) {
	for _, t := range toks {
		k, ok := timeWords[t.folded]
		if !ok || (t.folded == "may" && !t.upper) {
			continue
		}
		out[k]++
	}
}
