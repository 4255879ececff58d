-- 👍/👎 on replies no question asked for: a section opened by a button (a
-- topic, a full table, Continue reading, Read from a plan) or shared in a
-- channel. reply_token is carried in the reply's feedback buttons, as a
-- question's is, so that a later vote on the same reply replaces the
-- earlier; no Slack user or channel ID is kept. feedback is 1 helpful, -1
-- not helpful. Rows older than RETENTION_DAYS are deleted with the
-- questions. Times are microseconds since the Unix epoch, UTC.
CREATE TABLE opened_votes (
    reply_token TEXT    PRIMARY KEY,
    section_id  TEXT    NOT NULL CHECK (section_id <> ''),
    feedback    INTEGER NOT NULL CHECK (feedback IN (-1, 1)),
    voted_at    INTEGER NOT NULL
);

CREATE INDEX opened_votes_voted_at_idx ON opened_votes (voted_at);
