package blockkit

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

// rendered is what a button's renderer returned.
type rendered struct {
	msg Message
	ok  bool
}

func got(msg Message, ok bool) rendered { return rendered{msg, ok} }

func TestButtonReplies(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	const id = "comparison-director-vs-vp"
	s, ok := g.Section(id)
	if !ok {
		t.Fatalf("no section %q", id)
	}
	tests := []struct {
		name string
		got  rendered
		// want is a text the message shows; empty when the guide lacks
		// what the button names.
		want string
	}{
		{"topic", got(Topic(g, id, true)), "Comparison: Director vs VP"},
		{"full table", got(FullTable(g, tableValue(id, 0), true)), "Team size"},
		{"shared", got(Shared(g, id, "U1")), "Shared by <@U1>"},
		{"shared with the row the asker saw", got(Shared(g, shareValue(answer{hit: index.Hit{Section: s, Rows: []index.RowRef{{Table: 0, Row: 3}}}}), "U1")), "> *Reports to* —"},
		{"shared, unsure", got(Shared(g, shareValue(answer{hit: index.Hit{Section: s}, unsure: true}), "U1")), "The guide may not answer this exactly"},
		{"shared with a row the guide lost", got(Shared(g, id+"|r:0.99,7.0|00000000", "U1")), "Shared by <@U1>"},
		{"missing topic", got(Topic(g, "no/such/section", true)), ""},
		{"missing table", got(FullTable(g, tableValue(id, len(s.Tables())), true)), ""},
		{"bad table value", got(FullTable(g, "not-a-table-value", true)), ""},
		{"shared missing topic", got(Shared(g, "no/such/section", "U1")), ""},
	}
	for _, tt := range tests {
		if tt.got.ok != (tt.want != "") {
			t.Errorf("%s: ok = %v", tt.name, tt.got.ok)
			continue
		}
		if !tt.got.ok {
			continue
		}
		checkMessage(t, tt.name, tt.got.msg)
		m := decode(t, tt.got.msg)
		if all := strings.Join(append(texts(m), cells(m)...), "\n"); !strings.Contains(all, tt.want) {
			t.Errorf("%s: lacks %q", tt.name, tt.want)
		}
	}
}

func TestTableValues(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		value     string
		idx, from int
	}{{tableValue("a/b", 3), 3, 0}, {tablePageValue("a/b", 3, 99), 3, 99}} {
		id, idx, from, ok := parseTableValue(tt.value)
		if !ok || id != "a/b" || idx != tt.idx || from != tt.from {
			t.Errorf("%q gave %q, %d, %d, %v", tt.value, id, idx, from, ok)
		}
	}
	for _, bad := range []string{"", "a/b", "a/b#", "a/b#x", "a/b#-1", "a/b#1@", "a/b#1@x", "a/b#1@-2"} {
		if _, _, _, ok := parseTableValue(bad); ok {
			t.Errorf("%q parsed as a table value", bad)
		}
	}
}

func TestStockRepliesFitSlack(t *testing.T) {
	t.Parallel()
	checkMessage(t, "greeting", App{}.Greeting(guidetest.Embedded(t).Guide()))
	checkMessage(t, "nothing before", App{}.NothingBefore(guidetest.Embedded(t).Guide()))
	for name, msg := range map[string]Message{"gone": App{}.Gone(), "sorry": Sorry(), "thanks": App{}.Thanks(true), "thanks, not helpful": App{}.Thanks(false), "glad to help": App{}.GladToHelp(), "hello": Hello(), "files unread": FilesUnread(), "same as above": SameAsAbove(""), "same as above, said": SameAsAbove(strings.Repeat("Reports to — Director: VP · ", 200)), "already continued": AlreadyContinued(), "no more detail": NoMoreDetail(&content.Section{Title: "Hiring & <Interviews>"}),
		"source": Source(guidetest.Page(t, "# Hiring & <Interviews>\n\nText.\n").Guide().Pages[0].Root), "reload how": App{}.ReloadHow(), "missed": App{}.Missed(), "no more": App{}.NoMore(), "no more of a refusal": App{}.NoMoreOfRefusal()} {
		checkMessage(t, name, msg)
	}
}

