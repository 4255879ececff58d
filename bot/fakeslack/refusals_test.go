package fakeslack_test

import (
	"github.com/directorbot/directorbot/bot/fakeslack"
	_ "github.com/directorbot/directorbot/bot/fakeslack/blockschema"

	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack"
)

func newClient(t *testing.T) (*fakeslack.Slack, *slack.Client) {
	t.Helper()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	return fake, slack.New("xoxb-test", slack.OptionAPIURL(fake.APIURL()))
}

func plainText(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, true, false)
}

// duplicateTopics is a reply whose fourth block has two buttons with the
// action_id "topic".
func duplicateTopics() []slack.Block {
	return []slack.Block{
		slack.NewHeaderBlock(plainText("Budgets")),
		slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "*Budget* authority", false, true), nil, nil),
		slack.NewDividerBlock(),
		slack.NewActionBlock("", slack.NewButtonBlockElement("topic", "t1", plainText("Budgets")), slack.NewButtonBlockElement("topic", "t2", plainText("Hiring"))),
	}
}

// slackError returns the Slack error of a failed call.
func slackError(t *testing.T, err error) slack.SlackErrorResponse {
	t.Helper()
	var serr slack.SlackErrorResponse
	if !errors.As(err, &serr) {
		t.Fatalf("got %v, want a fakeslack.Slack error", err)
	}
	return serr
}

func TestPostMessageWithDuplicateActionIDsIsRefused(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	_, _, err := api.PostMessage("C1", slack.MsgOptionText("Budgets", false), slack.MsgOptionBlocks(duplicateTopics()...))
	serr := slackError(t, err)
	want := "[ERROR] `action_id` \"topic\" already exists [json-pointer:/blocks/3/elements/1/action_id]"
	if serr.Err != fakeslack.InvalidBlocks || !slices.Equal(serr.ResponseMetadata.Messages, []string{want}) {
		t.Errorf("got %s %q, want invalid_blocks %q", serr.Err, serr.ResponseMetadata.Messages, want)
	}
	calls := fake.Calls()
	if len(calls) != 1 || calls[0].Method != "chat.postMessage" || calls[0].Error != fakeslack.InvalidBlocks {
		t.Errorf("calls = %+v, want one refused chat.postMessage", calls)
	}
	refusals := fake.Refusals()
	if len(refusals) != 1 || refusals[0].Method != "chat.postMessage" || refusals[0].Error != fakeslack.InvalidBlocks || refusals[0].UserSees != "" {
		t.Errorf("refusals = %v", refusals)
	}
}

func TestRefusalBodyIsSlacks(t *testing.T) {
	t.Parallel()
	fake, _ := newClient(t)
	blocks, err := json.Marshal(duplicateTopics())
	if err != nil {
		t.Fatal(err)
	}
	status, body := postForm(t, fake, "chat.postMessage", url.Values{"channel": {"C1"}, "text": {"Budgets"}, "blocks": {string(blocks)}})
	detail := "`action_id` \"topic\" already exists [json-pointer:/blocks/3/elements/1/action_id]"
	if status != http.StatusOK || body.OK || body.Error != fakeslack.InvalidBlocks ||
		!slices.Equal(body.Errors, []string{detail}) || !slices.Equal(body.ResponseMetadata.Messages, []string{"[ERROR] " + detail}) {
		t.Errorf("got HTTP %d %+v", status, body)
	}
}

// slackAnswer is the body of Slack's answer to a Web API call.
type slackAnswer struct {
	OK               bool     `json:"ok"`
	Error            string   `json:"error"`
	Errors           []string `json:"errors"`
	ResponseMetadata struct {
		Messages []string `json:"messages"`
	} `json:"response_metadata"`
}

