//! The maximum size of every text and id field that comes from outside, checked before anything else in
//! `decide` (so before anything is written to the log, which is replayed at every start: an unbounded
//! field would cost memory and start-up time for good).
//!
//! | field | at most |
//! |---|---|
//! | meeting id | [`MEETING_ID`] = 64 characters (it is the meeting's address) |
//! | member (person) id, seat id | [`PERSON_ID`] = 64 characters |
//! | agenda item code | [`ITEM_CODE`] = 16 characters ("A1", "13") |
//! | ballot id | [`BALLOT_ID`] = 64 characters (a UUID is 36) |
//! | a person's name, a seat's name, the Commissioner, the hearing's post and candidate, a clerk's name | [`NAME`] = 200 characters |
//! | meeting title, venue, section title, item title, section letter, contact, note | [`LINE`] = 500 characters |
//! | adjournment reason; the reason for setting an item aside, replacing papers, postponing or cancelling | [`LINE`] = 500 characters |
//! | question, supplementary, answer, rejection reason, declaration, motion, one hearing criterion, reason or term | [`TEXT`] = 4,000 characters |
//! | a resolution, a minute paragraph | `record::MAX_PARAGRAPH_CHARS` = 8,000 characters (the longest written answer minuted in the seeds, S4:196-213, is about 4,000) |
//! | webcast address | [`URL`] = 2,048 characters |
//! | seats | [`SEATS`] = 50 (the Panel has 20, PRSRA 2011 Sch 6 para 4) |
//! | agenda sections / items | [`SECTIONS`] = 30 / [`ITEMS`] = 300 |
//! | hearing criteria, reasons, terms | [`HEARING_LINES`] = 50 each |
//! | a Board's attendees: organisations / names in each | [`ATTENDEE_GROUPS`] = 10 / [`SEATS`] = 50; an organisation a [`LINE`], a name a [`NAME`] |
//!
//! The seeds and the statute set none of these: they are the sizes a clerk would expect, several times
//! the longest in the seeded papers (the longest question in the seeds is under 1,500 characters, the
//! longest item title under 200). Characters are Unicode scalar values, as `str::chars` counts them.
//!
//! **A new command adds its limits here**: one arm in [`check`] (the match is exhaustive, so the compiler
//! names a command without one), checking each of its text and id fields with [`text`]/[`id`] and each list
//! with [`count`]. The property test `app/tests/it/input_limits.rs` then sends each string field of a sample of
//! every command over-long and expects a refusal (it fails for a kind it has no sample of).

use super::agenda::AgendaSection;
use super::command::{Command, MeetingSpec};
use super::error::CommandError;
use super::hearing::HearingSpec;
use super::ids::{ItemCode, MemberId, SeatId};
use super::roles::Actor;
use super::roster::{Person, Seat};

/// A meeting's id: its address, `/meetings/2022-12-06`.
pub const MEETING_ID: usize = 64;
/// A person's or a seat's id: "peter-feacey", "co-opted-2".
pub const PERSON_ID: usize = 64;
/// An agenda item's printed code: "A1".
pub const ITEM_CODE: usize = 16;
/// A ballot's client-generated id (a UUID in practice).
pub const BALLOT_ID: usize = 64;
/// A name as printed: "Councillor Peter Fleming", "Chief Constable of Kent Police".
pub const NAME: usize = 200;
/// One printed line: a title, a venue, a note, an adjournment's reason.
pub const LINE: usize = 500;
/// Free text from a person (the same as [`super::question::MAX_TEXT_CHARS`]).
pub const TEXT: usize = super::question::MAX_TEXT_CHARS;
/// The webcast's stream address.
pub const URL: usize = 2048;
/// Organisations attending a Performance and Delivery Board (its notes name two, S3:11-13).
pub const ATTENDEE_GROUPS: usize = 10;
/// Seats on the Panel.
pub const SEATS: usize = 50;
/// Sections of the agenda.
pub const SECTIONS: usize = 30;
/// Items on the whole agenda.
pub const ITEMS: usize = 300;
/// Criteria, reasons or terms in a hearing's notification (each list).
pub const HEARING_LINES: usize = 50;

