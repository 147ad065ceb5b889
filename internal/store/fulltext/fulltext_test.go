package fulltext_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/store/fulltext"
)

func TestTerms(t *testing.T) {
	for _, tc := range []struct {
		name, lang, text string
		want             []string
	}{
		{"french stems and accents", "fr", "L'Économie achète des rachats", []string{"l", "econom", "achet", "de", "rachat"}},
		{"english stems", "en", "Buying economies", []string{"buy", "economi"}},
		{"unstemmed language folds", "de", "Straße Œuvre", []string{"strasse", "oeuvre"}},
		{"digits and decimals", "fr", "97,4 milliards", []string{"97", "4", "milliard"}},
		{"combining accent", "fr", "Cafe\u0301", []string{"caf"}},
		{"no words", "fr", " —«»… ", []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := fulltext.Terms(tc.lang, tc.text)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Terms(%q, %q) (-want +got):\n%s", tc.lang, tc.text, diff)
			}
		})
	}
}

func TestQueryMatches(t *testing.T) {
	doc := map[string]int{}
	for _, w := range fulltext.Terms("fr", "La société achète son concurrent : un rachat qui change l'économie.") {
		doc[w]++
	}
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"acheter", true}, {"rachats", true}, {"economie", true}, {"ÉCONOMIES", true},
		{"l'économie rachat", true}, {"économie météo", false}, {"", false}, {"d'", false},
	} {
		t.Run(tc.q, func(t *testing.T) {
			if _, got := fulltext.ParseQuery(tc.q).Match(doc); got != tc.want {
				t.Errorf("ParseQuery(%q).Match = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

func TestQuerySyntaxIsQuoted(t *testing.T) {
	q := fulltext.ParseQuery(`a"b OR c' NOT (d) -e*`)
	for _, s := range []string{q.FTS5(), q.TSQuery()} {
		if strings.ContainsAny(s, "*-") {
			t.Errorf("query %q keeps operator characters", s)
		}
	}
	if got, want := len(q), 2; got != want { // "or", "not": one-letter words are dropped
		t.Errorf("ParseQuery kept %d words (%v), want %d", got, q, want)
	}
}

func TestSnippet(t *testing.T) {
	text := strings.Repeat("mot ", 40) + "le rachat\n\nde Beta " + strings.Repeat("fin ", 40)
	got := fulltext.Snippet("fr", text, fulltext.ParseQuery("rachats"))
	if !strings.Contains(got, "le rachat de Beta") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("Snippet = %q, want the words around \"rachat\", cut on both sides", got)
	}
	if n := len(strings.Fields(got)); n > 2*fulltext.SnippetWords+1 {
		t.Errorf("Snippet has %d words, want at most %d", n, 2*fulltext.SnippetWords+1)
	}
}

func TestDocumentLimit(t *testing.T) {
	long := strings.Repeat("économie ", fulltext.MaxDocument/4)
	doc := fulltext.Document("fr", "Titre", long+strings.Repeat("x", 500))
	if len(doc) > fulltext.MaxDocument {
		t.Errorf("Document is %d bytes, want at most %d", len(doc), fulltext.MaxDocument)
	}
	if !strings.HasPrefix(doc, "titr econom") || slices.Contains(strings.Fields(doc), strings.Repeat("x", 500)) {
		t.Errorf("Document = %.40q…, want the title's then the text's terms, no overlong term", doc)
	}
}
