package nerdata

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The snippets are fictional.
func TestParseCoNLLIO(t *testing.T) {
	in := "Jean\tI-PER\nMarlo\tI-PER\nà\tO\nVarenne\tI-LOC\nSud\tI-LOC\n\nLe\tO\nClub\tI-MISC\n"
	got, err := parseCoNLL(strings.NewReader(in), "x", 0, true, "", map[string]bool{"PER": true, "LOC": true})
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"Jean", "Marlo", "à", "Varenne", "Sud"}, Tags: []string{"B-PER", "I-PER", "O", "B-LOC", "I-LOC"}},
		{Tokens: []string{"Le", "Club"}, Tags: []string{"O", "O"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseCoNLL (-want +got):\n%s", diff)
	}
}

func TestParseCoNLLBadLine(t *testing.T) {
	_, err := parseCoNLL(strings.NewReader("Jean\n"), "f.txt", 0, false, "", nil)
	if err == nil || !strings.Contains(err.Error(), "f.txt:1") {
		t.Errorf("got error %v, want one naming f.txt:1", err)
	}
}

func TestParseHIPE(t *testing.T) {
	row := func(tok, tag, misc string) string {
		return tok + "\t" + tag + "\t_\t_\t_\t_\t_\t_\t_\t" + misc + "\n"
	}
	in := "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n" +
		"# hipe2022:document_id = x1\n" +
		row("M", "B-PER", "NoSpaceAfter") + row(".", "I-PER", "_") + row("Marlo", "I-PER", "_") +
		row("lit", "O", "_") + row("l", "O", "NoSpaceAfter") + row("’", "O", "NoSpaceAfter") +
		row("Écho", "B-HumanProd", "EndOfSentence")
	got, err := parseHIPE(strings.NewReader(in), "x")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{{Tokens: []string{"M", ".", "Marlo", "lit", "l’", "Écho"}, Tags: []string{"O", "O", "B-PER", "O", "O", "B-MISC"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseHIPE (-want +got):\n%s", diff)
	}
}

func TestScores(t *testing.T) {
	c := NewCounts()
	c.Add([]string{"B-PER", "I-PER", "O", "B-LOC"}, []string{"B-PER", "I-PER", "O", "B-ORG"}, nil)
	c.Add([]string{"B-PER", "O"}, []string{"B-PER", "B-PER"}, nil)
	got := c.Scores()
	// PER: 2 TP, 1 FP; LOC: 1 FN; ORG: 1 FP. Micro: 2 TP, 2 FP, 1 FN.
	want := []Score{
		{Type: "micro", P: 0.5, R: 2.0 / 3, F1: 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0/3), Gold: 3, Guessed: 4},
		{Type: "LOC", Gold: 1},
		{Type: "ORG", Guessed: 1},
		{Type: "PER", P: 2.0 / 3, R: 1, F1: 0.8, Gold: 2, Guessed: 3},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("Scores (-want +got):\n%s", diff)
	}
}
