//! Scenarios written from the seeds. Where the seeds are silent (the hearing's attendance, votes and
//! outcome are not in them, seeds-brief §11), the scenario says what it assumes.

use crate::common::*;
use app::meeting::*;

#[test]
fn the_6_december_2022_agenda_is_exactly_as_printed() {
    let s = Session::new("2022-12-06", at(DEC_2022, 9, 0));
    let view = s.view(&Actor::Public);
    assert_eq!(
        (view.date.as_str(), view.time.as_str()),
        ("Tuesday 6 December 2022", "10:00")
    );
    assert_eq!(
        view.venue,
        "Council Chamber, Sessions House, County Hall, Maidstone"
    );
    let codes: Vec<String> = view
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| i.code.0.clone())
        .collect();
    assert_eq!(
        codes,
        ["1", "2", "3", "4", "A1", "B1", "B2", "B3", "D1", "E1", "F1"]
    );
    let c = &view.sections[3];
    assert_eq!(
        (c.letter.as_deref(), c.empty_note.as_deref()),
        (Some("C"), Some("None for this meeting."))
    );
    let a1 = &view.sections[1].items[0];
    assert_eq!(
        (a1.title.as_str(), a1.pages.as_deref()),
        ("Chief Constable Confirmation Hearing", Some("11-56"))
    );
    assert_eq!(view.roster.len(), 20);
    assert!(view
        .roster
        .iter()
        .any(|seat| seat.holder == "Mr Mike Hill" && seat.is_chair));
    assert!(view
        .roster
        .iter()
        .any(|seat| seat.holder == "Mr Gurvinder Sandher" && seat.is_vice_chair));
    let hearing = view.hearing.unwrap();
    assert_eq!(
        (hearing.candidate.as_str(), hearing.report_deadline.as_str()),
        ("Mr Tim Smith", "18 December 2022")
    );
}

/// Assumes 18 of 20 present (Cllr Palmer and Cllr Kup give apologies), that the veto fails 2 to 16,
/// and that the Panel recommends appointment 15 to 1 with 2 abstentions.
#[test]
fn the_6_december_2022_confirmation_hearing_runs_from_questions_to_the_commissioners_response() {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    s.run(
        &member("ashley-clark"),
        Command::SubmitQuestion {
            text: "How will the new Chief Constable be held to account?".into(),
        },
    );
    let present = eighteen_present(&mut s);
    s.now = at(DEC_2022, 10, 0);
    s.run(&chair(), Command::OpenMeeting);
    for _ in 0..4 {
        s.run(&chair(), Command::AdvanceAgenda);
    }
    s.run(
        &member("ashley-clark"),
        Command::DeclareInterest {
            member: MemberId::new("ashley-clark"),
            item: ItemCode::new("A1"),
            interest: "In receipt of a Kent Police pension".into(),
        },
    );
    s.run(&chair(), Command::AdvanceAgenda);
    assert_eq!(
        s.view(&Actor::Public).current_item,
        Some(ItemCode::new("A1"))
    );
    s.run(
        &chair(),
        Command::SetHearingStage {
            stage: HearingStage::Questions,
        },
    );
    s.run(
        &chair(),
        Command::ExcludePublic {
            paragraph: 1,
            item: Some(ItemCode::new("A1")),
        },
    );
    let public = s.view(&Actor::Public);
    assert_eq!(
        (public.current_item, public.private_paragraph),
        (None, Some(1))
    );
    assert_eq!(
        s.view(&chair()).current_item,
        Some(ItemCode::new("A1")),
        "the Panel stays in the room and still sees the item"
    );
    hearing_stages(
        &mut s,
        &[HearingStage::PrivateDeliberation, HearingStage::Vote],
    );
    open_veto(&mut s);
    let veto_view = s.view(&chair()).votes[0].clone();
    assert_eq!(veto_view.motion, "That the Panel vetoes the proposed appointment of Mr Tim Smith as Chief Constable of Kent Police");
    assert_eq!(
        veto_view.threshold.as_deref(),
        Some("veto needs 14 of 20 members")
    );
    assert_eq!(
        veto_view.standing.as_deref(),
        Some("open: veto needs 14 of 20 members; 0 for so far")
    );
    assert_eq!(
        s.try_run(
            &clerk(),
            Command::RecordAttendance {
                member: MemberId::new("george-kup"),
                mark: AttendanceMark::ArrivedLate
            }
        ),
        Err(CommandError::RosterFrozen)
    );
    s.vote(1, &present[..2], Choice::For);
    s.vote(1, &present[2..], Choice::Against);
    assert_eq!(
        s.view(&chair()).votes[0].turnout,
        "18 of 18 present have voted; 2 members absent, who count against a veto"
    );
    let public = s.public_json();
    assert!(public.contains("The meeting is in private session (LGA 1972 Sch 12A para 1)"));
    assert!(
        !public.contains("vetoes the proposed appointment"),
        "the veto motion leaked during private session"
    );
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );

    s.run(
        &chair(),
        Command::OpenVote {
            kind: VoteKind::Recommendation,
            motion: None,
            item: None,
        },
    );
    s.vote(2, &present[..15], Choice::For);
    s.vote(2, &present[15..16], Choice::Against);
    s.vote(2, &present[16..], Choice::Abstain);
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(2),
            casting_vote: None,
        },
    );
    s.run(&chair(), Command::ReturnToPublic);

    let view = s.view(&Actor::Public);
    let veto = view.votes[0].result.as_ref().unwrap();
    assert_eq!(veto.outcome, Outcome::NotVetoed);
    assert!(
        veto.arithmetic
            .starts_with("2 of 20 members voted for the veto; 3 × 2 = 6 < 2 × 20 = 40"),
        "{}",
        veto.arithmetic
    );
    assert!(
        veto.arithmetic.contains("2 did not vote"),
        "{}",
        veto.arithmetic
    );
    assert_eq!(
        view.votes[0].named_ballots.len(),
        20,
        "the named vote is published on return to public"
    );
    assert_eq!(
        view.votes[1].result.as_ref().unwrap().outcome,
        Outcome::Carried
    );
    assert_eq!(
        view.hearing.as_ref().unwrap().outcome.as_deref(),
        Some("Recommendation that the candidate be appointed")
    );
    assert_eq!(
        view.declarations[0].interest,
        "In receipt of a Kent Police pension"
    );

    s.run(&chair(), Command::ReportHearing);
    assert_eq!(
        s.view(&Actor::Public).hearing.unwrap().reported_in_time,
        Some(true)
    );
    assert_eq!(
        s.try_run(
            &Actor::Commissioner,
            Command::RecordCommissionerResponse { accepts: true }
        )
        .map(|e| e.len()),
        Ok(1)
    );
    let mine = s.view(&member("ashley-clark")).my_ballots;
    assert_eq!(mine.len(), 2);
    assert!(mine[0].receipt.as_str().starts_with("2022-12-06/V1/B"));
}

