package news

// QuoteKind says how a quote was written.
type QuoteKind string

// Quote kinds.
const (
	QuoteDirect QuoteKind = "direct" // a full utterance in quotation marks
	QuoteMixed  QuoteKind = "mixed"  // a quoted fragment inside reported speech
	QuoteBlock  QuoteKind = "block"  // a block quote, attributed on its own line ("– Sam Altman, …")
	QuotePost   QuoteKind = "post"   // an embedded social-media post
)

// Quote is words an article attributes to a speaker.
type Quote struct {
	Kind QuoteKind `json:"kind"`
	// Span covers the quoted words, quotation marks excluded.
	Span Span   `json:"span"`
	Text string `json:"text"`
	// Speaker is the canonical name of who said it (a named person or
	// organisation when the article names one anywhere), else the
	// description the article gives ("un proche du dossier"); "" if unknown.
	Speaker string `json:"speaker,omitempty"`
	// SpeakerSpan is the mention next to the quote that the speaker was read
	// from (a name, pronoun or role); zero when the quote floats.
	SpeakerSpan Span `json:"speaker_span,omitzero"`
	// Cue is the reporting verb or marker ("a déclaré", "selon", ":").
	Cue     string `json:"cue,omitempty"`
	CueSpan Span   `json:"cue_span,omitzero"`
	// Content is, for a mixed quote, the reported clause the quoted words
	// sit in ("that Clinton had been “extremely careless” in her handling
	// of…", cue excluded); zero for other kinds.
	Content Span `json:"content,omitzero"`
}
