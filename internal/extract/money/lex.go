package money

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold lowercases s and strips its accents ("Zéro" → "zero"), so that the
// lexicons below are written once without accents and match either spelling.
func fold(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || ('A' <= s[i] && s[i] <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case foldTable[r] != "":
			b.WriteString(foldTable[r])
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// foldTable holds the folded form of the Latin letters with diacritics
// (U+00C0–U+024F) and of the typographic apostrophes, computed once with
// Unicode decomposition so that fold needs no normalisation per word.
var foldTable = func() map[rune]string {
	m := map[rune]string{'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", '’': "'", 'ʼ': "'", '‘': "'", 'ß': "ss"}
	for r := rune(0xC0); r <= 0x24F; r++ {
		if _, ok := m[r]; ok || !unicode.IsLetter(r) {
			continue
		}
		var b strings.Builder
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(unicode.ToLower(d))
			}
		}
		m[r] = b.String()
	}
	return m
}()

// Number words. Values below 100 add up, 100 multiplies the group below a
// thousand, and scales (mille and up) close a group.
var wordsFR = map[string]float64{
	"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
	"six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
	"treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
	"vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
	"septante": 70, "huitante": 80, "octante": 80, "nonante": 90, "cent": 100,
	"cents": 100, "mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
	"milliards": 1e9, "billion": 1e12, "billions": 1e12, "trillion": 1e18,
	"trillions": 1e18,
}

var wordsEN = map[string]float64{
	"zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
	"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
	"trillion": 1e12, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
	"billions": 1e9,
}

// ordinal is an ordinal word read as a fraction's denominator ("trois
// cinquièmes", "two thirds"). compoundOnly ordinals are denominators only
// after a tens word ("vingt et unième", "twenty-first"): "first" and
// "second" alone are not fractions.
type ordinal struct {
	val          float64
	plural       bool
	compoundOnly bool
}

func ordinals(singular map[string]float64, compoundOnly []string, plural func(string) string) map[string]ordinal {
	m := map[string]ordinal{}
	only := map[string]bool{}
	for _, w := range compoundOnly {
		only[w] = true
	}
	for w, v := range singular {
		m[w] = ordinal{val: v, compoundOnly: only[w]}
		if p := plural(w); p != w {
			m[p] = ordinal{val: v, plural: true, compoundOnly: only[w]}
		}
	}
	return m
}

var ordinalsFR = ordinals(map[string]float64{
	"unieme": 1, "premier": 1, "premiere": 1, "deuxieme": 2, "troisieme": 3, "quatrieme": 4,
	"cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10,
	"onzieme": 11, "douzieme": 12, "treizieme": 13, "quatorzieme": 14, "quinzieme": 15,
	"seizieme": 16, "vingtieme": 20, "trentieme": 30, "quarantieme": 40, "cinquantieme": 50,
	"soixantieme": 60, "centieme": 100, "millieme": 1e3, "millionieme": 1e6,
	"milliardieme": 1e9, "billionieme": 1e12, "trillionieme": 1e18,
	"demi": 2, "demie": 2, "tiers": 3, "quart": 4,
}, []string{"unieme", "premier", "premiere", "deuxieme"}, func(w string) string {
	if w == "tiers" {
		return w
	}
	return w + "s"
})

var ordinalsEN = ordinals(map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
	"thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
	"half": 2, "quarter": 4,
}, []string{"first", "second"}, func(w string) string {
	if w == "half" {
		return "halves"
	}
	return w + "s"
})

// Scale words and abbreviations read after a number (folded). The glued
// forms ("10k", "1,5Md") use the same table; "m" and "M" alone are read as
// million only next to a currency (else "5 m" would be five metres).
var scalesFR = map[string]float64{
	"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
	"billion": 1e12, "billions": 1e12, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
	"k": 1e3, "m": 1e6, "mio": 1e6, "mn": 1e6, "bn": 1e9, "mln": 1e6, "mld": 1e9,
	"douzaine": 12, "douzaines": 12,
}

var scalesEN = map[string]float64{
	"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
	"trillion": 1e12, "trillions": 1e12, "hundred": 100, "k": 1e3, "m": 1e6,
	"mm": 1e6, "mn": 1e6, "mil": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9,
	"tn": 1e12, "tln": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
	"dozen": 12, "dozens": 12, "dzs": 12, "dozs": 12,
}

// gluedOnly are scale abbreviations accepted only right after the digits
// ("1.2b"), never as a word of their own ("plan b").
var gluedOnly = map[string]bool{"b": true}

// currency is what a currency word, symbol or code denotes: an ISO 4217 code
// ("" for units whose country the text does not say, like "cents") and a
// divisor for subunits (100 for cents and pence).
type currency struct {
	code string
	div  float64
}

