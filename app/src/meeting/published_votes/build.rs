//! Building the published record from the event log.

use super::presence::present_at_open;
use super::vote_record::{Position, SeatRecord, VoteRecord};
use crate::meeting::event::Event;
use crate::meeting::ids::{SeatId, VoteId};
use crate::meeting::veto::{threshold_text, veto_threshold};
use crate::meeting::vote::{Choice, Vote, VoteKind};
use crate::meeting::Meeting;
use std::collections::{BTreeMap, BTreeSet};

/// One event of a meeting's log with its place in the log: its seq and its SHA-256 hash-chain link.
#[derive(Clone, Copy, Debug)]
pub struct LoggedEvent<'a> {
    pub seq: u64,
    pub hash: &'a str,
    pub event: &'a Event,
}

/// What the fold remembers about each vote besides the meeting's own state.
#[derive(Default)]
struct Marks {
    present: BTreeMap<VoteId, BTreeSet<SeatId>>,
    closed: BTreeMap<VoteId, (u64, String)>,
    /// Closed votes taken in private whose private session has ended (or whose report was made).
    released: BTreeSet<VoteId>,
}

/// The closed, publishable votes of one meeting's log, in vote order.
///
/// The log is folded through [`Meeting::apply`] (the same fold that rebuilds the live meeting), noting
/// presence just before each `VoteOpened` and the seq and hash of each `VoteClosed`. A vote opened in
/// private is released by a later `PublicReadmitted` or `MeetingClosed`, or, for the hearing's veto or
/// recommendation vote, by `HearingReported` (statute-and-security.md S5).
pub fn published_votes(log: &[LoggedEvent<'_>]) -> Vec<VoteRecord> {
    let mut meeting = Meeting::default();
    let mut marks = Marks::default();
    for logged in log {
        match logged.event {
            Event::VoteOpened {
                vote, electorate, ..
            } => {
                marks
                    .present
                    .insert(*vote, present_at_open(&meeting, electorate));
            }
            Event::VoteClosed { vote, .. } => {
                marks
                    .closed
                    .insert(*vote, (logged.seq, logged.hash.to_owned()));
            }
            Event::PublicReadmitted { .. } | Event::MeetingClosed { .. } => {
                marks.released.extend(marks.closed.keys().copied());
            }
            Event::HearingReported { .. } => {
                let hearing_votes = meeting.votes().iter().filter(|v| {
                    !v.is_open() && (v.for_hearing || v.kind == VoteKind::ChiefConstableVeto)
                });
                marks.released.extend(hearing_votes.map(|v| v.id));
            }
            _ => {}
        }
        meeting.apply(logged.event);
    }
    meeting
        .votes()
        .iter()
        .filter(|vote| !vote.in_private || marks.released.contains(&vote.id))
        .filter_map(|vote| record(&meeting, vote, &marks))
        .collect()
}

/// The record of one vote, if it is closed.
fn record(meeting: &Meeting, vote: &Vote, marks: &Marks) -> Option<VoteRecord> {
    let result = vote.result.clone()?;
    let (closed_seq, closed_hash) = marks.closed.get(&vote.id)?.clone();
    let no_one = BTreeSet::new();
    let present = marks.present.get(&vote.id).unwrap_or(&no_one);
    let seats = vote
        .electorate
        .iter()
        .map(|elector| {
            let ballot = vote.ballots.get(&elector.seat);
            let was_present = present.contains(&elector.seat);
            let position = match ballot.map(|b| b.choice) {
                Some(Choice::For) => Position::For,
                Some(Choice::Against) => Position::Against,
                Some(Choice::Abstain) => Position::Abstain,
                None if !was_present => Position::Absent,
                None if result.by_show_of_hands => Position::ShowOfHands,
                None => Position::DidNotVote,
            };
            SeatRecord {
                seat: elector.seat.clone(),
                seat_name: meeting
                    .roster()
                    .seat(&elector.seat)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                member: elector.voter.clone(),
                name: elector.name.clone(),
                substitute: elector.substitute,
                position,
                receipt: ballot.map(|b| b.receipt.clone()),
                voted_at: ballot.map(|b| b.at),
            }
        })
        .collect();
    let electorate = vote.electorate_size();
    let (threshold, threshold_text) = threshold_of(vote.kind, electorate);
    Some(VoteRecord {
        meeting: meeting.id().cloned().unwrap_or_default(),
        vote: vote.id,
        kind: vote.kind,
        kind_label: vote.kind.label().to_owned(),
        motion: vote.motion.clone(),
        item: vote.item.clone(),
        in_private: vote.in_private,
        opened_at: vote.opened_at,
        closed_at: vote.closed_at.unwrap_or(vote.opened_at),
        electorate,
        threshold,
        threshold_text,
        seats,
        outcome_label: result.outcome.label().to_owned(),
        result,
        closed_seq,
        closed_hash,
    })
}

/// The threshold a vote of `kind` is decided against, as a number (a veto) and as words.
pub(super) fn threshold_of(kind: VoteKind, electorate: u32) -> (Option<u32>, String) {
    if kind.is_veto() {
        (Some(veto_threshold(electorate)), threshold_text(electorate))
    } else {
        (None, "a simple majority of those voting".to_owned())
    }
}
