-- Whether an answer was from another role's part of the guide than the
-- one the question asked about (the reply said so): where the guide may
-- lack that role's. Questions kept before this migration read as answered
-- from the part asked about.
ALTER TABLE questions ADD COLUMN elsewhere INTEGER NOT NULL DEFAULT 0
    CONSTRAINT questions_elsewhere_answered CHECK (elsewhere IN (0, 1) AND (elsewhere = 0 OR outcome = 'answered'));
