package question

import (
	"slices"
	"strings"
	"unicode"
)

// unframe returns a marked message (marked) without the words around its
// question that only greet, preface, apologize, thank or sign
// off: "hey bot, quick q: what does a director own? thanks in advance!"
// asks "what does a director own?". Slack messages are framed so more often
// than not, and the frame must not move the answer: as topic words ("any
// thoughts"), as a sentence that tells a story, or as a first word that a
// rule reads ("what does …"). A frame is cut at either edge of the
// message, and at least one word is always left:
//   - a phrase that only frames ("quick q", "thanks in advance"), or one
//     that might start or end a question of its own ("well", "any
//     advice") where punctuation parts it from the question ("…, any
//     advice?");
//   - a clause parted from the question whose every word is a frame's
//     ("sorry if this was asked before —", "hope your week's going
//     well!"), or a greeting or sign-off with a name ("Hi Team,", "Cheers,
//     J");
//   - with no mark before it, the longest run of a frame's words that
//     opens a clause and thanks ("… would really appreciate your input",
//     "… lmk when you get a chance").
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

// partedAfter reports whether punctuation parts word i from the next.
func (m framed) partedAfter(i int) bool {
	return parted(m.text[m.spans[i][1]:m.spans[i+1][0]])
}

// opener returns how many words at from, of the words up to to, open the
// message as a frame, or 0.
func (m framed) opener(from, to int) int {
	w := m.words[from:to]
	switch {
	case len(w) < 2:
		return 0
	case from > 0 && frameLinks[w[0]]:
		return 1
	}
	if n := openFree.StartAt(w, 0); n > 0 && n < len(w) {
		return n
	}
	for _, p := range openApart {
		if n := len(p); n < len(w) && slices.Equal(w[:n], p) && (m.partedAfter(from+n-1) || openFree.StartAt(w, n) > 0) {
			return n
		}
	}
	// A clause up to a mark, or before a word that links it ("might be
	// dumb but …").
	for n := 1; n < len(w) && n <= maxFrameWords; n++ {
		if (m.partedAfter(from+n-1) || w[n] == "but") && frameClause(w[:n]) {
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
	for _, p := range closeFree {
		if n := len(p); n < len(w) && slices.Equal(w[len(w)-n:], p) {
			return n
		}
	}
	for _, p := range closeApart {
		if n := len(p); n < len(w) && slices.Equal(w[len(w)-n:], p) && m.partedAfter(to-n-1) {
			return n
		}
	}
	for _, p := range closeLoose {
		if n := len(p); n < len(w) && slices.Equal(w[len(w)-n:], p) && (m.partedAfter(to-n-1) || !binding[w[len(w)-n-1]]) {
			return n
		}
	}
	// "pls and thank u": once "thank u" is cut, "and" links two frames.
	if len(w) > 2 && w[len(w)-1] == "and" && to < len(m.words) {
		return 1
	}
	// A clause after a mark.
	for n := 1; n < len(w) && n <= maxFrameWords; n++ {
		tail := w[len(w)-n:]
		if m.partedAfter(to-n-1) && (frameClause(tail) || signOff(tail)) {
			return n
		}
	}
	// Or the longest run of a frame's words that opens a clause and thanks
	// ("… would really appreciate your input", "… thanks sam"), not the
	// question's own last words ("… who approves h/c here thanks").
	for n := min(len(w)-1, maxFrameWords); n > 0; n-- {
		tail := w[len(w)-n:]
		if (thanks[tail[0]] || starts[tail[0]]) && slices.ContainsFunc(tail, func(s string) bool { return thanks[s] }) &&
			(framingWords(tail) || thanks[tail[0]] && signOff(tail)) {
			return n
		}
	}
	return 0
}

// maxFrameWords bounds a clause read as a frame.
const maxFrameWords = 12

// frameClause reports whether a clause only frames: its words are all a
// frame's, or it greets someone by name ("hi team", "dear sir madam").
func frameClause(w []string) bool {
	if framingWords(w) {
		return true
	}
	return greetings[w[0]] && len(w) <= 3
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

// The phrasings that frame a question, each kind longest first, so that
// "thanks in advance" is cut whole, written as people type them and read
// as Words reads a message ("i'm" is "i m"): those cut wherever they stand
// at the question's edge (free), and those cut only where punctuation
// parts them from it (apart). frameLinks join frames ("dumb question
// but …", "pls and thank u"); greetings may greet someone by name,
// signOffs sign with one; thanks open a closing frame with no mark
// before it, and so do starts; frameWords are the words a frame is made of, and none asks
// (no "what", "how", "who").
var (
	openFree = framings("um", "umm", "uh", "hmm", "hmmm", "ugh", "cc", "bot", "tbh", "ngl", "anyway", "anyways", "lol", "haha",
		"lmao", "so like", "weird question", "weird q", "asking for a friend", "idk who else to ask",
		"not sure who else to ask", "not sure who to ask", "dont know who else to ask", "hi", "hii", "hiii", "hey", "heya", "heyy", "hello", "helo", "hallo", "hiya", "howdy", "yo",
		"hey there", "hi there", "hello there", "hi all", "hey all", "hello all", "hi team", "hey team", "hi folks",
		"hey folks", "hi everyone", "hey everyone", "hello everyone", "hey y'all", "hey yall", "hi bot", "hey bot",
		"hello bot", "dear bot", "director bot", "good morning", "good afternoon", "good evening", "gm",
		"quick q", "quick question", "quick one", "a quick one", "qq", "random q", "random question", "dumb q",
		"dumb question", "dumb question time", "stupid q", "stupid question", "silly q", "silly question",
		"naive question", "noob question", "newbie question", "basic question", "honest question",
		"genuine question", "serious question", "real talk", "question for you", "a question for you",
		"i have a question", "i have a quick question", "got a question", "got a quick question", "ok so",
		"okay so", "alright so", "so yeah", "oh and", "sorry to bother you", "sorry to bother", "sorry to bug you",
		"sorry for the dumb question", "sorry if this is a dumb question", "this might be a dumb question",
		"this may be a dumb question", "might be a dumb question", "maybe a dumb question",
		"probably a dumb question", "might be a silly question", "can i ask you something", "can i ask something",
		"can i ask you a question", "can i ask a question", "may i ask", "mind if i ask", "i was wondering",
		"i'm wondering", "just wondering", "was wondering", "i'm curious", "just curious")
	openApart = framings("ok", "okay", "alright", "so", "well",
		"btw", "fyi", "also", "q", "question", "sorry", "apologies", "pardon", "excuse me", "please", "pls", "plz",
		"kindly", "help", "morning", "afternoon", "evening", "curious", "how are you", "how are you doing",
		"how are you doing today", "how are you today", "how's it going", "hows it going", "how's your day",
		"how's your day going", "how is your day going", "how's your week going", "what's up", "whats up", "sup",
		"one more", "one more thing", "one more question", "another one", "another question", "follow up",
		"followup", "real quick", "newbie here", "noob here", "new here", "thanks", "thank you", "ty", "cool",
		"great", "nice", "got it", "makes sense", "cc")
	closeFree = framings("thanks", "thank you", "thank u", "thanks a lot", "thanks so much", "thank you so much",
		"thanks a ton", "thanks a bunch", "many thanks", "thanks in advance", "thank you in advance",
		"thx in advance", "tia", "thx", "thnx", "thnks", "tnx", "thanx", "ty", "tysm", "tyvm", "cheers", "ta",
		"much appreciated", "appreciate it", "appreciate any help", "i appreciate it", "would appreciate it", "lol",
		"lmao", "haha", "hahaha", "hehe", "heh", "pls", "plz", "please", "asking for a friend", "just curious", "lmk",
		"let me know", "please advise", "kindly advise", "please revert", "kindly revert", "thanks bot", "ty bot",
		"cc", "no rush", "no worries", "no pressure", "any thoughts", "any ideas", "any tips", "any pointers",
		"many thanks in advance", "lmk what you think", "let me know what you think", "what do you think", "wdyt",
		"thnaks", "thansk", "tahnks", "thnks", "thank you very much", "thanks very much", "you know what i mean", "danke", "merci", "gracias", "obrigado", "obrigada", "valeu", "salamat",
		"salamat po", "grazie", "bless", "god bless", "god bless you", "xd",
		"if you know what i mean", "know what i mean", "idk", "no cap", "fr", "fr fr")
	closeLoose = framings("thoughts", "ideas", "advice", "any advice", "tips", "pointers", "help", "any help",
		"any help appreciated", "any input", "suggestions", "any suggestions", "help pls", "help please",
		"please help", "asap", "pls help")
	closeApart = framings("your thoughts", "input", "curious", "right", "or not", "sorry", "sorry if this is obvious", "sorry if this is a dumb question",
		"sorry if dumb", "sorry if this is basic", "if that makes sense", "does that make sense",
		"hope that makes sense", "when you get a chance", "when you have a sec", "when you have a moment",
		"whenever you can", "if you have a moment", "if you know", "anyone", "anybody", "ok")
	// binding words hold the word after them in the question: "do you have
	// any advice", "what are your thoughts".
	binding = NewSet(Words(`your my our their his her its the a an any some no have has had need needs want get give share
		can could would you me us them for of on about with to from what are is`))
	starts     = NewSet(Words("i would really any much many no not hope let looking if sent have ok okay just feel and but so"))
	frameLinks = NewSet([]string{"but", "so", "and", "ok", "okay", "alright", "anyway", "anyways", "like", "um", "pls", "plz", "please"})
	greetings  = NewSet(Words("hi hii hiii hey heya heyy hello helo hallo hiya howdy yo dear greetings gm hola oi moin ciao namaste salut bonjour"))
	signOffs   = NewSet(Words("thanks thx ty ta cheers regards best br sincerely thanking warmly bye yours"))
	thanks     = NewSet(Words("thanks thank thx thnx thnks tnx thanx ty tysm ta tia cheers lmk pls plz please regards appreciate appreciated haha lol lmao whenever kindly thanking sorry bye"))
	// A frame's words: greetings, small talk, apologies, prefaces, thanks
	// and sign-offs. A guide's topic words are not among them.
	frameWords = NewSet(Words(`hi hii hiii hey heya heyy hello helo hallo hiya howdy yo greetings dear gm good
		morning afternoon evening day all everyone everybody folks guys y'all yall there sir madam bot hope you
		your u ur you're are is re doing going well great fine ok okay alright this that thats it's it s happy
		friday monday new year sorry sry srry apologies apologize apologise pardon excuse forgive me my mine the a
		an if was been be might may probably possibly maybe silly dumb stupid weird obvious basic naive noob
		newbie random quick short question questions quesiton qustion questoin q qq query doubt one another
		something asked before already wrong right channel place page saw ping pinging bother bothering bug
		bugging interrupt interruption disturb disturbing spam for to in of on feel free ignore lol haha hehe
		lmao but so like just thought thoughts wondering curious lowkey actually wait nevermind i i'm have had
		having got can could would like kindly please pls plz help hlep ask asking said someone following here
		out with and or thanks thank thx thnx thnks tnx thanx ty tysm tyvm ta tia cheers much very really many
		lot ton bunch advance appreciated appreciate grateful understanding any regards best kind warm br
		sincerely thanking looking forward reply response message hear hearing from soon lmk let know when
		whenever get chance sec second moment no not sure rush worries pressure urgent needful do revert advise
		input ideas tips pointers suggestions advice again at earliest mate x xx xoxo think english nice weekend
		busy sent phone mobile typos typo still bye friend bestie buddy pal xd yours faithfully truly`))
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
