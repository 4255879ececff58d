-- Questions people asked, for the guide's owners: the normalized question
-- text, the section that answered it ('' when none did), where it was asked
-- and how it went. No Slack user or channel ID is kept. reply_token is a
-- random token carried in the reply's feedback buttons, so that a 👍/👎
-- click finds its row; feedback is the latest vote: 1 helpful, -1 not
-- helpful, 0 none yet. Rows older than RETENTION_DAYS are deleted. Times
-- are microseconds since the Unix epoch, UTC.
CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,
    asked_at    INTEGER NOT NULL,
    question    TEXT    NOT NULL,
    section_id  TEXT    NOT NULL DEFAULT '',
    surface     TEXT    NOT NULL CHECK (surface IN ('slash', 'mention', 'dm')),
    outcome     TEXT    NOT NULL CHECK (outcome IN ('answered', 'no_answer')),
    reply_token TEXT    NOT NULL UNIQUE,
    feedback    INTEGER NOT NULL DEFAULT 0 CHECK (feedback IN (-1, 0, 1)),
    feedback_at INTEGER,
    CHECK ((outcome = 'answered') = (section_id <> ''))
);

CREATE INDEX questions_asked_at_idx ON questions (asked_at);
