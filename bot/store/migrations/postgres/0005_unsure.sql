-- Whether an answer was only the closest the guide has, which may not
-- answer the question (the reply said so): where the guide may be thin.
-- Questions kept before this migration read as answered surely.
ALTER TABLE questions
    ADD COLUMN unsure boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT questions_unsure_answered CHECK (NOT unsure OR outcome = 'answered');
