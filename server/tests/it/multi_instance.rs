//! Several server instances on one PostgreSQL database (each on port 0, with its own hub): a change made
//! through one reaches the viewers of the other, sessions work on both, and commands sent to both at once
//! all land in one unforked, hash-chained log that both instances end up agreeing on.

use std::time::Duration;

use crate::common::{postgres::TestPostgres, *};
use app::meeting::{Actor, Attendance, AttendanceMark, Command, MeetingId, MemberId};
use app::protocol::{Follower, ServerMsg};

/// A fresh cluster with one database, and two instances on it.
async fn two_instances() -> (TestPostgres, TestApp, TestApp) {
    let cluster = tokio::task::spawn_blocking(TestPostgres::start)
        .await
        .expect("cluster starts");
    let url = cluster.create("panelcast").await;
    let a = spawn_app_at(&url).await;
    let b = spawn_app_at(&url).await;
    (cluster, a, b)
}

/// Waits (up to 5 s) until `app`'s writer for the demo meeting holds `seq`.
async fn until_seq(app: &TestApp, seq: u64) {
    until_seq_of(app, DEMO, seq).await
}

async fn until_seq_of(app: &TestApp, meeting: &str, seq: u64) {
    let handle = app.app_state.hub.get(meeting).expect("meeting served");
    let mut published = handle.subscribe();
    tokio::time::timeout(Duration::from_secs(5), published.wait_for(|p| p.seq >= seq))
        .await
        .unwrap_or_else(|_| panic!("instance at {} never reached seq {seq}", app.addr))
        .expect("writer alive");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_made_on_one_instance_reaches_the_viewers_of_the_other() {
    let (_cluster, a, b) = two_instances().await;
    // The second instance found the demo meetings the first one seeded, rather than seeding them again: each
    // demo meeting's log is its one scheduling event, and both serve the same meetings.
    assert_eq!(a.log_len(DEMO).await, 1);
    let ids = |app: &TestApp| {
        app.app_state
            .hub
            .meetings()
            .into_iter()
            .map(|(id, _)| id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(ids(&a).len(), app::demo::demo_specs().len());

    let mut socket = b.connect(DEMO).await;
    let mut follower = Follower::new();
    let (before, view) = next_view(&mut socket, &mut follower).await;
    assert_ne!(view.phase, "open");

    let chair = a.chair().await;
    let seq = a.ok(&chair, DEMO, Command::OpenMeeting).await;
    assert_eq!(seq, before + 1);
    let (got, view) = view_at_least(&mut socket, &mut follower, seq).await;
    assert_eq!(got, seq);
    assert_eq!(view.phase, "open");

    // The session made through instance A's link is good on instance B: sessions live in the database.
    let (status, body) = b.command(&chair, DEMO, &Command::AdvanceAgenda).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["seq"].as_u64(), Some(seq + 1));
    until_seq(&a, seq + 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_sent_to_both_instances_at_once_all_land_in_one_log() {
    let (_cluster, a, b) = two_instances().await;
    let chair = a.chair().await;
    let opened = a.ok(&chair, DEMO, Command::OpenMeeting).await;
    let clerk_a = a.clerk().await;
    let clerk_b = b.clerk().await;
    let members = a.member_ids();

    // The roll call split between two clerks at two instances, all sent at once (measured: 9 to 16 of the
    // 20 appends lose the race for their seq to the other instance and are decided again).
    let marks = members.iter().enumerate().map(|(i, member)| {
        let (app, clerk) = if i % 2 == 0 {
            (&a, &clerk_a)
        } else {
            (&b, &clerk_b)
        };
        let command = Command::RecordAttendance {
            member: MemberId(member.clone()),
            mark: AttendanceMark::Present,
        };
        async move { app.command(clerk, DEMO, &command).await }
    });
    for (status, body) in futures_util::future::join_all(marks).await {
        assert_eq!(status, 200, "every mark is accepted: {body}");
    }

    let last = opened + members.len() as u64;
    until_seq(&a, last).await;
    until_seq(&b, last).await;
    let id = MeetingId(DEMO.to_owned());
    assert_eq!(
        a.store.verify_chain(&id).await.expect("chain intact"),
        last,
        "one event per mark, no fork, no gap"
    );
    for app in [&a, &b] {
        let meeting = &app.app_state.hub.get(DEMO).expect("demo").current().meeting;
        assert_eq!(meeting.seq(), last);
        for member in &members {
            assert_eq!(
                meeting.attendance(&MemberId(member.clone())),
                Attendance::Present {
                    arrived_during: None
                },
                "{member} at {}",
                app.addr
            );
        }
    }
}

/// The conflict path made deterministic: another writer (as another instance would) appends behind the
/// hub's back, on SQLite where no notification wakes the writer. The next command's append finds the seq
/// taken; the writer catches up, decides again on the newer state, and the command still lands, after the
/// other writer's event.
#[tokio::test]
async fn a_writer_that_lost_the_race_for_a_seq_catches_up_and_decides_again() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let opened = app.ok(&chair, DEMO, Command::OpenMeeting).await;
    let member = MemberId(app.member_ids()[3].clone());

    let clerk = Actor::Clerk {
        name: "Other Instance".into(),
    };
    let elsewhere = (*app.app_state.hub.get(DEMO).expect("demo").current().meeting).clone();
    let mark = Command::RecordAttendance {
        member: member.clone(),
        mark: AttendanceMark::Apologies,
    };
    let events = elsewhere
        .decide(&clerk, mark, server::clock::now())
        .expect("the other writer's command is valid");
    let id = MeetingId(DEMO.to_owned());
    let at = server::clock::rfc3339(server::clock::now());
    app.store
        .append(&id, opened, &clerk, &at, &events)
        .await
        .expect("the other writer appends");

    let seq = app.ok(&chair, DEMO, Command::AdvanceAgenda).await;
    assert_eq!(
        seq,
        opened + 2,
        "after the other writer's event, not over it"
    );
    let meeting = &app.app_state.hub.get(DEMO).expect("demo").current().meeting;
    assert_eq!(meeting.seq(), seq);
    assert_eq!(meeting.attendance(&member), Attendance::Apologies);
    assert_eq!(
        app.store.verify_chain(&id).await.expect("chain intact"),
        seq
    );
}

/// Signing out through one instance closes the session's live socket on the other: the sign-out is announced
/// to every instance, and the session is ended in the shared database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_on_one_instance_closes_the_sessions_socket_on_the_other() {
    let (_cluster, a, b) = two_instances().await;
    let cookie = a
        .session_cookie(member_actor("peter-feacey"), "Cllr Peter Feacey")
        .await;
    let mut socket = b.connect_with_cookie(DEMO, &cookie).await;
    let ServerMsg::Snapshot { view, .. } = next_msg(&mut socket).await else {
        panic!("snapshot")
    };
    assert!(
        view.viewer.member.is_some(),
        "B knows the member signed in through A"
    );

    a.sign_out(&cookie).await;
    let saw_closing = closed_with_reason(&mut socket).await;
    assert!(saw_closing, "B said why it closed");
}

/// A meeting scheduled through one instance is served by the other at once: its notification names a
/// meeting the other does not serve yet, which it adopts from the log.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_scheduled_on_one_instance_is_served_by_the_other() {
    let (_cluster, a, b) = two_instances().await;
    let mut summons: serde_json::Value =
        reqwest::get(format!("{}/api/v1/meetings/{DEMO}/summons", a.base))
            .await
            .expect("summons")
            .json()
            .await
            .expect("json");
    summons["id"] = "2023-02-07".into();
    let response = a
        .clerk()
        .await
        .post(format!("{}/api/v1/meetings", a.base))
        .json(&summons)
        .send()
        .await
        .expect("schedule through A");
    assert_eq!(response.status(), 201);

    let served = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            if let Some(handle) = b.app_state.hub.get("2023-02-07") {
                return handle;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("B serves the new meeting within 5 s");
    assert_eq!(served.seq(), 1);
    let chair = b.chair().await;
    assert_eq!(b.ok(&chair, "2023-02-07", Command::OpenMeeting).await, 2);
    until_seq_of(&a, "2023-02-07", 2).await;
}
