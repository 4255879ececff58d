-- 👍/👎 on replies no question asked for: a section opened by a button (a
-- topic, a full table, Continue reading, Read from a plan) or shared in a
-- channel. voter is a keyed hash (HMAC-SHA256, keyed with the bot's
-- token, which the store never holds) of the token the reply's feedback
-- buttons carry and the voter's Slack user ID: one vote per person and
-- reply, a later one replacing the earlier, though many vote on a shared
-- answer; no Slack user or channel ID is kept, nor can one be found from
-- the store alone. feedback is 1 helpful, -1 not helpful. Rows older
-- than RETENTION_DAYS are deleted with the questions. Times are microseconds since the Unix epoch, UTC.
CREATE TABLE opened_votes (
    voter       TEXT    PRIMARY KEY,
    section_id  TEXT    NOT NULL CHECK (section_id <> ''),
    feedback    INTEGER NOT NULL CHECK (feedback IN (-1, 1)),
    voted_at    INTEGER NOT NULL
);

CREATE INDEX opened_votes_voted_at_idx ON opened_votes (voted_at);
