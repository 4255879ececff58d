-- Exactly-once claims: a row per key, taken by the first replica that
-- inserts it and free to take over once expires_at has passed.
CREATE TABLE claims (
    key        text        PRIMARY KEY,
    claimed_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX claims_expires_at_idx ON claims (expires_at);
