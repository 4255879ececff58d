-- Questions people asked, for the guide's owners: the normalized question
-- text, the section that answered it ('' when none did), where it was asked
-- and how it went. No Slack user or channel ID is kept. reply_token is a
-- random token carried in the reply's feedback buttons, so that a 👍/👎
-- click finds its row; feedback is the latest vote: 1 helpful, -1 not
-- helpful, 0 none yet. Rows older than RETENTION_DAYS are deleted.
CREATE TABLE questions (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asked_at    timestamptz NOT NULL,
    question    text        NOT NULL,
    section_id  text        NOT NULL DEFAULT '',
    surface     text        NOT NULL CHECK (surface IN ('slash', 'mention', 'dm')),
    outcome     text        NOT NULL CHECK (outcome IN ('answered', 'no_answer')),
    reply_token text        NOT NULL UNIQUE,
    feedback    smallint    NOT NULL DEFAULT 0 CHECK (feedback IN (-1, 0, 1)),
    feedback_at timestamptz,
    CHECK ((outcome = 'answered') = (section_id <> ''))
);

CREATE INDEX questions_asked_at_idx ON questions (asked_at);
