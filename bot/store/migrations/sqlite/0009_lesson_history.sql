-- Every lesson taught, not only the latest for each question: the latest
-- is the one in use, and undoing it brings back the one it replaced.
-- Rebuilt without the UNIQUE on question, which SQLite cannot drop; IDs
-- are never reused, so that the latest lesson is the one of highest ID.
CREATE TABLE lessons_taught (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    question   TEXT    NOT NULL,
    section    TEXT    NOT NULL,
    taught_at  INTEGER NOT NULL
);
INSERT INTO lessons_taught (id, question, section, taught_at)
    SELECT id, question, section, taught_at FROM lessons;
DROP TABLE lessons;
ALTER TABLE lessons_taught RENAME TO lessons;
CREATE INDEX lessons_question ON lessons (question, id);
