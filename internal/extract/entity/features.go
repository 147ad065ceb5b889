package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/extract/entity/gazetteer"
)

// Token flags computed once per token.
const (
	fCap       uint32 = 1 << iota // first letter upper case
	fAllCap                       // every letter upper case, two letters or more
	fMixed                        // an upper-case letter after the first ("OpenAI", "xAI")
	fDigit                        // contains a digit
	fLetter                       // contains a letter
	fInitial                      // first word of its sentence (after opening punctuation)
	fTitleLine                    // sentence is a headline in Title Case
	fCapsLine                     // sentence is in ALL CAPS
	fStem                         // Snowball stem of a common word
	fDocLower                     // the word also appears in lower case in the document
	fDocCapMid                    // the word appears capitalised mid-sentence elsewhere
	fTitleCue                     // previous word is a title ("M.", "Mme", "président")
	fOrgCue                       // next word is a company suffix ("SA", "Inc")
	fMultiB                       // starts a multi-word gazetteer name
	fMultiI                       // continues a multi-word gazetteer name
	fOrgAcr                       // an organisation's acronym by the role cues (roles.go); set after tagging
)

// titleCues precede person names in news text.
var titleCues = map[string]bool{
	"m": true, "m.": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "me": true, "dr": true,
	"mr": true, "mrs": true, "ms": true, "monsieur": true, "madame": true, "président": true,
	"présidente": true, "ministre": true, "pdg": true, "ceo": true, "patron": true, "patronne": true,
	"directeur": true, "directrice": true, "général": true, "docteur": true, "professeur": true,
	"sénateur": true, "sénatrice": true, "député": true, "députée": true, "maire": true, "avocat": true,
	"avocate": true, "fondateur": true, "fondatrice": true, "cofondateur": true, "co-fondateur": true,
	"porte-parole": true, "juge": true, "président-directeur": true, "secrétaire": true, "chancelier": true,
	"chancelière": true, "roi": true, "reine": true, "prince": true, "pape": true, "cardinal": true,
	"president": true, "milliardaire": true, "billionaire": true, "chef": true, "dirigeant": true, "dirigeante": true, "minister": true, "senator": true, "sir": true, "lady": true, "lord": true,
}

// orgCues follow or contain organisation names.
var orgCues = map[string]bool{
	"sa": true, "sas": true, "sarl": true, "inc": true, "ltd": true, "llc": true, "plc": true, "gmbh": true,
	"ag": true, "corp": true, "corporation": true, "group": true, "groupe": true, "holding": true,
	"capital": true, "partners": true, "technologies": true, "labs": true, "bank": true, "banque": true,
	"motors": true, "airlines": true, "systems": true, "ventures": true, "media": true, "co": true,
}

// tokInfo is what the features read from one token.
type tokInfo struct {
	lower string // lower case, digits as 0, apostrophes as '
	shape string
	flags uint32
	gaz   gazetteer.Kind
	multi gazetteer.Kind
	// alt is the model's best entity type for the token (1 PER … 4 MISC),
	// used when a rule decides that an untagged word is a name.
	alt uint8
	// cue is 1 + the cue type of the word's stem once computed (cueOf).
	cue uint8
	// cl is the word's cluster (n == 0: none).
	cl clus
	// agg holds, for a capitalised word, the hashed context features of
	// all its capitalised occurrences in the document (docCtx).
	agg []uint64
}

// docCtx holds document-level evidence.
type docCtx struct {
	lowerSeen map[string]bool
	capMid    map[string]bool
	// ctxs maps a capitalised word to the words around its occurrences
	// (hashed features, at most maxAgg): "Dupont" after "M." once lends
	// that evidence to its other mentions.
	ctxs map[string][]uint64
}

const maxAgg = 12

// aggregate records the context of capitalised token i.
func (d *docCtx) aggregate(infos []tokInfo, i int) {
	if d.ctxs == nil {
		d.ctxs = map[string][]uint64{}
	}
	prev, next := "<s>", "</s>"
	if i > 0 {
		prev = infos[i-1].lower
	}
	if i+1 < len(infos) {
		next = infos[i+1].lower
	}
	l := infos[i].lower
	for _, h := range [2]uint64{hs(tpl(60), prev), hs(tpl(61), next)} {
		hs := d.ctxs[l]
		if len(hs) >= maxAgg || slices.Contains(hs, h) {
			continue
		}
		d.ctxs[l] = append(hs, h)
	}
}

