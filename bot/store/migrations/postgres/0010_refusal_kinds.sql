-- Three more reasons a question got no answer: a request to write,
-- summarize or translate a text ('request'), a request for the words of
-- one conversation with particular people ('conversation'), both kept as
-- 'outside_topic' before (rows kept so stay as they were), and a request
-- for an opinion or a decision of the asker's own life ('opinion').
-- questions_refusal_check is the name PostgreSQL gave migration 0004's
-- column constraint.
ALTER TABLE questions
    DROP CONSTRAINT questions_refusal_check,
    ADD CONSTRAINT questions_refusal_check
        CHECK (refusal IN ('', 'outside_topic', 'other_role', 'company_fact', 'request', 'conversation', 'opinion'));
