package ingest

import (
	"html"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/recoupe/recoupe/news"
)

// cleanMeta decodes HTML entities left in metadata values (CMSs often
// escape twice: "&amp;#8211;"), collapses white space and applies NFC.
func cleanMeta(s string) string {
	for range 2 {
		if !strings.Contains(s, "&") {
			break
		}
		s = html.UnescapeString(s)
	}
	return clean(s)
}

// titleSeps split a <title> into the headline and the site's name.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » "}

// pageTitle improves a page's title: a title that is only the site's name
// gives way to the page's single <h1>, as does a title that merely wraps
// that <h1> ("Le pont rouvre – Villebrune | La Gazette" around "Le pont
// rouvre"); otherwise the site's name (or host) is cut from either end
// ("Le pont rouvre | La Gazette").
func pageTitle(title, h1, site, host string) string {
	if title == "" || sameName(title, site) || sameName(title, host) {
		if h1 != "" {
			return h1
		}
		return title
	}
	if h1 != "" && h1 != title && !sameName(h1, site) && !sameName(h1, host) &&
		len(h1)*10 >= len(title)*4 && strings.Contains(strings.ToLower(title), strings.ToLower(h1)) {
		return h1
	}
	for _, name := range []string{site, host} {
		if name == "" {
			continue
		}
		for _, sep := range titleSeps {
			if i := strings.LastIndex(title, sep); i > 0 && sameName(title[i+len(sep):], name) {
				return strings.TrimSpace(title[:i])
			}
			if i := strings.Index(title, sep); i > 0 && sameName(title[:i], name) {
				return strings.TrimSpace(title[i+len(sep):])
			}
		}
	}
	return title
}

// refineTitle corrects a title with what the page shows:
//
//   - a title that is the site's logo <h1> (an <h1> linking to the home
//     page: "Carnets fictifs") gives way to the rest of the <title>
//     ("Carnets fictifs » Blog Archive » Le pont rouvre" → "Le pont
//     rouvre");
//   - a title spelling the page's <h1> with plain punctuation (go-trafilatura
//     turns "d’actions", "„Bauchgeburt“", "–" into ASCII) takes the <h1>'s;
//   - a title of which the <h1> is one whole part ("Le pont rouvre »
//     Gazette fictive | Toute l'actualité", "Villebrune : le pont rouvre -
//     Gazette") is the <h1>.
func refineTitle(title string, m pageMeta, site, host string) string {
	if logo := cleanMeta(m.homeH1); logo != "" && (title == "" || sameName(title, logo)) {
		var best string
		for _, seg := range titleSegments(cleanMeta(m.titleTag)) {
			if sameName(seg, logo) || sameName(seg, site) || sameName(seg, host) || blogArchive[nameKey(seg)] {
				continue
			}
			if len(seg) > len(best) {
				best = seg
			}
		}
		if best != "" {
			return best
		}
	}
	// An og:title cut at an unescaped quote ("… de " for "… de
	// "incapacitado"") is completed from <title>.
	if tag := cleanMeta(m.titleTag); title != "" && len(tag) > len(title) && strings.HasPrefix(tag, title) {
		if head := titleSegments(tag)[0]; len(head) > len(title) && quoted(strings.TrimSpace(head[len(title):])) {
			title = head
		}
	}
	title = dropDateTail(title)
	h1 := cleanMeta(m.h1)
	if h1 == "" || h1 == title {
		return title
	}
	if samePunctuated(title, h1) {
		return h1
	}
	for _, seg := range titleSegments(strings.ReplaceAll(title, ": ", " | ")) {
		if strings.EqualFold(seg, h1) {
			return h1
		}
	}
	return title
}

// samePunctuated reports whether a and b are the same text but for
// punctuation marks put one for one in place of others ("d'actions",
// "d’actions").
func samePunctuated(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		if ra[i] != rb[i] && !(isPunct(ra[i]) && isPunct(rb[i])) {
			return false
		}
	}
	return true
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// quoted reports whether s opens with a quotation mark and closes it
// ("\"irréaliste\"", "« irréaliste »").
func quoted(s string) bool {
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"„", "“"}, {"«", "»"}, {"‘", "’"}} {
		if strings.HasPrefix(s, q[0]) && strings.Contains(s[len(q[0]):], q[1]) {
			return true
		}
	}
	return false
}

// reTimeTail matches what may follow a date at the end of a title: a
// clock time ("11.41 Uhr", "14h02") or nothing.
var reTimeTail = regexp.MustCompile(`(?i)^[\s,.]*(?:(?:à|um|at)?\s*\d{1,2}[.:h]\d{2}(?:\s*(?:uhr|h))?)?[\s.]*$`)

