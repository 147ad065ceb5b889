// Package segment finds sentence, paragraph and token boundaries in French
// and English text, as byte spans.
package segment

import "github.com/recoupe/recoupe/news"

// Token is one word, number or punctuation mark.
type Token struct {
	news.Span
	Text string
}

// Sentences returns the spans of the sentences of text, in order.
func Sentences(text string) []news.Span { return nil }

// Paragraphs returns the spans of text's paragraphs (separated by line breaks).
func Paragraphs(text string) []news.Span { return nil }

// Tokens returns the tokens of text, in order.
func Tokens(text string) []Token { return nil }
