package date

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/segment"
	"github.com/recoupe/recoupe/news"
)

// Extractor finds dates and times of day in French and English text. It
// holds no state and is safe for concurrent use.
type Extractor struct{}

// New returns an Extractor.
func New() *Extractor { return &Extractor{} }

// Extract returns the KindDate and KindTime facts of a.Text in text
// order. Expressions that depend on a reference are resolved against
// a.Published when its granularity allows (else against the article's
// dateline, a line near the top that holds only a full date), and left
// unresolved
// (When.Date zero, When.Relative true, When.Expr set) otherwise. A time
// of day with no date beside it is never resolved by Extract: the day it
// belongs to is the story's, not necessarily the publication's.
func (e *Extractor) Extract(a *news.Article) []news.Fact {
	text := a.Text
	p := parser{text: text, mdy: a.Language == "en"}
	buf := tokPool.Get().(*[]tok)
	if need := len(text)/5 + 1; cap(*buf) < need {
		*buf = make([]tok, 0, need)
	}
	p.t = tokenize(text, (*buf)[:0])
	defer func() {
		if cap(p.t) <= maxPooled {
			*buf = p.t[:0]
			tokPool.Put(buf)
		}
	}()
	var cands []cand
	p.scan(func(c cand) { cands = append(cands, c) })
	ref := a.Published
	if ref.IsZero() {
		ref = p.dateline(cands)
	}
	var facts []news.Fact
	var vals []val
	var sents []news.Span
	for _, c := range cands {
		span := news.Span{Start: p.t[c.i].s, End: p.t[c.j-1].e}
		if c.end > 0 {
			span.End = c.end
		}
		if sents == nil {
			sents = segment.Sentences(text)
			if len(sents) == 0 {
				sents = splitSentences(text)
			}
		}
		w, k := c.v.when(ref)
		if w.Relative && w.Expr != "" && !ref.IsZero() {
			// The words' own reading stays in Expr; the date takes the
			// side the sentence looks to.
			if d := p.direction(c, sentenceOf(sents, span)); d != 0 {
				if expr, ok := withDirection(w.Expr, d); ok {
					if rd, ok := Resolve(expr, ref); ok && (len(strings.Fields(expr)) > 1 || !c.v.hasTime) {
						w.Date = rd
					}
				}
			}
		}
		facts = append(facts, news.Fact{
			Kind:     k,
			Span:     span,
			Text:     text[span.Start:span.End],
			Sentence: sentenceOf(sents, span),
			When:     &w,
		})
		vals = append(vals, c.v)
	}
	sameYear(text, facts, vals)
	return facts
}

// datelineLines is how many lines from the top of an article dateline
// looks for the line that dates it.
const datelineLines = 4

// dateline returns the date of the article's dateline, when one of its
// first lines says nothing but a full date, with perhaps a time, a day
// name and a cue ("Monday, July 22, 2013", "Published at 12: 45,
// Wednesday, 12 June 2013", "Publié le 3 mars 2031 à 9h"): the day the
// article was written, the reference of its "lundi" and "hier" when it
// carries no publication date. Zero when there is none.
func (p *parser) dateline(cands []cand) news.Date {
	for _, c := range cands {
		v := c.v
		if v.rel != "" || v.y == 0 || v.m == 0 || v.d == 0 || !validDay(v.y, v.m, v.d) {
			continue
		}
		start, end := p.t[c.i].s, p.t[c.j-1].e
		if strings.Count(p.text[:start], "\n") >= datelineLines {
			break
		}
		if !AloneOnLine(p.text, start, end) || updateLine(p.text, start) {
			continue
		}
		return news.Date{Time: time.Date(v.y, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC), Granularity: news.GranDay}
	}
	return news.Date{}
}

// updateLine reports whether the line before pos says it dates an update
// ("Last updated", "Mis à jour"): the news may be days older.
func updateLine(text string, pos int) bool {
	lead := strings.ToLower(text[strings.LastIndexByte(text[:pos], '\n')+1 : pos])
	return strings.Contains(lead, "updat") || strings.Contains(lead, "mis à jour") || strings.Contains(lead, "modifi")
}

