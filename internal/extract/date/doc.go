// Package date finds dates and times of day in French and English news
// text, normalises them to ISO dates with a granularity, and resolves
// the relative ones ("lundi", "hier", "il y a deux ans", "10 février")
// against a reference date, usually the article's publication date.
//
// It is hand-written: the Go date parsers (araddon/dateparse,
// markusmobius/go-dateparser, olebedev/when) either parse a whole string
// rather than find expressions in running text, or give no byte spans,
// or read "2025 euros" and "14,30h" as dates; recoupe needs exact spans,
// reference-free expressions a later stage can re-anchor, and a refusal
// to guess.
//
// # What is read
//
//   - absolute dates: "le 10 février 2025", "10/02/2025", "2025-02-10",
//     "February 10, 2025", "10 Feb 2025", "1er mars", "mer. 10 juin 2020";
//   - partial dates: "février 2025", "2015-03" (month); a year 1900–2100
//     after a cue ("en 2015", "depuis 2018", "dans le 2015" as machine
//     translation writes it) or standing alone with nothing counted after
//     it: "2025 euros", "plus de 2000 salariés" and "1 500" are not years;
//   - a month with a modifier: "mi-février", "début mars", "fin 2024",
//     "early 2025", "the end of March" (the granularity of what follows);
//   - weekdays: "lundi", "mardi dernier", "lundi prochain", "last Tuesday";
//   - relative days and periods: "hier", "aujourd'hui", "demain",
//     "avant-hier", "yesterday", "ce matin", "il y a deux ans", "two years
//     ago", "dans 3 jours", "la semaine dernière", "le mois prochain",
//     "l'an dernier", "cette année", "last year";
//   - times of day: "14h30", "14 h 30", "14h", "14:30", "2:30 pm",
//     "1140 a.m.", "à midi", and "14,30h" as machine translation writes
//     14h30; a date and a time written together make one KindTime fact
//     of minute granularity ("le 10 février à 14h30", "demain à 8h").
//
// Numeric dates read day first (10/02 is 10 February) unless the article's
// Language is "en" (month first), and in any language whichever order is
// the only valid one ("12/25/2020").
//
// # Expressions
//
// When.Expr holds a reference-free reading of every relative expression,
// space-separated parts with at most one date part and one time part:
//
//	day:-1          yesterday (day:+0 today, day:+1 tomorrow; "il y a 2 semaines" is day:-14)
//	weekday:1       Monday, the nearest one to the reference (within 3 days either way)
//	weekday:1/-1    last Monday (strictly before the reference); weekday:1/+1 next Monday
//	md:02-10        10 February, year unknown: the year keeping it nearest the reference
//	m:02            February, year unknown (same rule); m:12/-1 "décembre dernier", m:03/+1 "mars
//	                prochain", m:02/0 "cette février" (February of the reference's year)
//	month:-1        last month; year:-2 two years ago; year:+0 this year
//	week:-1         last week: kept for comparison, never resolved (a week is not a date)
//	time:14:30      a time of day, alone or after a date part ("weekday:2 time:11:00")
//
// Resolve needs a reference at least as fine as what it resolves: a
// weekday or a day offset needs a day, "month:-1" or "m:12/-1" a month,
// "md:" and "m:" a year. A date that cannot be resolved is left zero:
// never guessed.
package date
