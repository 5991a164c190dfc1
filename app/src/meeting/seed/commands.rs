//! One command of every kind, with every optional field filled: the samples the input-limit property test
//! (`app/tests/input_limits.rs`) makes over-long field by field, and the seed corpus of the command fuzzer.
//! A new command adds its sample here; the test fails for a kind without one.

use super::dec2022;
use crate::meeting::agenda::AgendaItem;
use crate::meeting::attendance::AttendanceMark;
use crate::meeting::command::Command;
use crate::meeting::hearing::HearingStage;
use crate::meeting::ids::{BallotId, ItemCode, MemberId, QuestionId, SeatId, VoteId};
use crate::meeting::roster::Person;
use crate::meeting::time::{CivilDate, Timestamp};
use crate::meeting::vote::{Choice, VoteKind};

/// The 6 December 2022 summons with every optional field filled (a note on a section and an item).
fn full_summons() -> Command {
    let mut spec = dec2022::spec();
    spec.id = crate::meeting::ids::MeetingId::new("2022-12-06-reconvened");
    if let Some(section) = spec.sections.last_mut() {
        section.empty_note = Some("None for this meeting.".to_owned());
        section.letter.get_or_insert_with(|| "C".to_owned());
        section
            .title
            .get_or_insert_with(|| "Other business".to_owned());
        let mut item = AgendaItem::new("C9", "Any other business", None);
        item.to_follow = Some("Papers to follow.".to_owned());
        section.items.push(item);
    }
    Command::ScheduleMeeting(Box::new(spec))
}

/// A sample of every command kind, in the order of `CommandKind::ALL`.
pub fn sample_commands() -> Vec<Command> {
    let item = || ItemCode::new("A1");
    let member = || MemberId::new("peter-feacey");
    vec![
        full_summons(),
        Command::OpenMeeting,
        Command::AdjournMeeting {
            until: Timestamp::from_london(CivilDate::new(2022, 12, 6), 15, 0),
            reason: "Lunch".to_owned(),
        },
        Command::ResumeMeeting,
        Command::CloseMeeting,
        Command::ExcludePublic {
            paragraph: 1,
            item: Some(item()),
        },
        Command::ReturnToPublic,
        Command::AdvanceAgenda,
        Command::GoBackAgenda,
        Command::GoToItem { item: item() },
        Command::UpdateSeat {
            seat: SeatId::new("sevenoaks"),
            holder: Some(Person::new("roger-gough", "Mr Roger Gough")),
        },
        Command::AppointSubstitute {
            seat: SeatId::new("medway"),
            substitute: Person::new("rupert-turpin", "Cllr Rupert Turpin"),
        },
        Command::RecordAttendance {
            member: member(),
            mark: AttendanceMark::Present,
        },
        Command::DeclareInterest {
            member: member(),
            item: item(),
            interest: "A family member is a serving officer".to_owned(),
        },
        Command::SubmitQuestion {
            text: "How many officers are in neighbourhood teams?".to_owned(),
        },
        Command::AcceptQuestion {
            question: QuestionId(1),
        },
        Command::RejectQuestion {
            question: QuestionId(1),
            reason: "It concerns operational policing".to_owned(),
        },
        Command::PutQuestion {
            question: QuestionId(1),
        },
        Command::RecordAnswer {
            question: QuestionId(1),
            summary: "About 300".to_owned(),
        },
        Command::AskSupplementary {
            question: QuestionId(1),
            text: "And next year?".to_owned(),
        },
        Command::PromiseWrittenAnswer {
            question: QuestionId(1),
        },
        Command::OpenVote {
            kind: VoteKind::Recommendation,
            motion: Some("That the appointment be confirmed".to_owned()),
            item: Some(item()),
        },
        Command::CastBallot {
            vote: VoteId(1),
            choice: Choice::For,
            ballot_id: BallotId::new("0193e1f0-7a4b-7c3d-9e2f-1a2b3c4d5e6f"),
        },
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: Some(Choice::For),
        },
        Command::RecordShowOfHands {
            vote: VoteId(1),
            for_: 10,
            against: 2,
            abstain: 1,
            casting_vote: None,
        },
        Command::SetHearingStage {
            stage: HearingStage::Questions,
        },
        Command::ReportHearing,
        Command::RecordCommissionerResponse { accepts: true },
    ]
}
