package gazetteer

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeMO writes a minimal little-endian gettext catalogue.
func writeMO(t *testing.T, path string, pairs [][2]string) {
	t.Helper()
	n := len(pairs)
	var strs bytes.Buffer
	hdr := 28
	origT, transT := hdr, hdr+8*n
	data := hdr + 16*n
	var orig, trans []uint32
	for _, p := range pairs {
		orig = append(orig, uint32(len(p[0])), uint32(data+strs.Len()))
		strs.WriteString(p[0] + "\x00")
	}
	for _, p := range pairs {
		trans = append(trans, uint32(len(p[1])), uint32(data+strs.Len()))
		strs.WriteString(p[1] + "\x00")
	}
	var b bytes.Buffer
	for _, v := range []uint32{0x950412de, 0, uint32(n), uint32(origT), uint32(transT), 0, 0} {
		binary.Write(&b, binary.LittleEndian, v)
	}
	binary.Write(&b, binary.LittleEndian, orig)
	binary.Write(&b, binary.LittleEndian, trans)
	b.Write(strs.Bytes())
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fictionalWordNet is a WordNet 3.0 data.noun in its format: the two
// real synsets readWordNet checks, then fictional ones.
const fictionalWordNet = `  1 This is a licence header line.
  2 Another one.
08008335 14 n 02 organization 0 organisation 0 000 | a group of people who work together
09239740 17 n 02 celestial_body 0 heavenly_body 0 000 | natural objects visible in the sky
00000100 14 n 03 Valdorian_Trade_Union 0 VTU 0 VU 0 001 @ 08008335 n 0000 | a fictional union
00000150 14 n 01 quintet 0 000 | a group of five
00000160 14 n 01 Brisk_Quintet 0 001 @i 00000150 n 0000 | a fictional band
00000170 14 n 01 Pelmarkians 0 001 @ 00000150 n 0000 | a fictional people, not an organisation
00000200 17 n 01 Brisque_River 0 000 | a fictional river
00000300 17 n 01 Zephyrion 0 001 @i 09239740 n 0000 | a fictional star
00000400 11 n 01 Battle_of_Ostrevia 0 001 @i 00000500 n 0000 | a fictional battle
00000450 11 n 02 Orvania 0 Siege_of_Orvania 0 001 @i 00000500 n 0000 | a fictional siege
00000500 04 n 01 battle 0 000 | a battle
00000600 10 n 01 Charter_of_Pelmark 0 000 | a kind of charter, not one
00000700 15 n 02 Centre 0 Orvania 0 001 @i 00000800 n 0000 | a fictional region
00000800 15 n 01 region 0 000 | a region
`

// fixtures writes fictional source files in every package's layout and
// returns the Sources naming them.
func fixtures(t *testing.T) Sources {
	t.Helper()
	dir := t.TempDir()
	write := func(rel, text string) string {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Fictional entries in Hunspell's format.
	dic := write("fr.dic", "7\nSolène/L'D'Q' po:prn is:fem\nGarradet/L'D'Q' po:patr\nValtrenix/L'D'Q' po:npr\npendant po:mg po:prep\nproposer/a0p+ po:v1\ncentre/S.() po:nom\nZorvex/L'D'Q' po:npr\n")
	mo := filepath.Join(dir, "geonames.mo")
	writeMO(t, mo, [][2]string{{"Varenne Bay", "Baie-de-Varenne"}, {"12345", "Ornaville"}})
	write("cities/cities.json", `[{"name":"Port-Valmy","country":"FR"},{"name":"Pendant","country":"XX"}]`)
	write("cities/admin1.json", `[{"code":"FR.99","name":"Haute-Ornavie"}]`)
	en := write("en_US.dic", "6\nhowever\nthe/JG\nMonday/SM\nfrost/S\nBelvanian/MS\nZorvex/M\n")
	iso := filepath.Dir(write("iso/iso_3166-1.json", `{"3166-1": [
		{"alpha_2": "QV", "name": "Valdoria, Republic of", "official_name": "Republic of Valdoria", "common_name": "Valdoria"},
		{"alpha_2": "QW", "name": "North Ostrevia"}]}`))
	write("iso/iso_3166-3.json", `{"3166-3": [{"alpha_2": "QX", "name": "Greater Pelmark"}]}`)
	write("iso/iso_3166-2.json", `{"3166-2": [
		{"code": "QV-01", "name": "Centre", "type": "Region"},
		{"code": "QV-02", "name": "Lower Brisk [Brisca Isel QV-BRI]", "type": "County"},
		{"code": "FR-QQ", "name": "Centre", "type": "Metropolitan department"},
		{"code": "FR-QR", "name": "Haute-Tarnelle (outre-mer)", "type": "Region"}]}`)
	write("iso/iso_639-2.json", `{"639-2": [
		{"alpha_2": "qv", "alpha_3": "qvd", "name": "Valdorian"},
		{"alpha_3": "qvx", "name": "Old Valdorian"},
		{"alpha_2": "qf", "alpha_3": "qfr", "name": "Frost"}]}`)
	loc := filepath.Join(dir, "locale")
	os.Mkdir(loc, 0o755)
	writeMO(t, filepath.Join(loc, "iso_3166-1.mo"), [][2]string{{"Valdoria, Republic of", "Valdorie, République de"}, {"Valdoria", "Valdorie"}, {"North Ostrevia", "Ostrévie du Nord"}})
	writeMO(t, filepath.Join(loc, "iso_3166-2.mo"), [][2]string{{"Lower Brisk [Brisca Isel QV-BRI]", "Brisque-Basse"}})
	writeMO(t, filepath.Join(loc, "iso_3166-3.mo"), [][2]string{{"Greater Pelmark", "Grand Pelmark"}})
	brands := filepath.Dir(filepath.Dir(write("npm/simple-icons/data/simple-icons.json", `[
		{"title": "Quorlix", "slug": "quorlix", "hex": "000000", "source": "https://example.org"},
		{"title": "Vexa Station 3", "slug": "vexa3", "hex": "000000", "source": "https://example.org", "aliases": {"aka": ["VXS3"], "loc": {"fr-FR": "Vexa Poste", "ja-JP": "ヴェクサ"}}},
		{"title": "Frost", "slug": "frost", "hex": "000000", "source": "https://example.org"},
		{"title": "Solène", "slug": "solene", "hex": "000000", "source": "https://example.org"},
		{"title": "QX", "slug": "qx", "hex": "000000", "source": "https://example.org"}]`)))
	companies := filepath.Dir(filepath.Dir(write("npm/@cspell/dict-companies/dict/companies.txt",
		"\n# cspell-tools: keep-case no-split\n\nQuorlix\nDrennex\nBelvanian\nZorvex\nFrosts\nValdoria\nCentre\n")))
	communes := filepath.Dir(filepath.Dir(write("npm/@etalab/decoupage-administratif/data/communes.json", `[
		{"code": "99001", "nom": "L'Orvanne-sur-Lys", "type": "commune-actuelle"},
		{"code": "99002", "nom": "Pendant", "type": "commune-actuelle"},
		{"code": "99003", "nom": "Le Valmont-Bas", "type": "commune-actuelle"},
		{"code": "99004", "nom": "Brisquet", "type": "commune-deleguee"}]`)))
	wordnet := filepath.Dir(write("wordnet/data.noun", fictionalWordNet))
	for _, spec := range []string{NPMBrands, NPMCompanies, NPMCommunes} {
		i := strings.LastIndexByte(spec, '@')
		write("npm/"+spec[:i]+"/package.json", fmt.Sprintf(`{"name": %q, "version": %q}`, spec[:i], spec[i+1:]))
	}
	return Sources{FrenchDic: dic, Geonames: mo, EnglishDic: en, CitiesDir: filepath.Join(dir, "cities"),
		ISOCodes: iso, ISOLocale: loc, Brands: brands, Companies: companies, Communes: communes, WordNet: wordnet}
}

func TestBuildAndParse(t *testing.T) {
	var buf bytes.Buffer
	if err := Build(fixtures(t), &buf); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(zr)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want Kind
	}{
		{"solène", First}, {"garradet", Surname}, {"valtrenix", Proper}, {"pendant", Word},
		{"baie-de-varenne", City}, {"ornaville", City}, {"12345", 0}, {"inconnu", 0},
		{"port-valmy", City}, {"haute-ornavie", City}, {"however", Word}, {"the", Word}, {"monday", 0},
		// iso-codes: countries (name, common and official names, French),
		// former countries, subdivisions; "Centre" is a common word,
		// kept as a place only for France.
		{"valdoria", Place}, {"valdorie", Place}, {"grand", 0}, {"centre", Word | Place},
		{"haute-tarnelle", Place}, {"brisque-basse", Place},
		// languages with a two-letter code, unless a common word.
		{"valdorian", Misc}, {"frost", Word},
		// companies and brands.
		{"quorlix", Org}, {"vxs0", Brand}, {"drennex", Org}, {"belvanian", 0}, {"zorvex", Proper | Org}, {"frosts", 0},
		// current French communes, with and without the elided article.
		{"l'orvanne-sur-lys", City}, {"orvanne-sur-lys", City}, {"brisquet", 0},
		// WordNet proper nouns.
		{"vtu", Org}, {"vu", 0}, {"qx", 0}, {"pelmarkians", 0}, {"zephyrion", 0}, {"orvania", Place}, {"region", 0}, {"battle", 0},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := g.Lookup(tt.word); got != tt.want {
				t.Errorf("Lookup(%q) = %08b, want %08b", tt.word, got, tt.want)
			}
		})
	}
	if !g.CommonStem("propose") {
		t.Errorf("CommonStem(propose) = false, want true (stem of proposer)")
	}
	multis := []struct {
		first, name string
		want        Kind
	}{
		{"varenne", "varenne bay", City},
		{"republic", "republic of valdoria", Place},
		{"north", "north ostrevia", Place},
		{"ostrévie", "ostrévie du nord", Place},
		{"greater", "greater pelmark", Place},
		{"grand", "grand pelmark", Place},
		{"lower", "lower brisk", Place},
		{"brisca", "brisca isel", Place},
		{"vexa", "vexa station 0", Brand},
		{"vexa", "vexa poste", Brand},
		{"le", "le valmont-bas", City},
		{"valdorian", "valdorian trade union", Org},
		{"brisk", "brisk quintet", Org},
		{"brisque", "brisque river", Place},
		{"battle", "battle of ostrevia", Misc},
		{"siege", "siege of orvania", Misc},
		{"charter", "charter of pelmark", 0},
	}
	for _, tt := range multis {
		t.Run(tt.name, func(t *testing.T) {
			var got Kind
			for _, m := range g.Multis(tt.first) {
				if strings.Join(m.Tokens, " ") == tt.name {
					got |= m.Kind
				}
			}
			if got != tt.want {
				t.Errorf("Multis(%q) has %q as %08b, want %08b", tt.first, tt.name, got, tt.want)
			}
		})
	}
	if ms := g.Multis("old"); len(ms) != 0 {
		t.Errorf("Multis(old) = %v, want none (a language without a two-letter code)", ms)
	}
	if ms := g.Multis("valdoria"); len(ms) != 0 {
		t.Errorf("Multis(valdoria) = %v, want none (the comma form is cut)", ms)
	}
}

