-- Replies a replica had queued but not sent when it shut down: the Slack
-- envelope each answers, which Slack will not send again (it was acked),
-- kept until another replica, or the next start, takes it to answer.
-- user_id is who the reply is for, so that /director forget me deletes
-- theirs. Times are microseconds since the Unix epoch, UTC.
CREATE TABLE handoffs (
    id           INTEGER PRIMARY KEY,
    type         TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    received_at  INTEGER NOT NULL
);

CREATE INDEX handoffs_user_id_idx ON handoffs (user_id);
