//! Commands over HTTP against the real server on port 0: the two-thirds veto, crafted requests, idempotent
//! ballots, malformed bodies, and a restart that replays the log.

use crate::common::*;
use app::meeting::ids::{BallotId, ItemCode, VoteId};
use app::meeting::{
    vote::{Choice, Outcome, VoteKind},
    AttendanceMark, Command, HearingStage, MemberId,
};

/// The chair opens the demo meeting, the clerk marks all 20 members present, the chair walks the hearing to its vote stage and opens the
/// Chief Constable veto vote. Returns the chair's client.
async fn open_veto_vote(app: &TestApp) -> reqwest::Client {
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    for member in app.member_ids() {
        let mark = Command::RecordAttendance {
            member: MemberId(member),
            mark: AttendanceMark::Present,
        };
        app.ok(&clerk, DEMO, mark).await;
    }
    app.ok(
        &chair,
        DEMO,
        Command::GoToItem {
            item: ItemCode("A1".into()),
        },
    )
    .await;
    for stage in [
        HearingStage::Questions,
        HearingStage::PrivateDeliberation,
        HearingStage::Vote,
    ] {
        app.ok(&chair, DEMO, Command::SetHearingStage { stage })
            .await;
    }
    app.ok(
        &chair,
        DEMO,
        Command::OpenVote {
            kind: VoteKind::ChiefConstableVeto,
            motion: None,
            item: None,
        },
    )
    .await;
    chair
}

fn ballot(choice: Choice, id: &str) -> Command {
    Command::CastBallot {
        vote: VoteId(1),
        choice,
        ballot_id: BallotId(id.to_owned()),
    }
}

/// `for_veto` members (not the chair) vote For the veto, the rest of the non-chair members Against; the chair
/// closes. Returns the published result's outcome and arithmetic text.
async fn veto_with(for_veto: usize) -> (Outcome, String) {
    let app = spawn_app().await;
    let chair = open_veto_vote(&app).await;
    let chair_id = app.chair_id();
    let others: Vec<String> = app
        .member_ids()
        .into_iter()
        .filter(|m| *m != chair_id)
        .collect();
    for (i, member) in others.iter().enumerate() {
        let client = app.member(member).await;
        let choice = if i < for_veto {
            Choice::For
        } else {
            Choice::Against
        };
        app.ok(&client, DEMO, ballot(choice, &format!("ballot-{member}")))
            .await;
    }
    app.ok(
        &chair,
        DEMO,
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    )
    .await;
    let mut socket = app.connect(DEMO).await;
    let (_, view) = snapshot_at_least(&mut socket, 0).await;
    let result = view.votes[0]
        .result
        .clone()
        .expect("the closed vote has a published result");
    (result.outcome, result.arithmetic)
}

#[tokio::test]
async fn thirteen_of_twenty_for_the_veto_does_not_veto() {
    let (outcome, arithmetic) = veto_with(13).await;
    assert_eq!(outcome, Outcome::NotVetoed, "{arithmetic}");
    assert!(
        arithmetic.contains("13") && arithmetic.contains("14") && arithmetic.contains("20"),
        "{arithmetic}"
    );
}

#[tokio::test]
async fn fourteen_of_twenty_for_the_veto_vetoes() {
    let (outcome, arithmetic) = veto_with(14).await;
    assert_eq!(outcome, Outcome::Vetoed, "{arithmetic}");
    assert!(
        arithmetic.contains("14") && arithmetic.contains("20"),
        "{arithmetic}"
    );
}

#[tokio::test]
async fn a_crafted_request_from_the_public_is_refused_and_the_log_is_unchanged() {
    let app = spawn_app().await;
    open_veto_vote(&app).await;
    let before = app.log_len(DEMO).await;
    let public = cookie_client();
    for command in [
        ballot(Choice::For, "forged"),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
        Command::AdvanceAgenda,
    ] {
        let (status, body) = app.command(&public, DEMO, &command).await;
        assert_eq!(status, 403, "{command:?} from the public: {body}");
        assert!(
            body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "a readable reason: {body}"
        );
    }
    assert_eq!(app.log_len(DEMO).await, before);
}

#[tokio::test]
async fn a_member_outside_the_electorate_cannot_vote_and_the_log_is_unchanged() {
    let app = spawn_app().await;
    open_veto_vote(&app).await;
    let before = app.log_len(DEMO).await;
    let outsider = app.member("someone-not-on-the-panel").await;
    let (status, body) = app
        .command(&outsider, DEMO, &ballot(Choice::For, "outsider"))
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("not on the Panel's roster")),
        "{body}"
    );
    let member = app.member("peter-feacey").await;
    let (status, body) = app
        .command(
            &member,
            DEMO,
            &Command::CloseVote {
                vote: VoteId(1),
                casting_vote: None,
            },
        )
        .await;
    assert_eq!(status, 403, "a member cannot close the vote: {body}");
    assert_eq!(body["message"], "Only the chair can close a vote");
    assert_eq!(app.log_len(DEMO).await, before);
}

