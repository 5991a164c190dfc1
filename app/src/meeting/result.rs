//! Counting a closed vote: the tally, the outcome and its arithmetic as text.
//!
//! A veto is decided against the members of the Panel (see [`super::veto`]) and takes no casting
//! vote (statute §6.5). Any other vote is carried by a simple majority of those voting; on equal
//! votes the chair's casting vote decides (LGA 1972 Sch 12 para 39 as applied by the Panel's rules),
//! and the chair must give it before the vote can close.

use super::choice::{Choice, VoteKind};
use super::veto;
use serde::{Deserialize, Serialize};

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
