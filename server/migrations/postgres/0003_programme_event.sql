-- The Panel's year (meeting dates, reserve dates, the forward work programme): an append-only log per municipal
-- year, like a meeting's. `year` is the address form, `2020-21`; `payload` a `ProgrammeEvent` as JSON.
CREATE TABLE programme_event (
    year        TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    recorded_at TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    PRIMARY KEY (year, seq)
);