#[tokio::test]
async fn a_retried_ballot_is_counted_once() {
    let app = spawn_app().await;
    open_veto_vote(&app).await;
    let member = app.member("peter-feacey").await;
    let first = app
        .command(&member, DEMO, &ballot(Choice::For, "retry-me"))
        .await;
    let second = app
        .command(&member, DEMO, &ballot(Choice::For, "retry-me"))
        .await;
    assert_eq!(first.0, 200);
    assert_eq!(second.0, 200, "a retry is not an error: {}", second.1);
    assert_eq!(second.1["events"], 0, "the retry appended nothing");
    assert_eq!(second.1["seq"], first.1["seq"]);
    let mut socket = app.connect(DEMO).await;
    let (_, view) = snapshot_at_least(&mut socket, 0).await;
    assert!(
        view.votes[0].turnout.starts_with("1 of ")
            && view.votes[0].turnout.contains("present have voted"),
        "one ballot counted: {}",
        view.votes[0].turnout
    );
}

#[tokio::test]
async fn a_malformed_body_is_a_clear_400_and_changes_nothing() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let before = app.log_len(DEMO).await;
    for body in [
        "{not json",
        r#"{"type":"NoSuchCommand"}"#,
        r#"{"type":"GoToItem"}"#,
    ] {
        let response = chair
            .post(format!("{}/api/v1/meetings/{DEMO}/commands", app.base))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), 400, "{body}");
        let json: serde_json::Value = response.json().await.expect("json error body");
        assert_eq!(json["error"]["kind"], "bad_request", "{json}");
    }
    assert_eq!(app.log_len(DEMO).await, before);
}

#[tokio::test]
async fn a_command_for_an_unknown_meeting_is_404() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let (status, _) = app
        .command(&chair, "1999-01-01", &Command::OpenMeeting)
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_restart_replays_the_log_to_the_same_state_and_seq() {
    let app = spawn_app().await;
    open_veto_vote(&app).await;
    let member = app.member("peter-feacey").await;
    let seq = app
        .ok(&member, DEMO, ballot(Choice::For, "before-restart"))
        .await;
    let before = app.app_state.hub.get(DEMO).expect("demo").current();

    let app = app.restart().await;
    let after = app.app_state.hub.get(DEMO).expect("demo").current();
    assert_eq!(after.seq, seq);
    assert_eq!(
        *after.meeting, *before.meeting,
        "replaying the log rebuilds the same meeting"
    );
    assert_eq!(
        app.store
            .verify_chain(&app::meeting::MeetingId(DEMO.into()))
            .await
            .expect("chain"),
        seq
    );

    // The restarted server goes on from there: the member may still change their ballot.
    let member = app.member("peter-feacey").await;
    assert_eq!(
        app.ok(&member, DEMO, ballot(Choice::Against, "after-restart"))
            .await,
        seq + 1
    );
}

#[tokio::test]
async fn the_commissioner_records_the_answer_to_a_question_put_to_him() {
    // 28 March 2017 is the demo meeting that still takes questions (no deadline set).
    const MARCH: &str = "2017-03-28";
    let app = spawn_app().await;
    let chair = app.member("mike-hill").await;
    let asker = app.member("peter-fleming").await;
    let commissioner = app
        .client_as(app::meeting::Actor::Commissioner, "Mr Matthew Scott")
        .await;
    app.ok(&chair, MARCH, Command::OpenMeeting).await;
    let text = "What is the Commissioner doing to engage young people in rural districts?";
    app.ok(&asker, MARCH, Command::SubmitQuestion { text: text.into() })
        .await;
    let q = app::meeting::ids::QuestionId(1);
    app.ok(&chair, MARCH, Command::AcceptQuestion { question: q })
        .await;
    app.ok(&chair, MARCH, Command::PutQuestion { question: q })
        .await;

    let summary = "The Commissioner described the rural youth engagement fund.";
    let (status, body) = app
        .command(
            &asker,
            MARCH,
            &Command::RecordAnswer {
                question: q,
                summary: summary.into(),
            },
        )
        .await;
    assert_eq!(status, 403, "a member cannot record the answer: {body}");
    app.ok(
        &commissioner,
        MARCH,
        Command::RecordAnswer {
            question: q,
            summary: summary.into(),
        },
    )
    .await;

    let mut socket = app.connect(MARCH).await;
    let (_, view) = snapshot_at_least(&mut socket, 0).await;
    let question = view
        .questions
        .iter()
        .find(|question| question.id == q)
        .expect("the public see it");
    assert_eq!(question.answer.as_deref(), Some(summary));
}
