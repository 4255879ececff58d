package blockkit

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/question"
)

// Kind tells a reply's purpose: for the bot's metrics, and for what the
// store keeps of the question (bot/store.Refusal).
type Kind int

// The kinds of reply to a question.
const (
	// KindHelp answers a message that asks nothing of the guide: the help
	// message, the reply to thanks, or more of the last answer.
	KindHelp Kind = iota
	// KindAnswer answers the question from the guide.
	KindAnswer
	// KindUnsure answers it with the closest the guide has, which may not
	// answer it (index.Result.Unsure): where the guide may be thin.
	KindUnsure
	// KindNoAnswer says that the guide does not cover the question.
	KindNoAnswer
	// KindOutsideTopic, KindOtherRole and KindCompanyFact say that the
	// guide cannot answer it, and why (index.Reason): questions for others
	// to answer, not gaps in the guide.
	KindOutsideTopic
	KindOtherRole
	KindCompanyFact
	// KindRequest says that the bot answers questions and does not write,
	// summarize or translate the text asked for: no gap in the guide.
	KindRequest
	// KindConversation says that the guide gives no words for one
	// conversation with particular people: no gap in the guide either.
	KindConversation
	// KindOpinion says that the guide holds no opinions and weighs no
	// decision of the asker's own life: no gap in the guide either.
	KindOpinion
	// kindCount is how many kinds there are.
	kindCount
)

// kindNames name the kinds of reply in logs, as the store names refusals.
var kindNames = [kindCount]string{
	KindHelp: "help", KindAnswer: "answer", KindUnsure: "unsure", KindNoAnswer: "no_answer",
	KindOutsideTopic: "outside_topic", KindOtherRole: "other_role", KindCompanyFact: "company_fact",
	KindRequest: "request", KindConversation: "conversation", KindOpinion: "opinion",
}

// String names the kind of reply: "answer", "no_answer", "company_fact"….
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "Kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// Answered reports whether a reply of kind k answered from the guide.
func (k Kind) Answered() bool { return k == KindAnswer || k == KindUnsure }

// Refused reports whether the reply refuses the question for a reason a
// rule knows (a topic left to others, another role, …), rather than
// finding too little of it in the guide.
func (k Kind) Refused() bool { return k >= KindOutsideTopic }

// refusalKinds are the kinds of no-answer by the reason the search gave.
var refusalKinds = map[index.Reason]Kind{
	index.NotCovered:   KindNoAnswer,
	index.OutsideTopic: KindOutsideTopic,
	index.OtherRole:    KindOtherRole,
	index.CompanyFact:  KindCompanyFact,
	index.Request:      KindRequest,
	index.Conversation: KindConversation,
	index.Opinion:      KindOpinion,
}

// IsGreeting reports whether a message is empty, or only a greeting and
// small talk ("hey there, how's your day going?", "tell me a joke about
// managers"), which no section answers.
func (a App) IsGreeting(message string) bool { return a.chat(message).greeting() }

// chatText is a message as small talk is matched (chat): read once, it
// is asked whether it is help, more, thanks or a greeting.
type chatText string

// help reports whether the message asks for help rather than about the
// guide: "help", "what can you do?", or a greeting.
func (c chatText) help() bool {
	return c.greeting() || slices.Contains(helpWords, string(c))
}

// greeting is IsGreeting of the message.
func (c chatText) greeting() bool { return c == "" || c == "again" || c.smallTalk() }

// IsSmallTalk reports whether a message is small talk or asks for a joke,
// beside a greeting or none ("hey, how's your day going?", "tell me a
// joke about managers"): it is told the bot has neither (SmallTalk).
func (a App) IsSmallTalk(message string) bool { return a.chat(message).smallTalk() }

// AsksSource reports whether a message only asks where an answer comes
// from: "source?", "where is this from?", "citation?".
func (a App) AsksSource(message string) bool { return a.chat(message).source() }

// source is AsksSource of the message.
func (c chatText) source() bool { return slices.Contains(sources, string(c)) }

// Doubts reports whether a message only doubts an answer: "are you
// sure?", "really?", "is that right?". It gets where the answer comes
// from, not a search of the guide, which would find another.
func (a App) Doubts(message string) bool { return a.chat(message).doubt() }

