package entity

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"elision", "L’Élysée d'Ornavie", []string{"L’", "Élysée", "d'", "Ornavie"}},
		{"inner apostrophe", "aujourd'hui", []string{"aujourd'hui"}},
		{"possessive", "Valtenne’s plan", []string{"Valtenne", "’", "s", "plan"}},
		{"hyphen and acronym", "Saint-Brévin, U.S.A.", []string{"Saint-Brévin", ",", "U.S.A", "."}},
		{"punctuation runs", "Quoi ?! ... « Non »", []string{"Quoi", "?", "!", "...", "«", "Non", "»"}},
		{"sentence dot", "fin.Le début", []string{"fin", ".", "Le", "début"}},
		{"invalid utf8", "a\xffb", []string{"a", "\xff", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range tokenize(tt.in) {
				if tt.in[tk.start:tk.end] != tk.text {
					t.Errorf("token %q: span [%d,%d) holds %q", tk.text, tk.start, tk.end, tt.in[tk.start:tk.end])
				}
				got = append(got, tk.text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tokenize(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	toks := tokenize("M. Durand est venu. Il pleut ! Titre\nSuite J. Marlo part.")
	var got []string
	for _, s := range sentences(toks) {
		got = append(got, toks[s].text)
	}
	want := []string{"M", "Il", "Titre", "Suite"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentence starts (-want +got):\n%s", diff)
	}
}

// fictionalArticle is invented for this test: the people, firms and the
// town do not exist.
const fictionalArticle = `Le groupe Valtrenix rachète Brindora pour 3 milliards

Pendant la réunion de lundi à Lyon, Mme Solène Garradet, PDG de Valtrenix, a présenté l’offre. Cette annonce surprend les analystes. Mais Garradet reste confiante : « Brindora est une belle entreprise », a déclaré Garradet devant la presse.`

func TestExtractFictional(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Name: "fictional", Text: fictionalArticle}
	ms := r.Extract(a)
	checkMentions(t, a.Text, ms)
	byText := map[string]news.Mention{}
	for _, m := range ms {
		byText[m.Text] = m
	}
	for _, bad := range []string{"Pendant", "Cette", "Mais", "Le"} {
		if m, ok := byText[bad]; ok {
			t.Errorf("sentence-initial common word %q tagged as %s", bad, m.Type)
		}
	}
	for _, want := range []struct {
		text string
		typ  news.EntityType
		name string
	}{
		{"Solène Garradet", news.PER, "Solène Garradet"},
		{"Garradet", news.PER, "Solène Garradet"},
		{"Lyon", news.LOC, "Lyon"},
	} {
		m, ok := byText[want.text]
		if !ok {
			t.Errorf("%q not found; mentions: %+v", want.text, ms)
			continue
		}
		if m.Type != want.typ || m.Name != want.name {
			t.Errorf("%q: got %s %q, want %s %q", want.text, m.Type, m.Name, want.typ, want.name)
		}
	}
}

// checkMentions asserts the API contract: spans inside the text, Text equal
// to the spanned bytes, sorted, not overlapping, known types.
func checkMentions(t *testing.T, text string, ms []news.Mention) {
	t.Helper()
	for i, m := range ms {
		if !m.Span.In(len(text)) || m.Span.Len() == 0 {
			t.Fatalf("mention %d: span %+v outside text of %d bytes", i, m.Span, len(text))
		}
		if text[m.Span.Start:m.Span.End] != m.Text {
			t.Errorf("mention %d: Text %q, text[span] %q", i, m.Text, text[m.Span.Start:m.Span.End])
		}
		if i > 0 && ms[i-1].Span.End > m.Span.Start {
			t.Errorf("mentions %d and %d overlap or are out of order: %+v %+v", i-1, i, ms[i-1].Span, m.Span)
		}
		if !slices.Contains([]news.EntityType{news.PER, news.ORG, news.LOC, news.MISC}, m.Type) || m.Name == "" {
			t.Errorf("mention %d: type %q name %q", i, m.Type, m.Name)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add(fictionalArticle)
	f.Add("")
	f.Add("\xff\xfe« »")
	f.Add("L’ d’ qu’ M. . . A.B.C. x" + strings.Repeat("Ab", 300))
	f.Add(strings.Repeat("Dupont et Durand, ", 50))
	r, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text}
		ms := r.Extract(a)
		checkMentions(t, text, ms)
		if again := r.Extract(a); !cmp.Equal(ms, again) {
			t.Errorf("Extract is not deterministic:\n%v\n%v", ms, again)
		}
	})
}

// TestExtractGiantInput runs the shapes that could make a pass quadratic:
// one giant token, a very long sentence of distinct capitalised words, and
// many person names sharing words. The test's own time limit is the check.
func TestExtractGiantInput(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var distinct, shared strings.Builder
	for i := range 3000 {
		distinct.WriteString("Zorv")
		distinct.WriteString(strings.Repeat(string(rune('a'+i%26)), 1+i%7))
		distinct.WriteString(string(rune('a' + i/26%26)))
		distinct.WriteByte(' ')
		shared.WriteString("Jean Marlo, Jean Marlov et Jean ont dit. ")
	}
	for name, text := range map[string]string{
		"giant token":    strings.Repeat("Ab", 1<<16),
		"giant sentence": distinct.String(),
		"shared words":   shared.String(),
		"giant invalid":  strings.Repeat("\xff", 1<<16),
	} {
		t.Run(name, func(t *testing.T) {
			ms := r.Extract(&news.Article{Text: text})
			checkMentions(t, text, ms)
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	dir := shareddata.TestPath(b, "seeds", "articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no seed articles in %s", dir)
	}
	var arts []*news.Article
	ntok := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if !utf8.Valid(t) {
			b.Fatalf("%s: not UTF-8", f)
		}
		arts = append(arts, &news.Article{Text: string(t)})
		ntok += len(tokenize(string(t)))
	}
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	for b.Loop() {
		for _, a := range arts {
			r.Extract(a)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(ntok)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

func BenchmarkLoad(b *testing.B) {
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := NewFromModel(embeddedModel); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

func TestExtractConcurrent(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Text: fictionalArticle}
	want := r.Extract(a)
	errs := make(chan string, 4)
	for range 4 {
		go func() {
			got := r.Extract(a)
			if !cmp.Equal(want, got) {
				errs <- cmp.Diff(want, got)
				return
			}
			errs <- ""
		}()
	}
	for range 4 {
		if d := <-errs; d != "" {
			t.Errorf("concurrent Extract differs (-want +got):\n%s", d)
		}
	}
}

func TestBrandShape(t *testing.T) {
	tests := []struct {
		w           string
		brand, lacr bool
	}{
		{"xAI", true, true},
		{"iPhone", true, false},
		{"OpenAI", true, false},
		{"SoftBank", false, false},
		{"TerreNeuve", false, false},
		{"LochrisL", false, false},
		{"xylophone", true, false}, // not CamelCase: camelCase rejects it first
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			if got := brandShape(tt.w); got != tt.brand {
				t.Errorf("brandShape(%q) = %v, want %v", tt.w, got, tt.brand)
			}
			if got := lowerAcronym(tt.w); got != tt.lacr {
				t.Errorf("lowerAcronym(%q) = %v, want %v", tt.w, got, tt.lacr)
			}
		})
	}
}

func TestHeadedName(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, sent string
		at         int // token index of the head
		want       string
		typ        int
	}{
		{"adjective", "Il a quitté le Parti socialiste hier .", 4, "Parti socialiste", 3},
		{"de and name", "Elle dirige la Banque de France depuis 2020 .", 3, "Banque de France", 3},
		{"de la and name", "Le maire siège depuis longtemps au Conseil de la Métropole sans rien dire .", 6, "Conseil de la Métropole", 3},
		{"lower-case head", "Elle enseigne à l' université de Brenou .", 4, "université de Brenou", 3},
		{"event", "Il a vu la Coupe du Monde .", 4, "Coupe du Monde", 4},
		{"lower-case head without a name", "Elle enseigne à l' université depuis 2020 .", 4, "", 0},
		{"sentence start", "Banque de France : la note .", 0, "", 0},
		{"not a head", "Il a vu la Maison de Brenou .", 4, "", 0},
		{"common-noun complement", "Il joue dans la Ligue nationale de hockey depuis 2019 .", 4, "Ligue nationale de hockey", 3},
		{"two complements and a conjunction", "Le Comité international des poids et mesures de Brenou siège .", 1, "Comité international des poids et mesures de Brenou", 3},
		{"edition year", "Elle a gagné aux Jeux olympiques d' été de 2004 à Brenou .", 4, "Jeux olympiques d' été de 2004", 4},
		{"lower-case head and its name", "Elle étudie à l' université Brenou depuis 2019 .", 4, "université Brenou", 3},
		{"capitalised head and its name", "Il a gagné la Coupe Valtrenne en 2019 .", 4, "Coupe Valtrenne", 4},
		{"et de", "Il entre à l' Académie royale de peinture et de sculpture en 1700 .", 4, "Académie royale de peinture et de sculpture", 3},
		{"club and town", "Il dirige le Racing Club de Brenou depuis 2019 .", 3, "Racing Club de Brenou", 3},
		{"no person complement", "Il a rejoint le Parti radical de Jean Valtrenne hier .", 4, "Parti radical", 3},
		{"no verb after et", "Il joue dans la Ligue nationale de hockey et est connu .", 4, "Ligue nationale de hockey", 3},
		{"no verb complement", "Il félicite la Chambre d' avoir voté .", 3, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.sent)
			in := make([]tokInfo, len(words))
			r.analyze(words, in, nil)
			for k := range in {
				in[k].alt = 1
			}
			e, typ := headedName(words, in, tt.at)
			got := ""
			if typ != 0 {
				got = strings.Join(words[tt.at:e], " ")
			}
			if got != tt.want || typ != tt.typ {
				t.Errorf("headedName(%q, %d) = %q type %d, want %q type %d", tt.sent, tt.at, got, typ, tt.want, tt.typ)
			}
		})
	}
}

func TestNoisy(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       bool
	}{
		{"clean", fictionalArticle, false},
		// Clean text full of inflected forms the dictionaries list only as
		// lemmas (invented for this test).
		{"clean verb forms", "Les habitants demandent depuis longtemps une route . Les élus veulent agir , mais la région attendait leur décision et les travaux étaient prévus pour 2020 . Elle devient ainsi la première commune française qui obtient cette aide .", false},
		{"clean English", "The carmaker Valtrenix said on Monday that it had agreed to buy its smaller rival Brindora . Analysts expected the deal to face questions from regulators in several countries . Shares of both companies jumped sharply in early trading as investors welcomed the news .", false},
		// OCR-like debris, invented for this test.
		{"ocr", "Le conseil munioipal s' est rénni hier soir sous la présidenoe de M. Durand . Les oonseillers ont vofé le budgel de la oommune , malgré l' opposifion des habitanls du quarfier .", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sents [][]string
			var infos [][]tokInfo
			for _, s := range strings.Split(tt.text, " . ") {
				words := strings.Fields(s)
				in := make([]tokInfo, len(words))
				r.analyze(words, in, nil)
				sents, infos = append(sents, words), append(infos, in)
			}
			if got := r.noisy(sents, infos, nil); got != tt.want {
				t.Errorf("noisy = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestTagsAreBIO checks that decoding never yields I-X after O or after
// another type, on the fictional article and on odd inputs.
func TestTagsAreBIO(t *testing.T) {
	r2, err := NewFromModel(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	r2.noPost = true
	for _, text := range []string{fictionalArticle, "de de de Le La Les", "« Brindora » ( Lyon ) , Valtrenix SA"} {
		toks := tokenize(text)
		var words []string
		for _, tk := range toks {
			words = append(words, tk.text)
		}
		for _, tags := range r2.TagDocument([][]string{words}) {
			prev := "O"
			for k, tg := range tags {
				if strings.HasPrefix(tg, "I-") && (prev == "O" || prev[2:] != tg[2:]) {
					t.Errorf("%q: tag %d %s after %s", text, k, tg, prev)
				}
				prev = tg
			}
		}
	}
}

func TestNoWeekdaysOrLowerCaseRuns(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	// Fictional sentences.
	a := &news.Article{Language: "en", Text: "On Monday, Councilwoman Dana Whitfield said the town of Brookfield would vote on Friday. A consortium led by Tom Vantrell offered $4 billion on Monday, February 10, 2031."}
	for _, m := range r.Extract(a) {
		if m.Text == "Monday" || m.Text == "Friday" || m.Text == "February" {
			t.Errorf("weekday or month %q tagged %s", m.Text, m.Type)
		}
	}
	b := &news.Article{Language: "fr", Text: "Avec son offre ironique de « racheter Valbrune », Iris Vannier a répondu à la mairie."}
	for _, m := range r.Extract(b) {
		if strings.HasPrefix(m.Text, "racheter") {
			t.Errorf("mention %q (%s) opens with a lower-case verb", m.Text, m.Type)
		}
	}
}

func TestStreetNames(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	// Fictional sentences.
	for _, tc := range []struct{ text, want string }{
		{"Le cambrioleur a été arrêté au 79, avenue de la République, à Valbrune.", "avenue de la République"},
		{"Le cortège partira du boulevard Jean-Jaurès, à Valbrune, samedi.", "boulevard Jean-Jaurès"},
	} {
		a := &news.Article{Language: "fr", Text: tc.text}
		var got []string
		for _, m := range r.Extract(a) {
			got = append(got, string(m.Type)+":"+m.Text)
		}
		if !slices.Contains(got, "LOC:"+tc.want) {
			t.Errorf("%q: mentions %v, want LOC %q", tc.text, got, tc.want)
		}
	}
}
