package crosscheck_test

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/recoupe/recoupe/internal/crosscheck"
	datepkg "github.com/recoupe/recoupe/internal/extract/date"
	"github.com/recoupe/recoupe/news"
)

// The articles in these tests are fictional.

// toleranceRule is the comparison rule the money package implements,
// restated in its simplest form so that this package's alignment logic is
// tested on its own: equal within the coarser precision, ±10% when hedged.
func toleranceRule(a, b news.Amount) (bool, string) {
	if a.Currency != "" && b.Currency != "" && a.Currency != b.Currency {
		return false, "currency"
	}
	tol := math.Max(a.Precision, b.Precision) / 2
	if a.Qualifier != news.QualExact || b.Qualifier != news.QualExact {
		tol = math.Max(tol, 0.1*math.Max(a.Value, b.Value))
	}
	return math.Abs(a.Value-b.Value) <= tol+1e-9*math.Abs(a.Value), ""
}

func sameDay(a, b news.Date) (bool, string) { return a.String() == b.String(), "" }

type fact struct {
	text string // must occur in the article text
	kind news.Kind
	amt  news.Amount
	date string
	expr string
}

func article(name, text string, facts ...fact) crosscheck.Source {
	a := news.Article{ID: news.ArticleID(text), Name: name, Text: text}
	x := news.Extraction{ArticleID: a.ID}
	from := 0
	for _, f := range facts {
		i := strings.Index(text[from:], f.text)
		if i < 0 {
			panic("fact " + f.text + " not in " + name)
		}
		i += from
		from = i + len(f.text)
		nf := news.Fact{Kind: f.kind, Span: news.Span{Start: i, End: i + len(f.text)}, Text: f.text,
			Sentence: sentenceAround(text, i)}
		if f.kind == news.KindDate || f.kind == news.KindTime {
			w := &news.When{Expr: f.expr, Relative: f.expr != ""}
			if f.date != "" {
				d, _ := news.ParseDate(f.date)
				w.Date = d
			} else {
				w.Relative = true
			}
			nf.When = w
		} else {
			amt := f.amt
			nf.Amount = &amt
		}
		x.Facts = append(x.Facts, nf)
	}
	return crosscheck.Source{Article: a, Extraction: x}
}

func sentenceAround(text string, i int) news.Span {
	start := strings.LastIndex(text[:i], ". ")
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	end := strings.Index(text[i:], ". ")
	if end < 0 {
		end = len(text)
	} else {
		end += i + 1
	}
	return news.Span{Start: start, End: end}
}

func money(v, prec float64, cur string, q news.Qualifier) news.Amount {
	return news.Amount{Value: v, Precision: prec, Currency: cur, Qualifier: q}
}

func checker() *crosscheck.Checker {
	return crosscheck.New(crosscheck.Rules{Amounts: toleranceRule, Dates: sameDay})
}

func find(t *testing.T, cs []news.Check, kind news.Kind, value float64) news.Check {
	t.Helper()
	for _, c := range cs {
		if c.Kind == kind && (value == 0 || math.Abs(c.Value-value) < 1e-6*value) {
			return c
		}
	}
	t.Fatalf("no %s check with value %g in %+v", kind, value, cs)
	return news.Check{}
}

func TestCurrencyConflictAndRounding(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Acme offre 12,5 milliards de dollars pour racheter Widget.",
			fact{text: "12,5 milliards de dollars", kind: news.KindMoney, amt: money(12.5e9, 1e8, "USD", "")}),
		article("b.txt", "Pour racheter Widget, Acme met 12.5 milliards d’euros sur la table.",
			fact{text: "12.5 milliards d’euros", kind: news.KindMoney, amt: money(12.5e9, 1e8, "EUR", "")}),
		article("c.txt", "Acme propose 12 milliards pour Widget. Près de 13 milliards de dollars au total.",
			fact{text: "12 milliards", kind: news.KindMoney, amt: money(12e9, 1e9, "", "")},
			fact{text: "Près de 13 milliards de dollars", kind: news.KindMoney, amt: money(13e9, 1e9, "USD", news.QualApprox)}),
	}
	res := checker().Compare(srcs, nil)
	if len(res.Facts) != 1 {
		t.Fatalf("got %d facts, want 1 (all mentions are one bid): %+v", len(res.Facts), res.Facts)
	}
	c := res.Facts[0]
	if c.Status != news.Conflict || c.Currency != "USD" || c.Value != 12.5e9 {
		t.Errorf("check = %s %g %s, want conflict 12.5e9 USD", c.Status, c.Value, c.Currency)
	}
	if len(c.Sources) != 4 || c.Articles != 3 {
		t.Errorf("sources = %d in %d articles, want 4 in 3", len(c.Sources), c.Articles)
	}
	if len(c.Sides) != 2 || c.Sides[1].Currency != "EUR" || c.Sides[1].Sources[0].Article != "b.txt" {
		t.Errorf("sides = %+v, want USD then EUR from b.txt", c.Sides)
	}
	if !strings.Contains(c.Why, "EUR") {
		t.Errorf("why = %q, want it to name the currencies", c.Why)
	}
}

func TestRoundingIsNoConflict(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Le budget atteint 97,4 millions d'euros cette année.",
			fact{text: "97,4 millions d'euros", kind: news.KindMoney, amt: money(97.4e6, 1e5, "EUR", "")}),
		article("b.txt", "Un budget de 97 millions, selon le ministère.",
			fact{text: "97 millions", kind: news.KindMoney, amt: money(97e6, 1e6, "", "")}),
		article("c.txt", "Le budget avoisine près de 100 millions d'euros.",
			fact{text: "près de 100 millions d'euros", kind: news.KindMoney, amt: money(100e6, 1e6, "EUR", news.QualApprox)}),
	}
	res := checker().Compare(srcs, nil)
	c := find(t, res.Facts, news.KindMoney, 97.4e6)
	if c.Status != news.Agreed || c.Articles != 3 {
		t.Fatalf("check = %+v, want agreed by 3", c)
	}
	if !strings.Contains(c.Why, "rounded") || !strings.Contains(c.Why, "approximate") {
		t.Errorf("why = %q, want it to explain rounding and approximation", c.Why)
	}
}

