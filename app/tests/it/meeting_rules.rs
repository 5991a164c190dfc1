//! Rules exercised on the seeded meetings: ballot secrecy and idempotent retries, the life of a
//! question, adjournment, a show-of-hands veto on a Panel with vacancies, and the casting vote.

use crate::common::*;
use app::meeting::*;

#[test]
fn a_members_ballot_is_secret_from_the_public_until_the_chair_closes_the_vote_and_a_retry_is_idempotent(
) {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    s.attend(&PRESENT_27_SEP_2022, AttendanceMark::Present);
    s.run(&chair(), Command::OpenMeeting);
    s.run(
        &chair(),
        Command::OpenVote {
            kind: VoteKind::GeneralResolution,
            motion: Some("That the work programme be noted".into()),
            item: None,
        },
    );
    let cast = Command::CastBallot {
        vote: VoteId(1),
        choice: Choice::Against,
        ballot_id: BallotId::new("uuid-7f3a"),
    };
    assert_eq!(s.run(&member("nancy-warne"), cast.clone()).len(), 1);
    assert_eq!(
        s.run(&member("nancy-warne"), cast).len(),
        0,
        "a retry with the same ballot id adds nothing"
    );
    s.run(
        &member("nancy-warne"),
        Command::CastBallot {
            vote: VoteId(1),
            choice: Choice::For,
            ballot_id: BallotId::new("uuid-8b21"),
        },
    );
    let public = s.view(&Actor::Public).votes[0].clone();
    assert!(public.named_ballots.is_empty() && public.tally.is_none());
    assert_eq!(public.turnout, "1 of 12 present have voted");
    assert!(!s.public_json().contains("uuid-8b21"));
    let console = s.view(&chair()).votes[0].clone();
    assert_eq!(
        (console.yet_to_vote.len(), console.not_present.len()),
        (11, 8),
        "yet to vote lists only those present; the absent are listed apart"
    );
    assert_eq!(
        s.view(&member("nancy-warne")).my_ballots[0].choice,
        Choice::For
    );
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    assert_eq!(
        s.try_run(
            &member("mike-hill"),
            Command::CastBallot {
                vote: VoteId(1),
                choice: Choice::For,
                ballot_id: BallotId::new("late")
            }
        )
        .unwrap_err()
        .to_string(),
        "Voting has closed"
    );
    let closed = s.view(&Actor::Public).votes[0].clone();
    assert!(closed
        .named_ballots
        .iter()
        .any(|b| b.name == "Councillor Nancy Warne" && b.choice == Some(Choice::For)));
}

#[test]
fn questions_are_vetted_by_the_chair_and_an_absent_askers_answer_follows_in_writing() {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 0));
    let palmer = "Can the Police and Crime Commissioner explain how he is holding the Chief Constable to account for his force's failings in the investigation of crimes?";
    s.run(
        &member("richard-palmer"),
        Command::SubmitQuestion {
            text: palmer.into(),
        },
    );
    s.run(
        &member("shane-mochrie-cox"),
        Command::SubmitQuestion {
            text: "Which officers patrol my street on Friday?".into(),
        },
    );
    s.run(
        &member("ashley-clark"),
        Command::SubmitQuestion {
            text: "Will the Commissioner look at fast-tracking prosecutions?".into(),
        },
    );
    s.run(
        &chair(),
        Command::AcceptQuestion {
            question: QuestionId(1),
        },
    );
    s.run(
        &chair(),
        Command::RejectQuestion {
            question: QuestionId(2),
            reason: "This concerns operational policing, not the work of the Commissioner".into(),
        },
    );
    s.run(
        &chair(),
        Command::AcceptQuestion {
            question: QuestionId(3),
        },
    );
    assert_eq!(s.view(&Actor::Public).questions.len(), 2);
    assert!(!s.public_json().contains("operational policing, not"));
    let asker = s.view(&member("shane-mochrie-cox"));
    assert!(asker.questions.iter().any(|q| q
        .rejection_reason
        .as_deref()
        .is_some_and(|r| r.contains("operational"))));
    s.now = at(DEC_2022, 10, 1);
    assert!(matches!(
        s.try_run(
            &member("ashley-clark"),
            Command::SubmitQuestion {
                text: "Late".into()
            }
        ),
        Err(CommandError::QuestionDeadlinePassed { .. })
    ));
    s.attend(&["richard-palmer"], AttendanceMark::Apologies);
    s.attend(&["ashley-clark", "mike-hill"], AttendanceMark::Present);
    s.run(&chair(), Command::OpenMeeting);
    s.run(
        &chair(),
        Command::GoToItem {
            item: ItemCode::new("D1"),
        },
    );
    s.run(
        &chair(),
        Command::PutQuestion {
            question: QuestionId(3),
        },
    );
    s.run(
        &clerk(),
        Command::RecordAnswer {
            question: QuestionId(3),
            summary: "The Commissioner agreed to investigate prosecution fast tracking further."
                .into(),
        },
    );
    s.run(
        &member("ashley-clark"),
        Command::AskSupplementary {
            question: QuestionId(3),
            text: "Would he look at Leicester's scheme?".into(),
        },
    );
    s.run(
        &clerk(),
        Command::RecordAnswer {
            question: QuestionId(3),
            summary: "He would.".into(),
        },
    );
    s.run(
        &chair(),
        Command::PromiseWrittenAnswer {
            question: QuestionId(1),
        },
    );
    s.run(&chair(), Command::CloseMeeting);
    s.run(
        &clerk(),
        Command::RecordAnswer {
            question: QuestionId(1),
            summary: "A written response covering the P&D Board and the Domestic Abuse Hub.".into(),
        },
    );
    let view = s.view(&Actor::Public);
    let written = view
        .questions
        .iter()
        .find(|q| q.id == QuestionId(1))
        .unwrap();
    assert!(written.answered_in_writing && written.status == QuestionStatus::Answered);
    assert_eq!(
        view.questions
            .iter()
            .find(|q| q.id == QuestionId(3))
            .unwrap()
            .supplementary_answer
            .as_deref(),
        Some("He would.")
    );
}