// postForm calls a Web API method of the fake with a form, as it is, and
// returns the HTTP status and Slack's answer.
func postForm(t *testing.T, fake *fakeslack.Slack, method string, form url.Values) (int, slackAnswer) {
	t.Helper()
	resp, err := http.PostForm(fake.APIURL()+method, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body slackAnswer
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

func TestValidMessagesAreAcceptedByEveryMethod(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	fake.Join("C1")
	opts := []slack.MsgOption{slack.MsgOptionText("Budgets", false), slack.MsgOptionBlocks(slack.NewSectionBlock(plainText("Budgets"), nil, nil))}
	_, posted, err := api.PostMessage("C1", opts...)
	if err != nil || posted == "" {
		t.Errorf("chat.postMessage: %q %v", posted, err)
	}
	if ts, err := api.PostEphemeral("C1", "U1", opts...); err != nil || ts == "" {
		t.Errorf("chat.postEphemeral: %q %v", ts, err)
	}
	if _, ts, _, err := api.UpdateMessage("C1", posted, opts...); err != nil || ts != posted {
		t.Errorf("chat.update: %q %v", ts, err)
	}
	if _, err := api.PublishView("U1", slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: []slack.Block{slack.NewDividerBlock()}}}, ""); err != nil {
		t.Errorf("views.publish: %v", err)
	}
	if _, _, _, err := api.SendMessage("", append(opts, slack.MsgOptionResponseURL(fake.ResponseURL("r1"), slack.ResponseTypeEphemeral))...); err != nil {
		t.Errorf("response_url: %v", err)
	}
	if _, _, _, err := api.SendMessage("", slack.MsgOptionDeleteOriginal(fake.ResponseURL("r2"))); err != nil {
		t.Errorf("response_url deleting the original: %v", err)
	}
	for _, c := range fake.Calls() {
		if c.Error != "" {
			t.Errorf("%s refused: %s", c.Method, c.Error)
		}
	}
	if r := fake.Refusals(); len(r) != 0 {
		t.Errorf("refusals: %v", r)
	}
}

func TestEphemeralAndUpdateAreChecked(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	opts := []slack.MsgOption{slack.MsgOptionText("Budgets", false), slack.MsgOptionBlocks(duplicateTopics()...)}
	if _, err := api.PostEphemeral("C1", "U1", opts...); slackError(t, err).Err != fakeslack.InvalidBlocks {
		t.Errorf("chat.postEphemeral: %v", err)
	}
	if _, _, _, err := api.UpdateMessage("C1", "1.2", opts...); slackError(t, err).Err != fakeslack.InvalidBlocks {
		t.Errorf("chat.update: %v", err)
	}
	if n := len(fake.Refusals()); n != 2 {
		t.Errorf("%d refusals, want 2", n)
	}
}

// TestUpdateOnlyTheBotsOwnPosts: chat.update changes a message the bot
// posted, in the conversation it was posted in, by the DM's ID when it
// was posted to a user's; any other it refuses with message_not_found.
func TestUpdateOnlyTheBotsOwnPosts(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	fake.Join("C1")
	opts := []slack.MsgOption{slack.MsgOptionText("Budgets", false)}
	_, inChannel, err := api.PostMessage("C1", opts...)
	if err != nil {
		t.Fatal(err)
	}
	dm, inDM, err := api.PostMessage("U1", opts...)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		channel, ts, want string
	}{
		{"C1", inChannel, ""},
		{dm, inDM, ""},
		{"C1", "1.2", fakeslack.MessageNotFound},
		{"C2", inChannel, fakeslack.MessageNotFound},
		{"U1", inDM, fakeslack.MessageNotFound},
	} {
		got := ""
		if _, _, _, err := api.UpdateMessage(tc.channel, tc.ts, opts...); err != nil {
			got = slackError(t, err).Err
		}
		if got != tc.want {
			t.Errorf("chat.update of %s in %s: error %q, want %q", tc.ts, tc.channel, got, tc.want)
		}
	}
}

func TestViewsPublishWith101BlocksIsRefused(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	blocks := make([]slack.Block, 101)
	for i := range blocks {
		blocks[i] = slack.NewDividerBlock()
	}
	_, err := api.PublishView("U1", slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}, "")
	serr := slackError(t, err)
	want := "[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]"
	if serr.Err != fakeslack.InvalidArguments || !slices.Contains(serr.ResponseMetadata.Messages, want) {
		t.Errorf("got %s %q, want invalid_arguments with %q", serr.Err, serr.ResponseMetadata.Messages, want)
	}
	if r := fake.Refusals(); len(r) != 1 || r[0].Method != "views.publish" {
		t.Errorf("refusals: %v", r)
	}
}

func TestTwoTablesAreRefused(t *testing.T) {
	t.Parallel()
	_, api := newClient(t)
	table := func() slack.Block { return slack.NewTableBlock("").AddRow(slack.NewTableRawTextCell("a")) }
	_, _, err := api.PostMessage("C1", slack.MsgOptionText("Tables", false), slack.MsgOptionBlocks(table(), table()))
	serr := slackError(t, err)
	if serr.Err != fakeslack.InvalidAttachments || len(serr.ResponseMetadata.Messages) != 1 || !strings.Contains(serr.ResponseMetadata.Messages[0], fakeslack.OnlyOneTableAllowed) {
		t.Errorf("got %s %q, want invalid_attachments, only_one_table_allowed", serr.Err, serr.ResponseMetadata.Messages)
	}
}

