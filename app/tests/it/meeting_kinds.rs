//! Meeting kinds: which commands each kind takes, against a table written out here by hand (the second
//! roles table: the first says who may send a command, this one where), and the Board and the
//! sub-committee run through `decide`. Property: no vote or veto event ever appears in a Performance and
//! Delivery Board's log, whatever is sent to it.

use crate::common::*;
use app::demo::{board2022, demo_spec, sample_commands};
use app::meeting::*;
use proptest::prelude::*;

/// Columns: Panel meeting, Performance and Delivery Board, Panel sub-committee. `Y` = the kind takes it.
const KIND_TABLE: [(CommandKind, &str); 56] = {
    use CommandKind::*;
    [
        (ScheduleMeeting, "YYY"),
        (OpenMeeting, "YYY"),
        (AdjournMeeting, "YYY"),
        (ResumeMeeting, "YYY"),
        (CloseMeeting, "YYY"),
        (ExcludePublic, "YYY"),
        (ReturnToPublic, "YYY"),
        (AdvanceAgenda, "YYY"),
        (GoBackAgenda, "YYY"),
        (GoToItem, "YYY"),
        (UpdateSeat, "Y.Y"),
        (AppointSubstitute, "Y.Y"),
        (RecordAttendance, "Y.Y"),
        (DeclareInterest, "Y.Y"),
        (SubmitQuestion, "Y.Y"),
        (AcceptQuestion, "Y.Y"),
        (RejectQuestion, "Y.Y"),
        (PutQuestion, "Y.Y"),
        (RecordAnswer, "Y.Y"),
        (AskSupplementary, "Y.Y"),
        (PromiseWrittenAnswer, "Y.Y"),
        (OpenVote, "Y.Y"),
        (CastBallot, "Y.Y"),
        (CloseVote, "Y.Y"),
        (RecordShowOfHands, "Y.Y"),
        (SetHearingStage, "Y.."),
        (ReportHearing, "Y.."),
        (RecordCommissionerResponse, "Y.."),
        (RecordResolution, "YYY"),
        (AmendResolution, "YYY"),
        (AddMinuteParagraph, "YYY"),
        (EditMinuteParagraph, "YYY"),
        (RemoveMinuteParagraph, "YYY"),
        (SetItemAttendance, "YYY"),
        (RecordAction, "YYY"),
        (MarkActionDone, "YYY"),
        (SetMeetingAttendance, "YYY"),
        (SetFirstMinuteNumber, "YYY"),
        (PublishMinutes, "YYY"),
        (CorrectAttendance, "Y.Y"),
        (VoidVote, "Y.Y"),
        (AddItem, "YYY"),
        (SetItemAside, "YYY"),
        (OpenElectionOfChair, "Y.Y"),
        (ProposeChair, "Y.Y"),
        (HandBackChair, "Y.Y"),
        (RecordHearingReasons, "Y.."),
        (SetRecording, "YYY"),
        (SetRecordingStart, "YYY"),
        (NudgeChapter, "YYY"),
        (WithdrawSubstitute, "Y.Y"),
        (PublishSupplement, "YYY"),
        (ReplaceItemPapers, "YYY"),
        (PostponeMeeting, "YYY"),
        (CancelMeeting, "YYY"),
        (UpdateCarriedAction, "YYY"),
    ]
};

const KINDS: [MeetingKind; 3] = [
    MeetingKind::Panel,
    MeetingKind::PerformanceBoard,
    MeetingKind::SubCommittee,
];

/// The Board of 31 October 2022, as scheduled by the clerk, on its day at 10:00.
fn board() -> Session {
    let spec = board2022::spec();
    let mut s = Session {
        meeting: Meeting::default(),
        log: vec![],
        now: at((2022, 10, 31), 9, 55),
    };
    s.run(&clerk(), Command::ScheduleMeeting(Box::new(spec)));
    s
}

