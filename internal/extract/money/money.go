// Package money reads amounts of money, plain numbers and percentages from
// French and English news text, with the exact byte span of their words,
// and decides whether two stated amounts can be the same fact.
//
// It reads digits in either decimal convention ("97,4", "97.4", "1 234,5",
// "1,234.5", thin and non-breaking spaces between thousands), number words
// ("quatre-vingt-dix", "twenty-one", "trois milliards"), scale words and
// abbreviations ("milliards", "Md€", "bn", "k€", Quebec's "G$" and "M$"),
// currency words, symbols and ISO codes before or after the number, ranges
// ("entre 40 et 50 millions", "$40-50 billion", "10-15%", "40 à 50
// millions d'euros": Value the lower bound, with the upper bound's scale,
// Max the upper bound; "from 10 to 15%" and "passé de 10 à 15 %" are a
// change, two figures), percentages and hedges ("près de", "more than"), kept as the
// amount's Qualifier; the span includes the hedge.
//
// It is hand-written: the Go number parsers available read one number in
// a string, not figures in running French text with their spans, and the
// reference library for this job (Microsoft Recognizers-Text) has no Go
// port; a single-pass tokenizer and a small grammar keep it linear.
//
// What it leaves alone: times of day ("14h30", "14,30h", "14:30"), dates
// and years ("10 février 2025", "2025-02", "en 2015": the date extractor
// owns them), numbers glued to letters ("A380", "180ml", "1er"), and the
// article "un"/"une" read alone.
//
// Money without a currency: a number followed by a scale of a million or
// more ("97 milliards", "9,74 bn") is KindMoney with Currency "" when its
// sentence speaks of money (a currency word or symbol, or a word such as
// racheter, payer, offre, valorisation, prix, budget, buy, bid, price,
// valuation: see moneyCues) and no noun follows that it would count
// ("2 millions de personnes", "2.5 million people": see countOf);
// otherwise it is KindNumber. A ratio ("10 fois moins", "ten times") is
// never money.
//
// Subunits are converted: "50 cents" is 0.5 of an unstated currency,
// "470 pence" is 4.70 GBP. A bare "$" is USD; a bare "francs" has no
// currency code (Swiss, French or CFA francs are told apart only when the
// text says so), nor does a bare "dirhams" or "dinars" ("dinars algériens"
// is DZD); "FCFA" is XOF. "real" alone is Brazil's only right after a
// number and with no word after it to qualify ("one real problem" is
// none); "3 pounds of flour", "lost 20 pounds" and "6-foot-2, 220 pounds"
// are weights and "un livre" is a book. Bitcoin, which ISO 4217
// lacks, gets the customary XBT.
//
// The language (Article.Language, else a guess from function words)
// decides the reading of a lone separator: "4,800" is 4.8 in French and
// 4800 in English; "12,345 $" is 12.345 dollars in French.
package money

import (
	"sort"
	"strings"

	"github.com/recoupe/recoupe/internal/segment"
	"github.com/recoupe/recoupe/news"
)

// Extractor reads money, number and percent facts. It holds no state and
// is safe for concurrent use.
type Extractor struct{}

// New returns an Extractor.
func New() *Extractor { return &Extractor{} }

// Extract returns the KindMoney, KindNumber and KindPercent facts of
// a.Text, sorted by span and non-overlapping.
func (e *Extractor) Extract(a *news.Article) []news.Fact {
	if a == nil || a.Text == "" {
		return nil
	}
	lang := language(a)
	s := newScanner(a.Text, lang)
	items := s.scan()
	if len(items) == 0 {
		return nil
	}
	sents := sentences(a.Text)
	cues := make(map[int]bool) // sentence index → speaks of money, computed on demand
	facts := make([]news.Fact, 0, len(items))
	for _, it := range items {
		si := sentenceOf(sents, it.span.Start)
		kind := it.kind
		last := it.nums[len(it.nums)-1]
		if kind == news.KindNumber && !it.forceNum && last.scale >= 1e6 && !last.weakScale && si >= 0 && !s.countOf(it) {
			cue, ok := cues[si]
			if !ok {
				cue = s.speaksOfMoney(sents[si])
				cues[si] = cue
			}
			if cue {
				kind = news.KindMoney
			}
		}
		amount := it.amount
		f := news.Fact{Kind: kind, Span: it.span, Text: a.Text[it.span.Start:it.span.End], Amount: &amount}
		if si >= 0 {
			f.Sentence = sents[si]
		}
		facts = append(facts, f)
	}
	return facts
}

// Numbers returns every number of a.Text as a KindNumber fact, including
// the numbers inside amounts and percentages ("97,4 milliards" in "97,4
// milliards de dollars", both ends of a range, each with the value it is
// written with: the 40 of "entre 40 et 50 millions" is 40), with the same exclusions
// as Extract, except that a lone French "un"/"une" is read as the number
// one (Extract leaves it out: it is most often an article). It is the
// view a number recognizer gives.
func (e *Extractor) Numbers(a *news.Article) []news.Fact {
	if a == nil || a.Text == "" {
		return nil
	}
	s := newScanner(a.Text, language(a))
	s.keepArticles = true
	items := s.scan()
	sents := sentences(a.Text)
	var facts []news.Fact
	for _, it := range items {
		for _, n := range it.nums {
			sp := news.Span{Start: s.toks[n.first].start, End: s.toks[n.last].end}
			f := news.Fact{Kind: news.KindNumber, Span: sp, Text: a.Text[sp.Start:sp.End],
				Amount: &news.Amount{Value: n.val, Precision: n.prec}}
			if si := sentenceOf(sents, sp.Start); si >= 0 {
				f.Sentence = sents[si]
			}
			facts = append(facts, f)
		}
	}
	return facts
}