// TestValueConflictByWhatIsMeasured checks that close values of the same
// thing conflict when the word next to both figures names that thing
// ("dégâts", "pompiers"), though their sentences share little else; and
// that a name next to both (the town of the story) is not enough.
// The sentences are fictional.
func TestValueConflictByWhatIsMeasured(t *testing.T) {
	for _, tc := range []struct {
		name     string
		a, b     crosscheck.Source
		conflict bool
	}{
		{"damage",
			article("a.txt", "Les dégâts sont estimés à 3,2 millions d'euros.",
				fact{text: "3,2 millions d'euros", kind: news.KindMoney, amt: money(3.2e6, 1e5, "EUR", "")}),
			article("b.txt", "Le montant des dégâts atteindrait 3,5 millions d'euros selon l'assureur.",
				fact{text: "3,5 millions d'euros", kind: news.KindMoney, amt: money(3.5e6, 1e5, "EUR", "")}),
			true},
		{"firefighters",
			article("a.txt", "Selon le préfet, 140 pompiers ont été mobilisés pendant neuf heures.",
				fact{text: "140", kind: news.KindNumber, amt: number(140)}),
			article("b.txt", "Le préfet a salué le travail des 150 pompiers engagés mercredi.",
				fact{text: "150", kind: news.KindNumber, amt: number(150)}),
			true},
		{"only the town's name near both",
			article("a.txt", "Le chantier de Valbrune coûtera 3,2 millions d'euros.",
				fact{text: "3,2 millions d'euros", kind: news.KindMoney, amt: money(3.2e6, 1e5, "EUR", "")}),
			article("b.txt", "Valbrune emprunte 3,5 millions d'euros pour ses écoles.",
				fact{text: "3,5 millions d'euros", kind: news.KindMoney, amt: money(3.5e6, 1e5, "EUR", "")}),
			false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := checker().Compare([]crosscheck.Source{tc.a, tc.b}, nil)
			var got bool
			for _, c := range res.Facts {
				got = got || c.Status == news.Conflict
			}
			if got != tc.conflict {
				t.Errorf("conflict = %v, want %v: %+v", got, tc.conflict, res.Facts)
			}
		})
	}
}

func TestSingleAndIndependence(t *testing.T) {
	a := article("a.txt", "La mairie investit 3 millions d'euros dans le tram.",
		fact{text: "3 millions d'euros", kind: news.KindMoney, amt: money(3e6, 1e6, "EUR", "")})
	b := article("b.txt", "La mairie investit 3 millions d'euros dans le tram, dit l'agence.",
		fact{text: "3 millions d'euros", kind: news.KindMoney, amt: money(3e6, 1e6, "EUR", "")})
	b.Article.DuplicateOf = a.Article.ID
	c := article("c.txt", "Le stade coûtera 40 millions d'euros.",
		fact{text: "40 millions d'euros", kind: news.KindMoney, amt: money(40e6, 1e6, "EUR", "")})
	res := checker().Compare([]crosscheck.Source{a, b, c}, nil)
	tram := find(t, res.Facts, news.KindMoney, 3e6)
	if tram.Status != news.Agreed || tram.Articles != 2 || tram.Independent != 1 {
		t.Errorf("tram = %s, %d articles, %d independent; want agreed, 2, 1", tram.Status, tram.Articles, tram.Independent)
	}
	if st := find(t, res.Facts, news.KindMoney, 40e6); st.Status != news.Single {
		t.Errorf("stadium status = %s, want single", st.Status)
	}
}

func TestValueConflictBySharedContext(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Le club Orage a racheté le stade municipal de Brume pour 54 millions d'euros.",
			fact{text: "54 millions d'euros", kind: news.KindMoney, amt: money(54e6, 1e6, "EUR", "")}),
		article("b.txt", "Le stade municipal de Brume a été racheté par le club Orage pour 44 millions d'euros.",
			fact{text: "44 millions d'euros", kind: news.KindMoney, amt: money(44e6, 1e6, "EUR", "")}),
		article("c.txt", "Sans rapport : la ville de Brume emprunte 50 millions d'euros pour ses écoles.",
			fact{text: "50 millions d'euros", kind: news.KindMoney, amt: money(50e6, 1e6, "EUR", "")}),
	}
	res := checker().Compare(srcs, nil)
	var conflicts int
	for _, c := range res.Facts {
		if c.Status == news.Conflict {
			conflicts++
			if len(c.Sides) != 2 || c.Articles != 2 {
				t.Errorf("conflict %+v, want two sides from a.txt and b.txt", c)
			}
		}
	}
	if conflicts != 1 {
		t.Fatalf("got %d conflicts, want 1 (54 vs 44 for the stadium): %+v", conflicts, res.Facts)
	}
	if c := find(t, res.Facts, news.KindMoney, 50e6); c.Status != news.Single {
		t.Errorf("unrelated loan status = %s, want single", c.Status)
	}
}

func TestDatesAndWeekdayAnchor(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "L'accord a été signé le 10 mars 2031 à Lyon.",
			fact{text: "10 mars 2031", kind: news.KindDate, date: "2031-03-10"}),
		article("b.txt", "Signé le 10 mars, l'accord entre en vigueur.",
			fact{text: "10 mars", kind: news.KindDate, date: "2031-03-10", expr: "md:03-10"}),
		article("c.txt", "L'accord signé lundi fait déjà débat.",
			fact{text: "lundi", kind: news.KindDate, expr: "weekday:1"}),
	}
	if wd := time.Date(2031, 3, 10, 0, 0, 0, 0, time.UTC).Weekday(); wd != time.Monday {
		t.Fatalf("fixture broken: 2031-03-10 is a %s", wd)
	}
	res := checker().Compare(srcs, nil)
	c := find(t, res.Facts, news.KindDate, 0)
	if c.Status != news.Agreed || c.Articles != 3 || c.Date != "2031-03-10" {
		t.Errorf("date check = %+v, want agreed by 3 on 2031-03-10", c)
	}
	if !strings.Contains(c.Why, "lundi") {
		t.Errorf("why = %q, want the weekday anchoring explained", c.Why)
	}
	if len(res.Timeline) != 1 || res.Timeline[0].Date != "2031-03-10" {
		t.Errorf("timeline = %+v", res.Timeline)
	}
}