/// Refuses `value` if it is longer than `max` characters, naming it as `what` ("The ballot id is too long
/// (at most 64 characters)").
pub fn text(value: &str, what: &str, max: usize) -> Result<(), CommandError> {
    // Bytes bound characters from above: most values are short, and this skips the count for them.
    if value.len() <= max || value.chars().count() <= max {
        Ok(())
    } else {
        Err(CommandError::TextTooLong {
            what: what.to_owned(),
            max: max as u32,
        })
    }
}

/// [`text`] for an id.
pub fn id(value: &str, what: &str, max: usize) -> Result<(), CommandError> {
    text(value, what, max)
}

/// Refuses a list longer than `max` entries.
pub fn count(len: usize, what: &str, max: usize) -> Result<(), CommandError> {
    if len <= max {
        Ok(())
    } else {
        Err(CommandError::TooManyEntries {
            what: what.to_owned(),
            max: max as u32,
        })
    }
}

fn optional(value: &Option<String>, what: &str, max: usize) -> Result<(), CommandError> {
    value.as_deref().map_or(Ok(()), |v| text(v, what, max))
}

fn member(value: &MemberId) -> Result<(), CommandError> {
    id(value.as_str(), "member id", PERSON_ID)
}

fn seat_id(value: &SeatId) -> Result<(), CommandError> {
    id(value.as_str(), "seat id", PERSON_ID)
}

fn item(value: &ItemCode) -> Result<(), CommandError> {
    id(value.as_str(), "agenda item code", ITEM_CODE)
}

fn person(value: &Person) -> Result<(), CommandError> {
    member(&value.id)?;
    text(&value.name, "name", NAME)
}

fn seat(value: &Seat) -> Result<(), CommandError> {
    seat_id(&value.id)?;
    text(&value.name, "seat's name", NAME)?;
    value.holder.as_ref().map_or(Ok(()), person)
}

fn sections(value: &[AgendaSection]) -> Result<(), CommandError> {
    count(value.len(), "agenda sections", SECTIONS)?;
    count(
        value.iter().map(|s| s.items.len()).sum(),
        "agenda items",
        ITEMS,
    )?;
    for section in value {
        optional(&section.letter, "section letter", LINE)?;
        optional(&section.title, "section title", LINE)?;
        optional(&section.empty_note, "section's note", LINE)?;
        for entry in &section.items {
            item(&entry.code)?;
            text(&entry.title, "item title", LINE)?;
            optional(&entry.to_follow, "item's note", LINE)?;
        }
    }
    Ok(())
}

fn hearing(value: &HearingSpec) -> Result<(), CommandError> {
    item(&value.item)?;
    text(&value.post, "post", NAME)?;
    text(&value.candidate, "candidate's name", NAME)?;
    for (list, what) in [
        (&value.criteria, "hearing criteria"),
        (&value.reasons, "hearing reasons"),
        (&value.terms, "hearing terms"),
    ] {
        count(list.len(), what, HEARING_LINES)?;
        for line in list {
            text(line, "hearing line", TEXT)?;
        }
    }
    Ok(())
}

/// Every field of a summons.
pub fn summons(spec: &MeetingSpec) -> Result<(), CommandError> {
    id(spec.id.as_str(), "meeting id", MEETING_ID)?;
    text(&spec.title, "title", LINE)?;
    text(&spec.venue, "venue", LINE)?;
    count(spec.seats.len(), "seats", SEATS)?;
    spec.seats.iter().try_for_each(seat)?;
    spec.chair.as_ref().map_or(Ok(()), member)?;
    spec.vice_chair.as_ref().map_or(Ok(()), member)?;
    text(&spec.commissioner, "Commissioner's name", NAME)?;
    sections(&spec.sections)?;
    spec.hearing.as_ref().map_or(Ok(()), hearing)?;
    optional(&spec.contact, "contact", LINE)?;
    optional(&spec.webcast_url, "webcast address", URL)?;
    count(spec.attendees.len(), "groups of attendees", ATTENDEE_GROUPS)?;
    spec.attendees.iter().try_for_each(|group| {
        text(&group.organisation, "attendees' organisation", LINE)?;
        count(group.names.len(), "attendees", SEATS)?;
        group
            .names
            .iter()
            .try_for_each(|name| text(name, "attendee's name", NAME))
    })
}

