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

use super::ids::{BallotId, ItemCode, MemberId, Receipt, SeatId, VoteId};
use super::time::Timestamp;
use super::veto;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What is being decided.
#[derive(Clone, Copy, Debug, PartialEq, Hash, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteKind {
    ChiefConstableVeto,
    PreceptVeto,
    Recommendation,
    GeneralResolution,
}

impl VoteKind {
    pub fn is_veto(self) -> bool {
        matches!(self, VoteKind::ChiefConstableVeto | VoteKind::PreceptVeto)
    }

    pub fn label(self) -> &'static str {
        match self {
            VoteKind::ChiefConstableVeto => {
                "Veto of the proposed Chief Constable appointment (PRSRA 2011 Sch 8)"
            }
            VoteKind::PreceptVeto => "Veto of the proposed precept (PRSRA 2011 Sch 5)",
            VoteKind::Recommendation => "Recommendation",
            VoteKind::GeneralResolution => "Resolution",
        }
    }
}

/// A member's choice. On a veto, `For` is for the veto.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    For,
    Against,
    Abstain,
}

impl Choice {
    pub fn label(self) -> &'static str {
        match self {
            Choice::For => "For",
            Choice::Against => "Against",
            Choice::Abstain => "Abstain",
        }
    }
}

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

/// Counts of a vote. `not_voting` counts electors with no ballot (absent or silent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Hash, Eq, Serialize, Deserialize)]
pub struct Tally {
    #[serde(rename = "for")]
    pub for_: u32,
    pub against: u32,
    pub abstain: u32,
    pub not_voting: u32,
}

impl Tally {
    pub fn voted(&self) -> u32 {
        self.for_ + self.against + self.abstain
    }
}

/// How a vote ended.
#[derive(Clone, Copy, Debug, PartialEq, Hash, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Vetoed,
    NotVetoed,
    Carried,
    Lost,
    CarriedOnCastingVote,
    LostOnCastingVote,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Vetoed => "Vetoed",
            Outcome::NotVetoed => "Not vetoed",
            Outcome::Carried => "Carried",
            Outcome::Lost => "Lost",
            Outcome::CarriedOnCastingVote => "Carried on the chair's casting vote",
            Outcome::LostOnCastingVote => "Lost on the chair's casting vote",
        }
    }

    pub fn passed(self) -> bool {
        matches!(
            self,
            Outcome::Vetoed | Outcome::Carried | Outcome::CarriedOnCastingVote
        )
    }
}

/// The result stored with the close: counts, outcome, and the arithmetic as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteResult {
    pub tally: Tally,
    pub electorate: u32,
    pub outcome: Outcome,
    pub arithmetic: String,
    pub by_show_of_hands: bool,
    pub casting_vote: Option<Choice>,
}

/// Why a result cannot be declared as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultProblem {
    CastingVoteRequired,
    NoCastingVoteOnVeto,
    NotTied,
    CastingVoteMustChoose,
}

/// The result of a vote of `kind` with this tally among `electorate` members.
pub fn declare(
    kind: VoteKind,
    tally: Tally,
    electorate: u32,
    casting: Option<Choice>,
    by_show_of_hands: bool,
) -> Result<VoteResult, ResultProblem> {
    let result = |outcome, arithmetic| VoteResult {
        tally,
        electorate,
        outcome,
        arithmetic,
        by_show_of_hands,
        casting_vote: casting,
    };
    if kind.is_veto() {
        if casting.is_some() {
            return Err(ResultProblem::NoCastingVoteOnVeto);
        }
        let outcome = if veto::is_vetoed(tally.for_, electorate) {
            Outcome::Vetoed
        } else {
            Outcome::NotVetoed
        };
        let text = format!(
            "{} ({} against, {} abstained, {} did not vote; {})",
            veto::arithmetic_text(tally.for_, electorate),
            tally.against,
            tally.abstain,
            tally.not_voting,
            veto::threshold_text(electorate)
        );
        return Ok(result(outcome, text));
    }
    let counts = format!(
        "{} for, {} against, {} abstained",
        tally.for_, tally.against, tally.abstain
    );
    let (f, a) = (tally.for_, tally.against);
    match (f.cmp(&a), casting) {
        (std::cmp::Ordering::Equal, None) => Err(ResultProblem::CastingVoteRequired),
        (std::cmp::Ordering::Equal, Some(Choice::Abstain)) => {
            Err(ResultProblem::CastingVoteMustChoose)
        }
        (std::cmp::Ordering::Equal, Some(choice)) => {
            let outcome = if choice == Choice::For {
                Outcome::CarriedOnCastingVote
            } else {
                Outcome::LostOnCastingVote
            };
            let text = format!(
                "{counts}: equal votes {f} = {a}, so the chair's casting vote ({}) decides",
                choice.label()
            );
            Ok(result(outcome, text))
        }
        (_, Some(_)) => Err(ResultProblem::NotTied),
        (std::cmp::Ordering::Greater, None) => Ok(result(
            Outcome::Carried,
            format!("{counts}: {f} > {a}, a simple majority of those voting, so carried"),
        )),
        (std::cmp::Ordering::Less, None) => Ok(result(
            Outcome::Lost,
            format!("{counts}: {f} < {a}, so lost"),
        )),
    }
}

/// Open or closed.
#[derive(Clone, Copy, Debug, PartialEq, Hash, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteStatus {
    Open,
    Closed,
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
}

impl Vote {
    pub fn is_open(&self) -> bool {
        self.status == VoteStatus::Open
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(for_: u32, against: u32, abstain: u32) -> Tally {
        Tally {
            for_,
            against,
            abstain,
            not_voting: 0,
        }
    }

    #[test]
    fn a_recommendation_is_carried_by_a_simple_majority_of_those_voting() {
        let result = declare(VoteKind::Recommendation, tally(5, 4, 9), 20, None, false).unwrap();
        assert_eq!(result.outcome, Outcome::Carried);
        assert!(result.arithmetic.contains("5 > 4"));
    }

    #[test]
    fn a_tie_needs_the_chairs_casting_vote_and_a_veto_never_takes_one() {
        assert_eq!(
            declare(VoteKind::GeneralResolution, tally(3, 3, 0), 20, None, false),
            Err(ResultProblem::CastingVoteRequired)
        );
        let decided = declare(
            VoteKind::GeneralResolution,
            tally(3, 3, 0),
            20,
            Some(Choice::Against),
            false,
        )
        .unwrap();
        assert_eq!(decided.outcome, Outcome::LostOnCastingVote);
        assert_eq!(
            declare(
                VoteKind::PreceptVeto,
                tally(3, 3, 0),
                20,
                Some(Choice::For),
                false
            ),
            Err(ResultProblem::NoCastingVoteOnVeto)
        );
        assert_eq!(
            declare(
                VoteKind::Recommendation,
                tally(4, 3, 0),
                20,
                Some(Choice::For),
                false
            ),
            Err(ResultProblem::NotTied)
        );
    }

    #[test]
    fn a_veto_counts_against_the_whole_panel_not_those_voting() {
        let result = declare(
            VoteKind::ChiefConstableVeto,
            Tally {
                for_: 13,
                against: 0,
                abstain: 0,
                not_voting: 7,
            },
            20,
            None,
            false,
        )
        .unwrap();
        assert_eq!(result.outcome, Outcome::NotVetoed);
        assert!(
            result.arithmetic.contains("3 × 13 = 39 < 2 × 20 = 40"),
            "{}",
            result.arithmetic
        );
    }
}
