package gazetteer

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// resolve returns the file or directory a source field names: the field
// itself, or when empty the first default that exists (with sub joined),
// or "" for Skip. A missing default is an error naming the install step.
func resolve(field string, defaults []string, sub, install string) (string, error) {
	switch field {
	case Skip:
		return "", nil
	case "":
		for _, d := range defaults {
			p := filepath.Join(d, sub)
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
		}
		return "", fmt.Errorf("gazetteer: %s not found in %s (%s)", sub, strings.Join(defaults, ", "), install)
	}
	return field, nil
}

// checkVersion reports an error unless the unpacked npm package in dir
// is the version spec ("name@version") pins, so that the committed data
// file can be rebuilt exactly.
func checkVersion(dir, spec string) error {
	p := filepath.Join(dir, "package.json")
	b, err := os.ReadFile(p)
	if err != nil {
		return fmt.Errorf("gazetteer: %w (npm install -g %s)", err, spec)
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", p, err)
	}
	want := spec[strings.LastIndexByte(spec, '@')+1:]
	if pkg.Version != want {
		return fmt.Errorf("gazetteer: %s: version %q, want %q (npm install -g %s, or update the pin in build.go)", p, pkg.Version, want, spec)
	}
	return nil
}

// entryKey is the lookup form of a name: spaces collapsed, then Fold
// ("PlayStation 3" → "playstation 0").
func entryKey(s string) string {
	return Fold(strings.Join(strings.Fields(s), " "))
}

// Fold is the lookup form of a word, the one the recogniser gives its
// tokens and Build its entries: lower case, typographic apostrophes as
// ASCII ones, digits as 0.
func Fold(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '’' || r == 'ʼ':
			r = '\''
		case unicode.IsDigit(r):
			r = '0'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// usable reports whether a key can be a data file entry naming something.
func usable(k string) bool {
	return utf8.ValidString(k) && utf8.RuneCountInString(k) >= 2 && strings.ContainsFunc(k, unicode.IsLetter) &&
		!strings.ContainsAny(k, "\t|\n")
}

// nameVariants returns the forms under which a catalogue name appears in
// text: "Korea, Republic of" → "Korea"; "Guyane (française)" → "Guyane";
// "A Coruña [La Coruña]" → "A Coruña", "La Coruña"; "Cardiff [Caerdydd
// GB-CRD]" → "Cardiff", "Caerdydd"; "Haute-Sangha / Mambéré-Kadéï" → both.
func nameVariants(s string) []string {
	var out []string
	if i := strings.Index(s, "["); i >= 0 {
		alt := s[i+1:]
		if j := strings.IndexByte(alt, ']'); j >= 0 {
			alt = alt[:j]
		}
		f := strings.Fields(alt)
		if n := len(f); n > 1 && strings.Contains(f[n-1], "-") && strings.ToUpper(f[n-1]) == f[n-1] {
			f = f[:n-1] // a code
		}
		out = append(out, nameVariants(strings.Join(f, " "))...)
		s = s[:i]
	}
	for _, part := range strings.Split(s, "/") {
		if i := strings.IndexByte(part, '('); i >= 0 {
			part = part[:i]
		}
		if i := strings.IndexByte(part, ','); i >= 0 {
			part = part[:i]
		}
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// isName reports whether the single-word key is already a common word, a
// first name or a surname, which a place or brand of the same spelling
// should not claim ("Centre", "Claude", "Flask").
func isName(lines map[string]bool, k string) bool {
	return lines["w\t"+k] || lines["f\t"+k] || lines["p\t"+k]
}

// commonForm reports whether the single-word key is a common word of
// the dictionaries or, as they list lemmas only, a regular plural or
// feminine of one ("files", "internationale", "mondiaux"). Organisation
// and other names use it; places keep the exact test of isName, as many
// towns are named by a plural ("Trappes", "Meaux").
func commonForm(lines map[string]bool, k string) bool {
	if lines["w\t"+k] {
		return true
	}
	for _, suf := range [][2]string{{"s", ""}, {"es", ""}, {"e", ""}, {"aux", "al"}, {"ies", "y"}} {
		if base, ok := strings.CutSuffix(k, suf[0]); ok && base != "" && lines["w\t"+base+suf[1]] {
			return true
		}
	}
	return false
}

// readISO adds the places and languages of Debian's iso-codes: countries
// (current and former) and first-level and lower subdivisions in English
// and French (code l), and the English names of the languages that have
// a two-letter code (code m). Single-word subdivisions outside France
// that are common words or person names are left out ("Centre",
// "Central"); French départements keep theirs ("Nord", "Var").
func readISO(jsonDir, moDir string, lines map[string]bool) error {
	const install = "install the Debian package iso-codes"
	type entry struct {
		Code         string `json:"code"`
		Alpha2       string `json:"alpha_2"`
		Name         string `json:"name"`
		OfficialName string `json:"official_name"`
		CommonName   string `json:"common_name"`
	}
	read := func(std string) ([]entry, error) {
		p := filepath.Join(jsonDir, "iso_"+std+".json")
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w (%s)", err, install)
		}
		var doc map[string][]entry
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("gazetteer: %s: %w", p, err)
		}
		es, ok := doc[std]
		if !ok || len(es) == 0 {
			return nil, fmt.Errorf("gazetteer: %s: no %q list", p, std)
		}
		return es, nil
	}
	french := func(std string) (map[string]string, error) {
		p := filepath.Join(moDir, "iso_"+std+".mo")
		pairs, err := parseMO(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%w (%s)", err, install)
			}
			return nil, err
		}
		m := make(map[string]string, len(pairs))
		for _, p := range pairs {
			if p[0] != "" && p[1] != "" {
				m[p[0]] = p[1]
			}
		}
		return m, nil
	}
	add := func(code byte, name string, filter bool) {
		for _, v := range nameVariants(name) {
			k := entryKey(v)
			if !usable(k) || filter && !strings.Contains(k, " ") && isName(lines, k) {
				continue
			}
			lines[string(code)+"\t"+k] = true
		}
	}
	for _, std := range []string{"3166-1", "3166-3", "3166-2"} {
		es, err := read(std)
		if err != nil {
			return err
		}
		fr, err := french(std)
		if err != nil {
			return err
		}
		for _, e := range es {
			filter := std == "3166-2" && !strings.HasPrefix(e.Code, "FR-")
			for _, n := range []string{e.Name, e.OfficialName, e.CommonName} {
				if n == "" {
					continue
				}
				add('l', n, filter)
				if t := fr[n]; t != "" {
					add('l', t, filter)
				}
			}
		}
	}
	langs, err := read("639-2")
	if err != nil {
		return err
	}
	for _, e := range langs {
		if e.Alpha2 != "" {
			for _, n := range strings.Split(e.Name, ";") {
				add('m', n, true)
			}
		}
	}
	return nil
}

