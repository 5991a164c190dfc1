//! Who may do what: one table, enforced by `decide` before any other rule.
//!
//! Roles are derived from the signed-in [`Actor`] and this meeting:
//! - the **chair** is the member who presides: the Chairman, unless he has sent apologies, is absent,
//!   has left, or has a substitute, in which case the Vice-Chairman presides (if he is not away either).
//!   If neither can preside, the clerk opens the meeting for the election of a chair for the meeting,
//!   and the member elected presides ([`super::election`]). The Chairman, when not presiding, is an
//!   ordinary member.
//! - a **member** holds a seat; a **substitute** fills a seat for this meeting (S2:79);
//! - the **clerk** is a Panel officer (IN ATTENDANCE, S4:93) and keeps the record;
//! - the **Commissioner** answers questions in the room and responds to reports (Sch 8 para 7(3));
//! - **system** only schedules meetings (the seed and the server);
//! - the **public** watch. They may do nothing that changes the meeting. A signed-in person who is not
//!   on this meeting's roster is treated as public.

use super::command_kind::CommandKind;
use super::ids::MemberId;
use serde::{Deserialize, Serialize};

/// Who is acting, as authenticated by the shell. Never taken from the client.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Actor {
    Public,
    Clerk { name: String },
    Member { member: MemberId },
    Commissioner,
    System,
}

/// Who is looking. The same shape as [`Actor`].
pub type Viewer = Actor;

/// A role in this meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Public,
    Member,
    Substitute,
    Chair,
    Clerk,
    Commissioner,
    System,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Public,
        Role::Member,
        Role::Substitute,
        Role::Chair,
        Role::Clerk,
        Role::Commissioner,
        Role::System,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Public => "Public",
            Role::Member => "Member",
            Role::Substitute => "Substitute",
            Role::Chair => "Chair",
            Role::Clerk => "Clerk",
            Role::Commissioner => "Commissioner",
            Role::System => "System",
        }
    }
}

use Role::{Chair, Clerk, Commissioner, Member, Substitute, System};

const MEMBERS: &[Role] = &[Member, Substitute, Chair];
const CHAIR: &[Role] = &[Chair];
const CLERK: &[Role] = &[Clerk];
const CHAIR_OR_CLERK: &[Role] = &[Chair, Clerk];
/// Answers: the Commissioner records the summary of his own answer; the chair or the clerk may record it for
/// him (the minutes paraphrase the oral answer, S0:152-162).
const ANSWERERS: &[Role] = &[Chair, Clerk, Commissioner];

