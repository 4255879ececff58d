-- Exactly-once claims: a row per key, taken by the first caller that
-- inserts it and free to take over once expires_at has passed. Times are
-- microseconds since the Unix epoch, UTC.
CREATE TABLE claims (
    key        TEXT    PRIMARY KEY NOT NULL,
    claimed_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX claims_expires_at_idx ON claims (expires_at);
