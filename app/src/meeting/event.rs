//! Events: what happened, in the past tense. This enum is the persisted log format: variant and field
//! names are stable, and new fields must be added with `#[serde(default)]`. `Meeting::apply` folds
//! them into state and never fails.

use super::attendance::AttendanceMark;
use super::command::MeetingSpec;
use super::hearing::{HearingOutcome, HearingStage};
use super::ids::{BallotId, ItemCode, MemberId, QuestionId, Receipt, SeatId, VoteId};
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
}
