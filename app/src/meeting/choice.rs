//! What a vote decides, and what a member may choose in it: the two words every other part of voting (the
//! ballots and electorate in [`super::vote`], the counting in [`super::result`], the veto arithmetic in
//! [`super::veto`]) is written in. The kinds and their rules are described in [`super::vote`].

use serde::{Deserialize, Serialize};

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
