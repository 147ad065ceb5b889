package entity

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// fictionalText is invented for this test: the towns and animals' habits
// are made up. Words that share every context ("Brenou" and "Corvane",
// "chat" and "chien") must share a cluster.
var fictionalText = []string{
	"le chat dort sous la table .",
	"le chien dort sous la table .",
	"la ville de Brenou est au nord .",
	"la ville de Corvane est au nord .",
	"le chat mange vite .",
	"le chien mange vite .",
	"on part de Brenou demain .",
	"on part de Corvane demain .",
}

func fictionalCorpus(times int) [][]string {
	var out [][]string
	for range times {
		for _, l := range fictionalText {
			out = append(out, strings.Fields(l))
		}
	}
	return out
}

func TestBuildClusters(t *testing.T) {
	sents := fictionalCorpus(3)
	opt := ClusterOptions{MinCount: 2, Contexts: 50, Depth: 8}
	a, err := BuildClusters(sents, opt, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	b, err := BuildClusters(sents, opt, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two builds on the same text differ")
	}
	m, err := decodeClusters(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"brenou", "corvane", "chat", "chien", "dort"} {
		if m[w].n == 0 {
			t.Errorf("%q has no cluster", w)
		}
	}
	if m["."].n != 0 {
		t.Errorf(`"." has a cluster %v, want none (no letter)`, m["."])
	}
	for _, pair := range [][2]string{{"brenou", "corvane"}, {"chat", "chien"}} {
		if got, want := m[pair[0]], m[pair[1]]; got != want {
			t.Errorf("clusters of %q and %q: %v and %v, want equal (same contexts)", pair[0], pair[1], got, want)
		}
	}
	if m["brenou"] == m["chat"] {
		t.Errorf(`"brenou" and "chat" share cluster %v, want different`, m["chat"])
	}
}

func TestBuildClustersTooLittle(t *testing.T) {
	if _, err := BuildClusters([][]string{{"un", "mot"}}, ClusterOptions{}, io.Discard); err == nil {
		t.Error("BuildClusters on two words succeeded, want an error")
	}
}

func TestDecodeClustersErrors(t *testing.T) {
	for name, text := range map[string]string{
		"bad header": "# something else\n01\tmot\t3\n",
		"bad bits":   clusterMagic + "\n01x\tmot\t3\n",
		"no count":   clusterMagic + "\n01\tmot\n",
		"too long":   clusterMagic + "\n" + strings.Repeat("1", 33) + "\tmot\t3\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := decodeClusters(gzipped(t, text)); err == nil {
				t.Errorf("decodeClusters(%s) succeeded, want an error", name)
			}
		})
	}
	if _, err := decodeClusters([]byte("not gzip")); err == nil {
		t.Error("decodeClusters(not gzip) succeeded, want an error")
	}
}

func TestClusPrefix(t *testing.T) {
	c := clus{path: 0b1011_0110, n: 8}
	for _, tc := range []struct {
		k     int
		wantP uint32
		wantN uint8
	}{
		{4, 0b1011, 4},
		{6, 0b101101, 6},
		{8, 0b1011_0110, 8},
		{16, 0b1011_0110, 8},
	} {
		p, n := c.prefix(tc.k)
		if p != tc.wantP || n != tc.wantN {
			t.Errorf("prefix(%d) = %b, %d; want %b, %d", tc.k, p, n, tc.wantP, tc.wantN)
		}
	}
}

func TestSplitText(t *testing.T) {
	got := SplitText("M. Durvalle est à Brenou. Il pleut.")
	if len(got) != 2 || strings.Join(got[0], " ") != "M . Durvalle est à Brenou ." || strings.Join(got[1], " ") != "Il pleut ." {
		t.Errorf("SplitText = %q, want two sentences split after \"Brenou .\"", got)
	}
}
