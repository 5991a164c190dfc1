//! The running-the-day parts of a projection: the election of a chair for the meeting, the checks
//! the console shows before a vote opens, and the hearing's next step after a vote.

use super::project::Sight;
use super::*;
use crate::meeting::hearing::{Hearing, HearingOutcome};
use crate::meeting::veto::veto_threshold;
use crate::meeting::vote::Outcome;

/// The election of a chair for the meeting, as everyone may see it (it is public business).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ElectionView {
    pub in_progress: bool,
    /// "Councillor Ashley Clark".
    pub elected: Option<String>,
    /// "Councillor Ashley Clark, proposed by Councillor Nancy Warne (vote 1)".
    pub proposals: Vec<String>,
    pub handed_back: bool,
}

/// Before a vote of `kind` opens: who could vote in it, and why it might not pass.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OpeningCheck {
    pub kind: VoteKind,
    /// "18 of 20 members present".
    pub present: String,
    /// "12 present, a veto needs 14 — open anyway?"; `None` when it can pass as things stand.
    pub warning: Option<String>,
}

impl Sight<'_> {
    pub(super) fn election(&self) -> Option<ElectionView> {
        let election = self.meeting.election()?;
        let proposal = |p: &crate::meeting::election::ChairProposal| {
            format!(
                "{}, proposed by {} (vote {})",
                self.name(&p.candidate),
                self.name(&p.proposer),
                p.vote
            )
        };
        Some(ElectionView {
            in_progress: election.in_progress(),
            elected: election.elected.as_ref().map(|m| self.name(m)),
            proposals: election.proposals.iter().map(proposal).collect(),
            handed_back: election.handed_back,
        })
    }

    /// Chair and clerk only: for each kind of vote, who could vote if it opened now.
    pub(super) fn opening_checks(&self) -> Vec<OpeningCheck> {
        if !self.officer() {
            return vec![];
        }
        let kinds = [
            VoteKind::ChiefConstableVeto,
            VoteKind::PreceptVeto,
            VoteKind::Recommendation,
            VoteKind::GeneralResolution,
        ];
        let check = |kind: VoteKind| {
            let members = self.meeting.electorate_for(kind).len() as u32;
            let able = self.meeting.could_vote_now(kind);
            let needed = veto_threshold(members);
            let warning = if kind.is_veto() && able < needed {
                Some(format!(
                    "{able} present, a veto needs {needed} — open anyway?"
                ))
            } else if able == 0 {
                Some("Nobody entitled to vote is recorded as present — open anyway?".to_owned())
            } else {
                None
            };
            OpeningCheck {
                kind,
                present: format!("{able} of {members} members present"),
                warning,
            }
        };
        kinds.into_iter().map(check).collect()
    }

    /// What comes next in the hearing after its vote: a failed veto leaves the recommendation; a
    /// veto or a recommendation leaves the report (Sch 8 para 4(4)-(6)).
    pub(super) fn next_step(&self, hearing: &Hearing) -> Option<String> {
        if hearing.reported_on.is_some() {
            return None;
        }
        if let Some(outcome) = hearing.outcome {
            return Some(match outcome {
                HearingOutcome::Veto => "The appointment is vetoed: report the veto to the Commissioner before the deadline".to_owned(),
                _ => "The Panel has made its recommendation: report it to the Commissioner before the deadline".to_owned(),
            });
        }
        let veto_failed = self.meeting.votes().iter().any(|v| {
            v.kind == VoteKind::ChiefConstableVeto
                && v.result
                    .as_ref()
                    .is_some_and(|r| r.outcome == Outcome::NotVetoed)
        });
        veto_failed.then(|| {
            "The veto was not carried: the Panel now votes on its recommendation".to_owned()
        })
    }
}
