//! The event log: append-only, one row per event, per-meeting `seq` starting at 1, SHA-256 hash chain.
//!
//! All events of one command are appended in one transaction; the `(meeting_id, seq)` primary key makes a
//! second writer (or a stale `expected_seq`) fail with [`StoreError::Conflict`] instead of forking the log.
//! On PostgreSQL the same transaction sends `NOTIFY panelcast_event, '<meeting id>'`, delivered on commit, so
//! other server instances sharing the database catch up (`crate::peers`).

mod connect;
mod heads;
mod programme;
mod rows;

use app::meeting::{Actor, Event, MeetingId};
use sha2::{Digest, Sha256};
use sqlx::{AnyPool, Row};

pub use connect::Backend;
use heads::Heads;
pub use programme::StoredProgrammeEvent;

use crate::error::StoreError;

/// The PostgreSQL notification channel on which every append announces its meeting id.
pub const EVENT_CHANNEL: &str = "panelcast_event";

/// The `prev_hash` of a meeting's first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One persisted event with its metadata, as read back from the log.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub seq: u64,
    /// Server clock, RFC 3339 UTC.
    pub recorded_at: String,
    pub actor: Actor,
    pub event: Event,
    pub hash: String,
}

/// Handle to the database; cheap to clone (the pool and the remembered heads are reference-counted).
#[derive(Debug, Clone)]
pub struct EventStore {
    backend: Backend,
    pool: AnyPool,
    url: String,
    heads: Heads,
}