// currencyWords maps folded, space-joined word sequences to currencies.
// Longer sequences win ("dollars canadiens" over "dollars").
var currencyWords = map[string]currency{
	"dollar": {"USD", 1}, "dollars": {"USD", 1}, "us dollar": {"USD", 1},
	"us dollars": {"USD", 1}, "dollars us": {"USD", 1}, "dollars americains": {"USD", 1},
	"dollar americain": {"USD", 1}, "dollars des etats-unis": {"USD", 1},
	"united states dollars": {"USD", 1}, "american dollars": {"USD", 1},
	"dollars canadiens": {"CAD", 1}, "dollar canadien": {"CAD", 1},
	"canadian dollars": {"CAD", 1}, "canadian dollar": {"CAD", 1},
	"dollars australiens": {"AUD", 1}, "dollar australien": {"AUD", 1},
	"australian dollars": {"AUD", 1}, "australian dollar": {"AUD", 1},
	"dollars de hong kong": {"HKD", 1}, "hong kong dollars": {"HKD", 1},
	"dollars de singapour": {"SGD", 1}, "singapore dollars": {"SGD", 1},
	"dollars neo-zelandais": {"NZD", 1}, "new zealand dollars": {"NZD", 1},
	"euro": {"EUR", 1}, "euros": {"EUR", 1},
	"livre": {"GBP", 1}, "livres": {"GBP", 1}, "livre sterling": {"GBP", 1},
	"livres sterling": {"GBP", 1}, "pound": {"GBP", 1}, "pounds": {"GBP", 1},
	"pounds sterling": {"GBP", 1}, "sterling": {"GBP", 1},
	"pence": {"GBP", 100}, "penny": {"GBP", 100}, "pennies": {"GBP", 100},
	"franc suisse": {"CHF", 1}, "francs suisses": {"CHF", 1}, "swiss franc": {"CHF", 1},
	"swiss francs": {"CHF", 1}, "franc": {"", 1}, "francs": {"", 1},
	"francs cfa": {"XOF", 1}, "franc cfa": {"XOF", 1}, "fcfa": {"XOF", 1}, "f cfa": {"XOF", 1},
	"francs congolais": {"CDF", 1}, "francs guineens": {"GNF", 1}, "francs rwandais": {"RWF", 1},
	"francs burundais": {"BIF", 1}, "francs comoriens": {"KMF", 1}, "francs djiboutiens": {"DJF", 1},
	"franc pacifique": {"XPF", 1}, "francs pacifique": {"XPF", 1}, "francs cfp": {"XPF", 1},
	// A dirham or a dinar alone says no country: Morocco's or the
	// Emirates', Algeria's, Tunisia's or Kuwait's.
	"dirham": {"", 1}, "dirhams": {"", 1}, "dirham marocain": {"MAD", 1}, "dirhams marocains": {"MAD", 1},
	"dirhams emiratis": {"AED", 1}, "moroccan dirhams": {"MAD", 1}, "uae dirhams": {"AED", 1},
	"dinar": {"", 1}, "dinars": {"", 1}, "dinar algerien": {"DZD", 1}, "dinars algeriens": {"DZD", 1},
	"dinar tunisien": {"TND", 1}, "dinars tunisiens": {"TND", 1}, "dinars koweitiens": {"KWD", 1},
	"dinars irakiens": {"IQD", 1}, "dinars jordaniens": {"JOD", 1}, "dinars libyens": {"LYD", 1},
	"dinars serbes": {"RSD", 1}, "algerian dinars": {"DZD", 1}, "tunisian dinars": {"TND", 1},
	"kuwaiti dinars": {"KWD", 1}, "iraqi dinars": {"IQD", 1},
	"ouguiya": {"MRU", 1}, "ouguiyas": {"MRU", 1}, "ariary": {"MGA", 1}, "naira": {"NGN", 1},
	"nairas": {"NGN", 1}, "cedi": {"GHS", 1}, "cedis": {"GHS", 1},
	"yen": {"JPY", 1}, "yens": {"JPY", 1}, "japanese yen": {"JPY", 1},
	"yuan": {"CNY", 1}, "yuans": {"CNY", 1}, "chinese yuan": {"CNY", 1},
	"renminbi": {"CNY", 1}, "rmb": {"CNY", 1}, "yuan chinois": {"CNY", 1},
	"rouble": {"RUB", 1}, "roubles": {"RUB", 1}, "ruble": {"RUB", 1}, "rubles": {"RUB", 1},
	"roupie": {"INR", 1}, "roupies": {"INR", 1}, "roupies indiennes": {"INR", 1},
	"rupee": {"INR", 1}, "rupees": {"INR", 1}, "indian rupees": {"INR", 1},
	"real": {"BRL", 1}, "reais": {"BRL", 1}, "reals": {"BRL", 1},
	"pesos mexicains": {"MXN", 1}, "mexican pesos": {"MXN", 1},
	"peseta": {"ESP", 1}, "pesetas": {"ESP", 1},
	"mark finlandais": {"FIM", 1}, "marks finlandais": {"FIM", 1},
	"finnish markka": {"FIM", 1}, "markka": {"FIM", 1},
	"deutsche mark": {"DEM", 1}, "deutsche marks": {"DEM", 1}, "deutschemarks": {"DEM", 1},
	"florins hollandais": {"NLG", 1}, "florins neerlandais": {"NLG", 1},
	"dutch guilders": {"NLG", 1}, "guilders": {"NLG", 1}, "florins": {"NLG", 1},
	"lire turque": {"TRY", 1}, "livres turques": {"TRY", 1}, "turkish lira": {"TRY", 1},
	"shekel": {"ILS", 1}, "shekels": {"ILS", 1}, "zloty": {"PLN", 1}, "zlotys": {"PLN", 1},
	"rand": {"ZAR", 1}, "couronnes suedoises": {"SEK", 1}, "swedish kronor": {"SEK", 1},
	"couronnes norvegiennes": {"NOK", 1}, "norwegian kroner": {"NOK", 1},
	"couronnes danoises": {"DKK", 1}, "danish kroner": {"DKK", 1},
	"bitcoin": {"XBT", 1}, "bitcoins": {"XBT", 1}, "satoshi": {"XBT", 1e8}, "satoshis": {"XBT", 1e8},
	"cent": {"", 100}, "cents": {"", 100}, "centime": {"", 100}, "centimes": {"", 100},
	"pesewa": {"GHS", 100}, "pesewas": {"GHS", 100},
}