// TestHelp tells greetings and small talk, which get the help message,
// from questions that merely open with a greeting.
func TestHelp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		message string
		help    bool
	}{
		{"", true},
		{"help", true},
		{"  Hi there!  ", true},
		{"hey there, how's your day going?", true},
		{"Hello! How are you?", true},
		{"good morning", true},
		{"how’s it going?", true},
		{"Who are you?", true},
		{"hey, what can you do?", true},
		{"topics", true},
		{"help me", true},
		{"commands?", true},
		{"help me prepare for a VP role", false},
		{"hey bot, good morning :wave:", true},
		{"@Director Bot how's your day going", true},
		{"Good evening, bot!", true},
		{":wave:", true},
		{"tell me a joke about engineering managers", true},
		{"hey bot, what does a director do?", false},
		{"director bottlenecks", false},
		{"what does a bot know about VPs?", false},
		{"tell me about jokes in all-hands", false},
		{"tell me a jokey story about VPs", false},
		{"hi again", true},
		{"hallo", true},
		{"Hola!", true},
		{"hallo, what does a director do?", false},
		{"what can you do for a new director?", false},
		{"who are the people a VP manages?", false},
		{"hi, what does a director do?", false},
		{"how's it going to change when I'm a VP?", false},
		{"how's your day supposed to look as a new director?", false},
		{"history of the VP role", false},
		{"hey there how many reports does a VP have", false},
		{"good morning bot hows it going", true},
		{"hey bot u up?", true},
		{"you there?", true},
		{"ping", true},
		{"are you there yet as a director?", false},
		{"hey, how r u", true},
		{"who are you, bot?", true},
		{"how are you bot", true},
		{"hows it going to change for a new VP?", false},
	}
	for _, tt := range tests {
		if got := (App{}).chat(tt.message).help(); got != tt.help {
			t.Errorf("help of %q = %v, want %v", tt.message, got, tt.help)
		}
	}
}

// TestSmallTalk: small talk and a request for a joke are told the bot
// has neither, not given the whole help; a greeting alone, or help, gets
// the help.
func TestSmallTalk(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	for _, tt := range []struct {
		message    string
		talk, chat bool
	}{
		{"tell me a joke", true, true},
		{"tell me a joke about VPs", true, true},
		{"hey there, how's your day going?", true, true},
		{"how are you bot", true, true},
		{"you there?", true, true},
		{"hi", false, true},
		{"hi again", false, true},
		{"good morning :wave:", false, true},
		{"help", false, true},
		{"tell me about jokes in all-hands", false, false},
	} {
		msg, ok := App{}.Chat(g, tt.message, Keeping{})
		if got := (App{}).IsSmallTalk(tt.message); got != tt.talk || ok != tt.chat {
			t.Errorf("App{}.IsSmallTalk(%q) = %v, want %v (a chat reply: %v)", tt.message, got, tt.talk, ok)
		}
		if got := strings.Contains(msg.Text, "no small talk"); got != tt.talk {
			t.Errorf("App{}.Chat(%q): %q", tt.message, msg.Text)
		}
	}
}

// TestThanks tells a message that only thanks or acknowledges an answer
// from a question that thanks on the way.
func TestThanks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		message string
		thanks  bool
	}{
		{"thanks!", true},
		{"Thank you.", true},
		{"ty", true},
		{"ok cool", true},
		{"cool, thanks!", true},
		{"hi, got it", true},
		{"thanks, bot!", true},
		{"@Director Bot thank you", true},
		{"thanks, that was super helpful!", true},
		{"thanks director bot, you rock", true},
		{"thank you director bot", true},
		{"k thx", true},
		{"ok thank u", true},
		{"bye!", true},
		{"good bot", true},
		{"Thanks, that's helpful.", true},
		{"thanks, that actually helps", true},
		{"appreciate it, super useful", true},
		{"useful tips for a new director?", false},
		{"that's helpful, but what does a VP do?", false},
		{"k, and what does a VP do?", false},
		{"ok cool, much appreciated", true},
		{"Thank you so much 🙏", true},
		{"thanks, and what about a VP?", false},
		{"helpful tips for a new director?", false},
		{"", false},
		{"thanks, and how long before a director becomes a VP?", false},
		{"ok so what does a VP do?", false},
		{"great managers: what makes one?", false},
		{"thanks this is super helpful", true},
		{"understood, thank you very much for the help!", true},
		{"danke", true},
		{"Vielen Dank!", true},
		{"merci beaucoup", true},
		{"understood: what does a VP own?", false},
	}
	for _, tt := range tests {
		if got := (App{}).chat(tt.message).thanks(); got != tt.thanks {
			t.Errorf("chat(%q).thanks() = %v, want %v", tt.message, got, tt.thanks)
		}
	}
}

