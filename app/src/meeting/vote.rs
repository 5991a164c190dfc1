//! Votes: their kinds, ballots, tallies and results.
//!
//! Four kinds (statute §0-§4, seeds-brief §6-§7):
//! - veto of a proposed Chief Constable appointment (PRSRA 2011 Sch 8) and veto of a proposed precept
//!   (Sch 5 para 4): two-thirds of the members of the Panel, see [`super::veto`]. The motion wording
//!   is fixed, so "for" always means "for the veto" (statute §6.6), and there is no casting vote
//!   (statute §6.5);
//! - recommendation (e.g. whether the candidate should be appointed, Sch 8 para 4(4)) and general
//!   resolution: carried on a simple majority of those voting; on equal votes the chair gives a
//!   casting vote (LGA 1972 Sch 12 para 39, applied by the Panel's rules; statute §6.5).
//!
//! The electorate is recorded when the vote opens: one elector per filled seat, the holder or, where
//! allowed, the seat's substitute. Members vote For, Against or Abstain from their own device and may
//! change their ballot until the chair closes the vote; the last ballot counts (Belenios, statute §9).
//! The clerk may instead enter a show-of-hands count, checked by the same rules.

pub use super::choice::{Choice, VoteKind};
use super::ids::{BallotId, ItemCode, MemberId, Receipt, SeatId, VoteId};
pub use super::result::{declare, Outcome, ResultProblem, Tally, VoteResult};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A seat entitled to vote, and who votes for it, fixed when the vote opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Elector {
    pub seat: SeatId,
    pub voter: MemberId,
    pub name: String,
    pub substitute: bool,
}

/// A seat's current ballot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub ballot_id: BallotId,
    pub voter: MemberId,
    pub choice: Choice,
    pub at: Timestamp,
    pub receipt: Receipt,
}

/// Open, closed, or voided by the chair while open (see [`super::presence`]).
#[derive(Clone, Copy, Debug, PartialEq, Hash, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteStatus {
    Open,
    Closed,
    /// Set aside while open, with the chair's reason; never counted.
    Voided,
}

/// A vote and everything cast in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub id: VoteId,
    pub kind: VoteKind,
    pub motion: String,
    pub item: Option<ItemCode>,
    pub opened_at: Timestamp,
    /// Opened while the public were excluded (a vote must close before the meeting returns to public).
    pub in_private: bool,
    /// The hearing's recommendation vote: its result settles the hearing's outcome.
    pub for_hearing: bool,
    pub electorate: Vec<Elector>,
    /// The current ballot of each seat.
    pub ballots: BTreeMap<SeatId, Ballot>,
    /// Every ballot id ever recorded in this vote and the seat it was cast for, so a retry is
    /// recognised (idempotent) and an id cannot be reused by another seat.
    pub ballot_ids: BTreeMap<BallotId, SeatId>,
    /// How many ballots (including superseded ones) have been recorded; numbers receipts.
    pub ballots_recorded: u32,
    pub status: VoteStatus,
    pub closed_at: Option<Timestamp>,
    pub result: Option<VoteResult>,
    /// Who was recorded present when the vote opened (holders and substitutes): kept on the vote and
    /// never changed afterwards, whatever later corrections say.
    #[serde(default)]
    pub present_at_open: Vec<MemberId>,
    /// The chair's reason for voiding the vote while it was open, and when.
    #[serde(default)]
    pub voided: Option<(String, Timestamp)>,
}

impl Vote {
    pub fn is_open(&self) -> bool {
        self.status == VoteStatus::Open
    }

    /// Whether `member` was recorded present when the vote opened.
    pub fn was_present_at_open(&self, member: &MemberId) -> bool {
        self.present_at_open.contains(member)
    }

    /// Voided by the chair: it decides nothing and does not count as the hearing's veto vote.
    pub fn is_voided(&self) -> bool {
        self.status == VoteStatus::Voided
    }

    pub fn elector(&self, voter: &MemberId) -> Option<&Elector> {
        self.electorate.iter().find(|e| &e.voter == voter)
    }

    /// Members of the Panel when the vote opened.
    pub fn electorate_size(&self) -> u32 {
        self.electorate.len() as u32
    }

    /// The tally of the current ballots.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for ballot in self.ballots.values() {
            match ballot.choice {
                Choice::For => tally.for_ += 1,
                Choice::Against => tally.against += 1,
                Choice::Abstain => tally.abstain += 1,
            }
        }
        tally.not_voting = self.electorate_size().saturating_sub(tally.voted());
        tally
    }

    /// "9 of 20 voted".
    pub fn turnout_text(&self) -> String {
        format!("{} of {} voted", self.ballots.len(), self.electorate_size())
    }
}
