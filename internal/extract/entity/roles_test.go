package entity

import "testing"

// The sentences below are fictional (the people, firms and outlets do not
// exist); each is padded with clean French (cleanPadding) so that the
// document does not read as OCR output.
func TestRoleCues(t *testing.T) {
	tests := []struct {
		name string
		sent []string
		want []string // "TYPE text" that must be found
		not  []string // "TYPE text" that must not
	}{
		{"business role names a company", []string{"On compte aussi Ari Quennel , entrepreneur et PDG de Bastion , soutient l' offre ."},
			[]string{"PER Ari Quennel", "ORG Bastion"}, nil},
		{"business role with an adjective", []string{"Elle est devenue directrice générale de Valtrenix en 2019 ."},
			[]string{"ORG Valtrenix"}, nil},
		{"business role before a town", []string{"Le patron de Lyon a perdu le match contre Brenou ."},
			nil, []string{"ORG Lyon"}},
		{"defined product keeps its type", []string{"Valtrenix , la société qui a créé Parlo , grandit vite .", "Le fondateur de Parlo a refusé l' offre ."},
			[]string{"MISC Parlo"}, []string{"ORG Parlo"}},
		{"age apposition", []string{"Ori Kastelbaum , 45 ans , a témoigné devant le juge ."},
			[]string{"PER Ori Kastelbaum"}, nil},
		{"occupation introducing another name", []string{"Elle épouse en 1955 , à Brenou , le journaliste belge Pierre Valtrenne ."},
			[]string{"PER Pierre Valtrenne"}, []string{"PER Brenou"}},
		{"kin noun starting a clause", []string{"Ses parents viennent de Valtrenne , le père venant de Brenou ."},
			nil, []string{"PER Valtrenne"}},
		{"acronym after an article", []string{"Christa Pellow , experte interrogée par la KBRT , rappelle que la KBRT a changé ."},
			[]string{"ORG KBRT", "PER Christa Pellow"}, nil},
		{"acronym of a place's initials", []string{"Le FVQ a prêté à la RDC une somme importante ."},
			[]string{"ORG FVQ"}, []string{"ORG RDC"}},
		{"acronym written after en", []string{"Il vit en KZR depuis que la KZR a signé avec le FVQ ."},
			[]string{"ORG FVQ"}, []string{"ORG KZR"}},
		{"common-noun acronym", []string{"Le gouvernement a relevé la TVA et le PIB a baissé ."},
			nil, []string{"ORG TVA", "ORG PIB"}},
		{"speaker is no place", []string{"Un scénario que Brindora juge plausible au regard des précédents ."},
			[]string{"ORG Brindora"}, []string{"LOC Brindora"}},
		{"touching parts vote as one name", []string{"La querelle entre Elon Kastel et Sam Brenou continue .", "Kastel a mis sur la table une offre et Kastel insiste ."},
			[]string{"PER Elon Kastel"}, []string{"LOC Elon Kastel"}},
		{"spacing variant of a name", []string{"Il veut prendre le contrôle d' Open Brindix .", "La société OpenBrindix refuse et OpenBrindix grandit ."},
			[]string{"ORG Open Brindix"}, nil},
		{"surname with particles", []string{"Le ministre , Bruno Le Maire , a parlé avec Marine Le Kastel et Ursula von der Brenou ."},
			[]string{"PER Bruno Le Maire", "PER Marine Le Kastel", "PER Ursula von der Brenou"}, nil},
		{"fronted source is no apposition", []string{"Selon la KBRT , le patron de Brindix a promis une hausse ."},
			[]string{"ORG KBRT"}, []string{"PER KBRT"}},
		{"an article before a name", []string{"Selon le quotidien , la Maison Valtrenne prépare une réforme ."},
			nil, []string{"PER Maison Valtrenne"}},
		{"an article before a title and a person", []string{"Elle a rencontré la ministre de l' Intérieur Mathilde Kastel hier .", "Il vit près de la Maison Blanche depuis 2019 ."},
			[]string{"PER Mathilde Kastel"}, []string{"PER Intérieur Mathilde Kastel", "PER Maison Blanche", "PER Blanche"}},
		{"an outlet that reports", []string{"Le Lyon Courrier rapporte que le projet avance .", "Le Brenou Herald estime que le projet avance ."},
			[]string{"ORG Lyon Courrier", "ORG Brenou Herald"}, nil},
		{"apposition defines a company", []string{"Il a rencontré Brindix , une start-up fondée par Ari Quennel ."},
			[]string{"ORG Brindix", "PER Ari Quennel"}, nil},
		{"fronted place before a clause", []string{"À Brenou , la série est diffusée le lundi ."},
			nil, []string{"MISC Brenou"}},
		{"backer is no place", []string{"Le projet , soutenu par Lyonnaz , avance vite ."},
			nil, []string{"LOC Lyonnaz"}},
		{"an institute that forecasts", []string{"Selon les économistes , l' Ostrevix prévoit une croissance faible ."},
			[]string{"ORG Ostrevix"}, nil},
		{"surname as a passive agent", []string{"Le projet , soutenu par Dupont et qui comprend Valtrenix , avance ."},
			[]string{"PER Dupont"}, []string{"LOC Dupont"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := append(append([]string{cleanPadding}, tt.sent...), cleanPadding)
			got := entitiesOf(t, doc...)
			checkFound(t, tt.sent[0], got, tt.want, tt.not)
		})
	}
}
