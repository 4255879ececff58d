package question

import (
	"slices"
	"strings"
	"unicode"
)

// unframe returns a marked message (marked) without the words around its
// question that only greet, preface, apologize, thank or sign off: "hey
// bot, quick q: what does a director own? thanks in advance!" asks "what
// does a director own?". Slack messages are framed so more often than
// not, and the frame must not move the answer: as topic words ("any
// thoughts"), as a sentence that tells a story, or as a first word that a
// rule reads ("what does …"). A frame is cut at either edge of the
// message, and at least one word is always left:
//   - a phrase that only frames ("quick q", "thanks in advance"), or one
//     that might start or end a question of its own ("well", "sorry")
//     where punctuation parts it from the question;
//   - a clause parted from the question whose every word is a frame's and
//     one of them only a frame's ("sorry if this was asked before —",
//     "hope your week's going well!"), or a greeting or sign-off with a
//     name ("Hi Team,", "Cheers, J");
//   - with no mark before it, the longest run of a frame's words that
//     opens a clause and thanks ("… would really appreciate your input").
//
// What the question holds stays: a word joined to the next ("one-on-one",
// "cc'ing", "Q&A"), a closing word the one before it holds ("say thanks",
// "won't take any advice"), the last of a choice or a list ("…, or me?",
// "kudos, shoutouts, thanks"), words in quotes ("\"No worries\": …"), a
// condition ("If it's urgent, …") and, where the message ends by asking,
// anything but a request for thoughts ("director 1:1s — best format?").
func unframe(text string) string {
	m := framed{text: text, spans: WordSpans(text)}
	m.words = make([]string, len(m.spans))
	for i, s := range m.spans {
		m.words[i] = squash(strings.ToLower(text[s[0]:s[1]]))
	}
	from, to := 0, len(m.words)
	for n := 1; n > 0; from += n {
		n = m.opener(from, to)
	}
	for n := 1; n > 0; to -= n {
		n = m.closer(from, to)
	}
	if from == 0 && to == len(m.words) {
		return text
	}
	start, end := m.spans[from][0], m.spans[to-1][1]
	// The question keeps its own marks: "… do? thanks" asks.
	for end < len(text) && strings.IndexByte("?!.\"')", text[end]) >= 0 {
		end++
	}
	return text[start:end]
}

// framed is a message read for its frame: its words, lower case, and where
// they are.
type framed struct {
	text  string
	spans [][2]int
	words []string
}

// gapAfter returns the text between word i and the next, or the message's
// end.
func (m framed) gapAfter(i int) string {
	if i+1 < len(m.spans) {
		return m.text[m.spans[i][1]:m.spans[i+1][0]]
	}
	return m.text[m.spans[i][1]:]
}

// partedAfter reports whether punctuation parts word i from the next.
func (m framed) partedAfter(i int) bool { return parted(m.gapAfter(i)) }

// joinedAfter reports whether word i and the next are one: "one-on-one",
// "cc'ing", "q&a".
func (m framed) joinedAfter(i int) bool { return joined(m.gapAfter(i), "-'&/") }

// compoundWithin reports whether any of n words from i makes a compound
// with the next, as "q&a" or "good-to-great" do; a contraction ("you're")
// does not.
func (m framed) compoundWithin(i, n int) bool {
	for j := i; j < i+n; j++ {
		if joined(m.gapAfter(j), "-&/") {
			return true
		}
	}
	return false
}

// joined reports whether a gap between two words is one of the marks
// alone, with no space.
func joined(gap, marks string) bool {
	return gap != "" && !strings.ContainsFunc(gap, unicode.IsSpace) && strings.ContainsAny(gap, marks)
}