// TestAboutBot asks about the bot itself, who sees what is asked of it
// and what it keeps, and about the roles in the same words: the first get
// what the bot is and keeps, as the server keeps it, the others the guide.
func TestAboutBot(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	kept := Keeping{Questions: true, Retention: 30 * 24 * time.Hour, Conversation: 30 * time.Minute}
	tests := []struct {
		question string
		about    bool
	}{
		{"who built you lol", true},
		{"@Director Bot what model are you running on?", true},
		{"hey bot, are you an AI or a real person?", true},
		{"are my messages to you visible to my manager?", true},
		{"can my boss see what I ask here?", true},
		{"is this private?", true},
		{"how do you work?", true},
		{"do you store my questions somewhere?", true},
		{"how do you work with product as a director?", false},
		{"who can see the roadmap before a VP signs off?", false},
		{"what model of leadership does a VP follow?", false},
		{"what do you keep in a director's 1:1 doc?", false},
		{"is this private equity experience useful for a VP?", false},
		{"do you log what I ask?", true},
		{"are you a bot?", true},
		{"hey - is this private lol", true},
		{"r u a real person", true},
		{"can anyone else see the answers you give me", true},
		{"is this bot using an llm under the hood", true},
		{"what model do you use for org design when you go from director to vp", false},
		{"who trained you to think like an exec?", false},
		{"how do i get my messages seen by the exec team as a director", false},
		{"should directors allow ai generated code in prod", false},
		{"are you ai-ready as a director? like does a vp need an ai strategy", false},
		{"if i ask you how to know you're ready for vp what would you say", false},
		{"should my data team report to a VP or a director?", false},
		{"how do I let my director know that I asked for a transfer?", false},
		{"what retention policy should a VP set for the team?", false},
		{"as a director, do you use ai to write performance reviews?", false},
		{"are your answers to the board supposed to be short as a VP?", false},
		{"my VP sent me this dm, how should I read it?", false},
		{"who can see my plan?", true},
		{"can my manager see that I'm ready for VP?", false},
		{"how do I keep my messages short as a VP?", false},
		{"do you record 1:1s as a director?", false},
		{"who wrote this guide?", true},
		{"how up to date is this guide? who wrote it?", true},
		{"what does the guide say a director owns?", false},
		{"who owns the guide for incident response, a director or a VP?", false},
		{"who updates the guide when the team's process changes?", false},
		{"is the guide up to date with remote team practices?", false},
	}
	for _, tt := range tests {
		msg, out, err := replyTo(t.Context(), ix, tt.question, "", true, "tok123", kept)
		if err != nil {
			t.Fatal(err)
		}
		text := Readable(msg)
		if got := strings.HasPrefix(text, "About Director Bot"); got != tt.about {
			t.Errorf("Reply(%q) about the bot = %v, want %v:\n%s", tt.question, got, tt.about, text)
			continue
		}
		if !tt.about {
			continue
		}
		if out.Kind != KindHelp || out.Section != "" {
			t.Errorf("Reply(%q) is of kind %d for section %q, want help, which the store does not keep", tt.question, out.Kind, out.Section)
		}
		for _, want := range []string{"I'm a bot, not a person, and not a language model", "only you see the answer", "everyone in the channel can see", "with your user ID, for 30 minutes", "without any user or channel ID, deleted after 30 days", "`/director forget me` (or `forget me` in a DM with me) deletes everything", "they read them"} {
			if !strings.Contains(text, want) {
				t.Errorf("Reply(%q) does not say %q:\n%s", tt.question, want, text)
			}
		}
	}
	msg, _, err := replyTo(t.Context(), ix, "who can see my questions?", "", true, "", Keeping{})
	if err != nil {
		t.Fatal(err)
	}
	if text := Readable(msg); !strings.Contains(text, "No questions for the guide's owners: they are not kept") || strings.Contains(text, "without any user or channel ID") || strings.Contains(text, "with your user ID") {
		t.Errorf("a bot that keeps no questions says:\n%s", text)
	}
}

// TestComplaints answers a message that only says the last reply missed
// with a word on what to do next, not a search for its words.
func TestComplaints(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	missed := Readable(App{}.Missed())
	for _, tc := range []struct {
		message  string
		complain bool
	}{
		{"ugh, that's not what I asked", true},
		{"❓", true},
		{"??", true},
		{":question:", true},
		{"this bot is useless", true},
		{"wtf is this", true},
		{"wtf", true},
		{"you're useless", true},
		{"nope, wrong answer", true},
		{"bad bot", true},
		{"useless bot!", true},
		{"That's not helpful at all.", true},
		{"you already said that", true},
		{"the answer before was not so helpful", true},
		{"hmm, that was not helpful", true},
		{"that wasn't very helpful", true},
		{"the last answer was not so helpful", true},
		{"no that is wrong", true},
		{"this is not what I asked", true},
		{"thats not right", true},
		{"it's incorrect", true},
		{"why do directors fail?", false},
		{"is it wrong to skip 1:1s?", false},
		{"is this useful for a director?", false},
	} {
		msg, ok := App{}.Chat(g, tc.message, Keeping{})
		if complained := ok && Readable(msg) == missed; complained != tc.complain {
			t.Errorf("App{}.Chat(%q) answers as to a complaint: %v, want %v", tc.message, complained, tc.complain)
		}
	}
}

