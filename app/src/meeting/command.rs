//! Commands: one variant per user intent, named with a verb. They arrive as JSON from HTTP clients
//! (`{"type": "CastBallot", …}`); the actor is never part of a command.

use super::action::ActionKind;
use super::agenda::{AgendaSection, PageRange};
use super::attendance::Attendance;
use super::attendance::AttendanceMark;
use super::carried::CarriedAction;
use super::command_kind::CommandKind;
use super::hearing::{HearingSpec, HearingStage};
use super::ids::{BallotId, ItemCode, MeetingId, MemberId, QuestionId, SeatId, VoteId};
use super::kind::{AttendeeGroup, MeetingKind};
use super::on_the_day::{Aside, DayItemKind};
use super::roster::{Person, Seat};
use super::time::Timestamp;
use super::vote::{Choice, VoteKind};
use serde::{Deserialize, Serialize};

/// Everything the summons says about a meeting (seeds-brief §1.1), plus the roster and any hearing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSpec {
    pub id: MeetingId,
    /// "Kent and Medway Police and Crime Panel".
    pub title: String,
    pub starts_at: Timestamp,
    /// "Council Chamber, Sessions House, County Hall, Maidstone".
    pub venue: String,
    pub seats: Vec<Seat>,
    pub chair: Option<MemberId>,
    pub vice_chair: Option<MemberId>,
    /// "Mr Matthew Scott".
    pub commissioner: String,
    pub sections: Vec<AgendaSection>,
    /// Questions to the Commissioner must be submitted before this instant (S0:1364).
    #[serde(default)]
    pub question_deadline: Option<Timestamp>,
    #[serde(default)]
    pub hearing: Option<HearingSpec>,
    /// Whether a substitute may vote on a veto. The Act does not mention substitutes, so this is off
    /// unless the monitoring officer says otherwise (statute §6.4).
    #[serde(default)]
    pub substitutes_vote_on_vetoes: bool,
    /// The public contact line: "Anna Taylor on 03000 416478" (S4:11).
    #[serde(default)]
    pub contact: Option<String>,
    /// The webcast's HLS stream (an `.m3u8` address), if the meeting is webcast through Panelcast.
    #[serde(default)]
    pub webcast_url: Option<String>,
    /// The kind of meeting ([`MeetingKind`]); a summons without one calls a Panel meeting.
    #[serde(default, skip_serializing_if = "MeetingKind::is_panel")]
    pub kind: MeetingKind,
    /// A Performance and Delivery Board's attendees, by organisation (S3:11-13); empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<AttendeeGroup>,
}