// A weekday in an undated article is not the weekday of a date the story
// recalls in full: "vendredi" is not 2029-11-30 (a Friday) when that is
// when the bridge was closed, years before.
func TestWeekdayNotAnchoredOnDateWithYear(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Fermé depuis le 30 novembre 2029, le pont rouvrira bientôt.",
			fact{text: "30 novembre 2029", kind: news.KindDate, date: "2029-11-30"}),
		article("b.txt", "Le ministre est attendu vendredi sur le pont.",
			fact{text: "vendredi", kind: news.KindDate, expr: "weekday:5"}),
	}
	if wd := time.Date(2029, 11, 30, 0, 0, 0, 0, time.UTC).Weekday(); wd != time.Friday {
		t.Fatalf("fixture broken: 2029-11-30 is a %s", wd)
	}
	for _, c := range checker().Compare(srcs, nil).Facts {
		if c.Articles > 1 {
			t.Errorf("check %+v anchors b.txt's vendredi on a date written with its year", c)
		}
	}
}

func TestWeekdayNotAnchoredWhenAmbiguous(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Réunion le 10 mars 2031 puis le 17 mars 2031.",
			fact{text: "10 mars 2031", kind: news.KindDate, date: "2031-03-10"},
			fact{text: "17 mars 2031", kind: news.KindDate, date: "2031-03-17"}),
		article("b.txt", "Ils se sont vus lundi.", fact{text: "lundi", kind: news.KindDate, expr: "weekday:1"}),
	}
	res := checker().Compare(srcs, nil)
	for _, c := range res.Facts {
		if c.Articles > 1 {
			t.Errorf("check %+v joins b.txt's lundi, want it left unresolved (two Mondays)", c)
		}
	}
}

func TestQuoteVariants(t *testing.T) {
	mk := func(name, text, quote, speaker string) crosscheck.Source {
		s := article(name, text)
		i := strings.Index(text, quote)
		s.Extraction.Quotes = []news.Quote{{Kind: news.QuoteDirect, Span: news.Span{Start: i, End: i + len(quote)}, Text: quote, Speaker: speaker}}
		return s
	}
	srcs := []crosscheck.Source{
		mk("a.txt", "« Nous ne vendrons jamais la ferme », a dit Jeanne Roc.", "Nous ne vendrons jamais la ferme", "Jeanne Roc"),
		mk("b.txt", "Roc a dit : « nous ne vendrons jamais la ferme ».", "nous ne vendrons jamais la ferme", "Roc"),
		mk("c.txt", "« Le maire ment », a dit Paul Sel.", "Le maire ment", "Paul Sel"),
	}
	canon := map[string]string{"Roc": "Jeanne Roc"}
	res := checker().Compare(srcs, canon)
	if len(res.Quotes) != 2 {
		t.Fatalf("got %d quote groups, want 2: %+v", len(res.Quotes), res.Quotes)
	}
	g := res.Quotes[0]
	if g.Speaker != "Jeanne Roc" || len(g.Variants) != 2 || g.Status != news.Agreed {
		t.Errorf("first group = %+v, want Jeanne Roc with 2 variants", g)
	}
}

func TestDateTimeAlignsWithDay(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Le vote a eu lieu le 10 mars 2031 à 14h30 en mairie.",
			fact{text: "10 mars 2031 à 14h30", kind: news.KindTime, date: "2031-03-10T14:30"}),
		article("b.txt", "Le vote du 10 mars 2031 divise la mairie.",
			fact{text: "10 mars 2031", kind: news.KindDate, date: "2031-03-10"}),
	}
	res := checker().Compare(srcs, nil)
	c := find(t, res.Facts, news.KindDate, 0)
	if c.Status != news.Agreed || c.Date != "2031-03-10" || c.Articles != 2 {
		t.Errorf("check = %+v, want both sources agreeing on 2031-03-10", c)
	}
}

func TestContextCentresOnTheFact(t *testing.T) {
	long := strings.Repeat("Le conseil a longuement débattu du projet de rénovation, ", 8) +
		"avant de voter 3 millions d'euros pour la piscine, " + strings.Repeat("sous les applaudissements du public présent, ", 6) + "hier."
	srcs := []crosscheck.Source{article("a.txt", long,
		fact{text: "3 millions d'euros", kind: news.KindMoney, amt: money(3e6, 1e6, "EUR", "")})}
	c := checker().Compare(srcs, nil).Facts[0]
	if !strings.Contains(c.Context, "3 millions d'euros") || !strings.HasPrefix(c.Context, "… ") || !strings.HasSuffix(c.Context, " …") {
		t.Errorf("Context = %q, want the fact's words with the cuts marked", c.Context)
	}
	if len(c.Context) > 260 {
		t.Errorf("Context is %d bytes long, want about 200", len(c.Context))
	}
}

func number(v float64) news.Amount { return news.Amount{Value: v, Precision: 1} }

func TestNumbersCountTheirNoun(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Le chantier du tram de Brume doit durer 3 ans, a annoncé la maire. La ligne comptera 18 stations.",
			fact{text: "3", kind: news.KindNumber, amt: number(3)}, fact{text: "18", kind: news.KindNumber, amt: number(18)}),
		article("b.txt", "Le chantier du tram de Brume doit durer 3 mois, a annoncé la maire. La ligne mesurera 18 kilomètres.",
			fact{text: "3", kind: news.KindNumber, amt: number(3)}, fact{text: "18", kind: news.KindNumber, amt: number(18)}),
	}
	for _, c := range checker().Compare(srcs, nil).Facts {
		if c.Status == news.Agreed {
			t.Errorf("%g agreed by %d sources, but they count different things (%v)", c.Value, c.Articles, c.Sources)
		}
	}
}