func TestIsMore(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		message string
		more    bool
	}{
		{"tell me more", true},
		{"more", true},
		{"ok, tell me more please", true},
		{"can you tell me more?", true},
		{"could you tell me more about that", true},
		{"can you elaborate", true},
		{"can you tell me more about VP budgets?", false},
		{"what more does a VP do?", false},
	} {
		if got := (App{}).IsMore(tc.message); got != tc.more {
			t.Errorf("App{}.IsMore(%q) = %v, want %v", tc.message, got, tc.more)
		}
	}
}

// TestReplyKinds tells an answer, an unsure one, help, a question the
// guide does not cover and each refusal apart, as the metrics and the
// store read them.
func TestReplyKinds(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	tests := []struct {
		question string
		want     Kind
	}{
		{"what skills does a director need?", KindAnswer},
		{"what conferences should a director attend?", KindUnsure},
		{"help", KindHelp},
		{"how do I bake sourdough bread", KindNoAnswer},
		{"how much equity does a VP get?", KindOutsideTopic},
		{"how is a staff engineer different from a director?", KindOtherRole},
		{"who's the VP here?", KindCompanyFact},
		{"can you draft an email to my VP asking for 3 more headcount?", KindRequest},
		{"my EM's partner has cancer. what do i say to her", KindConversation},
		{"would you rather be a director or a VP?", KindOpinion},
		{"thanks!", KindHelp},
		{"ok cool", KindHelp},
		{"are you chatgpt?", KindHelp},
		{"Reload", KindHelp},
		{"ugh, that's not what I asked", KindHelp},
		{"why?", KindHelp},
		{"👎", KindHelp},
		{"why do directors fail?", KindAnswer},
	}
	for _, tt := range tests {
		_, out, err := replyTo(t.Context(), ix, tt.question, "", true, "", Keeping{})
		if err != nil {
			t.Fatal(err)
		}
		if got := out.Kind; got != tt.want || got.Answered() != (tt.want == KindAnswer || tt.want == KindUnsure) {
			t.Errorf("Reply(%q) is of kind %d, want %d", tt.question, out.Kind, tt.want)
		}
	}
	for why := range index.Opinion + 1 {
		if _, ok := refusalKinds[why]; !ok {
			t.Errorf("reason %d has no kind of reply", why)
		}
		if _, ok := reasons[why]; !ok && why != index.NotCovered {
			t.Errorf("reason %d is not explained", why)
		}
	}
}

// TestFullTablePages asks for a table of 250 rows in full: each message
// holds what Slack takes and a More rows button to the next, until every
// row has been shown once, in order; each page, shared, shows the channel
// the rows the asker saw.
func TestFullTablePages(t *testing.T) {
	t.Parallel()
	var page strings.Builder
	page.WriteString("# Levels\n\n## Ladder\n\nEvery level.\n\n| Level | Scope |\n| --- | --- |\n")
	for i := range 250 {
		fmt.Fprintf(&page, "| L%d | %s |\n", i, strings.Repeat("scope ", 8))
	}
	g := guidetest.Guide(t, page.String())
	next, seen := tableValue("ladder", 0), 0
	for pages := 0; next != ""; pages++ {
		if pages == 10 {
			t.Fatal("more than ten pages")
		}
		msg, ok := FullTable(g, next, true)
		if !ok {
			t.Fatalf("FullTable(%q) not ok", next)
		}
		checkMessage(t, next, msg)
		next = ""
		for _, st := range Onward(msg) {
			switch st.Action {
			case ActionFullTable:
				next = st.Value
			case ActionShare:
				shared, ok := Shared(g, st.Value, "U1")
				if first := firstRow(t, shared); !ok || first != fmt.Sprintf("L%d", seen) {
					t.Errorf("page from L%d shared as a table from %q", seen, first)
				}
			}
		}
		for _, row := range tableRows(t, msg) {
			if want := fmt.Sprintf("L%d", seen); row[0].(*slack.TableRawTextCell).Text != want {
				t.Fatalf("row %q, want %s", row[0].(*slack.TableRawTextCell).Text, want)
			}
			seen++
		}
	}
	if seen != 250 {
		t.Errorf("%d rows shown in all, want 250", seen)
	}
}

