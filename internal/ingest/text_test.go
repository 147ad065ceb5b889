package ingest_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/ingest"
	"github.com/recoupe/recoupe/news"
)

// The texts below are short fictional articles written for these tests.

func TestParseTextBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
		in   string // a fragment the message must contain
	}{
		{"empty", nil, ingest.ErrEmpty, "empty.txt"},
		{"spaces", []byte(" \n\t\r\n  "), ingest.ErrEmpty, "spaces.txt"},
		{"nul", []byte("abc\x00def"), ingest.ErrBinary, "offset 3"},
		{"controls", bytes.Repeat([]byte("a\x01\x02\x03\x04"), 50), ingest.ErrBinary, "control"},
		{"invalid-utf8", []byte("Le café\xff\xfe coûte"), ingest.ErrEncoding, "byte offset 8"},
		{"utf8-and-garbage", []byte("Le caf\xc3\xa9 \xa9\xae\xb1 co\xc3\xbbte"), ingest.ErrEncoding, "byte offset"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ingest.ErrBinary, "PDF"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ingest.ErrBinary, "PNG"},
		{"zero-width-only", []byte("\u200b\u200b\n"), ingest.ErrEmpty, "zero-width-only.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ingest.ParseText(tt.name+".txt", tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("ParseText(%q) error = %v, want %v", tt.data, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.name+".txt") || !strings.Contains(err.Error(), tt.in) {
				t.Errorf("error %q should name the file and contain %q", err, tt.in)
			}
		})
	}
}

func TestParseTextFusedHeadline(t *testing.T) {
	for _, tc := range []struct{ name, in, title, text string }{
		{"fused", "Sous le regard de Durand La querelle entre les deux maires de Valbrune continue. Rien ne change.\n",
			"Sous le regard de Durand", "Sous le regard de Durand\nLa querelle entre les deux maires de Valbrune continue. Rien ne change."},
		{"a name with Le", "Selon Marine Le Guen, la digue de Valbrune tiendra. Les travaux finissent en mai.\n",
			"", "Selon Marine Le Guen, la digue de Valbrune tiendra. Les travaux finissent en mai."},
		{"a headline already apart", "La digue tiendra\n\nSelon la mairie, la digue de Valbrune tiendra.\n",
			"La digue tiendra", "La digue tiendra\n\nSelon la mairie, la digue de Valbrune tiendra."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ingest.ParseText(tc.name+".txt", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title || a.Text != tc.text {
				t.Errorf("ParseText = title %q, text %q; want %q, %q", a.Title, a.Text, tc.title, tc.text)
			}
		})
	}
}

func TestParseTextWindows1252(t *testing.T) {
	// "Déjà l’été : « 5 € »" as a French Windows editor saves it.
	data := []byte("La f\xeate fictive\n\nD\xe9j\xe0 l\x92\xe9t\xe9 \xe0 Valbrune : \xab 5 \x80 \xbb le billet.\n")
	a, err := ingest.ParseText("fete.txt", data)
	if err != nil {
		t.Fatalf("ParseText(Windows-1252) error = %v", err)
	}
	if want := "Déjà l’été à Valbrune : « 5 € » le billet."; !strings.Contains(a.Text, want) {
		t.Errorf("text = %q, want it to contain %q", a.Text, want)
	}
}

func TestParseTextTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte("Le conseil municipal a voté le budget. "), 50<<20/39+1) // > 50 MB
	_, err := ingest.ParseText("big.txt", big)
	if !errors.Is(err, ingest.ErrTooLarge) {
		t.Fatalf("ParseText(50 MB) error = %v, want ErrTooLarge", err)
	}
	if !strings.Contains(err.Error(), "big.txt") || !strings.Contains(err.Error(), "bytes") {
		t.Errorf("error %q should name the file and its size", err)
	}
	// The streaming form stops reading after the limit.
	r := &countingReader{r: bytes.NewReader(big)}
	_, err = ingest.Options{MaxBytes: 1 << 20}.ReadText("big.txt", r)
	if !errors.Is(err, ingest.ErrTooLarge) {
		t.Fatalf("ReadText error = %v, want ErrTooLarge", err)
	}
	if r.n > 2<<20 {
		t.Errorf("ReadText read %d bytes, want at most about the 1 MB limit", r.n)
	}
}