// opener returns how many words at from, of the words up to to, open the
// message as a frame, or 0.
func (m framed) opener(from, to int) int {
	w := m.words[from:to]
	if len(w) < 2 || m.quotedAround(from, 1) {
		return 0
	}
	if from > 0 && frameLinks[w[0]] && !m.joinedAfter(from) {
		return 1
	}
	// A greeting with a name: "Hello sir,", "Hi Sam!", "Dear Sir/Madam,".
	if greetings[w[0]] {
		for n := 1; n < len(w) && n <= 3 && (n == 1 || m.named(from+n-1)); n++ {
			if strings.ContainsAny(m.gapAfter(from+n-1), ",:;.!?—–…") {
				return n
			}
		}
	}
	// ok reports whether the first n words may open the message as a
	// frame: not one word with the next ("one-on-one"), nor one whose next
	// word tells of it ("asking for a friend who…"), nor the first of a
	// list ("Curious, humble, decisive: …").
	ok := func(n int) bool {
		return n < len(w) && !m.joinedAfter(from+n-1) && !telling[w[n]] && !m.listAhead(from+n) && !m.quotedAround(from, n)
	}
	if n := openFree.StartAt(w, 0); n > 0 && ok(n) {
		return n
	}
	for _, p := range openApart {
		n := len(p)
		if n < len(w) && slices.Equal(w[:n], p) && ok(n) && (m.partedAfter(from+n-1) || openFree.StartAt(w, n) > 0 || leadOns[w[n]] || from > 0 && n > 1) {
			return n
		}
	}
	for _, p := range openSentence {
		n := len(p)
		if n < len(w) && slices.Equal(w[:n], p) && (strings.ContainsAny(m.gapAfter(from+n-1), "?!.\n") || leadOns[w[n]]) {
			return n
		}
	}
	// A clause up to a mark, or before "but" ("might be dumb but …"); not
	// a condition ("if it's urgent, …") or a choice ("urgent or not: …").
	if subordinators[w[0]] {
		return 0
	}
	for n := 1; n < len(w) && n <= maxFrameWords && !choices[w[n-1]]; n++ {
		if (m.partedAfter(from+n-1) || w[n] == "but") && ok(n) && frameClause(w[:n], openAnchors) && !m.compoundWithin(from, n) {
			return n
		}
	}
	return 0
}

// closer returns how many words before to, of the words from from, close
// the message as a frame, or 0.
func (m framed) closer(from, to int) int {
	w := m.words[from:to]
	if len(w) < 2 {
		return 0
	}
	asks := strings.Contains(m.gapAfter(to-1), "?")
	// linked tells whether "and" links the last n words to another frame
	// ("pls and thank u").
	linked := func(n int) bool {
		i := len(w) - n - 1
		return w[i] == "and" && i > 0 && thanks[w[i-1]]
	}
	// fits tells whether the last n words may close the message: not the
	// last of a choice ("…, or me?") or a list ("kudos, shoutouts,
	// thanks"), nor one word with the one before ("Q&A", "HR/TA"), nor
	// quoted ("…just \"thanks\""), nor, where the message ends by asking,
	// anything but a request for thoughts.
	fits := func(n int, p []string) bool {
		first := to - n
		return n < len(w) && (!choices[w[len(w)-n-1]] || linked(n)) && !m.joinedAfter(first-1) && !m.listBehind(first) &&
			!m.quotedAround(first, n) && (!asks || p != nil && seeking.Any(p))
	}
	// held tells whether the word before the last n holds them ("say
	// thanks").
	held := func(n int) bool { return !m.partedAfter(to-n-1) && binding[w[len(w)-n-1]] && !linked(n) }
	for _, p := range closeFree {
		if n := len(p); n < len(w) && slices.Equal(w[len(w)-n:], p) && fits(n, p) && !held(n) {
			return n
		}
	}
	for _, p := range closeApart {
		if n := len(p); n < len(w) && slices.Equal(w[len(w)-n:], p) && fits(n, p) && (m.partedAfter(to-n-1) || asks && seeking.Any(p) && !held(n)) {
			return n
		}
	}
	// "… cc <@U123>": a copy to someone named, the name gone.
	if w[len(w)-1] == "cc" && strings.Contains(m.gapAfter(to-1), "\n") && !held(1) {
		return 1
	}
	// "pls and thank u": once "thank u" is cut, "and" links two frames.
	if w[len(w)-1] == "and" && to < len(m.words) && len(w) > 2 {
		return 1
	}
	// A clause after a mark.
	for n := 1; n < len(w) && n <= maxFrameWords; n++ {
		tail := w[len(w)-n:]
		if m.partedAfter(to-n-1) && fits(n, nil) && (m.signOff(to-n, n) || frameClause(tail, closeAnchors)) {
			return n
		}
	}
	// Or the longest run of a frame's words that opens a clause and thanks.
	for n := min(len(w)-1, maxFrameWords); n > 1; n-- {
		tail := w[len(w)-n:]
		if (thanks[tail[0]] || starts[tail[0]]) && fits(n, nil) && !held(n) && thanks.Any(tail) &&
			(framingWords(tail) || thanks[tail[0]] && m.signOff(to-n, n)) {
			return n
		}
	}
	return 0
}

