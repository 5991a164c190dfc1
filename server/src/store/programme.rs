//! The year's log (`programme_event`): the same shape and promise as a meeting's log, without the hash chain
//! (the programme is a plan the Panel notes, not a record of what was decided). One row per event, `seq`
//! from 1 per year; all events of one change go in as one statement, and the `(year, seq)` primary key
//! refuses a seq another writer (or another server instance) took first, as [`StoreError::Conflict`].

use app::meeting::programme::{ProgrammeEvent, YearKey};
use app::meeting::Actor;
use sqlx::Row;

use super::EventStore;
use crate::error::StoreError;

/// One event of a year's log, as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredProgrammeEvent {
    pub seq: u64,
    /// Server clock, RFC 3339 UTC.
    pub recorded_at: String,
    pub actor: Actor,
    pub event: ProgrammeEvent,
}

impl EventStore {
    /// The years that have a programme, latest first.
    pub async fn programme_years(&self) -> Result<Vec<YearKey>, StoreError> {
        let rows = sqlx::query("SELECT DISTINCT year FROM programme_event ORDER BY year DESC")
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| YearKey::parse(&row.get::<String, _>(0)))
            .collect())
    }

    /// A year's whole log, in order.
    pub async fn load_programme(
        &self,
        year: &YearKey,
    ) -> Result<Vec<StoredProgrammeEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, recorded_at, actor, payload FROM programme_event WHERE year = $1 ORDER BY seq",
        )
        .bind(year.key())
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(StoredProgrammeEvent {
                    seq: row.get::<i64, _>("seq") as u64,
                    recorded_at: row.get("recorded_at"),
                    actor: serde_json::from_str(row.get("actor"))?,
                    event: serde_json::from_str(row.get("payload"))?,
                })
            })
            .collect()
    }

    /// Appends `events` after `expected_seq`, all or none; the seq of the last one written.
    pub async fn append_programme(
        &self,
        year: &YearKey,
        expected_seq: u64,
        actor: &Actor,
        recorded_at: &str,
        events: &[ProgrammeEvent],
    ) -> Result<u64, StoreError> {
        if events.is_empty() {
            return Ok(expected_seq);
        }
        let actor = serde_json::to_string(actor)?;
        let payloads = events
            .iter()
            .map(serde_json::to_string)
            .collect::<Result<Vec<_>, _>>()?;
        let values: Vec<String> = (0..events.len())
            .map(|i| {
                let at = i * 5;
                format!(
                    "(${}, ${}, ${}, ${}, ${})",
                    at + 1,
                    at + 2,
                    at + 3,
                    at + 4,
                    at + 5
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO programme_event (year, seq, recorded_at, actor, payload) VALUES {}",
            values.join(", ")
        );
        let key = year.key();
        let mut statement = sqlx::query(&sql);
        for (i, payload) in payloads.iter().enumerate() {
            statement = statement
                .bind(key.clone())
                .bind((expected_seq + 1 + i as u64) as i64)
                .bind(recorded_at)
                .bind(actor.clone())
                .bind(payload.clone());
        }
        statement
            .execute(self.pool())
            .await
            .map_err(|error| StoreError::conflict_or(error, expected_seq))?;
        Ok(expected_seq + events.len() as u64)
    }
}