// currencyPrefixWords start a multi-word currency name; the matcher tries
// up to this many words.
const maxCurrencyWords = 4

// Currency symbols. "$" alone is read as USD, the usual sense in news.
var currencySymbols = map[string]currency{
	"$": {"USD", 1}, "€": {"EUR", 1}, "£": {"GBP", 1}, "¥": {"JPY", 1}, "₹": {"INR", 1},
	"₽": {"RUB", 1}, "₩": {"KRW", 1}, "₺": {"TRY", 1}, "₪": {"ILS", 1}, "₿": {"XBT", 1},
	"₡": {"CRC", 1}, "₾": {"GEL", 1}, "₭": {"LAK", 1}, "₴": {"UAH", 1}, "₦": {"NGN", 1},
	"฿": {"THB", 1}, "元": {"CNY", 1}, "ரூ": {"LKR", 1}, "₫": {"VND", 1},
}

// dollarQualifiers are the words written before or after "$" that say
// which dollar ("C$", "$ hk", "US$").
var dollarQualifiers = map[string]string{
	"us": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD",
	"hk": "HKD", "hkd": "HKD", "au": "AUD", "aud": "AUD", "a": "AUD", "nz": "NZD",
	"nzd": "NZD", "s": "SGD", "sg": "SGD", "mex": "MXN", "mx": "MXN", "mxn": "MXN",
	"r": "BRL",
}

// isoCodes are ISO 4217 codes read next to a number. Upper case always; the
// lower-case forms only for codes that are not also common words ("all",
// "try", "mad" are codes too).
var isoCodes = map[string]string{
	"USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "CHF": "CHF",
	"CAD": "CAD", "AUD": "AUD", "NZD": "NZD", "HKD": "HKD", "SGD": "SGD", "INR": "INR",
	"RUB": "RUB", "BRL": "BRL", "MXN": "MXN", "KRW": "KRW", "SEK": "SEK", "NOK": "NOK",
	"DKK": "DKK", "PLN": "PLN", "TRY": "TRY", "ZAR": "ZAR", "ILS": "ILS", "AED": "AED",
	"SAR": "SAR", "XOF": "XOF", "XAF": "XAF", "CZK": "CZK", "HUF": "HUF", "RMB": "CNY",
	"BTC": "XBT", "XBT": "XBT", "UAH": "UAH", "NGN": "NGN", "EGP": "EGP", "QAR": "QAR",
	"TWD": "TWD", "THB": "THB", "IDR": "IDR", "MAD": "MAD", "TND": "TND", "DZD": "DZD",
}

var lowerISO = map[string]string{
	"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "chf": "CHF",
	"cad": "CAD", "aud": "AUD", "hkd": "HKD", "inr": "INR", "rmb": "CNY", "btc": "XBT",
	"nzd": "NZD", "sgd": "SGD", "mxn": "MXN",
}

