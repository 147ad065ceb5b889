package warc_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/recoupe/recoupe/internal/ingest/warc"
)

func ExampleReader() {
	archive := "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: http://example.org/fictif\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"
	r, err := warc.NewReader(strings.NewReader(archive))
	if err != nil {
		fmt.Println(err)
		return
	}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		body, _ := io.ReadAll(rec.Body)
		fmt.Println(rec.Offset, rec.Type(), rec.TargetURI(), string(body))
	}
	// Output: 0 resource http://example.org/fictif hello
}
