//! A chair for the meeting.
//!
//! When neither the Chairman nor the Vice-Chairman can preside (both away, or substituted), the
//! meeting elects a chair for the meeting from the members present before any other business, as
//! every committee does (the Panel elects its Chairman and Vice-Chairman annually, S2:500; the seeds
//! do not describe this case). The clerk opens the meeting for the election; a member proposes a
//! member present; the members present vote on "That X take the chair for this meeting" (by ballot
//! on their devices, or a show of hands entered by the clerk), and the clerk declares it. There is no
//! chair to give a casting vote, so equal votes elect nobody and another proposal may be put. The
//! member elected presides with the chair's powers for this meeting only.
//!
//! **If the Chairman (or the Vice-Chairman) arrives later**, the elected chair keeps the chair unless
//! the meeting agrees to hand it back: the meeting chose its chair, and a chair changing hands in the
//! middle of business without the meeting's agreement would surprise everyone in the room. The
//! agreement is given by assent in the room, as chairs ask it ("is the meeting content?"), and the
//! presiding chair records it with `HandBackChair`. The Vice-Chairman presiding while the Chairman is
//! away stays as it is (see [`super::roles`]). If the elected chair leaves, the chair falls back to
//! the Chairman or Vice-Chairman if present, or the meeting elects again.

use super::ids::{MemberId, VoteId};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// One proposal put to the meeting, and the vote that decides it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChairProposal {
    pub vote: VoteId,
    pub candidate: MemberId,
    pub proposer: MemberId,
}

/// The election of a chair for this meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChairElection {
    pub opened_at: Timestamp,
    pub proposals: Vec<ChairProposal>,
    /// The member elected, once a proposal is carried.
    pub elected: Option<MemberId>,
    /// The meeting agreed to hand the chair back to the Chairman or Vice-Chairman.
    pub handed_back: bool,
}

impl ChairElection {
    pub fn new(opened_at: Timestamp) -> Self {
        Self {
            opened_at,
            proposals: vec![],
            elected: None,
            handed_back: false,
        }
    }

    /// The proposal a vote decides, if it is one.
    pub fn proposal(&self, vote: VoteId) -> Option<&ChairProposal> {
        self.proposals.iter().find(|p| p.vote == vote)
    }

    /// Still electing: opened, nobody elected yet (or the elected chair has gone and it reopened).
    pub fn in_progress(&self) -> bool {
        self.elected.is_none() && !self.handed_back
    }

    /// The elected chair, while the chair has not been handed back.
    pub fn chair(&self) -> Option<&MemberId> {
        self.elected.as_ref().filter(|_| !self.handed_back)
    }
}

/// "That Councillor Ashley Clark take the chair for this meeting".
pub fn chair_motion(name: &str) -> String {
    format!("That {name} take the chair for this meeting")
}
