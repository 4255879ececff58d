-- Why a question got no answer when the search knew: a topic the guide
-- leaves to others, a role it does not describe, or a fact of the asker's
-- own company; '' for an answer, or for a question the guide simply does
-- not cover. The report lists only the latter as the guide's gaps.
-- Questions kept before this migration read as not covered.
ALTER TABLE questions
    ADD COLUMN refusal text NOT NULL DEFAULT ''
        CHECK (refusal IN ('', 'outside_topic', 'other_role', 'company_fact')),
    ADD CHECK (refusal = '' OR outcome = 'no_answer');
