//! Running the real day: votes tied to attendance, attendance corrections, voiding a vote,
//! items on the day, a chair for the meeting, and what each role sees of an open vote.

use crate::common::*;
use app::meeting::on_the_day::{Aside, DayItemKind};
use app::meeting::*;

/// The 6 Dec 2022 meeting, open, with the twelve of 27 Sep 2022 present, the hearing at its vote.
fn at_the_veto_vote() -> Session {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    s.attend(&PRESENT_27_SEP_2022, AttendanceMark::Present);
    s.open_to_hearing_vote();
    s
}

fn open_veto() -> Command {
    Command::OpenVote {
        kind: VoteKind::ChiefConstableVeto,
        motion: None,
        item: None,
    }
}

fn resolution(motion: &str) -> Command {
    Command::OpenVote {
        kind: VoteKind::GeneralResolution,
        motion: Some(motion.into()),
        item: None,
    }
}

fn ballot(vote: u32, choice: Choice, id: &str) -> Command {
    Command::CastBallot {
        vote: VoteId(vote),
        choice,
        ballot_id: BallotId::new(id),
    }
}

fn correct(id: &str, attendance: Attendance) -> Command {
    Command::CorrectAttendance {
        member: MemberId::new(id),
        attendance,
        reason: Some("marked by mistake".into()),
    }
}

fn present() -> Attendance {
    Attendance::Present {
        arrived_during: None,
    }
}

#[test]
fn a_substitute_in_the_seat_excludes_its_holder_even_if_the_holder_is_re_marked_present() {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    s.run(
        &clerk(),
        Command::AppointSubstitute {
            seat: SeatId::new("sevenoaks"),
            substitute: Person::new("roger-hogarth", "Cllr R Hogarth"),
        },
    );
    s.attend(&["mike-hill", "roger-hogarth"], AttendanceMark::Present);
    let refused = "Councillor Peter Fleming's seat is filled by Cllr R Hogarth at this meeting, so Councillor Peter Fleming cannot be recorded as present";
    let mark = Command::RecordAttendance {
        member: MemberId::new("peter-fleming"),
        mark: AttendanceMark::Present,
    };
    assert_eq!(s.try_run(&clerk(), mark).unwrap_err().to_string(), refused);
    let corrected = s.try_run(&clerk(), correct("peter-fleming", present()));
    assert_eq!(corrected.unwrap_err().to_string(), refused);
    // A log written before that rule: the holder recorded present beside the substitute.
    s.meeting.apply(&Event::AttendanceCorrected {
        member: MemberId::new("peter-fleming"),
        from: Attendance::Apologies,
        to: present(),
        reason: None,
        at: s.now,
    });
    s.run(&chair(), Command::OpenMeeting);
    s.run(&chair(), resolution("That the report be noted"));
    s.run(&member("roger-hogarth"), ballot(1, Choice::For, "rh"));
    assert_eq!(
        s.try_run(&member("peter-fleming"), ballot(1, Choice::Against, "pf")),
        Err(CommandError::NotEligible)
    );
    assert_eq!(s.meeting.votes()[0].ballots.len(), 1);
}

#[test]
fn only_a_member_present_when_the_vote_opened_and_still_present_may_vote() {
    let mut s = at_the_veto_vote();
    s.run(&chair(), resolution("That the report be noted"));
    assert_eq!(
        s.try_run(&member("peter-fleming"), ballot(1, Choice::For, "pf"))
            .unwrap_err()
            .to_string(),
        "You are not recorded as present, so you cannot vote: members must be in the room"
    );
    s.run(
        &clerk(),
        Command::RecordAttendance {
            member: MemberId::new("peter-fleming"),
            mark: AttendanceMark::ArrivedLate,
        },
    );
    assert_eq!(
        s.try_run(&member("peter-fleming"), ballot(1, Choice::For, "pf")),
        Err(CommandError::NotPresentWhenOpened)
    );
    let member_view = s.view(&member("peter-fleming"));
    assert_eq!(
        member_view.votes[0].my_refusal.as_deref(),
        Some("You were not recorded as present when this vote opened, so you cannot vote in it")
    );
    assert_eq!(s.meeting.votes()[0].present_at_open.len(), 12);
}

