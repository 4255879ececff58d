-- Whether an answer was only the closest the guide has, which may not
-- answer the question (the reply said so): where the guide may be thin.
-- Questions kept before this migration read as answered surely.
ALTER TABLE questions ADD COLUMN unsure INTEGER NOT NULL DEFAULT 0
    CONSTRAINT questions_unsure_answered CHECK (unsure IN (0, 1) AND (unsure = 0 OR outcome = 'answered'));