func TestTooMuchTextIsRefused(t *testing.T) {
	t.Parallel()
	_, api := newClient(t)
	var blocks []slack.Block
	for range 5 {
		blocks = append(blocks, slack.NewSectionBlock(plainText(strings.Repeat("a", 2500)), nil, nil))
	}
	_, _, err := api.PostMessage("C1", slack.MsgOptionText("Long", false), slack.MsgOptionBlocks(blocks...))
	if serr := slackError(t, err); serr.Err != fakeslack.MsgBlocksTooLong {
		t.Errorf("got %s, want msg_blocks_too_long", serr.Err)
	}
}

func TestInvalidResponseURLReplyIsRefused(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	_, _, _, err := api.SendMessage("", slack.MsgOptionText("Budgets", false), slack.MsgOptionBlocks(duplicateTopics()...),
		slack.MsgOptionResponseURL(fake.ResponseURL("slash-1"), slack.ResponseTypeEphemeral))
	if err == nil {
		t.Fatal("an invalid response_url reply was accepted")
	}
	r := fake.Refusals()
	if len(r) != 1 || r[0].Method != "response_url" || r[0].ResponseURLID != "slash-1" || r[0].Error != fakeslack.InvalidBlocks || r[0].UserSees != fakeslack.InvalidCommandResponse {
		t.Errorf("refusals: %v", r)
	}
	if c := fake.Calls(); len(c) != 1 || c[0].Error != fakeslack.InvalidBlocks {
		t.Errorf("calls: %+v", c)
	}
}