#[test]
fn a_departure_during_an_open_veto_is_recorded_its_ballot_stands_and_the_threshold_is_unchanged() {
    let mut s = at_the_veto_vote();
    s.run(&chair(), open_veto());
    s.run(&member("nancy-warne"), ballot(1, Choice::For, "nw"));
    let left = Command::RecordAttendance {
        member: MemberId::new("nancy-warne"),
        mark: AttendanceMark::LeftEarly,
    };
    assert_eq!(s.run(&clerk(), left).len(), 1, "a departure is recorded");
    assert_eq!(
        s.try_run(&member("nancy-warne"), ballot(1, Choice::Against, "nw-2")),
        Err(CommandError::NotPresent),
        "the member who left cannot change the ballot"
    );
    let arrival = Command::RecordAttendance {
        member: MemberId::new("george-kup"),
        mark: AttendanceMark::ArrivedLate,
    };
    assert_eq!(
        s.try_run(&clerk(), arrival),
        Err(CommandError::RosterFrozen)
    );
    let console = s.view(&chair()).votes[0].clone();
    assert_eq!(console.electorate, 20);
    assert_eq!(
        console.threshold.as_deref(),
        Some("veto needs 14 of 20 members")
    );
    assert_eq!(
        console.turnout,
        "1 of 12 present have voted; 8 members absent, who count against a veto"
    );
    assert_eq!(console.tally.map(|t| t.for_), Some(1), "the ballot stands");
    assert_eq!(console.not_present.len(), 8);
    assert_eq!(console.yet_to_vote.len(), 11);
}

#[test]
fn attendance_is_corrected_by_its_own_event_and_never_while_it_would_change_an_open_vote() {
    let mut s = at_the_veto_vote();
    assert_eq!(
        s.try_run(&clerk(), correct("nancy-warne", present()))
            .unwrap_err()
            .to_string(),
        "Councillor Nancy Warne is already recorded as present: there is nothing to correct"
    );
    let events = s.run(&clerk(), correct("peter-fleming", Attendance::Apologies));
    assert!(matches!(
        &events[..],
        [Event::AttendanceCorrected {
            from: Attendance::NotRecorded,
            to: Attendance::Apologies,
            reason: Some(_),
            ..
        }]
    ));
    s.run(&chair(), open_veto());
    let refused = s.try_run(&clerk(), correct("nancy-warne", Attendance::Apologies));
    assert_eq!(
        refused.unwrap_err().to_string(),
        "Councillor Nancy Warne's attendance cannot be corrected while vote V1 is open: it would change who may vote in it. Correct it after the vote closes, or void the vote"
    );
    let unknown_item = Attendance::Present {
        arrived_during: Some(ItemCode::new("Z9")),
    };
    assert_eq!(
        s.try_run(&clerk(), correct("nancy-warne", unknown_item)),
        Err(CommandError::UnknownItem {
            item: ItemCode::new("Z9")
        })
    );
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    s.run(&clerk(), correct("nancy-warne", Attendance::Apologies));
    let vote = &s.meeting.votes()[0];
    assert!(vote.was_present_at_open(&MemberId::new("nancy-warne")));
    assert_eq!(
        vote.present_at_open.len(),
        12,
        "the record at opening is unchanged"
    );
    let seat = s
        .view(&Actor::Public)
        .roster
        .into_iter()
        .find(|seat| seat.holder_id == Some(MemberId::new("nancy-warne")))
        .unwrap();
    assert_eq!(
        seat.attendance, "Apologies",
        "screens show the corrected state"
    );
}

#[test]
fn the_chair_voids_an_open_veto_and_runs_it_again_and_only_a_vote_not_voided_counts() {
    let mut s = at_the_veto_vote();
    s.run(&chair(), open_veto());
    assert_eq!(
        s.try_run(
            &chair(),
            Command::VoidVote {
                vote: VoteId(1),
                reason: " ".into()
            }
        ),
        Err(CommandError::TextRequired {
            what: "reason for voiding the vote".into()
        })
    );
    s.run(
        &chair(),
        Command::VoidVote {
            vote: VoteId(1),
            reason: "Attendance was not taken".into(),
        },
    );
    let public = s.view(&Actor::Public).votes[0].clone();
    assert_eq!(public.status, VoteStatus::Voided);
    assert_eq!(
        public.void_reason.as_deref(),
        Some("Attendance was not taken")
    );
    assert!(public.result.is_none() && public.tally.is_none());
    s.run(&chair(), open_veto());
    s.vote(2, &PRESENT_27_SEP_2022, Choice::Against);
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(2),
            casting_vote: None,
        },
    );
    assert_eq!(
        s.try_run(
            &chair(),
            Command::VoidVote {
                vote: VoteId(2),
                reason: "second thoughts".into()
            }
        ),
        Err(CommandError::ClosedVoteStands { vote: VoteId(2) })
    );
    assert_eq!(
        s.try_run(&chair(), open_veto()),
        Err(CommandError::VetoAlreadyDecided)
    );
    assert_eq!(
        s.view(&chair()).hearing.unwrap().next_step.as_deref(),
        Some("The veto was not carried: the Panel now votes on its recommendation")
    );
}

