package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture is the navigation, sharing and legal text that copy-paste
// and scrapers leave around an article. It is only removed where it cannot
// be content: trailing lines at the END of the text that match the lists
// below, and lines made only of share buttons anywhere.

// furnitureExact are whole lines (compared case-insensitively, without
// trailing ":" "…" "›" "»" and spaces) that end an article.
var furnitureExact = map[string]bool{
	"à lire également": true, "a lire également": true, "à lire aussi": true, "a lire aussi": true,
	"lire aussi": true, "lire également": true, "voir aussi": true, "sur le même sujet": true,
	"dans la même rubrique": true, "les plus lus": true, "articles similaires": true, "articles liés": true,
	"nos articles": true, "à découvrir": true, "à voir aussi": true, "pour aller plus loin": true,
	"read more": true, "read also": true, "see also": true, "related": true, "related articles": true,
	"related stories": true, "more on this story": true, "recommended": true, "you may also like": true,
	"share": true, "share this": true, "share this article": true, "partager": true, "partager cet article": true,
	"partagez cet article": true, "commentaires": true, "comments": true, "publicité": true, "advertisement": true,
	"newsletter": true, "tags": true, "mots-clés": true, "mots clés": true, "sujets": true, "topics": true,
	"imprimer": true, "print": true, "suivez-nous": true, "follow us": true, "retour en haut": true, "back to top": true,
	"leggi anche": true, "lee también": true, "lea también": true, "mehr zum thema": true, "auch interessant": true,
}

// furniturePrefixes start a trailing furniture line; such lines are removed
// only when short (see maxFurnitureRunes), so that a real closing paragraph
// that happens to start with these words survives.
var furniturePrefixes = []string{
	"à lire également", "à lire aussi", "a lire aussi", "lire aussi", "lire également", "voir aussi",
	"dernière mise à jour", "derniere mise a jour", "mis à jour le", "mise à jour le", "mis à jour à", "modifié le",
	"tous droits réservés", "©", "(c) ", "copyright", "abonnez-vous", "inscrivez-vous",
	"recevez notre newsletter", "recevez gratuitement", "newsletter", "s'abonner", "s’abonner", "je m'abonne", "je m’abonne",
	"cet article vous a plu", "cet article est réservé", "la suite est réservée",
	"read more", "read also", "related:", "share this", "share on", "partager sur", "partagez sur",
	"sign up for", "subscribe to", "subscribe now", "all rights reserved", "updated on", "last updated",
	"follow us on", "suivez-nous sur", "retrouvez-nous sur", "pour ne rien manquer", "cliquez ici",
	"ultima modifica", "aggiornato il", "última actualización", "actualizado el", "zuletzt aktualisiert",
}

// maxFurnitureRunes bounds the length of a prefix-matched furniture line.
const maxFurnitureRunes = 160

// shareWords are the words of share-button lines ("Facebook Twitter
// LinkedIn E-mail").
var shareWords = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "linkedin": true, "whatsapp": true, "email": true, "e-mail": true,
	"mail": true, "courriel": true, "pinterest": true, "reddit": true, "telegram": true, "messenger": true,
	"flipboard": true, "bluesky": true, "threads": true, "mastodon": true, "imprimer": true, "print": true,
	"partager": true, "share": true, "copier": true, "copy": true, "le": true, "lien": true, "link": true,
	"tweet": true, "tweeter": true, "sms": true, "instagram": true, "youtube": true, "tiktok": true, "sur": true, "on": true,
}

// networks are the share words that name a network; a share line needs two
// of them, or one with "partager"/"share", so that a line "Twitter" in a
// list of companies is kept.
var networks = map[string]bool{
	"facebook": true, "twitter": true, "linkedin": true, "whatsapp": true, "pinterest": true, "reddit": true,
	"telegram": true, "messenger": true, "flipboard": true, "bluesky": true, "mastodon": true, "instagram": true,
	"email": true, "e-mail": true,
}

