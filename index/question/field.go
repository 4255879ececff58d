package question

// InField reports whether a message speaks of leading in one of fields,
// fields of work that are not the guide's: it names two of them
// ("nursing", "patients"), or names one as a leader's ("a nursing
// director", "the director of a child welfare agency", "casino shift
// manager") or as the asker's workplace ("at a regional hospital", "I run
// 4 restaurants"). Named otherwise, a field is most often a figure of
// speech: "the army a director commands", "who plans the harvest?".
func InField(message string, fields Set) bool {
	named := Set{}
	for _, w := range Words(message) {
		if fields[w] {
			named[w] = true
		}
	}
	if len(named) != 1 {
		return len(named) > 1
	}
	for _, s := range Split(message) {
		words := Words(s.Text)
		for i, w := range words {
			if fields[w] && (leading(words, i, fields) || workplace(words, i)) {
				return true
			}
		}
	}
	return false
}

// leading reports whether the field named at i is a leader's: a leader's
// title follows it, or one word of a workplace between ("casino shift
// manager", "hospital general manager"), or it follows "<leader> of", at
// most two words between ("director of a child welfare agency").
func leading(words []string, i int, fields Set) bool {
	next := func(j int) bool { return j < len(words) && leaders[words[j]] }
	if next(i+1) || i+1 < len(words) && (workplaces[words[i+1]] || fields[words[i+1]]) && next(i+2) {
		return true
	}
	for k := i - 1; k >= 1 && k >= i-3; k-- {
		if words[k] == "of" && leaders[words[k-1]] {
			return true
		}
	}
	return false
}

// workplace reports whether the field named at i is where the asker
// works: after "at", "for", "in" or a verb of running one, then "a",
// "our" or the like, at most two words between ("at a regional
// hospital"), or after a verb of running one and a count ("I run 4
// restaurants").
func workplace(words []string, i int) bool {
	for k := i - 1; k >= 1 && k >= i-3; k-- {
		if owners[words[k]] && (places[words[k-1]] || runs[words[k-1]]) {
			return true
		}
	}
	k := i - 1
	for k >= 0 && k >= i-2 && (counts[words[k]] || isNumber(words[k])) {
		k--
	}
	return k >= 0 && runs[words[k]]
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
	leaders = SetOf("director directors dir dirs vp vps head heads manager managers chief lead leader leaders president supervisor administrator gm officer captain commander superintendent producer")
	// workplaces are the words that may stand between a field and a
	// leader's title: "casino shift manager", "museum general manager".
	workplaces = SetOf("home group ops operations services care center centre shift site unit department general lab company office practice plant floor store branch area executive deputy assistant associate program programs")
	// places, then owners, open a workplace: "at a", "for our"; runs
	// open one too ("I run a", "I run 4"); counts are the words of how
	// many workplaces, or how big.
	places = SetOf("at for in with")
	owners = SetOf("a an our my")
	runs   = SetOf("run runs running manage manages managing oversee oversees overseeing own owns")
	counts = SetOf("small large big local regional few several two three four five six seven eight nine ten twelve")
)