// AloneOnLine reports whether the line holding text[start:end] is a
// dateline or a byline: it says nothing else than digits, day and month
// names, times and zones, and publication cues ("Monday, July 22, 2013",
// "Published at 12: 45, Wednesday, 12 June 2013", « Publié le 3 mars
// 2031 à 9h30, mis à jour le 4 mars »), or it is a posting line that ends
// with the date ("By Ann Example, posted in Local News on Friday, May 3,
// 2013.", « Par Jeanne Fictive | Publié dans Société le 3 mars 2031 »).
// A date on such a line dates the article, not the news.
func AloneOnLine(text string, start, end int) bool {
	if start < 0 || end > len(text) || start > end {
		return false
	}
	ls := strings.LastIndexByte(text[:start], '\n') + 1
	le := strings.IndexByte(text[end:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += end
	}
	after := lineWords(text[end:le])
	if len(after) > 12 || !allDatelineWords(after) {
		return false
	}
	before := text[ls:start]
	words := lineWords(before)
	if len(words)+len(after) <= 12 && allDatelineWords(words) {
		return true
	}
	return postingLine(before)
}

func lineWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// allDatelineWords reports whether words are all a dateline's: numbers,
// times, zones, day and month names and publication cues.
func allDatelineWords(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(w)
		bare := strings.Trim(lw, "0123456789")
		switch {
		case bare == "", bare == "am", bare == "pm", bare == "h", bare == "th", bare == "er", bare == "st", bare == "nd", bare == "rd":
		case datelineWords[lw]:
		case len(w) <= 4 && strings.ToUpper(w) == w: // a zone: GMT, EDT, UK
		default:
			return false
		}
	}
	return true
}

// postingLine reports whether before, the start of a line up to a date
// that ends it, is a posting line's: an optional lead (an author, a
// firm) closed by a sentence end or a separator, a publication cue, an
// optional section ("in Local News", « dans Société »: capitalised
// words) and dateline words ("on Friday,", « le »). "Cybersmart posted on
// its website that …" is news, not a posting line.
func postingLine(before string) bool {
	if len(before) > 400 {
		return false // a lead, a cue, a section and a day name are short
	}
	low := lowerSameLen(before)
	for _, cue := range postingCues {
		i := lastWordIndex(low, cue)
		if i < 0 {
			continue
		}
		lead := strings.TrimRight(before[:i], " \t\u00a0\u202f")
		if !leadOK(lead) {
			continue
		}
		rest := lineWords(before[i+len(cue):])
		if len(rest) > 0 && sectionWords[strings.ToLower(rest[0])] {
			n := 1
			for n < len(rest) && n <= 6 && (isCapitalised(rest[n]) || sectionJoiners[strings.ToLower(rest[n])]) && !datelineWords[strings.ToLower(rest[n])] {
				n++
			}
			if n == 1 {
				continue
			}
			rest = rest[n:]
		}
		if len(rest) <= 6 && allDatelineWords(rest) {
			return true
		}
	}
	return false
}

// leadOK reports whether what precedes a posting cue on its line may be
// a byline's lead: nothing, or at most 12 words closed by a sentence end
// or a separator ("On behalf of Example & Co, LLP.", "By Ann Example |"),
// or a comma after a byline (« Par Jeanne Fictive, »).
func leadOK(lead string) bool {
	if lead == "" {
		return true
	}
	if len(lineWords(lead)) > 12 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(lead)
	if r == ',' {
		// "The report, published on May 3" is news; "By Ann Example,
		// posted on May 3" a byline.
		lw := lineWords(lead)
		return len(lw) > 0 && bylineWords[strings.ToLower(lw[0])]
	}
	return strings.ContainsRune(".|—–-·•:", r)
}

