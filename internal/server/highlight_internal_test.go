package server

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

func sp(start, end int, class string) markSpan {
	return markSpan{Span: news.Span{Start: start, End: end}, Class: class}
}

func TestMarkText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans []markSpan
		want  string
	}{
		{"no spans", "a < b & c", nil, "a &lt; b &amp; c"},
		{"one span", "pay $3bn now", []markSpan{sp(4, 8, "money")}, `pay <mark class="money">$3bn</mark> now`},
		{"script stays text", "<script>x()</script>", []markSpan{sp(8, 11, "ent")},
			`&lt;script&gt;<mark class="ent">x()</mark>&lt;/script&gt;`},
		{"overlap", "abcdef", []markSpan{sp(0, 4, "a"), sp(2, 6, "b")},
			`<mark class="a">ab</mark><mark class="a b">cd</mark><mark class="b">ef</mark>`},
		{"nested", "abcdef", []markSpan{sp(0, 6, "quote"), sp(2, 3, "ent PER")},
			`<mark class="quote">ab</mark><mark class="quote ent PER">c</mark><mark class="quote">def</mark>`},
		{"target is one element", "abcdef", []markSpan{sp(0, 3, "money"), {Span: news.Span{Start: 1, End: 5}, Class: "target", ID: "hl"}},
			`<mark class="money">a</mark><mark class="target" id="hl"><mark class="money">bc</mark>de</mark>f`},
		{"out of range and inverted dropped", "abc", []markSpan{sp(2, 1, "x"), sp(-5, -1, "y"), sp(1, 99, "z")},
			`a<mark class="z">bc</mark>`},
		{"multibyte snapped", "été", []markSpan{sp(1, 3, "x")}, `<mark class="x">ét</mark>é`},
		{"class injection cleaned", "ab", []markSpan{sp(0, 1, `x" onmouseover="alert(1)`)},
			`<mark class="x onmouseoveralert1">a</mark>b`},
		{"title escaped", "ab", []markSpan{{Span: news.Span{Start: 0, End: 1}, Class: "x", Title: `"><script>`}},
			`<mark class="x" title="&#34;&gt;&lt;script&gt;">a</mark>b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(markText(tt.text, tt.spans)); got != tt.want {
				t.Errorf("markText(%q) = %s, want %s", tt.text, got, tt.want)
			}
		})
	}
}

var tagRE = regexp.MustCompile(`</?mark[^>]*>`)

// FuzzMarkText checks that the marked HTML, with our tags removed and
// entities decoded, is the text again; that no other tag appears; and
// that the tags balance.
func FuzzMarkText(f *testing.F) {
	f.Add("<b>été</b> & <script>alert(1)</script>", 0, 5, 3, 12, 2, 7)
	f.Add("abc", 0, 3, 0, 3, 1, 2)
	f.Add("\xff\xfe<", 0, 1, 1, 3, 0, 2)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		spans := []markSpan{sp(a, b, "money"), sp(c, d, "ent PER"),
			{Span: news.Span{Start: e, End: g}, Class: "target", ID: "hl"}}
		out := string(markText(text, spans))
		plain := tagRE.ReplaceAllString(out, "")
		if strings.ContainsAny(plain, "<>") {
			t.Fatalf("markText(%q) left markup outside our tags: %s", text, out)
		}
		// HTMLEscapeString writes NUL as U+FFFD, as a browser would read it.
		want := strings.ReplaceAll(text, "\x00", "\uFFFD")
		if got := html.UnescapeString(plain); got != want && utf8.ValidString(text) {
			t.Fatalf("markText(%q) reads back as %q", text, got)
		}
		if open, closing := strings.Count(out, "<mark"), strings.Count(out, "</mark>"); open != closing {
			t.Fatalf("markText(%q): %d <mark> vs %d </mark>: %s", text, open, closing, out)
		}
	})
}

// BenchmarkMarkText marks a 60 KB article with 1,500 overlapping spans.
func BenchmarkMarkText(b *testing.B) {
	text := strings.Repeat("Le 10 février, « Non merci » a répondu Sam Altman à <Elon Musk> pour 97,4 milliards. ", 700)
	var spans []markSpan
	for i := 0; i+40 < len(text) && len(spans) < 1500; i += 40 {
		spans = append(spans, sp(i, i+25, "money"), sp(i+10, i+35, "ent PER"))
	}
	spans = append(spans, markSpan{Span: news.Span{Start: 100, End: 5000}, Class: "target", ID: "hl"})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		markText(text, spans)
	}
}