#[test]
fn the_6_february_2020_meeting_adjourns_until_three_and_a_precept_veto_there_needs_twelve_of_seventeen(
) {
    let date = (2020, 2, 6);
    let mut s = Session::new("2020-02-06", at(date, 13, 30));
    let present = [
        "mike-hill",
        "gurvinder-sandher",
        "ashley-clark",
        "richard-wells",
        "fay-gooch",
        "habib-tejan",
        "elaine-bolton",
    ];
    s.attend(&present, AttendanceMark::Present);
    s.now = at(date, 14, 0);
    s.run(&chair(), Command::OpenMeeting);
    s.run(
        &chair(),
        Command::AdjournMeeting {
            until: at(date, 15, 0),
            reason: "Disruption caused by members of the public".into(),
        },
    );
    assert_eq!(s.view(&Actor::Public).phase_label, "Adjourned until 15:00");
    assert_eq!(
        s.view(&Actor::Public).adjournment_reason.as_deref(),
        Some("Disruption caused by members of the public")
    );
    assert!(matches!(
        s.try_run(&chair(), Command::AdvanceAgenda),
        Err(CommandError::MeetingNotOpen { .. })
    ));
    s.run(&chair(), Command::ResumeMeeting);
    assert_eq!(s.view(&Actor::Public).adjournment_reason, None);
    s.run(
        &chair(),
        Command::OpenVote {
            kind: VoteKind::PreceptVeto,
            motion: None,
            item: None,
        },
    );
    let vote = s.view(&chair()).votes[0].clone();
    assert_eq!(
        vote.threshold.as_deref(),
        Some("veto needs 12 of 17 members")
    );
    assert_eq!(
        vote.standing.as_deref(),
        Some("cannot be vetoed: 7 present, 12 needed")
    );
    s.run(
        &clerk(),
        Command::RecordShowOfHands {
            vote: VoteId(1),
            for_: 0,
            against: 7,
            abstain: 0,
            casting_vote: None,
        },
    );
    assert!(s
        .try_run(
            &clerk(),
            Command::RecordShowOfHands {
                vote: VoteId(1),
                for_: 1,
                against: 0,
                abstain: 0,
                casting_vote: None
            }
        )
        .is_err());
    let result = s.meeting.votes()[0].result.clone().unwrap();
    assert!(result.by_show_of_hands && result.outcome == Outcome::NotVetoed);
    assert_eq!(
        s.try_run(
            &chair(),
            Command::OpenVote {
                kind: VoteKind::PreceptVeto,
                motion: None,
                item: None
            }
        ),
        Err(CommandError::VetoAlreadyDecided)
    );
}

#[test]
fn a_tied_resolution_waits_for_the_chairs_casting_vote() {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    s.attend(&PRESENT_27_SEP_2022, AttendanceMark::Present);
    s.run(&chair(), Command::OpenMeeting);
    s.run(
        &chair(),
        Command::OpenVote {
            kind: VoteKind::GeneralResolution,
            motion: Some("That the answers be noted".into()),
            item: None,
        },
    );
    s.vote(1, &PRESENT_27_SEP_2022[..6], Choice::For);
    s.vote(1, &PRESENT_27_SEP_2022[6..], Choice::Against);
    assert_eq!(
        s.try_run(
            &chair(),
            Command::CloseVote {
                vote: VoteId(1),
                casting_vote: None
            }
        ),
        Err(CommandError::CastingVoteRequired)
    );
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: Some(Choice::For),
        },
    );
    let result = s.meeting.votes()[0].result.clone().unwrap();
    assert_eq!(result.outcome, Outcome::CarriedOnCastingVote);
    assert!(
        result.arithmetic.contains("equal votes 6 = 6"),
        "{}",
        result.arithmetic
    );
}
