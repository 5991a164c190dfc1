//! The kinds of meeting Panelcast runs, and which commands each kind allows beyond the roles table.
//!
//! - A **Panel meeting** (the default; a summons or stored log without a kind is one): everything in
//!   the roles table.
//! - The Commissioner's **Performance and Delivery Board**: "Open to Panel Members and the public on a
//!   non-participating basis and also live streamed, the meeting is chaired by the PCC" (S4:1348,
//!   S4:1855); "a meeting held in public, not a public meeting, so the exchanges would be between
//!   himself, his CE, the T/CC and DCO" (S4:2079). So the Commissioner presides (he has the chair's
//!   role there), the Board has no Panel seats, the Panel takes no vote and has no veto, puts no
//!   questions, holds no hearing and elects no chair. Its attendees are listed by organisation as in
//!   its notes (S3:11-13), and its notes end with an "Overview of Actions" table, Status | Owner | Due
//!   date (S3:128-133).
//! - A **Panel sub-committee** (the Complaints Sub-Committee, S0:1285, S4:227-233): its members are
//!   the summons' seats, drawn from the Panel, with its own chair. It votes on its own business, but
//!   the review of the precept and of the Chief Constable's appointment "cannot be delegated to a
//!   sub-committee" (statute-and-security §4, voting rights), so it holds no confirmation hearing and
//!   takes no veto vote.

use super::command_kind::CommandKind;
use super::question::MAX_TEXT_CHARS;
use serde::{Deserialize, Serialize};

/// What kind of meeting a summons calls.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    #[default]
    Panel,
    PerformanceBoard,
    SubCommittee,
}

/// One organisation's attendees at the Board, as its notes list them (S3:11-13): "Office of the Kent
/// Police and Crime Commissioner: Matthew Scott (Police and Crime Commissioner), …".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeGroup {
    /// "Office of the Kent Police and Crime Commissioner", "Kent Police".
    pub organisation: String,
    /// "Matthew Scott (Police and Crime Commissioner)".
    pub names: Vec<String>,
}

/// The Board's words for why the Panel does not vote there (S4:1348, S4:2079).
const BOARD_NO_VOTES: &str =
    "the Performance and Delivery Board is the Commissioner's own meeting, \
     held in public, where the Panel takes no vote and has no veto (S4:1348, S4:2079)";
const BOARD_NO_QUESTIONS: &str = "Panel members and the public attend the Performance and Delivery \
     Board on a non-participating basis, so no questions are put to the Commissioner there (S4:1348)";
const BOARD_NO_HEARING: &str =
    "a confirmation hearing is held by the Police and Crime Panel, not at \
     the Commissioner's board (PRSRA 2011 Sch 8)";
const BOARD_CHAIR: &str =
    "the Commissioner chairs the Performance and Delivery Board (S4:1348), so no chair is elected";
const BOARD_NO_SEATS: &str =
    "the Performance and Delivery Board has no Panel seats: Panel members \
     attend as members of the public, on a non-participating basis (S4:1348)";
/// Why a sub-committee cannot hold a hearing or take a veto vote.
pub const NOT_DELEGABLE: &str =
    "the review of the precept and of the Chief Constable's appointment \
     cannot be delegated to a sub-committee (PRSRA 2011 Sch 5 and Sch 8)";

impl MeetingKind {
    pub const ALL: [MeetingKind; 3] = [
        MeetingKind::Panel,
        MeetingKind::PerformanceBoard,
        MeetingKind::SubCommittee,
    ];

