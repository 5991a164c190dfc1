//! Who may do what: every role × every command, against a table written out here by hand, and
//! through `decide` itself (the table in `roles.rs` is what `decide` enforces).

use crate::common::*;
use app::demo::demo_specs;
use app::meeting::*;

/// Roles in column order.
const ROLES: [Role; 7] = [
    Role::Public,
    Role::Member,
    Role::Substitute,
    Role::Chair,
    Role::Clerk,
    Role::Commissioner,
    Role::System,
];

/// The expected table. Columns: Public, Member, Substitute, Chair, Clerk, Commissioner, System.
const TABLE: [(CommandKind, &str); 56] = {
    use CommandKind::*;
    [
        (ScheduleMeeting, "....Y.Y"),
        (OpenMeeting, "...Y..."),
        (AdjournMeeting, "...Y..."),
        (ResumeMeeting, "...Y..."),
        (CloseMeeting, "...Y..."),
        (ExcludePublic, "...Y..."),
        (ReturnToPublic, "...Y..."),
        (AdvanceAgenda, "...Y..."),
        (GoBackAgenda, "...Y..."),
        (GoToItem, "...Y..."),
        (UpdateSeat, "....Y.."),
        (AppointSubstitute, "....Y.."),
        (RecordAttendance, "...YY.."),
        (DeclareInterest, ".YYYY.."),
        (SubmitQuestion, ".YYY..."),
        (AcceptQuestion, "...Y..."),
        (RejectQuestion, "...Y..."),
        (PutQuestion, "...Y..."),
        (RecordAnswer, "...YYY."),
        (AskSupplementary, ".YYY..."),
        (PromiseWrittenAnswer, "...YY.."),
        (OpenVote, "...Y..."),
        (CastBallot, ".YYY..."),
        (CloseVote, "...YY.."),
        (RecordShowOfHands, "....Y.."),
        (SetHearingStage, "...Y..."),
        (ReportHearing, "...Y..."),
        (RecordCommissionerResponse, "....YY."),
        (RecordResolution, "...YY.."),
        (AmendResolution, "...YY.."),
        (AddMinuteParagraph, "...YY.."),
        (EditMinuteParagraph, "...YY.."),
        (RemoveMinuteParagraph, "...YY.."),
        (SetItemAttendance, "...YY.."),
        (RecordAction, "...YY.."),
        (MarkActionDone, "...YY.."),
        (SetMeetingAttendance, "...YY.."),
        (SetFirstMinuteNumber, "...YY.."),
        (PublishMinutes, "...YY.."),
        (CorrectAttendance, "...YY.."),
        (VoidVote, "...Y..."),
        (AddItem, "...Y..."),
        (SetItemAside, "...YY.."),
        (OpenElectionOfChair, "....Y.."),
        (ProposeChair, "....Y.."),
        (HandBackChair, "...Y..."),
        (RecordHearingReasons, "...YY.."),
        (SetRecording, "....Y.."),
        (SetRecordingStart, "....Y.."),
        (NudgeChapter, "....Y.."),
        (WithdrawSubstitute, "....Y.."),
        (PublishSupplement, "....Y.."),
        (ReplaceItemPapers, "....Y.."),
        (PostponeMeeting, "....Y.."),
        (CancelMeeting, "....Y.."),
        (UpdateCarriedAction, "...YY.."),
    ]
};

fn actor_for(role: Role) -> Actor {
    match role {
        Role::Public => Actor::Public,
        Role::Member => member("ashley-clark"),
        Role::Substitute => member("roger-hogarth"),
        Role::Chair => chair(),
        Role::Clerk => clerk(),
        Role::Commissioner => Actor::Commissioner,
        Role::System => Actor::System,
    }
}