// readCompanies returns the entries of the npm package
// @cspell/dict-companies (dict/companies.txt): company names split into
// words, as a spelling dictionary lists them, in lookup form.
func readCompanies(dir string) (map[string]bool, error) {
	p := filepath.Join(dir, "dict", "companies.txt")
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w (npm install -g @cspell/dict-companies)", err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if k := entryKey(s); usable(k) {
			out[k] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", p, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("gazetteer: %s: no entries", p)
	}
	return out, nil
}

// readBrands returns the brand names of the npm package simple-icons
// (data/simple-icons.json): titles, their "aka" aliases and their French
// and English localised titles, in lookup form.
func readBrands(dir string) (map[string]bool, error) {
	p := filepath.Join(dir, "data", "simple-icons.json")
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w (npm install -g simple-icons)", err)
	}
	var icons []struct {
		Title   string `json:"title"`
		Aliases struct {
			Aka []string          `json:"aka"`
			Loc map[string]string `json:"loc"`
		} `json:"aliases"`
	}
	if err := json.Unmarshal(b, &icons); err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", p, err)
	}
	out := map[string]bool{}
	for _, ic := range icons {
		names := append([]string{ic.Title}, ic.Aliases.Aka...)
		for lang, n := range ic.Aliases.Loc {
			if strings.HasPrefix(lang, "fr") || strings.HasPrefix(lang, "en") {
				names = append(names, n)
			}
		}
		for _, n := range names {
			if k := entryKey(n); usable(k) {
				out[k] = true
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("gazetteer: %s: no brands", p)
	}
	return out, nil
}

// addOrgs adds the organisation (o) and brand entries. A brand that the
// company list also names is an organisation (o); another brand may be a
// company or a product, and gets both o and m ("PlayStation", "Mistral
// AI"). A company-list word gets o unless it is a common word or its
// plural ("Parts"), a person name, a place, or an English proper noun of
// the English dictionary that the French one does not list as a proper
// noun ("American", "Allen": parts of company names; "Microsoft" is in
// both), except when a brand confirms it. Single-word brands that are
// common words (or their plurals) or first names are left out ("Orange", "Flask",
// "Charles"), and so are single words of fewer than three letters.
func addOrgs(companies, brands, enProper map[string]bool, lines map[string]bool) {
	place := func(k string) bool { return lines["c\t"+k] || lines["l\t"+k] }
	for k := range brands {
		single := !strings.Contains(k, " ")
		if single && (commonForm(lines, k) || lines["f\t"+k] || !distinctive(k)) {
			continue
		}
		lines["o\t"+k] = true
		if !companies[k] {
			lines["m\t"+k] = true
		}
	}
	for k := range companies {
		if brands[k] || strings.Contains(k, " ") {
			continue
		}
		if isName(lines, k) || commonForm(lines, k) || place(k) || !distinctive(k) || enProper[k] && !lines["n\t"+k] {
			continue
		}
		lines["o\t"+k] = true
	}
}

// readCommunes adds the current French communes of the npm package
// @etalab/decoupage-administratif as cities (code c), also without a
// leading elided article ("L'Abergement-Clémenciat" → "Abergement-
// Clémenciat", as a tokeniser splits "L'"). A single-word name that is a
// common word or a person name is left out unless it is already a city
// ("Orange" stays out, "Nice" stays in from GeoNames).
func readCommunes(dir string, lines map[string]bool) error {
	p := filepath.Join(dir, "data", "communes.json")
	b, err := os.ReadFile(p)
	if err != nil {
		return fmt.Errorf("gazetteer: %w (npm install -g %s)", err, NPMCommunes)
	}
	var communes []struct {
		Name string `json:"nom"`
		Type string `json:"type"`
	}
	if err := json.Unmarshal(b, &communes); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", p, err)
	}
	n := 0
	for _, c := range communes {
		if c.Type != "commune-actuelle" {
			continue
		}
		n++
		k := entryKey(c.Name)
		keys := []string{k}
		if rest, ok := strings.CutPrefix(k, "l'"); ok {
			keys = append(keys, rest)
		}
		for _, k := range keys {
			if !usable(k) || !strings.Contains(k, " ") && isName(lines, k) {
				continue
			}
			lines["c\t"+k] = true
		}
	}
	if n == 0 {
		return fmt.Errorf("gazetteer: %s: no current commune", p)
	}
	return nil
}
