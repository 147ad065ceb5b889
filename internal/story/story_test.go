package story

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/story/streamgen"
	"github.com/recoupe/recoupe/news"
)

// The articles below are FICTIONAL, written for these tests: the companies,
// people and places do not exist.

var day0 = time.Date(2031, 3, 10, 9, 0, 0, 0, time.UTC)

func art(id, lang, title, text string, at time.Time) *news.Article {
	a := &news.Article{ID: id, Language: lang, Title: title, Text: text}
	if !at.IsZero() {
		a.Published = news.Date{Time: at, Granularity: news.GranMinute}
	}
	return a
}

// fictional returns a small stream: two articles on a takeover (French and
// English), a follow-up the next day, an unrelated flood, an unrelated
// election, and background articles so that document frequencies mean
// something.
func fictional() map[string]*news.Article {
	return map[string]*news.Article{
		"takeover-fr": art("a1a1a1a1a1a1a1a1", "fr", "Veltrano rachète Quillon pour 3,2 milliards d'euros",
			"Le groupe industriel Veltrano a annoncé lundi le rachat de la start-up Quillon pour 3,2 milliards d'euros. "+
				"Marta Ezquerro, la patronne de Veltrano, promet de garder les 800 salariés de Quillon à Brevanne. "+
				"Les syndicats de Quillon s'inquiètent pourtant de l'avenir du site de Brevanne.", day0),
		"takeover-en": art("b2b2b2b2b2b2b2b2", "en", "Veltrano to buy Quillon for 3.2 billion euros",
			"Industrial group Veltrano said on Monday it would buy the start-up Quillon for 3.2 billion euros. "+
				"Veltrano chief executive Marta Ezquerro pledged to keep the 800 Quillon employees in Brevanne. "+
				"Unions at Quillon worry about the future of the Brevanne plant.", day0.Add(3*time.Hour)),
		"takeover-next": art("c3c3c3c3c3c3c3c3", "fr", "Quillon : les salariés de Brevanne reçus par Marta Ezquerro",
			"Au lendemain de l'annonce du rachat de Quillon par Veltrano pour 3,2 milliards d'euros, Marta Ezquerro "+
				"a reçu les représentants des salariés de Brevanne. Le rachat de Quillon doit être bouclé en juin.", day0.Add(26*time.Hour)),
		"flood": art("d4d4d4d4d4d4d4d4", "fr", "Crue record de la Sorvelle à Pontarin",
			"La Sorvelle a débordé dans la nuit à Pontarin, où 1 200 habitants ont été évacués. "+
				"Le maire de Pontarin, Gilles Fauvard, a demandé l'état de catastrophe naturelle. "+
				"Les pompiers de Pontarin restent mobilisés face à la crue de la Sorvelle.", day0.Add(5*time.Hour)),
		"election": art("e5e5e5e5e5e5e5e5", "en", "Ostravia votes in snap election",
			"Voters in Ostravia went to the polls on Sunday in a snap election called by prime minister Ilka Varenne. "+
				"Turnout in Ostravia reached 61 percent by noon, the electoral commission said. "+
				"Ilka Varenne hopes to win a majority in the Ostravia parliament.", day0.Add(7*time.Hour)),
		"bg1": art("f6f6f6f6f6f6f6f6", "fr", "Le festival de Lunel s'ouvre",
			"Le festival de musique de Lunel ouvre ses portes ce week-end avec quarante concerts gratuits dans le parc.", day0.Add(-48*time.Hour)),
		"bg2": art("a7a7a7a7a7a7a7a7", "en", "Rail strike ends in Caldera",
			"Rail workers in Caldera ended a week-long strike after the operator agreed to raise wages by 4 percent.", day0.Add(-30*time.Hour)),
		"bg3": art("b8b8b8b8b8b8b8b8", "fr", "Nouvelle ligne de tramway à Vessac",
			"La ville de Vessac inaugure sa deuxième ligne de tramway, longue de 9 kilomètres, après trois ans de travaux.", day0.Add(-20*time.Hour)),
	}
}

// feed assigns the named articles in order to a new Clusterer.
func feed(t *testing.T, c *Clusterer, arts map[string]*news.Article, names ...string) map[string]news.Assignment {
	t.Helper()
	out := map[string]news.Assignment{}
	for _, n := range names {
		a, ok := arts[n]
		if !ok {
			t.Fatalf("no fictional article %q", n)
		}
		out[n] = c.Assign(NewDoc(a, nil))
	}
	return out
}