type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		text      string
		title     string
		published string
		lang      string
	}{
		{
			name:  "crlf-trailing-spaces-nfc",
			in:    "Un titre fictif\r\n\r\nLe maire de Villebrune a inaugure\u0301 le pont.   \r\nIl l’a dit « hier ».  \r\n",
			text:  "Un titre fictif\n\nLe maire de Villebrune a inauguré le pont.\nIl l’a dit « hier ».",
			title: "Un titre fictif",
		},
		{
			name:      "date-line-alone",
			in:        "Date: 10/02/2025\n\nLa mairie fictive de Brunval ouvre une piscine.\nElle coûtera deux millions d’euros selon le maire.",
			text:      "La mairie fictive de Brunval ouvre une piscine.\nElle coûtera deux millions d’euros selon le maire.",
			published: "2025-02-10",
		},
		{
			name:      "publie-le",
			in:        "Publié le 10 février 2025 à 14h30\nUne piscine pour Brunval\nLa mairie fictive de Brunval ouvre une piscine.",
			text:      "Une piscine pour Brunval\nLa mairie fictive de Brunval ouvre une piscine.",
			title:     "Une piscine pour Brunval",
			published: "2025-02-10T14:30",
		},
		{
			name:      "date-and-title-same-line",
			in:        "  date 2025-02 Le pont de Villebrune rouvre\n\nLes travaux fictifs sont finis.",
			text:      "Le pont de Villebrune rouvre\n\nLes travaux fictifs sont finis.",
			title:     "Le pont de Villebrune rouvre",
			published: "2025-02",
		},
		{
			name:      "title-starting-with-number",
			in:        "date 2025-02-10 12 communes fictives privées d’eau\n\nLa préfecture a publié la liste.",
			text:      "12 communes fictives privées d’eau\n\nLa préfecture a publié la liste.",
			title:     "12 communes fictives privées d’eau",
			published: "2025-02-10",
		},
		{
			name:  "glued-date-not-metadata",
			in:    "Date 2025-02-10abc\n\nLa préfecture a publié la liste.",
			text:  "Date 2025-02-10abc\n\nLa préfecture a publié la liste.",
			title: "Date 2025-02-10abc",
		},
		{
			name:  "not-a-date-line",
			in:    "Datation au carbone 14 : une méthode\n\nLes chercheurs fictifs l’utilisent.",
			text:  "Datation au carbone 14 : une méthode\n\nLes chercheurs fictifs l’utilisent.",
			title: "Datation au carbone 14 : une méthode",
		},
		{
			name: "sentence-is-not-title",
			in:   "Le maire a parlé.\nPuis il est parti.",
			text: "Le maire a parlé.\nPuis il est parti.",
		},
		{
			name:  "trailing-furniture",
			in:    "Le pont rouvre\n\nLes travaux fictifs sont finis.\n\nFacebook Twitter LinkedIn\nÀ lire aussi : Le tunnel ferme\nPartager\nTous droits réservés\n\nAbonnez-vous à notre newsletter\n",
			text:  "Le pont rouvre\n\nLes travaux fictifs sont finis.",
			title: "Le pont rouvre",
		},
		{
			name:  "share-line-in-middle",
			in:    "Le pont rouvre\nPartager sur Facebook | Twitter\nLes travaux fictifs sont finis.\nLe maire était présent.",
			text:  "Le pont rouvre\nLes travaux fictifs sont finis.\nLe maire était présent.",
			title: "Le pont rouvre",
		},
		{
			name:  "furniture-words-inside-kept",
			in:    "Le pont rouvre\nLire aussi\nLe maire a dit : « Lire aussi les rapports ». Puis il a lu.\nTwitter\nFin.",
			text:  "Le pont rouvre\nLire aussi\nLe maire a dit : « Lire aussi les rapports ». Puis il a lu.\nTwitter\nFin.",
			title: "Le pont rouvre",
		},
		{
			name:  "long-closing-paragraph-kept",
			in:    "Le pont rouvre\nNewsletter municipale, réseaux et affiches : la mairie fictive de Villebrune a multiplié les annonces pendant trois semaines pour prévenir les habitants de la fermeture du pont et des déviations prévues, sans réussir à éviter les bouchons du premier matin.",
			text:  "Le pont rouvre\nNewsletter municipale, réseaux et affiches : la mairie fictive de Villebrune a multiplié les annonces pendant trois semaines pour prévenir les habitants de la fermeture du pont et des déviations prévues, sans réussir à éviter les bouchons du premier matin.",
			title: "Le pont rouvre",
		},
		{
			name: "english-read-more",
			in:   "The mayor of the fictional town of Eastbrook opened a new bridge on Monday, after two years of works that cost the town council far more than planned.\n\nRead more\nShare\nRelated",
			text: "The mayor of the fictional town of Eastbrook opened a new bridge on Monday, after two years of works that cost the town council far more than planned.",
			lang: "en",
		},
		{
			name:  "related-tail",
			in:    "Le pont rouvre\n\nLe pont fictif de Villebrune a rouvert lundi après deux ans de travaux, a annoncé la mairie.\nLes habitants se sont réjouis de la fin du chantier et des déviations.\nLe maire a promis une fête.\n\nÀ lire aussi\n\nLe tunnel de Brunval ferme\nUne piscine pour Villebrune\nLa gare fictive rénovée",
			text:  "Le pont rouvre\n\nLe pont fictif de Villebrune a rouvert lundi après deux ans de travaux, a annoncé la mairie.\nLes habitants se sont réjouis de la fin du chantier et des déviations.\nLe maire a promis une fête.",
			title: "Le pont rouvre",
		},
		{
			name:  "marker-inside-short-paragraphs-kept",
			in:    "Le pont rouvre\n\nLe pont fictif de Villebrune a rouvert lundi.\nLes plus lus\nLe maire a promis une fête.\nLes habitants sont ravis.\nLa circulation reprend.",
			text:  "Le pont rouvre\n\nLe pont fictif de Villebrune a rouvert lundi.\nLes plus lus\nLe maire a promis une fête.\nLes habitants sont ravis.\nLa circulation reprend.",
			title: "Le pont rouvre",
		},
		{
			name: "utf8-bom",
			in:   "\uFEFFLe maire a parlé.",
			text: "Le maire a parlé.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ParseText(tt.name+".txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("ParseText: %v", err)
			}
			if diff := cmp.Diff(tt.text, a.Text); diff != "" {
				t.Errorf("Text (-want +got):\n%s", diff)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if got := a.Published.String(); got != tt.published {
				t.Errorf("Published = %q, want %q", got, tt.published)
			}
			if tt.lang != "" && a.Language != tt.lang {
				t.Errorf("Language = %q, want %q", a.Language, tt.lang)
			}
			if a.Name != tt.name+".txt" || a.ID != news.ArticleID(a.Text) {
				t.Errorf("Name, ID = %q, %q; want the file name and the text hash", a.Name, a.ID)
			}
		})
	}
}

