package story

import "testing"

func TestDescribe(t *testing.T) {
	for _, tc := range []struct {
		name   string
		shared []string
		want   string
	}{
		{"nothing", nil, ""},
		{"grouped by kind, in order",
			[]string{"term:grev", "entity:odile carvenne", "number:2.8e+02", "term:salari", "time:weekday 3", "entity:valdrune"},
			"names Odile Carvenne, Valdrune; words grev, salari; figures ≈280; times Wednesday"},
		{"figures",
			[]string{"number:3.2e+06 EUR", "number:9.7e+10 USD", "number:12 %", "number:76", "number:year 2009", "number:date 2025-02", "number:date 05-24"},
			"figures ≈3.2 million EUR, ≈97 billion USD, 12 %, 76, 2009, February 2025, 24 May"},
		{"times", []string{"time:month 1", "time:weekday 7", "time:year 2031"}, "times January, Sunday, 2031"},
		{"notes kept",
			[]string{"duplicate-of:774cd6a1b2c3d4e5f6a7b8c9d0e1f2a3", "entity:tf1", "merged story sa into sb: similarity 0.378 ≥ 0.253"},
			"names Tf1; a near-duplicate of article 774cd6a1b2c3…; story sa was then merged into sb (the stories' similarity 0.38 ≥ 0.25)"},
		{"bridge", []string{"term:pont", "bridged story sa into sb: similarity 0.351 ≥ 0.161"},
			"words pont; the article also matched story sa (0.35 ≥ 0.16), which was then merged into sb"},
		{"a note that is no merge", []string{"merged story sa"}, "merged story sa"},
		{"unknown forms pass through", []string{"number:date soon", "time:season 2", "number:x12"}, "figures soon, x12; times season 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Describe(tc.shared); got != tc.want {
				t.Errorf("Describe(%q) =\n %q, want\n %q", tc.shared, got, tc.want)
			}
		})
	}
}
