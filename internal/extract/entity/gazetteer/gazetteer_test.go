package gazetteer

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

func TestBuildAndParse(t *testing.T) {
	dir := t.TempDir()
	dic := filepath.Join(dir, "fr.dic")
	// Fictional entries in Hunspell's format.
	os.WriteFile(dic, []byte("4\nSolène/L'D'Q' po:prn is:fem\nGarradet/L'D'Q' po:patr\nValtrenix/L'D'Q' po:npr\npendant po:mg po:prep\nproposer/a0p+ po:v1\n"), 0o644)
	mo := filepath.Join(dir, "geonames.mo")
	writeMO(t, mo, [][2]string{{"Varenne Bay", "Baie-de-Varenne"}, {"12345", "Ornaville"}})
	var buf bytes.Buffer
	cities := filepath.Join(dir, "cities")
	os.Mkdir(cities, 0o755)
	os.WriteFile(filepath.Join(cities, "cities.json"), []byte(`[{"name":"Port-Valmy","country":"FR"},{"name":"Pendant","country":"XX"}]`), 0o644)
	os.WriteFile(filepath.Join(cities, "admin1.json"), []byte(`[{"code":"FR.99","name":"Haute-Ornavie"}]`), 0o644)
	en := filepath.Join(dir, "en_US.dic")
	os.WriteFile(en, []byte("3\nhowever\nthe/JG\nMonday/SM\n"), 0o644)
	if err := Build(Sources{FrenchDic: dic, Geonames: mo, EnglishDic: en, CitiesDir: cities}, &buf); err != nil {
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
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := g.Lookup(tt.word); got != tt.want {
				t.Errorf("Lookup(%q) = %b, want %b", tt.word, got, tt.want)
			}
		})
	}
	if !g.CommonStem("propose") {
		t.Errorf("CommonStem(propose) = false, want true (stem of proposer)")
	}
	if ms := g.Multis("varenne"); len(ms) != 1 || strings.Join(ms[0].Tokens, " ") != "varenne bay" {
		t.Errorf("Multis(varenne) = %v, want [varenne bay]", ms)
	}
}

func TestBuildMissingFile(t *testing.T) {
	err := Build(Sources{FrenchDic: filepath.Join(t.TempDir(), "none.dic"), Geonames: "x.mo"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "hunspell-fr-classical") {
		t.Errorf("got %v, want an error naming the package to install", err)
	}
}

func TestParseBadLine(t *testing.T) {
	if _, err := Parse(strings.NewReader("f\tjean\nbad\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("got %v, want an error naming line 2", err)
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
}
