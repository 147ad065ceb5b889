package ingest

import (
	"encoding/json"
	"net/url"
	"regexp"
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
	labelled                textDate  // the first visible "Publié le 10 février 2025" and the like
	timeText                textDate  // the first <time> without a datetime, read from its text
	classDate               textDate  // the first short element with a date class ("byline__date") holding a date
	headDate                textDate  // the first date in the short text nodes right after the <h1>
	h1                      string    // text of the page's only <h1>, "" if none or several
	homeH1                  string    // text of the first <h1> when it links to the site's home page (a logo, not a headline)
	titleTag                string    // text of the <title> element
	relAuthor               string    // text of the first rel="author" link
	metaAuthor              string    // <meta name="author">
	classAuthor             string    // the first name in an author-classed element ("author vcard", "byline")
	siteName                string    // the first og:site_name, as the site writes it
}

// textDate is a date read from a page's visible text.
type textDate struct {
	news.Date
	// dayFirst is true when the text fixes which number is the day: a
	// month name or dots ("01.11.2023"), not slashes ("11/01/2023", which
	// American pages write month first).
	dayFirst bool
}

// scanMeta reads JSON-LD (NewsArticle and friends), article:/og: meta tags
// and itemprop/time elements. It is a precise first pass: values found here
// win over go-trafilatura's heuristics, which remain the fallback.
func scanMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var ld pageMeta
	var metaDate, itemDate news.Date
	var ogTitle, h1 string
	h1s := 0
	headBudget := 0 // bytes of text after the first <h1> still searched for headDate
	// Elements with a date or author class whose text was read; capped so
	// that hostile nesting of such elements stays linear.
	classTries, authorTries := 0, 0
	inComments := 0 // depth inside readers' comments, whose dates and names are not the article's
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && commentsBlock(n) {
			inComments++
			defer func() { inComments-- }()
		}
		if n.Type == html.TextNode && inComments == 0 {
			if m.labelled.IsZero() {
				m.labelled = labelledDate(n.Data)
			}
			if headBudget > 0 {
				t := strings.TrimSpace(n.Data)
				if m.headDate.IsZero() {
					m.headDate = findDate(t)
				}
				headBudget -= len(t)
			}
		}
		if n.Type == html.ElementNode && inComments == 0 && m.classDate.IsZero() && classTries < maxClassTries && dateClass(attr(n, "class")) {
			classTries++
			if t := textOf(n, 120); len(t) <= 100 {
				m.classDate = findDate(t)
			}
		}
		if n.Type == html.ElementNode {
			if m.relAuthor == "" && hasToken(attr(n, "rel"), "author") {
				m.relAuthor = textOf(n, 200)
			}
			if m.classAuthor == "" && inComments == 0 && authorTries < maxClassTries && authorClass(attr(n, "class")) {
				authorTries++
				m.classAuthor = bylineName(textOf(n, 120))
			}
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
				case "og:site_name":
					if m.siteName == "" {
						m.siteName = content
					}
				case "author":
					if m.metaAuthor == "" && !strings.Contains(content, "://") {
						m.metaAuthor = content
					}
				}
			case atom.H1:
				h1s++
				if h1s == 1 {
					h1 = textOf(n, 400)
					headBudget = headWindow
					if linksHome(n) {
						m.homeH1 = h1
					}
				}
				return
			case atom.Title:
				if m.titleTag == "" {
					m.titleTag = textOf(n, 600)
				}
				return
			case atom.Time:
				if d, ok := ParseDate(attr(n, "datetime")); ok && d.Granularity >= news.GranDay {
					if m.firstTime.IsZero() {
						m.firstTime = d
					}
				} else if m.timeText.IsZero() {
					if t := textOf(n, 120); len(t) <= 100 {
						m.timeText = findDate(t)
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
	if h1s == 1 && m.homeH1 == "" {
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

// commentsBlock reports whether an element holds readers' comments or a
// forum thread (class or id "comments", "comment-list", "forum").
func commentsBlock(n *html.Node) bool {
	c := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(c, "comment") || strings.Contains(c, "forum") || strings.Contains(c, "kommentar") || strings.Contains(c, "commentaire")
}

// linksHome reports whether an element holds a link to a site's home
// page ("/", "https://journal.example/", also inside a web.archive.org
// capture): an <h1> doing so is the site's logo, not the headline.
func linksHome(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.A {
			href := strings.TrimSpace(attr(c, "href"))
			if i := strings.Index(href, "/web/"); i >= 0 && strings.Contains(href[:i], "archive.org") {
				if j := strings.Index(href[i+5:], "/"); j >= 0 {
					href = href[i+5+j+1:]
				}
			}
			if href == "" {
				continue
			}
			u, err := url.Parse(href)
			if err == nil && u.RawQuery == "" && u.Fragment == "" && (u.Path == "" || u.Path == "/") && (u.Host != "" || u.Path == "/") {
				return true
			}
			continue
		}
		if linksHome(c) {
			return true
		}
	}
	return false
}

// authorClass reports whether a class attribute names an author's byline
// ("author vcard", "byline", "auteurs"), not a comment's author, an
// author's photo, biography box or a form field.
func authorClass(class string) bool {
	found := false
	for _, tok := range strings.Fields(strings.ToLower(class)) {
		if !strings.Contains(tok, "author") && !strings.Contains(tok, "byline") && !strings.Contains(tok, "auteur") && !strings.Contains(tok, "autor") {
			continue
		}
		for _, bad := range []string{"comment", "avatar", "bio", "box", "image", "img", "note", "form", "portlet", "photo", "pic",
			"social", "link", "url", "desc", "about", "info", "title", "field"} {
			if strings.Contains(tok, bad) {
				return false
			}
		}
		found = true
	}
	return found
}

// reBylineBy finds the word that introduces a name inside a byline
// ("Posted on 21 March 2020 by Jeanne Martin").
var reBylineBy = regexp.MustCompile(`(?i)(?:^|\s)(?:by|von|par|door|por)\s+`)

// reBylineLabel matches the words that may precede "by" in a byline.
var reBylineLabel = regexp.MustCompile(`(?i)\b(?:posted|published|written|publié|publiée|écrit|veröffentlicht|geschrieben|erstellt|article|artikel|beitrag)\b`)

// bylineName extracts a person's name from a short byline text, "" when
// the text does not look like one (a bare label, a date, a category list).
func bylineName(s string) string {
	t := clean(s)
	// "Posted on 21 March 2020 by Jeanne Martin": the name follows the
	// first "by" after a date or a label; "Ursula von der Leyen" keeps
	// her particle.
	if loc := reBylineBy.FindStringIndex(t); loc != nil && loc[0] > 0 {
		before := strings.ToLower(t[:loc[0]])
		if strings.ContainsAny(before, "0123456789") || strings.ContainsAny(before, "|") || reBylineLabel.MatchString(before) {
			t = t[loc[1]:]
		}
	}
	t = strings.Trim(reAuthorPrefix.ReplaceAllString(t, ""), " |—–-,·")
	t = strings.TrimSpace(reAllPosts.ReplaceAllString(t, ""))
	low := strings.ToLower(t)
	if t == "" || len(t) > 50 || len(strings.Fields(t)) > 5 || strings.ContainsAny(t, "0123456789:@") ||
		placeholderAuthors[low] || bylineLabels[low] {
		return ""
	}
	return t
}

// reAllPosts matches the link to an author's other articles that follows
// the name in some bylines.
var reAllPosts = regexp.MustCompile(`(?i)\s+(?:alle artikel|alle beiträge|all articles|all posts|tous ses articles|voir ses articles)$`)

// bylineLabels are byline words that are no name.
var bylineLabels = map[string]bool{"by": true, "von": true, "par": true, "publiziert am": true, "veröffentlicht am": true,
	"publié le": true, "posted on": true, "published": true, "autor": true, "author": true, "auteur": true}

// hasToken reports whether a space-separated attribute value (rel,
// class) holds tok, case-insensitively.
func hasToken(v, tok string) bool {
	for _, f := range strings.Fields(v) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
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
func labelledDate(s string) textDate {
	if len(s) > 400 {
		return textDate{}
	}
	low := strings.ToLower(s)
	for _, l := range pubLabels {
		i := strings.Index(low, l)
		if i < 0 || (i > 0 && isLetter(low[i-1])) {
			continue
		}
		rest := strings.TrimLeft(s[i+len(l):], " \t\n\r:\u00a0")
		if d, after, ok := parseDate(rest, false); ok && d.Granularity >= news.GranDay {
			return textDate{d, !strings.Contains(rest[:len(rest)-len(after)], "/")}
		}
	}
	return textDate{}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 0x80 }

// maxClassTries bounds how many date- or author-classed elements a page
// may have read for a date or a name.
const maxClassTries = 64

// headWindow is how many bytes of text after the page's first <h1> are
// searched for a byline date.
const headWindow = 400

// dateClass reports whether an element's class names it a publication
// date holder ("byline__created-date", "entry-date", "article-datum"),
// not an update or a comment's date.
func dateClass(class string) bool {
	if class == "" {
		return false
	}
	c := strings.ToLower(class)
	if !strings.Contains(c, "date") && !strings.Contains(c, "datum") && !strings.Contains(c, "publish") {
		return false
	}
	for _, w := range []string{"update", "modif", "aktualis", "comment", "kommentar", "edit", "picker", "input"} {
		if strings.Contains(c, w) {
			return false
		}
	}
	return true
}

// updateWords mark a date as an update, not the publication.
var updateWords = []string{"mis à jour", "mise à jour", "modifié", "actualisé", "updated", "update", "modified", "edited",
	"aktualisiert", "geändert", "editiert", "actualizado", "aggiornato"}

// findDate returns the first day-or-finer date starting at a word of a
// short text ("Par Jean Dupont, le 3 mars 2019 à 14h02"), passing over
// dates an update label introduces ("Mis à jour le ..."); zero when there
// is none.
func findDate(s string) textDate {
	if len(s) > 160 || !strings.ContainsAny(s, "0123456789") {
		return textDate{}
	}
	from := 0 // start of the text that labels the next date
	for i := 0; i < len(s); i++ {
		if i > 0 && !startsWord(s, i) {
			continue
		}
		c := s[i]
		if !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && c < 0x80 {
			continue
		}
		d, after, ok := parseDate(s[i:], false)
		if !ok || d.Granularity < news.GranDay {
			continue
		}
		end := len(s) - len(after)
		if isUpdate(s[from:i]) {
			// "Mis à jour le 5 mars | Publié le 3 mars": skip the update.
			from = end
			i = end - 1
			continue
		}
		return textDate{d, !strings.Contains(s[i:end], "/")}
	}
	return textDate{}
}

// isUpdate reports whether a date's label announces an update.
func isUpdate(label string) bool {
	low := strings.ToLower(label)
	for _, w := range updateWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// startsWord reports whether byte i of s begins a word: it follows a
// space or punctuation and is not inside a UTF-8 sequence.
func startsWord(s string, i int) bool {
	if s[i]&0xC0 == 0x80 {
		return false
	}
	p := s[i-1]
	return p == ' ' || p == '\t' || p == '\n' || p == ',' || p == '(' || p == '|' || p == ':' || p == '/' || p == '-' || p == '·' || p == 0xA0
}
