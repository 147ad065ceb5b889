package quote_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/extract/quote"
	"github.com/recoupe/recoupe/news"
)

func TestDumpPN(t *testing.T) {
	id := os.Getenv("PNID")
	if id == "" {
		t.Skip()
	}
	f, _ := os.Open("/work/shared/data/quotes/polnear/polnear-train-dev.jsonl.gz")
	z, _ := gzip.NewReader(f)
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var a struct{ ID, Text string }
		json.Unmarshal(sc.Bytes(), &a)
		if !strings.HasPrefix(a.ID, id) {
			continue
		}
		for _, q := range quote.New().Extract(&news.Article{Text: a.Text}, nil) {
			ctx := a.Text[max(0, q.Span.Start-120):min(len(a.Text), q.Span.End+80)]
			fmt.Printf("%s %q [%s] via %q cue %q\n   CTX %q\n", q.Kind, q.Text, q.Speaker, a.Text[q.SpeakerSpan.Start:q.SpeakerSpan.End], q.Cue, ctx)
		}
	}
}
