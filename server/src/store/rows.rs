//! The rows one append writes: each event's payload and its link in the hash chain, and the `INSERT`
//! statements that write them.
//!
//! An append of up to [`ROWS_PER_STATEMENT`] rows (every command so far: a handful of events) is one
//! statement (on PostgreSQL with its `NOTIFY` in it). A larger one is split into statements of that many
//! rows, run in one transaction by the caller, which keeps each statement's parameters (7 a row) far below
//! SQLite's limit of 32,766 and PostgreSQL's of 65,535.

use app::meeting::{Event, MeetingId};
use sqlx::{any::AnyArguments, query::Query, Any};

use super::chain_hash;
use crate::error::StoreError;

/// The columns of one log row, in the order [`insert`] binds them.
const COLUMNS: usize = 7;

/// At most this many rows in one `INSERT` (3,500 parameters).
pub(super) const ROWS_PER_STATEMENT: usize = 500;

/// One event as stored: after `seq - 1`, whose hash is `prev_hash`.
pub(super) struct LogRow {
    pub seq: u64,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The rows for `events` appended by `actor_json` after event `after`, whose hash is `prev_hash`.
pub(super) fn chain(
    meeting: &MeetingId,
    after: u64,
    prev_hash: String,
    recorded_at: &str,
    actor_json: &str,
    events: &[Event],
) -> Result<Vec<LogRow>, StoreError> {
    let mut prev_hash = prev_hash;
    let mut rows = Vec::with_capacity(events.len());
    for (seq, event) in (after + 1..).zip(events) {
        let payload = serde_json::to_string(event)?;
        let hash = chain_hash(
            &prev_hash,
            &meeting.0,
            seq,
            recorded_at,
            actor_json,
            &payload,
        );
        rows.push(LogRow {
            seq,
            payload,
            prev_hash: std::mem::replace(&mut prev_hash, hash.clone()),
            hash,
        });
    }
    Ok(rows)
}

/// One `INSERT` of `rows` (at most [`ROWS_PER_STATEMENT`]); `sql` is [`insert_sql`] of their count. The
/// values are bound by reference: the rows outlive the statement.
pub(super) fn insert<'q>(
    sql: &'q str,
    meeting: &'q MeetingId,
    recorded_at: &'q str,
    actor_json: &'q str,
    rows: &'q [LogRow],
) -> Query<'q, Any, AnyArguments<'q>> {
    rows.iter().fold(sqlx::query(sql), |insert, row| {
        insert
            .bind(&meeting.0)
            .bind(row.seq as i64)
            .bind(recorded_at)
            .bind(actor_json)
            .bind(&row.payload)
            .bind(&row.prev_hash)
            .bind(&row.hash)
    })
}

/// `INSERT` of `rows` log rows in one statement, numbered placeholders (`$1` …), which both SQLite and
/// PostgreSQL accept.
pub(super) fn insert_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO meeting_event (meeting_id, seq, recorded_at, actor, payload, prev_hash, hash) VALUES ",
    );
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        let first = row * COLUMNS + 1;
        let placeholders: Vec<String> = (first..first + COLUMNS).map(|n| format!("${n}")).collect();
        sql.push('(');
        sql.push_str(&placeholders.join(", "));
        sql.push(')');
    }
    sql
}

/// PostgreSQL: the `INSERT` of `rows` rows and, in the same statement (so in the same implicit transaction),
/// `NOTIFY` on the channel bound after the rows with the meeting id after it. A data-modifying `WITH` runs
/// exactly once whether or not the query reads it; an error in it fails the statement, notification and all.
pub(super) fn insert_and_notify_sql(rows: usize) -> String {
    let channel = rows * COLUMNS + 1;
    format!(
        "WITH written AS ({} RETURNING seq) SELECT pg_notify(${channel}, ${})",
        insert_sql(rows),
        channel + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::Digest as _;

    #[test]
    fn one_row_binds_seven_placeholders_and_more_rows_continue_the_numbering() {
        assert!(insert_sql(1).ends_with("VALUES ($1, $2, $3, $4, $5, $6, $7)"));
        assert!(insert_sql(2)
            .ends_with("VALUES ($1, $2, $3, $4, $5, $6, $7), ($8, $9, $10, $11, $12, $13, $14)"));
    }

    #[test]
    fn the_notification_takes_the_two_placeholders_after_the_rows() {
        let sql = insert_and_notify_sql(2);
        assert!(sql.starts_with("WITH written AS (INSERT INTO meeting_event"));
        assert!(sql.contains("($8, $9, $10, $11, $12, $13, $14) RETURNING seq)"));
        assert!(sql.ends_with("SELECT pg_notify($15, $16)"));
    }

    #[test]
    fn each_row_links_to_the_one_before_it() {
        let meeting = MeetingId("m".into());
        let events = vec![app::demo::demo_meetings().remove(0).1.remove(0); 3];
        let rows = chain(&meeting, 4, "h4".into(), "t", "a", &events).expect("rows");
        assert_eq!(rows.iter().map(|r| r.seq).collect::<Vec<_>>(), [5, 6, 7]);
        assert_eq!(rows[0].prev_hash, "h4");
        assert_eq!(rows[1].prev_hash, rows[0].hash);
        assert_eq!(rows[2].prev_hash, rows[1].hash);
        // Each hash covers the previous hash, meeting, seq, time, actor and payload, one per line (the preimage
        // written out here, not by `chain_hash`).
        let preimage = format!("{}\nm\n6\nt\na\n{}\n", rows[0].hash, rows[1].payload);
        assert_eq!(rows[1].hash, hex::encode(sha2::Sha256::digest(preimage)));
    }

    /// A known answer, computed outside Rust (Python's hashlib): a stored log stays verifiable only while the
    /// hash is exactly this function of its fields.
    #[test]
    fn the_chain_hash_is_sha256_of_the_fields_one_per_line() {
        assert_eq!(
            chain_hash(
                "genesis",
                "2022-12-06",
                1,
                "2022-12-06T10:00:00Z",
                r#"{"role":"system"}"#,
                r#"{"type":"MeetingOpened","at":0}"#
            ),
            "8a3867a3f307b6b2b9675e80532a08f4df4f4d2259b029289c57d478d584af31"
        );
    }
}