// doubt is Doubts of the message.
func (c chatText) doubt() bool { return slices.Contains(doubts, c.unpleased()) }

// AsksShort reports whether a message only asks for the last answer in
// short: "tl;dr", "summary pls". It gets the answer's first line.
func (a App) AsksShort(message string) bool {
	return slices.Contains(shorts, a.chat(message).unpleased())
}

// unpleased is the message without the "please" that closes it.
func (c chatText) unpleased() string {
	for _, p := range []string{" please", " pls", " plz"} {
		if q, ok := strings.CutSuffix(string(c), p); ok {
			return q
		}
	}
	return string(c)
}

// smallTalk is IsSmallTalk of the message.
func (c chatText) smallTalk() bool {
	_, joking := cutPhrase(string(c), []string{joke})
	return slices.Contains(smallTalk, string(c)) || joking
}

// thanks reports whether a message only thanks or acknowledges an answer
// ("thanks!", "ok cool", "thanks, that was super helpful"): it gets a
// word back, not a search of the guide.
func (c chatText) thanks() bool {
	q := string(c)
	if q == "" {
		return false
	}
	for cut := true; cut && q != ""; {
		if q, cut = cutPhrase(q, acknowledgements); !cut {
			q, cut = cutPhrase(q, names)
		}
	}
	return q == ""
}

// complaint reports whether a message only says that the last reply
// missed ("ugh, that's not what I asked", "wrong", "why?"): it gets a word
// on what to do next, not a search of the guide for its words.
func (c chatText) complaint() bool {
	q := string(c)
	for cut := true; cut && q != ""; {
		q, cut = cutPhrase(q, interjections)
	}
	q = strings.TrimSuffix(pointing.Replace(q+" "), " ")
	return q != "" && slices.Contains(complaints, q)
}

// pointing writes the ways of pointing at the last reply as complaints
// write them: "no that is wrong", "this is not right", "it's incorrect".
var pointing = strings.NewReplacer("that is ", "that's ", "this is ", "that's ", "it is ", "that's ", "it's ", "that's ",
	"its ", "that's ", "thats ", "that's ")

// chat returns a message as small talk is matched: opened, and the bot's
// name that closes it ("thanks, bot") cut; a message of thumbs up and
// the like alone, which opening would blank, as thanks.
func (a App) chat(message string) chatText { return chatOf(message, opened(a.asBot(message))) }

// asBot writes the app's name as "bot" where a message opens or closes
// with it, in any case, as greetings and thanks name it ("hi Career
// Compass", "thanks, career compass!"), for chat, which cuts "bot" there.
// A message that says it elsewhere is left as said, and so is one that
// is only a name of one word: "ladder?" or "who owns this ladder's
// rungs?" may ask of the guide, whatever the app is called.
func (a App) asBot(message string) string {
	name := []rune(strings.ToLower(a.Name()))
	runes := []rune(message)
	// trimmed: only spaces and marks from rune from to rune to; at: the
	// name from rune i, as a word of its own.
	trimmed := func(from, to int) bool { return !slices.ContainsFunc(runes[from:to], isWordRune) }
	at := func(i int) bool {
		if i < 0 || i+len(name) > len(runes) || strings.ToLower(string(runes[i:i+len(name)])) != string(name) {
			return false
		}
		return (i == 0 || !isWordRune(runes[i-1])) && (i+len(name) == len(runes) || !isWordRune(runes[i+len(name)]))
	}
	start := slices.IndexFunc(runes, isWordRune)
	end := len(runes)
	for end > 0 && !isWordRune(runes[end-1]) {
		end--
	}
	switch {
	case start < 0:
		return message
	case trimmed(0, start) && at(start) && trimmed(start+len(name), len(runes)):
		if len(strings.Fields(a.Name())) > 1 {
			return "bot"
		}
		return message
	case at(start):
		return string(runes[:start]) + "bot" + string(runes[start+len(name):])
	case at(end - len(name)):
		return string(runes[:end-len(name)]) + "bot" + string(runes[end:])
	}
	return message
}

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// chatOf is chat of a message opened already (opened).
func chatOf(message, opened string) chatText {
	switch {
	case only(message, approvals):
		return "thanks"
	case only(message, disapprovals), onlyQuestionMarks(message):
		return "wrong"
	}
	return unnamed(opened)
}