// normLower is the gazetteer's lookup form of a token (gazetteer.Fold).
func normLower(s string) string { return gazetteer.Fold(s) }

const maxShape = 8

func shapeOf(s string) (string, uint32) {
	var buf [maxShape]byte
	n := 0
	var flags uint32
	var last byte
	first := true
	letters, uppers := 0, 0
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			letters++
			uppers++
			if first {
				flags |= fCap
			} else {
				flags |= fMixed
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			flags |= fDigit
		case r == '-' || r == '.' || r == '\'' || r == '&':
			c = byte(r)
		case r == '’':
			c = '\''
		default:
			c = 'o'
		}
		first = false
		if c != last && n < maxShape {
			buf[n] = c
			n++
		}
		last = c
	}
	if letters > 0 {
		flags |= fLetter
	}
	if letters >= 2 && uppers == letters {
		flags |= fAllCap
		flags &^= fMixed
	}
	return string(buf[:n]), flags
}

// openers are tokens after which a capital says nothing (sentence-like
// starts: quotes, dashes, bullets, colons).
func isOpener(s string) bool {
	switch s {
	case "«", "\"", "“", "„", "‹", "(", "[", "—", "–", "-", "•", ":", "*", "·", "‘", "'", "»", "”":
		return true
	}
	return false
}

// analyze fills infos for one sentence (words are the token texts).
// stems caches, for one document, whether a word's Snowball stem is the
// stem of a common word (stemming is the costly part of analysis).
type stems map[string]bool

// commonStem is Gazetteer.CommonStem through the cache c (nil: no cache).
func (r *Recognizer) commonStem(w string, c stems) bool {
	if c == nil {
		return r.gaz.CommonStem(w)
	}
	v, ok := c[w]
	if !ok {
		v = r.gaz.CommonStem(w)
		c[w] = v
	}
	return v
}

func (r *Recognizer) analyze(words []string, infos []tokInfo, c stems) {
	capWords, caps, longWords := 0, 0, 0
	initial := true
	for i, w := range words {
		ti := &infos[i]
		ti.lower = normLower(w)
		ti.shape, ti.flags = shapeOf(w)
		ti.cl = r.clusters[ti.lower]
		if initial && ti.flags&fLetter != 0 {
			ti.flags |= fInitial
			initial = false
		} else if !initial && isOpener(w) {
			initial = true
		} else if ti.flags&(fLetter|fDigit) != 0 {
			initial = false
		}
		if ti.flags&fLetter != 0 && ti.flags&fCap != 0 || ti.flags&fAllCap != 0 {
			ti.gaz = r.gaz.Lookup(ti.lower)
			if ti.gaz&gazetteer.Word == 0 && r.commonStem(ti.lower, c) {
				ti.flags |= fStem
			}
		}
		if utf8.RuneCountInString(w) >= 4 && ti.flags&fLetter != 0 {
			longWords++
			if ti.flags&fCap != 0 {
				capWords++
			}
			if ti.flags&fAllCap != 0 {
				caps++
			}
		}
	}
	var line uint32
	if longWords >= 3 && caps*10 >= longWords*7 {
		line = fCapsLine
	} else if longWords >= 3 && capWords*10 >= longWords*7 {
		line = fTitleLine
	}
	for i := range infos {
		infos[i].flags |= line
		if i > 0 && titleCues[strings.TrimSuffix(infos[i-1].lower, ".")] {
			infos[i].flags |= fTitleCue
		}
		if i+1 < len(infos) && orgCues[strings.TrimSuffix(infos[i+1].lower, ".")] && infos[i+1].flags&fCap != 0 {
			infos[i].flags |= fOrgCue
		}
		if ms := r.gaz.Multis(infos[i].lower); len(ms) > 0 && infos[i].flags&fCap != 0 {
			for _, m := range ms {
				if i+len(m.Tokens) > len(infos) {
					continue
				}
				ok := true
				for k := 1; k < len(m.Tokens); k++ {
					if normLower(words[i+k]) != m.Tokens[k] {
						ok = false
						break
					}
				}
				if ok {
					infos[i].multi |= m.Kind
					infos[i].flags |= fMultiB
					for k := 1; k < len(m.Tokens); k++ {
						infos[i+k].multi |= m.Kind
						infos[i+k].flags |= fMultiI
					}
				}
			}
		}
	}
}