/// A well-formed example of each command.
fn sample(kind: CommandKind, actor: &Actor, now: Timestamp) -> Command {
    use CommandKind as K;
    let q = QuestionId(1);
    let v = VoteId(1);
    let me = match actor {
        Actor::Member { member } => member.clone(),
        _ => MemberId::new("ashley-clark"),
    };
    match kind {
        K::ScheduleMeeting => Command::ScheduleMeeting(Box::new(demo_specs().remove(0))),
        K::OpenMeeting => Command::OpenMeeting,
        K::AdjournMeeting => Command::AdjournMeeting {
            until: Timestamp(now.0 + 3_600_000),
            reason: "Disruption".into(),
        },
        K::ResumeMeeting => Command::ResumeMeeting,
        K::CloseMeeting => Command::CloseMeeting,
        K::ExcludePublic => Command::ExcludePublic {
            paragraph: 1,
            item: None,
        },
        K::ReturnToPublic => Command::ReturnToPublic,
        K::AdvanceAgenda => Command::AdvanceAgenda,
        K::GoBackAgenda => Command::GoBackAgenda,
        K::GoToItem => Command::GoToItem {
            item: ItemCode::new("A1"),
        },
        K::UpdateSeat => Command::UpdateSeat {
            seat: SeatId::new("ashford"),
            holder: None,
        },
        K::AppointSubstitute => Command::AppointSubstitute {
            seat: SeatId::new("swale"),
            substitute: Person::new("new-sub", "Cllr New"),
        },
        K::RecordAttendance => Command::RecordAttendance {
            member: MemberId::new("nancy-warne"),
            mark: AttendanceMark::Present,
        },
        K::DeclareInterest => Command::DeclareInterest {
            member: me,
            item: ItemCode::new("B1"),
            interest: "Kent Police pension".into(),
        },
        K::SubmitQuestion => Command::SubmitQuestion {
            text: "How is the Plan monitored?".into(),
        },
        K::AcceptQuestion => Command::AcceptQuestion { question: q },
        K::RejectQuestion => Command::RejectQuestion {
            question: q,
            reason: "Operational policing".into(),
        },
        K::PutQuestion => Command::PutQuestion { question: q },
        K::RecordAnswer => Command::RecordAnswer {
            question: q,
            summary: "Through the P&D Board".into(),
        },
        K::AskSupplementary => Command::AskSupplementary {
            question: q,
            text: "And the timetable?".into(),
        },
        K::PromiseWrittenAnswer => Command::PromiseWrittenAnswer { question: q },
        K::OpenVote => Command::OpenVote {
            kind: VoteKind::GeneralResolution,
            motion: Some("That the report be noted".into()),
            item: None,
        },
        K::CastBallot => Command::CastBallot {
            vote: v,
            choice: Choice::For,
            ballot_id: BallotId::new("table-ballot"),
        },
        K::CloseVote => Command::CloseVote {
            vote: v,
            casting_vote: None,
        },
        K::RecordShowOfHands => Command::RecordShowOfHands {
            vote: v,
            for_: 1,
            against: 0,
            abstain: 0,
            casting_vote: None,
        },
        K::SetHearingStage => Command::SetHearingStage {
            stage: HearingStage::Questions,
        },
        K::ReportHearing => Command::ReportHearing,
        K::RecordCommissionerResponse => Command::RecordCommissionerResponse { accepts: true },
        K::RecordResolution => Command::RecordResolution {
            item: ItemCode::new("4"),
            text: "RESOLVED that the report be noted.".into(),
        },
        K::AmendResolution => Command::AmendResolution {
            item: ItemCode::new("4"),
            number: 1,
            text: "RESOLVED that the report be noted.".into(),
        },
        K::AddMinuteParagraph => Command::AddMinuteParagraph {
            item: ItemCode::new("B1"),
            text: "The Commissioner introduced the report.".into(),
        },
        K::EditMinuteParagraph => Command::EditMinuteParagraph {
            item: ItemCode::new("B1"),
            number: 1,
            text: "The Commissioner presented the report.".into(),
        },
        K::RemoveMinuteParagraph => Command::RemoveMinuteParagraph {
            item: ItemCode::new("B1"),
            number: 1,
        },
        K::SetItemAttendance => Command::SetItemAttendance {
            item: ItemCode::new("A1"),
            guests: vec!["Mr T Smith (Temporary Chief Constable, Kent Police)".into()],
        },
        K::RecordAction => Command::RecordAction {
            item: ItemCode::new("B1"),
            kind: app::meeting::action::ActionKind::PanelRequest,
            text: "The Panel requested a report on 101 performance.".into(),
            owner: "The Commissioner".into(),
            due: "7 February 2023".into(),
        },
        K::MarkActionDone => Command::MarkActionDone { action: 1 },
        K::SetMeetingAttendance => Command::SetMeetingAttendance {
            also_present: vec!["Mr M Scott (Kent Police and Crime Commissioner)".into()],
            in_attendance: vec![],
        },
        K::SetFirstMinuteNumber => Command::SetFirstMinuteNumber { first: 52 },
        K::PublishMinutes => Command::PublishMinutes {
            continues_from: None,
        },
        K::CorrectAttendance => Command::CorrectAttendance {
            member: me,
            attendance: Attendance::Apologies,
            reason: Some("marked present by mistake".into()),
        },
        K::VoidVote => Command::VoidVote {
            vote: v,
            reason: "attendance was not taken".into(),
        },
        K::AddItem => Command::AddItem {
            code: ItemCode::new("53"),
            title: "Presentation to Chief Constable Alan Pughsley QPM".into(),
            kind: on_the_day::DayItemKind::Presentation,
            reason: None,
            after: Some(ItemCode::new("3")),
        },
        K::SetItemAside => Command::SetItemAside {
            item: ItemCode::new("C1"),
            aside: on_the_day::Aside::Deferred,
            reason: "papers late".into(),
        },
        K::OpenElectionOfChair => Command::OpenElectionOfChair,
        K::ProposeChair => Command::ProposeChair {
            candidate: MemberId::new("ashley-clark"),
            proposer: me,
        },
        K::HandBackChair => Command::HandBackChair,
        K::RecordHearingReasons => Command::RecordHearingReasons {
            reasons: "The candidate met every criterion".into(),
        },
        K::SetRecording => Command::SetRecording {
            recording_url: Some("https://example.org/recording.m3u8".into()),
        },
        K::SetRecordingStart => Command::SetRecordingStart {
            starts_at: Some(now),
        },
        K::NudgeChapter => Command::NudgeChapter {
            chapter: 1,
            seconds: 5,
        },
        K::WithdrawSubstitute => Command::WithdrawSubstitute {
            seat: SeatId::new("sevenoaks"),
            reason: Some("recorded by mistake".into()),
        },
        K::PublishSupplement => Command::PublishSupplement {
            item: ItemCode::new("B1"),
            pages: None,
        },
        K::ReplaceItemPapers => Command::ReplaceItemPapers {
            item: ItemCode::new("B1"),
            pages: Some(PageRange {
                first: 57,
                last: 86,
            }),
            reason: "corrected figures".into(),
        },
        K::PostponeMeeting => Command::PostponeMeeting {
            starts_at: Timestamp(now.0 + 86_400_000),
            reason: None,
        },
        K::CancelMeeting => Command::CancelMeeting {
            reason: "no business".into(),
        },
        K::UpdateCarriedAction => Command::UpdateCarriedAction {
            meeting: MeetingId::new("2022-09-27"),
            action: 1,
            done: true,
            note: None,
            carried: None,
        },
    }
}

