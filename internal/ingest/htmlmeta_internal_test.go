package ingest

import (
	"testing"

	"github.com/recoupe/recoupe/news"
)

// TestFindDate checks byline date spotting in short texts (fictional).
func TestFindDate(t *testing.T) {
	tests := []struct {
		in, want string
		dayFirst bool
	}{
		{"Par Jeanne Martin, le 3 mars 2019 à 14h02", "2019-03-03T14:02", true},
		{"Von Anna Weber | 4. 2. 2022.", "2022-02-04", true},
		{"Posted 11/08/2023", "2023-08-11", false},
		{"Mis à jour le 3 mars 2019", "", false},
		{"Aktualisiert: 11.04.2020", "", false},
		{"Mis à jour le 5 mars 2019 | Publié le 3 mars 2019", "2019-03-03", true},
		{"Publiziert: 03.04.2020, 12:35 Aktualisiert: 11.04.2020", "2020-04-03T12:35", true},
		{"12 commentaires", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := findDate(tt.in)
			if got.String() != tt.want || !got.IsZero() && got.dayFirst != tt.dayFirst {
				t.Errorf("findDate(%q) = %s (day first %v), want %s (%v)", tt.in, got.String(), got.dayFirst, tt.want, tt.dayFirst)
			}
		})
	}
}

// FuzzFindDate: no panic, deterministic, only day-or-finer dates.
func FuzzFindDate(f *testing.F) {
	for _, s := range []string{"Par Jeanne Martin, le 3 mars 2019 à 14h02", "4. 2. 2022.", "Publié le 1er mars 2019", "11/08/23 5:19pm", "é1 é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b := findDate(s), findDate(s)
		if a != b {
			t.Fatalf("findDate(%q) not deterministic: %v, %v", s, a, b)
		}
		if !a.IsZero() && a.Granularity < news.GranDay {
			t.Fatalf("findDate(%q) = %v, coarser than a day", s, a)
		}
		l := labelledDate(s)
		if !l.IsZero() && l.Granularity < news.GranDay {
			t.Fatalf("labelledDate(%q) = %v, coarser than a day", s, l)
		}
		_ = bylineName(s)
	})
}

func TestUnarchivedURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://web.archive.org/web/20160218174457/http://carnets.example/2010/05/pont/", "http://carnets.example/2010/05/pont/"},
		{"https://web.archive.org/web/20160218174457id_/https://carnets.example/pont?id=3", "https://carnets.example/pont?id=3"},
		{"https://web.archive.org/web/20160218174457/http:/carnets.example/pont", "http://carnets.example/pont"},
		{"https://web.archive.org/web/20160218174457/", "https://web.archive.org/web/20160218174457/"},
		{"https://web.archive.org/about/", "https://web.archive.org/about/"},
		{"https://carnets.example/web/2016/http://x", "https://carnets.example/web/2016/http://x"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := unarchivedURL(tt.in); got != tt.want {
			t.Errorf("unarchivedURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