// addDoc records a sentence's words in the document context.
func (d *docCtx) add(infos []tokInfo) {
	for i, ti := range infos {
		if ti.flags&fLetter == 0 {
			continue
		}
		if ti.flags&(fCap|fAllCap|fMixed) != 0 {
			d.aggregate(infos, i)
		}
		if ti.flags&(fCap|fAllCap|fMixed) == 0 {
			d.lowerSeen[ti.lower] = true
		} else if ti.flags&(fInitial|fTitleLine|fCapsLine) == 0 {
			d.capMid[ti.lower] = true
		}
	}
}

// applyDoc sets the document-level flags of a sentence.
func (d *docCtx) apply(infos []tokInfo) {
	for i := range infos {
		ti := &infos[i]
		if ti.flags&(fCap|fAllCap) == 0 {
			continue
		}
		if d.lowerSeen[ti.lower] {
			ti.flags |= fDocLower
		}
		if d.capMid[ti.lower] {
			ti.flags |= fDocCapMid
		}
		ti.agg = d.ctxs[ti.lower]
	}
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hb(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func hs(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func tpl(id byte) uint64 { return hb(fnvOffset, id) }

// affixes returns the first and last n runes of s (s itself when shorter).
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func suffix(s string, n int) string {
	i := len(s)
	for i > 0 && n > 0 {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
		n--
	}
	return s[i:]
}

const flagMask = fCap | fAllCap | fMixed | fDigit | fInitial | fTitleLine | fCapsLine

// static appends the tag-independent feature hashes of token i.
func static(infos []tokInfo, i int, out []uint64) []uint64 {
	ti := &infos[i]
	word := func(j int) string {
		if j < 0 {
			return "<s>"
		}
		if j >= len(infos) {
			return "</s>"
		}
		return infos[j].lower
	}
	shape := func(j int) string {
		if j < 0 || j >= len(infos) {
			return "_"
		}
		return infos[j].shape
	}
	caseBits := func(j int) byte {
		if j < 0 || j >= len(infos) {
			return 0xfe
		}
		return byte(infos[j].flags & (fCap | fAllCap | fMixed | fInitial))
	}
	f := ti.flags
	out = append(out,
		tpl(1),
		hs(tpl(2), ti.lower),
		hs(tpl(3), word(i-1)),
		hs(tpl(4), word(i+1)),
		hs(tpl(5), word(i-2)),
		hs(tpl(6), word(i+2)),
		hs(tpl(7), ti.shape),
		hs(hs(tpl(8), shape(i-1)), ti.shape),
		hs(hs(tpl(9), ti.shape), shape(i+1)),
		hs(hs(tpl(10), word(i-1)), ti.lower),
		hs(hs(tpl(11), ti.lower), word(i+1)),
		hb(hb(tpl(12), byte(f&flagMask)), byte((f&flagMask)>>8)),
		hb(hb(hb(tpl(13), caseBits(i-1)), caseBits(i)), caseBits(i+1)),
		hb(hb(tpl(14), byte(ti.gaz)), byte(f&(fCap|fInitial|fAllCap))),
		hb(hb(tpl(15), byte(ti.gaz)), byte(f>>8)),
		hb(hb(tpl(16), byte((f>>8)&0x7f)), byte(f&(fCap|fInitial|fAllCap))),
		hb(hb(tpl(17), byte((f>>11)&3)), byte(f&(fCap|fInitial|fAllCap|fMixed))),
		hs(hb(tpl(18), byte(f&(fCap|fAllCap))), ti.shape),
	)
	if i > 0 {
		out = append(out, hb(hb(tpl(19), byte(infos[i-1].gaz)), byte(f&(fCap|fInitial))))
	}
	if i+1 < len(infos) {
		out = append(out, hb(hb(tpl(20), byte(infos[i+1].gaz)), byte(f&(fCap|fInitial))))
	}
	if ti.multi != 0 {
		out = append(out, hb(hb(tpl(21), byte(ti.multi)), byte(f&(fCap|fInitial|fAllCap)|(f>>8)&0x60)))
	}
	// Context words conjoined with the token's case: "à" before a
	// capitalised word says LOC, before a lower-case one nothing.
	cb := caseBits(i)
	out = append(out,
		hb(hs(tpl(24), word(i-1)), cb),
		hb(hs(tpl(25), word(i-2)), cb),
		hb(hs(tpl(26), word(i+1)), cb),
		hb(hs(hs(tpl(27), word(i-2)), word(i-1)), cb),
		hs(hs(hs(tpl(28), shape(i-1)), ti.shape), shape(i+1)),
	)
	{
		// OCR and old spellings drop accents ("Etat", "Général"): the
		// word without them, and longer affixes.
		if a := stripAccents(ti.lower); a != ti.lower {
			out = append(out, hs(tpl(30), a))
		}
		if n := len(ti.lower); n > 0 && n <= 64 {
			out = append(out, hs(tpl(31), prefix(ti.lower, 5)), hs(tpl(32), suffix(ti.lower, 5)))
		}
	}
	{
		// Length of the run of capitalised words the token is in, and its
		// position there (name boundaries).
		capd := func(j int) bool { return j >= 0 && j < len(infos) && infos[j].flags&(fCap|fAllCap|fMixed) != 0 }
		if capd(i) {
			s, e := i, i+1
			for s > 0 && capd(s-1) && i-s < 8 {
				s--
			}
			for e < len(infos) && capd(e) && e-i < 8 {
				e++
			}
			out = append(out, hb(hb(tpl(29), byte(min(e-s, 5))), byte(min(i-s, 3))))
		}
	}
	out = append(out, ti.agg...)
	{
		// Word clusters: the token's at four granularities (alone and
		// with its case), its neighbours' at two. A word without a
		// cluster adds nothing: the training text is in the clustered
		// text, so "no cluster" would mean something else in training.
		if ti.cl.n > 0 {
			for _, k := range [...]int{4, 8, 12, 16} {
				h := clusterFeat(tpl(50), ti.cl, k)
				out = append(out, h, hb(h, cb))
			}
		}
		for _, nb := range [...]struct {
			id   byte
			d, k int
		}{{51, -1, 6}, {51, -1, 12}, {52, 1, 6}, {52, 1, 12}, {53, -2, 6}, {54, 2, 6}} {
			j := i + nb.d
			c := clus{n: 0xff}
			if j >= 0 && j < len(infos) {
				if c = infos[j].cl; c.n == 0 {
					continue
				}
			}
			out = append(out, hb(clusterFeat(tpl(nb.id), c, nb.k), cb))
		}
	}
	if n := len(ti.lower); n > 0 && n <= 64 {
		for k := 1; k <= 4; k++ {
			out = append(out, hs(hb(tpl(22), byte(k)), prefix(ti.lower, k)), hs(hb(tpl(23), byte(k)), suffix(ti.lower, k)))
		}
	}
	return out
}

// clusterFeat hashes the first k bits of cluster c under template h.
func clusterFeat(h uint64, c clus, k int) uint64 {
	p, n := c.prefix(k)
	if c.n == 0xff {
		n = 0xff // outside the sentence
	}
	return hb(hb(hb(hb(hb(h, byte(k)), n), byte(p)), byte(p>>8)), byte(p>>16))
}

// nDyn is the number of features that depend on the previous tag.
const nDyn = 4

// dynBase sets the tag-independent part of token i's dynamic features;
// mixTag combines each with the previous tag.
func dynBase(infos []tokInfo, i int, out *[nDyn]uint64) {
	ti := &infos[i]
	out[0] = tpl(40)
	out[1] = hs(tpl(43), ti.shape)
	out[2] = hb(hb(tpl(44), byte(ti.gaz)), byte(ti.flags&(fCap|fInitial)))
	// The word itself with the previous tag, for capitalised words only
	// (names; one table row per previous tag is a cache miss, and lower-case
	// words share one row).
	out[3] = tpl(42)
	if ti.flags&(fCap|fAllCap|fMixed) != 0 {
		out[3] = hs(tpl(42), ti.lower)
	}
}

func mixTag(h uint64, p int) uint64 { return hb(h, byte(p)) }

// stripAccents drops the accents of French lower-case letters.
func stripAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'à', 'â', 'ä':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'î', 'ï':
			r = 'i'
		case 'ô', 'ö':
			r = 'o'
		case 'ù', 'û', 'ü':
			r = 'u'
		case 'ç':
			r = 'c'
		}
		b.WriteRune(r)
	}
	return b.String()
}
