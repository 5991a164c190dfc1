//! Events: what happened, in the past tense. This enum is the persisted log format: variant and field
//! names are stable, and new fields must be added with `#[serde(default)]`. `Meeting::apply` folds
//! them into state and never fails.

use super::action::ActionKind;
use super::agenda::{AgendaItem, PageRange};
use super::attendance::Attendance;
use super::attendance::AttendanceMark;
use super::carried::CarriedAction;
use super::command::MeetingSpec;
use super::hearing::{HearingOutcome, HearingStage};
use super::ids::{BallotId, ItemCode, MemberId, QuestionId, Receipt, SeatId, VoteId};
use super::minutes::document::Minutes;
use super::on_the_day::{Aside, DayItemKind};
use super::roster::Person;
use super::time::{CivilDate, Timestamp};
use super::vote::{Choice, Elector, VoteKind, VoteResult};
use serde::{Deserialize, Serialize};

/// Which answer an `AnswerRecorded` event fills in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerPart {
    Main,
    Supplementary,
}

/// Something that happened at the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Event {
    MeetingScheduled(Box<MeetingSpec>),
    MeetingOpened {
        at: Timestamp,
    },
    MeetingAdjourned {
        at: Timestamp,
        until: Timestamp,
        reason: String,
    },
    MeetingResumed {
        at: Timestamp,
    },
    MeetingClosed {
        at: Timestamp,
    },
    PublicExcluded {
        at: Timestamp,
        paragraph: u8,
        item: Option<ItemCode>,
    },
    PublicReadmitted {
        at: Timestamp,
    },
    /// The chair moved to an item (forward, back, or directly).
    CurrentItemChanged {
        item: ItemCode,
        at: Timestamp,
    },
    SeatUpdated {
        seat: SeatId,
        holder: Option<Person>,
    },
    SubstituteAppointed {
        seat: SeatId,
        substitute: Person,
    },
    /// `item` is the item current when the mark was made (for late arrivals and early departures).
    AttendanceRecorded {
        member: MemberId,
        mark: AttendanceMark,
        item: Option<ItemCode>,
        at: Timestamp,
    },
    InterestDeclared {
        member: MemberId,
        item: ItemCode,
        interest: String,
        at: Timestamp,
    },
    QuestionSubmitted {
        question: QuestionId,
        asker: MemberId,
        text: String,
        at: Timestamp,
    },
    QuestionAccepted {
        question: QuestionId,
    },
    QuestionRejected {
        question: QuestionId,
        reason: String,
    },
    QuestionPut {
        question: QuestionId,
        at: Timestamp,
    },
    AnswerRecorded {
        question: QuestionId,
        part: AnswerPart,
        summary: String,
        at: Timestamp,
    },
    SupplementaryAsked {
        question: QuestionId,
        text: String,
        at: Timestamp,
    },
    WrittenAnswerPromised {
        question: QuestionId,
    },
    VoteOpened {
        vote: VoteId,
        kind: VoteKind,
        motion: String,
        item: Option<ItemCode>,
        electorate: Vec<Elector>,
        at: Timestamp,
        /// The confirmation hearing's recommendation vote.
        #[serde(default)]
        for_hearing: bool,
        /// Who was recorded present when the vote opened. `None` in logs written before it was
        /// recorded: `apply` then takes it from the attendance at that point of the log. Left out of the JSON
        /// when `None`, so that such an event serialises byte for byte as it was written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        present: Option<Vec<MemberId>>,
    },
    BallotCast {
        vote: VoteId,
        seat: SeatId,
        voter: MemberId,
        choice: Choice,
        ballot_id: BallotId,
        receipt: Receipt,
        at: Timestamp,
    },
    VoteClosed {
        vote: VoteId,
        result: VoteResult,
        at: Timestamp,
    },
    HearingStageSet {
        stage: HearingStage,
        at: Timestamp,
    },
    HearingReported {
        outcome: HearingOutcome,
        on: CivilDate,
        in_time: bool,
    },
    CommissionerResponded {
        accepts: bool,
        at: Timestamp,
    },
    /// `vote` is set when the resolution records a counted vote's result.
    ResolutionRecorded {
        item: ItemCode,
        text: String,
        #[serde(default)]
        vote: Option<VoteId>,
        at: Timestamp,
    },
    /// Resolution `number` (1-based) of `item` now reads `text`; the earlier wording is kept.
    ResolutionAmended {
        item: ItemCode,
        number: u32,
        text: String,
        at: Timestamp,
    },
    MinuteParagraphAdded {
        item: ItemCode,
        text: String,
        at: Timestamp,
    },
    MinuteParagraphEdited {
        item: ItemCode,
        number: u32,
        text: String,
        at: Timestamp,
    },
    MinuteParagraphRemoved {
        item: ItemCode,
        number: u32,
        at: Timestamp,
    },
    ItemAttendanceSet {
        item: ItemCode,
        guests: Vec<String>,
    },
    ActionRecorded {
        action: u32,
        item: ItemCode,
        kind: ActionKind,
        text: String,
        owner: String,
        due: String,
        at: Timestamp,
    },
    ActionDone {
        action: u32,
        at: Timestamp,
    },
    MeetingAttendanceSet {
        also_present: Vec<String>,
        in_attendance: Vec<String>,
    },
    MinuteNumberingSet {
        first: u32,
    },
    /// A numbered version of the minutes, frozen with the SHA-256 of its Markdown rendering.
    MinutesPublished {
        version: u32,
        sha256: String,
        minutes: Box<Minutes>,
        at: Timestamp,
    },
    /// A correction of an attendance mark: a new event, so the log keeps what was first recorded.
    AttendanceCorrected {
        member: MemberId,
        from: Attendance,
        to: Attendance,
        reason: Option<String>,
        at: Timestamp,
    },
    /// The chair voided an open vote; it decides nothing.
    VoteVoided {
        vote: VoteId,
        reason: String,
        at: Timestamp,
    },
    /// An item taken on the day, placed after `after` (or at the end of the agenda).
    ItemAdded {
        item: AgendaItem,
        kind: DayItemKind,
        reason: Option<String>,
        after: Option<ItemCode>,
        at: Timestamp,
    },
    ItemSetAside {
        item: ItemCode,
        aside: Aside,
        reason: String,
        at: Timestamp,
    },
    ElectionOfChairOpened {
        at: Timestamp,
    },
    /// A proposal for the chair, put to the vote `vote` (opened by the `VoteOpened` that follows).
    ChairProposed {
        vote: VoteId,
        candidate: MemberId,
        proposer: MemberId,
        at: Timestamp,
    },
    /// The meeting agreed to hand the chair back to the Chairman or Vice-Chairman.
    ChairHandedBack {
        to: MemberId,
        at: Timestamp,
    },
    /// The Panel's reasons for the hearing's outcome, for its report (replaces any earlier text).
    HearingReasonsRecorded {
        reasons: String,
        at: Timestamp,
    },
    /// The clerk set the recording's HLS playlist (`None`: cleared; the live playlist is used once it ends).
    RecordingSet {
        recording_url: Option<String>,
        at: Timestamp,
    },
    /// The clerk set the wall-clock instant of the recording's first frame (for a stream without date-times).
    RecordingStartSet {
        starts_at: Option<Timestamp>,
        at: Timestamp,
    },
    /// The clerk moved chapter `chapter`'s start in the recording by `seconds` (0: back to as computed).
    ChapterNudged {
        chapter: u32,
        seconds: i32,
        at: Timestamp,
    },
    /// A substitute recorded by mistake left the seat (a correction: the appointment stays in the log).
    SubstituteWithdrawn {
        seat: SeatId,
        substitute: MemberId,
        reason: Option<String>,
        at: Timestamp,
    },
    /// A paper "to follow" on `item` was published as a supplement; its "to follow" note is cleared.
    SupplementPublished {
        item: ItemCode,
        pages: Option<PageRange>,
        at: Timestamp,
    },
    /// `item`'s papers were replaced; `pages` are the new ones.
    ItemPapersReplaced {
        item: ItemCode,
        pages: Option<PageRange>,
        reason: String,
        at: Timestamp,
    },
    /// The meeting was moved from `from` to `to` before it opened.
    MeetingPostponed {
        from: Timestamp,
        to: Timestamp,
        reason: Option<String>,
        at: Timestamp,
    },
    /// The meeting was cancelled before it opened.
    MeetingCancelled {
        reason: String,
        at: Timestamp,
    },
    /// An action carried from an earlier meeting was reviewed here: marked done, or kept open with a
    /// note (`carried.rs`). It holds the action as carried, so this meeting's minutes need no other log.
    CarriedActionUpdated {
        carried: CarriedAction,
        done: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// The item current when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<ItemCode>,
        at: Timestamp,
    },
}