var background = []string{"bg1", "bg2", "bg3"}

func TestAssignJoinAndOpen(t *testing.T) {
	arts := fictional()
	c := New(Options{})
	got := feed(t, c, arts, append(background, "takeover-fr", "flood", "takeover-en", "election", "takeover-next")...)

	tests := []struct {
		name     string
		a, b     string
		wantSame bool
	}{
		{"cross-lingual join", "takeover-fr", "takeover-en", true},
		{"next-day follow-up joins", "takeover-fr", "takeover-next", true},
		{"flood is its own story", "takeover-fr", "flood", false},
		{"election is its own story", "takeover-en", "election", false},
		{"flood and election differ", "flood", "election", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if same := got[tt.a].StoryID == got[tt.b].StoryID; same != tt.wantSame {
				t.Errorf("same story(%s, %s) = %v, want %v (assignments %+v, %+v)", tt.a, tt.b, same, tt.wantSame, got[tt.a], got[tt.b])
			}
		})
	}
	for _, n := range []string{"takeover-en", "takeover-next"} {
		a := got[n]
		if a.New || len(a.Shared) == 0 || a.Score < a.Threshold {
			t.Errorf("%s: assignment %+v, want a join with Score ≥ Threshold and Shared evidence", n, a)
		}
	}
	if a := got["flood"]; !a.New || a.Score >= a.Threshold {
		t.Errorf("flood: assignment %+v, want a new story below threshold", a)
	}
	// The cross-lingual join must rest on language-independent evidence.
	var crossLingual bool
	for _, s := range got["takeover-en"].Shared {
		if strings.HasPrefix(s, "entity:") || strings.HasPrefix(s, "number:") {
			crossLingual = true
		}
	}
	if !crossLingual {
		t.Errorf("takeover-en Shared = %q, want an entity or number among them", got["takeover-en"].Shared)
	}
}

func TestStoryID(t *testing.T) {
	arts := fictional()
	c := New(Options{})
	a := feed(t, c, arts, "flood")["flood"]
	if want := "s" + arts["flood"].ID[:12]; a.StoryID != want || !a.New {
		t.Errorf("Assign(flood) = %+v, want a new story %q", a, want)
	}
	again := c.Assign(NewDoc(arts["flood"], nil))
	if again.StoryID != a.StoryID || again.New || c.Len() != 1 {
		t.Errorf("second Assign(flood) = %+v with %d stories, want the same story and no new one", again, c.Len())
	}
	if got := newStoryID("rpm2-042f2bd7e3", nil); len(got) != 13 || got[0] != 's' {
		t.Errorf("newStoryID(non-hex) = %q, want s + 12 characters", got)
	}
	if got, want := newStoryID("abcdef0123456789", map[string]int32{"sabcdef012345": 0}), "sabcdef012345-2"; got != want {
		t.Errorf("newStoryID(taken) = %q, want %q", got, want)
	}
}

func TestTimeDecay(t *testing.T) {
	tests := []struct {
		name     string
		gap      time.Duration
		wantSame bool
	}{
		{"same day", 4 * time.Hour, true},
		{"two days later", 48 * time.Hour, true},
		{"a month later", 30 * 24 * time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := fictional()
			later := *arts["takeover-next"]
			later.ID = "0909090909090909"
			later.Published.Time = arts["takeover-fr"].Published.Time.Add(tt.gap)
			arts["later"] = &later
			got := feed(t, New(Options{}), arts, append(background, "takeover-fr", "later")...)
			if same := got["later"].StoryID == got["takeover-fr"].StoryID; same != tt.wantSame {
				t.Errorf("gap %v: same story = %v, want %v (%+v)", tt.gap, same, tt.wantSame, got["later"])
			}
		})
	}
	// Undated articles get no decay.
	arts := fictional()
	for _, a := range arts {
		a.Published = news.Date{}
	}
	later := *arts["takeover-next"]
	later.ID = "0909090909090909"
	arts["later"] = &later
	got := feed(t, New(Options{}), arts, append(background, "takeover-fr", "later")...)
	if got["later"].StoryID != got["takeover-fr"].StoryID {
		t.Errorf("undated follow-up: %+v, want it in %s", got["later"], got["takeover-fr"].StoryID)
	}
}