// dropDateTail removes a publication date that ends a title ("Le pont
// rouvre : 06.11.2023, 11.41 Uhr", "Le pont rouvre - 3 mars 2019").
func dropDateTail(title string) string {
	for _, sep := range []string{" : ", " - ", " – ", " | "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		tail := strings.TrimSpace(title[i+len(sep):])
		d, rest, ok := parseDate(tail, false)
		if ok && d.Granularity >= news.GranDay && reTimeTail.MatchString(rest) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// blogArchive are the words blog themes put between a site's name and a
// post's title in <title>.
var blogArchive = map[string]bool{"blogarchive": true, "blogarchiv": true, "archive": true, "archiv": true}

// titleSegments splits a <title> at the separators sites put between a
// headline and their name.
func titleSegments(t string) []string {
	segs := []string{t}
	for _, sep := range append(titleSeps, " • ") {
		var next []string
		for _, s := range segs {
			next = append(next, strings.Split(s, sep)...)
		}
		segs = next
	}
	var out []string
	for _, s := range segs {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// sameName compares names loosely: case, spaces and punctuation ignored,
// and a domain ("lemonde.fr") matches its name ("Le Monde").
func sameName(a, b string) bool {
	ka, kb := nameKey(a), nameKey(b)
	return ka != "" && kb != "" && (ka == kb || ka == strings.TrimSuffix(kb, domainTail(b)) || kb == strings.TrimSuffix(ka, domainTail(a)))
}

func nameKey(s string) string {
	var sb strings.Builder
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "www.")
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// domainTail returns the top-level label of a domain-like name ("fr" of
// "lemonde.fr"), so that it can be dropped before comparing.
func domainTail(s string) string {
	i := strings.LastIndexByte(s, '.')
	if i < 0 || strings.ContainsRune(s, ' ') {
		return ""
	}
	return strings.ToLower(s[i+1:])
}

// reAuthorPrefix matches the words that introduce a byline.
// WordPress themes label author links "Zeige alle Beiträge von …",
// "View all posts by …".
var reAuthorPrefix = regexp.MustCompile(`(?i)^(?:by|par|von|vom|erstellt von|por|di|da|door|auteur|autor|author|written by|écrit par|texte|text|artikel von|geschrieben von|publié par|posted by|zeige alle beiträge von|alle beiträge von|view all posts by|voir tous les articles de|tous les articles de|ver todas las entradas de)\s*:?\s+`)

// reAuthorSuffix matches words that follow a name in a byline when a date
// was cut off after it ("Jean Dupont le", "Anna Weber am").
var reAuthorSuffix = regexp.MustCompile(`(?i)\s+(?:le|am|on|el|il|says|schreibt|écrit|stand|vor)$`)

// placeholderAuthors are values CMS templates put where a name belongs.
var placeholderAuthors = map[string]bool{
	"name": true, "human": true, "admin": true, "administrator": true, "wordpressadmin": true, "user": true,
	"guest": true, "anonymous": true, "unknown": true, "editor": true, "abgelegt unter": true, "follow": true, "posted": true, "folgen": true, "suivre": true,
}

// pageAuthor cleans a byline: introductory words and trailing particles
// are removed, and names that are the site itself or placeholders are
// dropped from a list ("Rob Picheta; CNN" → "Rob Picheta").
func pageAuthor(author, site string) string {
	var keep []string
	for _, part := range strings.Split(author, ";") {
		p := strings.TrimSpace(part)
		p = reAuthorPrefix.ReplaceAllString(p, "")
		p = strings.TrimSpace(reAuthorSuffix.ReplaceAllString(p, ""))
		p = strings.TrimSpace(strings.TrimRight(p, "→»›"))
		if p == "" || placeholderAuthors[strings.ToLower(p)] {
			continue
		}
		keep = append(keep, p)
	}
	if len(keep) > 1 && site != "" {
		var people []string
		for _, p := range keep {
			if !sameName(p, site) {
				people = append(people, p)
			}
		}
		if len(people) > 0 {
			keep = people
		}
	}
	return strings.Join(keep, "; ")
}

// chooseAuthor weighs the byline found so far (JSON-LD, else
// go-trafilatura's, which drops dots and accents: "T V Raman") against
// the page's rel="author" link and <meta name="author">:
//
//   - with no byline, the rel="author" link's text, else the meta tag,
//     else the name in an author-classed element ("author vcard");
//   - a candidate spelling the same name (same letters once case,
//     accents and punctuation are ignored: "T. V. Raman",
//     "edilson.la.rosa" → "Edilson La Rosa") restores its spelling, unless
//     it would turn a spaced name into a login ("michael.andrusio");
//   - the rel="author" name inside a longer byline ("FOCUS-Online-Experte
//     Robin Tschöpe") is the person.
func chooseAuthor(author string, m pageMeta, site string) string {
	rel := pageAuthor(cleanMeta(m.relAuthor), site)
	if len(rel) > 60 {
		rel = ""
	}
	meta := pageAuthor(cleanMeta(m.metaAuthor), site)
	if author == "" {
		return firstNonEmpty(rel, meta, pageAuthor(m.classAuthor, site))
	}
	ka := letterKey(author)
	for i, c := range []string{rel, meta} {
		if c == "" || c == author || !strings.Contains(c, " ") && strings.Contains(author, " ") {
			continue
		}
		kc := letterKey(c)
		if kc != "" && (kc == ka || i == 0 && len(kc) >= 4 && strings.Contains(ka, kc)) {
			return c
		}
	}
	return author
}

// letterKey reduces a name to its lower-case letters and digits, accents
// removed and ß spelled ss.
func letterKey(s string) string {
	var sb strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r == 'ß':
			sb.WriteString("ss")
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