/// The 6 Dec 2022 meeting, open, with a substitute for Sevenoaks and an accepted question.
fn meeting_with_every_role() -> Session {
    let mut s = Session::new("2022-12-06", at((2022, 12, 6), 9, 0));
    s.run(
        &clerk(),
        Command::AppointSubstitute {
            seat: SeatId::new("sevenoaks"),
            substitute: Person::new("roger-hogarth", "Cllr R Hogarth"),
        },
    );
    s.attend(
        &["mike-hill", "ashley-clark", "roger-hogarth"],
        AttendanceMark::Present,
    );
    s.run(
        &member("ashley-clark"),
        Command::SubmitQuestion {
            text: "How is the Plan monitored?".into(),
        },
    );
    s.run(&chair(), Command::OpenMeeting);
    s
}

#[test]
fn the_table_in_the_core_is_the_table_written_here() {
    for (kind, mask) in TABLE {
        for (role, cell) in ROLES.iter().zip(mask.chars()) {
            assert_eq!(is_allowed(*role, kind), cell == 'Y', "{role:?} × {kind:?}");
        }
    }
    assert_eq!(CommandKind::ALL.len(), TABLE.len());
}

#[test]
fn every_role_and_command_pair_is_enforced_by_decide() {
    let s = meeting_with_every_role();
    for role in ROLES {
        let actor = actor_for(role);
        assert_eq!(
            s.meeting.role_of(&actor),
            role,
            "the fixture gives {actor:?} the role {role:?}"
        );
        for (kind, mask) in TABLE {
            let allowed = mask
                .chars()
                .nth(ROLES.iter().position(|r| *r == role).unwrap())
                == Some('Y');
            let result = s.meeting.decide(&actor, sample(kind, &actor, s.now), s.now);
            let refused_for_role = matches!(
                result,
                Err(CommandError::PublicCannotAct | CommandError::NotAllowed { .. })
            );
            assert_eq!(
                !allowed, refused_for_role,
                "{role:?} × {kind:?}: {result:?}"
            );
        }
    }
}

