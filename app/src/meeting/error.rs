//! Why a command was refused. A closed enum that crosses the wire; each message is a sentence a
//! clerk can read out.

use super::ids::{ItemCode, MemberId, QuestionId, SeatId, VoteId};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A domain rejection.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
// Internally tagged on the wire; the browser build derives the external form and converts
// (`wire/command_error.rs`).
#[cfg_attr(not(feature = "hydrate"), serde(tag = "error"))]
#[cfg_attr(feature = "hydrate", serde(remote = "Self"))]
pub enum CommandError {
    #[error("Only {who} can {action}")]
    NotAllowed { who: String, action: String },
    #[error("Members of the public can follow the meeting but cannot change it")]
    PublicCannotAct,
    #[error("No meeting has been scheduled yet")]
    NotScheduled,
    #[error("This meeting has already been scheduled")]
    AlreadyScheduled,
    #[error("The meeting cannot be scheduled: {reason}")]
    InvalidSchedule { reason: String },
    #[error("The meeting is not open (it is {phase})")]
    MeetingNotOpen { phase: String },
    #[error("The meeting has already been opened")]
    AlreadyOpened,
    #[error("The meeting is not adjourned")]
    NotAdjourned,
    #[error("The meeting has closed")]
    MeetingClosed,
    #[error("The meeting must be adjourned until a time later than now")]
    ResumeTimeNotLater,
    #[error("The meeting is already in private session")]
    AlreadyPrivate,
    #[error("The meeting is already in public session")]
    NotPrivate,
    #[error("Schedule 12A has paragraphs 1 to 7; {paragraph} is not one of them")]
    InvalidParagraph { paragraph: u8 },
    #[error("Vote {vote} is still open: close it first")]
    VoteStillOpen { vote: VoteId },
    #[error("There is no agenda item {item}")]
    UnknownItem { item: ItemCode },
    #[error("No agenda item is current yet")]
    NoCurrentItem,
    #[error("This is the last item on the agenda")]
    AtLastItem,
    #[error("This is the first item on the agenda")]
    AtFirstItem,
    #[error("Item {item} is already the current item")]
    AlreadyCurrent { item: ItemCode },
    #[error("There is no seat called {seat}")]
    UnknownSeat { seat: SeatId },
    #[error("{member} is not on the Panel's roster for this meeting")]
    UnknownMember { member: MemberId },
    #[error("The roster is frozen while a veto vote is open")]
    RosterFrozen,
    #[error("The {seat} seat is vacant, so there is no one to substitute for")]
    SeatVacant { seat: SeatId },
    #[error("The {seat} seat is already vacant")]
    SeatAlreadyVacant { seat: SeatId },
    #[error("The {seat} seat already has a substitute for this meeting")]
    SeatHasSubstitute { seat: SeatId },
    #[error("{name} is already on the roster for this meeting")]
    AlreadyOnRoster { name: String },
    #[error("{name} is recorded as attending, so cannot be substituted")]
    HolderAttending { name: String },
    #[error("{name} {reason}")]
    AttendanceNotPossible { name: String, reason: String },
    #[error("The {what} cannot be empty")]
    TextRequired { what: String },
    #[error("The {what} is too long (at most {max} characters)")]
    TextTooLong { what: String, max: u32 },
    #[error("Questions had to be submitted by {deadline}")]
    QuestionDeadlinePassed { deadline: String },
    #[error("There is no question {question}")]
    UnknownQuestion { question: QuestionId },
    #[error("Question {question} is {status}, so it cannot be {action}")]
    QuestionWrongStatus {
        question: QuestionId,
        status: String,
        action: String,
    },
    #[error("Question {question} is still being answered")]
    AnotherQuestionBeingAnswered { question: QuestionId },
    #[error("Only the member who asked question {question} can ask a supplementary question")]
    NotTheAsker { question: QuestionId },
    #[error("A supplementary question has already been asked on question {question}")]
    SupplementaryAlreadyAsked { question: QuestionId },
    #[error("{name} is not recorded as absent, so the answer can be given in the meeting")]
    AskerPresent { name: String },
    #[error("There is no vote {vote}")]
    UnknownVote { vote: VoteId },
    #[error("Voting has closed")]
    VotingClosed,
    #[error("You are not entitled to vote in this vote")]
    NotEligible,
    #[error("Substitutes may not vote on a veto at this Panel")]
    SubstituteCannotVoteOnVeto,
    #[error("You are not recorded as present, so you cannot vote: members must be in the room")]
    NotPresent,
    #[error("That ballot id has already been used by another member")]
    BallotIdReused,
    #[error("The vote is tied: the chair must give a casting vote")]
    CastingVoteRequired,
    #[error("There is no casting vote on a veto")]
    NoCastingVoteOnVeto,
    #[error("The vote is not tied, so there is no casting vote")]
    NotTied,
    #[error("A casting vote must be for or against")]
    CastingVoteMustChoose,
    #[error("Members have already voted on their devices, so a show of hands cannot be entered")]
    DeviceBallotsAlreadyCast,
    #[error(
        "{counted} hands were counted but only {entitled} members entitled to vote are present"
    )]
    TooManyHands { counted: u32, entitled: u32 },
    #[error("The wording of a veto motion is fixed by law and cannot be changed")]
    VetoMotionFixed,
    #[error("The motion cannot be empty")]
    MotionRequired,
    #[error("There is no confirmation hearing at this meeting")]
    NoHearing,
    #[error("The hearing is at the {stage} stage, not the vote")]
    NotAtVoteStage { stage: String },
    #[error("The hearing moves next to {next}, not to {requested}")]
    HearingStageOutOfOrder { next: String, requested: String },
    #[error("The Panel has already voted on the veto; there is no second veto")]
    VetoAlreadyDecided,
    #[error("The hearing's outcome has already been decided")]
    OutcomeAlreadyDecided,
    #[error("The Panel has not yet reached an outcome to report")]
    NoOutcomeYet,
    #[error("The Panel has already reported")]
    AlreadyReported,
    #[error("The Panel has not reported yet")]
    NotReportedYet,
    #[error("After a veto there is no recommendation to accept or reject")]
    NoRecommendationAfterVeto,
    #[error("The Commissioner's response has already been recorded")]
    ResponseAlreadyRecorded,
    #[error(
        "A resolution can only be recorded on the current item, and item {item} is not current"
    )]
    ItemNotCurrent { item: ItemCode },
    #[error("Item {item} has no resolution {number}")]
    UnknownResolution { item: ItemCode, number: u32 },
    #[error("Item {item} has no minute paragraph {number}")]
    UnknownParagraph { item: ItemCode, number: u32 },
    #[error("Item {item} already has {max} {what}, the most it can have")]
    TooMany {
        item: ItemCode,
        what: String,
        max: u32,
    },
    #[error("At most {max} names can be listed")]
    TooManyNames { max: u32 },
    #[error("There is no action {action}")]
    UnknownAction { action: u32 },
    #[error("The first minute number must be between 1 and {max}")]
    InvalidMinuteNumber { max: u32 },
    #[error("The minutes can be published once the meeting has closed")]
    MinutesBeforeClose,
    // Running the real day: votes tied to attendance, corrections, voids, items on the
    // day and a chair for the meeting.
    #[error("You were not recorded as present when this vote opened, so you cannot vote in it")]
    NotPresentWhenOpened,
    #[error("Your seat is filled by {substitute} at this meeting, so you cannot vote")]
    SeatFilledBySubstitute { substitute: String },
    #[error("{name}'s seat is filled by {substitute} at this meeting, so {name} cannot be recorded as present")]
    HolderReplacedBySubstitute { name: String, substitute: String },
    #[error("{name} is already recorded as {state}: there is nothing to correct")]
    NothingToCorrect { name: String, state: String },
    #[error("{name}'s attendance cannot be corrected while vote {vote} is open: it would change who may vote in it. Correct it after the vote closes, or void the vote")]
    CorrectionChangesOpenVote {
        name: String,
        vote: crate::meeting::VoteId,
    },
    #[error("Vote {vote} has closed, and a closed vote stands: it cannot be voided")]
    ClosedVoteStands { vote: crate::meeting::VoteId },
    #[error("Vote {vote} has already been voided")]
    AlreadyVoided { vote: crate::meeting::VoteId },
    #[error("There is already an item {item} on the agenda")]
    ItemAlreadyOnAgenda { item: ItemCode },
    #[error("An item code is up to {max} letters, digits, dots or hyphens, e.g. 53 or B1a")]
    BadItemCode { max: u32 },
    /// `how`: "deferred on the day", "withdrawn before the meeting".
    #[error("Item {item} was {how}, so it cannot be taken")]
    ItemSetAside { item: ItemCode, how: String },
    #[error("Item {item} is being taken now, so it cannot be {how}")]
    ItemIsCurrent { item: ItemCode, how: String },
    #[error("{name} presides, so there is no election of a chair for the meeting")]
    ChairPresent { name: String },
    #[error("The election of a chair for the meeting has not been opened")]
    NoElectionOfChair,
    #[error("The meeting is already electing a chair for the meeting")]
    ElectionAlreadyOpen,
    #[error("{name} is not recorded as present, so cannot be {role}")]
    ProposalNotPresent { name: String, role: String },
    #[error("Only the chair can close a vote; the clerk closes only the vote to elect a chair for the meeting")]
    ClerkClosesOnlyElection,
    #[error("No chair for the meeting was elected, so there is no chair to hand back")]
    NoElectedChair,
    #[error("Neither the Chairman nor the Vice-Chairman is present to take the chair back")]
    NoChairmanToHandBackTo,
    #[error("The recording's address cannot be used: {reason}")]
    RecordingUrlRefused { reason: String },
    #[error("There is no chapter {chapter}")]
    UnknownChapter { chapter: u32 },
    #[error("Chapter {chapter} is a private session: its recording is never linked, so it cannot be nudged")]
    PrivateChapter { chapter: u32 },
    #[error("A chapter can be nudged by at most {max} seconds either way")]
    NudgeTooLarge { max: u32 },
    #[error("There are too many {what} (at most {max})")]
    TooManyEntries { what: String, max: u32 },
    #[error("No substitute is recorded for seat {seat} at this meeting")]
    NoSubstitute { seat: SeatId },
    #[error("{name} took part in vote {vote}, which stands, so the substitution cannot be withdrawn: record {name}'s departure instead")]
    SubstituteTookPart {
        name: String,
        vote: crate::meeting::VoteId,
    },
    #[error("This meeting was cancelled ({reason}), so nothing more can be done in it")]
    MeetingCancelled { reason: String },
    #[error("The meeting has opened, so it cannot be {how}: {instead}")]
    MeetingHasOpened { how: String, instead: String },
    #[error("The meeting must be postponed to a time later than now")]
    PostponeNotLater,
    #[error("The meeting is already due to start then")]
    SameStartTime,
    #[error("Item {item} has no paper to follow: replace its papers instead")]
    NothingToFollow { item: ItemCode },
    #[error("Item {item} is a verbal update, so it has no papers")]
    VerbalItem { item: ItemCode },
    #[error("Item {item} was {how}, so its papers cannot change")]
    PapersOfItemSetAside { item: ItemCode, how: String },
    #[error("Page numbers start at 1 and run forwards, e.g. 11 to 56")]
    BadPageRange,
    #[error("During the meeting only the chair can {action}")]
    ChairDecidesOnTheDay { action: String },
    #[error("The Panel must report on the proposed appointment by {deadline} (PRSRA 2011 Sch 8 para 4(6)), so the meeting cannot move to {date}")]
    PastHearingDeadline { deadline: String, date: String },
    /// A command the kind of meeting never takes ([`super::kind::MeetingKind::refusal`]).
    #[error("At a {kind} nobody can {action}: {rule}")]
    NotAtThisKindOfMeeting {
        kind: String,
        action: String,
        rule: String,
    },
}
