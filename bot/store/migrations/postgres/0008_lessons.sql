-- What admins taught on the Home tab: for a question people asked, the
-- section of the guide that answers it (its ID), or '' when the guide
-- should not answer it. The search learns them as examples.
CREATE TABLE lessons (
    id         bigserial   PRIMARY KEY,
    question   text        NOT NULL UNIQUE,
    section    text        NOT NULL,
    taught_at  timestamptz NOT NULL
);
