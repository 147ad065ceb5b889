package quote_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/extract/quote"
	"github.com/recoupe/recoupe/news"
)

// want is one expected quote: its words and speaker.
type want struct {
	Text, Speaker string
	Kind          news.QuoteKind
}

// The texts below are fictional, written for these tests.
var extractTests = []struct {
	name string
	text string
	want []want
}{
	{
		name: "guillemets with no-break spaces and inverted cue",
		text: "Le maire de Valbrune, Hugo Sarrat, a visité l'usine lundi. « Nous ne fermerons pas ce site », a-t-il assuré devant les salariés.",
		want: []want{{"Nous ne fermerons pas ce site", "Hugo Sarrat", news.QuoteDirect}},
	},
	{
		name: "an auxiliary does not end a description",
		text: "Le maire de Valbrune a souhaité que le nouveau plan « ne prévoie plus la fermeture de la gare ».",
		want: []want{{"ne prévoie plus la fermeture de la gare", "Le maire de Valbrune", news.QuoteMixed}},
	},
	{
		name: "a term complementing a noun is not a quote",
		text: "Iris Vannier a répondu sur le réseau. Avec son offre ironique de « racheter la coopérative », a rappelé qu'elle dirigeait seule la maison.",
		want: nil,
	},
	{
		name: "guillemets without inner spaces, verb then name",
		text: "«Le budget est tenu», explique Camille Ferrand, directrice financière du groupe.",
		want: []want{{"Le budget est tenu", "Camille Ferrand", news.QuoteDirect}},
	},
	{
		name: "narrow no-break spaces",
		text: "Pour Lina Okafor, ingénieure, «\u202fla digue tiendra\u202f».",
		want: []want{{"la digue tiendra", "Lina Okafor", news.QuoteMixed}},
	},
	{
		name: "curly quotes in English, he said",
		text: "Mark Delaney ran the bakery for twenty years.\n\n“We never missed a morning,” he said.",
		want: []want{{"We never missed a morning", "Mark Delaney", news.QuoteDirect}},
	},
	{
		name: "ASCII quotes, said Name",
		text: "\"The bridge will reopen in May,\" said Priya Raman, the city engineer.",
		want: []want{{"The bridge will reopen in May", "Priya Raman", news.QuoteDirect}},
	},
	{
		name: "nested quotes stay in the outer one",
		text: "« Ils appellent ça “une pause”, moi j'appelle ça un abandon », tranche Odile Marchand.",
		want: []want{{"Ils appellent ça “une pause”, moi j'appelle ça un abandon", "Odile Marchand", news.QuoteDirect}},
	},
	{
		name: "incise inside the marks",
		text: "Samia Benali enseigne depuis dix ans. « Le lycée manque de tout, affirme-t-elle. Même les chaises sont cassées. »",
		want: []want{{"Le lycée manque de tout, affirme-t-elle. Même les chaises sont cassées.", "Samia Benali", news.QuoteDirect}},
	},
	{
		name: "unclosed quote ends with its paragraph",
		text: "Théo Vasseur a répondu sur son blog : « Je ne céderai rien, ni aujourd'hui ni demain.\nLa suite de l'affaire se jouera au tribunal.",
		want: []want{{"Je ne céderai rien, ni aujourd'hui ni demain.", "Théo Vasseur", news.QuoteDirect}},
	},
	{
		name: "unclosed quote cut before its closing incise",
		text: "Rémi Castel, lui, persiste. « Le projet est viable et nous le prouverons., a-t-il déclaré par l'intermédiaire de son avocat.\nAucune date n'est fixée.",
		want: []want{{"Le projet est viable et nous le prouverons.", "Rémi Castel", news.QuoteDirect}},
	},
	{
		name: "wrong closing mark",
		text: "Nadia Ferhat a répliqué : « Revenez quand vous aurez lu le dossier« . Le ton est monté.",
		want: []want{{"Revenez quand vous aurez lu le dossier", "Nadia Ferhat", news.QuoteDirect}},
	},
	{
		name: "block quote with an attribution line",
		text: "Le patron de Norvik n'a pas tardé à réagir. Sur son réseau social, il a écrit :\nMerci, mais nous ne sommes pas à vendre.\n– Jonas Lind, PDG de Norvik",
		want: []want{{"Merci, mais nous ne sommes pas à vendre.", "Jonas Lind", news.QuoteBlock}},
	},
	{
		name: "embedded post",
		text: "La ministre a réagi en ligne.\nLes écoles rouvriront jeudi. https://t.co/abc123 — Claire Dumas (@clairedumas) March 3, 2021\nLes syndicats sont sceptiques.",
		want: []want{{"Les écoles rouvriront jeudi.", "Claire Dumas", news.QuotePost}},
	},
	{
		name: "selon X with a colon",
		text: "Le sucre serait en cause, selon le diététicien Paul Arnaud : « le pancréas s'épuise. »",
		want: []want{{"le pancréas s'épuise.", "Paul Arnaud", news.QuoteDirect}},
	},
	{
		name: "pour X and a role resolved to the named person",
		text: "La géologue Inès Caradec a mesuré la faille. Pour la géologue, « le risque sismique est sous-estimé dans toute la vallée ».",
		want: []want{{"le risque sismique est sous-estimé dans toute la vallée", "Inès Caradec", news.QuoteMixed}},
	},
	{
		name: "colon introduction without a verb",
		text: "Sur le calendrier, Yann Le Goff est plus prudent : « rien ne sera prêt avant l'été, et peut-être même pas à la rentrée. »",
		want: []want{{"rien ne sera prêt avant l'été, et peut-être même pas à la rentrée.", "Yann Le Goff", news.QuoteDirect}},
	},
	{
		name: "floating quote after the speaker's own quote",
		text: "« Nous avons doublé nos ventes », se félicite Aurore Bastide.\nLa concurrence, elle, recule.\n« Le marché est à nous pour cinq ans au moins, sans aucun doute possible. »",
		want: []want{
			{"Nous avons doublé nos ventes", "Aurore Bastide", news.QuoteDirect},
			{"Le marché est à nous pour cinq ans au moins, sans aucun doute possible.", "Aurore Bastide", news.QuoteDirect},
		},
	},
	{
		name: "pronoun goes to the last named person",
		text: "Le juge Marc Olivier a rendu sa décision. Il a estimé : « La procédure a été respectée de bout en bout. »",
		want: []want{{"La procédure a été respectée de bout en bout.", "Marc Olivier", news.QuoteDirect}},
	},
	{
		name: "organisation as speaker",
		text: "« Aucun lot contaminé n'a été vendu », assure l'OFSA dans un communiqué.",
		want: []want{{"Aucun lot contaminé n'a été vendu", "OFSA", news.QuoteDirect}},
	},
	{
		name: "anonymous source kept as a description",
		text: "« Il ne tiendra pas jusqu'à Noël », confie un proche du ministre.",
		want: []want{{"Il ne tiendra pas jusqu'à Noël", "un proche du ministre", news.QuoteDirect}},
	},
	{
		name: "one-word reply after a speech cue",
		text: "Interrogé sur l'offre de Bruno Tessier, Karim Haddad a répondu d'un mot : « Ridicule ».",
		want: []want{{"Ridicule", "Karim Haddad", news.QuoteDirect}},
	},
	{
		name: "one-word insult after traitant",
		text: "Le conflit entre Lou Marin et Eva Stern s'envenime. Cette dernière a répliqué en traitant Lou Marin d'« amateur ».",
		want: []want{{"amateur", "Eva Stern", news.QuoteMixed}},
	},
	{
		name: "terms, titles and expressions are not quotes",
		text: "Le quartier, surnommé le « petit Manhattan », accueille un atelier intitulé « Réparer son vélo ». Les habitants parlent d'un « effet boule de neige ».",
		want: nil,
	},
	{
		name: "headline of a related link is not a quote",
		text: "Un texte d'Alma Perrin sur le port.\nÀ lire aussi\nAlma Perrin sans filtre : « Je ne regrette rien »",
		want: nil,
	},
	{
		name: "English according to",
		text: "Demand is falling, according to Dana Whitfield: “Nobody is buying new cars this spring, not even the fleets.”",
		want: []want{{"Nobody is buying new cars this spring, not even the fleets.", "Dana Whitfield", news.QuoteDirect}},
	},
	{
		name: "English mixed quote with its reported clause",
		text: "Governor Ellen Park said the budget was “balanced beyond doubt” after the vote.",
		want: []want{{"balanced beyond doubt", "Ellen Park", news.QuoteMixed}},
	},
	{
		name: "English quotation signed on the next line",
		text: "The council met on Friday.\n“We will rebuild the library before winter.”\n- Mayor Ruth Gallo.",
		want: []want{{"We will rebuild the library before winter.", "Ruth Gallo", news.QuoteDirect}},
	},
	{
		name: "English statement introduced the paragraph before",
		text: "The company released the following statement:\n“We regret the delay and will refund every customer within a week.”",
		want: []want{{"We regret the delay and will refund every customer within a week.", "The company", news.QuoteDirect}},
	},
	{
		name: "English single curly quotes",
		text: "Tom Reyes told the board: ‘We cannot wait another year for the new pumps.’",
		want: []want{{"We cannot wait another year for the new pumps.", "Tom Reyes", news.QuoteDirect}},
	},
	{
		name: "pronoun after a paragraph introducing a new person",
		text: "\"The ferry will run all winter,\" Harbour master Ines Calloway said on Monday.\n\nCouncillor Bruno Haldane, who opposed the budget, was sceptical. \"We have heard that before,\" he said.",
		want: []want{{"The ferry will run all winter", "Ines Calloway", news.QuoteDirect}, {"We have heard that before", "Bruno Haldane", news.QuoteDirect}},
	},
	{
		name: "French inverted pronoun after a paragraph naming a new person",
		text: "« Le port restera ouvert », a assuré Lucie Varenne.\n\nSelon l'adjoint aux finances, Gaspard Delorme, la ville économisera deux millions. « Nous avons fait nos comptes », a-t-il ajouté.",
		want: []want{{"Le port restera ouvert", "Lucie Varenne", news.QuoteDirect}, {"Nous avons fait nos comptes", "Gaspard Delorme", news.QuoteDirect}},
	},
	{
		name: "he skips a woman quoted just before",
		text: "\"We will appeal,\" said Karen Whitlow, the union's lawyer. Across the hall sat Daniel Ortega-Price and Paula Simms. \"Nothing changes for now,\" he said.",
		want: []want{{"We will appeal", "Karen Whitlow", news.QuoteDirect}, {"Nothing changes for now", "Daniel Ortega-Price", news.QuoteDirect}},
	},
	{
		name: "elle goes to the woman named by her title",
		text: "Mme Garance Thuillier et M. Octave Brun ont visité le chantier. « Les délais seront tenus », a-t-elle assuré.",
		want: []want{{"Les délais seront tenus", "Garance Thuillier", news.QuoteDirect}},
	},
	{
		name: "Pour a role then the apposed name",
		text: "Pour la présidente de l'association des riverains, Odile Farge, « ce parking est une erreur ».",
		want: []want{{"ce parking est une erreur", "Odile Farge", news.QuoteMixed}},
	},
	{
		name: "inverted subject after de son côté",
		text: "Le projet divise la commune. « Nous irons au tribunal », prévient de son côté le conseiller Armand Quilliet.",
		want: []want{{"Nous irons au tribunal", "Armand Quilliet", news.QuoteDirect}},
	},
	{
		name: "participle after a When clause goes to the main clause's subject",
		text: "Victor Almeida left the club in March.\n\nWhen Delphine Roux asked if he could name the buyers, he declined, saying \"I'm not ready to talk about that.\"",
		want: []want{{"I'm not ready to talk about that.", "Victor Almeida", news.QuoteDirect}},
	},
	{
		name: "legal charges are not quotes",
		text: "Ferris Dunmore, 41, was charged with \"aggravated assault\" on Monday. Le gérant, Hervé Lantier, a été mis en examen pour « abus de biens sociaux et recel ».",
		want: nil,
	},
	{
		name: "generic on is nobody",
		text: "Bastien Colle a quitté la mairie. Que penser de cette « affaire du siècle », peut-on lire dans la presse locale ?",
		want: []want{{"affaire du siècle", "", news.QuoteMixed}},
	},
	{
		name: "a description stops before an adverb",
		text: "One tabloid praised the singer -- while a rival paper simply reported that \"the tour will go on as planned\".",
		want: []want{{"the tour will go on as planned", "a rival paper", news.QuoteMixed}},
	},
	{
		name: "a name with a particle after a place and a title",
		text: "Port Arlen Mayor Jules de Varenne indicated this week that emergency shelters \"might be needed before the winter\".\n\n\"We have done it before,\" he said.",
		want: []want{{"might be needed before the winter", "Jules de Varenne", news.QuoteMixed}, {"We have done it before", "Jules de Varenne", news.QuoteDirect}},
	},
	{
		name: "a sentence-initial participle is no speaker",
		text: "Speaking to reporters after the hearing, the attorney was blunt. Speaking said \"the case is closed and we will not appeal\".",
		want: []want{{"the case is closed and we will not appeal", "", news.QuoteMixed}},
	},
	{
		name: "a sentence-initial adverb is no speaker",
		text: "Officially, the club said nothing. Officially told the press \"nothing has been decided about the coach\".",
		want: []want{{"nothing has been decided about the coach", "", news.QuoteMixed}},
	},
	{
		name: "a possessive is trimmed from a speaker",
		text: "Norland’s envoy left. Norland’s said \"we will not sign this treaty under any pressure\".",
		want: []want{{"we will not sign this treaty under any pressure", "Norland", news.QuoteMixed}},
	},
	{
		name: "gender read from the pronouns after a name",
		text: "Ngozi Adeyemi founded the clinic in 2009, and she still runs it. Its board chair, Obiora Chukwu, praised his staff. \"We were never paid on time,\" she said.",
		want: []want{{"We were never paid on time", "Ngozi Adeyemi", news.QuoteDirect}},
	},
	{
		name: "a title inside a company's name is dropped",
		text: "Orbix Chief Executive Tamsin Vale opened the plant. \"We will hire four hundred people,\" she said.",
		want: []want{{"We will hire four hundred people", "Tamsin Vale", news.QuoteDirect}},
	},
	{
		name: "a role apposed with a place inside resolves a definite description",
		text: "Le cœur se soigne aussi à table, rappelle Maëlle Tournier, cardiologue à l'hôpital Saint-Aubin de Rennes. Le sel reste l'ennemi, et « trois grammes par jour suffisent largement », précise la cardiologue.",
		want: []want{{"trois grammes par jour suffisent largement", "Maëlle Tournier", news.QuoteMixed}},
	},
	{
		name: "a name qualifying the noun of a description is not the speaker",
		text: "Marten Holloway quit the race on Friday.\n\n\"He left everyone stranded,\" said one Liberal organiser in the county.",
		want: []want{{"He left everyone stranded", "one Liberal organiser", news.QuoteDirect}},
	},
	{
		name: "he does not refer to a pair quoted just before",
		text: "\"It was never about money,\" Silas Wren said. But the couple insisted they \"had no other choice\" at the time.\n\n\"We were simply exhausted,\" he said.",
		want: []want{{"It was never about money", "Silas Wren", news.QuoteDirect}, {"had no other choice", "the couple", news.QuoteMixed}, {"We were simply exhausted", "Silas Wren", news.QuoteDirect}},
	},
	{
		name: "a pronoun skips a name apposed inside another's noun phrase",
		text: "Imani Sorel revealed that she reached out to a friend of Pavel's aunt, Lady Ottilie Brandt, to talk. \"I had nobody else to ask,\" she told Corrigan.",
		want: []want{{"I had nobody else to ask", "Imani Sorel", news.QuoteDirect}},
	},
}