// TestTablesAtTheEdges renders a table with a header and no rows, and a
// section of 30 long tables, whose buttons fill the actions block: the
// first shows without a page, the second keeps its More rows button in
// the place of another table's.
func TestTablesAtTheEdges(t *testing.T) {
	t.Parallel()
	var page strings.Builder
	page.WriteString("# Guide\n\n## Empty\n\nNothing yet.\n\n| A | B |\n| --- | --- |\n\n## Many\n\nThirty tables.\n\n")
	for i := range 30 {
		fmt.Fprintf(&page, "| T%d | Scope |\n| --- | --- |\n", i)
		for r := range 150 {
			fmt.Fprintf(&page, "| r%d | %s |\n", r, strings.Repeat("scope ", 4))
		}
		page.WriteString("\n")
	}
	g := guidetest.Guide(t, page.String())
	for _, value := range []string{"empty#0", "empty#0@0"} {
		msg, ok := FullTable(g, value, true)
		if !ok {
			t.Fatalf("FullTable(%q) not ok", value)
		}
		checkMessage(t, value, msg)
	}
	if msg, ok := Topic(g, "empty", true); !ok {
		t.Error("Topic(empty) not ok")
	} else {
		checkMessage(t, "empty", msg)
	}
	msg, ok := FullTable(g, "many#5", true)
	if !ok {
		t.Fatal("FullTable(many#5) not ok")
	}
	checkMessage(t, "many#5", msg)
	if steps := Onward(msg); len(steps) == 0 || steps[0] != (Step{Action: ActionFullTable, Value: "many#5@99"}) {
		t.Errorf("steps %v, want More rows (many#5@99) first", steps)
	}
}

// tableRows returns the rows of a message's table below its header.
func tableRows(t *testing.T, msg Message) [][]slack.TableCell {
	t.Helper()
	for _, b := range msg.Blocks {
		if tb, ok := b.(*slack.TableBlock); ok {
			return tb.Rows[1:]
		}
	}
	t.Fatal("no table")
	return nil
}

// firstRow returns the first cell of a message's first table row.
func firstRow(t *testing.T, msg Message) string {
	t.Helper()
	return tableRows(t, msg)[0][0].(*slack.TableRawTextCell).Text
}

// TestTableCellsAreRaw renders a table whose cells hold what mrkdwn would
// escape: raw_text and rich_text cells carry it as written.
func TestTableCellsAreRaw(t *testing.T) {
	t.Parallel()
	g := guidetest.Guide(t, "# Org\n\n## Teams\n\nWho does what.\n\n| R&D | Budget |\n| --- | --- |\n| Q&A | a < b & c |\n")
	msg, ok := FullTable(g, tableValue("teams", 0), true)
	if !ok {
		t.Fatal("no table")
	}
	checkMessage(t, "teams", msg)
	if got := firstRow(t, msg); got != "Q&A" {
		t.Errorf("first cell %q, want Q&A", got)
	}
	if got := tableRows(t, msg)[0][1].(*slack.TableRawTextCell).Text; got != "a <\u200b b & c" {
		t.Errorf("second cell %q, want a < b & c, its < inert", got)
	}
	checkEscaped(t, "teams", msg)
	if !strings.Contains(Readable(msg), "Q&A │ a < b & c") {
		t.Errorf("the terminal shows the header otherwise:\n%s", Readable(msg))
	}
}

// TestNumberedStepsKeepTheirNumbers renders numbered steps, a paragraph
// between them: each keeps its number, bullets stay bullets.
func TestNumberedStepsKeepTheirNumbers(t *testing.T) {
	t.Parallel()
	g := guidetest.Guide(t, "# Incidents\n\n## Declaring an Incident\n\n1. Page the on-call\n2. Open a channel\n\nThen, once someone owns it:\n\n3. Post updates\n4. Write the review\n\n- a bullet\n")
	msg, ok := Topic(g, "declaring-an-incident", true)
	if !ok {
		t.Fatal("no section")
	}
	all := strings.Join(texts(decode(t, msg)), "\n")
	for _, want := range []string{"1. Page the on-call\n2. Open a channel", "3. Post updates\n4. Write the review", "• a bullet"} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q:\n%s", want, all)
		}
	}
}

// TestRequestReply: a request for a text is told the bot writes nothing,
// not that its answer was not found, and is offered the closest topics.
func TestRequestReply(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	const q = "draft an email to my VP asking for 3 more headcount"
	msg, out, err := replyTo(t.Context(), ix, q, "", true, "", Keeping{})
	if err != nil {
		t.Fatal(err)
	}
	checkMessage(t, q, msg)
	got := texts(decode(t, msg))
	if kind := out.Kind; kind != KindRequest || !strings.HasPrefix(got[0], "I can't write") || strings.Contains(strings.Join(got, " "), "couldn't find") {
		t.Errorf("Reply(%q) is of kind %d and says %q", q, out.Kind, got)
	}
}

