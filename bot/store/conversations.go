package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// conversationKey is how the store names a conversation: a SHA-256 of the
// caller's key, so that no channel or thread ID is kept.
func conversationKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// Remember keeps memory for the conversation named key, whose question
// user asked, until ttl has passed, in place of what was kept for it,
// unless what was kept came from a message that arrived after this one's
// (at): of two replicas answering one conversation at once, the later
// message's memory stays. ForgetBefore reads at too: a person's forget
// deletes the memory of the messages that arrived before it.
func (s *Store) Remember(ctx context.Context, key, user string, memory []byte, at time.Time, ttl time.Duration) error {
	if key == "" || len(memory) == 0 {
		return errors.New("remember a conversation: no key or no memory")
	}
	if at.IsZero() {
		return errors.New("remember a conversation: no arrival time")
	}
	if ttl <= 0 {
		return fmt.Errorf("remember a conversation: ttl %v is not positive", ttl)
	}
	if err := checkUser(user); err != nil {
		return fmt.Errorf("remember a conversation: %w", err)
	}
	db, err := s.askedDB()
	if err != nil {
		return err
	}
	now := s.clock()
	_, err = db.exec(ctx, `INSERT INTO conversations (key, user_id, memory, asked_at, expires_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (key) DO UPDATE SET user_id = excluded.user_id, memory = excluded.memory, asked_at = excluded.asked_at, expires_at = excluded.expires_at
WHERE conversations.asked_at <= excluded.asked_at`,
		conversationKey(key), user, string(memory), db.timeArg(databaseTime(at)), db.timeArg(now.Add(ttl)))
	if err != nil {
		return fmt.Errorf("remember a conversation: %w", err)
	}
	return nil
}

// Recall returns the memory kept for the conversation named key, and
// whether there is any that has not expired.
func (s *Store) Recall(ctx context.Context, key string) ([]byte, bool, error) {
	db, err := s.askedDB()
	if err != nil {
		return nil, false, err
	}
	var memory []byte
	err = db.query(ctx, `SELECT memory FROM conversations WHERE key = ? AND expires_at > ?`,
		[]any{conversationKey(key), db.timeArg(s.clock())}, func(scan scanFunc) error {
			var m string
			if err := scan(&m); err != nil {
				return err
			}
			memory = []byte(m)
			return nil
		})
	if err != nil {
		return nil, false, fmt.Errorf("recall a conversation: %w", err)
	}
	return memory, memory != nil, nil
}
