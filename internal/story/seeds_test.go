package story

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/internal/story/storyeval"
	"github.com/recoupe/recoupe/news"
)

// seedArticles reads the three seed articles (undated, French).
func seedArticles(t *testing.T) []*news.Article {
	t.Helper()
	dir := shareddata.TestPath(t, "seeds", "articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != 3 {
		t.Fatalf("seed articles in %s: %d files, %v; want 3", dir, len(files), err)
	}
	slices.Sort(files)
	var arts []*news.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		arts = append(arts, &news.Article{ID: news.ArticleID(text), Name: filepath.Base(f), Language: "fr", Text: text})
	}
	return arts
}

// devArticles reads the rpm2-fr and ecbplus-en dev articles, undated.
func devArticles(t *testing.T) []*news.Article {
	t.Helper()
	dir := shareddata.TestPath(t, "news-clustering")
	rpm, err := storyeval.LoadRPM2(filepath.Join(dir, "rpm2-fr"), false)
	if err != nil {
		t.Fatal(err)
	}
	ecb, err := storyeval.LoadECBPlus(filepath.Join(dir, "ecbplus-en"))
	if err != nil {
		t.Fatal(err)
	}
	var arts []*news.Article
	for _, it := range append(rpm, ecb...) {
		arts = append(arts, &it.Article)
	}
	return arts
}

func TestSeedsOneStory(t *testing.T) {
	seeds := seedArticles(t)
	dev := devArticles(t)
	docs := map[*news.Article]Doc{}
	for _, a := range append(slices.Clone(seeds), dev...) {
		docs[a] = NewDoc(a, nil)
	}
	tests := []struct {
		name  string
		order []*news.Article
	}{
		{"seeds then dev corpora", append(slices.Clone(seeds), dev...)},
		{"dev corpora then seeds", append(slices.Clone(dev), seeds...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			members := map[string][]string{}
			for _, a := range tt.order {
				as := c.Assign(docs[a])
				members[as.StoryID] = append(members[as.StoryID], a.ID)
			}
			seedStory, _ := c.StoryOf(seeds[0].ID)
			for _, s := range seeds[1:] {
				if got, _ := c.StoryOf(s.ID); got != seedStory {
					t.Errorf("seed %s is in story %s, want %s with seed %s", s.Name, got, seedStory, seeds[0].Name)
				}
			}
			if got := len(members[seedStory]); got != 3 {
				t.Errorf("seed story %s has %d articles, want the 3 seeds only", seedStory, got)
			}
		})
	}
}
