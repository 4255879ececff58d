-- Every lesson taught, not only the latest for each question: the latest
-- (the highest ID) is the one in use, and undoing it brings back the one
-- it replaced.
ALTER TABLE lessons DROP CONSTRAINT lessons_question_key;
CREATE INDEX lessons_question ON lessons (question, id);
