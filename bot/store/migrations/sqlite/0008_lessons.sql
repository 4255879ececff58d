-- What admins taught on the Home tab: for a question people asked, the
-- section of the guide that answers it (its ID), or '' when the guide
-- should not answer it. The search learns them as examples. Times are
-- microseconds since the Unix epoch, UTC.
CREATE TABLE lessons (
    id         INTEGER PRIMARY KEY,
    question   TEXT    NOT NULL UNIQUE,
    section    TEXT    NOT NULL,
    taught_at  INTEGER NOT NULL
);
