package quote_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/extract/quote"
	"github.com/recoupe/recoupe/news"
)

// FuzzExtract checks the scanner and attribution on arbitrary text: no
// panic, every span inside the text and holding its Text, the same
// output twice.
func FuzzExtract(f *testing.F) {
	for _, tt := range extractTests {
		f.Add(tt.text)
	}
	for _, s := range []string{
		"« « « »", "» » «", "“ ” ” “ “", "\"\"\"", "‘’‘", "« a, dit-il. b", "« x« y« z",
		"a „b“ c", ", said “x”", ",a, said “x”", "Cory James, 22, of Flint, Mich., said “x”", "— X (@x) Jan 1", "\n– Y, z\n", ": «", "«»", "“”", "l’", "a-t-il", ", a-t-il dit",
	} {
		f.Add(s)
	}
	e := quote.New()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		a := &news.Article{Text: text}
		got := e.Extract(a, nil)
		for _, q := range got {
			if !q.Span.In(len(text)) || text[q.Span.Start:q.Span.End] != q.Text {
				t.Fatalf("span %v outside %d bytes or not %q", q.Span, len(text), q.Text)
			}
			for _, s := range []news.Span{q.SpeakerSpan, q.CueSpan, q.Content} {
				if !s.In(len(text)) {
					t.Fatalf("span %v outside %d bytes", s, len(text))
				}
			}
		}
		if again := e.Extract(a, nil); !reflect.DeepEqual(got, again) {
			t.Fatalf("not deterministic: %v vs %v", got, again)
		}
	})
}

// TestUnclosedMegabytes runs the scanner over megabytes of text with
// unbalanced marks; a quadratic scan would not finish in the test's time.
func TestUnclosedMegabytes(t *testing.T) {
	if testing.Short() {
		t.Skip("megabyte inputs")
	}
	e := quote.New()
	for _, tt := range []struct{ name, unit string }{
		{"never closed", "« Le texte continue, dit-il, sans fin "},
		{"openings only", "“ “ « ‘a "},
		{"closings only", "» ” ’ \" "},
		{"nested", "« “ "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Repeat(tt.unit, (1<<20)/len(tt.unit))
			for _, q := range e.Extract(&news.Article{Text: text}, nil) {
				if !q.Span.In(len(text)) {
					t.Fatalf("span %v outside the text", q.Span)
				}
			}
		})
	}
}