/// A user's intent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Command {
    ScheduleMeeting(Box<MeetingSpec>),
    OpenMeeting,
    AdjournMeeting {
        until: Timestamp,
        reason: String,
    },
    ResumeMeeting,
    CloseMeeting,
    /// Exclude the press and public under LGA 1972 s100A(4), citing Sch 12A `paragraph`.
    ExcludePublic {
        paragraph: u8,
        #[serde(default)]
        item: Option<ItemCode>,
    },
    ReturnToPublic,
    AdvanceAgenda,
    GoBackAgenda,
    GoToItem {
        item: ItemCode,
    },
    /// A change of membership (appointment to a seat, or a vacancy when `holder` is `None`).
    UpdateSeat {
        seat: SeatId,
        holder: Option<Person>,
    },
    AppointSubstitute {
        seat: SeatId,
        substitute: Person,
    },
    RecordAttendance {
        member: MemberId,
        mark: AttendanceMark,
    },
    DeclareInterest {
        member: MemberId,
        item: ItemCode,
        interest: String,
    },
    SubmitQuestion {
        text: String,
    },
    AcceptQuestion {
        question: QuestionId,
    },
    RejectQuestion {
        question: QuestionId,
        reason: String,
    },
    PutQuestion {
        question: QuestionId,
    },
    RecordAnswer {
        question: QuestionId,
        summary: String,
    },
    AskSupplementary {
        question: QuestionId,
        text: String,
    },
    PromiseWrittenAnswer {
        question: QuestionId,
    },
    /// `motion` must be omitted for a veto (its wording is fixed) and may be omitted for a hearing's
    /// recommendation.
    OpenVote {
        kind: VoteKind,
        #[serde(default)]
        motion: Option<String>,
        #[serde(default)]
        item: Option<ItemCode>,
    },
    CastBallot {
        vote: VoteId,
        choice: Choice,
        ballot_id: BallotId,
    },
    CloseVote {
        vote: VoteId,
        #[serde(default)]
        casting_vote: Option<Choice>,
    },
    RecordShowOfHands {
        vote: VoteId,
        #[serde(rename = "for")]
        for_: u32,
        against: u32,
        abstain: u32,
        #[serde(default)]
        casting_vote: Option<Choice>,
    },
    SetHearingStage {
        stage: HearingStage,
    },
    ReportHearing,
    RecordCommissionerResponse {
        accepts: bool,
    },
    /// A resolution on the current item (see `resolution.rs`).
    RecordResolution {
        item: ItemCode,
        text: String,
    },
    /// A new wording for resolution `number` (1-based) of the current item.
    AmendResolution {
        item: ItemCode,
        number: u32,
        text: String,
    },
    AddMinuteParagraph {
        item: ItemCode,
        text: String,
    },
    EditMinuteParagraph {
        item: ItemCode,
        number: u32,
        text: String,
    },
    RemoveMinuteParagraph {
        item: ItemCode,
        number: u32,
    },
    /// Who was in attendance for this item only (S4:103); replaces the list.
    SetItemAttendance {
        item: ItemCode,
        guests: Vec<String>,
    },
    RecordAction {
        item: ItemCode,
        kind: ActionKind,
        text: String,
        owner: String,
        due: String,
    },
    MarkActionDone {
        action: u32,
    },
    /// ALSO PRESENT and IN ATTENDANCE (S4:91-93); replaces both lists.
    SetMeetingAttendance {
        also_present: Vec<String>,
        in_attendance: Vec<String>,
    },
    SetFirstMinuteNumber {
        first: u32,
    },
    /// Freeze the draft minutes as a numbered version. `continues_from` is the previous meeting's last
    /// minute number: the server fills it in (see `minutes`), whatever the client sent.
    PublishMinutes {
        #[serde(default)]
        continues_from: Option<u32>,
    },
    /// Correct a member's attendance to what it should say, with an optional reason.
    CorrectAttendance {
        member: MemberId,
        attendance: Attendance,
        #[serde(default)]
        reason: Option<String>,
    },
    /// Void an open vote, with the chair's reason.
    VoidVote {
        vote: VoteId,
        reason: String,
    },
    /// Take an item not on the published agenda, placed after `after` (or at the end).
    AddItem {
        code: ItemCode,
        title: String,
        kind: DayItemKind,
        #[serde(default)]
        reason: Option<String>,
        #[serde(default)]
        after: Option<ItemCode>,
    },
    /// Withdraw or defer an item on the day, with the reason.
    SetItemAside {
        item: ItemCode,
        aside: Aside,
        reason: String,
    },
    /// Neither the Chairman nor the Vice-Chairman can preside: open the election of a chair for the
    /// meeting (opening the meeting if it has not opened).
    OpenElectionOfChair,
    /// Put a member's proposal of a member present as chair for the meeting to the vote.
    ProposeChair {
        candidate: MemberId,
        proposer: MemberId,
    },
    /// The elected chair hands the chair back to the Chairman or Vice-Chairman, the meeting agreeing.
    HandBackChair,
    /// The Panel's reasons for its outcome, stated in its report to the Commissioner (Sch 8 para 4).
    RecordHearingReasons {
        reasons: String,
    },
    /// The recording's HLS playlist (http or https); `None` or empty clears it.
    SetRecording {
        #[serde(default)]
        recording_url: Option<String>,
    },
    /// When the recording's first frame was taken (UTC ms), for a stream without `#EXT-X-PROGRAM-DATE-TIME`.
    SetRecordingStart {
        #[serde(default)]
        starts_at: Option<Timestamp>,
    },
    /// Moves one chapter's start in the recording by `seconds` (replacing an earlier nudge; 0 undoes it).
    NudgeChapter {
        chapter: u32,
        seconds: i32,
    },
    /// The substitute in `seat` was recorded by mistake: the seat is its holder's again (see
    /// `decide/corrections.rs`).
    WithdrawSubstitute {
        seat: SeatId,
        #[serde(default)]
        reason: Option<String>,
    },
    /// A paper "to follow" on `item` has arrived: publish it as a supplement, with its pages.
    PublishSupplement {
        item: ItemCode,
        #[serde(default)]
        pages: Option<PageRange>,
    },
    /// Replace `item`'s papers (a corrected report), with the reason; `pages` are the new ones.
    ReplaceItemPapers {
        item: ItemCode,
        #[serde(default)]
        pages: Option<PageRange>,
        reason: String,
    },
    /// Move the meeting, before it opens, to a later date and time.
    PostponeMeeting {
        starts_at: Timestamp,
        #[serde(default)]
        reason: Option<String>,
    },
    /// Cancel the meeting before it opens, with the reason.
    CancelMeeting {
        reason: String,
    },
    /// At a later meeting, mark action `action` of meeting `meeting` done, or keep it open with a note.
    /// `carried` is the action as the register carries it to this meeting: the server fills it in (see
    /// `carried.rs`), whatever the client sent; without it the action is unknown here.
    UpdateCarriedAction {
        meeting: MeetingId,
        action: u32,
        done: bool,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        carried: Option<CarriedAction>,
    },
}

