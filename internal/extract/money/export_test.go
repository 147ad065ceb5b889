package money

// WorkForTest returns the scanner steps that reading text takes, for the
// linear-time test.
func WorkForTest(text, lang string) int {
	s := newScanner(text, lang)
	s.scan()
	return s.steps
}