// dial connects to the fake's websocket as the bot would, and reads its
// hello.
func dial(t *testing.T, fake *fakeslack.Slack) *websocket.Conn {
	t.Helper()
	conn, _, err := websocket.DefaultDialer.Dial(linkURL(fake), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	if _, _, err := conn.ReadMessage(); err != nil {
		t.Fatal(err)
	}
	if !fake.WaitFor(5*time.Second, func() bool { return fake.Connections() == 1 }) {
		t.Fatal("not connected")
	}
	return conn
}

// linkURL is the fake's Socket Mode websocket.
func linkURL(fake *fakeslack.Slack) string {
	return "ws" + strings.TrimPrefix(strings.TrimSuffix(fake.APIURL(), "/api/"), "http") + "/link"
}

// ackWith delivers a slash command and acks it with a payload, returning
// the ack the fake recorded.
func ackWith(t *testing.T, fake *fakeslack.Slack, conn *websocket.Conn, payload []byte) fakeslack.Ack {
	t.Helper()
	return ackAfter(t, fake, conn, fake.Deliver, payload, 0)
}

// ackAfter is ackWith, the ack sent a while after the command arrived.
func ackAfter(t *testing.T, fake *fakeslack.Slack, conn *websocket.Conn, send func(fakeslack.Envelope), payload []byte, wait time.Duration) fakeslack.Ack {
	t.Helper()
	e := fake.SlashCommand("budgets", "U1", "C1")
	acked := fake.AckOf(e.ID())
	send(e)
	if _, _, err := conn.ReadMessage(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(wait)
	frame := append(append([]byte(`{"envelope_id":"`+e.ID()+`","payload":`), payload...), '}')
	if err := conn.WriteMessage(websocket.TextMessage, frame); err != nil {
		t.Fatal(err)
	}
	select {
	case a := <-acked:
		return a
	case <-time.After(5 * time.Second):
		t.Fatal("ack not recorded")
		return fakeslack.Ack{}
	}
}

func TestAckWithInvalidPayloadIsRefused(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	defer fake.Close()
	conn := dial(t, fake)
	reply := func(blocks []slack.Block) []byte {
		raw, err := json.Marshal(map[string]any{"response_type": "ephemeral", "text": "Budgets", "blocks": blocks})
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	valid := ackWith(t, fake, conn, reply(duplicateTopics()[:3]))
	if valid.Error != "" || len(fake.Refusals()) != 0 {
		t.Fatalf("a valid reply was refused: %v", fake.Refusals())
	}
	invalid := reply(duplicateTopics())
	for i := range 2 { // the second time, from the cache
		a := ackWith(t, fake, conn, invalid)
		if a.Error != fakeslack.InvalidCommandResponse || !bytes.Equal(a.Payload, invalid) {
			t.Errorf("ack %d: error %q, payload %s", i, a.Error, a.Payload)
		}
		r := fake.Refusals()
		if len(r) != i+1 || r[i].Method != "ack" || r[i].EnvelopeID != a.EnvelopeID || r[i].UserSees != fakeslack.InvalidCommandResponse || r[i].Error != fakeslack.InvalidBlocks {
			t.Errorf("refusals after ack %d: %v", i, r)
		}
	}
	if fake.Pending() != 0 {
		t.Errorf("%d envelopes still pending: a refused reply is acked all the same", fake.Pending())
	}
}

// TestPostsOnlyWhereTheBotIsAMember: chat.postMessage is refused with
// not_in_channel in a channel the bot is not in, until an event from it
// shows the bot there, and with is_archived once the channel is archived;
// a DM with the bot and a response_url take posts anywhere, a DM between
// people none.
func TestPostsOnlyWhereTheBotIsAMember(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	opts := []slack.MsgOption{slack.MsgOptionText("Budgets", false)}
	if _, _, err := api.PostMessage("C9", opts...); err == nil || err.Error() != fakeslack.NotInChannel {
		t.Errorf("post where the bot is no member: %v, want %s", err, fakeslack.NotInChannel)
	}
	for _, channel := range []string{"D9", "U9"} {
		if _, _, err := api.PostMessage(channel, opts...); err != nil {
			t.Errorf("post to %s: %v", channel, err)
		}
	}
	if _, _, _, err := api.SendMessage("", append(opts, slack.MsgOptionResponseURL(fake.ResponseURL("r9"), slack.ResponseTypeInChannel))...); err != nil {
		t.Errorf("response_url in_channel: %v", err)
	}
	if r := fake.Refusals(); len(r) != 1 || r[0].Error != fakeslack.NotInChannel {
		t.Errorf("refusals = %v, want the one post where the bot is no member", r)
	}
	// A DM between two people takes no post of the bot's, but its
	// response_url a reply.
	fake.Between("D8")
	if _, _, err := api.PostMessage("D8", opts...); err == nil || err.Error() != fakeslack.ChannelNotFound {
		t.Errorf("post to a DM between people: %v, want %s", err, fakeslack.ChannelNotFound)
	}
	if _, _, _, err := api.SendMessage("", append(opts, slack.MsgOptionResponseURL(fake.ResponseURL("r8"), slack.ResponseTypeInChannel))...); err != nil {
		t.Errorf("response_url in_channel from a DM between people: %v", err)
	}
	// A click on a public message there proves nothing: a shared answer
	// went out through a response_url.
	fake.Deliver(fake.ButtonClick("topic:0", "key-skill-sets", "U1", "C9", "9.0", false))
	if _, _, err := api.PostMessage("C9", opts...); err == nil || err.Error() != fakeslack.NotInChannel {
		t.Errorf("post after a click on a public message: %v, want %s", err, fakeslack.NotInChannel)
	}
	fake.Deliver(fakeslack.Mention("Ev9", "<@UBOT> hi", "U1", "C9", "9.1", ""))
	if _, _, err := api.PostMessage("C9", opts...); err != nil {
		t.Errorf("post after a mention from the channel: %v", err)
	}
	fake.Archive("C9")
	if _, _, err := api.PostMessage("C9", opts...); err == nil || err.Error() != fakeslack.IsArchived {
		t.Errorf("post to an archived channel: %v, want %s", err, fakeslack.IsArchived)
	}
	if _, err := api.PostEphemeral("C9", "U1", opts...); err == nil || err.Error() != fakeslack.IsArchived {
		t.Errorf("ephemeral post to an archived channel: %v, want %s", err, fakeslack.IsArchived)
	}
}

// TestLateAckIsRefused: a slash command acked after three seconds shows
// its user operation_timeout, and its reply is dropped, however the test
// sent it.
func TestLateAckIsRefused(t *testing.T) {
	t.Parallel()
	for _, how := range []string{"Deliver", "Send"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			fake := fakeslack.New()
			defer fake.Close()
			send := fake.Deliver
			if how == "Send" {
				send = func(e fakeslack.Envelope) {
					if err := fake.Send(e); err != nil {
						t.Error(err)
					}
				}
			}
			a := ackAfter(t, fake, dial(t, fake), send, []byte(`{"text":"Budgets"}`), fakeslack.AckDeadline+100*time.Millisecond)
			if a.Error != fakeslack.OperationTimeout {
				t.Errorf("late ack: error %q, want %s", a.Error, fakeslack.OperationTimeout)
			}
			if r := fake.Refusals(); len(r) != 1 || r[0].UserSees != fakeslack.OperationTimeout || r[0].EnvelopeID != a.EnvelopeID {
				t.Errorf("refusals = %v, want the late ack", r)
			}
		})
	}
}

// TestOnlyEventsAreSentAgain: on a new connection Slack sends again the
// events not acked on the last, but never a slash command or a click: they
// are lost, and their users see an error.
func TestOnlyEventsAreSentAgain(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	defer fake.Close()
	conn := dial(t, fake)
	event := fakeslack.Mention("Ev1", "<@UBOT> skills", "U1", "C1", "1.1", "")
	slash := fake.SlashCommand("skills", "U1", "C1")
	click := fake.ButtonClick("topic:0", "key-skill-sets", "U1", "C1", "1.2", true)
	for _, e := range []fakeslack.Envelope{event, slash, click} {
		fake.Deliver(e)
		if _, _, err := conn.ReadMessage(); err != nil {
			t.Fatal(err)
		}
	}
	_ = conn.Close()
	if !fake.WaitFor(5*time.Second, func() bool { return len(fake.Lost()) == 2 }) {
		t.Fatalf("lost %d envelopes when the connection closed, want the slash command and the click", len(fake.Lost()))
	}
	again, _, err := websocket.DefaultDialer.Dial(linkURL(fake), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if _, _, err := again.ReadMessage(); err != nil { // hello
		t.Fatal(err)
	}
	if sent := nextEnvelope(t, again); sent.ID() != event.ID() || sent["retry_attempt"] != float64(1) {
		t.Errorf("sent again: %v, want the event, retry_attempt 1", sent)
	}
	_ = again.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	if _, frame, err := again.ReadMessage(); err == nil {
		t.Errorf("sent again after the event: %s", frame)
	}
	if fake.Pending() != 1 {
		t.Errorf("%d envelopes pending, want the event alone", fake.Pending())
	}
}

// nextEnvelope reads the next frame the fake sends on conn, an envelope.
func nextEnvelope(t *testing.T, conn *websocket.Conn) fakeslack.Envelope {
	t.Helper()
	_, frame, err := conn.ReadMessage()
	if err != nil {
		t.Fatal(err)
	}
	var sent fakeslack.Envelope
	if err := json.Unmarshal(frame, &sent); err != nil {
		t.Fatal(err)
	}
	return sent
}

// TestLateEventsAreSentAgain: with RetryLate, an event not acked is sent
// again on its schedule, retry_attempt counting up, and no more after the
// last; an event acked, a slash command and a click never are.
func TestLateEventsAreSentAgain(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	defer fake.Close()
	conn := dial(t, fake)
	late := fakeslack.Mention("Ev1", "<@UBOT> skills", "U1", "C1", "1.1", "")
	acked := fakeslack.Mention("Ev2", "<@UBOT> timeline", "U1", "C1", "1.2", "")
	for _, e := range []fakeslack.Envelope{late, acked, fake.SlashCommand("skills", "U1", "C1"), fake.ButtonClick("topic:0", "key-skill-sets", "U1", "C1", "1.3", true)} {
		fake.Deliver(e)
		if _, _, err := conn.ReadMessage(); err != nil {
			t.Fatal(err)
		}
	}
	if err := conn.WriteMessage(websocket.TextMessage, []byte(`{"envelope_id":"`+acked.ID()+`"}`)); err != nil {
		t.Fatal(err)
	}
	if !fake.WaitFor(5*time.Second, func() bool { return len(fake.Acks()) == 1 }) {
		t.Fatal("the ack was not read")
	}
	// Retries start once every envelope is in, the acked one acked.
	fake.RetryLate(50*time.Millisecond, 100*time.Millisecond)
	for attempt := 1; attempt <= 2; attempt++ {
		if sent := nextEnvelope(t, conn); sent.ID() != late.ID() || sent["retry_attempt"] != float64(attempt) || sent["retry_reason"] != "timeout" {
			t.Errorf("sent again: %v, want the late event, retry_attempt %d", sent, attempt)
		}
	}
	_ = conn.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	if _, frame, err := conn.ReadMessage(); err == nil {
		t.Errorf("sent again after the last retry: %s", frame)
	}
}

// TestOversizedResponseIsDropped sends acks whose frames are just under
// and at MaxResponseFrame: the first is read, the second dropped unread,
// its envelope left pending, as Slack does.
func TestOversizedResponseIsDropped(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	defer fake.Close()
	conn := dial(t, fake)
	frame := func(id string, size int) []byte {
		head := `{"envelope_id":"` + id + `","payload":{"text":"`
		return []byte(head + strings.Repeat("a", size-len(head)-3) + `"}}`)
	}
	for _, tt := range []struct {
		size    int
		dropped bool
	}{{fakeslack.MaxResponseFrame - 1, false}, {fakeslack.MaxResponseFrame, true}} {
		e := fake.SlashCommand("budgets", "U1", "C1")
		fake.Deliver(e)
		if _, _, err := conn.ReadMessage(); err != nil {
			t.Fatal(err)
		}
		f := frame(e.ID(), tt.size)
		if len(f) != tt.size {
			t.Fatalf("frame of %d bytes, want %d", len(f), tt.size)
		}
		refused := len(fake.Refusals())
		if err := conn.WriteMessage(websocket.TextMessage, f); err != nil {
			t.Fatal(err)
		}
		if tt.dropped {
			if !fake.WaitFor(5*time.Second, func() bool { return len(fake.Refusals()) > refused }) {
				t.Fatalf("a %d-byte ack was not refused", tt.size)
			}
			if r := fake.Refusals()[refused]; r.Error != fakeslack.ResponseTooLarge || r.UserSees != fakeslack.OperationTimeout {
				t.Errorf("refusal %+v, want %s, the user seeing %s", r, fakeslack.ResponseTooLarge, fakeslack.OperationTimeout)
			}
			if fake.Pending() != 1 {
				t.Errorf("%d envelopes pending, want the dropped ack's", fake.Pending())
			}
			continue
		}
		if !fake.WaitFor(5*time.Second, func() bool { return fake.Pending() == 0 }) {
			t.Fatalf("a %d-byte ack was not read", tt.size)
		}
	}
}

// TestViewsPublishWithoutUserIsRefused posts a Home tab with no user_id,
// which views.publish requires (slack-go refuses to send one, so the form
// is posted as it is).
func TestViewsPublishWithoutUserIsRefused(t *testing.T) {
	t.Parallel()
	fake, _ := newClient(t)
	_, body := postForm(t, fake, "views.publish", url.Values{"view": {`{"type":"home","blocks":[{"type":"divider"}]}`}})
	want := "[ERROR] missing required field: user_id [json-pointer:/user_id]"
	if body.OK || body.Error != fakeslack.InvalidArguments || !slices.Equal(body.ResponseMetadata.Messages, []string{want}) {
		t.Errorf("got %+v, want invalid_arguments with %q", body, want)
	}
	if r := fake.Refusals(); len(r) != 1 || r[0].Method != "views.publish" {
		t.Errorf("refusals: %v", r)
	}
}

// TestViewTooLargeIsRefused publishes a Home tab of valid blocks, 90
// sections of 3,000 characters: over views.publish's 250 KB, it is
// refused with view_too_large; one section fewer in ten is taken.
func TestViewTooLargeIsRefused(t *testing.T) {
	t.Parallel()
	fake, _ := newClient(t)
	view := func(sections int) string {
		blocks := make([]map[string]any, sections)
		for i := range blocks {
			blocks[i] = map[string]any{"type": "section", "text": map[string]any{"type": "mrkdwn", "text": strings.Repeat("x", 3000)}}
		}
		raw, err := json.Marshal(map[string]any{"type": "home", "blocks": blocks})
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	if _, body := postForm(t, fake, "views.publish", url.Values{"user_id": {"U1"}, "view": {view(90)}}); body.OK || body.Error != fakeslack.ViewTooLarge {
		t.Errorf("a view of %d bytes: got %+v, want view_too_large", len(view(90)), body)
	}
	if _, body := postForm(t, fake, "views.publish", url.Values{"user_id": {"U1"}, "view": {view(81)}}); !body.OK {
		t.Errorf("a view of %d bytes: got %+v, want it taken", len(view(81)), body)
	}
}