/// A Complaints Sub-Committee of five drawn from the December 2022 Panel, Mr Hill in the chair.
fn complaints_summons() -> MeetingSpec {
    let mut spec = demo_spec("2022-12-06").unwrap();
    spec.id = MeetingId::new("2022-11-15-complaints");
    spec.title = "Complaints Sub-Committee".to_owned();
    spec.kind = MeetingKind::SubCommittee;
    spec.hearing = None;
    spec.vice_chair = None;
    let keep = ["kcc", "ashford", "canterbury", "dartford", "independent-1"];
    spec.seats.retain(|seat| keep.contains(&seat.id.as_str()));
    spec.starts_at = at((2022, 11, 15), 10, 0);
    spec.question_deadline = None;
    spec
}

fn sub_committee() -> Session {
    let mut s = Session {
        meeting: Meeting::default(),
        log: vec![],
        now: at((2022, 11, 15), 9, 55),
    };
    s.run(
        &clerk(),
        Command::ScheduleMeeting(Box::new(complaints_summons())),
    );
    s
}

#[test]
fn the_kind_table_in_the_core_is_the_table_written_here() {
    for (command, mask) in KIND_TABLE {
        for (kind, cell) in KINDS.iter().zip(mask.chars()) {
            assert_eq!(kind.allows(command), cell == 'Y', "{kind:?} × {command:?}");
        }
    }
    assert_eq!(CommandKind::ALL.len(), KIND_TABLE.len());
    for (row, kind) in KIND_TABLE.iter().zip(CommandKind::ALL) {
        assert_eq!(row.0, kind, "rows in the order of CommandKind::ALL");
    }
}

/// Every command the Board never takes is refused there with the kind's rule, whoever may send it
/// elsewhere (the first role of the roles table that exists at the Board), and every command it takes
/// is never refused for the kind.
#[test]
fn every_kind_and_command_pair_is_enforced_by_decide() {
    let mut s = board();
    s.run(&Actor::Commissioner, Command::OpenMeeting);
    let samples = sample_commands();
    for (command, mask) in KIND_TABLE {
        let allowed_here = mask.chars().nth(1) == Some('Y');
        let (roles, _) = allowed_roles(command);
        let actor = if roles.contains(&Role::Chair) {
            Actor::Commissioner
        } else if roles.contains(&Role::Clerk) {
            clerk()
        } else {
            // Only members may send it; a member is public at the Board (S4:1348).
            continue;
        };
        let sample = samples[CommandKind::ALL.iter().position(|k| *k == command).unwrap()].clone();
        let result = s.meeting.decide(&actor, sample, s.now);
        let refused_for_kind = matches!(result, Err(CommandError::NotAtThisKindOfMeeting { .. }));
        assert_eq!(!allowed_here, refused_for_kind, "{command:?}: {result:?}");
    }
}

