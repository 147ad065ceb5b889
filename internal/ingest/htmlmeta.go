package ingest

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/recoupe/recoupe/news"
)

// pageMeta is what a page says about itself in machine-readable form.
type pageMeta struct {
	title, author string
	published     news.Date
	// The date candidates behind published, kept apart so that the HTML
	// path can weigh them against go-htmldate's guess.
	ldPub, metaPub, itemPub news.Date // JSON-LD datePublished, meta tags, <time itemprop=datePublished|pubdate>
	ldMod, metaMod          news.Date // JSON-LD dateModified, article:modified_time and the like
	firstTime               news.Date // the first <time datetime> in the body, day or finer
	labelled                news.Date // the first visible "Publié le 10 février 2025" and the like
	h1                      string    // text of the page's only <h1>, "" if none or several
}

// scanMeta reads JSON-LD (NewsArticle and friends), article:/og: meta tags
// and itemprop/time elements. It is a precise first pass: values found here
// win over go-trafilatura's heuristics, which remain the fallback.
func scanMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var ld pageMeta
	var metaDate, itemDate news.Date
	var ogTitle, metaAuthor, h1 string
	h1s := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && m.labelled.IsZero() {
			m.labelled = labelledDate(n.Data)
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, &ld)
				}
				return
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				content := attr(n, "content")
				switch key {
				case "article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date", "sailthru.date", "publish-date", "pubdate", "dc.date.issued", "dcterms.issued", "date":
					if metaDate.IsZero() {
						metaDate, _ = ParseDate(content)
					}
				case "article:modified_time", "og:updated_time", "datemodified", "lastmod", "dcterms.modified":
					if m.metaMod.IsZero() {
						m.metaMod, _ = ParseDate(content)
					}
				case "og:title":
					ogTitle = content
				case "author", "article:author", "parsely-author", "sailthru.author", "dc.creator":
					if metaAuthor == "" && !strings.Contains(content, "://") {
						metaAuthor = content
					}
				}
			case atom.H1:
				h1s++
				if h1s == 1 {
					h1 = textOf(n, 400)
				}
				return
			case atom.Time:
				if m.firstTime.IsZero() {
					if d, ok := ParseDate(attr(n, "datetime")); ok && d.Granularity >= news.GranDay {
						m.firstTime = d
					}
				}
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") || attr(n, "pubdate") != "" {
					if itemDate.IsZero() {
						itemDate, _ = ParseDate(attr(n, "datetime"))
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	_ = ogTitle
	_ = metaAuthor
	if h1s == 1 {
		m.h1 = h1
	}
	m.title = ld.title
	m.author = ld.author
	m.ldPub, m.metaPub, m.itemPub, m.ldMod = ld.published, metaDate, itemDate, ld.ldMod
	for _, d := range []news.Date{ld.published, metaDate, itemDate} {
		if !d.IsZero() && d.Granularity >= news.GranDay {
			m.published = d
			break
		}
	}
	return m
}

// textOf returns the text inside n, white space collapsed, cut at max bytes.
func textOf(n *html.Node, max int) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if sb.Len() > max {
			return
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// articleTypes are the schema.org types whose JSON-LD describes the page's
// article (not the site, a breadcrumb or a video next to it).
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "socialmediaposting": true, "liveblogposting": true, "techarticle": true,
	"scholarlyarticle": true, "report": true, "posting": true,
}

// readJSONLD fills m from the first article object in a JSON-LD block
// (top level, an array, or an @graph).
func readJSONLD(src string, m *pageMeta) {
	if m.title != "" && !m.published.IsZero() {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	var visit func(any, int)
	visit = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if !isArticleType(x["@type"]) {
				return
			}
			if m.title == "" {
				m.title, _ = x["headline"].(string)
			}
			if m.published.IsZero() {
				if s, ok := x["datePublished"].(string); ok {
					m.published, _ = ParseDate(s)
				}
			}
			if m.author == "" {
				m.author = ldAuthor(x["author"])
			}
			if m.ldMod.IsZero() {
				if s, ok := x["dateModified"].(string); ok {
					m.ldMod, _ = ParseDate(s)
				}
			}
		}
	}
	visit(v, 0)
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldAuthor reads schema.org author values: a name, a Person, or a list of
// them (joined with "; "). Organisations are not authors.
func ldAuthor(v any) string {
	switch x := v.(type) {
	case string:
		if strings.Contains(x, "://") {
			return ""
		}
		return x
	case map[string]any:
		if t, _ := x["@type"].(string); strings.EqualFold(t, "Organization") || strings.EqualFold(t, "NewsMediaOrganization") {
			return ""
		}
		s, _ := x["name"].(string)
		return s
	case []any:
		var names []string
		for _, e := range x {
			if s := ldAuthor(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, "; ")
	}
	return ""
}

// pubLabels introduce a publication date in a byline, in the languages
// the project reads most. Update labels ("Mis à jour le", "Aktualisiert
// am", "Updated") are deliberately absent: they must not win over the
// original publication date.
var pubLabels = []string{
	"publié le", "publié", "mis en ligne le", "paru le",
	"published on", "published:", "published", "written:", "posted on",
	"veröffentlicht am", "veröffentlicht:", "erstellt am:", "erstellt am", "stand:",
	"publicado el", "publicado:", "pubblicato il",
}

// labelledDate returns the date that follows a publication label in a
// text node ("Publié le 10 février 2025 à 14h30", "Veröffentlicht am
// 16.08.2019"), zero if there is none.
func labelledDate(s string) news.Date {
	if len(s) > 400 {
		return news.Date{}
	}
	low := strings.ToLower(s)
	for _, l := range pubLabels {
		i := strings.Index(low, l)
		if i < 0 || (i > 0 && isLetter(low[i-1])) {
			continue
		}
		rest := strings.TrimLeft(s[i+len(l):], " \t\n\r:\u00a0")
		if d, _, ok := parseDate(rest, false); ok && d.Granularity >= news.GranDay {
			return d
		}
	}
	return news.Date{}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 0x80 }
