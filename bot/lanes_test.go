package bot

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/slack-go/slack"
)

// TestLanesBoundWorkWithoutGoroutines queues more work than the queues hold
// while every worker is busy: push must return at once, refusing what does
// not fit; no more than the workers run at once, one lane one at a time;
// every task taken runs; and no goroutine is started per task.
func TestLanesBoundWorkWithoutGoroutines(t *testing.T) {
	// Not parallel: it counts goroutines, and parallel tests start theirs.
	const workers = 8
	l := newLanes()
	release := make(chan struct{})
	var running, most, done atomic.Int32
	var mu sync.Mutex
	perLane := map[string]int{}
	mostPerLane := 0
	l.run(workers, func(tk task) {
		n := running.Add(1)
		mu.Lock()
		most.Store(max(most.Load(), n))
		perLane[tk.lane]++
		mostPerLane = max(mostPerLane, perLane[tk.lane])
		mu.Unlock()
		<-release
		mu.Lock()
		perLane[tk.lane]--
		mu.Unlock()
		running.Add(-1)
		done.Add(1)
	})
	defer l.close()
	before := runtime.NumGoroutine()
	accepted := 0
	start := time.Now()
	for i := range maxQueued + 1000 {
		if l.push(task{name: "test", lane: fmt.Sprint("C", i%40), do: func(context.Context) {}}) == taken {
			accepted++
		}
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("queueing took %v", d)
	}
	if after := runtime.NumGoroutine(); after > before+10 {
		t.Errorf("goroutines %d → %d while queueing", before, after)
	}
	if accepted > maxQueued+workers || accepted < maxQueued {
		t.Errorf("accepted %d tasks, want about %d", accepted, maxQueued)
	}
	close(release)
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if !l.wait(ctx) {
		t.Fatal("tasks never finished")
	}
	if got := int(done.Load()); got != accepted {
		t.Errorf("%d of %d accepted tasks ran", got, accepted)
	}
	if got := most.Load(); got > workers {
		t.Errorf("%d tasks ran at once, want at most %d", got, workers)
	}
	if mostPerLane != 1 {
		t.Errorf("one lane ran %d tasks at once, want 1", mostPerLane)
	}
}

// TestLaneLimitAndFairness fills one lane whose tasks hang: it is refused
// past its limit, holds one worker, and another lane's tasks run
// meanwhile.
func TestLaneLimitAndFairness(t *testing.T) {
	t.Parallel()
	const workers = 16
	l := newLanes()
	hang := make(chan struct{})
	defer close(hang)
	l.run(workers, func(tk task) { tk.do(context.Background()) })
	defer l.close()
	refused := 0
	for range maxLaneQueued + 50 {
		if l.push(task{lane: "CSTUCK", do: func(context.Context) { <-hang }}) != taken {
			refused++
		}
	}
	// One task may have left the queue to run by the time the queue fills;
	// the rest waits, and what is over the limit is refused.
	if refused < 50-1 || refused > 50 {
		t.Errorf("refused %d of %d, want about 50", refused, maxLaneQueued+50)
	}
	ran := make(chan struct{}, 100)
	for range 100 {
		if l.push(task{lane: "CFAST", do: func(context.Context) { ran <- struct{}{} }}) != taken {
			t.Fatal("another lane's task was refused")
		}
	}
	deadline := time.After(wait)
	for range 100 {
		select {
		case <-ran:
		case <-deadline:
			t.Fatal("another lane's tasks waited behind a stuck lane")
		}
	}
}