#[test]
fn the_commissioner_presides_at_the_board_and_a_panel_vote_is_refused_in_the_rules_words() {
    let mut s = board();
    assert_eq!(s.meeting.role_of(&Actor::Commissioner), Role::Chair);
    assert_eq!(s.meeting.role_of(&member("mike-hill")), Role::Public);
    s.run(&Actor::Commissioner, Command::OpenMeeting);
    s.run(&Actor::Commissioner, Command::AdvanceAgenda);
    let refusal = s
        .try_run(
            &Actor::Commissioner,
            Command::OpenVote {
                kind: VoteKind::GeneralResolution,
                motion: Some("That the notes be agreed".into()),
                item: None,
            },
        )
        .unwrap_err();
    assert_eq!(
        refusal.to_string(),
        "At a Performance and Delivery Board nobody can open a vote: the Performance and Delivery \
         Board is the Commissioner's own meeting, held in public, where the Panel takes no vote and \
         has no veto (S4:1348, S4:2079)"
    );
    let veto = s.try_run(
        &Actor::Commissioner,
        Command::OpenVote {
            kind: VoteKind::PreceptVeto,
            motion: None,
            item: None,
        },
    );
    assert!(matches!(
        veto,
        Err(CommandError::NotAtThisKindOfMeeting { .. })
    ));
    // The Board's business goes on: notes agreed, an action with its owner and due date, closed.
    s.run(
        &Actor::Commissioner,
        Command::GoToItem {
            item: ItemCode::new("2"),
        },
    );
    s.run(
        &clerk(),
        Command::AddMinuteParagraph {
            item: ItemCode::new("2"),
            text: "The notes were agreed as a true and accurate record.".into(),
        },
    );
    s.run(
        &clerk(),
        Command::RecordAction {
            item: ItemCode::new("2"),
            kind: action::ActionKind::CommissionerCommitment,
            text: "Update on internal inspection of rape investigations".into(),
            owner: "Chief Constable".into(),
            due: "27/09/2017".into(),
        },
    );
    s.run(&Actor::Commissioner, Command::CloseMeeting);
    let view = project(&s.meeting, &Actor::Public);
    assert_eq!(view.kind, MeetingKind::PerformanceBoard);
    assert_eq!(view.presiding.as_deref(), Some("Mr Matthew Scott"));
    assert_eq!(view.attendees.len(), 2);
    // Its notes end with the Board's "Overview of Actions", Status | Owner | Due date (S3:128-133).
    let notes = minutes::draft(&s.meeting, None);
    let markdown = minutes::markdown::render(&notes);
    assert!(markdown.contains("## Overview of Actions\n\n| Action | Status | Owner | Due date |"));
    assert!(markdown.contains(
        "| Update on internal inspection of rape investigations | Open | Chief Constable | 27/09/2017 |"
    ));
    assert!(
        markdown.contains("**Kent Police:** Tim Smith"),
        "{markdown}"
    );
    let html = minutes::html::render(&notes);
    assert!(html.contains("<th scope=\"col\">Due date</th>"));
    assert!(notes
        .title
        .starts_with("Meeting Notes: Bespoke HMICFRS PEEL Inspection"));
}

#[test]
fn the_board_console_offers_only_what_the_board_takes() {
    let s = board();
    let view = project(&s.meeting, &Actor::Commissioner);
    assert!(view.viewer.allowed.contains(&CommandKind::OpenMeeting));
    for refused in [
        CommandKind::OpenVote,
        CommandKind::CastBallot,
        CommandKind::AcceptQuestion,
        CommandKind::SetHearingStage,
        CommandKind::RecordAttendance,
    ] {
        assert!(!view.viewer.allowed.contains(&refused), "{refused:?}");
    }
    let clerk_view = project(&s.meeting, &clerk());
    assert!(clerk_view
        .viewer
        .allowed
        .iter()
        .all(|k| MeetingKind::PerformanceBoard.allows(*k)));
}

#[test]
fn a_sub_committee_votes_on_its_business_but_takes_no_veto() {
    let mut s = sub_committee();
    assert_eq!(s.meeting.role_of(&chair()), Role::Chair);
    assert_eq!(s.meeting.role_of(&member("ashley-clark")), Role::Member);
    assert_eq!(s.meeting.role_of(&member("nancy-warne")), Role::Public);
    s.attend(&["mike-hill", "ashley-clark"], AttendanceMark::Present);
    s.run(&chair(), Command::OpenMeeting);
    let veto = s
        .try_run(
            &chair(),
            Command::OpenVote {
                kind: VoteKind::PreceptVeto,
                motion: None,
                item: None,
            },
        )
        .unwrap_err();
    assert_eq!(
        veto.to_string(),
        "At a Panel sub-committee nobody can open a veto vote: the review of the precept and of the \
         Chief Constable's appointment cannot be delegated to a sub-committee (PRSRA 2011 Sch 5 and Sch 8)"
    );
    let events = s.run(
        &chair(),
        Command::OpenVote {
            kind: VoteKind::GeneralResolution,
            motion: Some("That the complaint be not upheld".into()),
            item: None,
        },
    );
    assert!(matches!(events[0], Event::VoteOpened { .. }));
    let hearing = s.try_run(
        &chair(),
        Command::SetHearingStage {
            stage: HearingStage::Questions,
        },
    );
    assert!(matches!(
        hearing,
        Err(CommandError::NotAtThisKindOfMeeting { .. })
    ));
}

