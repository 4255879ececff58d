package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/store"
)

// TestForgetDeletesWhatTheStoreKeepsByUser: an admin's forget deletes a
// person's plan and welcome note, says so, and refuses what is no user
// ID.
func TestForgetDeletesWhatTheStoreKeepsByUser(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "state.db")
	st, err := store.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SavePlan(t.Context(), store.Plan{User: "U0LEFT", Path: "career-progression-indicators", Have: []string{"x"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Welcome(t.Context(), "U0LEFT", time.Now()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tt := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"forget", "U0LEFT", "U0NEVER"}, 0, "U0LEFT: deleted their self-assessment, the note that they were welcomed\nU0NEVER: nothing was kept\n"},
		{[]string{"forget", "U0LEFT"}, 0, "U0LEFT: nothing was kept\n"},
		{[]string{"forget", "@jane"}, 2, ""},
		{[]string{"forget"}, 2, ""},
	} {
		var out, errOut bytes.Buffer
		env := &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string {
			if k == "DATABASE_URL" {
				return url
			}
			return ""
		}}
		if code := runIn(context.Background(), env, tt.args); code != tt.code || out.String() != tt.out {
			t.Errorf("%s: exit %d, %q; want %d, %q (%s)", strings.Join(tt.args, " "), code, out.String(), tt.code, tt.out, errOut.String())
		}
	}
}

// TestForgottenCounts: what forget deleted is told with its counts, one
// in the singular.
func TestForgottenCounts(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		f    store.Forgotten
		want string
	}{
		{store.Forgotten{Conversations: 1, Handoffs: 1}, "deleted the memory of 1 conversation, 1 question waiting for an answer"},
		{store.Forgotten{Conversations: 3, Handoffs: 2}, "deleted the memory of 3 conversations, 2 questions waiting for an answer"},
	} {
		if got := forgotten(tt.f); got != tt.want {
			t.Errorf("forgotten(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}
