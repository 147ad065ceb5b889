package date_test

import (
	"fmt"
	"time"

	"github.com/recoupe/recoupe/internal/extract/date"
	"github.com/recoupe/recoupe/news"
)

func ExampleExtractor_Extract() {
	a := &news.Article{
		Text:      "Le maire de Vallon a démissionné lundi, deux ans après son élection en 2023.",
		Published: news.Date{Time: time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC), Granularity: news.GranDay},
	}
	for _, f := range date.New().Extract(a) {
		fmt.Println(f.Text, f.When.Date, f.When.Expr)
	}
	// Output:
	// lundi 2025-02-10 weekday:1
	// 2023 2023
}