func TestDeniedFigureIsNoSupport(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Le pont de Brume coûtera 12,5 millions d'euros.",
			fact{text: "12,5 millions d'euros", kind: news.KindMoney, amt: money(12.5e6, 1e5, "EUR", "")}),
		article("b.txt", "Le pont de Brume coûtera finalement 15 millions d'euros et non 12,5 millions d'euros.",
			fact{text: "15 millions d'euros", kind: news.KindMoney, amt: money(15e6, 1e6, "EUR", "")},
			fact{text: "12,5 millions d'euros", kind: news.KindMoney, amt: money(12.5e6, 1e5, "EUR", "")}),
	}
	for _, c := range checker().Compare(srcs, nil).Facts {
		if c.Value == 12.5e6 && c.Status == news.Agreed {
			t.Errorf("12.5 million agreed by %v, but b.txt denies it", c.Sources)
		}
	}
}

func TestTitleAndBodyMakeOneConflict(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Incendie à l'usine de Brume : 42 blessés\n\nUn incendie a frappé l'usine chimique de Brume, faisant 42 blessés selon la préfecture.",
			fact{text: "42", kind: news.KindNumber, amt: number(42)}, fact{text: "42", kind: news.KindNumber, amt: number(42)}),
		article("b.txt", "Brume : l'incendie de l'usine a fait 24 blessés\n\nL'incendie de l'usine chimique de Brume a fait 24 blessés, selon la préfecture.",
			fact{text: "24", kind: news.KindNumber, amt: number(24)}, fact{text: "24", kind: news.KindNumber, amt: number(24)}),
	}
	var conflicts []news.Check
	for _, c := range checker().Compare(srcs, nil).Facts {
		if c.Status == news.Conflict {
			conflicts = append(conflicts, c)
		}
	}
	if len(conflicts) != 1 || len(conflicts[0].Sources) != 4 {
		t.Errorf("conflicts = %+v, want one holding the four mentions", conflicts)
	}
}

func TestOrderOfMagnitudeConflict(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Le préfet a précisé que les dégâts de l'incendie de Brume étaient estimés à 3 millions d'euros.",
			fact{text: "3 millions d'euros", kind: news.KindMoney, amt: money(3e6, 1e6, "EUR", "")}),
		article("b.txt", "Les dégâts de l'incendie de Brume sont estimés à 30 millions d'euros, a précisé le préfet.",
			fact{text: "30 millions d'euros", kind: news.KindMoney, amt: money(30e6, 1e7, "EUR", "")}),
	}
	res := checker().Compare(srcs, nil)
	if len(res.Facts) != 1 || res.Facts[0].Status != news.Conflict {
		t.Errorf("facts = %+v, want one conflict, 3 vs 30 million", res.Facts)
	}
}

func TestRoundSameDigitsInOtherCurrencyNeedSameSubject(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "L'incendie de l'usine de Brume, mardi, a causé 3 millions d'euros de dégâts, selon le préfet.",
			fact{text: "3 millions d'euros", kind: news.KindMoney, amt: money(3e6, 1e6, "EUR", "")}),
		article("b.txt", "Après l'incendie de l'usine de Brume, mardi, sa maison mère a annoncé un plan d'aide de 3 millions de dollars pour les salariés, selon le préfet.",
			fact{text: "3 millions de dollars", kind: news.KindMoney, amt: money(3e6, 1e6, "USD", "")}),
	}
	for _, c := range checker().Compare(srcs, nil).Facts {
		if c.Status == news.Conflict {
			t.Errorf("conflict %s between damage and an aid plan", c.Why)
		}
	}
}

func TestDatelinesAreNotFacts(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Publié le 12 mars 2031. Selon un sondage publié le 4 avril 2031, le tram de Brume plaît.",
			fact{text: "12 mars 2031", kind: news.KindDate, date: "2031-03-12"}, fact{text: "4 avril 2031", kind: news.KindDate, date: "2031-04-04"}),
		article("b.txt", "Publié le 13 mars 2031. Un sondage publié le 4 avril 2031 dit que le tram de Brume plaît.",
			fact{text: "13 mars 2031", kind: news.KindDate, date: "2031-03-13"}, fact{text: "4 avril 2031", kind: news.KindDate, date: "2031-04-04"}),
	}
	res := checker().Compare(srcs, nil)
	if len(res.Facts) != 1 || res.Facts[0].Date != "2031-04-04" || res.Facts[0].Status != news.Agreed {
		t.Errorf("facts = %+v, want only the poll's date, agreed", res.Facts)
	}
}

func TestOneOutletIsOneOrigin(t *testing.T) {
	a := article("a.txt", "La mairie de Brume investit 3 millions d'euros dans le tram.",
		fact{text: "3 millions d'euros", kind: news.KindMoney, amt: money(3e6, 1e6, "EUR", "")})
	b := article("b.txt", "Tram de Brume : la mairie y met 3 millions d'euros, confirme-t-elle.",
		fact{text: "3 millions d'euros", kind: news.KindMoney, amt: money(3e6, 1e6, "EUR", "")})
	a.Article.Source, b.Article.Source = "La Gazette de Brume", "la gazette de brume"
	c := find(t, checker().Compare([]crosscheck.Source{a, b}, nil).Facts, news.KindMoney, 3e6)
	if c.Articles != 2 || c.Independent != 1 {
		t.Errorf("check = %d articles, %d independent; want 2, 1 (one outlet)", c.Articles, c.Independent)
	}
}

func TestWeekdayAnchorStaysNearPublication(t *testing.T) {
	a := article("a.txt", "L'accord a été signé le 10 mars 2031 à Lyon.",
		fact{text: "10 mars 2031", kind: news.KindDate, date: "2031-03-10"})
	c := article("c.txt", "La grève décidée lundi fait déjà débat.",
		fact{text: "lundi", kind: news.KindDate, expr: "weekday:1"})
	c.Article.Published, _ = news.ParseDate("2031-05-02")
	for _, chk := range checker().Compare([]crosscheck.Source{a, c}, nil).Facts {
		if chk.Articles > 1 {
			t.Errorf("“lundi” of an article published 2031-05-02 anchored on %s: %s", chk.Date, chk.Why)
		}
	}
}

