package ingest

import (
	"github.com/abadojack/whatlanggo"
)

// langSample bounds the text given to the language identifier: a few
// kilobytes decide as well as a whole article and keep ingest linear.
const langSample = 4096

// minLangConfidence is the whatlanggo confidence under which the language
// is reported unknown ("") rather than guessed.
const minLangConfidence = 0.2

// DetectLanguage returns the ISO 639-1 code of text's language, or "" when
// the text is too short or ambiguous to tell. It uses whatlanggo (trigram
// profiles, pure Go, ~1 MB): see cmd/eval-extraction -lang for the
// measurements that chose it over lingua-go.
func DetectLanguage(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && text[cut]&0xC0 == 0x80 {
			cut--
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	if info.Lang == -1 || info.Confidence < minLangConfidence {
		return ""
	}
	return info.Lang.Iso6391()
}
