package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Generated articles are fictional: names are built from syllables, so no
// real person, company or place is described. Articles come in stories of
// storySize that share their names, amounts and dates, with variations
// (rounding, another currency in one article in ten) so that the
// cross-check finds agreements and conflicts.

var syllables = []string{"ba", "ro", "li", "den", "mar", "tel", "vi", "sa", "no", "quin", "ter", "lo", "fa", "gri", "mon", "zel", "pa", "dur", "ki", "ran"}

var (
	firstNames = []string{"Jeanne", "Paul", "Claire", "Marc", "Inès", "Hugo", "Léa", "Omar", "Sofia", "Yves", "Nora", "Luc"}
	orgKinds   = []string{"Groupe", "Société", "Banque", "Compagnie", "Laboratoires", "Éditions"}
	verbs      = []string{"racheter", "financer", "céder", "investir dans", "fusionner avec"}
	outlets    = []string{"Le Courrier fictif", "La Gazette imaginaire", "Info Exemple", "Le Journal de test", "Dépêche inventée"}
)

// name builds a capitalised fictional word of n syllables.
func name(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// story holds what the articles of one story share.
type story struct {
	org, target, person, city string
	amount                    float64 // millions
	date                      time.Time
	verb                      string
	quote                     string
	topic                     []string // words only this story uses
}

func newStory(r *rand.Rand, i int) story {
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return story{
		org:    orgKinds[r.IntN(len(orgKinds))] + " " + name(r, 3),
		target: name(r, 2) + " " + name(r, 2),
		person: firstNames[r.IntN(len(firstNames))] + " " + name(r, 3),
		city:   name(r, 3),
		amount: float64(10+r.IntN(990)) + float64(r.IntN(10))/10,
		date:   base.AddDate(0, 0, i%700),
		verb:   verbs[r.IntN(len(verbs))],
		quote:  fmt.Sprintf("Nous voulons %s %s pour grandir à %s", verbs[r.IntN(len(verbs))], name(r, 2), name(r, 3)),
		topic:  []string{name(r, 3), name(r, 3), name(r, 4), name(r, 2) + " " + name(r, 3), name(r, 4)},
	}
}

var monthsFR = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// article writes the j-th article of story s as a text file: a "date"
// line, the title, then the body.
func (s story) article(r *rand.Rand, j int) string {
	amount := strings.ReplaceAll(fmt.Sprintf("%.1f", s.amount), ".", ",")
	if j%3 == 1 {
		amount = fmt.Sprintf("%.0f", s.amount) // rounded
	}
	currency := "d’euros"
	if r.IntN(10) == 0 {
		currency = "de dollars"
	}
	d := s.date
	day := fmt.Sprintf("%d %s %d", d.Day(), monthsFR[d.Month()-1], d.Year())
	titles := []string{
		"%s veut %s %s",
		"%s : l’offre pour %[3]s",
		"Pourquoi %s s’intéresse à %[3]s",
	}
	title := fmt.Sprintf(titles[j%len(titles)], s.org, s.verb, s.target)
	quoteOpen := []string{"« ", "“"}[j%2]
	quoteClose := []string{" »", "”"}[j%2]
	var b strings.Builder
	fmt.Fprintf(&b, "date %s\n%s\n\n", d.Format("2006-01-02"), title)
	fmt.Fprintf(&b, "%s, le %s. %s a annoncé son intention de %s %s pour %s millions %s, selon %s.\n\n",
		s.city, day, s.org, s.verb, s.target, amount, currency, outlets[j%len(outlets)])
	fmt.Fprintf(&b, "%s%s%s, a déclaré %s, directrice générale de %s, lors d’une conférence de presse à %s.\n\n",
		quoteOpen, s.quote, quoteClose, s.person, s.org, s.city)
	fmt.Fprintf(&b, "Le projet %s, mené avec %s, concerne aussi %s. ", s.topic[0], s.topic[3], s.topic[1])
	fmt.Fprintf(&b, "Selon %s, %s et %s en dépendent, et %d emplois sont en jeu.\n",
		s.topic[3], s.topic[2], s.topic[4], 100+r.IntN(5000))
	return b.String()
}