#[test]
fn the_chair_adds_an_item_on_the_day_where_he_says_and_sets_another_aside() {
    let mut s = at_the_veto_vote();
    s.run(
        &chair(),
        Command::GoToItem {
            item: ItemCode::new("1"),
        },
    );
    let urgent = Command::AddItem {
        code: ItemCode::new("U1"),
        title: "Consultation response".into(),
        kind: DayItemKind::Urgent,
        reason: None,
        after: None,
    };
    assert_eq!(
        s.try_run(&chair(), urgent).unwrap_err().to_string(),
        "The chair's reason for taking an urgent item (LGA 1972 s100B(4)(b)) cannot be empty"
    );
    s.run(
        &chair(),
        Command::AddItem {
            code: ItemCode::new("53"),
            title: "Presentation to Chief Constable Alan Pughsley QPM".into(),
            kind: DayItemKind::Presentation,
            reason: None,
            after: Some(ItemCode::new("3")),
        },
    );
    let codes: Vec<String> = s
        .meeting
        .agenda()
        .items()
        .map(|i| i.code.to_string())
        .collect();
    assert_eq!(&codes[..5], ["1", "2", "3", "53", "4"]);
    let duplicate = Command::AddItem {
        code: ItemCode::new("A1"),
        title: "Again".into(),
        kind: DayItemKind::Presentation,
        reason: None,
        after: None,
    };
    assert_eq!(
        s.try_run(&chair(), duplicate),
        Err(CommandError::ItemAlreadyOnAgenda {
            item: ItemCode::new("A1")
        })
    );
    s.run(
        &chair(),
        Command::GoToItem {
            item: ItemCode::new("53"),
        },
    );
    let public = s.view(&Actor::Public);
    let item = public.sections[0]
        .items
        .iter()
        .find(|i| i.is_current)
        .unwrap();
    assert_eq!(item.code, ItemCode::new("53"));
    assert_eq!(
        item.day_note.as_deref(),
        Some("Presentation added on the day")
    );
    s.run(
        &chair(),
        Command::SetItemAside {
            item: ItemCode::new("4"),
            aside: Aside::Deferred,
            reason: "The papers were late".into(),
        },
    );
    assert_eq!(
        s.try_run(
            &chair(),
            Command::GoToItem {
                item: ItemCode::new("4")
            }
        )
        .unwrap_err()
        .to_string(),
        "Item 4 was deferred on the day, so it cannot be taken"
    );
    s.run(&chair(), Command::AdvanceAgenda);
    assert_ne!(
        s.meeting.agenda().current,
        Some(ItemCode::new("4")),
        "moving on passes over a deferred item"
    );
}

/// The 6 Dec 2022 meeting with the Chairman and Vice-Chairman away and ten members present.
fn without_chairman_or_vice() -> Session {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    s.attend(
        &["mike-hill", "gurvinder-sandher"],
        AttendanceMark::Apologies,
    );
    s.attend(&PRESENT_27_SEP_2022[2..], AttendanceMark::Present);
    s
}

