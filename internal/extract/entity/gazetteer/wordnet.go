package gazetteer

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WordNet 3.0 synsets (data.noun offsets) whose descendants Build sorts;
// readWordNet checks each offset still names the expected lemma, so
// another WordNet version fails clearly rather than silently.
const (
	wnOrganization  = 8008335 // organization, organisation: a group of people who work together
	wnCelestialBody = 9239740 // celestial_body, heavenly_body
)

// WordNet lexicographer files (lex_filenum) of noun synsets.
const (
	wnAct           = 4
	wnCommunication = 10
	wnEvent         = 11
	wnGroup         = 14
	wnLocation      = 15
	wnObject        = 17
)

type wnSynset struct {
	lex      int
	words    []string
	hyper    []int // hypernyms and instance hypernyms
	instance bool  // an instance of its hypernym: a named individual
}

// readWordNet adds the proper nouns of WordNet's noun database: a synset
// is proper when its lemmas are capitalised, and only those lemmas are
// used ("United_Nations", "UN"). Groups that descend from organization
// and named groups (parties, agencies, bands, armed groups) are o;
// locations and geographic features that are not celestial bodies
// ("Rhine", "Gulf of Mexico") are l; named events and texts (wars,
// battles, treaties, scriptures: instances only) are m. People are left
// out (no list kind for them). A single word that is a common word or
// a person name is left out ("Capital", "Titus"), and so is a single
// organisation, event or text name of fewer than three letters, that is
// an inflected common word ("Prophets") or that names a place too.
func readWordNet(dir string, lines map[string]bool) error {
	p := filepath.Join(dir, "data.noun")
	f, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("gazetteer: %w (install the Debian package wordnet-base)", err)
	}
	defer f.Close()
	syn := map[int]*wnSynset{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.HasPrefix(s, "  ") || s == "" { // licence header
			continue
		}
		off, ss, err := parseWNSynset(s)
		if err != nil {
			return fmt.Errorf("gazetteer: %s: line %d: %w", p, line, err)
		}
		syn[off] = ss
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: %s: line %d: %w", p, line+1, err)
	}
	for off, lemma := range map[int]string{wnOrganization: "organization", wnCelestialBody: "celestial_body"} {
		if ss := syn[off]; ss == nil || ss.words[0] != lemma {
			return fmt.Errorf("gazetteer: %s: synset %08d is not %q: not WordNet 3.0", p, off, lemma)
		}
	}
	memo := map[[2]int]bool{}
	var descends func(off, root, depth int) bool
	descends = func(off, root, depth int) bool {
		if off == root {
			return true
		}
		if depth > 64 {
			return false
		}
		k := [2]int{off, root}
		if v, ok := memo[k]; ok {
			return v
		}
		memo[k] = false
		ss := syn[off]
		v := false
		if ss != nil {
			for _, h := range ss.hyper {
				if descends(h, root, depth+1) {
					v = true
					break
				}
			}
		}
		memo[k] = v
		return v
	}
	var named []string
	for off, ss := range syn {
		var names []string
		for _, w := range ss.words {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				names = append(names, strings.ReplaceAll(w, "_", " "))
			}
		}
		if len(names) == 0 {
			continue
		}
		var code byte
		switch {
		case ss.lex == wnGroup && (ss.instance || descends(off, wnOrganization, 0)):
			code = 'o'
		case ss.lex == wnLocation, ss.lex == wnObject && !descends(off, wnCelestialBody, 0):
			code = 'l'
		case ss.instance && (ss.lex == wnEvent || ss.lex == wnAct || ss.lex == wnCommunication):
			code = 'm'
		default:
			continue
		}
		for _, n := range names {
			k := entryKey(n)
			if !usable(k) || !strings.Contains(k, " ") && isName(lines, k) {
				continue
			}
			if code == 'l' {
				lines["l\t"+k] = true
			} else {
				named = append(named, string(code)+"\t"+k)
			}
		}
	}
	// Organisations, events and texts after the places, so that a
	// single word that names a place too is left to the place ("Europe"
	// of the European Union, "Dunkerque" of the evacuation).
	for _, l := range named {
		if k := l[2:]; !strings.Contains(k, " ") && (!distinctive(k) || commonForm(lines, k) || lines["c\t"+k] || lines["l\t"+k]) {
			continue
		}
		lines[l] = true
	}
	return nil
}

// distinctive reports whether a single-word organisation or other name is
// long enough not to be a short word of running text ("EU", "eu").
func distinctive(k string) bool { return utf8.RuneCountInString(k) >= 3 }

// parseWNSynset parses one line of a WordNet data file (wndb(5WN)):
// "offset lex_filenum ss_type w_cnt word lex_id... p_cnt ptr... | gloss".
func parseWNSynset(s string) (int, *wnSynset, error) {
	head, _, _ := strings.Cut(s, " | ")
	f := strings.Fields(head)
	if len(f) < 6 {
		return 0, nil, fmt.Errorf("want a synset, got %q", trunc(s))
	}
	off, err1 := strconv.Atoi(f[0])
	lex, err2 := strconv.Atoi(f[1])
	n, err3 := strconv.ParseInt(f[3], 16, 32)
	if err1 != nil || err2 != nil || err3 != nil || n < 1 || 4+2*int(n) >= len(f) {
		return 0, nil, fmt.Errorf("bad synset header %q", trunc(s))
	}
	ss := &wnSynset{lex: lex}
	for i := 0; i < int(n); i++ {
		w := f[4+2*i]
		if j := strings.IndexByte(w, '('); j > 0 { // adjective markers
			w = w[:j]
		}
		ss.words = append(ss.words, w)
	}
	i := 4 + 2*int(n)
	pc, err := strconv.Atoi(f[i])
	if err != nil || pc < 0 || i+1+4*pc > len(f) {
		return 0, nil, fmt.Errorf("bad pointer count in %q", trunc(s))
	}
	for i++; pc > 0; pc, i = pc-1, i+4 {
		sym, pos := f[i], f[i+2]
		if pos != "n" || sym != "@" && sym != "@i" {
			continue
		}
		o, err := strconv.Atoi(f[i+1])
		if err != nil {
			return 0, nil, fmt.Errorf("bad pointer %q", f[i+1])
		}
		ss.hyper = append(ss.hyper, o)
		ss.instance = ss.instance || sym == "@i"
	}
	return off, ss, nil
}

func trunc(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