/// The roles allowed each command, and how a refusal names them ("Only the chair can …").
pub fn allowed_roles(kind: CommandKind) -> (&'static [Role], &'static str) {
    use CommandKind as K;
    match kind {
        // Democratic Services (the clerk) issues and signs the summons (seeds-brief §1.1), so the clerk
        // schedules the meeting; the System actor seeds the demo meetings through the same command.
        K::ScheduleMeeting => (&[Clerk, System], "the clerk"),
        K::OpenMeeting | K::AdjournMeeting | K::ResumeMeeting | K::CloseMeeting => {
            (CHAIR, "the chair")
        }
        K::ExcludePublic | K::ReturnToPublic => (CHAIR, "the chair"),
        K::AdvanceAgenda | K::GoBackAgenda | K::GoToItem => (CHAIR, "the chair"),
        K::UpdateSeat | K::AppointSubstitute | K::WithdrawSubstitute => (CLERK, "the clerk"),
        // The clerk keeps the record; the chair may take the roll too, from the chair's console
        // (attendance was on the clerk's screen only).
        K::RecordAttendance => (CHAIR_OR_CLERK, "the chair or the clerk"),
        K::DeclareInterest => (&[Member, Substitute, Chair, Clerk], "a member or the clerk"),
        K::SubmitQuestion | K::AskSupplementary | K::CastBallot => {
            (MEMBERS, "a member of the Panel")
        }
        K::AcceptQuestion | K::RejectQuestion | K::PutQuestion => (CHAIR, "the chair"),
        K::RecordAnswer => (ANSWERERS, "the chair, the clerk or the Commissioner"),
        K::PromiseWrittenAnswer => (CHAIR_OR_CLERK, "the chair or the clerk"),
        K::OpenVote => (CHAIR, "the chair"),
        // The clerk closes only the vote electing a chair for the meeting, when nobody presides
        // (`decide/election.rs`); every other vote is the chair's to close.
        K::CloseVote => (CHAIR_OR_CLERK, "the chair"),
        K::RecordShowOfHands => (CLERK, "the clerk"),
        K::SetHearingStage | K::ReportHearing => (CHAIR, "the chair"),
        K::RecordCommissionerResponse => (&[Commissioner, Clerk], "the Commissioner or the clerk"),
        // The chair and the clerk keep the record (S4:93 "IN ATTENDANCE"); the minutes are signed by
        // the Chairman (S4:110).
        K::RecordResolution | K::AmendResolution => (CHAIR_OR_CLERK, "the chair or the clerk"),
        K::AddMinuteParagraph | K::EditMinuteParagraph | K::RemoveMinuteParagraph => {
            (CHAIR_OR_CLERK, "the chair or the clerk")
        }
        K::SetItemAttendance | K::RecordAction | K::MarkActionDone | K::UpdateCarriedAction => {
            (CHAIR_OR_CLERK, "the chair or the clerk")
        }
        K::SetMeetingAttendance | K::SetFirstMinuteNumber | K::PublishMinutes => {
            (CHAIR_OR_CLERK, "the chair or the clerk")
        }
        // Whoever may record attendance may correct it.
        K::CorrectAttendance => (CHAIR_OR_CLERK, "the chair or the clerk"),
        K::VoidVote => (CHAIR, "the chair"),
        // The chair decides what is urgent (LGA 1972 s100B(4)(b)) and the order of business. Before the
        // meeting opens the clerk (who issues the agenda) may withdraw or defer an item as well; on the day
        // only the chair may (`decide/day_items.rs`).
        K::AddItem => (CHAIR, "the chair"),
        K::SetItemAside => (CHAIR_OR_CLERK, "the chair or the clerk"),
        // Nobody presides, so the clerk runs the election; the elected chair hands the chair back.
        K::OpenElectionOfChair | K::ProposeChair => (CLERK, "the clerk"),
        K::HandBackChair => (CHAIR, "the chair"),
        K::RecordHearingReasons => (CHAIR_OR_CLERK, "the chair or the clerk"),
        // The clerk keeps the record (S4:93), and the recording is part of it.
        K::SetRecording | K::SetRecordingStart | K::NudgeChapter => (CLERK, "the clerk"),
        // Democratic Services publish the papers and issue the summons (seeds-brief §1.1), so the clerk
        // publishes supplements and replaced papers, and postpones or cancels the meeting.
        K::PublishSupplement | K::ReplaceItemPapers => (CLERK, "the clerk"),
        K::PostponeMeeting | K::CancelMeeting => (CLERK, "the clerk"),
    }
}

/// Whether `role` may issue a command of `kind`. The public may issue none.
pub fn is_allowed(role: Role, kind: CommandKind) -> bool {
    allowed_roles(kind).0.contains(&role)
}

/// Every command this role may issue, in declaration order (for the UI's controls).
pub fn allowed_commands(role: Role) -> Vec<CommandKind> {
    CommandKind::ALL
        .into_iter()
        .filter(|kind| is_allowed(role, *kind))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_may_issue_no_command() {
        assert!(allowed_commands(Role::Public).is_empty());
    }

    #[test]
    fn every_command_is_allowed_to_someone() {
        for kind in CommandKind::ALL {
            assert!(!allowed_roles(kind).0.is_empty(), "{kind:?}");
        }
    }
}
