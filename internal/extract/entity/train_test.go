package entity

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/extract/entity/nerdata"
)

// fictionalTraining is invented for this test: the people, firms and
// towns do not exist.
var fictionalTraining = []string{
	"M. Durvalle/PER est arrivé à Brenou/LOC hier .",
	"La société Valtrenix/ORG a ouvert une usine à Corvane/LOC .",
	"Mme Solène/PER Garradet/PER dirige Valtrenix/ORG depuis Brenou/LOC .",
	"Le maire de Corvane/LOC a reçu M. Durvalle/PER .",
}

func fictionalSentences() []nerdata.Sentence {
	var out []nerdata.Sentence
	for d, line := range fictionalTraining {
		var s nerdata.Sentence
		prev := "O"
		for _, w := range strings.Fields(line) {
			tag := "O"
			if i := strings.LastIndexByte(w, '/'); i > 0 {
				w, tag = w[:i], w[i+1:]
				if prev == tag {
					tag = "I-" + tag
				} else {
					prev = tag
					tag = "B-" + tag
				}
			} else {
				prev = "O"
			}
			s.Tokens = append(s.Tokens, w)
			s.Tags = append(s.Tags, tag)
		}
		s.Doc = d
		out = append(out, s)
	}
	return out
}

func TestTrainDeterministic(t *testing.T) {
	sents := fictionalSentences()
	opt := TrainOptions{Epochs: 3, Bits: 14, Runs: 2}
	a, err := Train(sents, opt, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(sents, opt, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("two trainings on the same data differ (%d and %d bytes)", len(a), len(b))
	}
	r, err := NewFromModel(a)
	if err != nil {
		t.Fatal(err)
	}
	r.noPost = true
	for _, s := range sents {
		got := r.TagDocument([][]string{s.Tokens})[0]
		if diff := cmp.Diff(s.Tags, got); diff != "" {
			t.Errorf("model does not fit its training sentence %q (-want +got):\n%s", strings.Join(s.Tokens, " "), diff)
		}
	}
}

func TestDecodeModelErrors(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"bad magic": gzipped(t, "not a model at all, just text"),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := decodeModel(b); err == nil {
				t.Errorf("decodeModel(%s) succeeded, want an error", name)
			}
		})
	}
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