// lowerSameLen lower-cases s rune by rune, keeping a rune whose lower
// case has another length (and invalid bytes), so that byte offsets
// stay valid.
func lowerSameLen(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); r != utf8.RuneError && utf8.RuneLen(l) == n {
			b = utf8.AppendRune(b, l)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// bylineWords open a byline.
var bylineWords = map[string]bool{"by": true, "par": true, "von": true, "por": true, "di": true}

// lastWordIndex returns the byte index of the last occurrence of word in
// s that stands as a whole word, -1 if none.
func lastWordIndex(s, word string) int {
	for end := len(s); ; {
		i := strings.LastIndex(s[:end], word)
		if i < 0 {
			return -1
		}
		prevOK := i == 0 || !isLetterBefore(s, i)
		j := i + len(word)
		nextOK := j == len(s) || !isLetterAt(s, j)
		if prevOK && nextOK {
			return i
		}
		end = i
	}
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// postingCues are the lower-case words that say a line dates a posting.
var postingCues = []string{"posted", "published", "updated", "publié", "publiée", "posté", "postée", "mis à jour", "mise à jour", "actualisé", "actualisée", "modifié", "modifiée"}

// sectionWords open the section a post was filed in; sectionJoiners may
// stand between its capitalised words.
var (
	sectionWords   = map[string]bool{"in": true, "under": true, "dans": true, "en": true}
	sectionJoiners = map[string]bool{"and": true, "of": true, "the": true, "de": true, "des": true, "du": true, "et": true, "la": true, "les": true, "d": true, "l": true}
)

// datelineWords are the words a dateline may hold besides its date.
var datelineWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		published updated posted last first modified created story on at by
		publié publiée le mis mise à jour modifié modifiée dernière par
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
		lundi mardi mercredi jeudi vendredi samedi dimanche
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		janvier février mars avril mai juin juillet août septembre octobre novembre décembre
		janv févr avr juil déc
		am pm a m h et pt gmt utc`) {
		datelineWords[w] = true
	}
}

// sameYear gives a date written without its year the year of the
// full dates of its sentence when they all agree on one: "du 1er mars au
// 3 mars 2024", "le 1er mars et le 3 mars 2024" are both in 2024 whatever
// the reference.
func sameYear(text string, facts []news.Fact, vals []val) {
	const maxSiblings = 8
	for i, v := range vals {
		if v.rel != "" || v.y != 0 || v.m == 0 || v.hasTime {
			continue
		}
		// The facts of a sentence are neighbours; a bounded look keeps a
		// sentence of thousands of dates linear.
		y := 0
		for j := max(0, i-maxSiblings); j < len(vals) && j <= i+maxSiblings && y >= 0; j++ {
			u := vals[j]
			if u.rel != "" || u.y == 0 || u.m == 0 || facts[j].Sentence != facts[i].Sentence {
				continue
			}
			if y != 0 && u.y != y {
				y = -1 // "Sep-23-2020 ... Oct/2 ... Dec/2018": which year is unknown
				break
			}
			y = u.y
		}
		if y <= 0 {
			continue
		}
		y += rangeTurn(text, facts, vals, i, maxSiblings)
		if v.d != 0 && !validDay(y, v.m, v.d) {
			continue
		}
		g := news.GranMonth
		if v.d != 0 {
			g = news.GranDay
		}
		t := time.Date(y, time.Month(v.m), max(v.d, 1), 0, 0, 0, 0, time.UTC)
		facts[i].When.Date = news.Date{Time: t, Granularity: g}
	}
}

// rangeTurn returns how the year of the year-less date i moves when it
// closes or opens a range across a new year with its dated neighbour:
// "entre la mi-novembre 2031 et la mi-janvier" ends in 2032 (+1), "du 20
// décembre au 5 janvier 2032" starts in 2031 (-1); 0 otherwise.
func rangeTurn(text string, facts []news.Fact, vals []val, i, maxSiblings int) int {
	v := vals[i]
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(vals) || j < i-maxSiblings || j > i+maxSiblings {
			continue
		}
		u := vals[j]
		if u.rel != "" || u.y == 0 || u.m == 0 || facts[j].Sentence != facts[i].Sentence {
			continue
		}
		first, second := facts[j], facts[i]
		if j > i {
			first, second = second, first
		}
		if second.Span.Start < first.Span.End || second.Span.Start-first.Span.End > 40 || !rangeLink(text[first.Span.End:second.Span.Start]) {
			continue
		}
		before := v.m < u.m || v.m == u.m && v.d < u.d
		after := v.m > u.m || v.m == u.m && v.d > u.d
		switch {
		case j < i && before:
			return 1
		case j > i && after:
			return -1
		}
	}
	return 0
}

// rangeLink reports whether the words between two dates join them as the
// ends of one span of time.
func rangeLink(between string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(between), func(r rune) bool {
		return r == ' ' || r == '\u00a0' || r == '\u202f' || r == ',' || r == '\''
	}) {
		switch w {
		case "et", "au", "à", "jusqu", "jusqu’au", "and", "to", "until", "till", "through", "-", "–", "—":
			return true
		}
	}
	return false
}

// tokPool recycles token buffers between calls; buffers of huge texts
// are left to the collector.
var tokPool = sync.Pool{New: func() any { b := make([]tok, 0, 1024); return &b }}

const maxPooled = 1 << 16

// scan calls fn for each expression found, left to right, keeping the
// longest match at each position.
func (p *parser) scan(fn func(cand)) {
	done := 0 // tokens before done belong to an earlier fact
	for i := 0; i < len(p.t); {
		c, ok := p.best(i)
		if !ok {
			i++
			continue
		}
		c = p.merge(c)
		if c.end == 0 && !c.v.hasTime && (c.v.d != 0 || strings.HasPrefix(c.v.rel, "md:")) {
			c.j = p.appositive(c.j)
		}
		if c.i < done {
			c.i = done // a match reaching back ("année 2016") never overlaps the fact before it
		}
		fn(c)
		i, done = c.j, c.j
	}
}

func (p *parser) best(i int) (cand, bool) {
	var b cand
	found := false
	try := func(c cand, ok bool) {
		if ok && (!found || c.j > b.j) {
			b, found = c, true
		}
	}
	switch p.t[i].k {
	case kNum:
		if i > 0 && !p.t[i].sp && p.t[i-1].k == kWord {
			return b, false // "x2015", "3am" inside an identifier
		}
		try(p.frHours(i))
		try(p.dateDM(i))
		try(p.numeric(i))
		try(p.bareYear(i))
		try(p.timeOfDay(i))
		try(p.ago(i))
	case kWord:
		if !starters[p.t[i].n] {
			return b, false
		}
		try(p.prefixed(i))
		try(p.dateDM(i))
		try(p.dateMD(i))
		try(p.monthYear(i))
		try(p.monthNumeric(i))
		try(p.modified(i))
		try(p.monthAlone(i, false))
		try(p.relWord(i))
		try(p.weekday(i))
		try(p.ago(i))
		try(p.relPeriod(i))
		try(p.timeOfDay(i))
		try(p.frHours(i))
	}
	return b, found
}

// starters are the words an expression can begin with; any other word is
// skipped at once, which is most of a text.
var starters = func() map[string]bool {
	m := set("ce", "cet", "cette", "this", "last", "next", "previous", "past", "dernier", "coming",
		"upcoming", "following", "mi", "mid", "debut", "fin", "courant", "early", "late", "end",
		"beginning", "start", "middle", "aujourd", "aujourdhui", "today", "hier", "yesterday", "demain",
		"tomorrow", "avant", "apres", "tonight", "the", "il", "dans", "in", "la", "le", "l",
		"midi", "minuit", "noon", "midnight", "twenty", "thirty")
	for _, words := range []map[string]int{weekdays, weekdayAbbr, ordinals, numberWords, frUnits, frTens} {
		for w := range words {
			m[w] = true
		}
	}
	for w := range months {
		m[w] = true
	}
	return m
}()

// merge joins a date and a time of day written together: "le 10 février
// à 14h30", "demain à 8h", "9h le mardi".
func (p *parser) merge(c cand) cand {
	if c.end > 0 {
		return c
	}
	if !c.v.hasTime && c.v.hasDay() {
		k := c.j
		if p.punct(k, ",") {
			k++
		}
		explicit := false
		switch p.word(k) {
		case "a", "at", "vers", "des", "around", "about":
			explicit = p.word(k) != "a" || p.hourCue(k)
			k++
		default:
			if p.punct(k, "@") {
				k++
			}
		}
		t, ok := p.timeOfDay(k)
		if ft, fok := p.frHours(k); fok && (!ok || ft.j > t.j) {
			t, ok = ft, true
		}
		if lt, lok := p.looseHour(k); lok && explicit && !ok {
			t, ok = lt, true
		}
		if ok {
			if !t.v.marked && t.v.hh >= 1 && t.v.hh < 12 && p.evening(c.i, c.j) {
				t.v.hh += 12 // "ce soir à 8h", "tonight at 7"
			}
			c.v.hasTime, c.v.hh, c.v.mi = true, t.v.hh, t.v.mi
			c.j, c.end = t.j, t.end
		}
		return c
	}
	if c.v.hasTime && c.v.rel == "" && c.v.m == 0 {
		k := c.j
		switch p.word(k) {
		case "le", "on", "ce", "this":
			if p.word(k) == "ce" || p.word(k) == "this" {
				if d, ok := p.relWord(k); ok {
					return p.joinTime(c, d)
				}
			}
			k++
		}
		for _, f := range []func(int) (cand, bool){p.prefixed, p.dateDM, p.dateMD, p.numeric, p.relWord, p.weekday} {
			if d, ok := f(k); ok && d.v.hasDay() {
				return p.joinTime(c, d)
			}
		}
	}
	return c
}

// appositive extends a date over a weekday set beside it to say which
// day of the week it was: "Dec. 18, a Wednesday", "le 18 décembre, un
// mercredi". That weekday is the date, not a day of its own.
func (p *parser) appositive(j int) int {
	if !p.punct(j, ",") {
		return j
	}
	k := j + 1
	switch p.word(k) {
	case "a", "un", "une":
		k++
	default:
		return j
	}
	if _, ok := weekdays[p.word(k)]; !ok || p.word(k+1) == "gras" {
		return j
	}
	switch p.word(k + 1) {
	case "dernier", "passe", "prochain", "suivant", "precedent":
		return j
	}
	return k + 1
}

// evening reports whether tokens [i, j) name an evening or a night.
func (p *parser) evening(i, j int) bool {
	for k := i; k < j; k++ {
		switch p.word(k) {
		case "soir", "soiree", "nuit", "tonight", "evening", "night":
			return true
		}
	}
	return false
}

func (p *parser) joinTime(t, d cand) cand {
	if !t.v.marked && t.v.hh >= 1 && t.v.hh < 12 && p.evening(d.i, d.j) {
		t.v.hh += 12
	}
	d.v.hasTime, d.v.hh, d.v.mi = true, t.v.hh, t.v.mi
	d.i = t.i
	return d
}

// when normalises v, resolving it against pub when possible.
func (v val) when(pub news.Date) (news.When, news.Kind) {
	k := news.KindDate
	if v.hasTime {
		k = news.KindTime
	}
	if v.rel == "" && v.y != 0 {
		t := time.Date(v.y, time.Month(max(v.m, 1)), max(v.d, 1), 0, 0, 0, 0, time.UTC)
		g := v.gran()
		if g == news.GranMinute {
			t = t.Add(time.Duration(v.hh)*time.Hour + time.Duration(v.mi)*time.Minute)
		}
		if v.hasTime && g != news.GranMinute {
			return news.When{Date: news.Date{Time: t, Granularity: g}, Relative: true, Expr: fmt.Sprintf("time:%02d:%02d", v.hh, v.mi)}, k
		}
		return news.When{Date: news.Date{Time: t, Granularity: g}}, k
	}
	var parts []string
	switch {
	case v.rel != "":
		parts = append(parts, v.rel)
	case v.m != 0 && v.d != 0:
		parts = append(parts, fmt.Sprintf("md:%02d-%02d", v.m, v.d))
	case v.m != 0:
		parts = append(parts, fmt.Sprintf("m:%02d", v.m))
	}
	if v.hasTime {
		parts = append(parts, fmt.Sprintf("time:%02d:%02d", v.hh, v.mi))
	}
	w := news.When{Relative: true, Expr: strings.Join(parts, " ")}
	if len(parts) > 1 || !v.hasTime {
		if d, ok := Resolve(w.Expr, pub); ok {
			w.Date = d
		}
	}
	return w, k
}

// splitSentences is a fallback for when the segmenter gives nothing: a
// sentence ends at a line break, or at . ! ? followed by a space.
func splitSentences(text string) []news.Span {
	var out []news.Span
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := -1
		switch {
		case c == '\n':
			end = i
		case (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' '):
			end = i + 1
		}
		if end < 0 {
			continue
		}
		if s := trimSpan(text, start, end); s.Len() > 0 {
			out = append(out, s)
		}
		start = i + 1
	}
	if s := trimSpan(text, start, len(text)); s.Len() > 0 {
		out = append(out, s)
	}
	return out
}

func trimSpan(text string, s, e int) news.Span {
	for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r' || text[s] == '\n') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r' || text[e-1] == '\n') {
		e--
	}
	return news.Span{Start: s, End: e}
}

// sentenceOf returns the sentence holding span, or the span itself when
// none does (a sentence split inside a date).
func sentenceOf(sents []news.Span, span news.Span) news.Span {
	lo, hi := 0, len(sents)
	for lo < hi {
		m := (lo + hi) / 2
		if sents[m].End <= span.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(sents) && sents[lo].Start <= span.Start {
		if sents[lo].Contains(span) {
			return sents[lo]
		}
		s := sents[lo]
		for k := lo + 1; k < len(sents) && sents[k].Start < span.End; k++ {
			s.End = sents[k].End
		}
		if s.End >= span.End {
			return s
		}
	}
	return span
}
