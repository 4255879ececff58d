package question

import "unicode"

// otherLanguages are common words of the languages people at work most
// often write in besides English, and their words for the roles and their
// work, none of them an English word, a Slack abbreviation or a common
// place's name ("was", "die", "mit", "est", "um", "ist" of India's time,
// "los" of Los Angeles and "são" of São Paulo are left out).
var otherLanguages = SetOf(
	// Spanish
	"qué cómo como cuál cuáles cuánto cuántos dónde cuándo hace hacer tiene puedo debo está también pero " +
		"una diferencia mejor ingeniería ingenieria responsabilidades gerente " +
		// French
		"quelles quels quelle quel sont fait avec dans être je nous vous directeur ingénierie responsabilités " +
		// German
		"wie ein eine einen und macht nicht für zwischen unterschied welche werden sind ich wir oder wird kann auf bei " +
		"führungskraft leiter abteilungsleiter " +
		// Portuguese
		"faz uma não você quais diferença diretor engenharia " +
		// Italian
		"che cosa gli della sono perché " +
		// Dutch
		"wat doet een het tussen verschil wordt")

// Foreign reports whether a message is written in another language than
// English, which the guide and the search read: most of its letters are
// of another script than the Latin ("总监是做什么的？"), or two of its
// words at least, and a quarter of them, are other languages' commonest
// ("¿Qué hace un director de ingeniería?", "Was macht ein Engineering
// Director?").
func Foreign(message string) bool {
	latin, other := 0, 0
	for _, r := range message {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	if other > latin {
		return true
	}
	words := Words(message)
	n := 0
	for _, w := range words {
		if otherLanguages[w] {
			n++
		}
	}
	return n >= 2 && 4*n >= len(words)
}
