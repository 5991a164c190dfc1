//! The published vote record (`app::meeting::record`): table tests from the 6 December 2022 meeting,
//! and properties over random meetings: every published result recounts from its own rows to exactly
//! the published one, and any one edited ballot is named by seat.

use crate::common::*;
use app::meeting::published_votes::{
    compare, find_receipt, published_votes, recount, LoggedEvent, Position, ReceiptCheck,
    VoteRecord,
};
use app::meeting::*;
use proptest::prelude::*;

/// The record of a session's log, with a stand-in hash per event (the server's are SHA-256 links).
fn record_of(s: &Session) -> Vec<VoteRecord> {
    let hashes: Vec<String> = (1..=s.log.len()).map(|seq| format!("h{seq}")).collect();
    let log: Vec<LoggedEvent> = s
        .log
        .iter()
        .zip(&hashes)
        .enumerate()
        .map(|(i, (event, hash))| LoggedEvent {
            seq: i as u64 + 1,
            hash,
            event,
        })
        .collect();
    published_votes(&log)
}

fn open_vote(s: &mut Session, kind: VoteKind, motion: Option<&str>) {
    s.run(
        &chair(),
        Command::OpenVote {
            kind,
            motion: motion.map(str::to_owned),
            item: None,
        },
    );
}

fn position(record: &VoteRecord, member: &str) -> Position {
    record
        .seats
        .iter()
        .find(|seat| seat.member.as_str() == member)
        .map(|seat| seat.position)
        .unwrap()
}

/// The meeting open with the twelve of 27 September present, two apologies, the rest not recorded.
fn opened() -> Session {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 50));
    s.attend(&PRESENT_27_SEP_2022, AttendanceMark::Present);
    s.attend(&["richard-palmer", "george-kup"], AttendanceMark::Apologies);
    s.run(&chair(), Command::OpenMeeting);
    s
}

#[test]
fn each_seat_reads_for_against_abstain_did_not_vote_or_absent() {
    let mut s = opened();
    open_vote(
        &mut s,
        VoteKind::GeneralResolution,
        Some("That the report be noted"),
    );
    s.vote(1, &PRESENT_27_SEP_2022[..6], Choice::For);
    s.vote(1, &PRESENT_27_SEP_2022[6..8], Choice::Against);
    s.vote(1, &PRESENT_27_SEP_2022[8..9], Choice::Abstain);
    // Cllr Feacey changes his mind; only his last ballot counts.
    s.vote(1, &["peter-feacey"], Choice::Against);
    // Cllr Fleming arrives after the vote opened: he was not present when it opened, so he cannot vote in it
    // (the presence rule, `presence.rs`), and his seat reads absent.
    s.attend(&["peter-fleming"], AttendanceMark::ArrivedLate);
    let late = s.try_run(
        &member("peter-fleming"),
        Command::CastBallot {
            vote: VoteId(1),
            choice: Choice::For,
            ballot_id: app::meeting::BallotId::new("peter-fleming-late"),
        },
    );
    assert_eq!(late, Err(app::meeting::CommandError::NotPresentWhenOpened));
    assert!(record_of(&s).is_empty(), "an open vote is never published");
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );

    let records = record_of(&s);
    assert_eq!(records.len(), 1);
    let record = &records[0];
    let table = [
        ("mike-hill", Position::For),
        ("peter-feacey", Position::Against),
        ("gary-hackwell", Position::For),
        ("jenny-hollingsbee", Position::Against),
        ("lottie-parfitt-reid", Position::Abstain),
        ("habib-tejan", Position::DidNotVote),
        ("peter-fleming", Position::Absent),
        ("richard-palmer", Position::Absent),
        ("oliver-richardson", Position::Absent),
    ];
    for (member, expected) in table {
        assert_eq!(position(record, member), expected, "{member}");
    }
    assert_eq!(record.electorate, 20);
    assert_eq!(record.threshold, None);
    assert_eq!(record.threshold_text, "a simple majority of those voting");
    assert_eq!(record.result.outcome, Outcome::Carried);
    assert_eq!(record.outcome_label, "Carried");
    assert_eq!(
        record.result.arithmetic,
        "5 for, 3 against, 1 abstained: 5 > 3, a simple majority of those voting, so carried"
    );
    // The close is the log's last event; its hash is that event's link in the chain.
    assert_eq!(record.closed_seq, s.log.len() as u64);
    assert_eq!(record.closed_hash, format!("h{}", s.log.len()));
    assert_eq!(recount(record), vec![]);
}

#[test]
fn a_vote_taken_in_private_is_published_once_the_public_are_readmitted() {
    let mut s = opened();
    s.run(
        &chair(),
        Command::ExcludePublic {
            paragraph: 1,
            item: None,
        },
    );
    open_vote(
        &mut s,
        VoteKind::GeneralResolution,
        Some("That the exempt report be agreed"),
    );
    s.vote(1, &PRESENT_27_SEP_2022, Choice::For);
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    assert!(record_of(&s).is_empty(), "published while still in private");
    s.run(&chair(), Command::ReturnToPublic);
    let records = record_of(&s);
    assert_eq!(records.len(), 1);
    assert!(records[0].in_private);
    // A later private session does not withdraw it.
    s.run(
        &chair(),
        Command::ExcludePublic {
            paragraph: 3,
            item: None,
        },
    );
    assert_eq!(record_of(&s).len(), 1);
}