impl EventStore {
    /// Opens the database at `url` (`sqlite://…`, created if missing, or `postgres://…`) and runs the
    /// embedded migrations; see [`connect`] for each backend's settings.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let (backend, pool) = connect::open(url).await?;
        Ok(Self {
            backend,
            pool,
            url: url.to_owned(),
            heads: Heads::default(),
        })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The URL this store was opened with (the PostgreSQL follower opens its own listening connection).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A cheap query that proves the database answers (for `/healthz`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Every meeting that has at least one event, in id order.
    pub async fn meeting_ids(&self) -> Result<Vec<MeetingId>, StoreError> {
        let rows = sqlx::query("SELECT DISTINCT meeting_id FROM meeting_event ORDER BY meeting_id")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| MeetingId(r.get::<String, _>(0)))
            .collect())
    }

    /// Appends `events` (caused by one command of `actor`) after `expected_seq`, all or none.
    /// Returns the seq of the last event written (`expected_seq` when `events` is empty).
    ///
    /// The rows go in as **one** statement, atomic on its own: on SQLite a multi-row `INSERT`, which takes the
    /// write lock at its start (waiting up to `busy_timeout`, so it cannot fail with `SQLITE_BUSY_SNAPSHOT`
    /// the way a read-then-write transaction did); on PostgreSQL the same `INSERT` in a `WITH` whose query
    /// sends the `NOTIFY`, delivered on commit like before. An append too large for one statement
    /// ([`rows::ROWS_PER_STATEMENT`]) is several, in one transaction. The chain needs the previous row's
    /// hash: after its own append the store remembers each meeting's head, so the next append of that meeting
    /// skips reading it back. Either way the `(meeting_id, seq)` primary key refuses a seq that another writer
    /// took first, reported as [`StoreError::Conflict`]. Each statement is a round trip to the database (on
    /// SQLite, to the connection's worker thread), so one statement instead of `BEGIN`, `SELECT`,
    /// `INSERT`…, `COMMIT` is what keeps a ballot's acknowledgement short while the fan-out keeps both cores
    /// busy.
    pub async fn append(
        &self,
        meeting: &MeetingId,
        expected_seq: u64,
        actor: &Actor,
        recorded_at: &str,
        events: &[Event],
    ) -> Result<u64, StoreError> {
        if events.is_empty() {
            return Ok(expected_seq);
        }
        let prev_hash = match self.heads.remembered(meeting, expected_seq) {
            Some(hash) => hash,
            None => self.head_at(meeting, expected_seq).await?,
        };
        let actor_json = serde_json::to_string(actor)?;
        let rows = rows::chain(
            meeting,
            expected_seq,
            prev_hash,
            recorded_at,
            &actor_json,
            events,
        )?;
        let inserted = if rows.len() <= rows::ROWS_PER_STATEMENT {
            let sql = match self.backend {
                Backend::Sqlite => rows::insert_sql(rows.len()),
                Backend::Postgres => rows::insert_and_notify_sql(rows.len()),
            };
            let mut statement = rows::insert(&sql, meeting, recorded_at, &actor_json, &rows);
            if self.backend == Backend::Postgres {
                statement = statement.bind(EVENT_CHANNEL).bind(&meeting.0);
            }
            statement.execute(&self.pool).await.map(drop)
        } else {
            self.insert_in_transaction(meeting, recorded_at, &actor_json, &rows)
                .await
        };
        if let Err(error) = inserted {
            self.heads.forget(meeting);
            return Err(StoreError::conflict_or(error, expected_seq));
        }
        let head = rows.into_iter().next_back().expect("events is not empty");
        self.heads.remember(meeting, head.seq, head.hash);
        Ok(head.seq)
    }

    /// The rows in statements of at most [`rows::ROWS_PER_STATEMENT`] in one transaction, with PostgreSQL's
    /// `NOTIFY` in it; nothing is written unless all of it is. SQLite's takes the write lock at its start
    /// (`BEGIN IMMEDIATE`): a deferred `BEGIN` would upgrade at the first `INSERT` and fail at once with
    /// `SQLITE_BUSY_SNAPSHOT` if another meeting's append committed in between, instead of waiting.
    async fn insert_in_transaction(
        &self,
        meeting: &MeetingId,
        recorded_at: &str,
        actor_json: &str,
        rows: &[rows::LogRow],
    ) -> Result<(), sqlx::Error> {
        let mut tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        for chunk in rows.chunks(rows::ROWS_PER_STATEMENT) {
            let sql = rows::insert_sql(chunk.len());
            rows::insert(&sql, meeting, recorded_at, actor_json, chunk)
                .execute(&mut *tx)
                .await?;
        }
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(EVENT_CHANNEL)
                .bind(&meeting.0)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    }

    /// The hash of the meeting's last event, which must be `expected_seq` (else another writer got there
    /// first: [`StoreError::Conflict`]). A written row never changes, so this needs no transaction around the
    /// insert that follows: the primary key catches a writer that appends in between.
    async fn head_at(&self, meeting: &MeetingId, expected_seq: u64) -> Result<String, StoreError> {
        let last: Option<(i64, String)> = sqlx::query_as(
            "SELECT seq, hash FROM meeting_event WHERE meeting_id = $1 ORDER BY seq DESC LIMIT 1",
        )
        .bind(&meeting.0)
        .fetch_optional(&self.pool)
        .await?;
        let (last_seq, hash) = match last {
            Some((seq, hash)) => (seq as u64, hash),
            None => (0, GENESIS_HASH.to_owned()),
        };
        if last_seq != expected_seq {
            return Err(StoreError::Conflict {
                expected: expected_seq,
                found: last_seq,
            });
        }
        Ok(hash)
    }

    /// The whole log of one meeting in `seq` order (empty for an unknown meeting).
    pub async fn load(&self, meeting: &MeetingId) -> Result<Vec<StoredEvent>, StoreError> {
        self.load_after(meeting, 0).await
    }

    /// The events of one meeting after `seq`, in order: what a writer that holds the state at `seq` lacks
    /// (another instance appended them).
    pub async fn load_after(
        &self,
        meeting: &MeetingId,
        seq: u64,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, recorded_at, actor, payload, hash FROM meeting_event \
             WHERE meeting_id = $1 AND seq > $2 ORDER BY seq",
        )
        .bind(&meeting.0)
        .bind(seq as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(StoredEvent {
                    seq: row.get::<i64, _>("seq") as u64,
                    recorded_at: row.get("recorded_at"),
                    actor: serde_json::from_str(row.get("actor"))?,
                    event: serde_json::from_str(row.get("payload"))?,
                    hash: row.get("hash"),
                })
            })
            .collect()
    }

    /// Recomputes the hash chain of one meeting. `Ok(n)` is the number of events checked; a broken link
    /// returns [`StoreError::BrokenChain`] with the first seq that does not match.
    pub async fn verify_chain(&self, meeting: &MeetingId) -> Result<u64, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, recorded_at, actor, payload, prev_hash, hash FROM meeting_event \
             WHERE meeting_id = $1 ORDER BY seq",
        )
        .bind(&meeting.0)
        .fetch_all(&self.pool)
        .await?;
        let mut prev = GENESIS_HASH.to_owned();
        let mut expected_seq = 0u64;
        for row in &rows {
            expected_seq += 1;
            let seq = row.get::<i64, _>("seq") as u64;
            let stored_prev: String = row.get("prev_hash");
            let hash: String = row.get("hash");
            let recomputed = chain_hash(
                &prev,
                &meeting.0,
                seq,
                row.get("recorded_at"),
                row.get("actor"),
                row.get("payload"),
            );
            if seq != expected_seq || stored_prev != prev || hash != recomputed {
                return Err(StoreError::BrokenChain {
                    meeting: meeting.0.clone(),
                    seq,
                });
            }
            prev = hash;
        }
        Ok(expected_seq)
    }
}

/// SHA-256 over the previous hash and the row's fields, newline-separated, as lowercase hex.
pub fn chain_hash(
    prev_hash: &str,
    meeting: &str,
    seq: u64,
    recorded_at: &str,
    actor: &str,
    payload: &str,
) -> String {
    let mut hasher = Sha256::new();
    for part in [
        prev_hash,
        meeting,
        &seq.to_string(),
        recorded_at,
        actor,
        payload,
    ] {
        hasher.update(part.as_bytes());
        hasher.update(b"\n");
    }
    hex::encode(hasher.finalize())
}
