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
// "cc'ing"), a closing word the one before it holds ("say thanks", "any
// advice" after "have"), the last of a choice ("…, or me?") and, where the
// message ends by asking, anything but a phrase that asks for thoughts
// ("director 1:1s — best format?" keeps "best format").
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
	// The question keeps its own mark: "… do? thanks" asks.
	for end < len(text) && strings.IndexByte("?!.", text[end]) >= 0 {
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
	if len(w) < 2 {
		return 0
	}
	if from > 0 && frameLinks[w[0]] && !m.joinedAfter(from) {
		return 1
	}
	// A greeting with a name: "Hello sir,", "Hi Sam!", "Dear Sir/Madam,".
	if greetings[w[0]] {
		for n := 1; n < len(w) && n <= 3 && (n == 1 || m.named(from+n-1)); n++ {
			if m.partedAfter(from + n - 1) {
				return n
			}
		}
	}
	if n := openFree.StartAt(w, 0); n > 0 && n < len(w) && !m.joinedAfter(from+n-1) {
		return n
	}
	for _, p := range openApart {
		n := len(p)
		if n < len(w) && slices.Equal(w[:n], p) && !m.joinedAfter(from+n-1) && (m.partedAfter(from+n-1) || openFree.StartAt(w, n) > 0 || leadOns[w[n]]) {
			return n
		}
	}
	// A clause up to a mark, or before "but" ("might be dumb but …").
	for n := 1; n < len(w) && n <= maxFrameWords; n++ {
		if (m.partedAfter(from+n-1) || w[n] == "but") && frameClause(w[:n]) && !m.compoundWithin(from, n) {
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
	// fits tells whether the last n words may close the message: not the
	// last of a choice ("…, or me?"), nor all but asking for thoughts
	// where it ends by asking.
	fits := func(n int, p []string) bool {
		return n < len(w) && !choices[w[len(w)-n-1]] && (!asks || p != nil && seeking.Any(p))
	}
	held := func(n int) bool { return !m.partedAfter(to-n-1) && binding[w[len(w)-n-1]] }
	for _, p := range closeFree {
		if n := len(p); fits(n, p) && slices.Equal(w[len(w)-n:], p) && !held(n) {
			return n
		}
	}
	for _, p := range closeApart {
		if n := len(p); fits(n, p) && slices.Equal(w[len(w)-n:], p) && m.partedAfter(to-n-1) {
			return n
		}
	}
	// "pls and thank u": once "thank u" is cut, "and" links two frames.
	if w[len(w)-1] == "and" && to < len(m.words) && len(w) > 2 {
		return 1
	}
	// A clause after a mark.
	for n := 1; n < len(w) && n <= maxFrameWords; n++ {
		tail := w[len(w)-n:]
		if m.partedAfter(to-n-1) && fits(n, nil) && (frameClause(tail) || signOff(tail)) {
			return n
		}
	}
	// Or the longest run of a frame's words that opens a clause and thanks.
	for n := min(len(w)-1, maxFrameWords); n > 1; n-- {
		tail := w[len(w)-n:]
		if fits(n, nil) && !held(n) && (thanks[tail[0]] || starts[tail[0]]) && thanks.Any(tail) &&
			(framingWords(tail) || thanks[tail[0]] && signOff(tail)) {
			return n
		}
	}
	return 0
}

// maxFrameWords bounds a clause read as a frame.
const maxFrameWords = 12

// frameClause reports whether a clause only frames: its words are all a
// frame's and one of them no question's (anchored).
func frameClause(w []string) bool {
	return framingWords(w) && anchored(w)
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
func anchored(w []string) bool {
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

// signOff reports whether a clause signs a message off, with a name or not
// ("cheers j", "best ahmed", "thanks regards").
func signOff(w []string) bool {
	return signOffs[w[0]] && len(w) <= 3
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
// the question (openApart); closers cut where punctuation parts them from
// the question or the word before does not hold them (closeFree), or
// only where punctuation parts them (closeApart).
var (
	openFree = framings("um", "umm", "uh", "hmm", "ugh", "tbh", "ngl", "anyway", "anyways", "lol", "haha", "lmao",
		"so like", "hi", "hii", "hey", "heya", "heyy", "hello", "helo", "hallo", "hiya", "howdy", "yo", "hey there",
		"hi there", "hello there", "hi all", "hey all", "hello all", "hi team", "hey team", "hi folks", "hey folks",
		"hi everyone", "hey everyone", "hello everyone", "hey y'all", "hey yall", "hi bot", "hey bot", "hello bot",
		"dear bot", "director bot", "good morning", "good afternoon", "good evening", "quick q", "quick question",
		"quick one", "a quick one", "qq", "random q", "random question", "dumb q", "dumb question",
		"dumb question time", "stupid q", "stupid question", "silly q", "silly question", "weird question",
		"weird q", "naive question", "noob question", "newbie question", "basic question", "honest question",
		"genuine question", "serious question", "question for you", "a question for you", "i have a question",
		"i have a quick question", "got a question", "got a quick question", "ok so", "okay so", "alright so",
		"so yeah", "oh and", "sorry to bother you", "sorry to bother", "sorry to bug you",
		"sorry for the dumb question", "sorry if this is a dumb question", "this might be a dumb question",
		"this may be a dumb question", "might be a dumb question", "maybe a dumb question",
		"probably a dumb question", "might be a silly question", "i was wondering", "i'm wondering",
		"just wondering", "was wondering", "i'm curious", "just curious", "asking for a friend",
		"asking for a colleague", "idk who else to ask", "not sure who else to ask", "not sure who to ask",
		"dont know who else to ask", "quick sanity check", "quick gut check", "sanity check", "gut check",
		"quick follow-up", "follow-up question", "quick q for ya", "pardon my ignorance", "bear with me",
		"long time lurker", "first time poster", "ok last one", "here goes", "hoping you can help", "real talk",
		"random thought", "random thoughts")
	openApart = framings("ok", "okay", "alright", "so", "well", "btw", "fyi", "also", "q", "question", "sorry",
		"apologies", "pardon", "excuse me", "please", "pls", "plz", "kindly", "help", "morning", "afternoon",
		"evening", "curious", "gm", "cc", "bot", "may i ask", "may i ask something", "good day", "morning all",
		"evening all", "afternoon all", "morning everyone", "morning team", "morning folks", "can i ask you something",
		"can i ask something", "can i ask you a question", "can i ask a question", "mind if i ask",
		"how are you", "how are you doing", "how are you doing today", "how are you today", "how's it going",
		"hows it going", "how's your day", "how's your day going", "how is your day going",
		"how's your week going", "what's up", "whats up", "sup", "one more", "one more thing",
		"one more question", "another one", "another question", "follow up", "followup", "related question",
		"side question", "one last question", "last question", "real quick", "newbie here", "noob here",
		"new here", "thanks", "thank you", "ty", "cool", "great", "nice", "got it", "makes sense",
		"need some advice", "need help", "seeking advice", "help me understand", "eli5")
	closeFree = framings("thanks", "thank you", "thank u", "thnk u", "thanks a lot", "thanks so much",
		"thank you so much", "thanks a ton", "thanks a bunch", "many thanks", "thanks in advance",
		"thank you in advance", "thx in advance", "many thanks in advance", "thank you very much",
		"thanks very much", "thanks for your time", "thank you for your time", "appreciate your time", "tia",
		"thx", "thnx", "thnks", "tnx", "thanx", "thankss", "thnaks", "thansk", "tahnks", "ty", "tysm", "tyvm",
		"cheers", "ta", "much appreciated", "appreciate it", "appreciate any help", "appreciate any insight",
		"i appreciate it", "would appreciate it", "would appreciate any guidance", "any help would be appreciated",
		"any help would be greatly appreciated", "lol", "lmao", "haha", "hahaha", "hehe", "heh", "xd", "pls", "plz",
		"please", "asking for a friend", "just curious", "lmk", "let me know", "please advise", "kindly advise",
		"please revert", "kindly revert", "thanks bot", "ty bot", "cc", "no rush", "no worries", "no pressure",
		"any thoughts", "any ideas", "any tips", "any pointers", "any advice", "any help", "any help appreciated",
		"any input", "any suggestions", "any insights", "any guidance", "any recommendations", "help pls",
		"help please", "please help", "pls help", "lmk what you think", "let me know what you think",
		"what do you think", "wdyt", "would love your take", "curious what you think", "curious to hear your take",
		"keen to hear thoughts", "all advice welcome", "open to any advice", "you know what i mean",
		"if you know what i mean", "know what i mean", "idk", "no cap", "fr", "take care", "enjoy your day",
		"danke", "merci", "merci d'avance", "gracias", "obrigado", "obrigada", "valeu", "salamat", "salamat po",
		"grazie", "bless", "god bless", "god bless you", "thanking you", "thank you for understanding")
	closeApart = framings("thoughts", "your thoughts", "ideas", "advice", "tips", "pointers", "suggestions",
		"help", "asap", "curious", "or not", "sorry", "sorry if this is obvious", "sorry if this is a dumb question",
		"sorry if dumb", "sorry if this is basic", "if that makes sense", "does that make sense",
		"hope that makes sense", "hope this makes sense", "when you get a chance", "when you have a sec",
		"when you have a moment", "whenever you can", "if you have a moment", "if you know", "anyone", "anybody",
		"happy to provide more context")
	// seeking words ask for the reader's thoughts: a closer that holds one
	// is cut though the message ends by asking ("…, any thoughts?").
	seeking = NewSet(Words("any thoughts think help lmk wdyt anyone anybody advise take"))
	// binding words hold the word after them in the question: "do you have
	// any advice", "how should a director say thanks?".
	binding = NewSet(Words(`your my our their his her its the a an any some no have has had need needs want get give
		gives share can could would you me us them for of on about with to from what are is say says said send
		sent show feel felt make made respond reply hear when besides be been being into at by than will ask
		asks asked tell told stop trying hard outside extra big new career upward unsolicited worst best good bad
		more less`))
	// choices end with a word that may look like a frame's: "…, or me?".
	choices    = NewSet(Words("or vs versus and nor"))
	starts     = NewSet(Words("i would really any much many no not hope let looking if sent have ok okay just feel and but so"))
	frameLinks = NewSet(Words("but so and ok okay alright anyway anyways like um pls plz please"))
	// leadOns go on from an opener that punctuation would otherwise part
	// from the question: "bot pls …", "well so …".
	leadOns   = NewSet(Words("so ok okay pls plz please"))
	greetings = NewSet(Words("hi hii hey heya heyy hello helo hallo hiya howdy yo dear greetings hola oi moin ciao namaste salut bonjour"))
	signOffs  = NewSet(Words("thanks thx ty ta cheers regards best br sincerely thanking warmly bye yours"))
	thanks    = NewSet(Words("thanks thank thx thnx thnks tnx thanx ty tysm ta tia cheers lmk pls plz please regards appreciate appreciated haha lol lmao whenever kindly thanking sorry bye"))
	hoped     = NewSet(Words("you u your ur this all everyone it it's everything"))
	// anchors are the frame's words no question is made of.
	anchors = NewSet(Words(`dumb silly stupid obvious kindly please pls plz english sir madam hi hii hey heya heyy hello helo hallo hiya howdy yo greetings dear gm hola oi moin ciao
		namaste salut bonjour sorry sry srry apologies apologize apologise pardon excuse forgive question
		questions quesiton qustion questoin q qq query doubt ping pinging bother bothering bug bugging interrupt
		interruption disturb disturbing spam bot lol haha hehe lmao xd thanks thank thx thnx thnks tnx thanx ty
		tysm tyvm ta tia cheers regards sincerely appreciate appreciated grateful lmk advance needful revert
		typos phone mobile urgent rush worries pressure nevermind lowkey asking wondering curious reply`))
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
		faithfully truly`))
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
