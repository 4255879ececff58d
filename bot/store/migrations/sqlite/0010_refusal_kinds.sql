-- Three more reasons a question got no answer: a request to write,
-- summarize or translate a text ('request'), a request for the words of
-- one conversation with particular people ('conversation'), both kept as
-- 'outside_topic' before (rows kept so stay as they were), and a request
-- for an opinion or a decision of the asker's own life ('opinion').
-- SQLite cannot change a CHECK constraint, so the table is made anew
-- (https://www.sqlite.org/lang_altertable.html#otheralter), its columns,
-- constraints and index as migrations 0002, 0004 and 0005 left them; the
-- checks of refusal and unsure stay column constraints, which a column
-- dropped takes with it.
CREATE TABLE questions_new (
    id          INTEGER PRIMARY KEY,
    asked_at    INTEGER NOT NULL,
    question    TEXT    NOT NULL,
    section_id  TEXT    NOT NULL DEFAULT '',
    surface     TEXT    NOT NULL CHECK (surface IN ('slash', 'mention', 'dm')),
    outcome     TEXT    NOT NULL CHECK (outcome IN ('answered', 'no_answer')),
    reply_token TEXT    NOT NULL UNIQUE,
    feedback    INTEGER NOT NULL DEFAULT 0 CHECK (feedback IN (-1, 0, 1)),
    feedback_at INTEGER,
    refusal     TEXT    NOT NULL DEFAULT ''
        CHECK (refusal IN ('', 'outside_topic', 'other_role', 'company_fact', 'request', 'conversation', 'opinion')
               AND (refusal = '' OR outcome = 'no_answer')),
    unsure      INTEGER NOT NULL DEFAULT 0
        CONSTRAINT questions_unsure_answered CHECK (unsure IN (0, 1) AND (unsure = 0 OR outcome = 'answered')),
    CHECK ((outcome = 'answered') = (section_id <> ''))
);

INSERT INTO questions_new (id, asked_at, question, section_id, surface, outcome, reply_token, feedback, feedback_at, refusal, unsure)
    SELECT id, asked_at, question, section_id, surface, outcome, reply_token, feedback, feedback_at, refusal, unsure FROM questions;

DROP TABLE questions;

ALTER TABLE questions_new RENAME TO questions;

CREATE INDEX questions_asked_at_idx ON questions (asked_at);