// isoCode reads w (as written) as an ISO code, possibly with a million
// prefix ("MUSD", "MEUR"): it returns the code and the scale.
func isoCode(w string) (code string, scale float64, ok bool) {
	if c, ok := isoCodes[w]; ok {
		return c, 1, true
	}
	if c, ok := lowerISO[w]; ok {
		return c, 1, true
	}
	if len(w) == 4 && (w[0] == 'M' || w[0] == 'm') {
		if c, ok := isoCodes[strings.ToUpper(w[1:])]; ok && (w[0] == 'M' || lowerISO[w[1:]] != "") {
			return c, 1e6, true
		}
	}
	return "", 0, false
}

// Percent words after a number (folded, space-joined).
var percentWords = map[string]bool{
	"pour cent": true, "pourcent": true, "pour-cent": true, "percent": true,
	"per cent": true, "pct": true,
}

// qualifiers before a number (folded word sequences; "d'" forms are listed
// with the apostrophe folded to ').
var qualifiers = map[string]qualifier{
	"pres de": approx, "pres d'": approx, "environ": approx, "quelque": approx,
	"autour de": approx, "autour d'": approx, "aux alentours de": approx,
	"approximativement": approx, "presque": approx, "pas loin de": approx,
	"grosso modo": approx, "a peu pres": approx, "quasiment": approx,
	"about": approx, "around": approx, "nearly": approx, "almost": approx,
	"approximately": approx, "roughly": approx, "some": approx, "close to": approx,
	"an estimated": approx, "estimated": approx, "circa": approx,
	"plus de": atLeast, "plus d'": atLeast, "au moins": atLeast, "au minimum": atLeast,
	"more than": atLeast, "over": atLeast, "at least": atLeast, "above": atLeast,
	"upwards of": atLeast, "in excess of": atLeast, "superieur a": atLeast,
	"moins de": atMost, "moins d'": atMost, "jusqu'a": atMost, "au plus": atMost,
	"au maximum": atMost, "less than": atMost, "fewer than": atMost, "up to": atMost,
	"at most": atMost, "under": atMost, "inferieur a": atMost,
}

const maxQualifierWords = 3

// Month names (folded), for leaving dates to the date extractor.
var months = map[string]bool{
	"janvier": true, "fevrier": true, "mars": true, "avril": true, "mai": true,
	"juin": true, "juillet": true, "aout": true, "septembre": true, "octobre": true,
	"novembre": true, "decembre": true, "janv": true, "fevr": true, "fev": true,
	"avr": true, "juil": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
}

// yearCues are words after which a bare four-digit number is a year.
var yearCues = map[string]bool{
	"en": true, "in": true, "depuis": true, "since": true, "le": true, "the": true,
	"de": true, "of": true, "from": true, "to": true, "a": true, "au": true,
	"des": true, "dès": true, "avant": true, "apres": true, "before": true,
	"after": true, "until": true, "jusqu'en": true, "fin": true, "debut": true,
	"mi": true, "l'an": true, "an": true, "annee": true, "year": true, "by": true,
	"entre": true, "between": true,
	"vers": true, "circa": true, "during": true, "pendant": true, "durant": true,
	"summer": true, "winter": true, "spring": true, "autumn": true, "fall": true,
	"ete": true, "hiver": true, "printemps": true, "automne": true,
}

// moneyCues are word stems (folded) that make a sentence about money, so a
// bare "97 milliards" in it is read as an amount of an unstated currency.
// A stem ending in "=" matches the whole word only ("pay", not "pays";
// "vend", not "vendredi").
var moneyCues = []string{
	// French
	"rachet", "rachat", "payer", "paye", "paie", "paiement", "offre", "offr", "valoris",
	"valeur", "prix", "cout", "budget", "benefic", "dette", "invest", "levee",
	"acqui", "achet", "achat", "vendre=", "vendu", "vend=", "vends=", "vendent", "vente", "cession",
	"depens", "financ", "fortune", "amende", "salaire", "recette", "capitalis",
	"subvention", "euro=", "euros=", "dollar", "franc=", "francs=", "tresor", "fonds=",
	"emprunt", "deficit", "impot", "taxe", "facture", "milliardaire", "debours", "verse",
	// English
	"pay=", "paid", "payment", "buy", "bought", "bid=", "bids=", "bidder", "bidding",
	"price", "cost=", "costs=", "costing", "costly", "valu", "worth", "revenue", "profit",
	"loss", "debt", "fund=", "funds=", "funding", "funded", "spend", "spent", "sale",
	"sold", "sell", "deal", "earn", "acquir", "loan", "cash", "tax=", "taxes=",
	"fine=", "fined", "dividend", "billionaire", "pound", "yen=", "yuan",
}

// isMoneyCue reports whether the folded word w starts with a money cue.
func isMoneyCue(w string) bool {
	for _, c := range moneyCues {
		if exact, ok := strings.CutSuffix(c, "="); ok {
			if w == exact {
				return true
			}
			continue
		}
		if strings.HasPrefix(w, c) {
			return true
		}
	}
	return false
}
