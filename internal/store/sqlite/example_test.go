package sqlite_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/recoupe/recoupe/internal/store/sqlite"
	"github.com/recoupe/recoupe/news"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "recoupe")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := sqlite.Open(ctx, filepath.Join(dir, "recoupe.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	text := "La société fictive Alpha achète Beta." // a fictional article
	a := news.Article{ID: news.ArticleID(text), Name: "alpha.txt", Language: "fr", Title: "Alpha achète Beta", Text: text}
	as := news.Assignment{StoryID: "story-1", New: true}
	first, _ := db.PutArticle(ctx, a, news.Extraction{}, as)
	again, _ := db.PutArticle(ctx, a, news.Extraction{}, as)
	fmt.Println("stored:", first, "stored again:", again)

	hits, _ := db.Search(ctx, "acheter", 10)
	for _, h := range hits {
		fmt.Printf("%s in %s: %s\n", h.Title, h.StoryID, h.Snippet)
	}
	// Output:
	// stored: true stored again: false
	// Alpha achète Beta in story-1: La société fictive Alpha achète Beta.
}