// onlyQuestionMarks reports whether a message is only "?" ("??"), which
// asks what the last reply meant, as ❓ does.
func onlyQuestionMarks(message string) bool {
	q := strings.TrimSpace(message)
	return q != "" && strings.Trim(q, "?？") == ""
}

// only reports whether a message is only some of emoji, in any skin
// tone ("👍", "🙏🏽", ":+1::skin-tone-3:"), as a reply to an answer.
func only(message string, emoji []string) bool {
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(message)); r < 0x80 && r != ':' {
		return false // words, as nearly every message opens
	}
	fields := strings.Fields(skinTones.ReplaceAllString(message, ""))
	for _, f := range fields {
		f = strings.Map(func(r rune) rune {
			if unicode.In(r, unicode.Mn, unicode.Sk) || r == '\ufe0f' || r >= 0x1F3FB && r <= 0x1F3FF {
				return -1 // variation selectors and skin tones
			}
			return r
		}, f)
		for f != "" {
			rest, ok := cutEmoji(f, emoji)
			if !ok {
				return false
			}
			f = rest
		}
	}
	return len(fields) > 0
}

// skinTones are Slack's codes for an emoji's skin tone, which follow its
// own: ":+1::skin-tone-3:".
var skinTones = regexp.MustCompile(`:skin-tone-[2-6]:`)

// cutEmoji cuts one of emoji from the start of s.
func cutEmoji(s string, emoji []string) (string, bool) {
	for _, e := range emoji {
		if rest, ok := strings.CutPrefix(s, e); ok {
			return rest, true
		}
	}
	return s, false
}

// disapprovals are the emoji that say an answer missed, as typed or as
// Slack's codes.
var disapprovals = []string{"👎", "😕", "🤔", "❌", "❓", "❔", ":-1:", ":thumbsdown:", ":confused:", ":thinking_face:", ":x:", ":question:", ":grey_question:"}

// approvals are the emoji, as typed or as Slack's codes, that thank or
// approve.
var approvals = []string{"👍", "👌", "🙏", "✅", "💯", "🙌", "👏", "❤", "♥", "🎉", "🤝", "🔥", "😊", "🙂",
	":+1:", ":thumbsup:", ":pray:", ":ok_hand:", ":white_check_mark:", ":100:", ":raised_hands:", ":clap:", ":heart:", ":tada:", ":slightly_smiling_face:", ":blush:"}

// unnamed returns an opened message with the bot's name that closes it cut.
func unnamed(q string) chatText {
	for _, name := range names {
		if rest, ok := strings.CutSuffix(q, " "+name); ok {
			return chatText(rest)
		}
	}
	return chatText(q)
}

// opened returns a message lower case, its punctuation and emoji read as
// spaces, and the greetings and the bot's name that open it ("hi bot, good
// morning") cut. A question about the bot is read so, its last word kept:
// "are you a bot?".
func opened(message string) string {
	q := strings.Join(strings.Fields(strings.Map(blankSymbol, punctuation.Replace(strings.ToLower(question.Normalize(message))))), " ")
	for cut := true; cut; {
		q, cut = cutOpening(q)
	}
	return q
}

// blankSymbol turns an emoji or another symbol, and its modifiers, into a
// space: "thanks 🙏" only thanks.
func blankSymbol(r rune) rune {
	if unicode.In(r, unicode.So, unicode.Sk, unicode.Mn) {
		return ' '
	}
	return r
}

// cutOpening cuts one greeting or name of the bot from the start of q,
// and reports whether it did.
func cutOpening(q string) (string, bool) {
	if rest, ok := cutPhrase(q, greetings); ok {
		return rest, true
	}
	return cutPhrase(q, names)
}

// cutPhrase cuts the first of phrases that opens q as whole words, and
// reports whether one did.
func cutPhrase(q string, phrases []string) (string, bool) {
	for _, p := range phrases {
		if rest, ok := strings.CutPrefix(q, p); ok && (rest == "" || rest[0] == ' ') {
			return strings.TrimSpace(rest), true
		}
	}
	return q, false
}

