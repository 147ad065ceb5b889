package ingest

import "testing"

func TestPageTitle(t *testing.T) {
	tests := []struct{ name, title, h1, site, host, want string }{
		{"suffix", "Le pont rouvre | La Gazette fictive", "", "La Gazette fictive", "", "Le pont rouvre"},
		{"prefix", "La Gazette fictive - Le pont rouvre", "", "La Gazette fictive", "", "Le pont rouvre"},
		{"domain", "Le pont rouvre – gazette-fictive.fr", "", "gazette-fictive.fr", "", "Le pont rouvre"},
		{"host", "Le pont rouvre - www.GazetteFictive.fr", "", "", "www.gazettefictive.fr", "Le pont rouvre"},
		{"site-only", "La Gazette fictive", "Le pont rouvre", "La Gazette fictive", "", "Le pont rouvre"},
		{"h1-inside-title", "Le pont de Villebrune rouvre enfin › Blog fictif de Paul", "Le pont de Villebrune rouvre enfin", "", "", "Le pont de Villebrune rouvre enfin"},
		{"logo-h1-ignored", "Le pont de Villebrune rouvre enfin après deux ans - Gazette", "Gazette", "", "", "Le pont de Villebrune rouvre enfin après deux ans - Gazette"},
		{"keeps-dash-in-headline", "Villebrune - le pont rouvre", "", "La Gazette fictive", "", "Villebrune - le pont rouvre"},
		{"empty", "", "Le pont rouvre", "", "", "Le pont rouvre"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageTitle(tt.title, tt.h1, tt.site, tt.host); got != tt.want {
				t.Errorf("pageTitle(%q, %q, %q) = %q, want %q", tt.title, tt.h1, tt.site, got, tt.want)
			}
		})
	}
}

func TestPageAuthor(t *testing.T) {
	tests := []struct{ name, author, site, want string }{
		{"par", "Par Jeanne Martin", "", "Jeanne Martin"},
		{"von", "Von Anna Weber", "", "Anna Weber"},
		{"trailing-particle", "Jeanne Martin le", "", "Jeanne Martin"},
		{"site-in-list", "Jeanne Martin; La Gazette fictive", "La Gazette fictive", "Jeanne Martin"},
		{"site-alone-kept", "La Gazette fictive", "La Gazette fictive", "La Gazette fictive"},
		{"placeholder", "Name", "", ""},
		{"names", "Jeanne Martin; Paul Durand", "", "Jeanne Martin; Paul Durand"},
		{"name-starting-like-prefix", "Bypass Dupont", "", "Bypass Dupont"},
		{"wordpress-author-link", "Zeige alle Beiträge von Anna Weber →", "", "Anna Weber"},
		{"view-all-posts-by", "View all posts by Jeanne Martin", "", "Jeanne Martin"},
		{"date-label-cut-off", "Anna Weber Stand", "", "Anna Weber"},
		{"follow-button", "Follow", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageAuthor(tt.author, tt.site); got != tt.want {
				t.Errorf("pageAuthor(%q, %q) = %q, want %q", tt.author, tt.site, got, tt.want)
			}
		})
	}
}

// TestChooseAuthor checks how the rel="author" link and the author meta
// tag complete or correct the byline. All names are fictional.
func TestChooseAuthor(t *testing.T) {
	tests := []struct {
		name, author, rel, meta, want string
	}{
		{"no-byline-takes-rel-link", "", "jmartin42", "Gazette fictive", "jmartin42"},
		{"no-byline-no-rel-takes-meta", "", "", "Jeanne Martin", "Jeanne Martin"},
		{"rel-restores-dots", "J P Martin", "J.P. Martin", "", "J.P. Martin"},
		{"meta-restores-accents", "Jerome Leveque", "", "Jérôme Lévêque", "Jérôme Lévêque"},
		{"meta-restores-eszett", "Anna Strauss", "", "Anna Strauß", "Anna Strauß"},
		{"login-does-not-replace-name", "Jeanne Martin", "", "jeanne.martin", "Jeanne Martin"},
		{"login-gains-spaces", "jeanne.martin", "Jeanne Martin", "", "Jeanne Martin"},
		{"rel-name-inside-longer-byline", "Chroniqueuse invitée Jeanne Martin", "Jeanne Martin", "", "Jeanne Martin"},
		{"meta-name-inside-byline-is-not-enough", "Jeanne Martin; Paul Durand", "", "Jeanne Martin", "Jeanne Martin; Paul Durand"},
		{"other-name-kept", "Jeanne Martin", "Paul Durand", "Paul Durand", "Jeanne Martin"},
		{"rel-placeholder-ignored", "", "admin", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := pageMeta{relAuthor: tt.rel, metaAuthor: tt.meta}
			if got := chooseAuthor(tt.author, m, "Gazette fictive"); got != tt.want {
				t.Errorf("chooseAuthor(%q, rel %q, meta %q) = %q, want %q", tt.author, tt.rel, tt.meta, got, tt.want)
			}
		})
	}
}