// listAhead reports whether the words from i, after a mark, run on as a
// list: a word or two before a comma, or a choice ("morning, evening or
// async").
func (m framed) listAhead(i int) bool {
	if i == 0 || i >= len(m.words) || !m.partedAfter(i-1) || !strings.Contains(m.gapAfter(i-1), ",") {
		return false
	}
	for j := i; j < min(i+3, len(m.words)); j++ {
		if choices[m.words[j]] {
			return true
		}
		if j+1 < len(m.words) && m.partedAfter(j) {
			return strings.Contains(m.gapAfter(j), ",")
		}
	}
	return false
}

// listBehind reports whether word i ends a list: a comma before it and
// another within the three words before that, or a bullet.
func (m framed) listBehind(i int) bool {
	if i == 0 {
		return false
	}
	gap := m.gapAfter(i - 1)
	if strings.Contains(gap, "\n-") || strings.Contains(gap, "\n•") || strings.Contains(gap, "\n*") {
		return true
	}
	if !strings.Contains(gap, ",") {
		return false
	}
	for j := i - 2; j >= max(0, i-4); j-- {
		if strings.Contains(m.gapAfter(j), ",") {
			return true
		}
	}
	return false
}

// quotedAround reports whether the n words from i stand in quotes, a mark
// touching the first or the last: they are what the question asks about
// ("\"No worries\": what does it mean?").
func (m framed) quotedAround(i, n int) bool {
	before := m.text[:m.spans[i][0]]
	if i > 0 {
		before = m.gapAfter(i - 1)
	}
	after := m.gapAfter(i + n - 1)
	return strings.HasSuffix(before, `"`) || strings.HasSuffix(before, "“") || strings.HasSuffix(before, "”") ||
		strings.HasPrefix(after, `"`) || strings.HasPrefix(after, "”") || strings.HasPrefix(after, "“")
}

// signOff reports whether the n words from i sign a message off, with a
// name or not ("cheers, J", "best regards", "Best, Ahmed"), not "best
// practices".
func (m framed) signOff(i, n int) bool {
	w := m.words[i : i+n]
	k := signOffs.StartAt(w, 0)
	if k == 0 || n-k > 2 {
		return false
	}
	for j := i + k; j < i+n; j++ {
		if !m.named(j) {
			return false
		}
	}
	return true
}

// maxFrameWords bounds a clause read as a frame.
const maxFrameWords = 12

// frameClause reports whether a clause only frames: its words are all a
// frame's and one of them no question's (anchored).
func frameClause(w []string, anchors Set) bool {
	return framingWords(w) && anchored(w, anchors)
}

// named reports whether word i may name whom a greeting greets: a frame's
// word ("team", "all") or a name, capitalized ("Sam").
func (m framed) named(i int) bool {
	return frameWords[m.words[i]] || unicode.IsUpper([]rune(m.text[m.spans[i][0]:m.spans[i][1]])[0])
}

// anchored reports whether a frame's words hold one that only a frame
// holds ("sorry", "hey", "thanks"), a hope for the reader ("hope you're
// well") or a doubt ("not sure if this is the right place"): "good to
// great", "day one" and "monday morning" open questions.
func anchored(w []string, anchors Set) bool {
	for i, s := range w {
		next := ""
		if i+1 < len(w) {
			next = w[i+1]
		}
		if anchors[s] || s == "hope" && hoped[next] || s == "not" && next == "sure" {
			return true
		}
	}
	return false
}

// framingWords reports whether every word is a frame's.
func framingWords(w []string) bool {
	return !slices.ContainsFunc(w, func(s string) bool { return !frameWords[s] })
}

// parted reports whether the text between two words parts them: a comma,
// a colon, a dash (a hyphen with a space beside it, not "well-being"), a
// bracket, a sentence's end, a line break or an emoji.
func parted(gap string) bool {
	return strings.ContainsAny(gap, ",:;.!?()[]—–…\n") || strings.Contains(gap, "-") && strings.ContainsAny(gap, " \t") ||
		strings.ContainsFunc(gap, func(r rune) bool { return unicode.Is(unicode.So, r) })
}

// squash shortens a word's runs of three letters or more to one, as
// people stretch a greeting: "heyyy", "hiii", "sooo".
func squash(w string) string {
	stretched := false
	for i := 2; i < len(w) && !stretched; i++ {
		stretched = w[i] == w[i-1] && w[i] == w[i-2]
	}
	if !stretched {
		return w
	}
	rs := []rune(w)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		if j-i >= 3 {
			out = append(out, rs[i])
		} else {
			out = append(out, rs[i:j]...)
		}
		i = j
	}
	return string(out)
}