// language returns "fr" or "en" for a: its Language field when set, else a
// guess from common function words (French wins ties: recoupe reads French
// first).
func language(a *news.Article) string {
	switch strings.ToLower(a.Language) {
	case "fr":
		return "fr"
	case "en":
		return "en"
	}
	if a.Language != "" {
		return "en"
	}
	text := a.Text
	if len(text) > 4096 {
		text = text[:4096]
	}
	fr, en := 0, 0
	for _, w := range strings.Fields(strings.ToLower(text)) {
		switch w {
		case "le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "qui", "sur", "au", "pas":
			fr++
		case "the", "and", "of", "to", "is", "in", "for", "was", "that", "with", "on", "by", "it":
			en++
		}
	}
	if en > fr {
		return "en"
	}
	return "fr"
}

// functionWords may follow an amount whose currency goes unsaid ("pour 97
// milliards si vous voulez", "97 bn for the firm"); any other word right
// after the number is taken for the noun it counts ("2 millions de
// personnes", "2.5 million people").
var functionWords = map[string]bool{
	"si": true, "et": true, "ou": true, "mais": true, "pour": true, "a": true, "en": true,
	"dans": true, "sur": true, "par": true, "avec": true, "sans": true, "selon": true,
	"l": true, "le": true, "la": true, "les": true, "ce": true, "cette": true, "qui": true,
	"que": true, "soit": true, "contre": true, "au": true, "aux": true, "des": true, "du": true,
	"lors": true, "depuis": true, "avant": true, "apres": true, "environ": true, "net": true,
	"brut": true, "hors": true, "cash": true, "and": true, "or": true, "but": true, "for": true,
	"to": true, "in": true, "on": true, "at": true, "by": true, "with": true, "the": true,
	"this": true, "that": true, "which": true, "if": true, "from": true, "last": true,
	"each": true, "per": true, "as": true, "than": true, "over": true,
	"into": true, "after": true, "before": true, "since": true, "while": true, "deal": true,
	"offer": true, "bid": true, "takeover": true, "acquisition": true, "offre": true,
	"rachat": true, "contrat": true, "plan": true, "investissement": true, "budget": true,
}

// countOf reports whether the number+scale of it counts a noun that
// follows it ("3 millions d'habitants", "2.5 million people"), which keeps
// a bare "N milliards" from being read as money.
func (s *scanner) countOf(it item) bool {
	last := it.nums[len(it.nums)-1]
	k := last.last + 1
	if k >= len(s.toks) || s.toks[k].kind != tWord || s.toks[k].nl {
		return false
	}
	w := s.toks[k].low
	if w == "de" || w == "of" || w == "d" {
		k++
		if s.sym(k) == "'" {
			k++
		}
		if k >= len(s.toks) || s.toks[k].kind != tWord {
			return false
		}
		if _, _, ok := s.currencyAt(k, true); ok {
			return false
		}
		return !functionWords[s.toks[k].low]
	}
	return !functionWords[w]
}

// speaksOfMoney reports whether the sentence at span mentions money: a
// currency symbol, code or word, or a word starting with one of moneyCues.
func (s *scanner) speaksOfMoney(span news.Span) bool {
	k := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].start >= span.Start })
	for ; k < len(s.toks) && s.toks[k].start < span.End; k++ {
		t := s.toks[k]
		switch t.kind {
		case tSym:
			if _, ok := currencySymbols[t.raw]; ok {
				return true
			}
		case tWord:
			if _, ok := currencySymbols[t.raw]; ok || isISOWord(t.raw) && strings.ToUpper(t.raw) == t.raw {
				return true
			}
			if isMoneyCue(t.low) {
				return true
			}
		}
	}
	return false
}

// sentences returns segment.Sentences(text), or, while that returns
// nothing, sentences cut after ".", "!", "?" or "…" followed by a space
// and at line breaks.
func sentences(text string) []news.Span {
	if s := segment.Sentences(text); len(s) > 0 {
		return s
	}
	var out []news.Span
	start := 0
	emit := func(end int) {
		for start < end && (text[start] == ' ' || text[start] == '\n' || text[start] == '\r' || text[start] == '\t') {
			start++
		}
		e := end
		for e > start && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '\r' || text[e-1] == '\t') {
			e--
		}
		if e > start {
			out = append(out, news.Span{Start: start, End: e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			emit(i + 1)
		case '.', '!', '?':
			if i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n') && !(c == '.' && isAbbrevEnd(text, i)) {
				emit(i + 1)
			}
		case 0xE2: // "…" is E2 80 A6
			if strings.HasPrefix(text[i:], "…") && i+3 < len(text) && text[i+3] == ' ' {
				emit(i + 3)
			}
		}
	}
	emit(len(text))
	return out
}

// isAbbrevEnd reports whether the "." at i ends a one-letter abbreviation
// or "M." ("M. Dupont", "J. Doe"), which does not end a sentence.
func isAbbrevEnd(text string, i int) bool {
	return i >= 1 && ('A' <= text[i-1] && text[i-1] <= 'Z') && (i == 1 || text[i-2] == ' ')
}

// sentenceOf returns the index of the sentence holding byte pos, or -1.
func sentenceOf(sents []news.Span, pos int) int {
	k := sort.Search(len(sents), func(k int) bool { return sents[k].End > pos })
	if k < len(sents) && sents[k].Start <= pos {
		return k
	}
	// Between sentences (whitespace): the next one.
	if k < len(sents) {
		return k
	}
	return -1
}