// greetings open a message, each before the shorter ones it begins with
// ("hey there" before "hey"), so that one is cut whole, and so do names,
// the ways people address the bot in text (a real mention is gone by
// now); helpWords and smallTalk are whole messages that ask nothing of
// the guide, and so is "again" after a greeting ("hi again"), a message that opens with joke asks for one, and a message
// of acknowledgements alone, longest first, only thanks; punctuation is
// read as spaces, and a curly apostrophe as a straight one.
var (
	punctuation = strings.NewReplacer("’", "'", ",", " ", "!", " ", "?", " ", ".", " ", ":", " ", ";", " ", "—", " ", "–", " ", "-", " ")
	greetings   = []string{"hello there", "hey there", "hi there", "good morning", "good afternoon", "good evening", "hello", "hey", "hiya", "hi", "yo",
		// Colleagues abroad greet in their own words.
		"hallo", "moin", "servus", "hola", "bonjour", "ciao", "salut"}
	names     = []string{"@director bot", "director bot", "@bot", "bot"}
	helpWords = []string{"help", "help me", "help please", "start", "usage", "commands", "menu", "topics", "list topics",
		"show topics", "all topics", "what topics", "who are you", "what are you", "what can you do", "what do you do",
		"what do you know", "what can i ask", "what can i ask you", "what should i ask", "what do you know about",
		"what is your name", "what's your name", "whats your name", "your name", "are you", "who is this", "who's this"}
	smallTalk = []string{"how are you", "how are you doing", "how's it going", "how is it going", "how's your day",
		"how's your day going", "how is your day going", "hows it going", "hows your day", "hows your day going", "how you doing", "how are you today",
		"how r u", "how are u", "how are things", "what's up", "whats up", "sup",
		"u up", "you up", "are you up", "r u up", "you there", "u there", "are you there", "r u there", "anyone there",
		"anybody there", "you awake", "are you awake", "ping"}
	sources = []string{"source", "sources", "your source", "what's the source", "whats the source", "what is the source",
		"what's your source", "whats your source", "what is your source", "where is this from", "where's this from",
		"wheres this from", "where is that from", "where's that from", "where does this come from", "where does that come from",
		"where did you get that", "where did you get this", "citation", "cite", "reference", "ref", "link", "says who"}
	doubts = []string{"are you sure", "are you sure about that", "are you sure about this", "you sure", "u sure", "r u sure", "sure about that",
		"really", "for real", "is that right", "is that true", "is that correct", "is that accurate", "is that so", "is this right",
		"is this true", "is this correct", "is this accurate", "how do you know", "how do you know that", "how do you know this",
		"is this guide accurate", "is the guide accurate", "how accurate is this", "how accurate is the guide", "how accurate is this guide",
		"is this guide up to date", "is the guide up to date", "is this up to date", "can i trust this", "can i trust you", "is this reliable"}
	shorts = []string{"tl dr", "tldr", "summary", "summarize", "summarise", "summarize it", "summarise it", "sum it up", "in short",
		"short version", "the short version", "give me the short version", "too long", "eli5", "in one sentence", "one sentence"}
	joke             = "tell me a joke"
	acknowledgements = []string{"thank you so much", "thank you very much", "thank you", "thanks a lot", "thanks so much", "thanks very much", "thanks", "many thanks",
		"for the help", "for your help", "understood",
		"danke schön", "danke schon", "danke", "vielen dank", "merci beaucoup", "merci", "muchas gracias", "gracias", "grazie", "obrigado", "obrigada",
		"thx", "thnx", "tysm", "ty", "cheers", "okay", "ok", "cool", "great", "awesome", "nice", "perfect", "got it",
		"makes sense", "that helps", "that helped", "that was super helpful", "that was really helpful",
		"that was very helpful", "that was helpful", "that's really helpful", "that's very helpful", "that's super helpful",
		"that's helpful", "thats helpful", "that is helpful", "this is super helpful", "this is really helpful", "this is very helpful",
		"this is helpful", "this was helpful", "that actually helps", "that really helps",
		"that helps a lot", "this helps", "exactly what i needed", "super helpful", "really helpful", "very helpful", "helpful",
		"super useful", "really useful", "very useful", "useful",
		"much appreciated", "appreciate it", "i appreciate it", "thank u", "thanks u", "kk", "k", "lol", "nice one",
		"you rock", "good", "bye", "goodbye", "bye bye", "see you", "see ya", "cya", "good night"}
	// interjections may open a complaint, which is then one of complaints.
	interjections = []string{"ugh", "hmm", "hm", "meh", "nope", "no", "nah", "well", "um", "uh", "but", "sorry", "lol"}
	complaints    = []string{"that's not what i asked", "not what i asked", "that's not what i meant",
		"that's incorrect", "incorrect", "that's not correct", "not correct", "that's not true", "not true", "that's false",
		"not what i meant", "that's not what i asked for", "not what i asked for", "that's wrong", "wrong", "wrong answer",
		"that's not right", "not right", "that's not it", "not it",
		"not helpful", "that's not helpful", "that didn't help", "that didnt help", "that doesn't help",
		"that doesnt help", "useless", "that's useless", "why", "huh", "what", "wat", "wut", "you didn't answer my question",
		"you didnt answer my question", "that doesn't answer my question", "that doesnt answer my question", "try again",
		// "bad bot" and "useless bot" are "bad" and "useless" once the
		// bot's name that closes them is cut (unnamed).
		"this bot is useless", "you're useless", "youre useless", "you are useless", "bad",
		"bad answer", "terrible answer", "wtf", "wtf is this", "what the hell", "this doesn't work", "this doesnt work",
		"that's not helpful at all", "not helpful at all", "that's not helpful either",
		"you already said that", "you said that already", "you already told me that", "same answer again", "same answer",
		"that was not helpful", "that was not so helpful", "that was not very helpful", "that wasn't helpful", "that wasnt helpful",
		"that wasn't very helpful", "that wasnt very helpful", "not so helpful", "not very helpful", "not really helpful",
		"the answer was not helpful", "the answer before was not helpful", "the answer before was not so helpful",
		"the last answer was not helpful", "the last answer was not so helpful", "the last answer wasn't helpful"}
)