func TestQuoteGivenToTwoSpeakers(t *testing.T) {
	quoted := func(name, text, words, speaker string) crosscheck.Source {
		s := article(name, text)
		i := strings.Index(text, words)
		s.Extraction.Quotes = []news.Quote{{Kind: news.QuoteDirect, Span: news.Span{Start: i, End: i + len(words)}, Text: words, Speaker: speaker, SpeakerSpan: spanOf(text, speaker)}}
		return s
	}
	srcs := []crosscheck.Source{
		quoted("a.txt", "« Ce tram changera la vie de Brume », a déclaré le maire, Paul Girard.", "Ce tram changera la vie de Brume", "Paul Girard"),
		quoted("b.txt", "« Ce tram changera la vie de Brume », a affirmé l'opposante Sonia Renaud.", "Ce tram changera la vie de Brume", "Sonia Renaud"),
		quoted("c.txt", "« Nous voterons contre », a dit Sonia Renaud.", "Nous voterons contre", "Sonia Renaud"),
	}
	c := crosscheck.New(crosscheck.Rules{Amounts: toleranceRule, Dates: sameDay, QuoteSimilarity: func(a, b string) float64 {
		if a == b {
			return 1
		}
		return 0
	}, QuoteThreshold: 0.5})
	qs := c.Compare(srcs, nil).Quotes
	if len(qs) != 2 {
		t.Fatalf("quote groups = %+v, want 2", qs)
	}
	q := qs[0]
	if q.Status != news.Conflict || len(q.Variants) != 2 || !strings.Contains(q.Why, "Paul Girard") || !strings.Contains(q.Why, "Sonia Renaud") {
		t.Errorf("first group = %+v, want the tram quote in conflict between its two speakers", q)
	}
	if q.Variants[0].Speaker == q.Variants[1].Speaker {
		t.Errorf("variants' speakers = %q, %q; want each article's", q.Variants[0].Speaker, q.Variants[1].Speaker)
	}
	if qs[1].Status != news.Single {
		t.Errorf("second group status = %s, want single", qs[1].Status)
	}
}

// Fictional: the same words given to a person by one article and to a
// description ("le porte-parole") or a non-person by another are one
// quote, not a misattribution; a set phrase in quotation marks ("abus de
// confiance") that two people use is no misattribution either.
func TestQuoteSpeakersThatCannotDisagree(t *testing.T) {
	type q struct {
		name, text, words, speaker string
		kind                       news.QuoteKind
		mentions                   []news.Mention
	}
	mk := func(x q) crosscheck.Source {
		s := article(x.name, x.text)
		i := strings.Index(x.text, x.words)
		s.Extraction.Quotes = []news.Quote{{Kind: x.kind, Span: news.Span{Start: i, End: i + len(x.words)}, Text: x.words, Speaker: x.speaker, SpeakerSpan: spanOf(x.text, x.speaker)}}
		s.Extraction.Mentions = x.mentions
		return s
	}
	per := func(text, name string) news.Mention {
		return news.Mention{Text: text, Name: name, Type: news.PER}
	}
	tests := []struct {
		name         string
		a, b         q
		wantGroups   int
		wantSpeaker  string
		wantConflict bool
	}{
		{
			name:        "description and name",
			a:           q{"a.txt", "« Le tram roulera dès le mois de mai », a dit le porte-parole.", "Le tram roulera dès le mois de mai", "le porte-parole", news.QuoteDirect, nil},
			b:           q{"b.txt", "« Le tram roulera dès le mois de mai », a dit Paul Girard.", "Le tram roulera dès le mois de mai", "Paul Girard", news.QuoteDirect, nil},
			wantGroups:  1,
			wantSpeaker: "Paul Girard",
		},
		{
			name:        "place recognised as the speaker",
			a:           q{"a.txt", "Brume : « Le tram roulera dès le mois de mai », dit-on.", "Le tram roulera dès le mois de mai", "Brume", news.QuoteDirect, []news.Mention{{Text: "Brume", Name: "Brume", Type: news.LOC}}},
			b:           q{"b.txt", "« Le tram roulera dès le mois de mai », a dit Paul Girard.", "Le tram roulera dès le mois de mai", "Paul Girard", news.QuoteDirect, []news.Mention{per("Paul Girard", "Paul Girard")}},
			wantGroups:  1,
			wantSpeaker: "Paul Girard",
		},
		{
			name:       "set phrase used by two people",
			a:          q{"a.txt", "Paul Girard parle d'« abus de confiance ».", "abus de confiance", "Paul Girard", news.QuoteMixed, nil},
			b:          q{"b.txt", "Sonia Renaud parle d'« abus de confiance ».", "abus de confiance", "Sonia Renaud", news.QuoteMixed, nil},
			wantGroups: 2,
		},
		{
			name:        "two spellings of one person",
			a:           q{"a.txt", "« Le tram roulera dès le mois de mai », a dit M. Girard.", "Le tram roulera dès le mois de mai", "M. Girard", news.QuoteDirect, nil},
			b:           q{"b.txt", "« Le tram roulera dès le mois de mai », a dit Paul Girard.", "Le tram roulera dès le mois de mai", "Paul Girard", news.QuoteDirect, nil},
			wantGroups:  1,
			wantSpeaker: "Paul Girard",
		},
		{
			name:         "two people",
			a:            q{"a.txt", "« Le tram roulera dès le mois de mai », a dit Sonia Renaud.", "Le tram roulera dès le mois de mai", "Sonia Renaud", news.QuoteDirect, nil},
			b:            q{"b.txt", "« Le tram roulera dès le mois de mai », a dit Paul Girard.", "Le tram roulera dès le mois de mai", "Paul Girard", news.QuoteDirect, nil},
			wantGroups:   1,
			wantSpeaker:  "Sonia Renaud",
			wantConflict: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := checker().Compare([]crosscheck.Source{mk(tt.a), mk(tt.b)}, nil).Quotes
			if len(qs) != tt.wantGroups {
				t.Fatalf("got %d quote groups, want %d: %+v", len(qs), tt.wantGroups, qs)
			}
			for _, g := range qs {
				if got := g.Status == news.Conflict; got != tt.wantConflict {
					t.Errorf("group %+v: conflict = %v, want %v", g, got, tt.wantConflict)
				}
			}
			if tt.wantSpeaker != "" && qs[0].Speaker != tt.wantSpeaker {
				t.Errorf("speaker = %q, want %q", qs[0].Speaker, tt.wantSpeaker)
			}
		})
	}
}

