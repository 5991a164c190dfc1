//! A substitute recorded by mistake, and the way back (`WithdrawSubstitute`, `decide/corrections.rs`):
//! the seat is its holder's again, the correction is its own event with its reason, the record shows the
//! corrected state; it is refused while it would change an open vote, and once the substitute took part
//! in a vote that stands.

use crate::common::*;
use app::meeting::*;

const SEAT: &str = "sevenoaks";
const SUB: &str = "roger-hogarth";
const HOLDER: &str = "peter-fleming";

/// The 6 Dec 2022 meeting, opened, with the twelve of 27 Sep 2022 present and Cllr R Hogarth recorded as
/// substitute for Councillor Peter Fleming (Sevenoaks).
fn with_a_substitute() -> Session {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    s.attend(&PRESENT_27_SEP_2022, AttendanceMark::Present);
    s.run(
        &clerk(),
        Command::AppointSubstitute {
            seat: SeatId::new(SEAT),
            substitute: Person::new(SUB, "Cllr R Hogarth"),
        },
    );
    s.run(&chair(), Command::OpenMeeting);
    s
}

fn withdraw(seat: &str) -> Command {
    Command::WithdrawSubstitute {
        seat: SeatId::new(seat),
        reason: Some("Cllr Fleming had not sent apologies".into()),
    }
}

fn general_vote() -> Command {
    Command::OpenVote {
        kind: VoteKind::GeneralResolution,
        motion: Some("That the report be noted".into()),
        item: None,
    }
}

fn refusal(s: &mut Session, actor: &Actor, command: Command) -> String {
    let before = s.meeting.clone();
    let refused = s.try_run(actor, command).unwrap_err().to_string();
    assert_eq!(s.meeting, before, "a refusal changed the meeting");
    refused
}

#[test]
fn a_substitute_recorded_by_mistake_is_withdrawn_and_the_seat_is_its_holders_again() {
    let mut s = with_a_substitute();
    assert_eq!(
        s.meeting.occupant(&SeatId::new(SEAT)),
        Some(&MemberId::new(SUB))
    );
    let events = s.run(&clerk(), withdraw(SEAT));
    assert_eq!(
        events,
        [Event::SubstituteWithdrawn {
            seat: SeatId::new(SEAT),
            substitute: MemberId::new(SUB),
            reason: Some("Cllr Fleming had not sent apologies".into()),
            at: s.now,
        }]
    );
    let seat = SeatId::new(SEAT);
    assert_eq!(s.meeting.occupant(&seat), Some(&MemberId::new(HOLDER)));
    assert!(!s.meeting.roster().is_on_roster(&MemberId::new(SUB)));
    // The appointment recorded the holder's apologies; the holder can now be recorded present...
    s.attend(&[HOLDER], AttendanceMark::Present);
    assert!(s.meeting.attendance(&MemberId::new(HOLDER)).is_present());
    // ...and votes in the seat.
    s.run(&chair(), general_vote());
    s.vote(1, &[HOLDER], Choice::For);
    let vote = &s.meeting.votes()[0];
    assert_eq!(vote.ballots[&seat].voter, MemberId::new(HOLDER));
    // The minutes show the corrected state: the holder present, no substitute.
    let present = &minutes::draft(&s.meeting, Some(64)).attendance[0].text;
    assert!(present.contains("Fleming"), "{present}");
    assert!(!present.contains("Hogarth"), "{present}");
}

#[test]
fn another_substitute_can_be_recorded_once_the_mistaken_one_is_withdrawn() {
    let mut s = with_a_substitute();
    s.run(&clerk(), withdraw(SEAT));
    s.run(
        &clerk(),
        Command::AppointSubstitute {
            seat: SeatId::new(SEAT),
            substitute: Person::new("sub-two", "Cllr S Two"),
        },
    );
    s.attend(&["sub-two"], AttendanceMark::Present);
    let present = &minutes::draft(&s.meeting, Some(64)).attendance[0].text;
    assert!(
        present.contains("Cllr S Two (Substitute for Cllr P Fleming)"),
        "{present}"
    );
}

