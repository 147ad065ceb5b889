package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/ingest"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

// TestSeeds checks ParseText on the project's seed articles: the date line
// of 002, the trailing furniture of 000 and 001, the language of all three.
func TestSeeds(t *testing.T) {
	dir := shareddata.TestPath(t, "seeds", "articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) < 3 {
		t.Fatalf("seeds: %v files, err %v", len(files), err)
	}
	got := map[string]news.Article{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ingest.ParseText(filepath.Base(f), data)
		if err != nil {
			t.Fatalf("ParseText(%s): %v", f, err)
		}
		got[filepath.Base(f)[:3]] = a
		if a.Language != "fr" {
			t.Errorf("%s: Language = %q, want fr", a.Name, a.Language)
		}
		if a.ID != news.ArticleID(a.Text) {
			t.Errorf("%s: ID %s is not the text's hash", a.Name, a.ID)
		}
		if a.Text != strings.TrimSpace(a.Text) {
			t.Errorf("%s: text not trimmed", a.Name)
		}
	}
	a := got["002"]
	if g, w := a.Published.String(), "2025-02"; g != w {
		t.Errorf("002 Published = %q, want %q", g, w)
	}
	if a.Published.Granularity != news.GranMonth {
		t.Errorf("002 granularity = %v, want month", a.Published.Granularity)
	}
	if !strings.HasPrefix(a.Text, "Elon Musk propose") {
		t.Errorf("002 text starts %q, want the title", a.Text[:40])
	}
	if a.Title == "" || !strings.HasPrefix(a.Text, a.Title) {
		t.Errorf("002 title %q is not the start of the text", a.Title)
	}
	if strings.Contains(a.Text, "date 2025") {
		t.Errorf("002 text keeps the date line")
	}
	if strings.HasSuffix(got["000"].Text, "À lire également") {
		t.Errorf("000 keeps its trailing furniture")
	}
	if !strings.HasSuffix(got["000"].Text, "l’IA") {
		t.Errorf("000 ends %q, want its last bullet kept", tail(got["000"].Text))
	}
	if strings.Contains(got["001"].Text, "Dernière mise à jour") {
		t.Errorf("001 keeps its trailing update line")
	}
	if !strings.HasSuffix(got["001"].Text, "son rôle.") {
		t.Errorf("001 ends %q, want its last sentence kept", tail(got["001"].Text))
	}
}

func tail(s string) string {
	if len(s) > 60 {
		return s[len(s)-60:]
	}
	return s
}
