package question

// LeadsIn reports whether a message speaks of leading in one of fields,
// fields of work that are not the guide's: a sentence names one as a
// leader's ("a nursing director", "the director of a child welfare
// agency", "casino shift manager"), not likened to one ("like a military
// officer", "a theater director's sense of staging"), or as what the asker
// runs, counted ("I run 4 restaurants"). Named otherwise, a field is
// often a figure of speech ("the army a director commands") or the
// employer of a software leader ("I'm a director at a hospital").
func LeadsIn(message string, fields Set) bool {
	for _, s := range Split(message) {
		words := Words(s.Text)
		for i, w := range words {
			if !fields[w] {
				continue
			}
			if title, ok := leading(words, i); ok && !likened(words, min(i, title), title) || counted(words, i) {
				return true
			}
		}
	}
	return false
}

// leading returns where the title of the leader stands whose field is
// named at i: right after it, or one word of a workplace between ("casino
// shift manager", "hospital general manager"), or before "of" and at most
// two words ("director of a child welfare agency").
func leading(words []string, i int) (title int, ok bool) {
	for _, j := range []int{i + 1, i + 2} {
		if j < len(words) && leaders[words[j]] && (j == i+1 || workplaces[words[i+1]]) {
			return j, true
		}
	}
	for k := i - 1; k >= 1 && k >= i-3; k-- {
		if words[k] == "of" && leaders[words[k-1]] {
			return k - 1, true
		}
	}
	return 0, false
}

// likened reports whether a leader named from start, with the title at
// title, is a likeness, not the asker's trade: "like" comes at most three
// words before ("like the captain of the army", "like a military
// officer"), or a possessive after the title ("a theater director's sense
// of staging").
func likened(words []string, start, title int) bool {
	for k := max(0, start-3); k < start; k++ {
		if words[k] == "like" {
			return true
		}
	}
	return title+1 < len(words) && words[title+1] == "s"
}

// counted reports whether the field named at i is what the asker runs,
// counted: a verb of running one, then a number ("I run 4 restaurants",
// "I manage three hotels").
func counted(words []string, i int) bool {
	k := i - 1
	for k >= 0 && k >= i-2 && (numbers[words[k]] || isNumber(words[k])) {
		k--
	}
	return k >= 0 && k < i-1 && runs[words[k]]
}

// isNumber reports whether a word is digits.
func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

var (
	// leaders are the titles of people who lead, in any field.
	leaders = SetOf("director directors dir dirs vp vps head heads manager managers chief lead leader leaders president supervisor administrator gm officer captain commander producer")
	// workplaces are the words that may stand between a field and a
	// leader's title: "casino shift manager", "museum general manager".
	workplaces = SetOf("home group ops operations services care center centre shift site unit department general lab company office practice plant floor store branch area executive deputy assistant associate program programs")
	// runs are the verbs of running a workplace, and numbers the words
	// that count them after it ("I run four restaurants"), with digits.
	runs    = SetOf("run runs running manage manages managing oversee oversees overseeing own owns")
	numbers = SetOf("two three four five six seven eight nine ten eleven twelve several few")
)