/// What a summons of each kind must say, each problem in the core's words.
#[test]
fn summonses_are_checked_against_their_kind() {
    let problems = |spec: &MeetingSpec| -> Vec<String> {
        summons_check::summons_problems(spec)
            .into_iter()
            .map(|p| p.message)
            .collect()
    };
    assert!(problems(&board2022::spec()).is_empty());
    assert!(problems(&complaints_summons()).is_empty());
    let mut with_seats = board2022::spec();
    with_seats.seats = complaints_summons().seats;
    assert!(problems(&with_seats)
        .iter()
        .any(|p| p.contains("has no Panel seats")));
    let mut with_hearing = complaints_summons();
    with_hearing.hearing = demo_spec("2022-12-06").unwrap().hearing;
    assert!(problems(&with_hearing)
        .iter()
        .any(|p| p.contains("cannot be delegated to a sub-committee")));
    let mut empty = complaints_summons();
    empty.seats.clear();
    empty.chair = None;
    assert_eq!(
        problems(&empty),
        ["a sub-committee needs its members, drawn from the Panel"]
    );
    let mut panel_with_attendees = demo_spec("2022-12-06").unwrap();
    panel_with_attendees.attendees = board2022::attendees();
    assert_eq!(
        problems(&panel_with_attendees),
        ["only a Performance and Delivery Board lists attendees by organisation"]
    );
    let mut long_name = board2022::spec();
    long_name.attendees[0].names[0] = "x".repeat(201);
    assert!(matches!(
        Meeting::default().decide(
            &clerk(),
            Command::ScheduleMeeting(Box::new(long_name)),
            Timestamp(0)
        ),
        Err(CommandError::TextTooLong { .. })
    ));
}

/// A summons and a stored log from before kinds load as a Panel meeting.
#[test]
fn a_summons_without_a_kind_is_a_panel_meeting() {
    let spec = demo_spec("2022-12-06").unwrap();
    let json = serde_json::to_value(&spec).unwrap();
    assert!(
        json.get("kind").is_none(),
        "a Panel summons is written as before"
    );
    assert!(json.get("attendees").is_none());
    let read: MeetingSpec = serde_json::from_value(json).unwrap();
    assert_eq!(read.kind, MeetingKind::Panel);
    let board = serde_json::to_value(board2022::spec()).unwrap();
    assert_eq!(board["kind"], "performance_board");
}

fn board_actor(n: u8) -> Actor {
    match n % 5 {
        0 => Actor::Commissioner,
        1 => clerk(),
        2 => chair(),
        3 => Actor::System,
        _ => Actor::Public,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever is sent to the Board, by whomever, its log never holds a vote, a ballot, a show of
    /// hands, a voided vote or a hearing's outcome.
    #[test]
    fn no_vote_or_veto_event_ever_appears_in_a_board_log(
        steps in prop::collection::vec((0usize..50, any::<u8>(), 0u16..600), 1..120)
    ) {
        let mut s = board();
        let samples = sample_commands();
        for (i, (which, who, seconds)) in steps.into_iter().enumerate() {
            s.now = Timestamp(s.now.0 + i64::from(seconds) * 1000);
            // Every fourth step opens, moves or closes the meeting, so later commands meet an open one.
            let command = match i % 4 {
                0 => [Command::OpenMeeting, Command::AdvanceAgenda][which % 2].clone(),
                _ => samples[which].clone(),
            };
            let actor = if i % 4 == 0 { Actor::Commissioner } else { board_actor(who) };
            if let Ok(events) = s.meeting.decide(&actor, command, s.now) {
                for event in &events {
                    prop_assert!(
                        !matches!(
                            event,
                            Event::VoteOpened { .. }
                                | Event::BallotCast { .. }
                                | Event::VoteClosed { .. }
                                | Event::VoteVoided { .. }
                                | Event::HearingStageSet { .. }
                                | Event::HearingReported { .. }
                                | Event::QuestionSubmitted { .. }
                        ),
                        "{:?}",
                        event
                    );
                    s.meeting.apply(event);
                }
                s.log.extend(events);
            }
        }
        prop_assert!(s.meeting.votes().is_empty());
        prop_assert_eq!(s.meeting.kind(), MeetingKind::PerformanceBoard);
    }
}