#[test]
fn the_public_cannot_change_anything_in_any_phase() {
    let mut s = meeting_with_every_role();
    for step in 0..3 {
        for kind in CommandKind::ALL {
            let result =
                s.meeting
                    .decide(&Actor::Public, sample(kind, &Actor::Public, s.now), s.now);
            assert_eq!(
                result,
                Err(CommandError::PublicCannotAct),
                "{kind:?} at step {step}"
            );
        }
        let next = [
            Command::ExcludePublic {
                paragraph: 1,
                item: None,
            },
            Command::CloseMeeting,
            Command::CloseMeeting,
        ];
        let _ = s.try_run(&chair(), next[step].clone());
        if step == 0 {
            s.run(&chair(), Command::ReturnToPublic);
        }
    }
}

#[test]
fn refusals_name_the_role_that_may_act() {
    let s = meeting_with_every_role();
    let open_vote = sample(CommandKind::OpenVote, &member("ashley-clark"), s.now);
    let refusal = s
        .meeting
        .decide(&member("ashley-clark"), open_vote, s.now)
        .unwrap_err();
    assert_eq!(refusal.to_string(), "Only the chair can open a vote");
    let ballot = sample(CommandKind::CastBallot, &clerk(), s.now);
    assert_eq!(
        s.meeting
            .decide(&clerk(), ballot, s.now)
            .unwrap_err()
            .to_string(),
        "Only a member of the Panel can vote"
    );
}

#[test]
fn a_signed_in_person_who_is_not_on_this_panel_is_refused_by_name() {
    let s = meeting_with_every_role();
    let stranger = member("someone-else");
    let refusal = s
        .meeting
        .decide(
            &stranger,
            Command::SubmitQuestion {
                text: "Hello".into(),
            },
            s.now,
        )
        .unwrap_err();
    assert_eq!(
        refusal,
        CommandError::UnknownMember {
            member: MemberId::new("someone-else")
        }
    );
    assert_eq!(s.meeting.role_of(&stranger), Role::Public);
}

#[test]
fn the_vice_chair_presides_when_the_chair_has_sent_apologies() {
    let mut s = Session::new("2022-12-06", at((2022, 12, 6), 9, 0));
    s.attend(&["mike-hill"], AttendanceMark::Apologies);
    s.attend(&["gurvinder-sandher"], AttendanceMark::Present);
    assert_eq!(s.meeting.role_of(&member("gurvinder-sandher")), Role::Chair);
    assert_eq!(s.meeting.role_of(&chair()), Role::Member);
    assert_eq!(
        s.meeting
            .decide(&chair(), Command::OpenMeeting, s.now)
            .unwrap_err()
            .to_string(),
        "Only the chair can open the meeting"
    );
    s.run(&member("gurvinder-sandher"), Command::OpenMeeting);
}
