package main

import (
	"compress/gzip"
	"fmt"
	"os"
	"regexp"
	"strings"
	"unicode"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// pageText returns the main text of a gzipped HTML page as go-trafilatura
// v1.12.2 extracts it (fallback on, comments off), one line per block
// element: ContentText joins blocks with spaces, which would hide the
// paragraph ends that close unterminated quotes and separate block quotes.
func pageText(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	res, err := trafilatura.Extract(z, trafilatura.Options{EnableFallback: true, ExcludeComments: true})
	if err != nil {
		return "", fmt.Errorf("%s: trafilatura: %w", path, err)
	}
	if res.ContentNode == nil {
		return res.ContentText, nil
	}
	var b strings.Builder
	renderBlocks(&b, res.ContentNode)
	return withBreaks(res.ContentText, b.String()), nil
}

// withBreaks puts a line break into text wherever blocks (the same text
// rendered with a "\n" around each block element) has one: the two agree
// on their non-space characters, so a break after the k-th non-space rune
// of blocks replaces the space after the k-th non-space rune of text. If
// they disagree, text is returned unchanged.
func withBreaks(text, blocks string) string {
	breaks := map[int]bool{}
	n := 0
	for _, r := range blocks {
		switch {
		case r == '\n':
			breaks[n] = true
		case !unicode.IsSpace(r):
			n++
		}
	}
	var b strings.Builder
	m := 0
	for _, r := range text {
		if unicode.IsSpace(r) {
			if breaks[m] && m > 0 {
				r = '\n'
				delete(breaks, m)
			}
		} else {
			m++
		}
		b.WriteRune(r)
	}
	if m != n {
		return text
	}
	return b.String()
}

var spaces = regexp.MustCompile(`[ \t\r\f\v]+`)

var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "blockquote": true, "br": true, "table": true, "tr": true,
	"section": true, "article": true, "figure": true, "figcaption": true, "pre": true, "head": true,
	"main": true, "header": true, "footer": true, "dd": true, "dt": true, "dl": true, "td": true, "th": true,
	"quote": true, "list": true, "item": true, "lb": true, "row": true, "cell": true,
}

func renderBlocks(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		return
	case html.ElementNode:
		if blockTags[n.Data] {
			b.WriteByte('\n')
			defer b.WriteByte('\n')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		renderBlocks(b, c)
	}
}
