//! `server verify-votes --meeting ID --file votes.json`: checks a published vote record against the log.
//!
//! Three checks, all of which must pass:
//! 1. the meeting's log is intact: its SHA-256 hash chain recomputes (as `verify-log` does);
//! 2. every published result recounts from its own rows, by the core's rules (`published_votes::recount`);
//! 3. the published record is the one the log gives, row by row (`published_votes::compare`): every seat's member,
//!    position, receipt and time, each vote's result, and the seq and hash of the event that closed it.
//!
//! So an edited ballot, result or hash in the file is named by vote and seat, and a log edited to match
//! the file breaks the chain.

use app::meeting::published_votes::{compare, recount, Discrepancy, PublishedVotes};
use app::meeting::MeetingId;

use crate::error::StoreError;
use crate::store::EventStore;
use crate::vote_record::published;

/// Why a record failed verification.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("the file is the vote record of {found}, not of {expected}")]
    OtherMeeting { expected: String, found: String },
    #[error("the meeting {0} has no events in this database")]
    UnknownMeeting(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{} row(s) of the published record do not match the log:\n{}", .0.len(), lines(.0))]
    Edited(Vec<Discrepancy>),
}

fn lines(problems: &[Discrepancy]) -> String {
    problems
        .iter()
        .map(|p| format!("  EDITED: {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What passed: the votes checked and the events in the verified chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    pub votes: usize,
    pub events: u64,
}

/// Runs the three checks of the module doc on `record`, the published record of `meeting`.
pub async fn verify(
    store: &EventStore,
    meeting: &MeetingId,
    record: &PublishedVotes,
) -> Result<Verified, VerifyError> {
    if &record.meeting != meeting {
        return Err(VerifyError::OtherMeeting {
            expected: meeting.to_string(),
            found: record.meeting.to_string(),
        });
    }
    let events = store.verify_chain(meeting).await?;
    if events == 0 {
        return Err(VerifyError::UnknownMeeting(meeting.to_string()));
    }
    let from_log = published(store, meeting).await?;
    let mut problems: Vec<Discrepancy> = record.votes.iter().flat_map(recount).collect();
    problems.extend(compare(&record.votes, &from_log.votes));
    if problems.is_empty() {
        Ok(Verified {
            votes: record.votes.len(),
            events,
        })
    } else {
        Err(VerifyError::Edited(problems))
    }
}