/// Who a sign-in link is for (the accounts outside the meeting core): a clerk's name or a member's id, and
/// the name the header shows.
pub fn account(actor: &Actor, display_name: &str) -> Result<(), CommandError> {
    match actor {
        Actor::Clerk { name } => text(name, "clerk's name", NAME)?,
        Actor::Member { member: who } => member(who)?,
        Actor::Public | Actor::Commissioner | Actor::System => {}
    }
    text(display_name, "display name", NAME)
}

/// Checks every text and id field of `command` against its maximum (the table in the module's doc).
pub fn check(command: &Command) -> Result<(), CommandError> {
    match command {
        Command::ScheduleMeeting(spec) => summons(spec),
        Command::OpenMeeting
        | Command::ResumeMeeting
        | Command::CloseMeeting
        | Command::ReturnToPublic
        | Command::AdvanceAgenda
        | Command::GoBackAgenda
        | Command::ReportHearing
        | Command::SetHearingStage { .. }
        | Command::RecordCommissionerResponse { .. } => Ok(()),
        Command::AdjournMeeting { reason, .. } => text(reason, "adjournment reason", LINE),
        Command::ExcludePublic { item: code, .. } => code.as_ref().map_or(Ok(()), item),
        Command::GoToItem { item: code } => item(code),
        Command::UpdateSeat { seat, holder } => {
            seat_id(seat)?;
            holder.as_ref().map_or(Ok(()), person)
        }
        Command::AppointSubstitute { seat, substitute } => {
            seat_id(seat)?;
            person(substitute)
        }
        Command::RecordAttendance { member: who, .. } => member(who),
        Command::DeclareInterest {
            member: who,
            item: code,
            interest,
        } => {
            member(who)?;
            item(code)?;
            text(interest, "interest", TEXT)
        }
        Command::SubmitQuestion { text: question } => text(question, "question", TEXT),
        Command::AcceptQuestion { .. }
        | Command::PutQuestion { .. }
        | Command::PromiseWrittenAnswer { .. } => Ok(()),
        Command::RejectQuestion { reason, .. } => text(reason, "reason", TEXT),
        Command::RecordAnswer { summary, .. } => text(summary, "answer", TEXT),
        Command::AskSupplementary { text: question, .. } => {
            text(question, "supplementary question", TEXT)
        }
        Command::OpenVote {
            motion, item: code, ..
        } => {
            optional(motion, "motion", TEXT)?;
            code.as_ref().map_or(Ok(()), item)
        }
        Command::CastBallot { ballot_id, .. } => id(ballot_id.as_str(), "ballot id", BALLOT_ID),
        Command::CloseVote { .. } | Command::RecordShowOfHands { .. } => Ok(()),
        // Running the real day.
        Command::CorrectAttendance {
            member: who,
            reason,
            ..
        } => {
            member(who)?;
            optional(reason, "reason", LINE)
        }
        Command::VoidVote { reason, .. } => text(reason, "reason", LINE),
        Command::AddItem {
            code,
            title,
            reason,
            after,
            ..
        } => {
            item(code)?;
            text(title, "item title", LINE)?;
            optional(reason, "reason", TEXT)?;
            after.as_ref().map_or(Ok(()), item)
        }
        Command::SetItemAside {
            item: code, reason, ..
        } => {
            item(code)?;
            text(reason, "reason", LINE)
        }
        Command::OpenElectionOfChair | Command::HandBackChair => Ok(()),
        Command::ProposeChair {
            candidate,
            proposer,
        } => {
            member(candidate)?;
            member(proposer)
        }
        // The record: resolutions, minutes, actions (their own, larger limits are in `record.rs`).
        Command::RecordResolution {
            item: code,
            text: t,
        }
        | Command::AmendResolution {
            item: code,
            text: t,
            ..
        } => {
            item(code)?;
            text(t, "resolution", super::record::MAX_PARAGRAPH_CHARS)
        }
        Command::AddMinuteParagraph {
            item: code,
            text: t,
        }
        | Command::EditMinuteParagraph {
            item: code,
            text: t,
            ..
        } => {
            item(code)?;
            text(t, "minute paragraph", super::record::MAX_PARAGRAPH_CHARS)
        }
        Command::RemoveMinuteParagraph { item: code, .. } => item(code),
        Command::SetItemAttendance { item: code, guests } => {
            item(code)?;
            names(guests, "names in attendance for the item")
        }
        Command::RecordAction {
            item: code,
            text: t,
            owner,
            due,
            ..
        } => {
            item(code)?;
            text(t, "action", TEXT)?;
            text(owner, "action's owner", NAME)?;
            text(due, "action's due meeting", NAME)
        }
        Command::MarkActionDone { .. }
        | Command::SetFirstMinuteNumber { .. }
        | Command::PublishMinutes { .. } => Ok(()),
        Command::SetMeetingAttendance {
            also_present,
            in_attendance,
        } => {
            names(also_present, "names ALSO PRESENT")?;
            names(in_attendance, "names IN ATTENDANCE")
        }
        Command::RecordHearingReasons { reasons } => text(reasons, "reasons", TEXT),
        // The webcast's recording and chapters.
        Command::SetRecording { recording_url } => {
            optional(recording_url, "recording address", URL)
        }
        Command::SetRecordingStart { .. } | Command::NudgeChapter { .. } => Ok(()),
        Command::WithdrawSubstitute { seat, reason } => {
            seat_id(seat)?;
            optional(reason, "reason", LINE)
        }
        // The agenda after the summons (`agenda_changes.rs`).
        Command::PublishSupplement { item: code, .. } => item(code),
        Command::ReplaceItemPapers {
            item: code, reason, ..
        } => {
            item(code)?;
            text(reason, "reason", LINE)
        }
        Command::PostponeMeeting { reason, .. } => optional(reason, "reason", LINE),
        Command::CancelMeeting { reason } => text(reason, "reason", LINE),
        Command::UpdateCarriedAction {
            meeting,
            note,
            carried,
            ..
        } => {
            id(meeting.as_str(), "meeting id", MEETING_ID)?;
            optional(note, "note on the action", TEXT)?;
            carried.as_ref().map_or(Ok(()), carried_action)
        }
    }
}