func TestParseTextUTF16(t *testing.T) {
	// "Le pont" in UTF-16LE with a byte-order mark.
	in := []byte{0xFF, 0xFE, 'L', 0, 'e', 0, ' ', 0, 'p', 0, 'o', 0, 'n', 0, 't', 0}
	a, err := ingest.ParseText("utf16.txt", in)
	if err != nil {
		t.Fatalf("ParseText: %v", err)
	}
	if a.Text != "Le pont" {
		t.Errorf("Text = %q, want %q", a.Text, "Le pont")
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-02", "2025-02"},
		{"2025-02-10", "2025-02-10"},
		{"2025-02-10T14:30:00+01:00", "2025-02-10T14:30"},
		{"2025-02-10T23:30:00-05:00", "2025-02-10T23:30"},
		{"10/02/2025", "2025-02-10"},
		{"02/13/2025", "2025-02-13"},
		{"10 février 2025", "2025-02-10"},
		{"1er mars 2025 à 9h05", "2025-03-01T09:05"},
		{"lun., 10 févr. 2025 14:30:00 +0100", "2025-02-10T14:30"},
		{"mar. 11 févr. 2025 08:00:00 GMT", "2025-02-11T08:00"},
		{"Mon, 10 Feb 2025 14:30:00 GMT", "2025-02-10T14:30"},
		{"February 10, 2025", "2025-02-10"},
		{"5. Juni 2023", "2023-06-05"},
		{"1. Februar 2022 um 14:30", "2022-02-01T14:30"},
		{"07 Dezember, 2022", "2022-12-07"},
		{"4. 2. 2022.", "2022-02-04"},
		{"février 2025", "2025-02"},
		{"mars 2025", "2025-03"},
		{"2025", "2025"},
		{"31 février 2025", ""},
		{"13/13/2025", ""},
		{"bonjour", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := ingest.ParseDate(tt.in)
			if got := d.String(); got != tt.want || ok != (tt.want != "") {
				t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"fr", "Le conseil municipal de la ville a voté mardi soir le budget de l’année prochaine, qui prévoit une hausse des impôts locaux."},
		{"en", "The city council voted on Tuesday evening for next year's budget, which includes a rise in local taxes."},
		{"it", "Il consiglio comunale della città ha votato martedì sera il bilancio del prossimo anno, che prevede un aumento delle tasse locali."},
		{"es", "El ayuntamiento de la ciudad votó el martes por la noche el presupuesto del año próximo, que prevé una subida de los impuestos locales."},
		{"de", "Der Stadtrat hat am Dienstagabend den Haushalt für das nächste Jahr beschlossen, der eine Erhöhung der lokalen Steuern vorsieht."},
		{"", "42"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got := ingest.DetectLanguage(tt.text); got != tt.lang {
				t.Errorf("DetectLanguage(%.30q…) = %q, want %q", tt.text, got, tt.lang)
			}
		})
	}
}

func FuzzParseText(f *testing.F) {
	f.Add([]byte("date 2025-02 Titre\n\nTexte.\nÀ lire aussi"))
	f.Add([]byte("Publié le 10 février 2025\r\nLe pont\r\n"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ingest.ParseText("fuzz.txt", data)
		if err != nil {
			return
		}
		b, _ := ingest.ParseText("fuzz.txt", data)
		if a != b {
			t.Fatalf("ParseText is not deterministic")
		}
		if a.Text == "" || a.ID != news.ArticleID(a.Text) || !strings.HasPrefix(a.Text, a.Title) {
			t.Fatalf("bad article %+v", a)
		}
		if strings.Contains(a.Text, "\r") {
			t.Fatalf("CR left in text")
		}
	})
}
