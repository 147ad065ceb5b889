package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/recoupe/recoupe/news"
)

// DefaultMaxBytes is the largest input accepted when Options.MaxBytes is 0.
const DefaultMaxBytes = 20 << 20

// Errors callers may branch on; returned wrapped with the input's name.
var (
	ErrEmpty    = errors.New("empty or whitespace-only input")
	ErrBinary   = errors.New("binary content, not text")
	ErrEncoding = errors.New("invalid UTF-8")
	ErrTooLarge = errors.New("input too large")
	// ErrDocFile marks a README, LICENSE, SOURCE.md… met in a folder or
	// glob: it describes the folder; naming the file itself ingests it.
	ErrDocFile = errors.New("documentation file of the folder, not an article (name it to ingest it)")
)

// maxControlShare is the share of control characters (other than tab,
// newline, carriage return and form feed) above which a file is binary.
const maxControlShare = 0.05

// ParseText turns a text file's bytes into an article with the default
// options. name is the file's base name and becomes Article.Name.
func ParseText(name string, data []byte) (news.Article, error) {
	return Options{}.ParseText(name, data)
}

// ReadText reads a text article from r without ever holding more than
// o.MaxBytes (+1) bytes: a larger input is rejected with ErrTooLarge.
func (o Options) ReadText(name string, r io.Reader) (news.Article, error) {
	data, err := readCapped(name, r, o.maxBytes())
	if err != nil {
		return news.Article{}, err
	}
	return o.ParseText(name, data)
}

// readCapped reads r up to max bytes and fails, naming the input, if there
// is more.
func readCapped(name string, r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("ingest: %s: more than %d bytes: %w", name, max, ErrTooLarge)
	}
	return data, nil
}

// ParseText is the package-level ParseText with o's size limit.
func (o Options) ParseText(name string, data []byte) (news.Article, error) {
	if max := o.maxBytes(); int64(len(data)) > max {
		return news.Article{}, fmt.Errorf("ingest: %s: %d bytes, more than the %d-byte limit: %w", name, len(data), max, ErrTooLarge)
	}
	s, err := decodeText(name, data)
	if err != nil {
		return news.Article{}, err
	}
	return buildText(name, s)
}

// decodeText checks that data is text and returns it as a Go string:
// UTF-16 with a byte-order mark is decoded, a UTF-8 BOM dropped; text that
// is not valid UTF-8 is read as Windows-1252 (Latin-1's superset, what
// French files saved on Windows use) when that gives letters, not
// symbols. It must hold no NUL bytes and few control characters.
func decodeText(name string, data []byte) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", fmt.Errorf("ingest: %s: %w", name, ErrEmpty)
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", fmt.Errorf("ingest: %s: a %s file, not text or HTML: %w", name, m.format, ErrBinary)
		}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewDecoder()
		u, err := dec.Bytes(data)
		if err != nil {
			return "", fmt.Errorf("ingest: %s: decoding UTF-16: %w", name, err)
		}
		data = u
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("ingest: %s: NUL byte at offset %d: %w", name, i, ErrBinary)
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		s, ok := windows1252(data)
		if !ok {
			return "", fmt.Errorf("ingest: %s: byte offset %d (0x%02X): %w", name, off, data[off], ErrEncoding)
		}
		data = []byte(s)
	}
	controls, runes := 0, 0
	for _, r := range string(data) {
		runes++
		if isControl(r) {
			controls++
		}
	}
	if float64(controls) > maxControlShare*float64(runes) {
		return "", fmt.Errorf("ingest: %s: %d control characters in %d: %w", name, controls, runes, ErrBinary)
	}
	if len(strings.TrimFunc(string(data), func(r rune) bool { return unicode.IsSpace(r) || isControl(r) || r == '\u200B' || r == '\uFEFF' })) == 0 {
		return "", fmt.Errorf("ingest: %s: %w", name, ErrEmpty)
	}
	return string(data), nil
}

// binaryMagic are the openings of common binary formats, named in errors.
var binaryMagic = []struct{ prefix, format string }{
	{"%PDF-", "PDF"}, {"\x89PNG", "PNG"}, {"\xFF\xD8\xFF", "JPEG"}, {"GIF8", "GIF"},
	{"PK\x03\x04", "ZIP (or Office document)"}, {"\x1F\x8B", "gzip"}, {"\xD0\xCF\x11\xE0", "Office 97 document"},
}

// windows1252 decodes data as Windows-1252 and reports whether the result
// reads as text: every byte that was not ASCII became a letter or common
// punctuation, not an undefined code or a symbol.
func windows1252(data []byte) (string, bool) {
	s, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	odd, high := 0, 0
	for _, r := range string(s) {
		if r < 0x80 {
			continue
		}
		high++
		if !unicode.IsLetter(r) && !strings.ContainsRune("’‘“”«»–—…€°·\u00a0", r) {
			odd++
		}
	}
	return string(s), odd*10 <= high
}

func isControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r', '\f':
		return false
	}
	return unicode.IsControl(r)
}

// firstInvalid returns the byte offset of the first invalid UTF-8 sequence.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// buildText normalises a decoded text and reads its metadata.
func buildText(name, s string) (news.Article, error) {
	lines := normaliseLines(s)
	var published news.Date
	lines, published = takeDateLine(lines)
	lines = stripFurniture(lines)
	lines = unfuseTitle(lines)
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	if text == "" {
		return news.Article{}, fmt.Errorf("ingest: %s: %w", name, ErrEmpty)
	}
	return news.Article{
		ID:        news.ArticleID(text),
		Name:      name,
		Title:     titleOf(text),
		Published: published,
		Language:  DetectLanguage(text),
		Text:      text,
	}, nil
}

// normaliseLines applies NFC, turns CRLF and lone CR into LF, trims
// trailing white space per line and drops blank lines at the start.
// Typographic quotes and apostrophes are kept as they are.
func normaliseLines(s string) []string {
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	if len(lines) > 0 {
		lines[0] = strings.TrimLeftFunc(lines[0], func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
	}
	return lines
}

// reDateLabel matches a publication-date label at the start of a line.
var reDateLabel = regexp.MustCompile(`(?i)^(?:date(?:\s+de\s+publication)?|publié\s+le|publiée\s+le|publié|mis\s+en\s+ligne\s+le|published(?:\s+on)?|publication|fecha|data|datum|veröffentlicht\s+am)\s*[:：-]?\s*`)

// takeDateLine reads a publication date from the first line when it starts
// with a date label ("date 2025-02", "Date: 10/02/2025", "Publié le 10
// février 2025"). The label and date are removed; whatever follows on the
// same line (often the title) becomes the first line.
func takeDateLine(lines []string) ([]string, news.Date) {
	if len(lines) == 0 {
		return lines, news.Date{}
	}
	m := reDateLabel.FindStringIndex(lines[0])
	if m == nil {
		return lines, news.Date{}
	}
	d, rest, ok := parseDate(lines[0][m[1]:], true)
	if !ok || glued(rest) {
		// "Date: 2025-02-10abc" is not a date line after all.
		return lines, news.Date{}
	}
	rest = strings.TrimLeft(rest, " \t,;|–—-")
	out := append([]string{}, lines...)
	if rest != "" {
		out[0] = rest
		return out, d
	}
	out = out[1:]
	for len(out) > 0 && strings.TrimSpace(out[0]) == "" {
		out = out[1:]
	}
	return out, d
}

// glued reports whether s continues a word or number with no separator.
func glued(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' && len(s) > 1 && s[1] >= '0' && s[1] <= '9')
}

// titleOf returns the text's first line when it reads as a title: followed
// by more text, short, and not ending like a sentence.
// fusedOpeners are the words that open a French or English sentence with
// a capital and are no part of a name when a lower-case word follows:
// "Sous les yeux de Trump La querelle entre …" is a headline run into its
// first sentence, as copying from a web page often leaves it.
var fusedOpeners = map[string]bool{
	"Le": true, "La": true, "Les": true, "Un": true, "Une": true, "Des": true, "Ce": true, "Cette": true,
	"Ces": true, "Il": true, "Elle": true, "Ils": true, "Elles": true, "The": true, "A": true, "An": true,
}

// unfuseTitle breaks a first line made of a headline and a sentence run
// together: a capitalised opener after a capitalised word, followed by a
// lower-case word, within the first 15 words and before any punctuation.
// The space between them becomes a line break (byte offsets are kept).
func unfuseTitle(lines []string) []string {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) || titleOf(strings.Join(lines[i:], "\n")) != "" {
		return lines
	}
	line := lines[i]
	words := strings.Split(line, " ")
	pos := 0
	for k, w := range words {
		if k >= 15 || strings.ContainsAny(w, ".:;!?«»\"“”") {
			break
		}
		if k >= 3 && fusedOpeners[w] && k+1 < len(words) && startsUpper(words[k-1]) && startsLower(words[k+1]) {
			out := slices.Clone(lines)
			out[i] = line[:pos-1] + "\n" + line[pos:]
			return out
		}
		pos += len(w) + 1
	}
	return lines
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func titleOf(text string) string {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(rest) == "" {
		return ""
	}
	first = strings.TrimSpace(first)
	if first == "" || utf8.RuneCountInString(first) > 200 || len(strings.Fields(first)) > 30 {
		return ""
	}
	switch {
	case strings.HasSuffix(first, "..."), strings.HasSuffix(first, "…"):
		return first
	case strings.HasSuffix(first, "."), strings.HasSuffix(first, ":"), strings.HasSuffix(first, ";"), strings.HasSuffix(first, ","):
		return ""
	}
	return first
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}
