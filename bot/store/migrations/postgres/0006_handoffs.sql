-- Replies a replica had queued but not sent when it shut down: the Slack
-- envelope each answers, which Slack will not send again (it was acked),
-- kept until another replica, or the next start, takes it to answer.
-- user_id is who the reply is for, so that /director forget me deletes
-- theirs.
CREATE TABLE handoffs (
    id           bigserial   PRIMARY KEY,
    type         text        NOT NULL,
    payload      text        NOT NULL,
    user_id      text        NOT NULL,
    received_at  timestamptz NOT NULL
);

CREATE INDEX handoffs_user_id_idx ON handoffs (user_id);
