//! The pure core's hot path on the seeded 20-member meeting of 6 December 2022: `decide` a ballot, `apply`
//! its event, `project` the public and the chair's views, and serialize the public snapshot (what the
//! server does once per public change). Run with `cargo bench -p app --bench core`.

use app::demo;
use app::meeting::ids::{BallotId, VoteId};
use app::meeting::vote::{Choice, VoteKind};
use app::meeting::{project, Actor, AttendanceMark, Command, Meeting, MemberId, Timestamp};
use app::protocol::ServerMsg;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const NOW: Timestamp = Timestamp(1_670_320_800_000); // 6 Dec 2022 10:00 GMT

fn run(meeting: &mut Meeting, actor: &Actor, command: Command) {
    let events = meeting.decide(actor, command, NOW).expect("accepted");
    for event in &events {
        meeting.apply(event);
    }
}

/// The demo meeting opened, all 20 members present, a general resolution open.
fn voting_meeting() -> (Meeting, Actor, Vec<MemberId>) {
    let mut meeting = demo::demo_meeting("2022-12-06").expect("the demo meeting");
    let members: Vec<MemberId> = meeting.members().into_iter().map(|(id, _, _)| id).collect();
    assert_eq!(members.len(), 20, "a 20-member panel");
    let chair = meeting
        .members()
        .into_iter()
        .find(|(_, _, chair)| *chair)
        .map(|(id, _, _)| Actor::Member { member: id })
        .expect("a chair");
    let clerk = Actor::Clerk {
        name: "Bench Clerk".into(),
    };
    run(&mut meeting, &chair, Command::OpenMeeting);
    for member in &members {
        let mark = Command::RecordAttendance {
            member: member.clone(),
            mark: AttendanceMark::Present,
        };
        run(&mut meeting, &clerk, mark);
    }
    run(&mut meeting, &chair, Command::AdvanceAgenda);
    let open = Command::OpenVote {
        kind: VoteKind::GeneralResolution,
        motion: Some("That the Panel notes the report".into()),
        item: None,
    };
    run(&mut meeting, &chair, open);
    (meeting, chair, members)
}

fn ballot(k: usize) -> Command {
    Command::CastBallot {
        vote: VoteId(1),
        choice: if k.is_multiple_of(2) {
            Choice::For
        } else {
            Choice::Against
        },
        ballot_id: BallotId(format!("bench-{k}")),
    }
}

fn core(c: &mut Criterion) {
    let (meeting, chair, members) = voting_meeting();
    let voter = Actor::Member {
        member: members[3].clone(),
    };
    c.bench_function("decide: cast ballot (20 members)", |b| {
        b.iter(|| black_box(meeting.decide(&voter, black_box(ballot(7)), NOW)))
    });
    let events = meeting.decide(&voter, ballot(7), NOW).expect("accepted");
    c.bench_function("apply: ballot cast (20 members)", |b| {
        b.iter_batched_ref(
            || meeting.clone(),
            |m| m.apply(black_box(&events[0])),
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("project: public view (20 members)", |b| {
        b.iter(|| black_box(project(&meeting, &Actor::Public)))
    });
    c.bench_function("project: chair's view (20 members)", |b| {
        b.iter(|| black_box(project(&meeting, &chair)))
    });
    c.bench_function("serialize: public snapshot (20 members)", |b| {
        b.iter(|| {
            let msg = ServerMsg::Snapshot {
                seq: meeting.seq(),
                view: Box::new(project(&meeting, &Actor::Public)),
            };
            black_box(serde_json::to_string(&msg).expect("serializes"))
        })
    });
}

criterion_group!(benches, core);
criterion_main!(benches);
