-- Each conversation's memory, shared by the replicas, so that a follow-up
-- ("and for a VP?") or "tell me more" is read with the question before it
-- whichever replica Slack gives it to. key is a SHA-256 of the
-- conversation (its channel and thread), never the IDs themselves; memory
-- is the last question answered there, as it was read, and what "more"
-- may show next, as JSON; user_id is who asked it, so that /director
-- forget me deletes it. A row lives 30 minutes after its question. Times
-- are microseconds since the Unix epoch, UTC.
CREATE TABLE conversations (
    key        TEXT    PRIMARY KEY,
    user_id    TEXT    NOT NULL,
    memory     TEXT    NOT NULL,
    asked_at   INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX conversations_user_id_idx ON conversations (user_id);
CREATE INDEX conversations_expires_at_idx ON conversations (expires_at);