// TestBuildSkip checks that Skip leaves the new sources out and that the
// other lists do not depend on them.
func TestBuildSkip(t *testing.T) {
	src := fixtures(t)
	src.ISOCodes, src.ISOLocale, src.Brands, src.Companies, src.Communes, src.WordNet = Skip, Skip, Skip, Skip, Skip, Skip
	var buf bytes.Buffer
	if err := Build(src, &buf); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(zr)
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]Kind{"valdoria": 0, "quorlix": 0, "solène": First, "ornaville": City, "orvanne-sur-lys": 0, "vtu": 0} {
		if got := g.Lookup(word); got != want {
			t.Errorf("Lookup(%q) = %08b, want %08b", word, got, want)
		}
	}
}

func TestBuildSourceErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Sources)
		want string
	}{
		{"missing npm default", func(s *Sources) { s.Brands = "" }, "npm install -g simple-icons"},
		{"missing iso default", func(s *Sources) { s.ISOCodes, s.ISOLocale = "", Skip }, "iso-codes"},
		{"half-skipped iso", func(s *Sources) { s.ISOLocale = Skip }, "together"},
		{"missing iso table", func(s *Sources) { s.ISOCodes = t.TempDir() }, "iso_3166-1.json"},
		{"missing iso catalogue", func(s *Sources) { s.ISOLocale = t.TempDir() }, "iso_3166-1.mo"},
		{"missing companies", func(s *Sources) { s.Companies = t.TempDir() }, "@cspell/dict-companies"},
		{"missing communes default", func(s *Sources) { s.Communes = "" }, "npm install -g @etalab/decoupage-administratif"},
		{"missing communes", func(s *Sources) { s.Communes = t.TempDir() }, "@etalab/decoupage-administratif"},
		{"missing wordnet default", func(s *Sources) { s.WordNet = "" }, "wordnet-base"},
		{"missing wordnet", func(s *Sources) { s.WordNet = t.TempDir() }, "data.noun"},
	}
	saved, savedISO, savedLoc, savedWN := DefaultNodeModules, isoCodesDirs, isoLocaleDirs, wordNetDirs
	t.Cleanup(func() {
		DefaultNodeModules, isoCodesDirs, isoLocaleDirs, wordNetDirs = saved, savedISO, savedLoc, savedWN
	})
	wordNetDirs = []string{filepath.Join(t.TempDir(), "none")}
	DefaultNodeModules = []string{t.TempDir()}
	isoCodesDirs, isoLocaleDirs = []string{filepath.Join(t.TempDir(), "none")}, []string{filepath.Join(t.TempDir(), "none")}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := fixtures(t)
			tt.edit(&src)
			err := Build(src, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestBuildBadSourceFiles(t *testing.T) {
	tests := []struct {
		name string
		edit func(t *testing.T, s *Sources)
		want string
	}{
		{"bad iso json", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.ISOCodes, "iso_3166-2.json"), []byte(`{"3166-2": [`), 0o644)
		}, "iso_3166-2.json"},
		{"empty iso list", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.ISOCodes, "iso_639-2.json"), []byte(`{"639-3": []}`), 0o644)
		}, "iso_639-2.json"},
		{"bad catalogue", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.ISOLocale, "iso_3166-3.mo"), []byte("not a catalogue at all, not a gettext file either"), 0o644)
		}, "iso_3166-3.mo: not a gettext .mo file"},
		{"bad brands json", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.Brands, "data", "simple-icons.json"), []byte(`{}`), 0o644)
		}, "simple-icons.json"},
		{"empty company list", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.Companies, "dict", "companies.txt"), []byte("# nothing\n"), 0o644)
		}, "companies.txt: no entries"},
		{"no current commune", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.Communes, "data", "communes.json"), []byte(`[{"nom": "X", "type": "commune-deleguee"}]`), 0o644)
		}, "no current commune"},
		{"other wordnet version", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.WordNet, "data.noun"), []byte(strings.Replace(fictionalWordNet, "organization 0", "company 0", 1)), 0o644)
		}, "not WordNet 3.0"},
		{"bad wordnet line", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.WordNet, "data.noun"), []byte(fictionalWordNet+"00000900 15 n 03 Truncated 0\n"), 0o644)
		}, "data.noun: line 17"},
		{"bad wordnet pointers", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.WordNet, "data.noun"), []byte(fictionalWordNet+"00000900 15 n 01 Orv 0 009 @ 1 n 0000 | x\n"), 0o644)
		}, "line 17: bad pointer count"},
		{"other npm version", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.Brands, "package.json"), []byte(`{"version": "1.0.0"}`), 0o644)
		}, `version "1.0.0", want`},
		{"no package.json", func(t *testing.T, s *Sources) {
			os.Remove(filepath.Join(s.Companies, "package.json"))
		}, "npm install -g @cspell/dict-companies@"},
		{"bad communes json", func(t *testing.T, s *Sources) {
			os.WriteFile(filepath.Join(s.Communes, "data", "communes.json"), []byte(`[{"nom": 3}]`), 0o644)
		}, "communes.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := fixtures(t)
			tt.edit(t, &src)
			err := Build(src, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestParseMOTruncated(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.mo")
	writeMO(t, p, [][2]string{{"Alpha", "Alfa"}, {"Beta", "Bêta"}})
	b, _ := os.ReadFile(p)
	for _, n := range []int{len(b) - 3, 40, 27} {
		os.WriteFile(p, b[:n], 0o644)
		if _, err := parseMO(p); err == nil || !strings.Contains(err.Error(), "x.mo") {
			t.Errorf("%d bytes: got %v, want an error naming the file", n, err)
		}
	}
}

func TestNameVariants(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Korea, Republic of", []string{"Korea"}},
		{"Guyane (française)", []string{"Guyane"}},
		{"A Coruña [La Coruña]", []string{"La Coruña", "A Coruña"}},
		{"Cardiff [Caerdydd GB-CRD]", []string{"Caerdydd", "Cardiff"}},
		{"Haute-Sangha / Mambéré-Kadéï", []string{"Haute-Sangha", "Mambéré-Kadéï"}},
		{"Bolivie (État plurinational de)", []string{"Bolivie"}},
		{"France", []string{"France"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, nameVariants(tt.in)); diff != "" {
				t.Errorf("nameVariants(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestEntryKey(t *testing.T) {
	for in, want := range map[string]string{"PlayStation  3": "playstation 0", "Côte-d’Azur": "côte-d'azur", "1Password": "0password"} {
		if got := entryKey(in); got != want {
			t.Errorf("entryKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBuildMissingFile(t *testing.T) {
	err := Build(Sources{FrenchDic: filepath.Join(t.TempDir(), "none.dic"), Geonames: "x.mo"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "hunspell-fr-classical") {
		t.Errorf("got %v, want an error naming the package to install", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no tab", "f\tjean\nbad\n", "line 2"},
		{"unknown code", "f\tjean\nl\tfrance\nz\tzed\n", "line 3: unknown list code 'z'"},
		{"empty entry", "o\t\n", "line 1"},
		{"long code", "ox\tacme\n", "line 1"},
		{"line too long", "o\t" + strings.Repeat("a", 70<<10) + "\n", "line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestParseKindsAddUp checks that an entry under several codes, single or
// multi-word, carries all their bits, and that the old codes keep theirs.
func TestParseKindsAddUp(t *testing.T) {
	g, err := Parse(strings.NewReader("n\tzorvex\no\tzorvex\no\tvexa station\nm\tvexa station\nl\tnorth ostrevia\nf\tjean\np\tdupin\nc\tornaville\nw\tchat\n"))
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]Kind{"zorvex": Proper | Org, "jean": 1, "dupin": 2, "ornaville": 8, "chat": 16} {
		if got := g.Lookup(word); got != want {
			t.Errorf("Lookup(%q) = %08b, want %08b", word, got, want)
		}
	}
	if ms := g.Multis("vexa"); len(ms) != 1 || ms[0].Kind != Brand {
		t.Errorf("Multis(vexa) = %v, want one entry of kind %08b", ms, Brand)
	}
	if ms := g.Multis("north"); len(ms) != 1 || ms[0].Kind != Place {
		t.Errorf("Multis(north) = %v, want one place", ms)
	}
}

func TestLoadEmbedded(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 10000 {
		t.Errorf("embedded gazetteer has %d words, want at least 10000", g.Len())
	}
	// A few entries each source must have given (checked against the
	// packages' lists, not chosen from any test text).
	words := []struct {
		word string
		want Kind
	}{
		{"france", Place}, {"allemagne", Place}, {"germany", Place}, {"nord", Place}, {"var", Place},
		{"bretagne", Place}, {"île-de-france", Place}, {"royaume-uni", Place}, {"états-unis", Place},
		{"microsoft", Org}, {"nintendo", Org}, {"pfizer", Org}, {"openai", Org}, {"sncf", Org},
		{"playstation", Brand}, {"spanish", Misc},
		{"montreuil", City}, {"abergement-clémenciat", City}, {"saint-étienne-de-tinée", City},
		{"elbe", Place}, {"greenpeace", Org},
	}
	for _, tt := range words {
		t.Run(tt.word, func(t *testing.T) {
			if got := g.Lookup(tt.word); got&tt.want != tt.want {
				t.Errorf("Lookup(%q) = %08b, want bits %08b", tt.word, got, tt.want)
			}
		})
	}
	multis := []struct {
		first, name string
		want        Kind
	}{
		{"corée", "corée du sud", Place}, {"south", "south korea", Place}, {"united", "united kingdom", Place},
		{"mistral", "mistral ai", Brand}, {"air", "air france", Org},
		{"gulf", "gulf of mexico", Place}, {"european", "european union", Org}, {"napoleonic", "napoleonic wars", Misc},
	}
	for _, tt := range multis {
		t.Run(tt.name, func(t *testing.T) {
			var got Kind
			for _, m := range g.Multis(tt.first) {
				if strings.Join(m.Tokens, " ") == tt.name {
					got |= m.Kind
				}
			}
			if got&tt.want != tt.want {
				t.Errorf("Multis(%q) has %q as %08b, want bits %08b", tt.first, tt.name, got, tt.want)
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParse checks that the data file parser never panics and that what
// it accepts it can look up.
func FuzzParse(f *testing.F) {
	f.Add("f\tjean\nl\tnorth ostrevia\no\tacme\n")
	f.Add("z\tbad\n")
	f.Add("m\t\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		g, err := Parse(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, line := range strings.Split(in, "\n") {
			if len(line) > 2 && line[0] != 's' && !strings.Contains(line[2:], " ") && len(strings.Fields(line[2:])) == 1 && line[2:] == strings.TrimSpace(line[2:]) {
				if g.Lookup(line[2:]) == 0 {
					t.Errorf("accepted %q but Lookup(%q) = 0", line, line[2:])
				}
			}
		}
	})
}

// FuzzParseWNSynset checks that WordNet lines never panic the parser.
func FuzzParseWNSynset(f *testing.F) {
	for _, l := range strings.Split(fictionalWordNet, "\n") {
		f.Add(l)
	}
	f.Add("00000900 15 n ff Orv 0 009 @ 1 n 0000 | x")
	f.Fuzz(func(t *testing.T, in string) {
		off, ss, err := parseWNSynset(in)
		if err == nil && (ss == nil || len(ss.words) == 0) {
			t.Errorf("parseWNSynset(%q) = %d, %v, nil: want words", in, off, ss)
		}
	})
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{0: "0", First: "First", Brand: "Org|Misc", Place | City: "City|Place", Word | Misc: "Word|Misc"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", uint8(k), got, want)
		}
	}
}

func TestCount(t *testing.T) {
	g, err := Parse(strings.NewReader("o\tacme\nm\tacme\no\tzorvex\nl\tostrevia\no\tvexa station\nm\tvexa station\nl\tnorth ostrevia\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		k             Kind
		words, multis int
	}{{Org, 2, 1}, {Brand, 1, 1}, {Place, 1, 1}, {City, 0, 0}}
	for _, tt := range tests {
		t.Run(tt.k.String(), func(t *testing.T) {
			if w, m := g.Count(tt.k); w != tt.words || m != tt.multis {
				t.Errorf("Count(%v) = %d, %d, want %d, %d", tt.k, w, m, tt.words, tt.multis)
			}
		})
	}
}

// FuzzParseMO checks that arbitrary catalogues never panic the parser
// and that what it returns lies within the input.
func FuzzParseMO(f *testing.F) {
	p := filepath.Join(f.TempDir(), "x.mo")
	for _, pairs := range [][][2]string{{{"Alpha", "Alfa"}}, {{"", "header"}, {"Beta", "Bêta"}}} {
		var b bytes.Buffer
		n := len(pairs)
		origT, transT, data := 28, 28+8*n, 28+16*n
		var strs bytes.Buffer
		var orig, trans []uint32
		for _, pr := range pairs {
			orig = append(orig, uint32(len(pr[0])), uint32(data+strs.Len()))
			strs.WriteString(pr[0] + "\x00")
		}
		for _, pr := range pairs {
			trans = append(trans, uint32(len(pr[1])), uint32(data+strs.Len()))
			strs.WriteString(pr[1] + "\x00")
		}
		for _, v := range []uint32{0x950412de, 0, uint32(n), uint32(origT), uint32(transT), 0, 0} {
			binary.Write(&b, binary.LittleEndian, v)
		}
		binary.Write(&b, binary.LittleEndian, orig)
		binary.Write(&b, binary.LittleEndian, trans)
		b.Write(strs.Bytes())
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		pairs, err := parseMOBytes(b, p)
		if err != nil {
			return
		}
		total := 0
		for _, pr := range pairs {
			total += len(pr[0]) + len(pr[1])
		}
		if len(pairs) > len(b)/8 || total > 2*len(b) {
			t.Errorf("%d pairs from %d bytes", len(pairs), len(b))
		}
	})
}

// TestPlaceAcronym reads acronyms as the initials of multi-word place
// names (fictional names), accents and function words dropped.
func TestPlaceAcronym(t *testing.T) {
	g, err := Parse(strings.NewReader("l\trépublique fédérale de valdorie\nl\témirats unis d'ostrevie\nl\tnorth ostrevia\no\tbureau central varnois\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"rfv", true},  // république fédérale (de) valdorie
		{"euo", true},  // émirats unis (d') ostrevie: the accent is dropped
		{"no", false},  // too short to tell
		{"bcv", false}, // an organisation, not a place
		{"rdv", false},
	} {
		t.Run(tt.word, func(t *testing.T) {
			if got := g.PlaceAcronym(tt.word); got != tt.want {
				t.Errorf("PlaceAcronym(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}