#[test]
fn with_only_the_twelve_members_of_27_september_2022_present_the_appointment_cannot_be_vetoed() {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    s.attend(&PRESENT_27_SEP_2022, AttendanceMark::Present);
    s.run(&chair(), Command::OpenMeeting);
    hearing_stages(&mut s, &TO_THE_VOTE);
    open_veto(&mut s);
    s.vote(1, &PRESENT_27_SEP_2022, Choice::For);
    assert_eq!(
        s.view(&Actor::Public).votes[0].standing.as_deref(),
        Some("cannot be vetoed: 12 present, 14 needed")
    );
    assert_eq!(
        s.try_run(
            &member("peter-fleming"),
            Command::CastBallot {
                vote: VoteId(1),
                choice: Choice::For,
                ballot_id: BallotId::new("pf")
            }
        ),
        Err(CommandError::NotPresent)
    );
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    assert_eq!(
        s.meeting.votes()[0].result.as_ref().unwrap().outcome,
        Outcome::NotVetoed
    );
}

/// 2 Feb 2017 as minuted (S2:79): Cllr R Hogarth substitutes for Cllr P Fleming; Shippam, Horton,
/// C Wells and Burden are not present (recorded here as absent, as the minutes name no apologies).
#[test]
fn the_2_february_2017_meeting_runs_with_a_substitute_for_cllr_fleming() {
    let mut s = Session::new("2017-02-02", at(FEB_2017, 9, 0));
    for (asker, text) in [
        (
            "mike-hill",
            "How will this difference affect collaboration between Kent and Essex Police?",
        ),
        (
            "elaine-bolton",
            "What is the breakdown of the protected characteristics of the new recruits?",
        ),
        (
            "gurvinder-sandher",
            "Do you have a breakdown of the diversity of the cadets recruited to date?",
        ),
    ] {
        s.run(
            &member(asker),
            Command::SubmitQuestion { text: text.into() },
        );
    }
    let hogarth = Person::new("roger-hogarth", "Cllr R Hogarth");
    s.run(
        &clerk(),
        Command::AppointSubstitute {
            seat: SeatId::new("sevenoaks"),
            substitute: hogarth,
        },
    );
    assert_eq!(
        s.meeting.attendance(&MemberId::new("peter-fleming")),
        Attendance::Apologies
    );
    let present = [
        "mike-hill",
        "gurvinder-sandher",
        "paul-clokie",
        "malcolm-dearden",
        "michael-franklin",
        "fay-gooch",
        "roger-hogarth",
        "john-knight",
        "brian-luker",
        "keith-morris",
        "don-sloan",
        "pat-todd",
        "roger-latchford",
        "habib-tejan",
        "mike-eddy",
        "elaine-bolton",
    ];
    s.attend(&present, AttendanceMark::Present);
    s.attend(
        &["chris-shippam", "alan-horton", "chris-wells", "john-burden"],
        AttendanceMark::Absent,
    );
    assert_eq!(
        s.meeting.role_of(&member("roger-hogarth")),
        Role::Substitute
    );
    let sevenoaks = s
        .view(&Actor::Public)
        .roster
        .into_iter()
        .find(|seat| seat.seat.as_str() == "sevenoaks")
        .unwrap();
    assert_eq!(sevenoaks.attendance, "Apologies");
    assert_eq!(
        sevenoaks.substitute.unwrap().label,
        "Substitute for Councillor Peter Fleming"
    );

    s.now = at(FEB_2017, 10, 0);
    s.run(&chair(), Command::OpenMeeting);
    for _ in 0..6 {
        s.run(&chair(), Command::AdvanceAgenda);
    }
    assert_eq!(s.meeting.agenda().current, Some(ItemCode::new("B1")));
    s.run(
        &chair(),
        Command::OpenVote {
            kind: VoteKind::GeneralResolution,
            motion: Some(
                "That the Panel support the proposed precept increase of 3.3% for 2017/18".into(),
            ),
            item: None,
        },
    );
    s.vote(1, &present, Choice::For);
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    let result = s.meeting.votes()[0].result.clone().unwrap();
    assert_eq!(
        (result.outcome, result.tally.for_, result.tally.against),
        (Outcome::Carried, 16, 0)
    );
    assert!(
        s.meeting.votes()[0]
            .ballots
            .values()
            .any(|b| b.voter.as_str() == "roger-hogarth"),
        "the substitute votes for Sevenoaks"
    );

    s.run(&chair(), Command::AdvanceAgenda);
    for q in 1..=3 {
        s.run(
            &chair(),
            Command::AcceptQuestion {
                question: QuestionId(q),
            },
        );
        s.run(
            &chair(),
            Command::PutQuestion {
                question: QuestionId(q),
            },
        );
        s.run(
            &clerk(),
            Command::RecordAnswer {
                question: QuestionId(q),
                summary: format!("Answer {q} as minuted"),
            },
        );
    }
    s.run(
        &chair(),
        Command::GoToItem {
            item: ItemCode::new("E1"),
        },
    );
    s.run(&chair(), Command::CloseMeeting);
    let view = s.view(&Actor::Public);
    assert_eq!(view.phase_label, "Closed");
    assert_eq!(
        view.questions
            .iter()
            .filter(|q| q.status == QuestionStatus::Answered)
            .count(),
        3
    );
}

#[test]
fn a_substitute_may_not_vote_on_a_precept_veto_by_default() {
    let mut s = Session::new("2017-02-02", at(FEB_2017, 9, 0));
    s.run(
        &clerk(),
        Command::AppointSubstitute {
            seat: SeatId::new("sevenoaks"),
            substitute: Person::new("roger-hogarth", "Cllr R Hogarth"),
        },
    );
    s.attend(&["mike-hill", "roger-hogarth"], AttendanceMark::Present);
    s.run(&chair(), Command::OpenMeeting);
    s.run(
        &chair(),
        Command::OpenVote {
            kind: VoteKind::PreceptVeto,
            motion: None,
            item: None,
        },
    );
    let refusal = s.try_run(
        &member("roger-hogarth"),
        Command::CastBallot {
            vote: VoteId(1),
            choice: Choice::For,
            ballot_id: BallotId::new("h"),
        },
    );
    assert_eq!(
        refusal.unwrap_err().to_string(),
        "Substitutes may not vote on a veto at this Panel"
    );
    assert_eq!(s.view(&chair()).votes[0].electorate, 20);
}
