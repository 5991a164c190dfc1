//! The published vote record of a meeting, read from its event log (the core's `published_votes::published_votes`
//! does the deriving; this reads the log and writes the CSV).
//!
//! CSV is written with the `csv` crate (quoting of commas, quotes and newlines in motions and names is
//! its job, not ours); each cell is neutralised against formula injection by the core's `published_votes::table`.

use app::meeting::published_votes::{published_votes, table, LoggedEvent, PublishedVotes};
use app::meeting::MeetingId;

use crate::error::StoreError;
use crate::store::EventStore;

/// The meeting's closed, publishable votes, derived from its whole log.
pub async fn published(
    store: &EventStore,
    meeting: &MeetingId,
) -> Result<PublishedVotes, StoreError> {
    let log = store.load(meeting).await?;
    let logged: Vec<LoggedEvent> = log
        .iter()
        .map(|stored| LoggedEvent {
            seq: stored.seq,
            hash: &stored.hash,
            event: &stored.event,
        })
        .collect();
    Ok(PublishedVotes {
        meeting: meeting.clone(),
        votes: published_votes(&logged),
    })
}

/// The record as CSV: a header row, then one row per seat of each vote.
pub fn to_csv(record: &PublishedVotes) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(table::HEADER)?;
    for row in table::rows(&record.votes) {
        writer.write_record(&row)?;
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}
