//! One command of every kind, with every optional field filled: the samples the input-limit property test
//! (`app/tests/it/input_limits.rs`) makes over-long field by field, and the seed corpus of the command fuzzer.
//! A new command adds its sample here; the test fails for a kind without one.

use super::dec2022;
use crate::meeting::action::ActionKind;
use crate::meeting::agenda::{AgendaItem, PageRange};
use crate::meeting::attendance::Attendance;
use crate::meeting::attendance::AttendanceMark;
use crate::meeting::carried::CarriedAction;
use crate::meeting::command::Command;
use crate::meeting::hearing::HearingStage;
use crate::meeting::ids::{BallotId, ItemCode, MeetingId, MemberId, QuestionId, SeatId, VoteId};
use crate::meeting::on_the_day::{Aside, DayItemKind};
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
        Command::RecordResolution {
            item: item(),
            text: "RESOLVED that the report be noted.".to_owned(),
        },
        Command::AmendResolution {
            item: item(),
            number: 1,
            text: "RESOLVED that the verbal update be noted.".to_owned(),
        },
        Command::AddMinuteParagraph {
            item: item(),
            text: "The Commissioner introduced the report.".to_owned(),
        },
        Command::EditMinuteParagraph {
            item: item(),
            number: 1,
            text: "The Commissioner presented the report.".to_owned(),
        },
        Command::RemoveMinuteParagraph {
            item: item(),
            number: 1,
        },
        Command::SetItemAttendance {
            item: item(),
            guests: vec!["Alan Pughsley QPM (Chief Constable, Kent Police)".to_owned()],
        },
        Command::RecordAction {
            item: item(),
            kind: ActionKind::CommissionerCommitment,
            text: "He agreed to report back to the Panel on the progress made.".to_owned(),
            owner: "The Commissioner".to_owned(),
            due: "7 February 2023".to_owned(),
        },
        Command::MarkActionDone { action: 1 },
        Command::SetMeetingAttendance {
            also_present: vec!["Mr M Scott (Kent Police and Crime Commissioner)".to_owned()],
            in_attendance: vec!["Mrs A Taylor (Scrutiny Research Officer)".to_owned()],
        },
        Command::SetFirstMinuteNumber { first: 65 },
        Command::PublishMinutes {
            continues_from: Some(64),
        },
        Command::CorrectAttendance {
            member: member(),
            attendance: Attendance::Apologies,
            reason: Some("marked present by mistake".to_owned()),
        },
        Command::VoidVote {
            vote: VoteId(1),
            reason: "attendance was not taken".to_owned(),
        },
        Command::AddItem {
            code: ItemCode::new("53"),
            title: "Presentation to Chief Constable Alan Pughsley QPM".to_owned(),
            kind: DayItemKind::Presentation,
            reason: Some("The Chief Constable retires this month".to_owned()),
            after: Some(ItemCode::new("3")),
        },
        Command::SetItemAside {
            item: item(),
            aside: Aside::Deferred,
            reason: "papers late".to_owned(),
        },
        Command::OpenElectionOfChair,
        Command::ProposeChair {
            candidate: MemberId::new("ashley-clark"),
            proposer: member(),
        },
        Command::HandBackChair,
        Command::RecordHearingReasons {
            reasons: "The candidate met every criterion.".to_owned(),
        },
        Command::SetRecording {
            recording_url: Some("https://example.org/recording.m3u8".to_owned()),
        },
        Command::SetRecordingStart {
            starts_at: Some(Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 0)),
        },
        Command::NudgeChapter {
            chapter: 1,
            seconds: 5,
        },
        Command::WithdrawSubstitute {
            seat: SeatId::new("medway"),
            reason: Some("recorded by mistake".to_owned()),
        },
        Command::PublishSupplement {
            item: item(),
            pages: Some(PageRange { first: 1, last: 12 }),
        },
        Command::ReplaceItemPapers {
            item: item(),
            pages: Some(PageRange {
                first: 11,
                last: 58,
            }),
            reason: "corrected figures".to_owned(),
        },
        Command::PostponeMeeting {
            starts_at: Timestamp::from_london(CivilDate::new(2022, 12, 8), 14, 0),
            reason: Some("the venue is unavailable".to_owned()),
        },
        Command::CancelMeeting {
            reason: "the business can wait for the February meeting".to_owned(),
        },
        Command::UpdateCarriedAction {
            meeting: MeetingId::new("2022-09-27"),
            action: 1,
            done: true,
            note: Some("Covered in the Making Kent Safer paper.".to_owned()),
            carried: Some(CarriedAction {
                meeting: MeetingId::new("2022-09-27"),
                meeting_date: "27 September 2022".to_owned(),
                action: 1,
                item: item(),
                minute: Some(55),
                kind: ActionKind::CommissionerCommitment,
                text: "He agreed to report back to the Panel on the progress made.".to_owned(),
                owner: "The Commissioner".to_owned(),
                due: "6 December 2022".to_owned(),
                exempt: false,
            }),
        },
    ]
}
