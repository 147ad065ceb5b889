// Package quote finds quotations in French and English news text and the
// people (or organisations, or anonymous sources) who said them.
//
// The scanner reads every kind of quotation mark (« » with or without
// no-break spaces, “ ” „ ‘ ’ and ASCII "), keeps nested quotations inside
// their outer one, takes a second opening mark glued to the last word as a
// wrong closing mark and ends an unclosed quotation with its paragraph. It
// also reads block quotes ("…" then a line "– Name, role") and embedded
// posts ("text — Name (@handle) date").
//
// Attribution is rule-based, in the tradition of the SFU Gender Gap
// Tracker and Radar de Parité, whose reporting-verb lexicons are embedded
// (MIT, see lexicons/LICENSE): an incise inside the marks ("…, affirme-t-elle.
// …"), the words after the closing mark ("a-t-il estimé", "précise la
// gastro-entérologue", "he said", "selon X"), then the words before the
// opening mark ("X a déclaré :", "Pour X,", "X est plus nuancée :"),
// else the last speaker nearby (floating quotations). Pronouns go to the
// most recent named person or quoted speaker whose gender agrees ("il"/"he"
// to a man, "elle"/"she" to a woman: from titles such as M./Mme/Mr/Mrs,
// "la"/"le" before a role, first names — the gendered first names of the
// French Hunspell dictionary, MPL-2.0, see lexicons/LICENSE — and the
// pronouns that follow a name), definite descriptions to the
// person whose apposition matches ("la gastro-entérologue" → "Francisca
// Joly-Gomez, professeure de nutrition et gastro-entérologue"), indefinite
// ones ("un proche du dossier") stay as written. A speaker must look like a
// person or an organisation: sentence-initial adverbs, dates and clauses
// are dropped, as no speaker is better than a wrong one. Short quotations
// with no cue of speech (terms, titles, expressions) and legal charges
// ("charged with “…”") are not output.
//
// The rules are hand-written: no Go library does French quote attribution,
// and the statistical ones (Quotebank's Quobert, spaCy pipelines) are
// Python and English-only.
package quote