    /// "Panel meeting", "Performance and Delivery Board", "Panel sub-committee".
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::Panel => "Panel meeting",
            MeetingKind::PerformanceBoard => "Performance and Delivery Board",
            MeetingKind::SubCommittee => "Panel sub-committee",
        }
    }

    /// The form's and the API's name: "panel", "performance_board", "sub_committee".
    pub fn key(self) -> &'static str {
        match self {
            MeetingKind::Panel => "panel",
            MeetingKind::PerformanceBoard => "performance_board",
            MeetingKind::SubCommittee => "sub_committee",
        }
    }

    /// The kind named by [`MeetingKind::key`].
    pub fn from_key(key: &str) -> Option<MeetingKind> {
        MeetingKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// Whether this is a Panel meeting (for `skip_serializing_if`: a Panel summons is written as before).
    pub fn is_panel(&self) -> bool {
        *self == MeetingKind::Panel
    }

    /// Whether the Commissioner presides (he has the chair's role).
    pub fn commissioner_presides(self) -> bool {
        self == MeetingKind::PerformanceBoard
    }

    /// Why a command of `command` is never taken at a meeting of this kind, in the rule's words, or
    /// `None` if the kind allows it (the roles table then decides who may send it).
    pub fn refusal(self, command: CommandKind) -> Option<&'static str> {
        use CommandKind as K;
        match self {
            MeetingKind::Panel => None,
            MeetingKind::PerformanceBoard => match command {
                K::OpenVote | K::CastBallot | K::CloseVote | K::RecordShowOfHands | K::VoidVote => {
                    Some(BOARD_NO_VOTES)
                }
                K::SubmitQuestion
                | K::AcceptQuestion
                | K::RejectQuestion
                | K::PutQuestion
                | K::RecordAnswer
                | K::AskSupplementary
                | K::PromiseWrittenAnswer => Some(BOARD_NO_QUESTIONS),
                K::SetHearingStage
                | K::ReportHearing
                | K::RecordCommissionerResponse
                | K::RecordHearingReasons => Some(BOARD_NO_HEARING),
                K::OpenElectionOfChair | K::ProposeChair | K::HandBackChair => Some(BOARD_CHAIR),
                K::UpdateSeat
                | K::AppointSubstitute
                | K::WithdrawSubstitute
                | K::RecordAttendance
                | K::CorrectAttendance
                | K::DeclareInterest => Some(BOARD_NO_SEATS),
                _ => None,
            },
            MeetingKind::SubCommittee => match command {
                K::SetHearingStage
                | K::ReportHearing
                | K::RecordCommissionerResponse
                | K::RecordHearingReasons => Some(NOT_DELEGABLE),
                _ => None,
            },
        }
    }

    /// Whether a meeting of this kind allows commands of `command` at all.
    pub fn allows(self, command: CommandKind) -> bool {
        self.refusal(command).is_none()
    }
}

/// What is wrong with a summons of `kind`, if anything: (is it about the seats, the message).
///
/// The Board has no seats, chair or vice-chair (the Commissioner chairs) and no hearing; its attendees
/// are named. A sub-committee needs members (its seats) and holds no hearing. The seeds are silent on a
/// sub-committee's size; one member is the least that can meet, which is what a clerk would expect
/// the form to insist on.
pub fn kind_problems(
    kind: MeetingKind,
    seats: usize,
    has_chair: bool,
    has_hearing: bool,
    attendees: &[AttendeeGroup],
) -> Vec<(bool, String)> {
    let mut problems = Vec::new();
    match kind {
        MeetingKind::Panel => {}
        MeetingKind::PerformanceBoard => {
            if seats > 0 || has_chair {
                problems.push((true, BOARD_NO_SEATS.to_owned()));
            }
            if has_hearing {
                problems.push((false, BOARD_NO_HEARING.to_owned()));
            }
        }
        MeetingKind::SubCommittee => {
            if seats == 0 {
                problems.push((
                    true,
                    "a sub-committee needs its members, drawn from the Panel".to_owned(),
                ));
            }
            if has_hearing {
                problems.push((false, NOT_DELEGABLE.to_owned()));
            }
        }
    }
    if kind != MeetingKind::PerformanceBoard && !attendees.is_empty() {
        problems.push((
            false,
            "only a Performance and Delivery Board lists attendees by organisation".to_owned(),
        ));
    }
    for group in attendees {
        let too_long = group.organisation.chars().count() > MAX_TEXT_CHARS
            || group
                .names
                .iter()
                .any(|n| n.chars().count() > MAX_TEXT_CHARS);
        if group.organisation.trim().is_empty() || too_long {
            problems.push((
                false,
                "each group of attendees needs its organisation, e.g. Kent Police".to_owned(),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panel_meeting_allows_every_command() {
        assert!(CommandKind::ALL
            .iter()
            .all(|k| MeetingKind::Panel.allows(*k)));
    }

    #[test]
    fn keys_round_trip() {
        for kind in MeetingKind::ALL {
            assert_eq!(MeetingKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(MeetingKind::from_key("cabinet"), None);
    }

    #[test]
    fn the_serde_name_is_the_key() {
        for kind in MeetingKind::ALL {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.key())
            );
        }
    }
}