// TestOtherRoleReasonNamesTheRoles: a question about a role the guide
// does not describe is told which roles it does, and which it asked
// about, as the roles list writes it or as the question names another
// function's leader.
func TestOtherRoleReasonNamesTheRoles(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	for _, tt := range []struct{ question, want string }{
		{"what does a cto do all day?", "The guide describes the Director and VP roles, not the role of a CTO."},
		{"how is a staff engineer's job different from a director's?", "The guide describes the Director and VP roles, not the role of a staff engineer."},
		{"finance director here, how do I get to VP?", "The guide describes the Director and VP roles, not the role of a finance director."},
		{"what do EMs do all day?", "The guide describes the Director and VP roles, not the role of an EM."},
		// The asker's own post is not the role asked about; a role that
		// opens the message is no post of the asker's.
		{"as an EM, what does a CTO do all day?", "The guide describes the Director and VP roles, not the role of a CTO."},
		{"CTO vs CEO: who owns the technical strategy?", "The guide describes the Director and VP roles, not the role of a CTO."},
		// Of two grades of one role, the one the guide does not describe.
		{"How is Senior Director different from Director?", "The guide describes the Director and VP roles, not the role of a senior director."},
		{"VP vs SVP?", "The guide describes the Director and VP roles, not the role of an SVP."},
		// The role the refusal is about: the step's, the one asked of.
		{"how do I get promoted from senior engineer to staff engineer?", "The guide describes the Director and VP roles, not the role of a staff engineer."},
		{"as a tax director, whats the usual path to VP of tax?", "The guide describes the Director and VP roles, not the role of a VP of tax."},
		{"design director here: how many designers should report to one design manager?", "The guide describes the Director and VP roles, not the role of a design manager."},
		// Another function's leader, the function as the question says it.
		{"hr director here: how do I plan open enrollment?", "The guide describes the Director and VP roles, not the role of an HR director."},
		{"procurement director here, how many buyers should report to me?", "The guide describes the Director and VP roles, not the role of a procurement director."},
	} {
		msg, out, err := replyTo(t.Context(), ix, tt.question, "", true, "", Keeping{})
		if err != nil {
			t.Fatal(err)
		}
		checkMessage(t, tt.question, msg)
		if got := texts(decode(t, msg)); out.Kind != KindOtherRole || !slices.Contains(got, tt.want) {
			t.Errorf("Reply(%q) is of kind %d and says %q, want %q", tt.question, out.Kind, got, tt.want)
		}
	}
	if got, want := reasonFor(ix.Roles(), index.OtherRole, ""), "The guide describes the Director and VP roles; it does not describe the other role your question names."; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
	for _, tt := range []struct {
		roles []string
		want  string
	}{
		{[]string{"Director"}, "Director"},
		{[]string{"EM", "Director"}, "EM and Director"},
		{[]string{"Director", "VP", "R&D lead"}, "Director, VP and R&amp;D lead"},
	} {
		if got := roleList(tt.roles); got != tt.want {
			t.Errorf("roleList(%q) = %q, want %q", tt.roles, got, tt.want)
		}
	}
}

