package date_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/extract/date"
	"github.com/recoupe/recoupe/news"
)

func day(y, m, d int) news.Date {
	return news.Date{Time: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), Granularity: news.GranDay}
}

func month(y, m int) news.Date {
	return news.Date{Time: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranMonth}
}

// got is a fact reduced to what the table checks: text, kind, resolved
// date (ISO, "" when unresolved) and expression.
type got struct {
	Text, Kind, Date, Expr string
}

func extract(text, lang string, pub news.Date) []got {
	var out []got
	for _, f := range date.New().Extract(&news.Article{Text: text, Language: lang, Published: pub}) {
		out = append(out, got{f.Text, string(f.Kind), f.When.Date.String(), f.When.Expr})
	}
	return out
}

// The sentences are fictional, written for these tests.
func TestExtract(t *testing.T) {
	wed := day(2024, 3, 13) // a Wednesday
	tests := []struct {
		name string
		text string
		lang string
		pub  news.Date
		want []got
	}{
		{"absolute fr", "La mairie de Trévoux a voté le 10 février 2025 un budget.", "fr", news.Date{},
			[]got{{"10 février 2025", "date", "2025-02-10", ""}}},
		// Fictional: an undated article's dateline is its reference.
		{"dateline dates the article", "Le pont rouvre\nLundi 3 mars 2031, 9: 56\nLe maire l'a inauguré samedi.", "fr", news.Date{},
			[]got{{"Lundi 3 mars 2031", "date", "2031-03-03", ""}, {"samedi", "date", "2031-03-01", "weekday:6"}}},
		{"an update's date is no reference", "Le pont rouvre\nMis à jour le 3 mars 2031\nLe maire l'a inauguré samedi.", "fr", news.Date{},
			[]got{{"3 mars 2031", "date", "2031-03-03", ""}, {"samedi", "date", "", "weekday:6"}}},
		{"a date in the news is no dateline", "Le pont rouvre\nLe maire l'a inauguré le 3 mars 2031, puis samedi.", "fr", news.Date{},
			[]got{{"3 mars 2031", "date", "2031-03-03", ""}, {"samedi", "date", "", "weekday:6"}}},
		// Fictional: ranges across a new year.
		{"range closes in the next year", "Il a appelé entre le 14 novembre 2031 et le 12 janvier.", "fr", news.Date{},
			[]got{{"14 novembre 2031", "date", "2031-11-14", ""}, {"12 janvier", "date", "2032-01-12", "md:01-12"}}},
		{"range opens in the previous year", "La fête dure du 20 décembre au 5 janvier 2032.", "fr", news.Date{},
			[]got{{"20 décembre", "date", "2031-12-20", "md:12-20"}, {"5 janvier 2032", "date", "2032-01-05", ""}}},
		{"first of month", "Le salon ouvrira le 1er mars et fermera le 3 mars 2024.", "fr", wed,
			[]got{{"1er mars", "date", "2024-03-01", "md:03-01"}, {"3 mars 2024", "date", "2024-03-03", ""}}},
		{"numeric fr", "Échéance au 10/02/2025, puis 2025-02-10 et 15.05.99.", "fr", news.Date{},
			[]got{{"10/02/2025", "date", "2025-02-10", ""}, {"2025-02-10", "date", "2025-02-10", ""}, {"15.05.99", "date", "1999-05-15", ""}}},
		{"numeric en", "Filed on 02/10/2025 in Ohio.", "en", news.Date{},
			[]got{{"02/10/2025", "date", "2025-02-10", ""}}},
		{"english forms", "Glimmer Corp said on February 10, 2025 that 10 Feb 2025 was final.", "en", news.Date{},
			[]got{{"February 10, 2025", "date", "2025-02-10", ""}, {"10 Feb 2025", "date", "2025-02-10", ""}}},
		{"month and year", "La coopérative a fusionné en février 2025.", "fr", news.Date{},
			[]got{{"février 2025", "date", "2025-02", ""}}},
		{"year cues", "Fondée en 2015, la société a quitté Lyon depuis 2018. Dans le 2019 tout a changé.", "fr", news.Date{},
			[]got{{"2015", "date", "2015", ""}, {"2018", "date", "2018", ""}, {"2019", "date", "2019", ""}}},
		{"not years", "Le ticket coûte 2025 euros, plus de 2000 salariés et 1 500 personnes, soit 1.2030 points.", "fr", news.Date{},
			nil},
		{"decade", "Dans les années 1990, la ville comptait 1950 habitants.", "fr", news.Date{}, nil},
		{"weekday unresolved", "Le conseil s'est réuni lundi.", "fr", news.Date{},
			[]got{{"lundi", "date", "", "weekday:1"}}},
		{"weekday month ref", "Le conseil s'est réuni lundi.", "fr", month(2024, 3),
			[]got{{"lundi", "date", "", "weekday:1"}}},
		{"weekdays resolved", "Réunion lundi, puis mardi dernier et jeudi prochain.", "fr", wed,
			[]got{{"lundi", "date", "2024-03-11", "weekday:1"}, {"mardi dernier", "date", "2024-03-12", "weekday:2/-1"}, {"jeudi prochain", "date", "2024-03-14", "weekday:4/+1"}}},
		{"english weekdays", "The board met last Tuesday and meets on Friday.", "en", wed,
			[]got{{"last Tuesday", "date", "2024-03-12", "weekday:2/-1"}, {"Friday", "date", "2024-03-15", "weekday:5"}}},
		{"relative days", "Hier, aujourd'hui et demain, comme avant-hier.", "fr", wed,
			[]got{{"Hier", "date", "2024-03-12", "day:-1"}, {"aujourd'hui", "date", "2024-03-13", "day:+0"}, {"demain", "date", "2024-03-14", "day:+1"}, {"avant-hier", "date", "2024-03-11", "day:-2"}}},
		{"ago", "Le pont a ouvert il y a deux ans, et fermé two years ago.", "fr", wed,
			[]got{{"il y a deux ans", "date", "2022", "year:-2"}, {"two years ago", "date", "2022", "year:-2"}}},
		{"ago no ref", "Le pont a ouvert il y a 3 jours.", "fr", news.Date{},
			[]got{{"il y a 3 jours", "date", "", "day:-3"}}},
		{"periods", "La semaine dernière, le mois prochain, l'an dernier et cette année.", "fr", wed,
			[]got{{"La semaine dernière", "date", "", "week:-1"}, {"le mois prochain", "date", "2024-04", "month:+1"}, {"l'an dernier", "date", "2023", "year:-1"}, {"cette année", "date", "2024", "year:+0"}}},
		{"modifiers", "Travaux de mi-février à début mars, bilan fin 2024.", "fr", wed,
			[]got{{"mi-février", "date", "2024-02", "m:02"}, {"début mars", "date", "2024-03", "m:03"}, {"fin 2024", "date", "2024", ""}}},
		{"month md against month ref", "Le vote du 10 février a surpris.", "fr", month(2025, 2),
			[]got{{"10 février", "date", "2025-02-10", "md:02-10"}}},
		{"nearest year", "Le vote du 28 décembre a surpris.", "fr", day(2025, 1, 3),
			[]got{{"28 décembre", "date", "2024-12-28", "md:12-28"}}},
		{"times", "Ouverture à 14h30, 14 h 30, 9h, 14:30 ou 2:30 pm.", "fr", wed,
			[]got{{"14h30", "time", "", "time:14:30"}, {"14 h 30", "time", "", "time:14:30"}, {"9h", "time", "", "time:09:00"}, {"14:30", "time", "", "time:14:30"}, {"2:30 pm", "time", "", "time:14:30"}}},
		{"mt time artifact", "Mise à jour à 16,45hXNUMXLa suite.", "fr", news.Date{},
			[]got{{"16,45h", "time", "", "time:16:45"}}},
		{"duration is no time", "Le trajet se fait en 3h et dure 24 h, ouvert 24h/24, gagné en 2:01:09.", "fr", wed, nil},
		{"date and time", "Le scrutin ouvre le 10 février 2025 à 8h et demain à 9h30.", "fr", wed,
			[]got{{"10 février 2025 à 8h", "time", "2025-02-10T08:00", ""}, {"demain à 9h30", "time", "2024-03-14T09:30", "day:+1 time:09:30"}}},
		{"weekday and date", "Rendez-vous mercredi 10 juin 2020.", "fr", news.Date{},
			[]got{{"mercredi 10 juin 2020", "date", "2020-06-10", ""}}},
		{"money is no date", "Le club a levé 10,5 millions et 300 000 euros.", "fr", news.Date{}, nil},
		{"weekday before numeric", "Livraison vendredi 07/06, puis ce 12/05.", "fr", news.Date{},
			[]got{{"vendredi 07/06", "date", "", "md:06-07"}, {"ce 12/05", "date", "", "md:05-12"}}},
		{"hours in words", "Départ à sept heures et demie, retour à 9 heures du matin ou à huit heures moins le quart.", "fr", news.Date{},
			[]got{{"sept heures et demie", "time", "", "time:07:30"}, {"9 heures du matin", "time", "", "time:09:00"}, {"huit heures moins le quart", "time", "", "time:07:45"}}},
		{"hours as duration", "Le chantier a duré sept heures, pendant 15 heures.", "fr", news.Date{}, nil},
		{"day part", "Ouverture à 4h45 du matin, fermeture à 8:15 du soir.", "fr", news.Date{},
			[]got{{"4h45 du matin", "time", "", "time:04:45"}, {"8:15 du soir", "time", "", "time:20:15"}}},
		{"english ordinals", "The vote is on the second of August and the fair on March twenty-first.", "en", news.Date{},
			[]got{{"the second of August", "date", "", "md:08-02"}, {"March twenty-first", "date", "", "md:03-21"}}},
		{"month first numerics", "Due Sep-23-2020, reviewed Oct/2 and budgeted for Dec/2018.", "en", news.Date{},
			[]got{{"Sep-23-2020", "date", "2020-09-23", ""}, {"Oct/2", "date", "", "md:10-02"}, {"Dec/2018", "date", "2018-12", ""}}},
		{"two-digit year after month", "Les grèves de mai 68 et juillet 98.", "fr", news.Date{},
			[]got{{"mai 68", "date", "1968-05", ""}, {"juillet 98", "date", "1998-07", ""}}},
		{"this month name", "Je pars cette février.", "fr", day(2016, 11, 7),
			[]got{{"cette février", "date", "2016-02", "m:02/0"}}},
		{"planet is no month", "La mission de Mars et le mardi gras.", "fr", news.Date{}, nil},
		{"year range", "La saison 2024-2025 commence.", "fr", news.Date{},
			[]got{{"2024", "date", "2024", ""}, {"2025", "date", "2025", ""}}},
		{"english times", "Doors at 8.30pm, close 11:00 a.m. or 3 p.m. on Saturday. See you Sunday at 5.", "en", news.Date{},
			[]got{{"8.30pm", "time", "", "time:20:30"}, {"11:00 a.m.", "time", "", "time:11:00"}, {"3 p.m. on Saturday", "time", "", "weekday:6 time:15:00"}, {"Sunday at 5", "time", "", "weekday:7 time:05:00"}}},
		{"last and next day of month", "Le vote du 10 février dernier et celui du 3 mars prochain.", "fr", day(2025, 2, 20),
			[]got{{"10 février dernier", "date", "2025-02-10", "md:02-10/-1"}, {"3 mars prochain", "date", "2025-03-03", "md:03-03/+1"}}},
		{"earlier this month", "Prices rose earlier this month; on reviendra plus tard cette année.", "fr", day(2025, 2, 12),
			[]got{{"earlier this month", "date", "2025-02", "month:+0"}, {"plus tard cette année", "date", "2025", "year:+0"}}},
		{"weekday and day of month", "Rendez-vous lundi 21 à 18h, or Friday the 13th.", "fr", day(2025, 7, 10),
			[]got{{"lundi 21 à 18h", "time", "2025-07-21T18:00", "wdd:1-21 time:18:00"}, {"Friday the 13th", "date", "2025-06-13", "wdd:5-13"}}},
		{"weekday and day of month, ambiguous", "Rendez-vous lundi 21.", "fr", day(2025, 6, 5),
			[]got{{"lundi 21", "date", "", "wdd:1-21"}}},
		{"evening moves the hour", "On se voit ce soir à 8h, tonight around 7, hier soir à 10h du matin.", "fr", day(2025, 2, 12),
			[]got{{"ce soir à 8h", "time", "2025-02-12T20:00", "day:+0 time:20:00"}, {"tonight around 7", "time", "2025-02-12T19:00", "day:+0 time:19:00"}, {"hier soir à 10h du matin", "time", "2025-02-11T10:00", "day:-1 time:10:00"}}},
		{"decimal after weekday", "This Friday 7.6 percent.", "en", news.Date{},
			[]got{{"This Friday", "date", "", "weekday:5"}}},
		{"no overlap", "Cette année 2016 et l'année 2008.", "fr", day(2025, 2, 12),
			[]got{{"Cette année", "date", "2025", "year:+0"}, {"2016", "date", "2016", ""}, {"année 2008", "date", "2008", ""}}},
		{"old years need a strong cue", "Fondée en 1789, la ville comptait 1850 âmes et fut rebâtie en juin de 1992.", "fr", news.Date{},
			[]got{{"1789", "date", "1789", ""}, {"juin de 1992", "date", "1992-06", ""}}},
		{"grouped numbers", "Il y a 1 500 inscrits et 10 10:20 plus tard.", "fr", news.Date{},
			[]got{{"10:20", "time", "", "time:10:20"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, extract(tt.text, tt.lang, tt.pub)); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestExtractSpansAndSentences(t *testing.T) {
	text := "Première phrase sans date. La foire a eu lieu le 3 mai 2021 à Bourg. Fin."
	facts := date.New().Extract(&news.Article{Text: text})
	if len(facts) != 1 {
		t.Fatalf("got %d facts, want 1", len(facts))
	}
	f := facts[0]
	if got, want := text[f.Span.Start:f.Span.End], "3 mai 2021"; got != want || f.Text != want {
		t.Errorf("span text = %q (Text %q), want %q", got, f.Text, want)
	}
	if got, want := text[f.Sentence.Start:f.Sentence.End], "La foire a eu lieu le 3 mai 2021 à Bourg."; got != want {
		t.Errorf("sentence = %q, want %q", got, want)
	}
}

func TestResolve(t *testing.T) {
	wed := day(2024, 3, 13)
	tests := []struct {
		expr string
		ref  news.Date
		want string // "" when it must not resolve
	}{
		{"day:-1", wed, "2024-03-12"},
		{"day:-1", month(2024, 3), ""},
		{"weekday:1", wed, "2024-03-11"},
		{"weekday:7", wed, ""}, {"weekday:6", wed, ""}, {"weekday:5", wed, "2024-03-15"},
		{"weekday:3", wed, "2024-03-13"},
		{"weekday:3/-1", wed, "2024-03-06"},
		{"weekday:3/+1", wed, "2024-03-20"},
		{"weekday:1", month(2024, 3), ""},
		{"md:02-10", month(2025, 2), "2025-02-10"},
		{"md:12-30", day(2025, 1, 2), "2024-12-30"},
		{"md:02-29", day(2025, 1, 2), "2024-02-29"},
		{"md:02-10", news.Date{Time: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Granularity: news.GranYear}, "2025-02-10"},
		{"m:12/-1", month(2025, 2), "2024-12"},
		{"md:02-10/-1", day(2025, 3, 1), "2025-02-10"},
		{"md:02-10/-1", day(2025, 2, 10), "2024-02-10"},
		{"md:02-10/-1", month(2025, 2), ""},
		{"md:02-10/-1", month(2025, 5), "2025-02-10"},
		{"md:12-24/+1", day(2025, 2, 1), "2025-12-24"},
		{"md:02-29/-1", day(2025, 2, 1), "2024-02-29"},
		{"md:02-10/x", day(2025, 2, 1), ""},
		{"wdd:1-21", month(2025, 7), "2025-07-21"},
		{"wdd:5-13", day(2025, 2, 1), "2024-12-13"},
		{"wdd:1-21", news.Date{}, ""},
		{"m:02/-1", month(2025, 2), "2024-02"},
		{"m:03/+1", day(2025, 2, 5), "2025-03"},
		{"month:-1", day(2025, 1, 5), "2024-12"},
		{"year:-2", month(2025, 2), "2023"},
		{"week:-1", wed, ""},
		{"time:14:30", wed, "2024-03-13T14:30"},
		{"weekday:2 time:11:00", wed, "2024-03-12T11:00"},
		{"time:25:00", wed, ""},
		{"bogus", wed, ""},
		{"day:x", wed, ""},
		{"day:-1", news.Date{}, ""},
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

func TestCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2025-02", "2025-02-10", true},
		{"2025-02-10", "2025-02-11", false},
		{"2025", "2025-02-10T14:30", true},
		{"2024", "2025-02", false},
		{"2025-02-10T14:30", "2025-02-10T14:31", false},
		{"2025-02-10T14:30", "2025-02-10", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			a, _ := news.ParseDate(tt.a)
			b, _ := news.ParseDate(tt.b)
			ok, why := date.Compatible(a, b)
			if ok != tt.want || why == "" {
				t.Errorf("Compatible(%s, %s) = %v, %q; want %v with a reason", tt.a, tt.b, ok, why, tt.want)
			}
			if ok2, _ := date.Compatible(b, a); ok2 != ok {
				t.Errorf("Compatible is not symmetric on %s, %s", tt.a, tt.b)
			}
		})
	}
	if ok, _ := date.Compatible(news.Date{}, day(2025, 2, 10)); !ok {
		t.Errorf("an unknown date conflicts; want compatible")
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"le 10 février 2025 à 14h30", "14,30hXNUMXDerrière", "2025-02-10", "10/02/2025", "il y a deux ans",
		"mardi dernier", "mi-février", "February 10, 2025 at 2:30 pm", "1 500 2025 euros", "12:30:45:99",
		"aujourd’hui", "l'an dernier", "2015Musk", "31/02/2020", "00h00", "99:99", "1140 a.m.",
	} {
		f.Add(s, "2025-02-12")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, text, pub string) {
		p, _ := news.ParseDate(pub)
		a := &news.Article{Text: text, Published: p}
		facts := date.New().Extract(a)
		again := date.New().Extract(a)
		if diff := cmp.Diff(facts, again); diff != "" {
			t.Fatalf("not deterministic (-first +second):\n%s", diff)
		}
		last := 0
		for _, f := range facts {
			if !f.Span.In(len(text)) || f.Span.Len() == 0 {
				t.Fatalf("span %v outside text of %d bytes", f.Span, len(text))
			}
			if f.Text != text[f.Span.Start:f.Span.End] {
				t.Fatalf("Text %q != text[span] %q", f.Text, text[f.Span.Start:f.Span.End])
			}
			if f.Span.Start < last {
				t.Fatalf("facts out of order or overlapping at %v", f.Span)
			}
			last = f.Span.End
			if !f.Sentence.In(len(text)) {
				t.Fatalf("sentence %v outside text", f.Sentence)
			}
			if f.When == nil {
				t.Fatalf("fact without When")
			}
			if f.When.Relative && f.When.Expr == "" {
				t.Fatalf("relative fact %q without Expr", f.Text)
			}
		}
	})
}

// TestLargeInput runs 1 MB of digits, separators and date words: every
// matcher looks ahead a bounded number of tokens, so this stays linear;
// the benchmark BenchmarkAdversarial reports the rate.
func TestLargeInput(t *testing.T) {
	text := adversarial(1 << 20)
	facts := date.New().Extract(&news.Article{Text: text, Published: day(2025, 2, 12)})
	if len(facts) == 0 {
		t.Fatalf("no facts in adversarial text")
	}
	for _, f := range facts {
		if !f.Span.In(len(text)) {
			t.Fatalf("span %v outside text", f.Span)
		}
	}
}

func adversarial(n int) string {
	parts := []string{"10", "/", "02", "-", "2025", " ", "février", "14", "h", ",", "30", ":", "lundi", "il y a", "1 500", "mi-", "fin ", "é", "’", "."}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(parts[(i*7+i/3)%len(parts)])
		if i%5 == 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func FuzzResolve(f *testing.F) {
	for _, e := range []string{"day:-1", "weekday:1/-1", "md:02-10", "md:02-10/-1", "m:12/+1", "month:-1",
		"year:-2", "week:-1", "time:14:30", "weekday:2 time:11:00", "wdd:1-21", "day:99999999999", "md:13-40"} {
		f.Add(e, "2025-02-12")
		f.Add(e, "2025-02")
		f.Add(e, "2025")
	}
	f.Fuzz(func(t *testing.T, expr, ref string) {
		r, _ := news.ParseDate(ref)
		d, ok := date.Resolve(expr, r)
		d2, ok2 := date.Resolve(expr, r)
		if d != d2 || ok != ok2 {
			t.Fatalf("Resolve(%q, %q) not deterministic", expr, ref)
		}
		if ok == d.IsZero() {
			t.Fatalf("Resolve(%q, %q) = %v, %v: ok must mean a date", expr, ref, d, ok)
		}
		if ok {
			if _, back := news.ParseDate(d.String()); !back {
				t.Fatalf("Resolve(%q, %q) = %v does not round-trip", expr, ref, d)
			}
			if c, _ := date.Compatible(d, d); !c {
				t.Fatalf("%v is not compatible with itself", d)
			}
		}
	})
}