/// A list of names as printed in the minutes (S4:89-93).
/// An action as carried from an earlier meeting (the server fills it in, but it is checked like any field).
fn carried_action(value: &super::carried::CarriedAction) -> Result<(), CommandError> {
    id(value.meeting.as_str(), "meeting id", MEETING_ID)?;
    text(&value.meeting_date, "meeting's date", NAME)?;
    item(&value.item)?;
    text(&value.text, "action", TEXT)?;
    text(&value.owner, "action's owner", NAME)?;
    text(&value.due, "action's due meeting", NAME)
}

fn names(values: &[String], what: &str) -> Result<(), CommandError> {
    count(values.len(), what, super::record::MAX_NAMES)?;
    values
        .iter()
        .try_for_each(|name| text(name, "name", super::record::MAX_NAME_CHARS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_at_its_limit_passes_and_one_more_character_is_refused() {
        assert_eq!(text(&"é".repeat(NAME), "name", NAME), Ok(()));
        assert_eq!(
            text(&"é".repeat(NAME + 1), "name", NAME),
            Err(CommandError::TextTooLong {
                what: "name".into(),
                max: NAME as u32
            })
        );
        assert_eq!(count(SEATS, "seats", SEATS), Ok(()));
        assert_eq!(
            count(SEATS + 1, "seats", SEATS).unwrap_err().to_string(),
            "There are too many seats (at most 50)"
        );
    }

    #[test]
    fn the_refusal_names_the_field_and_its_maximum() {
        let command = Command::CastBallot {
            vote: crate::meeting::VoteId(1),
            choice: crate::meeting::Choice::For,
            ballot_id: crate::meeting::BallotId::new("x".repeat(1_000_000)),
        };
        assert_eq!(
            check(&command).unwrap_err().to_string(),
            "The ballot id is too long (at most 64 characters)"
        );
    }
}
