package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags end a line of text when stripping HTML.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.Pre: true, atom.Hr: true, atom.Figure: true, atom.Figcaption: true, atom.Dd: true, atom.Dt: true,
}

// skipTags hold no readable text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true, atom.Svg: true,
	atom.Template: true, atom.Object: true, atom.Head: true,
}

// StripHTML turns an HTML fragment (a feed item's content) into plain text:
// entities decoded, scripts and styles dropped, block elements on their own
// lines, runs of white space collapsed. It uses the x/net/html tokenizer, so
// it runs in linear time on any input, well-formed or not.
func StripHTML(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(collapseSpaces(s))
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var sb strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tidyLines(sb.String())
		case html.TextToken:
			if skip == 0 {
				sb.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipTags[a] {
				if t := z.Token(); t.Type == html.StartTagToken {
					skip++
				}
			}
			if blockTags[a] {
				sb.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipTags[a] && skip > 0 {
				skip--
			}
			if blockTags[a] {
				sb.WriteByte('\n')
			}
		}
	}
}

func collapseSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// tidyLines collapses spaces within lines and keeps at most one blank line
// between paragraphs.
func tidyLines(s string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = collapseSpaces(l)
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