func TestDuplicateJoinsOriginal(t *testing.T) {
	arts := fictional()
	// A "duplicate" flagged by ingest joins its original's story whatever
	// its text, and says so.
	dup := *arts["election"]
	dup.ID = "1212121212121212"
	dup.DuplicateOf = arts["flood"].ID
	arts["dup"] = &dup
	got := feed(t, New(Options{}), arts, append(background, "flood", "dup")...)
	if got["dup"].StoryID != got["flood"].StoryID || got["dup"].New {
		t.Errorf("duplicate: %+v, want it in the flood story %s", got["dup"], got["flood"].StoryID)
	}
	if len(got["dup"].Shared) == 0 || got["dup"].Shared[0] != "duplicate-of:"+arts["flood"].ID {
		t.Errorf("duplicate Shared = %q, want duplicate-of:%s first", got["dup"].Shared, arts["flood"].ID)
	}
	// Published well after its original's story went quiet, the same text
	// is a recurring item (another alert, another market report): it is
	// clustered normally, and the decay keeps it out.
	for _, tc := range []struct {
		name  string
		after time.Duration
		join  bool
	}{
		{"a day later", 24 * time.Hour, true},
		{"six weeks later", 42 * 24 * time.Hour, false},
	} {
		flood := *arts["flood"]
		flood.Published = news.Date{Time: day0, Granularity: news.GranDay}
		later := *arts["flood"]
		later.ID = "1313131313131313"
		later.DuplicateOf = flood.ID
		later.Published = news.Date{Time: day0.Add(tc.after), Granularity: news.GranDay}
		dated := fictional()
		dated["flood"], dated["later"] = &flood, &later
		got := feed(t, New(Options{}), dated, append(background, "flood", "later")...)
		if joined := got["later"].StoryID == got["flood"].StoryID; joined != tc.join {
			t.Errorf("a near-duplicate %s: %+v, joined its original's story %v, want %v", tc.name, got["later"], joined, tc.join)
		}
	}
	// An unknown original: the article is clustered normally.
	dup.DuplicateOf = "ffffffffffffffff"
	got = feed(t, New(Options{}), arts, append(background, "flood", "dup")...)
	if got["dup"].StoryID == got["flood"].StoryID {
		t.Errorf("duplicate of an unknown article joined the flood story: %+v", got["dup"])
	}
}

// snapshot is the state a Clusterer's decisions depend on.
type snapshot struct {
	Stories  []story
	ByID     map[string]int32
	Articles map[uint64]int32
	Vocab    map[string]uint32
	DF       []uint32
	Postings [][]int32
	NDocs    int
	Newest   int64
}

func snap(c *Clusterer) snapshot {
	return snapshot{c.stories, c.byID, c.articles, c.vocab, c.df, c.postings, c.ndocs, c.newest}
}

var cmpState = cmp.AllowUnexported(story{}, entry{})

func TestRestoreEqualsAssign(t *testing.T) {
	arts := fictional()
	order := append(background, "takeover-fr", "flood", "takeover-en", "election", "takeover-next")
	c := New(Options{})
	var as []news.Assignment
	for _, n := range order {
		as = append(as, c.Assign(NewDoc(arts[n], nil)))
	}
	r := New(Options{})
	for i, n := range order {
		r.Restore(NewDoc(arts[n], nil), as[i])
	}
	if diff := cmp.Diff(snap(c), snap(r), cmpState); diff != "" {
		t.Errorf("state after Restore differs from state after Assign (-assign +restore):\n%s", diff)
	}
	// Both clusterers decide alike on the next article.
	next := *arts["takeover-next"]
	next.ID = "3434343434343434"
	if a, b := c.Assign(NewDoc(&next, nil)), r.Assign(NewDoc(&next, nil)); !cmp.Equal(a, b) {
		t.Errorf("next decision after Assign = %+v, after Restore = %+v", a, b)
	}
}

