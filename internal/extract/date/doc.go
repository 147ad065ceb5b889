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
//     "February 10, 2025", "10 Feb 2025", "the 2nd of August", "1er mars",
//     "mer. 10 juin 2020", "vendredi 07/06", "Sep-23-2020", "15.05.99";
//   - partial dates: "février 2025", "juin de 1992", "mai 68", "2015-03",
//     "12-2015", "Dec/2018" (month); a year 1900–2100 after a cue ("en
//     2015", "depuis 2018", "dans le 2015" as machine translation writes
//     it, "l'année 2008") or standing alone with nothing counted after it:
//     "2025 euros", "plus de 2000 salariés", "1 500" and "les années 1990"
//     are not years; a year before 1900 needs a strong cue ("en 1789");
//   - a month or year with a modifier: "mi-février", "début mars", "fin
//     2024", "early 2025", "the end of March" (the granularity of what
//     follows); a month alone after a cue: "en mars", "décembre dernier",
//     "cette février", "last March" ("Mars" capitalised is the planet in
//     English text and mid-sentence in French, unless a day number
//     precedes it: "its first Mars mission" is no date, "le 1er Mars" is);
//   - a weekday set beside a date to name its day is part of it: "Dec.
//     18, a Wednesday", "le 18 décembre, un mercredi";
//   - weekdays: "lundi", "mardi dernier", "jeudi prochain", "ce mercredi
//     passé", "last Tuesday", "this past Friday", "next Monday" ("mardi
//     gras" is none);
//   - relative days and periods: "hier", "aujourd'hui", "demain",
//     "avant-hier", "yesterday", "ce matin", "hier soir", "il y a deux ans",
//     "two years ago", "dans 3 jours", "la semaine dernière", "le mois
//     prochain", "l'an dernier", "cette année", "last year", "le 10 février
//     dernier";
//   - times of day: "14h30", "14 h 30", "14h", "14:30", "2:30 pm", "8.30pm",
//     "1140 a.m.", "à midi", "à sept heures et demie", "9 heures du matin",
//     "4h45 du matin", and "14,30h" as machine translation writes 14h30
//     ("en 3h", "pendant sept heures" are durations, left out); a date and
//     a time written together make one KindTime fact ("le 10 février à
//     14h30", "demain à 8h", "9h le mardi", "Sunday at 5").
//
// Not read, on purpose: "le lendemain", "la veille" (they count from an
// event the article narrates, not from its publication), "maintenant",
// durations, recurring sets and ranges (each end of "du 3 au 5 mars" that
// is a full date is read on its own).
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
//	weekday:1       Monday, the nearest one to the reference (within 2 days either way; at 3 days
//	                one way and 4 the other it is left unresolved)
//	weekday:1/-1    last Monday (strictly before the reference); weekday:1/+1 next Monday
//	wdd:1-21        "lundi 21": the 21st that falls on a Monday, nearest the reference
//	md:02-10        10 February, year unknown: the year keeping it nearest the reference;
//	                md:02-10/-1 "le 10 février dernier" (the last one before), md:03-03/+1 "le 3 mars prochain"
//	m:02            February, year unknown (same rule); m:12/-1 "décembre dernier", m:03/+1 "mars
//	                prochain", m:02/0 "cette février" (February of the reference's year)
//	month:-1        last month; year:-2 two years ago; year:+0 this year
//	week:-1         last week: kept for comparison, never resolved (a week is not a date)
//	time:14:30      a time of day, alone or after a date part ("weekday:2 time:11:00")
//
//	m:09/f, md:09-15/p, weekday:5/p
//	                the side a sentence looks to: "f" the first one on or after the reference,
//	                "p" the last one on or before it (see below)
//
// # The side a sentence looks to
//
// A date without its year or a bare weekday is placed on the side of the
// reference its sentence looks to: a preposition right before it
// ("since March", "depuis mars" look back; "à partir du 15 septembre"
// ahead), else the nearest cue of its clause, or across a comma: past
// tenses and words ("said", "-ed", "a explosé", "avait", "ago", "dernier")
// look back, future and conditional ones ("will", "due to", "scheduled",
// "commencera", "devrait", "prochain", "va partir") ahead. The reference's
// own day or month counts on both sides ("a annoncé lundi" on a Monday is
// that Monday). A conjunction or "que"/"that" ends the clause: "met last
// Tuesday and meets on Friday" leaves Friday to the nearest rule. With no
// cue the nearest occurrence is kept. When.Expr keeps the words' own
// reading ("weekday:1", "md:03-14"); only When.Date takes the side. A
// date without a year whose sentence holds full dates of one single year
// takes that year ("le 1er mars et le 3 mars 2024").
//
// Resolve needs a reference at least as fine as what it resolves: a
// weekday or a day offset needs a day, "month:-1" or "m:12/-1" a month,
// "md:" and "m:" a year. A date that cannot be resolved is left zero:
// never guessed.
package date