// Fictional: the speaker read for one variant is the person the words
// speak of; that is no misattribution.
func TestQuoteAboutItsSpeakerIsNoConflict(t *testing.T) {
	mk := func(name, text, words, speaker string) crosscheck.Source {
		s := article(name, text)
		i := strings.Index(text, words)
		s.Extraction.Quotes = []news.Quote{{Kind: news.QuoteDirect, Span: news.Span{Start: i, End: i + len(words)}, Text: words, Speaker: speaker, SpeakerSpan: spanOf(text, speaker)}}
		return s
	}
	srcs := []crosscheck.Source{
		mk("a.txt", "« Nous espérons que Jeanne Roc changera enfin de position », a dit Paul Sel.", "Nous espérons que Jeanne Roc changera enfin de position", "Paul Sel"),
		mk("b.txt", "Jeanne Roc : « nous espérons que Jeanne Roc changera enfin de position ».", "nous espérons que Jeanne Roc changera enfin de position", "Jeanne Roc"),
	}
	for _, g := range checker().Compare(srcs, nil).Quotes {
		if g.Status == news.Conflict {
			t.Errorf("group %+v in conflict, want none: the words speak of Jeanne Roc", g)
		}
	}
}

// Fictional: when bare numbers differ, only those counting the same thing
// in articles that do not state both are in conflict.
func TestNumberConflicts(t *testing.T) {
	n := func(text string, v float64) fact {
		return fact{text: text, kind: news.KindNumber, amt: news.Amount{Value: v, Precision: 1}}
	}
	tests := []struct {
		name string
		srcs []crosscheck.Source
		want int
	}{
		{"same count, different values", []crosscheck.Source{
			article("a.txt", "Le bilan officiel de la tempête à Brume est de 13 morts.", n("13", 13)),
			article("b.txt", "Le bilan officiel de la tempête à Brume est de 19 morts.", n("19", 19)),
		}, 1},
		{"numbers that count nothing", []crosscheck.Source{
			article("a.txt", "Le match de Quillon à Brume, vendredi soir : 20.", n("20", 20)),
			article("b.txt", "Le match de Quillon à Brume, vendredi soir : 13.", n("13", 13)),
		}, 0},
		{"one conflict found twice", []crosscheck.Source{
			article("a.txt", "Le bilan officiel de la tempête à Brume est de 19 morts.", n("19", 19)),
			article("b.txt", "Le bilan officiel de la tempête à Brume est de 13 morts.", n("13", 13)),
			article("c.txt", "Selon les secouristes de Quillon, on compte 19 morts dans la nuit.", n("19", 19)),
			article("d.txt", "Selon les secouristes de Quillon, on compte 13 morts dans la nuit.", n("13", 13)),
		}, 1},
		{"parts of a named whole", []crosscheck.Source{
			article("a.txt", "La panne a touché Quillon et Brelan, two of Zorbia's largest providers.", n("two", 2)),
			article("b.txt", "La panne a touché Quillon, one of Zorbia's largest providers.", n("one", 1)),
		}, 0},
		{"an article states both values", []crosscheck.Source{
			article("a.txt", "Le bilan officiel de la tempête à Brume est de 13 morts. Les secouristes évoquent 19 morts.", n("13", 13), n("19", 19)),
			article("b.txt", "Le bilan officiel de la tempête à Brume est de 19 morts.", n("19", 19)),
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := 0
			for _, c := range checker().Compare(tt.srcs, nil).Facts {
				if c.Status == news.Conflict {
					got++
					if !strings.Contains(c.Why, "(mort)") {
						t.Errorf("why = %q, want what the numbers count", c.Why)
					}
				}
			}
			if got != tt.want {
				t.Errorf("got %d conflicts, want %d", got, tt.want)
			}
		})
	}
}

// Fictional: a line that holds only a date (and a time, a cue) dates the
// article; two articles published on different days do not disagree.
func TestDateAloneOnItsLineIsNoNews(t *testing.T) {
	d := func(text, date string) fact { return fact{text: text, kind: news.KindDate, date: date} }
	srcs := []crosscheck.Source{
		article("a.txt", "Le pont de Brume rouvre\nMonday, March 3, 2031, 9: 56 AM GMT\nLe pont de Brume a rouvert le 1er mars 2031 après des travaux.",
			d("March 3, 2031", "2031-03-03"), d("1er mars 2031", "2031-03-01")),
		article("b.txt", "Publié le mardi 4 mars 2031\nLe pont de Brume a rouvert le 1er mars 2031 après des travaux.",
			d("4 mars 2031", "2031-03-04"), d("1er mars 2031", "2031-03-01")),
	}
	res := crosscheck.New(crosscheck.Rules{Amounts: toleranceRule, Dates: sameDay, Dateline: datepkg.AloneOnLine}).Compare(srcs, nil)
	var dates []string
	for _, c := range res.Facts {
		if c.Status == news.Conflict {
			t.Errorf("conflict %+v, want none", c)
		}
		dates = append(dates, c.Date)
	}
	if diff := cmp.Diff([]string{"2031-03-01"}, dates); diff != "" {
		t.Errorf("dated facts (-want +got):\n%s", diff)
	}
}