#[test]
fn a_show_of_hands_names_no_one_but_still_tells_the_absent() {
    let mut s = opened();
    open_vote(&mut s, VoteKind::PreceptVeto, None);
    s.run(
        &clerk(),
        Command::RecordShowOfHands {
            vote: VoteId(1),
            for_: 2,
            against: 9,
            abstain: 0,
            casting_vote: None,
        },
    );
    let record = &record_of(&s)[0];
    assert_eq!(position(record, "mike-hill"), Position::ShowOfHands);
    assert_eq!(position(record, "richard-palmer"), Position::Absent);
    assert_eq!(record.threshold, Some(14));
    assert_eq!(record.threshold_text, "veto needs 14 of 20 members");
    assert_eq!(record.result.outcome, Outcome::NotVetoed);
    assert_eq!(recount(record), vec![]);
}

#[test]
fn one_changed_ballot_is_named_by_its_seat_and_fails_the_recount() {
    let mut s = opened();
    open_vote(
        &mut s,
        VoteKind::GeneralResolution,
        Some("That the Panel support the plan"),
    );
    s.vote(1, &PRESENT_27_SEP_2022[..8], Choice::For);
    s.vote(1, &PRESENT_27_SEP_2022[8..], Choice::Against);
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    let derived = record_of(&s);
    let mut edited = derived.clone();
    let row = edited[0]
        .seats
        .iter_mut()
        .find(|seat| seat.member.as_str() == "mike-hill")
        .unwrap();
    row.position = Position::Against;
    let seat = row.seat.clone();

    let problems = compare(&edited, &derived);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].seat.as_ref(), Some(&seat));
    assert!(
        problems[0]
            .to_string()
            .contains("published Against, the log says For"),
        "{}",
        problems[0]
    );
    let recounted = recount(&edited[0]);
    assert_eq!(recounted.len(), 1);
    assert!(
        recounted[0]
            .problem
            .contains("the rows give Carried (7 for, 5 against"),
        "{}",
        recounted[0].problem
    );

    let mut rehashed = derived.clone();
    rehashed[0].closed_hash = "0".repeat(64);
    assert_eq!(
        compare(&rehashed, &derived)[0].problem,
        "its hash at the close differs from the log"
    );
    assert_eq!(compare(&[], &derived).len(), 1);
}