// The phrasings that frame a question, each kind longest first so that
// "thanks in advance" is cut whole, written as people type them and read
// as Words reads a message ("i'm" is "i m"): openers cut wherever they
// open the message (openFree), or only where punctuation parts them from
// the question, another frame opens it, or a word that goes on from them
// follows (openApart, leadOns); closers cut where punctuation parts them
// from the question or the word before does not hold them (closeFree), or
// only where punctuation parts them (closeApart). frameLinks join a frame
// to the one before ("hey, so …"); starts and thanks open a closing run of
// a frame's words with no mark before it, and thanks must be among them.
var (
	openFree = framings("um", "umm", "uh", "hmm", "ugh", "tbh", "ngl", "anyway", "anyways", "lol", "haha", "lmao",
		"so", "also", "please", "pls", "plz", "kindly", "so like", "hi", "hii", "hey", "heya", "heyy", "heyo",
		"hello", "helo", "hallo", "hiya", "howdy", "yo", "hey there", "hi there", "hello there", "hi all",
		"hey all", "hello all", "hi team", "hey team", "hi folks", "hey folks", "hi everyone", "hey everyone",
		"hello everyone", "hey y'all", "hey yall", "hi bot", "hey bot", "hello bot", "dear bot", "director bot",
		"quick q", "quick question", "qq", "random q", "random question", "dumb q", "dumb question",
		"dumb question time", "stupid q", "stupid question", "silly q", "silly question", "weird question",
		"weird q", "naive question", "noob question", "newbie question", "basic question", "honest question",
		"genuine question", "serious question", "throwaway question", "question for you", "a question for you",
		"i have a question", "i have a quick question", "got a question", "got a quick question", "ok so",
		"okay so", "alright so", "so yeah", "oh and", "ok random but", "sorry to bother you", "sorry to bother",
		"sorry to bug you", "sorry for the dumb question", "sorry if this is a dumb question",
		"this might be a dumb question", "this may be a dumb question", "might be a dumb question",
		"maybe a dumb question", "probably a dumb question", "might be a silly question", "i was wondering",
		"i'm wondering", "just wondering", "was wondering", "i'm curious", "just curious", "asking for a friend",
		"asking for a colleague", "idk who else to ask", "not sure who else to ask", "not sure who to ask",
		"dont know who else to ask", "quick sanity check", "quick gut check", "sanity check", "gut check",
		"quick follow-up", "follow-up question", "quick q for ya", "pardon my ignorance", "forgive my ignorance",
		"bear with me", "long time lurker", "first time poster", "first time posting here", "total newbie here",
		"ok last one", "here goes", "hoping you can help", "hoping someone can shed some light", "real talk",
		"random thought", "random thoughts", "not urgent", "this is going to sound naive",
		"at the risk of sounding stupid", "might be overthinking this", "help me understand",
		"quick one before i forget", "kindly advise", "here's one for you", "okay here's one for you", "ok here's one for you",
		"can you tell me", "could you tell me", "can u tell me", "can someone tell me", "could someone tell me",
		"can anyone tell me", "could anyone tell me", "kindly tell me", "please tell me", "pls tell me",
		"can you explain", "could you explain", "can someone explain", "could someone explain", "can anyone explain")
	openApart = framings("ok", "okay", "alright", "well", "btw", "fyi", "q", "question", "sorry", "apologies",
		"pardon", "excuse me", "help", "morning", "afternoon", "evening", "good morning", "good afternoon",
		"good evening", "good day", "quick one", "a quick one", "curious", "gm", "cc", "bot", "may i ask",
		"may i ask something", "morning all", "evening all", "afternoon all", "morning everyone", "morning team",
		"morning folks", "morning legends", "happy friday", "happy monday", "happy new year", "happy new year all",
		"happy monday team", "happy friday all", "can i ask you something", "can i ask something",
		"can i ask you a question", "can i ask a question", "mind if i ask", "what's up", "whats up", "wassup",
		"sup", "one more", "one more thing", "one more question", "another one", "another question", "follow up",
		"followup", "related question", "side question", "one last question", "last question", "real quick",
		"newbie here", "noob here", "new here", "thanks", "thank you", "ty", "cool", "great", "nice", "got it",
		"makes sense", "need some advice", "need help", "seeking advice", "eli5", "dumb-ish question",
		"two questions", "2 questions", "two quick questions", "2 quick questions", "three questions", "3 questions",
		"a couple of questions", "a couple questions", "couple of questions", "couple questions", "a few questions",
		"few questions", "i have two questions", "i have a couple of questions", "i have a few questions")
	// openSentence is small talk, cut only where a sentence ends after it:
	// "how are you, as a director, supposed to…" asks.
	openSentence = framings("how are you", "how are you doing", "how are you doing today", "how are you today",
		"how's it going", "hows it going", "how's your day", "how's your day going", "how is your day going",
		"how's your week going", "how was your weekend")
	closeFree = framings("thanks", "thank you", "thank u", "thnk u", "thanks a lot", "thanks so much",
		"thank you so much", "thanks a ton", "thanks a bunch", "thanks loads", "many thanks", "thanks in advance",
		"thank you in advance", "thx in advance", "many thanks in advance", "thank you very much",
		"thanks very much", "thanks for your time", "thank you for your time", "appreciate your time", "tia",
		"thx", "thnx", "thnks", "tnx", "thanx", "thankss", "thnaks", "thansk", "tahnks", "ty", "tyty", "tysm",
		"tyvm", "cheers", "much appreciated", "much obliged", "appreciate it", "appreciate ya", "appreciate any help",
		"appreciate any insight", "i appreciate it", "would appreciate it", "would appreciate any guidance",
		"any help would be appreciated", "any help would be greatly appreciated", "any wisdom appreciated", "lol",
		"lmao", "haha", "hahaha", "hehe", "heh", "xd", "pls", "plz", "please", "asking for a friend",
		"just curious", "lmk", "please advise", "kindly advise", "please revert", "kindly revert", "thanks bot",
		"ty bot", "no rush", "no worries", "no pressure", "help pls", "help please", "please help", "pls help",
		"lmk what you think", "let me know what you think", "what do you think", "wdyt", "would love your take",
		"curious what you think", "curious to hear your take", "keen to hear thoughts", "all advice welcome",
		"open to any advice", "you know what i mean", "if you know what i mean", "no cap", "fr", "take care",
		"enjoy your day", "have a good one", "have a great weekend", "speak soon", "you rock", "you're a star",
		"love this bot", "love this bot btw", "much love", "danke", "vielen dank", "merci", "merci beaucoup",
		"merci d'avance", "gracias", "un saludo", "obrigado", "obrigada", "valeu", "salamat", "salamat po",
		"grazie", "bless", "god bless", "god bless you", "thanking you", "thank you for understanding",
		"looking forward to your reply", "look forward to your reply", "looking forward to hearing from you",
		"sent from my iphone", "sent from my phone", "sent from my mobile", "ta very much", "ta muchly",
		"when you get a chance", "whenever you get a sec", "whenever you get a chance", "whenever you have a sec",
		"when you have a sec", "sorry if this is a dumb question", "sorry for the spam", "happy to jump on a call if easier",
		"would love to hear how others handle this", "no need to reply urgently",
		"feel free to ignore if this is covered elsewhere", "would be super grateful for any pointers")
	closeApart = framings("thoughts", "your thoughts", "ideas", "advice", "tips", "pointers", "suggestions",
		"help", "asap", "curious", "idk", "lmk", "let me know", "sorry", "sorry if this is obvious",
		"sorry if dumb", "sorry if this is basic",
		"sorry if that's a weird one", "if that makes sense", "does that make sense", "hope that makes sense",
		"hope this makes sense", "when you have a moment", "whenever you can", "if you have a moment", "if you know", "happy to provide more context", "any thoughts", "any ideas",
		"any tips", "any pointers", "any advice", "any help", "any help appreciated", "any input",
		"any suggestions", "any insights", "any guidance", "any recommendations")
	// seeking words ask for the reader's thoughts: a closer that holds one
	// is cut though the message ends by asking ("…, any thoughts?").
	seeking = NewSet(Words("any thoughts think help lmk wdyt advise take"))
	// binding words hold the word after them in the question: "do you have
	// any advice", "how should a director say thanks?".
	binding = NewSet(Words(`your my our their his her its the a an any some no have has had need needs want get give
		gives share can could would you me us them for of on about with without to from what are is say says
		said send sent show feel felt make made respond reply hear when besides be been being into at by than
		will ask asks asked tell told stop trying hard outside extra big new career upward unsolicited worst best
		good bad more less but and or nor t d ll ve re m i we they always in out up down over under through
		around across within via per off`))
	// choices end with a word that may look like a frame's: "…, or me?".
	choices    = NewSet(Words("or vs versus and nor"))
	starts     = NewSet(Words("i would really any much many no not hope let looking if sent have ok okay just feel"))
	frameLinks = NewSet(Words("but so and ok okay alright anyway anyways like um pls plz please"))
	// leadOns go on from an opener that punctuation would otherwise part
	// from the question: "bot pls …", "well so …".
	leadOns   = NewSet(Words("so ok okay pls plz please"))
	greetings = NewSet(Words("hi hii hey heya heyy heyo hello helo hallo hiya howdy yo dear greetings hola oi moin ciao namaste salut bonjour ahoy gday"))
	signOffs  = framings("thanks", "thx", "ty", "cheers", "regards", "best", "best regards", "best wishes", "kind regards",
		"warm regards", "many thanks", "br", "rgds", "thnx rgds", "thanks regards", "sincerely", "thanking you",
		"warmly", "bye", "yours", "yours faithfully", "yours sincerely", "yours truly", "grüße", "viele grüße")
	thanks = NewSet(Words("thanks thank thx thnx thnks tnx thanx ty tysm tia cheers lmk pls plz please regards appreciate appreciated haha lol lmao kindly thanking bye"))
	// telling words tell of what comes before them: "asking for a friend who's
	// a new director".
	telling = NewSet(Words("who whose which that where"))
	// subordinators open a condition of the question: "if it's urgent, …".
	subordinators = NewSet(Words("if when whenever while as because once unless though although since after before until"))
	hoped         = NewSet(Words("you u your ur this all everyone it it's everything"))
	// openAnchors and closeAnchors are the frame's words that no question
	// opening or closing a message is made of.
	openAnchors = NewSet(Words(`dumb silly stupid obvious kindly please pls plz english sir madam hi hii hey heya
		heyy hello helo hallo hiya howdy yo greetings dear gm hola oi moin ciao namaste salut bonjour sorry sry
		srry apologies apologize apologise pardon excuse forgive question questions quesiton qustion questoin q
		qq query doubt bother bothering bug bugging interrupt interruption spam bot lol haha hehe lmao xd thanks
		thank thx thnx thnks tnx thanx ty tysm tyvm tia cheers grateful typos nevermind lowkey`))
	closeAnchors = NewSet(Words(`thanks thank thx thnx thnks tnx thanx ty tysm tyvm tia cheers regards sincerely
		appreciate appreciated grateful lmk advance needful revert typos phone mobile iphone bye lol haha hehe lmao
		xd sorry`))
	// frameWords are the words a frame is made of: greetings, small talk,
	// apologies, prefaces, thanks and sign-offs. None asks ("what", "how").
	frameWords = NewSet(Words(`hi hii hiii hey heya heyy hello helo hallo hiya howdy yo greetings dear gm good
		morning afternoon evening day all everyone everybody folks guys team y'all yall there sir madam bot hope you
		your u ur you're are is re doing going well great fine ok okay alright this that thats it's it s happy
		friday monday new year week sorry sry srry apologies apologize apologise pardon excuse forgive me my mine
		the a an if was been be has might may probably possibly maybe silly dumb stupid weird obvious basic naive
		noob newbie random quick short long question questions quesiton qustion questoin q qq query doubt one
		another something asked covered somewhere before already wrong right channel place page saw ping pinging
		bother bothering bug bugging interrupt interruption disturb disturbing spam wall text message for to in
		of on feel free ignore lol haha hehe lmao but so like just thought thoughts wondering curious lowkey
		actually wait nevermind i i'm have had having got can could would like kindly please pls plz help hlep
		ask asking said someone following here out with and or thanks thank thx thnx thnks tnx thanx ty tysm tyvm
		ta tia cheers much very really many lot ton bunch advance appreciated appreciate grateful understanding
		any regards best kind warm br sincerely thanking looking forward reply response hear hearing from soon
		lmk let know when whenever get chance sec second moment no not sure rush worries pressure urgent needful
		do revert advise input ideas tips pointers suggestions advice again at earliest mate x xx xoxo think
		english nice weekend busy sent phone mobile typos typo still bye friend bestie buddy pal xd yours
		faithfully truly bud chaps legends fam gents folks iphone obliged perfect`))
)

// framings returns the phrasings as Words reads them, longest first.
func framings(phrases ...string) Phrasings {
	out := make(Phrasings, len(phrases))
	for i, p := range phrases {
		out[i] = Words(p)
	}
	slices.SortStableFunc(out, func(a, b []string) int { return len(b) - len(a) })
	return out
}
