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