func TestRestoreManualMove(t *testing.T) {
	arts := fictional()
	c := New(Options{})
	got := feed(t, c, arts, append(background, "takeover-fr", "flood", "takeover-en")...)
	// A person moves takeover-en into the flood story, then splits it out.
	d := NewDoc(arts["takeover-en"], nil)
	c.Restore(d, news.Assignment{ArticleID: d.ID, StoryID: got["flood"].StoryID, Manual: true})
	if s, _ := c.StoryOf(d.ID); s != got["flood"].StoryID {
		t.Fatalf("after manual move, StoryOf = %q, want %q", s, got["flood"].StoryID)
	}
	ndocs := c.ndocs
	c.Restore(d, news.Assignment{ArticleID: d.ID, StoryID: "s-manual-split", Manual: true})
	if s, _ := c.StoryOf(d.ID); s != "s-manual-split" {
		t.Errorf("after manual split, StoryOf = %q, want s-manual-split", s)
	}
	if c.ndocs != ndocs {
		t.Errorf("a move counted the article again: %d docs, want %d", c.ndocs, ndocs)
	}
	fi := c.byID[got["flood"].StoryID]
	if n := c.stories[fi].n; n != 1 {
		t.Errorf("flood story has %d articles after the move out, want 1", n)
	}
}

func TestNewDoc(t *testing.T) {
	a := art("0101010101010101", "fr", "Le groupe Veltrano rachète Quillon",
		"Le groupe Veltrano (Brevanne) rachète Quillon pour 3,2 milliards d'euros, soit 15 % de plus qu'en 2029. "+
			"Selon Marta Ezquerro, 1 200 emplois sont concernés.", time.Time{})
	d := NewDoc(a, nil)
	has := func(fs []Feature, k string) bool {
		for _, f := range fs {
			if f.Key == k {
				return true
			}
		}
		return false
	}
	for _, k := range []string{"marta ezquerro", "ezquerro", "veltrano", "brevanne", "quillon"} {
		if !has(d.Entities, k) {
			t.Errorf("Entities lack %q: %v", k, d.Entities)
		}
	}
	for _, k := range []string{"le groupe", "selon", "le"} {
		if has(d.Entities, k) {
			t.Errorf("Entities hold %q: %v", k, d.Entities)
		}
	}
	for _, k := range []string{"3.2e+09 EUR", "15 %", "year 2029", "1.2e+03"} {
		if !has(d.Numbers, k) {
			t.Errorf("Numbers lack %q: %v", k, d.Numbers)
		}
	}
	for _, k := range []string{"rachet", "veltrano", "emplois"} {
		if !has(d.Terms, k) && !has(d.Terms, stem("fr", k)) {
			t.Errorf("Terms lack %q: %v", k, d.Terms)
		}
	}
	if has(d.Terms, "le") || has(d.Terms, "pour") {
		t.Errorf("Terms hold stop words: %v", d.Terms)
	}
	if !d.EntityProxy || !d.NumberProxy {
		t.Errorf("proxies = %v, %v, want both true without an extraction", d.EntityProxy, d.NumberProxy)
	}

	// With an extraction, its mentions and facts join the proxies' keys;
	// a key both find counts once, with the larger count.
	proxy := d
	x := &news.Extraction{
		Mentions: []news.Mention{{Name: "Marta Ezquerro", Type: news.PER}, {Name: "Aurelio Brenn", Type: news.PER}},
		Facts: []news.Fact{{Kind: news.KindMoney, Amount: &news.Amount{Value: 3.2e9, Currency: "EUR"}},
			{Kind: news.KindDate, When: &news.When{Date: news.Date{Time: day0, Granularity: news.GranDay}}}},
	}
	d = NewDoc(a, x)
	union := func(base []Feature, extra map[string]int) []Feature {
		m := map[string]int{}
		for _, f := range base {
			m[f.Key] = f.Count
		}
		for k, n := range extra {
			m[k] = max(m[k], n)
		}
		return features(m)
	}
	// The text is one line, all lead: each mention counts twice.
	wantEnts := union(proxy.Entities, map[string]int{"marta ezquerro": 2, "marta": 2, "ezquerro": 2, "aurelio brenn": 2, "aurelio": 2, "brenn": 2})
	if diff := cmp.Diff(wantEnts, d.Entities); diff != "" {
		t.Errorf("Entities from mentions and proxy (-want +got):\n%s", diff)
	}
	wantNums := union(proxy.Numbers, map[string]int{"3.2e+09 EUR": 1, "date 03-10": 1})
	if diff := cmp.Diff(wantNums, d.Numbers); diff != "" {
		t.Errorf("Numbers from facts and text (-want +got):\n%s", diff)
	}
	if d.EntityProxy || d.NumberProxy {
		t.Errorf("proxies = %v, %v, want both false with mentions and facts", d.EntityProxy, d.NumberProxy)
	}
}