// Found is what the guide's search found for a question: all that an
// answer to it is rendered from.
type Found struct {
	// Question is the message as asked.
	Question string
	// Result is the search's (index.Index.AskAfter), of up to HitsWanted
	// hits.
	Result index.Result
	// Roles are the roles the guide describes (index.Index.Roles), which a
	// refusal names.
	Roles []string
}

// HitsWanted is how many hits an answer shows: the one that answers, and
// the related topics after it.
const HitsWanted = 1 + maxRelatedTopics

// Answer renders the reply to a question from what the search found: the
// best section with related topics, or an honest no-answer with the
// closest topics. A private reply is one only the asker sees, with a
// "Share in channel" button. The feedback buttons of an answer carry token
// when it is not "" (ReadVote), for a bot that keeps its questions.
func (a App) Answer(f Found, private bool, token string) (Message, ReplyOutcome) {
	r := f.Result
	if len(r.Hits) == 0 {
		closest := r.Closest[:min(maxRelatedTopics, len(r.Closest))]
		reason := refusalReason(f.Roles, r.Why, r.Role, r.Becoming)
		if reason == "" && question.Foreign(f.Question) {
			// Not a gap of the guide, most likely: the search reads
			// English alone.
			reason = foreignReason
		}
		return a.renderNoAnswer(f.Question, r.Why, reason, sections(closest)), ReplyOutcome{Kind: refusalKind(r.Why)}
	}
	hits := r.Hits
	ans := answer{hit: hits[0], related: partTopics(r.Others, related(hits[0].Section, sections(hits[1:]))), private: private, unsure: r.Unsure, undefined: r.Undefined, parts: r.Others}
	for _, u := range r.Unanswered {
		ans.unanswered = append(ans.unanswered, unansweredPart{asked: u.Asked, reason: refusalReason(f.Roles, u.Why, u.Role, u.Becoming)})
	}
	out := ReplyOutcome{Kind: KindAnswer, Question: r.Asked, Others: others(r), Elsewhere: hits[0].Elsewhere}
	if r.Unsure || r.Undefined != "" {
		out.Kind = KindUnsure
	}
	msg, section := withReplyToken(renderAnswer(ans), token)
	out.Section = section
	return msg, out
}

