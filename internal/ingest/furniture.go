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

// stripFurniture removes share-button lines anywhere and furniture lines
// (and the blank lines between them) at the end.
func stripFurniture(lines []string) []string {
	out := lines[:0:0]
	for _, l := range lines {
		if isShareLine(l) {
			continue
		}
		out = append(out, l)
	}
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
