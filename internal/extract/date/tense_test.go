package date_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/extract/date"
	"github.com/recoupe/recoupe/news"
)

// A date without its year, or a bare weekday, goes to the side its
// sentence looks to. The sentences are fictional, written for this test.
func TestDirection(t *testing.T) {
	mon := day(2019, 11, 18) // a Monday
	tests := []struct {
		name string
		text string
		lang string
		pub  news.Date
		want []got
	}{
		{"due to: ahead", "The Brindle bridge is due to start in September.", "en", mon,
			[]got{{"September", "date", "2020-09", "m:09"}}},
		{"since: back", "Tolls at Brindle have been falling since March.", "en", mon,
			[]got{{"March", "date", "2019-03", "m:03"}}},
		{"since beats the calendar", "Ferries have been grounded since March.", "en", day(2020, 11, 2),
			[]got{{"March", "date", "2020-03", "m:03"}}},
		{"due to on a day", "The Vellan works are due to start on September 15.", "en", day(2024, 3, 5),
			[]got{{"September 15", "date", "2024-09-15", "md:09-15"}}},
		{"passé composé: back", "Le nombre d'abonnés a explosé après ce message le 14 mars.", "fr", day(2020, 9, 14),
			[]got{{"14 mars", "date", "2020-03-14", "md:03-14"}}},
		{"futur: ahead", "La foire de Trévillac ouvrira le 14 mars.", "fr", day(2020, 9, 14),
			[]got{{"14 mars", "date", "2021-03-14", "md:03-14"}}},
		{"à partir de: ahead", "Les tarifs changent à partir du 10 mars.", "fr", day(2020, 9, 14),
			[]got{{"10 mars", "date", "2021-03-10", "md:03-10"}}},
		{"depuis: back, same month counts", "Le pont est fermé depuis mars.", "fr", day(2021, 3, 20),
			[]got{{"mars", "date", "2021-03", "m:03"}}},
		{"said on a weekday: the last one", "The mayor of Orlin said on Friday that the plan was dead.", "en", day(2025, 2, 12),
			[]got{{"Friday", "date", "2025-02-07", "weekday:5"}}},
		{"will on a weekday: the next one", "The mayor of Orlin will speak on Monday.", "en", day(2025, 2, 12),
			[]got{{"Monday", "date", "2025-02-17", "weekday:1"}}},
		{"past weekday on its own day", "Le maire de Trévillac a annoncé lundi un nouveau plan.", "fr", day(2025, 2, 10),
			[]got{{"lundi", "date", "2025-02-10", "weekday:1"}}},
		{"futur weekday", "Le maire de Trévillac annoncera vendredi un plan.", "fr", day(2025, 2, 10),
			[]got{{"vendredi", "date", "2025-02-14", "weekday:5"}}},
		{"other clause keeps its own tense", "The board met last Tuesday and meets on Friday.", "en", day(2024, 3, 13),
			[]got{{"last Tuesday", "date", "2024-03-12", "weekday:2/-1"}, {"Friday", "date", "2024-03-15", "weekday:5"}}},
		{"participle before the date", "Le plan de Trévillac, dévoilé jeudi, évitera-t-il la crise ?", "fr", day(2025, 2, 12),
			[]got{{"jeudi", "date", "2025-02-06", "weekday:4"}}},
		{"participle after a future auxiliary", "Le chiffre de Trévillac, qui sera publié jeudi, serait bon.", "fr", day(2025, 2, 10),
			[]got{{"jeudi", "date", "2025-02-13", "weekday:4"}}},
		{"participle opening the sentence", "Élu le 4 novembre, le maire de Trévillac ne prendra ses fonctions qu'en mars.", "fr", day(2025, 1, 10),
			[]got{{"4 novembre", "date", "2024-11-04", "md:11-04"}, {"mars", "date", "2025-03", "m:03"}}},
		{"prochain qualifies a noun, not the date", "Samedi 7 décembre, le prochain maire de Trévillac a parlé.", "fr", day(2025, 6, 1),
			[]got{{"Samedi 7 décembre", "date", "2024-12-07", "md:12-07"}}},
		{"futur in -ira", "Le collectif de Trévillac, qui a mené la fronde, se réunira le 25 septembre.", "fr", day(2025, 10, 1),
			[]got{{"25 septembre", "date", "2026-09-25", "md:09-25"}}},
		{"short past in -ed", "Ada Orlin, who died on Thursday, will be remembered.", "en", day(2025, 2, 10),
			[]got{{"Thursday", "date", "2025-02-06", "weekday:4"}}},
		{"delayed until looks ahead", "The Orlin hearing has been delayed until Thursday.", "en", day(2025, 2, 10),
			[]got{{"Thursday", "date", "2025-02-13", "weekday:4"}}},
		{"should looks ahead", "The Orlin line should be back to normal by Dec. 31.", "en", day(2025, 1, 5),
			[]got{{"Dec. 31", "date", "2025-12-31", "md:12-31"}}},
		{"next before a date looks ahead", "The Orlin audit is done next 6th of April.", "en", day(2019, 11, 18),
			[]got{{"next 6th of April", "date", "2020-04-06", "md:04-06"}}},
		{"this before a date keeps this year", "The Orlin audit should be done this 5/12.", "en", day(2019, 8, 1),
			[]got{{"this 5/12", "date", "2019-05-12", "md:05-12"}}},
		{"est attendu looks ahead", "Le ministre est attendu jeudi à Trévillac.", "fr", day(2025, 2, 10),
			[]got{{"jeudi", "date", "2025-02-13", "weekday:4"}}},
		{"a prévu looks back", "L'institut de Trévillac a prévu vendredi un recul.", "fr", day(2025, 2, 12),
			[]got{{"vendredi", "date", "2025-02-07", "weekday:5"}}},
		{"depuis le", "Le pont de Trévillac est fermé depuis le 8 mars.", "fr", day(2025, 2, 12),
			[]got{{"8 mars", "date", "2024-03-08", "md:03-08"}}},
		{"plus-que-parfait in -ie", "Elle était partie à Trévillac le 9 août.", "fr", day(2025, 2, 12),
			[]got{{"9 août", "date", "2024-08-09", "md:08-09"}}},
		{"no cue: nearest", "Vote le 14 mars.", "fr", day(2020, 9, 14),
			[]got{{"14 mars", "date", "2021-03-14", "md:03-14"}}},
		{"full date in the sentence gives the year", "Le salon ouvrira le 1er mars et fermera le 3 mars 2024.", "fr", day(2024, 3, 13),
			[]got{{"1er mars", "date", "2024-03-01", "md:03-01"}, {"3 mars 2024", "date", "2024-03-03", ""}}},
		{"weekday in apposition is the date", "He learnt the news on Dec. 18, a Wednesday and a cold day.", "en", day(2019, 12, 30),
			[]got{{"Dec. 18, a Wednesday", "date", "2019-12-18", "md:12-18"}}},
		{"Mars the planet", "It was the first Mars mission of the Orlin agency.", "en", day(2020, 7, 10), nil},
		{"a show's title", "He told Orlin This Morning that he would run.", "en", day(2020, 7, 10), nil},
		// The mission's number still reads as a year; no March is made of it.
		{"Mars mission", "La mission Mars 2020 a décollé de Trévillac.", "fr", day(2020, 7, 10),
			[]got{{"2020", "date", "2020", ""}}},
		{"Mars rover in English", "Mars 2020 landed near Orlin crater.", "en", day(2021, 2, 20), nil},
		{"Mars opening a French sentence is the month", "Mars 2020 restera dans les mémoires de Trévillac.", "fr", day(2021, 2, 20),
			[]got{{"Mars 2020", "date", "2020-03", ""}}},
		{"1er Mars capitalised is still a date", "Rendez-vous le 1er Mars à Trévillac.", "fr", day(2020, 2, 10),
			[]got{{"1er Mars", "date", "2020-03-01", "md:03-01"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, extract(tt.text, tt.lang, tt.pub)); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestResolveSides(t *testing.T) {
	tests := []struct {
		expr string
		ref  news.Date
		want string
	}{
		{"m:03/p", month(2021, 3), "2021-03"},
		{"m:03/p", day(2021, 2, 28), "2020-03"},
		{"m:09/f", day(2019, 11, 18), "2020-09"},
		{"m:09/f", day(2019, 9, 30), "2019-09"},
		{"md:03-14/p", day(2020, 9, 14), "2020-03-14"},
		{"md:03-14/p", day(2020, 3, 14), "2020-03-14"},
		{"md:03-14/f", day(2020, 3, 15), "2021-03-14"},
		{"md:02-29/f", day(2021, 3, 1), "2024-02-29"},
		{"weekday:5/p", day(2025, 2, 12), "2025-02-07"},
		{"weekday:3/p", day(2025, 2, 12), "2025-02-12"},
		{"weekday:1/f", day(2025, 2, 12), "2025-02-17"},
		{"weekday:1/f", month(2025, 2), ""},
		{"md:03-14/f", news.Date{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.expr+"@"+tt.ref.String(), func(t *testing.T) {
			d, ok := date.Resolve(tt.expr, tt.ref)
			if got := d.String(); got != tt.want || ok != (tt.want != "") {
				t.Errorf("Resolve(%q, %v) = %q, %v; want %q", tt.expr, tt.ref, got, ok, tt.want)
			}
		})
	}
}