// spanOf is the span of the last occurrence of s in text (zero if none):
// where a speaker's name was read.
func spanOf(text, s string) news.Span {
	i := strings.LastIndex(text, s)
	if i < 0 || s == "" {
		return news.Span{}
	}
	return news.Span{Start: i, End: i + len(s)}
}

// Fictional: a misattribution needs both names read beside the words,
// and neither name written near the other's variant.
func TestMisattributionNeedsNamedSpeakers(t *testing.T) {
	const words = "Le tram roulera dès le mois de mai"
	mk := func(name, text, speaker string, sp news.Span) crosscheck.Source {
		s := article(name, text)
		i := strings.Index(text, words)
		s.Extraction.Quotes = []news.Quote{{Kind: news.QuoteDirect, Span: news.Span{Start: i, End: i + len(words)}, Text: words, Speaker: speaker, SpeakerSpan: sp}}
		return s
	}
	a := "« Le tram roulera dès le mois de mai », a dit Sonia Renaud."
	tests := []struct {
		name string
		b    crosscheck.Source
		want bool
	}{
		{"named", mk("b.txt", "« Le tram roulera dès le mois de mai », a dit Paul Girard.", "Paul Girard",
			spanOf("« Le tram roulera dès le mois de mai », a dit Paul Girard.", "Paul Girard")), true},
		{"read from a pronoun", mk("b.txt", "Paul Girard était là. « Le tram roulera dès le mois de mai », a-t-il dit.", "Paul Girard",
			spanOf("Paul Girard était là. « Le tram roulera dès le mois de mai », a-t-il dit.", "il")), false},
		{"both named beside the words", mk("b.txt", "« Le tram roulera dès le mois de mai », ont dit Paul Girard et Sonia Renaud.", "Paul Girard",
			spanOf("« Le tram roulera dès le mois de mai », ont dit Paul Girard et Sonia Renaud.", "Paul Girard")), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcs := []crosscheck.Source{mk("a.txt", a, "Sonia Renaud", spanOf(a, "Sonia Renaud")), tt.b}
			got := false
			for _, g := range checker().Compare(srcs, nil).Quotes {
				got = got || g.Status == news.Conflict
			}
			if got != tt.want {
				t.Errorf("conflict = %v, want %v", got, tt.want)
			}
		})
	}
}

// Fictional: two articles agreeing on a speaker, one of which names the
// other speaker elsewhere, do not hide a third that gives the words to
// that other speaker.
func TestMisattributionAgainstAMajority(t *testing.T) {
	const words = "Le tram roulera dès le mois de mai"
	mk := func(name, text, speaker string) crosscheck.Source {
		s := article(name, text)
		i := strings.Index(text, words)
		s.Extraction.Quotes = []news.Quote{{Kind: news.QuoteDirect, Span: news.Span{Start: i, End: i + len(words)}, Text: words, Speaker: speaker, SpeakerSpan: spanOf(text, speaker)}}
		return s
	}
	renaud := "« Le tram roulera dès le mois de mai », a dit Sonia Renaud."
	renaudAndGirard := "« Le tram roulera dès le mois de mai », a dit Sonia Renaud. Le préfet, Paul Girard, a salué le projet."
	girard := "« Le tram roulera dès le mois de mai », a dit Paul Girard."
	tests := []struct {
		name string
		srcs []crosscheck.Source
		want bool
	}{
		{"one against one", []crosscheck.Source{mk("a.txt", renaud, "Sonia Renaud"), mk("c.txt", girard, "Paul Girard")}, true},
		{"two against one", []crosscheck.Source{mk("a.txt", renaud, "Sonia Renaud"), mk("b.txt", renaudAndGirard, "Sonia Renaud"), mk("c.txt", girard, "Paul Girard")}, true},
		{"only where both are named", []crosscheck.Source{mk("b.txt", renaudAndGirard, "Sonia Renaud"), mk("c.txt", girard, "Paul Girard")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, g := range checker().Compare(tt.srcs, nil).Quotes {
				got = got || g.Status == news.Conflict
			}
			if got != tt.want {
				t.Errorf("conflict = %v, want %v", got, tt.want)
			}
		})
	}
}

// Fictional: a weekday written by several articles is explained once.
func TestAnchoredWeekdayExplainedOnce(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Signé le 10 mars, l'accord entre en vigueur.",
			fact{text: "10 mars", kind: news.KindDate, date: "2031-03-10", expr: "md:03-10"}),
		article("b.txt", "L'accord signé lundi fait débat.", fact{text: "lundi", kind: news.KindDate, expr: "weekday:1"}),
		article("c.txt", "L'accord signé Lundi fait débat.", fact{text: "Lundi", kind: news.KindDate, expr: "weekday:1"}),
	}
	c := find(t, checker().Compare(srcs, nil).Facts, news.KindDate, 0)
	if n := strings.Count(strings.ToLower(c.Why), "lundi"); c.Articles != 3 || n != 1 {
		t.Errorf("check %+v: lundi explained %d times, want once, by 3 articles", c, n)
	}
}

// Fictional: a weekday another article resolved against its own date is
// a day of the news week too; with a second such Saturday in the story,
// an undated "samedi" stays unresolved.
func TestWeekdayAmbiguousWithResolvedWeekday(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Le combat de samedi a tenu ses promesses.",
			fact{text: "samedi", kind: news.KindDate, date: "2031-03-08", expr: "weekday:6"}),
		article("b.txt", "La revanche aura lieu le 12 avril.",
			fact{text: "12 avril", kind: news.KindDate, date: "2031-04-12", expr: "md:04-12"}),
		article("c.txt", "Samedi soir, le champion a gagné.", fact{text: "Samedi", kind: news.KindDate, expr: "weekday:6"}),
	}
	for _, d := range []string{"2031-03-08", "2031-04-12"} {
		if wd, _ := news.ParseDate(d); wd.Time.Weekday() != time.Saturday {
			t.Fatalf("fixture broken: %s is a %s", d, wd.Time.Weekday())
		}
	}
	for _, c := range checker().Compare(srcs, nil).Facts {
		if c.Articles > 1 {
			t.Errorf("check %+v anchors c.txt's Samedi, want it left unresolved (two Saturdays)", c)
		}
	}
}

