package news

import "testing"

func TestSetLanguage(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"fr", "fr", true},
		{"EN", "en", true},
		{" de ", "de", true},
		{"fra", "fra", true},
		{"english", "", false},
		{"f", "", false},
		{"f1", "", false},
		{"fr-FR", "", false},
	} {
		var q StoryQuery
		err := q.SetLanguage(tc.in)
		if (err == nil) != tc.ok || (tc.ok && q.Language != tc.want) {
			t.Errorf("SetLanguage(%q) = %q, %v; want %q, ok %v", tc.in, q.Language, err, tc.want, tc.ok)
		}
	}
}