func TestExtract(t *testing.T) {
	e := quote.New()
	for _, tt := range extractTests {
		t.Run(tt.name, func(t *testing.T) {
			a := &news.Article{Text: tt.text}
			qs := e.Extract(a, nil)
			var got []want
			for _, q := range qs {
				got = append(got, want{q.Text, q.Speaker, q.Kind})
				if !q.Span.In(len(tt.text)) || tt.text[q.Span.Start:q.Span.End] != q.Text {
					t.Errorf("span %v does not hold %q", q.Span, q.Text)
				}
				if q.SpeakerSpan.Len() > 0 && !q.SpeakerSpan.In(len(tt.text)) {
					t.Errorf("speaker span %v outside the text", q.SpeakerSpan)
				}
				if q.CueSpan.Len() > 0 && tt.text[q.CueSpan.Start:q.CueSpan.End] != q.Cue {
					t.Errorf("cue span %v holds %q, cue is %q", q.CueSpan, tt.text[q.CueSpan.Start:q.CueSpan.End], q.Cue)
				}
				if q.Kind == news.QuoteMixed && q.Content.Len() > 0 && !q.Content.Contains(q.Span) {
					t.Errorf("content %v does not contain span %v", q.Content, q.Span)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestExtractWithMentions(t *testing.T) {
	// The recogniser's mentions give the canonical name of a short form.
	text := "Léa Moreau dirige la coopérative. « Nous tiendrons », promet Moreau."
	people := []news.Mention{
		{Span: news.Span{Start: 0, End: len("Léa Moreau")}, Text: "Léa Moreau", Type: news.PER, Name: "Léa Moreau"},
	}
	i := strings.LastIndex(text, "Moreau")
	people = append(people, news.Mention{Span: news.Span{Start: i, End: i + len("Moreau")}, Text: "Moreau", Type: news.PER, Name: "Léa Moreau"})
	qs := quote.New().Extract(&news.Article{Text: text}, people)
	if len(qs) != 1 {
		t.Fatalf("Extract = %d quotes, want 1: %+v", len(qs), qs)
	}
	if got, want := qs[0].Speaker, "Léa Moreau"; got != want {
		t.Errorf("speaker = %q, want %q", got, want)
	}
	if got, want := text[qs[0].SpeakerSpan.Start:qs[0].SpeakerSpan.End], "Moreau"; got != want {
		t.Errorf("speaker mention = %q, want %q", got, want)
	}
}

// mention builds the recogniser mention of the first occurrence of sub
// in text.
func mention(text, sub string, typ news.EntityType, name string) news.Mention {
	i := strings.Index(text, sub)
	return news.Mention{Span: news.Span{Start: i, End: i + len(sub)}, Text: sub, Type: typ, Name: name}
}

func TestExtractWithBadMentions(t *testing.T) {
	// The texts are fictional; the mentions are the recogniser's mistakes.
	tests := []struct {
		name   string
		text   string
		people func(text string) []news.Mention
		want   string
	}{
		{
			name: "a weekday labelled as a person is nobody",
			text: "Shop owner Kelechi Pryce reopened on Tuesday.\n\n\"We lost two weeks of sales,\" the man could be heard saying.",
			people: func(text string) []news.Mention {
				return []news.Mention{mention(text, "Kelechi Pryce", news.PER, "Kelechi Pryce"), mention(text, "Tuesday", news.PER, "Tuesday")}
			},
			want: "Kelechi Pryce",
		},
		{
			name: "a name cut at its initial takes the surname",
			text: "\"The report is a hoax,\" wrote Harold P. Quimby on his blog.",
			people: func(text string) []news.Mention {
				return []news.Mention{mention(text, "Harold P", news.PER, "Harold P")}
			},
			want: "Harold P. Quimby",
		},
		{
			name: "an institution glued to the name belongs to the role",
			text: "Le ministre de la Mer Aurélien Castagnet a visité le port. « Nous rouvrirons la criée », a-t-il promis.",
			people: func(text string) []news.Mention {
				return []news.Mention{mention(text, "Mer Aurélien Castagnet", news.PER, "Mer Aurélien Castagnet")}
			},
			want: "Aurélien Castagnet",
		},
		{
			name: "a clause labelled as a person is nobody",
			text: "Le maire a reçu Kelechi Obiora lundi. « Le dossier avance bien », a-t-il assuré.",
			people: func(text string) []news.Mention {
				return []news.Mention{mention(text, "Le maire a", news.PER, "Le maire a"), mention(text, "Kelechi Obiora", news.PER, "Kelechi Obiora")}
			},
			want: "Kelechi Obiora",
		},
		{
			name: "a name glued to a weekday is nobody",
			text: "Bettany Osei wrote on Quillbook Tuesday that the vote was rigged. \"The count must start again,\" she wrote.",
			people: func(text string) []news.Mention {
				return []news.Mention{mention(text, "Bettany Osei", news.PER, "Bettany Osei"), mention(text, "Quillbook Tuesday", news.PER, "Quillbook Tuesday")}
			},
			want: "Bettany Osei",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := quote.New().Extract(&news.Article{Text: tt.text}, tt.people(tt.text))
			if len(qs) != 1 {
				t.Fatalf("Extract = %d quotes, want 1: %+v", len(qs), qs)
			}
			if got := qs[0].Speaker; got != tt.want {
				t.Errorf("speaker = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name       string
		a, b       string
		sameAsWant bool
	}{
		{"identical", "Nous ne fermerons pas ce site.", "Nous ne fermerons pas ce site.", true},
		{"case, accents, apostrophes", "L’été sera CHAUD", "l'ete sera chaud", true},
		{"rewording with the same figures", "nous vendrons l'usine pour 3,5 millions d'euros si vous le voulez", "nous voulons bien céder l'usine pour 3,5 millions si vous voulez", true},
		{"unrelated", "nous vendrons l'usine pour 3,5 millions d'euros si vous le voulez", "le lycée manque de tout, même les chaises sont cassées", false},
		{"unrelated English", "We never missed a morning", "The bridge will reopen in May", false},
		{"two statements sharing function words and a theme", "I have never deceived my uncle, I have too much love for him", "My uncle and I have a very close bond, and a shared history and I have a great love for him", false},
		{"English rewording", "We will not close the plant this year, whatever the board says", "we will not close the plant this year whatever the board decides", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := quote.Similarity(tt.a, tt.b)
			if s < 0 || s > 1 {
				t.Fatalf("Similarity(%q, %q) = %v, outside [0,1]", tt.a, tt.b, s)
			}
			if got := s > quote.GroupThreshold; got != tt.sameAsWant {
				t.Errorf("Similarity(%q, %q) = %.2f > %.2f is %v, want %v", tt.a, tt.b, s, quote.GroupThreshold, got, tt.sameAsWant)
			}
			if r := quote.Similarity(tt.b, tt.a); r != s {
				t.Errorf("Similarity is not symmetric: %v vs %v", s, r)
			}
		})
	}
}

// TestIndexNear checks that Near never leaves out a quote that reaches the
// threshold, on fictional quotes built from a few shared words.
func TestIndexNear(t *testing.T) {
	words := []string{"nous", "achèterons", "l'usine", "pour", "3,5", "millions", "je", "ne", "sais", "pas", "le", "la", "Brume", "demain", "jamais"}
	var texts []string
	for i := range 300 {
		var b strings.Builder
		n := 1 + i%6
		for k := range n {
			b.WriteString(words[(i*7+k*k*3+k)%len(words)])
			b.WriteByte(' ')
		}
		texts = append(texts, b.String())
	}
	// "aba" and "bab" share no word but all their letter pairs (0.5).
	texts = append(texts, "", "", "je ne le sais pas", "pas le je ne sais", "aba", "bab")
	for _, th := range []float64{0.3, 0.5, 0.7} {
		x := quote.NewIndex(texts, th)
		for i := range texts {
			near := x.Near(i, nil)
			for j := range texts {
				if j == i {
					continue
				}
				s := x.Similarity(i, j)
				if s != quote.Similarity(texts[i], texts[j]) {
					t.Fatalf("Similarity(%d, %d) = %v, want %v", i, j, s, quote.Similarity(texts[i], texts[j]))
				}
				if s >= th && !slices.Contains(near, j) {
					t.Fatalf("threshold %v: Near(%q) misses %q (similarity %v)", th, texts[i], texts[j], s)
				}
			}
			if slices.Contains(near, i) || !slices.IsSorted(near) {
				t.Fatalf("Near(%d) = %v: want sorted, without %d", i, near, i)
			}
		}
	}
}
