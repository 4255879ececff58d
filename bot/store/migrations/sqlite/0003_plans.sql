-- What the bot keeps about a person, by Slack user ID, until they say
-- /director forget me. plans holds each person's self-assessment against
-- the guide's readiness indicators: the section ID of the indicators
-- (path_id) and the indicators they ticked, as the guide words them, a
-- JSON array of strings; the plan itself is rebuilt from the guide serving
-- when it is shown. welcomed notes that the bot greeted the person in a
-- DM, so that it greets them once. Times are microseconds since the Unix
-- epoch, UTC.
CREATE TABLE plans (
    user_id    TEXT    PRIMARY KEY,
    path_id    TEXT    NOT NULL,
    ticked     TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE welcomed (
    user_id     TEXT    PRIMARY KEY,
    welcomed_at INTEGER NOT NULL
);
