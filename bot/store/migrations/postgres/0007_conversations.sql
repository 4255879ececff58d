-- Each conversation's memory, shared by the replicas, so that a follow-up
-- ("and for a VP?") or "tell me more" is read with the question before it
-- whichever replica Slack gives it to. key is a SHA-256 of the
-- conversation (its channel and thread), never the IDs themselves; memory
-- is the last question answered there, as it was read, and what "more"
-- may show next, as JSON; user_id is who asked it, so that /director
-- forget me deletes it. A row lives 30 minutes after its question.
CREATE TABLE conversations (
    key        text        PRIMARY KEY,
    user_id    text        NOT NULL,
    memory     text        NOT NULL,
    asked_at   timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX conversations_user_id_idx ON conversations (user_id);
CREATE INDEX conversations_expires_at_idx ON conversations (expires_at);
