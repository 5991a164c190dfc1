//! The published record of the Panel's votes, derived from the event log and nothing else.
//!
//! Issue 18: "per vote its kind, motion, opened/closed times, electorate, threshold, each seat with its
//! member and for / against / abstain / did not vote / absent, result, arithmetic, and the event-log hash at
//! the close". [`published_votes`] builds it from the log (a pure fold over the events with their seq and
//! hash-chain link); [`recount`] recomputes every result from the published rows alone; [`compare`] names
//! each row of a published record that differs from the one the log gives; [`find_receipt`] checks a
//! member's ballot receipt against it; [`table`] is the record as CSV cells.
//!
//! What is published, and when (statute-and-security.md S5): only **closed** votes. A vote taken while the
//! public were excluded is published once the meeting returns to public (the public are readmitted or the
//! meeting closes, which ends the private session) or, for the confirmation hearing's votes, when the
//! hearing's report is made (`HearingReported`). Until then it is absent from the record, not redacted.

mod build;
mod check;
mod presence;
pub mod table;
mod vote_record;

pub use build::{published_votes, LoggedEvent};
pub use check::{compare, find_receipt, recount, Discrepancy, ReceiptCheck};
pub use presence::present_at_open;
pub use vote_record::{utc_text, Position, PublishedVotes, SeatRecord, VoteRecord};