// TestAnswerFromAnotherRolesPart: a question about the VP answered from
// the Director's part of the guide says so under the breadcrumb; one
// about the Director, or about both, or answered by a section whose own
// text names the VP, does not.
func TestAnswerFromAnotherRolesPart(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	const note = "You asked about the VP: this part of the guide is about the Director."
	for _, tc := range []struct {
		question string
		noted    bool
	}{
		{"what are a VP's core responsibilities?", true},
		{"key skills for a vp", true},
		{"what skills does a director need?", false},
		{"how many hours a week does a VP spend in 1:1s?", false},
		// Career Progression Indicators, under the Director's heading,
		// is about the VP in its own words.
		{"am i ready for vp?", false},
	} {
		msg, _, err := replyTo(t.Context(), ix, tc.question, "", true, "", Keeping{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(Readable(msg), note); got != tc.noted {
			t.Errorf("%q: the note %v, want %v:\n%s", tc.question, got, tc.noted, Readable(msg))
		}
		if got := strings.HasPrefix(msg.Text, "About the Director: "); got != tc.noted {
			t.Errorf("%q: notification %q; want it to say whose part it is: %v", tc.question, msg.Text, tc.noted)
		}
	}
}

// TestBecomingAnotherRoleIsAGap: a question how to become, or be ready
// for, a Director, which finds the guide's path to VP or asks the way
// there, is told the guide does not say, offered sections off the path
// (the guide's page when it ranks none), and counted as a gap; one about becoming a VP is
// answered, and so is a message's other question beside it.
func TestBecomingAnotherRoleIsAGap(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	const reason = "The guide describes becoming a VP; it doesn't say how to become a Director."
	for _, tc := range []struct {
		question string
		kind     Kind
	}{
		{"how long does it take to become a director?", KindNoAnswer},
		{"we have a candidate who has managed 3 EMs for 2 years, is she director ready?", KindNoAnswer},
		{"how many years of experience should i require for a director?", KindNoAnswer},
		{"should i take the promotion to senior director first?", KindNoAnswer},
		{"Has my VP left the door open for me to become director?", KindNoAnswer},
		{"how should I prepare for director?", KindNoAnswer},
		{"am I director material?", KindNoAnswer},
		{"what should i do as a senior EM to become a director", KindNoAnswer},
		// Another question beside it is answered; it is told apart.
		{"what does a VP do? and how do I become a director?", KindAnswer},
		{"how long does it take to become a VP?", KindAnswer},
		{"am i ready for vp?", KindAnswer},
		{"what changes when you become a director?", KindAnswer},
		// A story of becoming a director, and a question about the VP.
		{"I was promoted to director last year. How long until VP?", KindAnswer},
		{"I was promoted to director last year, how do I get ready for VP?", KindAnswer},
	} {
		msg, out, err := replyTo(t.Context(), ix, tc.question, "", true, "", Keeping{})
		if err != nil {
			t.Fatal(err)
		}
		text := Readable(msg)
		told := strings.Contains(text, reason)
		if out.Kind.Answered() != tc.kind.Answered() || told != (tc.kind == KindNoAnswer || strings.Contains(tc.question, " and how do I become")) {
			t.Errorf("%q: reply %v, told the guide does not say: %v; want %v:\n%s", tc.question, out.Kind, told, tc.kind, text)
		}
		if tc.kind != KindNoAnswer {
			continue
		}
		if !strings.Contains(text, "These topics are the closest I have:") {
			t.Errorf("%q: no section offered:\n%s", tc.question, text)
		}
		for _, onPath := range []string{"Timeline", "Key Shifts Required", "Career Progression Indicators", "Common Pitfalls"} {
			if strings.Contains(text, onPath) {
				t.Errorf("%q: offers %q, on the path to VP:\n%s", tc.question, onPath, text)
			}
		}
	}
}

// TestAnswerNamingAnotherRoleInPassing: a section of the Director's part
// that names the VP further on is still the Director's, and says so to a
// question about the VP.
func TestAnswerNamingAnotherRoleInPassing(t *testing.T) {
	t.Parallel()
	ix := guidetest.Page(t, "# Director\n\n## Responsibilities\n\nHire and coach engineering managers. Set the quarterly roadmap with your VP.\n\n## VP Scope\n\nA VP runs the whole engineering org.\n")
	msg, _, err := replyTo(t.Context(), ix, "who does a vp hire and coach?", "", true, "", Keeping{})
	if err != nil {
		t.Fatal(err)
	}
	if text := Readable(msg); !strings.Contains(text, "Responsibilities") || !strings.Contains(text, "You asked about the VP: this part of the guide is about the Director.") {
		t.Errorf("a Director's section naming the VP in passing, without the note:\n%s", text)
	}
}

// TestThumbsUpThanks: emoji alone that approve thank, as words do; a
// wave greets.
func TestThumbsUpThanks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		message string
		thanks  bool
	}{
		{"👍", true},
		{"🙏🏽", true},
		{":+1: :pray:", true},
		{":+1::skin-tone-3:", true},
		{":pray::skin-tone-4: :thumbsup::skin-tone-6:", true},
		{"👋", false},
		{"👍 what about a VP?", false},
		{"👎", false},
	} {
		if got := (App{}).chat(tc.message).thanks(); got != tc.thanks {
			t.Errorf("%q: thanks %v, want %v", tc.message, got, tc.thanks)
		}
		if tc.thanks && (App{}).IsGreeting(tc.message) {
			t.Errorf("%q is taken for a greeting", tc.message)
		}
	}
}

// TestInThread adds the hint to ask more by mention above an answer's
// table, and leaves a message with no room for it as it is.
func TestInThread(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	msg, _, err := replyTo(t.Context(), ix, "what skills does a director need?", "", false, "", Keeping{})
	if err != nil {
		t.Fatal(err)
	}
	in := InThread(msg)
	checkMessage(t, "in thread", in)
	n := len(in.Blocks)
	_, table := in.Blocks[n-1].(*slack.TableBlock)
	caption := textOf(in.Blocks[n-2])
	if !table || n != len(msg.Blocks)+1 || !strings.HasPrefix(caption, "Table:") || !strings.Contains(textOf(in.Blocks[n-3]), inThreadHint) {
		t.Errorf("the hint is not above the table and its caption (%q):\n%s", caption, Readable(in))
	}
	full := Message{Text: "x"}
	for range maxBlocks {
		full.Blocks = append(full.Blocks, section("x"))
	}
	if got := InThread(full); len(got.Blocks) != maxBlocks {
		t.Errorf("a full message got %d blocks", len(got.Blocks))
	}
}

// TestKindNames: every kind of reply has its own name for the logs.
func TestKindNames(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for k := range kindCount {
		name := k.String()
		if name == "" || strings.HasPrefix(name, "Kind(") || seen[name] {
			t.Errorf("kind %d is named %q", int(k), name)
		}
		seen[name] = true
	}
	if got := Kind(99).String(); got != "Kind(99)" {
		t.Errorf("an unknown kind is named %q", got)
	}
	if got := KindCompanyFact.String(); got != "company_fact" {
		t.Errorf("KindCompanyFact is named %q, want the store's company_fact", got)
	}
}