// tailMarkers announce the blocks pages put after an article: related
// stories, newsletters, most-read lists. A short line containing one, in
// the second half of the text and followed only by short lines (teaser
// titles and blurbs), starts the page's tail.
var tailMarkers = []string{
	"newsletter", "related", "read more", "read next", "more from", "more stories", "recommended", "most popular", "most read",
	"trending", "you may also like", "you might also like", "sign up", "subscribe", "thanks for signing up",
	"à lire aussi", "a lire aussi", "lire aussi", "à lire également", "sur le même sujet", "les plus lus", "dans la même rubrique",
	"à découvrir", "nos articles", "abonnez-vous", "inscrivez-vous", "leggi anche", "mehr zum thema", "auch interessant",
	"könnte sie auch interessieren", "weitere artikel", "lee también", "te puede interesar", "más noticias",
}

const (
	maxMarkerRunes = 60  // a marker line is a heading, not a sentence
	maxTeaserRunes = 200 // lines after a marker are teaser titles or blurbs
)

// tailStart returns the index of the line that starts the page's tail of
// related links and sign-up prompts, or len(lines) if there is none. A
// marker line opens a tail only when the lines after it are all short and
// mostly do not end like sentences (teaser headlines do not; the short
// paragraphs of a tabloid article that a "Most read" widget interrupts do).
func tailStart(lines []string) int {
	total := 0
	for _, l := range lines {
		total += len(l) + 1
	}
	var markers []int // candidate starts, latest first
	pos := total
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		pos -= len(l) + 1
		n := utf8.RuneCountInString(l)
		if n > maxTeaserRunes || pos < total/2 {
			break
		}
		if n <= maxMarkerRunes && hasMarker(l) {
			markers = append(markers, i)
		}
	}
	for k := len(markers) - 1; k >= 0; k-- { // earliest first
		if sentenceShare(lines[markers[k]+1:]) < 0.6 {
			return markers[k]
		}
	}
	return len(lines)
}

// sentenceShare is the share of non-blank lines ending with sentence
// punctuation.
func sentenceShare(lines []string) float64 {
	n, s := 0, 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		n++
		if strings.HasSuffix(l, ".") || strings.HasSuffix(l, "?") || strings.HasSuffix(l, "!") ||
			strings.HasSuffix(l, "\"") || strings.HasSuffix(l, "”") || strings.HasSuffix(l, "»") || strings.HasSuffix(l, "…") {
			s++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(s) / float64(n)
}

// hasMarker reports whether l contains a tail marker as whole words.
func hasMarker(l string) bool {
	k := strings.ToLower(l)
	for _, m := range tailMarkers {
		for from := 0; ; {
			i := strings.Index(k[from:], m)
			if i < 0 {
				break
			}
			i += from
			if wordEdge(k, i) && wordEdge(k, i+len(m)) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// wordEdge reports whether byte offset i of s is not inside a word.
func wordEdge(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	isW := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return !isW(before) || !isW(after)
}

// stripFurniture removes share-button lines anywhere, a tail of related
// links and sign-up prompts, and furniture lines (and the blank lines
// between them) at the end.
func stripFurniture(lines []string) []string {
	out := lines[:0:0]
	for _, l := range lines {
		if isShareLine(l) {
			continue
		}
		out = append(out, l)
	}
	out = out[:tailStart(out)]
	for len(out) > 0 {
		l := out[len(out)-1]
		if strings.TrimSpace(l) == "" || isTrailingFurniture(l) {
			out = out[:len(out)-1]
			continue
		}
		break
	}
	return out
}

func furnitureKey(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	l = strings.TrimRightFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(":…›»>→.", r)
	})
	l = strings.TrimLeftFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("►▶→>»•-–—|", r)
	})
	return strings.ReplaceAll(l, "\u00a0", " ")
}

// isTrailingFurniture reports whether a line, found at the end of a text,
// is page furniture.
func isTrailingFurniture(l string) bool {
	k := furnitureKey(l)
	if furnitureExact[k] {
		return true
	}
	if utf8.RuneCountInString(k) > maxFurnitureRunes {
		return false
	}
	for _, p := range furniturePrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// isShareLine reports whether a line is only share buttons.
func isShareLine(l string) bool {
	words := strings.FieldsFunc(strings.ToLower(l), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|/·•,;:()[]", r)
	})
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	nets, share := 0, false
	for _, w := range words {
		if !shareWords[w] {
			return false
		}
		if networks[w] {
			nets++
		}
		if w == "partager" || w == "share" {
			share = true
		}
	}
	return nets >= 2 || (nets >= 1 && share)
}
