-- PostgreSQL twin of migrations/sqlite/0001_event_log.sql: the same tables, with 64-bit integers (BIGINT).
-- The meeting event log: append-only, the source of truth. State is rebuilt by replaying it in `seq` order.
-- Each row's `hash` is SHA-256 over (prev_hash, meeting_id, seq, recorded_at, actor, payload), so a later
-- edit or deletion of any row breaks the chain and can be detected (issue 5).
CREATE TABLE meeting_event (
    meeting_id  TEXT    NOT NULL,
    seq         BIGINT NOT NULL,
    recorded_at TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    prev_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, seq)
);

-- Single-use sign-in links. Only the SHA-256 of the token is stored, so a copy of the database cannot sign in.
CREATE TABLE sign_in_link (
    token_hash   TEXT    NOT NULL PRIMARY KEY,
    principal    TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT
);

-- Browser sessions created by a sign-in link; `ended_at` is set on sign-out.
CREATE TABLE session (
    token_hash   TEXT    NOT NULL PRIMARY KEY,
    principal    TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    ended_at     BIGINT
);