// textOf returns a context block's first text, "" for any other block.
func textOf(b slack.Block) string {
	c, ok := b.(*slack.ContextBlock)
	if !ok || len(c.ContextElements.Elements) == 0 {
		return ""
	}
	if t, ok := c.ContextElements.Elements[0].(*slack.TextBlockObject); ok {
		return t.Text
	}
	return ""
}

// TestOtherQuestionsOfOneMessage: another question's answer shows what its
// section says, a table's rows when it holds only a table; the questions
// refused for one reason are told it once.
func TestOtherQuestionsOfOneMessage(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	for _, tt := range []struct {
		question string
		want     []string
		once     string
	}{
		{"what skills does a director need? and how long does it take to become a VP?", []string{"You also asked: what skills does a director need?", "In Key Skill Sets: 6 rows: Technical · Leadership"}, ""},
		{"who do VPs report to? what's a typical VP base salary? and what equity do VPs get?", []string{"You also asked: "}, "That topic is outside the guide"},
	} {
		msg := reply(t, ix, tt.question, true)
		checkMessage(t, tt.question, msg)
		text := Readable(msg)
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%q: the reply lacks %q:\n%s", tt.question, w, text)
			}
		}
		if tt.once != "" && strings.Count(text, tt.once) != 1 {
			t.Errorf("%q: the reply tells %q %d times, want once:\n%s", tt.question, tt.once, strings.Count(text, tt.once), text)
		}
	}
}

// TestPassageShownOnce: a passage the section shows near its top whole,
// a sentence of its own or one within its first two lines, is not quoted
// above it too; a list item is quoted, to tell which of the list answers.
func TestPassageShownOnce(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	for _, tt := range []struct {
		question, passage string
		times             int
	}{
		{"whats an example of a business case for infra spend", "Before proposing a major infrastructure investment", 1},
		{"when does a director catch up on slack and email", "Async catch-up on Slack/email", 2},
		{"I just got promoted to director, what should I focus on?", "Your primary focus is on cross-team strategy", 1},
	} {
		msg, _, err := replyTo(t.Context(), ix, tt.question, "", true, "", Keeping{})
		if err != nil {
			t.Fatal(err)
		}
		if text := Readable(msg); strings.Count(text, tt.passage) != tt.times {
			t.Errorf("%q shows %q %d times, want %d:\n%s", tt.question, tt.passage, strings.Count(text, tt.passage), tt.times, text)
		}
	}
}

// TestARole picks a role's article by its sound.
func TestARole(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, want string }{
		{"VP", "a VP"}, {"Director", "a Director"}, {"Engineering Manager", "an Engineering Manager"},
		{"SVP", "an SVP"}, {"EM", "an EM"}, {"CTO", "a CTO"}, {"Head of Engineering", "a Head of Engineering"},
	} {
		if got := aRole(tt.name); got != tt.want {
			t.Errorf("aRole(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestPageOfManyTopics: a page's answer names the topics it has buttons
// for, and says where the others are, wherever the answer shows.
func TestPageOfManyTopics(t *testing.T) {
	t.Parallel()
	var page strings.Builder
	page.WriteString("# Handbook\n\nWhat the team agreed.\n")
	for i := range 12 {
		fmt.Fprintf(&page, "\n## Topic %d\n\nText %d.\n", i+1, i+1)
	}
	ix := guidetest.Page(t, page.String())
	msg, ok := Topic(ix.Guide(), ix.Guide().Pages[0].Root.ID, true)
	if !ok {
		t.Fatal("the page is not shown")
	}
	checkMessage(t, "the page", msg)
	if text := Readable(msg); !strings.Contains(text, "Topic 10 …and 2 more, listed on my Home tab.") {
		t.Errorf("the page's answer does not say where its other topics are:\n%s", text)
	}
}

// TestForeignQuestionToldEnglish: a question in another language that the
// guide does not answer is told the bot reads English, not left to think
// the guide lacks the topic; an English one is not.
func TestForeignQuestionToldEnglish(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	for question, want := range map[string]bool{
		"¿Qué hace un director de ingeniería?": true,
		"你好，总监是做什么的？":                          true,
		"what's the deal with airline food?":   false,
	} {
		msg, _, err := replyTo(t.Context(), ix, question, "", true, "", Keeping{})
		if err != nil {
			t.Fatal(err)
		}
		checkMessage(t, question, msg)
		if got := strings.Contains(Readable(msg), foreignReason); got != want {
			t.Errorf("%q tells it reads English only: %v, want %v:\n%s", question, got, want, Readable(msg))
		}
	}
}
