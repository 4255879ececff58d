package index

import "github.com/blevesearch/bleve/v2/analysis"

// asciiWords splits text into words as bleve's unicode tokenizer does, by
// the word boundary rules of Unicode (UAX #29), but reads text that is
// all ASCII, as most questions are, itself: the rules then come down to a
// few character classes, where the general segmenter's tables cost a
// question several microseconds. Other text goes to the unicode tokenizer.
// FuzzASCIIWordsAreBleves holds the two to the same tokens.
type asciiWords struct {
	unicode analysis.Tokenizer
}

// withASCIIWords returns the analyzer reading ASCII text with asciiWords.
func withASCIIWords(d *analysis.DefaultAnalyzer) *analysis.DefaultAnalyzer {
	return &analysis.DefaultAnalyzer{
		CharFilters:  d.CharFilters,
		Tokenizer:    asciiWords{d.Tokenizer},
		TokenFilters: d.TokenFilters,
	}
}

// charClass is an ASCII character's word break property.
type charClass uint8

const (
	other     charClass = iota
	letter              // ALetter
	digit               // Numeric
	connector           // ExtendNumLet: "_"
	midLetter           // MidLetter: ":"
	midNum              // MidNum: "," and ";"
	midNumLet           // MidNumLet and Single_Quote: "." and "'"
)

var asciiClasses = func() (c [128]charClass) {
	for b := 'a'; b <= 'z'; b++ {
		c[b], c[b-'a'+'A'] = letter, letter
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = digit
	}
	c['_'], c[':'], c[','], c[';'], c['.'], c['\''] = connector, midLetter, midNum, midNum, midNumLet, midNumLet
	return c
}()

// Tokenize returns the words of the input, as the unicode tokenizer would.
func (t asciiWords) Tokenize(input []byte) analysis.TokenStream {
	for _, b := range input {
		if b >= 0x80 {
			return t.unicode.Tokenize(input)
		}
	}
	n := 0
	forWords(input, func(int, int, charClass) { n++ })
	tokens := make([]analysis.Token, n)
	stream := make(analysis.TokenStream, n)
	n = 0
	forWords(input, func(start, end int, kind charClass) {
		tokens[n] = analysis.Token{Term: input[start:end], Start: start, End: end, Position: n + 1, Type: tokenType(kind)}
		stream[n] = &tokens[n]
		n++
	})
	return stream
}

// forWords calls word with each word of ASCII input.
func forWords(input []byte, word func(start, end int, kind charClass)) {
	for i := 0; i < len(input); {
		c := asciiClasses[input[i]]
		if c != letter && c != digit && c != connector {
			i++
			continue
		}
		end, kind := wordEnd(input, i)
		word(i, end, kind)
		i = end
	}
}

// wordEnd returns where the word starting at input[start] ends, and
// whether it holds a letter, else a digit, else only "_".
func wordEnd(input []byte, start int) (int, charClass) {
	kind := connector
	i := start
	for i < len(input) {
		c := asciiClasses[input[i]]
		switch c {
		case letter:
			kind = letter
		case digit:
			if kind == connector {
				kind = digit
			}
		case connector:
		default:
			// A middle character joins two letters or two digits.
			prev, next := asciiClasses[input[i-1]], nextClass(input, i+1)
			joins := (prev == letter && next == letter && (c == midLetter || c == midNumLet)) ||
				(prev == digit && next == digit && (c == midNum || c == midNumLet))
			if !joins {
				return i, kind
			}
		}
		i++
	}
	return i, kind
}

func nextClass(input []byte, i int) charClass {
	if i >= len(input) {
		return other
	}
	return asciiClasses[input[i]]
}

func tokenType(kind charClass) analysis.TokenType {
	if kind == digit {
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}
