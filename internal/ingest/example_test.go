package ingest_test

import (
	"fmt"

	"github.com/recoupe/recoupe/internal/ingest"
)

func ExampleParseText() {
	// A fictional article whose first line carries its date and title.
	a, err := ingest.ParseText("pont.txt", []byte("date 2025-02 Le pont de Villebrune rouvre\r\n\r\nLe pont fictif a rouvert lundi après deux ans de travaux, a annoncé la mairie.\r\n\r\nÀ lire aussi\r\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Published, a.Published.Granularity, a.Language)
	fmt.Println(a.Title)
	fmt.Printf("%q\n", a.Text)
	// Output:
	// 2025-02 month fr
	// Le pont de Villebrune rouvre
	// "Le pont de Villebrune rouvre\n\nLe pont fictif a rouvert lundi après deux ans de travaux, a annoncé la mairie."
}
