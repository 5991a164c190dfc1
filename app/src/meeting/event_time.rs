//! When an event happened, as far as the event itself says.
//!
//! Nearly every event carries the instant the shell passed to `decide` (`at`). A few do not: the summons,
//! changes to seats made before the meeting, the chair's acceptance or rejection of a question, a promise of a
//! written answer, the Panel's report on a hearing (dated by a day, not an instant), and the minute-taker's
//! housekeeping. The match is exhaustive on purpose: a new event must say whether it has a time, because the
//! public page holds each change back until the webcast reaches that time ([`super::in_step`]).

use super::event::Event;
use super::time::Timestamp;

impl Event {
    /// The instant this event happened, if it carries one.
    pub fn at(&self) -> Option<Timestamp> {
        match self {
            Event::MeetingOpened { at }
            | Event::MeetingAdjourned { at, .. }
            | Event::MeetingResumed { at }
            | Event::MeetingClosed { at }
            | Event::PublicExcluded { at, .. }
            | Event::PublicReadmitted { at }
            | Event::CurrentItemChanged { at, .. }
            | Event::AttendanceRecorded { at, .. }
            | Event::InterestDeclared { at, .. }
            | Event::QuestionSubmitted { at, .. }
            | Event::QuestionPut { at, .. }
            | Event::AnswerRecorded { at, .. }
            | Event::SupplementaryAsked { at, .. }
            | Event::VoteOpened { at, .. }
            | Event::BallotCast { at, .. }
            | Event::VoteClosed { at, .. }
            | Event::HearingStageSet { at, .. }
            | Event::CommissionerResponded { at, .. }
            | Event::ResolutionRecorded { at, .. }
            | Event::ResolutionAmended { at, .. }
            | Event::MinuteParagraphAdded { at, .. }
            | Event::MinuteParagraphEdited { at, .. }
            | Event::MinuteParagraphRemoved { at, .. }
            | Event::ActionRecorded { at, .. }
            | Event::ActionDone { at, .. }
            | Event::MinutesPublished { at, .. }
            | Event::AttendanceCorrected { at, .. }
            | Event::VoteVoided { at, .. }
            | Event::ItemAdded { at, .. }
            | Event::ItemSetAside { at, .. }
            | Event::ElectionOfChairOpened { at }
            | Event::ChairProposed { at, .. }
            | Event::ChairHandedBack { at, .. }
            | Event::HearingReasonsRecorded { at, .. }
            | Event::RecordingSet { at, .. }
            | Event::RecordingStartSet { at, .. }
            | Event::ChapterNudged { at, .. }
            | Event::SubstituteWithdrawn { at, .. }
            | Event::SupplementPublished { at, .. }
            | Event::ItemPapersReplaced { at, .. }
            | Event::MeetingPostponed { at, .. }
            | Event::MeetingCancelled { at, .. }
            | Event::CarriedActionUpdated { at, .. } => Some(*at),
            Event::MeetingScheduled(_)
            | Event::SeatUpdated { .. }
            | Event::SubstituteAppointed { .. }
            | Event::QuestionAccepted { .. }
            | Event::QuestionRejected { .. }
            | Event::WrittenAnswerPromised { .. }
            | Event::HearingReported { .. }
            | Event::ItemAttendanceSet { .. }
            | Event::MeetingAttendanceSet { .. }
            | Event::MinuteNumberingSet { .. } => None,
        }
    }
}