impl Command {
    pub fn kind(&self) -> CommandKind {
        use CommandKind as K;
        match self {
            Command::ScheduleMeeting(_) => K::ScheduleMeeting,
            Command::OpenMeeting => K::OpenMeeting,
            Command::AdjournMeeting { .. } => K::AdjournMeeting,
            Command::ResumeMeeting => K::ResumeMeeting,
            Command::CloseMeeting => K::CloseMeeting,
            Command::ExcludePublic { .. } => K::ExcludePublic,
            Command::ReturnToPublic => K::ReturnToPublic,
            Command::AdvanceAgenda => K::AdvanceAgenda,
            Command::GoBackAgenda => K::GoBackAgenda,
            Command::GoToItem { .. } => K::GoToItem,
            Command::UpdateSeat { .. } => K::UpdateSeat,
            Command::AppointSubstitute { .. } => K::AppointSubstitute,
            Command::RecordAttendance { .. } => K::RecordAttendance,
            Command::DeclareInterest { .. } => K::DeclareInterest,
            Command::SubmitQuestion { .. } => K::SubmitQuestion,
            Command::AcceptQuestion { .. } => K::AcceptQuestion,
            Command::RejectQuestion { .. } => K::RejectQuestion,
            Command::PutQuestion { .. } => K::PutQuestion,
            Command::RecordAnswer { .. } => K::RecordAnswer,
            Command::AskSupplementary { .. } => K::AskSupplementary,
            Command::PromiseWrittenAnswer { .. } => K::PromiseWrittenAnswer,
            Command::OpenVote { .. } => K::OpenVote,
            Command::CastBallot { .. } => K::CastBallot,
            Command::CloseVote { .. } => K::CloseVote,
            Command::RecordShowOfHands { .. } => K::RecordShowOfHands,
            Command::SetHearingStage { .. } => K::SetHearingStage,
            Command::ReportHearing => K::ReportHearing,
            Command::RecordCommissionerResponse { .. } => K::RecordCommissionerResponse,
            Command::RecordResolution { .. } => K::RecordResolution,
            Command::AmendResolution { .. } => K::AmendResolution,
            Command::AddMinuteParagraph { .. } => K::AddMinuteParagraph,
            Command::EditMinuteParagraph { .. } => K::EditMinuteParagraph,
            Command::RemoveMinuteParagraph { .. } => K::RemoveMinuteParagraph,
            Command::SetItemAttendance { .. } => K::SetItemAttendance,
            Command::RecordAction { .. } => K::RecordAction,
            Command::MarkActionDone { .. } => K::MarkActionDone,
            Command::SetMeetingAttendance { .. } => K::SetMeetingAttendance,
            Command::SetFirstMinuteNumber { .. } => K::SetFirstMinuteNumber,
            Command::PublishMinutes { .. } => K::PublishMinutes,
            Command::CorrectAttendance { .. } => K::CorrectAttendance,
            Command::VoidVote { .. } => K::VoidVote,
            Command::AddItem { .. } => K::AddItem,
            Command::SetItemAside { .. } => K::SetItemAside,
            Command::OpenElectionOfChair => K::OpenElectionOfChair,
            Command::ProposeChair { .. } => K::ProposeChair,
            Command::HandBackChair => K::HandBackChair,
            Command::RecordHearingReasons { .. } => K::RecordHearingReasons,
            Command::SetRecording { .. } => K::SetRecording,
            Command::SetRecordingStart { .. } => K::SetRecordingStart,
            Command::NudgeChapter { .. } => K::NudgeChapter,
            Command::WithdrawSubstitute { .. } => K::WithdrawSubstitute,
            Command::PublishSupplement { .. } => K::PublishSupplement,
            Command::ReplaceItemPapers { .. } => K::ReplaceItemPapers,
            Command::PostponeMeeting { .. } => K::PostponeMeeting,
            Command::CancelMeeting { .. } => K::CancelMeeting,
            Command::UpdateCarriedAction { .. } => K::UpdateCarriedAction,
        }
    }
}