#[test]
fn withdrawing_is_refused_with_the_rules_words() {
    let mut s = with_a_substitute();
    let cases: [(Actor, Command, &str); 4] = [
        (
            clerk(),
            withdraw("swale"),
            "No substitute is recorded for seat swale at this meeting",
        ),
        (
            clerk(),
            withdraw("nowhere"),
            "There is no seat called nowhere",
        ),
        (
            chair(),
            withdraw(SEAT),
            "Only the clerk can withdraw a substitute recorded by mistake",
        ),
        (
            member(SUB),
            withdraw(SEAT),
            "Only the clerk can withdraw a substitute recorded by mistake",
        ),
    ];
    for (actor, command, expected) in cases {
        assert_eq!(refusal(&mut s, &actor, command), expected);
    }
}

#[test]
fn withdrawing_is_refused_while_an_open_vote_counts_the_substitute() {
    let mut s = with_a_substitute();
    s.attend(&[SUB], AttendanceMark::Present);
    s.run(&chair(), general_vote());
    assert_eq!(
        refusal(&mut s, &clerk(), withdraw(SEAT)),
        "Cllr R Hogarth's attendance cannot be corrected while vote V1 is open: it would change who may vote in it. Correct it after the vote closes, or void the vote"
    );
}

#[test]
fn withdrawing_is_refused_while_a_veto_vote_is_open_because_the_roster_is_frozen() {
    let mut s = with_a_substitute();
    for stage in [
        HearingStage::Questions,
        HearingStage::PrivateDeliberation,
        HearingStage::Vote,
    ] {
        s.run(&chair(), Command::SetHearingStage { stage });
    }
    s.run(
        &chair(),
        Command::OpenVote {
            kind: VoteKind::ChiefConstableVeto,
            motion: None,
            item: None,
        },
    );
    let refused = refusal(&mut s, &clerk(), withdraw(SEAT));
    assert_eq!(refused, CommandError::RosterFrozen.to_string());
}

#[test]
fn a_substitute_who_took_part_in_a_vote_that_stands_is_not_withdrawn_but_one_in_a_voided_vote_is() {
    let mut s = with_a_substitute();
    s.attend(&[SUB], AttendanceMark::Present);
    s.run(&chair(), general_vote());
    s.run(
        &chair(),
        Command::VoidVote {
            vote: VoteId(1),
            reason: "attendance was not taken".into(),
        },
    );
    // Vote 1 was voided: it decides nothing, so it does not hold the substitute in the seat.
    let mut voided = Session {
        meeting: s.meeting.clone(),
        log: s.log.clone(),
        now: s.now,
    };
    voided.run(&clerk(), withdraw(SEAT));
    assert!(!voided.meeting.roster().is_on_roster(&MemberId::new(SUB)));

    s.run(&chair(), general_vote());
    s.vote(2, &[SUB], Choice::For);
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(2),
            casting_vote: None,
        },
    );
    assert_eq!(
        refusal(&mut s, &clerk(), withdraw(SEAT)),
        "Cllr R Hogarth took part in vote V2, which stands, so the substitution cannot be withdrawn: record Cllr R Hogarth's departure instead"
    );
}

#[test]
fn an_over_long_reason_is_refused_before_anything_is_written() {
    let mut s = with_a_substitute();
    let command = Command::WithdrawSubstitute {
        seat: SeatId::new(SEAT),
        reason: Some("x".repeat(20_000)),
    };
    let refused = refusal(&mut s, &clerk(), command);
    assert!(refused.contains("reason"), "{refused}");
}

#[test]
fn the_withdrawal_replays_from_the_stored_log() {
    let mut s = with_a_substitute();
    s.run(&clerk(), withdraw(SEAT));
    let mut replayed = Meeting::default();
    let json = serde_json::to_string(&s.log).unwrap();
    let stored: Vec<Event> = serde_json::from_str(&json).unwrap();
    stored.iter().for_each(|e| replayed.apply(e));
    assert_eq!(replayed, s.meeting);
}
