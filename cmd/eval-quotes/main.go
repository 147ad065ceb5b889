package main

import (
	"fmt"
	"os"
)

func main() {
	for _, p := range os.Args[1:] {
		t, err := pageText(p)
		if err != nil {
			panic(err)
		}
		fmt.Println("#####", p)
		fmt.Println(t)
	}
}