// Fictional: two days that only relative words gave ("samedi", read
// against each article's date) do not make a conflict; written-out days
// do.
func TestDateConflictNeedsWrittenDays(t *testing.T) {
	tests := []struct {
		name string
		a, b fact
		want bool
	}{
		{"relative", fact{text: "samedi", kind: news.KindDate, date: "2031-03-08", expr: "weekday:6"},
			fact{text: "samedi", kind: news.KindDate, date: "2031-03-15", expr: "weekday:6"}, false},
		{"written", fact{text: "8 mars 2031", kind: news.KindDate, date: "2031-03-08"},
			fact{text: "15 mars 2031", kind: news.KindDate, date: "2031-03-15"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcs := []crosscheck.Source{
				article("a.txt", "L'audience du tribunal de Brume a eu lieu "+tt.a.text+" devant la presse.", tt.a),
				article("b.txt", "L'audience du tribunal de Brume a eu lieu "+tt.b.text+" devant la presse.", tt.b),
			}
			got := false
			for _, c := range checker().Compare(srcs, nil).Facts {
				got = got || c.Status == news.Conflict
			}
			if got != tt.want {
				t.Errorf("conflict = %v, want %v", got, tt.want)
			}
		})
	}
}

// Fictional: blog posting bylines ("… posted in <section> on <date>.",
// « Par …, mis à jour le <date> ») date the posts, not the news; without
// the dateline rule the two posts' days would conflict.
func TestPostingBylinesAreNoNews(t *testing.T) {
	d := func(text, date string) fact { return fact{text: text, kind: news.KindDate, date: date} }
	srcs := []crosscheck.Source{
		article("a.txt", "Brume bridge reopens\nOn behalf of Example & Partners, LLP. posted in Bridge Accidents on Friday, March 7, 2031.\nThe Brume bridge reopened on March 1, 2031 after works.",
			d("March 7, 2031", "2031-03-07"), d("March 1, 2031", "2031-03-01")),
		article("b.txt", "Brume bridge reopens\nOn behalf of Sample Law Group, LLP. posted in Bridge Accidents on Monday, March 10, 2031.\nThe Brume bridge reopened on March 1, 2031 after works.",
			d("March 10, 2031", "2031-03-10"), d("March 1, 2031", "2031-03-01")),
	}
	conflicts := func(rules crosscheck.Rules) int {
		n := 0
		for _, c := range crosscheck.New(rules).Compare(srcs, nil).Facts {
			if c.Status == news.Conflict {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name     string
		dateline func(string, int, int) bool
		want     int
	}{
		{"with-dateline-rule", datepkg.AloneOnLine, 0},
		{"without-dateline-rule", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := conflicts(crosscheck.Rules{Amounts: toleranceRule, Dates: sameDay, Dateline: tt.dateline}); got != tt.want {
				t.Errorf("got %d conflicts, want %d", got, tt.want)
			}
		})
	}
}

// BenchmarkRepeatedFigures measures a hostile article: thousands of figures
// in one sentence, the same few values in the same words. Context reading
// and group comparisons must stay linear in the figures.
func BenchmarkRepeatedFigures(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			text := strings.Repeat("1 2 3 millions ", n)
			var facts []fact
			for range n {
				facts = append(facts,
					fact{text: "1", kind: news.KindNumber, amt: news.Amount{Value: 1, Qualifier: news.QualExact}},
					fact{text: "2", kind: news.KindNumber, amt: news.Amount{Value: 2, Qualifier: news.QualExact}},
					fact{text: "3 millions", kind: news.KindNumber, amt: news.Amount{Value: 3e6, Qualifier: news.QualExact}})
			}
			srcs := []crosscheck.Source{article("a.txt", text, facts...), article("b.txt", text, facts...)}
			c := checker()
			for b.Loop() {
				c.Compare(srcs, nil)
			}
		})
	}
}

// Fictional: an amount converted in parentheses into the outlet's own
// dollar is no second figure that contradicts the other sources.
func TestConversionIsNoConflict(t *testing.T) {
	usd := news.Amount{Value: 1e6, Currency: "USD", Qualifier: news.QualExact, Precision: 1e6}
	srcs := []crosscheck.Source{
		article("a.txt", "Brelan gave the church $US1 million ($1.52 million) last year.",
			fact{text: "$US1 million", kind: news.KindMoney, amt: usd},
			fact{text: "$1.52 million", kind: news.KindMoney, amt: news.Amount{Value: 1.52e6, Currency: "USD", Qualifier: news.QualExact, Precision: 1e4}}),
		article("b.txt", "Brelan gave the church $1 million last year.", fact{text: "$1 million", kind: news.KindMoney, amt: usd}),
	}
	for _, f := range checker().Compare(srcs, nil).Facts {
		if f.Status == news.Conflict || f.Value == 1.52e6 {
			t.Errorf("fact %v %s (%s): the parenthesis only converts the first amount", f.Value, f.Status, f.Why)
		}
	}
}

// Fictional: a weekday anchored by another article's weekday names that
// article's date, not the same word again ("Monday per Monday morning").
func TestWeekdayAnchorNamesItsDate(t *testing.T) {
	srcs := []crosscheck.Source{
		article("a.txt", "Le combat de lundi matin a tenu ses promesses.",
			fact{text: "lundi matin", kind: news.KindDate, date: "2031-03-10", expr: "weekday:1"}),
		article("b.txt", "Lundi, le champion a gagné.", fact{text: "Lundi", kind: news.KindDate, expr: "weekday:1"}),
	}
	srcs[0].Article.Published, _ = news.ParseDate("2031-03-11")
	c := find(t, checker().Compare(srcs, nil).Facts, news.KindDate, 0)
	if !strings.Contains(c.Why, "published 2031-03-11") || strings.Contains(c.Why, "per lundi matin") {
		t.Errorf("why = %q, want the anchor's publication date named", c.Why)
	}
}