#[test]
fn with_the_chairman_and_vice_chairman_away_the_meeting_elects_a_chair_for_the_meeting() {
    let mut s = without_chairman_or_vice();
    assert_eq!(s.meeting.presiding(), None);
    assert_eq!(
        s.try_run(&member("ashley-clark"), Command::OpenMeeting)
            .unwrap_err()
            .to_string(),
        "Only the chair can open the meeting"
    );
    let opened = s.run(&clerk(), Command::OpenElectionOfChair);
    assert!(matches!(opened[0], Event::MeetingOpened { .. }));
    let absent = Command::ProposeChair {
        candidate: MemberId::new("peter-fleming"),
        proposer: MemberId::new("nancy-warne"),
    };
    assert_eq!(
        s.try_run(&clerk(), absent).unwrap_err().to_string(),
        "Councillor Peter Fleming is not recorded as present, so cannot be proposed"
    );
    s.run(
        &clerk(),
        Command::ProposeChair {
            candidate: MemberId::new("ashley-clark"),
            proposer: MemberId::new("nancy-warne"),
        },
    );
    assert_eq!(
        s.meeting.votes()[0].motion,
        "That Councillor Ashley Clark take the chair for this meeting"
    );
    s.vote(1, &PRESENT_27_SEP_2022[2..8], Choice::For);
    s.vote(1, &PRESENT_27_SEP_2022[8..], Choice::Against);
    s.run(
        &clerk(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    assert_eq!(s.meeting.role_of(&member("ashley-clark")), Role::Chair);
    assert_eq!(
        s.view(&Actor::Public).presiding.as_deref(),
        Some("Councillor Ashley Clark")
    );
    s.run(
        &member("ashley-clark"),
        resolution("That the report be noted"),
    );
    assert_eq!(
        s.try_run(
            &clerk(),
            Command::CloseVote {
                vote: VoteId(2),
                casting_vote: None
            }
        ),
        Err(CommandError::ClerkClosesOnlyElection)
    );
    s.run(
        &member("ashley-clark"),
        Command::CloseVote {
            vote: VoteId(2),
            casting_vote: Some(Choice::For),
        },
    );
    // The Chairman arrives: the elected chair keeps the chair until the meeting agrees to hand it back.
    s.run(&clerk(), correct("mike-hill", present()));
    assert_eq!(s.meeting.role_of(&chair()), Role::Member);
    assert_eq!(
        s.try_run(&chair(), Command::HandBackChair),
        Err(CommandError::NotAllowed {
            who: "the chair".into(),
            action: "hand the chair back".into()
        })
    );
    s.run(&member("ashley-clark"), Command::HandBackChair);
    assert_eq!(s.meeting.role_of(&chair()), Role::Chair);
}

#[test]
fn the_election_is_refused_while_the_chairman_is_present_and_equal_votes_elect_nobody() {
    let mut s = at_the_veto_vote();
    assert_eq!(
        s.try_run(&clerk(), Command::OpenElectionOfChair)
            .unwrap_err()
            .to_string(),
        "Mr Mike Hill presides, so there is no election of a chair for the meeting"
    );
    let mut s = without_chairman_or_vice();
    s.run(&clerk(), Command::OpenElectionOfChair);
    s.run(
        &clerk(),
        Command::ProposeChair {
            candidate: MemberId::new("ashley-clark"),
            proposer: MemberId::new("nancy-warne"),
        },
    );
    s.run(
        &clerk(),
        Command::RecordShowOfHands {
            vote: VoteId(1),
            for_: 5,
            against: 5,
            abstain: 0,
            casting_vote: None,
        },
    );
    assert_eq!(s.meeting.presiding(), None);
    assert_eq!(
        s.meeting.votes()[0].result.as_ref().unwrap().outcome,
        Outcome::Lost
    );
    assert!(s.view(&clerk()).election.unwrap().in_progress);
}

#[test]
fn while_a_vote_is_open_only_the_chair_and_clerk_see_how_it_stands() {
    let mut s = at_the_veto_vote();
    let checks = s.view(&chair()).opening_checks;
    let veto = checks
        .iter()
        .find(|c| c.kind == VoteKind::ChiefConstableVeto)
        .unwrap();
    assert_eq!(veto.present, "12 of 20 members present");
    assert_eq!(
        veto.warning.as_deref(),
        Some("12 present, a veto needs 14 — open anyway?")
    );
    assert!(s.view(&member("nancy-warne")).opening_checks.is_empty());
    s.attend(&OTHERS_2022[..6], AttendanceMark::Present);
    s.run(&chair(), open_veto());
    s.vote(1, &PRESENT_27_SEP_2022[..5], Choice::For);
    for viewer in [Actor::Public, member("nancy-warne"), Actor::Commissioner] {
        let vote = s.view(&viewer).votes[0].clone();
        assert!(
            vote.tally.is_none() && vote.standing.is_none(),
            "{viewer:?}"
        );
        assert_eq!(
            vote.turnout,
            "5 of 18 present have voted; 2 members absent, who count against a veto"
        );
        assert_eq!(
            vote.threshold.as_deref(),
            Some("veto needs 14 of 20 members")
        );
    }
    assert_eq!(
        s.view(&chair()).votes[0].standing.as_deref(),
        Some("open: veto needs 14 of 20 members; 5 for so far")
    );
    let member_view = s.view(&member("peter-fleming"));
    assert!(member_view.viewer.present);
}
