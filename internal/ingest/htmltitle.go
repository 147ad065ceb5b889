package ingest

import (
	"html"
	"regexp"
	"strings"
	"unicode"
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
var reAuthorPrefix = regexp.MustCompile(`(?i)^(?:by|par|von|por|di|da|door|auteur|autor|author|written by|écrit par|texte|text|artikel von|geschrieben von|publié par|posted by)\s*:?\s+`)

// reAuthorSuffix matches words that follow a name in a byline when a date
// was cut off after it ("Jean Dupont le", "Anna Weber am").
var reAuthorSuffix = regexp.MustCompile(`(?i)\s+(?:le|am|on|el|il|says|schreibt|écrit)$`)

// placeholderAuthors are values CMS templates put where a name belongs.
var placeholderAuthors = map[string]bool{
	"name": true, "human": true, "admin": true, "administrator": true, "wordpressadmin": true, "user": true,
	"guest": true, "anonymous": true, "unknown": true, "editor": true, "abgelegt unter": true,
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
