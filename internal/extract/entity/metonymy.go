package entity

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/recoupe/recoupe/news"
)

// News writing names a company by the town it sits in: « la firme de
// Redmond » is Microsoft, « le géant de Cupertino » Apple. Without a
// knowledge base, recoupe reads that link only where the story's own text
// states it: an organisation's mention followed by where it sits
// (« Microsoft, basé à Redmond », "Microsoft, headquartered in Redmond",
// « le siège de Microsoft à Redmond ») or preceded by it
// ("Redmond-based Microsoft"). The place's periphrasis mentions anywhere
// in the story then become mentions of the organisation, explained in
// Entity.Merges; the place's other mentions (« basé à Redmond ») stay a
// place.

const placeName = `(\p{Lu}[\p{L}-]+(?:[ -]\p{Lu}[\p{L}-]+)?)`

var (
	// seatAfter reads where an organisation sits, right after its name.
	seatAfter = regexp.MustCompile(`^,?\s+(?:(?:qui est |dont le siège (?:social )?est )?(?:basée?s?|installée?s?|implantée?s?|établie?s?|située?s?|domiciliée?s?)\s+à|dont le siège (?:social )?est (?:situé )?à|(?:which is |that is )?(?:headquartered|based)\s+in)\s+` + placeName)
	// seatBefore reads "Redmond-based " right before an organisation.
	seatBefore = regexp.MustCompile(placeName + `-based\s+$`)
	// seatOf reads « siège (social) de » before and « à Redmond » after.
	seatOfBefore = regexp.MustCompile(`(?i)(?:siège (?:social )?(?:de |d'|d’)|headquarters of )$`)
	seatOfAfter  = regexp.MustCompile(`^\s+(?:à|in)\s+` + placeName)
	// periphrasis reads « la firme de » (with at most one adjective)
	// right before the place.
	periphrasis = regexp.MustCompile(`(?i)\b(?:firme|géant|groupe|société|entreprise|constructeur|éditeur|fabricant|compagnie|multinationale|laboratoire|maison)(?:\s+\p{L}+)?\s+(?:de |d'|d’)$`)
	// periphrasisEN reads "the Redmond giant" after the place.
	periphrasisEN     = regexp.MustCompile(`^(?:-based)?\s+(?:giant|firm|company|group|maker|titan)\b`)
	periphrasisENLead = regexp.MustCompile(`(?i)\bthe\s+$`)
)

// seat is one organisation's town as the text states it.
type seat struct {
	org   *group
	where string // "002 says « Microsoft, basé à Redmond »"
}

// placeAliases turns the periphrasis mentions of a town that the story
// names as an organisation's seat into mentions of that organisation. It
// returns groups without the ones left with no mention.
func placeAliases(names, texts []string, groups []*group) []*group {
	name := func(a int) string {
		if a < len(names) {
			return names[a]
		}
		return fmt.Sprint(a + 1)
	}
	seats := map[string]seat{}
	ambiguous := map[string]bool{}
	note := func(place string, g *group, a int, quote string) {
		if s, ok := seats[place]; ok && s.org != g {
			ambiguous[place] = true
			return
		}
		seats[place] = seat{g, fmt.Sprintf("%s says « %s »", name(a), strings.Join(strings.Fields(quote), " "))}
	}
	for _, g := range groups {
		if g.into != nil || g.typ != news.ORG {
			continue
		}
		for _, r := range g.mentions {
			if r.article >= len(texts) {
				continue
			}
			text := texts[r.article]
			sp := r.m.Span
			if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
				continue
			}
			after := text[sp.End:min(len(text), sp.End+100)]
			before := text[max(0, sp.Start-60):sp.Start]
			if m := seatAfter.FindStringSubmatchIndex(after); m != nil {
				note(after[m[2]:m[3]], g, r.article, text[sp.Start:sp.End+m[1]])
			}
			if m := seatBefore.FindStringSubmatchIndex(before); m != nil {
				note(before[m[2]:m[3]], g, r.article, before[m[0]:]+text[sp.Start:sp.End])
			}
			if seatOfBefore.MatchString(before) {
				if m := seatOfAfter.FindStringSubmatchIndex(after); m != nil {
					note(after[m[2]:m[3]], g, r.article, text[sp.Start:sp.End+m[1]])
				}
			}
		}
	}
	if len(seats) == 0 {
		return groups
	}
	owner := map[[2]int]*group{} // (article, start) → group holding that mention
	for _, g := range groups {
		if g.into != nil {
			continue
		}
		for _, r := range g.mentions {
			owner[[2]int{r.article, r.m.Span.Start}] = g
		}
	}
	changed := false
	explained := map[string]bool{}
	places := make([]string, 0, len(seats))
	for p := range seats {
		places = append(places, p)
	}
	sort.Strings(places)
	for _, place := range places {
		s := seats[place]
		if ambiguous[place] || s.org.forms[place] || s.org.name == place {
			continue
		}
		for a, text := range texts {
			for _, at := range wordIndexes(text, place) {
				end := at + len(place)
				lead := text[max(0, at-60):at]
				var quote string
				if m := periphrasis.FindStringIndex(lead); m != nil {
					quote = lead[m[0]:] + place
				} else if m := periphrasisEN.FindStringIndex(text[end:min(len(text), end+20)]); m != nil && periphrasisENLead.MatchString(lead) {
					quote = "the " + place + text[end:end+m[1]]
				} else {
					continue
				}
				key := [2]int{a, at}
				if g := owner[key]; g == s.org {
					continue
				} else if g != nil {
					g.drop(a, at)
				}
				ref := mref{a, news.Mention{Span: news.Span{Start: at, End: end}, Text: place, Type: news.ORG, Name: s.org.name}}
				s.org.mentions = append(s.org.mentions, ref)
				s.org.articles[a] = true
				s.org.types[news.ORG]++
				owner[key] = s.org
				// The place is not made a form of the organisation: the
				// spelling rules would then merge the town itself into it.
				if !explained[place] {
					explained[place] = true
					s.org.merges = append(s.org.merges, fmt.Sprintf("%s → %s: « %s » in %s, where %s, same story, ORG",
						place, s.org.name, strings.Join(strings.Fields(quote), " "), name(a), s.where))
				}
				changed = true
			}
		}
	}
	if !changed {
		return groups
	}
	kept := groups[:0]
	for _, g := range groups {
		if len(g.mentions) > 0 || g.into != nil {
			g.settleType()
			kept = append(kept, g)
		}
	}
	return kept
}

// drop removes g's mention that starts at byte at of article a.
func (g *group) drop(a, at int) {
	kept := g.mentions[:0]
	for _, r := range g.mentions {
		if r.article == a && r.m.Span.Start == at {
			g.types[r.m.Type]--
			continue
		}
		kept = append(kept, r)
	}
	g.mentions = kept
	g.articles = map[int]bool{}
	for _, r := range g.mentions {
		g.articles[r.article] = true
	}
}

// wordIndexes returns the starts of word-bounded occurrences of w in s.
func wordIndexes(s, w string) []int {
	var out []int
	for i := 0; w != "" && i <= len(s)-len(w); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			break
		}
		at := i + j
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		next, _ := utf8.DecodeRuneInString(s[at+len(w):])
		if (at == 0 || !isWordRune(prev) && prev != '-') && (at+len(w) == len(s) || !isWordRune(next)) {
			out = append(out, at)
		}
		i = at + len(w)
	}
	return out
}