// Chat renders the reply to a message that asks nothing of the guide g
// (help, thanks, a complaint, a question about the bot, which is told
// what k says the bot keeps); ok is false for a question to search.
func (a App) Chat(g *content.Guide, message string, k Keeping) (msg Message, ok bool) {
	o := opened(a.asBot(message))
	switch c := chatOf(message, o); {
	case c.smallTalk():
		return a.SmallTalk(), true
	case c.help(), c.more():
		// "Tell me more" with no answer before it (a slash command stands
		// alone) gets what there is to know about.
		return a.renderHelp(g), true
	case c.thanks():
		return a.GladToHelp(), true
	case c.source():
		// Asked alone, with no answer before it to place.
		return sentence(ownWords), true
	case c.doubt():
		return sentence(ownWords + " I can't vouch for them beyond the guide: if one looks wrong, 👎 on it tells the guide's owners."), true
	case c.complaint():
		return a.Missed(), true
	case c == "reload" || c == "reload the guide":
		// An admin reaching for the command in a DM or a mention: no
		// question of the guide's, and no gap for the report.
		return a.ReloadHow(), true
	case asksAboutBot(o):
		return a.renderAboutBot(g, k), true
	}
	return Message{}, false
}

// refusalKind is the kind of reply that gives why's reason.
func refusalKind(why index.Reason) Kind {
	if kind, ok := refusalKinds[why]; ok {
		return kind
	}
	return KindNoAnswer
}

// others is what the other questions of r's message got, as its answer
// shows them (partBlocks).
func others(r index.Result) []Other {
	var out []Other
	for _, p := range r.Others {
		out = append(out, Other{Question: p.Asked, Kind: KindAnswer, Section: p.Hit.Section.ID})
	}
	for _, u := range r.Unanswered {
		out = append(out, Other{Question: u.Asked, Kind: refusalKind(u.Why)})
	}
	return out
}

func sections(hits []index.Hit) []*content.Section {
	out := make([]*content.Section, len(hits))
	for i, h := range hits {
		out[i] = h.Section
	}
	return out
}

// Topic renders the section with the given ID, as after a click on a topic
// button; ok is false when the guide no longer has it.
func Topic(g *content.Guide, id string, private bool) (msg Message, ok bool) {
	s, ok := g.Section(id)
	if !ok {
		return Message{}, false
	}
	return renderAnswer(sectionAnswer(s, private)), true
}

// FullTable renders a section with one of its tables in full, from the
// value of a table button, or from one of its rows on, from a More rows
// button (tablePageValue); ok is false when the guide no longer has it.
func FullTable(g *content.Guide, value string, private bool) (msg Message, ok bool) {
	id, idx, from, ok := parseTableValue(value)
	if !ok {
		return Message{}, false
	}
	s, ok := g.Section(id)
	if !ok || idx >= len(s.Tables()) || from > 0 && from >= len(s.Tables()[idx].Rows) {
		return Message{}, false
	}
	a := sectionAnswer(s, private)
	a.fullTable, a.tableIndex, a.tableFrom = true, idx, from
	return renderAnswer(a), true
}

// More renders the next message of an answer too long for one, from the
// value of a Continue reading button; ok is false when the guide no
// longer has the section or the place.
func More(g *content.Guide, value string, private bool) (msg Message, ok bool) {
	id, from, ok := parseMoreValue(value)
	if !ok {
		return Message{}, false
	}
	s, ok := g.Section(id)
	if !ok || from >= len(bodyUnits(s)) {
		return Message{}, false
	}
	a := sectionAnswer(s, private)
	a.from = from
	return renderAnswer(a), true
}

// Shared renders for everyone in a channel the answer a "Share in
// channel" button's value names (shareValue), opening with the passage,
// rows or table the asker saw, and says who shared it, and whether it was
// only the closest the guide has; ok is false when the guide no longer has
// the section.
func Shared(g *content.Guide, value, userID string) (msg Message, ok bool) {
	a, ok := sharedAnswer(g, value)
	if !ok {
		return Message{}, false
	}
	a.related, a.sharedBy = related(a.hit.Section, nil), userID
	return renderAnswer(a), true
}

// sectionAnswer is the answer that shows a section found by ID rather than
// by a search.
func sectionAnswer(s *content.Section, private bool) answer {
	return answer{hit: index.Hit{Section: s}, related: related(s, nil), private: private}
}
