package entity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// entitiesOf tags one document of space-tokenised sentences and returns
// its entities as "TYPE text".
func entitiesOf(t *testing.T, doc ...string) map[string]bool {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	sents := make([][]string, len(doc))
	for i, s := range doc {
		sents[i] = strings.Fields(s)
	}
	got := map[string]bool{}
	for i, tags := range r.TagDocument(sents) {
		for k := 0; k < len(tags); k++ {
			if tags[k] == "O" {
				continue
			}
			typ := tags[k][2:]
			e := k + 1
			for e < len(tags) && tags[e] == "I-"+typ {
				e++
			}
			got[typ+" "+strings.Join(sents[i][k:e], " ")] = true
			k = e - 1
		}
	}
	return got
}

// The sentences below are fictional: the works, firms and people do not
// exist. Each is padded with plain clean French, so that the document
// does not read as OCR output.
const cleanPadding = "Les habitants de la région demandent depuis longtemps une décision claire sur ce dossier important pour la ville et pour le pays ."

func TestCueRules(t *testing.T) {
	tests := []struct {
		name, sent string
		want       []string // "TYPE text" that must be found
		not        []string // "TYPE text" that must not
	}{
		{"quoted title after a cue", "Elle a joué dans le film « Les Jardins de Brenou » en 2019 .", []string{"MISC Les Jardins de Brenou"}, nil},
		{"quoted title without a cue", "Son premier succès , \" Nuit sur Valtrenne \" , sort en 2004 .", []string{"MISC Nuit sur Valtrenne"}, nil},
		{"quoted speech", "Il a répondu : « Nous allons y parvenir » devant la presse .", nil, []string{"MISC Nous allons y parvenir"}},
		{"team nickname and town", "Il a signé avec les Corbeaux de Valtrenne en 2019 .", []string{"ORG Corbeaux de Valtrenne"}, nil},
		{"mountains are no team", "Il a gravi les Monts de Valtrenne en 2019 .", nil, []string{"ORG Monts de Valtrenne"}},
		{"defined company", "Elle travaille pour la société Brindora depuis 2019 .", []string{"ORG Brindora"}, nil},
		{"defined product", "Il utilise le robot conversationnel Parlo chaque jour .", []string{"MISC Parlo"}, nil},
		{"product with its number", "Elle a acheté la console Zéphyr 2 hier .", []string{"MISC Zéphyr 2"}, nil},
		{"role noun before a person", "Le président du club Jean Valtrenne a démissionné .", nil, []string{"ORG Jean Valtrenne"}},
		{"company tail", "Le disque sort chez Valtrenne Records en 2019 .", []string{"ORG Valtrenne Records"}, nil},
		{"club prefix", "Il a signé au FK Brenou en 2019 .", []string{"ORG FK Brenou"}, nil},
		{"maker and model code", "Il pilotait un Boeing 747 au départ de Brenou .", []string{"MISC Boeing 747"}, nil},
		{"award tail", "Elle a reçu deux Valtrenne Awards en 2019 .", []string{"MISC Valtrenne Awards"}, nil},
		{"release platform", "Le jeu est sorti en 2004 sur Zéphyr et sur Brenou .", []string{"MISC Zéphyr"}, nil},
		{"agent of a product", "Le jeu a été développé par Valtrenix en 2004 .", []string{"ORG Valtrenix"}, nil},
		{"quoted common word", "Il l' a traité d' « Escroc » devant la presse .", nil, []string{"MISC Escroc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := entitiesOf(t, cleanPadding, tt.sent, cleanPadding)
			checkFound(t, tt.sent, got, tt.want, tt.not)
		})
	}
}

// A name the article defines keeps that type where it is used loosely.
func TestDefiningCueDecides(t *testing.T) {
	got := entitiesOf(t, cleanPadding,
		"Valtrenix , la société qui a créé Parlo , grandit vite .",
		"Un fonds souhaite racheter Parlo pour 3 milliards .",
		"Le patron de Parlo a refusé l' offre .", cleanPadding, cleanPadding, cleanPadding)
	checkFound(t, "", got, []string{"MISC Parlo"}, []string{"ORG Parlo", "LOC Parlo"})
}

func checkFound(t *testing.T, sent string, got map[string]bool, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !got[w] {
			t.Errorf("%q: no %q among %v", sent, w, got)
		}
	}
	for _, w := range not {
		if got[w] {
			t.Errorf("%q: unwanted %q among %v", sent, w, got)
		}
	}
}

func TestEnumerations(t *testing.T) {
	tests := []struct {
		name  string
		words string
		tags  []int
		want  []int
	}{
		// 1 B-PER, 3 B-LOC, 5 B-ORG, 7 B-MISC; 0 O.
		{"majority wins", "sur Zéphyr , Brenou , Valtrenne et Parlo .", []int{0, 7, 0, 7, 0, 3, 0, 7, 0}, []int{0, 7, 0, 7, 0, 7, 0, 7, 0}},
		{"no majority", "sur Zéphyr , Brenou , Valtrenne et Parlo .", []int{0, 7, 0, 7, 0, 3, 0, 3, 0}, []int{0, 7, 0, 7, 0, 3, 0, 3, 0}},
		{"two items are no list", "Zéphyr et Brenou .", []int{7, 0, 3, 0}, []int{7, 0, 3, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := append([]int(nil), tt.tags...)
			enumerations(strings.Fields(tt.words), got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("enumerations(%q) (-want +got):\n%s", tt.words, diff)
			}
		})
	}
}

// An acronym the article spells out in lower case is an abbreviation.
func TestCommonAcronyms(t *testing.T) {
	got := entitiesOf(t, cleanPadding,
		"Le monde de l' intelligence artificielle change vite avec Valtrenix .",
		"Valtrenix dirige un laboratoire d' IA à Brenou .", cleanPadding)
	checkFound(t, "", got, nil, []string{"LOC IA", "ORG IA", "PER IA", "MISC IA"})
}