#[test]
fn a_members_receipt_shows_the_ballot_that_counted() {
    let mut s = opened();
    open_vote(
        &mut s,
        VoteKind::GeneralResolution,
        Some("That the minutes be agreed"),
    );
    let first = s.run(
        &member("nancy-warne"),
        Command::CastBallot {
            vote: VoteId(1),
            choice: Choice::Against,
            ballot_id: BallotId::new("nw-1"),
        },
    );
    let last = s.run(
        &member("nancy-warne"),
        Command::CastBallot {
            vote: VoteId(1),
            choice: Choice::For,
            ballot_id: BallotId::new("nw-2"),
        },
    );
    let receipt = |events: &[Event]| match &events[0] {
        Event::BallotCast { receipt, .. } => receipt.clone(),
        other => panic!("{other:?}"),
    };
    let (superseded, counted) = (receipt(&first), receipt(&last));
    assert!(
        find_receipt(&record_of(&s), &counted) == ReceiptCheck::NotFound,
        "open: not yet"
    );
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    let records = record_of(&s);
    match find_receipt(&records, &counted) {
        ReceiptCheck::Counted {
            vote, name, choice, ..
        } => {
            assert_eq!(
                (vote, name.as_str(), choice),
                (VoteId(1), "Councillor Nancy Warne", Choice::For)
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(find_receipt(&records, &superseded), ReceiptCheck::NotFound);
}

/// One vote of a random meeting: who is present, how each of them votes, how it closes.
#[derive(Clone, Debug)]
struct RandomVote {
    veto: bool,
    present: u32,
    choices: Vec<u8>,
    show_of_hands: Option<(u8, u8, u8)>,
    casting: bool,
    private: u8,
}

fn random_vote() -> impl Strategy<Value = RandomVote> {
    (
        any::<bool>(),
        any::<u32>(),
        prop::collection::vec(0u8..5, 20),
        prop::option::weighted(0.2, (0u8..8, 0u8..8, 0u8..4)),
        any::<bool>(),
        0u8..3,
    )
        .prop_map(
            |(veto, present, choices, show_of_hands, casting, private)| RandomVote {
                veto,
                present,
                choices,
                show_of_hands,
                casting,
                private,
            },
        )
}

/// Runs the votes on the 6 December 2022 meeting; refused commands (a second precept veto, too many
/// hands) are simply refused, as they would be live.
fn run_meeting(votes: &[RandomVote]) -> Session {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 50));
    s.run(&chair(), Command::OpenMeeting);
    let people: Vec<&str> = PRESENT_27_SEP_2022
        .iter()
        .chain(&OTHERS_2022)
        .copied()
        .collect();
    for v in votes {
        for (i, id) in people.iter().enumerate() {
            let mark = if v.present & (1 << i) != 0 || *id == "mike-hill" {
                AttendanceMark::Present
            } else {
                AttendanceMark::Apologies
            };
            let _ = s.try_run(
                &clerk(),
                Command::RecordAttendance {
                    member: MemberId::new(*id),
                    mark,
                },
            );
        }
        if v.private == 1 && s.meeting.private_session().is_none() {
            let _ = s.try_run(
                &chair(),
                Command::ExcludePublic {
                    paragraph: 1,
                    item: None,
                },
            );
        }
        let (kind, motion) = if v.veto {
            (VoteKind::PreceptVeto, None)
        } else {
            (
                VoteKind::GeneralResolution,
                Some("That the report be noted".to_owned()),
            )
        };
        if s.try_run(
            &chair(),
            Command::OpenVote {
                kind,
                motion,
                item: None,
            },
        )
        .is_err()
        {
            continue;
        }
        let vote = VoteId(s.meeting.votes().len() as u32);
        let closed = match v.show_of_hands {
            Some((for_, against, abstain)) => s.try_run(
                &clerk(),
                Command::RecordShowOfHands {
                    vote,
                    for_: for_.into(),
                    against: against.into(),
                    abstain: abstain.into(),
                    casting_vote: (v.casting && !v.veto && for_ == against).then_some(Choice::For),
                },
            ),
            None => Err(CommandError::VotingClosed),
        };
        if closed.is_err() {
            for (id, choice) in people.iter().zip(&v.choices) {
                let choice = match choice {
                    0 | 1 => Choice::For,
                    2 => Choice::Against,
                    3 => Choice::Abstain,
                    _ => continue,
                };
                let ballot_id = BallotId::new(format!("{id}-{}-{choice:?}", vote.0));
                let _ = s.try_run(
                    &member(id),
                    Command::CastBallot {
                        vote,
                        choice,
                        ballot_id,
                    },
                );
            }
            let casting = if v.casting {
                Choice::For
            } else {
                Choice::Against
            };
            if s.try_run(
                &chair(),
                Command::CloseVote {
                    vote,
                    casting_vote: None,
                },
            )
            .is_err()
            {
                s.run(
                    &chair(),
                    Command::CloseVote {
                        vote,
                        casting_vote: Some(casting),
                    },
                );
            }
        }
        if v.private == 2 || s.meeting.private_session().is_some() && v.casting {
            let _ = s.try_run(&chair(), Command::ReturnToPublic);
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_published_result_recounts_to_itself_and_one_edited_ballot_is_named(
        votes in prop::collection::vec(random_vote(), 1..6),
        pick in any::<prop::sample::Index>(),
    ) {
        let s = run_meeting(&votes);
        let records = record_of(&s);
        for record in &records {
            prop_assert_eq!(recount(record), vec![]);
            prop_assert_eq!(record.seats.len() as u32, record.electorate);
            let closed = s.meeting.votes().iter().find(|v| v.id == record.vote).unwrap();
            prop_assert_eq!(Some(&record.result), closed.result.as_ref());
        }
        // Nothing closed in a private session that is still going on is published.
        for vote in s.meeting.votes() {
            let published = records.iter().any(|r| r.vote == vote.id);
            if vote.is_open() || (vote.in_private && s.meeting.private_session().is_some() && !published) {
                prop_assert!(!published);
            }
        }
        prop_assert_eq!(compare(&records, &records), vec![]);
        let voted: Vec<(usize, usize)> = records.iter().enumerate().flat_map(|(v, r)| {
            r.seats.iter().enumerate()
                .filter(|(_, s)| matches!(s.position, Position::For | Position::Against))
                .map(move |(i, _)| (v, i))
        }).collect();
        if !voted.is_empty() {
            let (v, i) = *pick.get(&voted);
            let mut edited = records.clone();
            let row = &mut edited[v].seats[i];
            row.position = if row.position == Position::For { Position::Against } else { Position::For };
            let problems = compare(&edited, &records);
            prop_assert_eq!(problems.len(), 1);
            prop_assert_eq!(problems[0].seat.as_ref(), Some(&records[v].seats[i].seat));
        }
    }
}

/// Guards the generator: runs must reach device votes, shows of hands, private votes and ties.
#[test]
fn the_generator_reaches_device_votes_shows_of_hands_and_private_votes() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = prop::collection::vec(random_vote(), 4);
    let (mut device, mut hands, mut private, mut casting) = (0, 0, 0, 0);
    for _ in 0..60 {
        let votes = strategy.new_tree(&mut runner).unwrap().current();
        for record in record_of(&run_meeting(&votes)) {
            if record.result.by_show_of_hands {
                hands += 1
            } else {
                device += 1
            }
            private += u32::from(record.in_private);
            casting += u32::from(record.result.casting_vote.is_some());
        }
    }
    assert!(
        device > 60 && hands > 10 && private > 10 && casting > 0,
        "device {device}, hands {hands}, private {private}, casting {casting}"
    );
}