// TestBylineName checks the names read from author-classed elements
// (fictional bylines).
func TestBylineName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jeanne Martin", "Jeanne Martin"},
		{"Par Jeanne Martin", "Jeanne Martin"},
		{"Posted on March 21, 2020 by Jeanne Martin", "Jeanne Martin"},
		{"erstellt von Anna Weber —", "Anna Weber"},
		{"Ursula von Fiktiv", "Ursula von Fiktiv"},
		{"von Walter von Fiktiv", "Walter von Fiktiv"},
		{"Artikel veröffentlicht von Anna Weber", "Anna Weber"},
		{"Autor Anna Weber Alle Artikel", "Anna Weber"},
		{"By", ""},
		{"Publiziert am", ""},
		{"abgelegt unter: Politik Kultur", ""},
		{"21 mars 2020", ""},
		{"Jeanne Martin est journaliste depuis vingt ans et écrit sur la politique locale", ""},
		{"admin", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := bylineName(tt.in); got != tt.want {
				t.Errorf("bylineName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestChooseAuthorClassFallback(t *testing.T) {
	m := pageMeta{classAuthor: "Anna Weber"}
	if got := chooseAuthor("", m, "Gazette fictive"); got != "Anna Weber" {
		t.Errorf("chooseAuthor with only a classed byline = %q, want %q", got, "Anna Weber")
	}
	m.metaAuthor = "Jeanne Martin"
	if got := chooseAuthor("", m, "Gazette fictive"); got != "Jeanne Martin" {
		t.Errorf("chooseAuthor with meta and classed byline = %q, want the meta's %q", got, "Jeanne Martin")
	}
	if got := chooseAuthor("Paul Durand", m, "Gazette fictive"); got != "Paul Durand" {
		t.Errorf("chooseAuthor with a byline = %q, want it kept: %q", got, "Paul Durand")
	}
}

func TestAuthorClass(t *testing.T) {
	for class, want := range map[string]bool{
		"author vcard":               true,
		"entry-byline":               true,
		"dates_auteurs":              true,
		"comment-author vcard":       false,
		"author-avatar":              false,
		"author-bio footer":          false,
		"bmg-content-box author-box": false,
		"entry-title":                false,
		"":                           false,
	} {
		if got := authorClass(class); got != want {
			t.Errorf("authorClass(%q) = %v, want %v", class, got, want)
		}
	}
}

// TestRefineTitle checks the logo <h1> and punctuation rules. All titles
// are fictional.
func TestRefineTitle(t *testing.T) {
	tests := []struct {
		name, title string
		m           pageMeta
		want        string
	}{
		{"logo-h1-gives-way-to-title-tag", "Carnets fictifs",
			pageMeta{homeH1: "Carnets fictifs", titleTag: "Carnets fictifs » Blog Archive » Le pont de Villebrune rouvre"}, "Le pont de Villebrune rouvre"},
		{"logo-h1-title-tag-headline-first", "Carnets fictifs",
			pageMeta{homeH1: "Carnets fictifs", titleTag: "Le pont de Villebrune rouvre | Carnets fictifs"}, "Le pont de Villebrune rouvre"},
		{"logo-h1-title-tag-without-separator", "Carnets fictifs",
			pageMeta{homeH1: "Carnets fictifs", titleTag: "Le pont de Villebrune rouvre"}, "Le pont de Villebrune rouvre"},
		{"logo-h1-but-title-is-a-headline", "Le pont rouvre",
			pageMeta{homeH1: "Carnets fictifs", titleTag: "Carnets fictifs » Autre chose"}, "Le pont rouvre"},
		{"logo-h1-title-tag-only-site", "Carnets fictifs",
			pageMeta{homeH1: "Carnets fictifs", titleTag: "Carnets fictifs"}, "Carnets fictifs"},
		{"h1-restores-apostrophe", "Le pont d'Aval rouvre", pageMeta{h1: "Le pont d’Aval rouvre"}, "Le pont d’Aval rouvre"},
		{"h1-restores-quotes-and-dash", `"Ouf" - le pont rouvre`, pageMeta{h1: "„Ouf“ – le pont rouvre"}, "„Ouf“ – le pont rouvre"},
		{"h1-with-other-spacing-not-taken", "Villebrune: le pont rouvre", pageMeta{h1: "Villebrune : le pont rouvre"}, "Villebrune: le pont rouvre"},
		{"h1-with-other-words-not-taken", "Le pont rouvre", pageMeta{h1: "Le pont rouvre enfin"}, "Le pont rouvre"},
		{"h1-is-a-part-of-title", "Le pont rouvre » Gazette fictive | Toute l'actualité", pageMeta{h1: "Le pont rouvre"}, "Le pont rouvre"},
		{"h1-is-the-part-after-a-kicker", "Villebrune: Le pont rouvre - Gazette fictive", pageMeta{h1: "Le pont rouvre"}, "Le pont rouvre"},
		{"date-tail-dropped", "Le pont rouvre : 06.11.2023, 11.41 Uhr", pageMeta{}, "Le pont rouvre"},
		{"french-date-tail-dropped", "Le pont rouvre - 3 mars 2019 à 14h02", pageMeta{}, "Le pont rouvre"},
		{"date-inside-title-kept", "Le pont rouvre le 3 mars 2019 après travaux", pageMeta{}, "Le pont rouvre le 3 mars 2019 après travaux"},
		{"og-title-cut-at-quote", "Le maire juge le projet ", pageMeta{titleTag: `Le maire juge le projet "irréaliste" | Gazette fictive`}, `Le maire juge le projet "irréaliste"`},
		{"title-tag-with-unclosed-guillemet-kept", "Le pont rouvre", pageMeta{titleTag: "Le pont rouvre « Gazette fictive"}, "Le pont rouvre"},
		{"event-date-after-comma-kept", "Résultats : course fictive, Villebrune, 19.5.2007", pageMeta{}, "Résultats : course fictive, Villebrune, 19.5.2007"},
		{"og-title-shorter-than-title-tag-kept", "Le pont rouvre", pageMeta{titleTag: "Le pont rouvre enfin | Gazette fictive"}, "Le pont rouvre"},
		{"h1-is-only-part-of-a-part", "Le pont rouvre enfin | Gazette fictive", pageMeta{h1: "Le pont"}, "Le pont rouvre enfin | Gazette fictive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := refineTitle(tt.title, tt.m, "", "carnets.example"); got != tt.want {
				t.Errorf("refineTitle(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

// TestScanMetaHomeH1 checks which <h1> counts as the site's logo
// (fictional markup).
func TestScanMetaHomeH1(t *testing.T) {
	tests := []struct{ name, h1, want string }{
		{"root-link", `<h1><a href="https://carnets.example/">Carnets fictifs</a></h1>`, "Carnets fictifs"},
		{"slash-link", `<h1 class="logo"><a href="/" title="Accueil"><span>Carnets fictifs</span></a></h1>`, "Carnets fictifs"},
		{"archived-root-link", `<h1><a href="https://web.archive.org/web/20080731095558/http://carnets.example/">Carnets fictifs</a></h1>`, "Carnets fictifs"},
		{"article-link", `<h1><a href="https://carnets.example/2019/03/pont">Le pont rouvre</a></h1>`, ""},
		{"no-link", `<h1>Le pont rouvre</h1>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseHTML([]byte("<html><head><title>x</title></head><body>" + tt.h1 + "<p>Texte.</p></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := scanMeta(doc).homeH1; got != tt.want {
				t.Errorf("homeH1 = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanMeta(t *testing.T) {
	for in, want := range map[string]string{
		"Le pont &#8211; rouvre": "Le pont – rouvre",
		"Olive &amp;#038; Herb":  "Olive & Herb",
		"  deux   espaces ":      "deux espaces",
		"Wohngew&#x00E4;chshaus": "Wohngewächshaus",
	} {
		if got := cleanMeta(in); got != want {
			t.Errorf("cleanMeta(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSiteName(t *testing.T) {
	for _, tc := range []struct{ extracted, declared, want string }{
		{"Franceinfo", "franceinfo", "franceinfo"},
		{"L'humanité", "l'humanité", "l'humanité"},
		{"Le Monde", "", "Le Monde"},
		{"Gazette Magazin; Gazette Magazin", "", "Gazette Magazin"},
		{"Gazette Magazin; GAZETTE MAGAZIN", "gazette magazin", "gazette magazin"},
		{"La Gazette", "Gazette fictive", "La Gazette"},
	} {
		if got := siteName(tc.extracted, tc.declared); got != tc.want {
			t.Errorf("siteName(%q, %q) = %q, want %q", tc.extracted, tc.declared, got, tc.want)
		}
	}
}