func TestFactKey(t *testing.T) {
	when := func(g news.Granularity) news.Fact {
		return news.Fact{Kind: news.KindDate, When: &news.When{Date: news.Date{Time: day0, Granularity: g}}}
	}
	amount := func(k news.Kind, v float64, cur string) news.Fact {
		return news.Fact{Kind: k, Amount: &news.Amount{Value: v, Currency: cur}}
	}
	tests := []struct {
		name string
		f    news.Fact
		want string
	}{
		{"year", when(news.GranYear), "year 2031"},
		{"month", when(news.GranMonth), "date 2031-03"},
		{"day", when(news.GranDay), "date 03-10"},
		{"minute", when(news.GranMinute), "date 03-10"},
		{"unresolved", when(news.GranNone), ""},
		{"money", amount(news.KindMoney, 97.4e9, "USD"), "9.7e+10 USD"},
		{"percent", amount(news.KindPercent, 12.5, ""), "12 %"},
		{"small number", amount(news.KindNumber, 3, ""), ""},
		{"number", amount(news.KindNumber, 15400, ""), "1.5e+04"},
		{"neither", news.Fact{Kind: news.KindDate}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := factKey(tt.f); got != tt.want {
				t.Errorf("factKey(%s) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		raw, lang string
		want      float64
	}{
		{"3,2", "fr", 3.2},
		{"15.000", "fr", 15000},
		{"15 000", "fr", 15000},
		{"1,200", "en", 1200},
		{"3.2", "en", 3.2},
		{"1.234.567", "en", 1234567},
		{"1,234.5", "en", 1234.5},
		{"1.234,5", "fr", 1234.5},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.raw, func(t *testing.T) {
			got, ok := parseNumber(tt.raw, tt.lang)
			if !ok || got != tt.want {
				t.Errorf("parseNumber(%q, %q) = %v, %v, want %v", tt.raw, tt.lang, got, ok, tt.want)
			}
		})
	}
}

func TestTitleCasedLineIsNotEntities(t *testing.T) {
	d := NewDoc(art("0202020202020202", "en", "", "Former Trustee Nominated To Lead Agency\nThe agency said Ilka Varenne would lead it.", time.Time{}), nil)
	for _, f := range d.Entities {
		if f.Key == "former" || f.Key == "trustee" || f.Key == "agency" {
			t.Errorf("entity %q read from a title-cased line: %v", f.Key, d.Entities)
		}
	}
	if len(d.Entities) == 0 {
		t.Errorf("no entity read from %q", "Ilka Varenne")
	}
}

func FuzzNewDoc(f *testing.F) {
	for _, a := range fictional() {
		f.Add(a.Title, a.Text, a.Language)
	}
	f.Add("", "1.2.3,4,5 000 000\u00a0000 $ € 12 %", "en")
	f.Add("É", "\xff\xfe A-B C'D 3,2 milliards de dollars", "fr")
	f.Fuzz(func(t *testing.T, title, text, lang string) {
		a := &news.Article{ID: "f", Title: title, Text: text, Language: lang}
		d1, d2 := NewDoc(a, nil), NewDoc(a, nil)
		if !cmp.Equal(d1, d2) {
			t.Fatalf("NewDoc not deterministic:\n%v", cmp.Diff(d1, d2))
		}
		// With an extraction: any name, any granularity, any value.
		x := &news.Extraction{
			Mentions: []news.Mention{{Name: title, Type: news.PER}},
			Facts: []news.Fact{
				{Kind: news.KindDate, When: &news.When{Date: news.Date{Time: day0, Granularity: news.Granularity(len(text) % 6)}}},
				{Kind: news.KindMoney, Amount: &news.Amount{Value: float64(len(text)) * 1e6, Currency: lang}},
			},
		}
		if dx1, dx2 := NewDoc(a, x), NewDoc(a, x); !cmp.Equal(dx1, dx2) {
			t.Fatalf("NewDoc with extraction not deterministic:\n%v", cmp.Diff(dx1, dx2))
		}
		for _, fs := range [][]Feature{d1.Terms, d1.Entities, d1.Numbers} {
			for i, x := range fs {
				if x.Count <= 0 || x.Key == "" || (i > 0 && fs[i-1].Key >= x.Key) {
					t.Fatalf("bad features %v", fs)
				}
			}
		}
		c := New(Options{})
		c.Assign(d1)
		if c.Len() != 1 {
			t.Fatalf("Len() = %d after one Assign, want 1", c.Len())
		}
	})
}

func BenchmarkNewDoc(b *testing.B) {
	a := fictional()["takeover-fr"]
	for b.Loop() {
		NewDoc(a, nil)
	}
}

// BenchmarkNewDocExtraction is NewDoc as the engine calls it, with an
// extraction whose mentions and facts join the text proxies.
func BenchmarkNewDocExtraction(b *testing.B) {
	a := fictional()["takeover-fr"]
	x := &news.Extraction{
		Mentions: []news.Mention{{Name: "Marta Ezquerro", Type: news.PER}, {Name: "Veltrano", Type: news.ORG}, {Name: "Quillon", Type: news.ORG}},
		Facts: []news.Fact{{Kind: news.KindMoney, Amount: &news.Amount{Value: 3.2e9, Currency: "EUR"}},
			{Kind: news.KindDate, When: &news.When{Date: news.Date{Time: day0, Granularity: news.GranDay}}}},
	}
	for b.Loop() {
		NewDoc(a, x)
	}
}

func ExampleClusterer_Assign() {
	c := New(Options{})
	for _, n := range []string{"bg1", "bg2", "bg3", "takeover-fr", "takeover-en"} {
		a := c.Assign(NewDoc(fictional()[n], nil))
		fmt.Println(n, a.StoryID, a.New)
	}
	// Output:
	// bg1 sf6f6f6f6f6f6 true
	// bg2 sa7a7a7a7a7a7 true
	// bg3 sb8b8b8b8b8b8 true
	// takeover-fr sa1a1a1a1a1a1 true
	// takeover-en sa1a1a1a1a1a1 false
}

// BenchmarkAssign feeds a generated stream (from the fictional articles)
// to one Clusterer: ns/op is the cost of NewDoc and Assign per article as
// the clusterer grows to b.N articles. cmd/eval-stories -scale does the
// same on real texts up to a million articles.
func BenchmarkAssign(b *testing.B) {
	var src []streamgen.Source
	for n, a := range fictional() {
		src = append(src, streamgen.Source{Event: n, Language: a.Language, Title: a.Title, Text: a.Text})
	}
	slices.SortFunc(src, func(x, y streamgen.Source) int { return strings.Compare(x.Event, y.Event) })
	for _, bc := range []struct {
		name  string
		merge float64
	}{{"merging", 0}, {"no merging", -1}} {
		b.Run(bc.name, func(b *testing.B) {
			g, err := streamgen.New(src, 1, day0)
			if err != nil {
				b.Fatal(err)
			}
			c := New(Options{MergeFactor: bc.merge})
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				a, _ := g.Next()
				b.StartTimer()
				c.Assign(NewDoc(&a, nil))
			}
		})
	}
}

// TestVocabularyBounded feeds a long dated stream of unrelated articles,
// each naming someone new: the keys of stories past the decay horizon are
// forgotten and their IDs reused, so the vocabulary stays bounded.
func TestVocabularyBounded(t *testing.T) {
	defer func(n int) { retireEvery = n }(retireEvery)
	retireEvery = 512
	c := New(Options{})
	const n = 640
	for i := range n {
		w := func(j int) string {
			return fmt.Sprintf("%c%c%c%c", 'a'+(i+j)%26, 'a'+(i/26+j)%26, 'a'+(i/676+j)%26, 'a'+j)
		}
		text := fmt.Sprintf("Zor%s Vel%s quimbo%s talvaro%s.", w(1), w(2), w(3), w(4))
		a := art(fmt.Sprintf("%016x", i+1), "fr", "", text, day0.Add(time.Duration(i)*6*time.Hour))
		c.Assign(NewDoc(a, nil))
	}
	// Each article brings seven new keys: 640 articles would leave 4,480
	// without pruning; the prune at the 512th forgets nearly all keys of
	// the stories before, and their IDs are reused.
	t.Logf("%d keys in the vocabulary, %d slots, %d free", len(c.vocab), len(c.keys), len(c.free))
	if got := len(c.vocab); got > 1500 {
		t.Errorf("vocabulary holds %d keys after %d articles, want it bounded (< 1500)", got, n)
	}
	if got := len(c.keys); got > 4000 {
		t.Errorf("%d key slots after %d articles, want pruned IDs reused (< 4000)", got, n)
	}
	if got, free := len(c.keys), len(c.free); got-free != len(c.vocab) {
		t.Errorf("%d key slots, %d free, %d in the vocabulary: want slots = free + used", got, free, len(c.vocab))
	}
}