// TestLanesRunInOrder queues several tasks in one lane: they run one at a
// time, in the order they came, though other workers are idle.
func TestLanesRunInOrder(t *testing.T) {
	t.Parallel()
	const workers = 32
	l := newLanes()
	var mu sync.Mutex
	var order []int
	var running, most atomic.Int32
	l.run(workers, func(tk task) {
		n := running.Add(1)
		most.Store(max(most.Load(), n))
		time.Sleep(5 * time.Millisecond)
		tk.do(context.Background())
		running.Add(-1)
	})
	defer l.close()
	for i := range 10 {
		if l.push(task{name: "post", lane: "C123", do: func(context.Context) {
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}}) != taken {
			t.Fatal("a task was refused")
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if !l.wait(ctx) {
		t.Fatal("tasks never finished")
	}
	if got := most.Load(); got != 1 {
		t.Errorf("%d tasks of one lane ran at once, want 1", got)
	}
	for i, n := range order {
		if n != i {
			t.Fatalf("a lane's tasks ran in order %v", order)
		}
	}
}

// TestCloseReturnsTheQueuedTasks closes lanes while a task runs and others
// wait: close returns the waiting ones, each lane's in order, for shutdown
// to hand over, and refuses new work.
func TestCloseReturnsTheQueuedTasks(t *testing.T) {
	t.Parallel()
	l := newLanes()
	started, release := make(chan struct{}), make(chan struct{})
	l.run(1, func(tk task) { tk.do(context.Background()) })
	l.push(task{name: "running", lane: "C1", do: func(context.Context) {
		close(started)
		<-release
	}})
	<-started
	for i := range 3 {
		for _, lane := range []string{"C1", "C2"} {
			l.push(task{name: fmt.Sprint(lane, "-", i), lane: lane, do: func(context.Context) { t.Error("a task ran after close") }})
		}
	}
	left := l.close()
	close(release)
	var got []string
	for _, tk := range left {
		got = append(got, tk.name)
	}
	for _, lane := range []string{"C1", "C2"} {
		var order []string
		for _, name := range got {
			if strings.HasPrefix(name, lane) {
				order = append(order, name)
			}
		}
		if want := fmt.Sprint("[", lane, "-0 ", lane, "-1 ", lane, "-2]"); fmt.Sprint(order) != want {
			t.Errorf("lane %s left %v, want %s", lane, order, want)
		}
	}
	if len(left) != 6 {
		t.Errorf("close left %d tasks, want 6", len(left))
	}
	if got := l.push(task{name: "late", lane: "C3", do: func(context.Context) {}}); got != stopping {
		t.Errorf("closed lanes answered a push %d, want stopping", got)
	}
	if again := l.close(); len(again) != 0 {
		t.Errorf("closing again left %d tasks", len(again))
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if !l.wait(ctx) {
		t.Error("the running task never finished")
	}
}

// TestHandedOverTasksGoInArrivalOrder: a task handed over by a replica
// that stopped joins its lane before the tasks whose messages arrived
// after its own, so a thread's replies keep the order of its messages.
func TestHandedOverTasksGoInArrivalOrder(t *testing.T) {
	t.Parallel()
	l := newLanes()
	start := time.Now()
	at := func(name string, seconds int) task {
		h := &store.Handoff{Received: start.Add(time.Duration(seconds) * time.Second)}
		return task{name: name, lane: "C1", handoff: h, do: func(context.Context) {}}
	}
	for _, tk := range []task{
		at("third", 3), at("fifth", 5),
		at("first", 1),  // handed over
		at("second", 2), // handed over
		at("fourth", 4), // handed over
	} {
		if l.push(tk) != taken {
			t.Fatalf("no room for %s", tk.name)
		}
	}
	var got []string
	for _, tk := range l.close() {
		got = append(got, tk.name)
	}
	if want := "[first second third fourth fifth]"; fmt.Sprint(got) != want {
		t.Errorf("lane order %v, want %s", got, want)
	}
}

// TestClicksWaitInTheirLane: a click's reply posted in its channel waits
// behind the channel's posts; a choice on the Home tab behind the
// clicker's other Home work (opening it); any other reply behind the
// clicker's own work.
func TestClicksWaitInTheirLane(t *testing.T) {
	t.Parallel()
	s := NewServer(Config{}, guidetest.Embedded(t))
	s.learnDM("U1", "D1")
	click := func(channel, responseURL string, ephemeral bool, container string) slack.InteractionCallback {
		var cb slack.InteractionCallback
		cb.User.ID, cb.Channel.ID, cb.ResponseURL = "U1", channel, responseURL
		cb.Container.IsEphemeral, cb.Container.Type = ephemeral, container
		return cb
	}
	for _, tc := range []struct {
		name   string
		cb     slack.InteractionCallback
		action string
		want   string
	}{
		{"topic in a thread", click("C1", "", false, "message"), blockkit.ActionTopic + ":1", "C1"},
		{"topic in place", click("C1", "https://hooks.slack.test/r", true, "message"), blockkit.ActionTopic + ":1", "user:U1"},
		{"topic on the Home", click("", "", false, "view"), blockkit.ActionTopic + ":1", "user:U1"},
		{"share by response_url", click("C1", "https://hooks.slack.test/r", true, "message"), blockkit.ActionShare, "user:U1"},
		{"share as a post", click("C1", "", false, "message"), blockkit.ActionShare, "C1"},
		{"feedback", click("C1", "", false, "message"), blockkit.ActionFeedbackUp, "user:U1"},
		{"teach", click("", "", false, "view"), blockkit.ActionTeach, homeLane("U1")},
		{"undo a lesson", click("", "", false, "view"), blockkit.ActionUnteach, homeLane("U1")},
		{"earlier lessons", click("", "", false, "view"), blockkit.ActionLessons + ":0", homeLane("U1")},
		{"plan built in a DM", click("D1", "", false, "message"), blockkit.ActionPlanBuild, "D1"},
		// U1's DM with the bot is D1: D9 is a DM between people, where the
		// bot answers in the clicker's DM.
		{"plan built in a DM between people", click("D9", "https://hooks.slack.test/r", false, "message"), blockkit.ActionPlanBuild, "user:U1"},
	} {
		if got := s.actionLane(tc.cb, &slack.BlockAction{ActionID: tc.action}); got != tc.want {
			t.Errorf("%s: lane %q, want %q", tc.name, got, tc.want)
		}
	}
}
