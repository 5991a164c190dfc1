//! The published vote record over HTTP against the real server on port 0: `GET …/votes` and
//! `…/votes.csv` after a veto vote taken in private, a member's receipt found in it, and
//! `server verify-votes` passing on the real export and failing, naming the row, on one changed ballot.

use crate::common::*;
use app::meeting::ids::{BallotId, ItemCode, VoteId};
use app::meeting::published_votes::{find_receipt, Position, PublishedVotes, ReceiptCheck};
use app::meeting::{
    vote::{Choice, VoteKind},
    AttendanceMark, Command, HearingStage, MeetingId, MemberId,
};
use server::verify_votes::{verify, VerifyError};

/// Apologies from these two; everyone else is present.
const AWAY: [&str; 2] = ["richard-palmer", "george-kup"];

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    reqwest::get(format!("{}{path}", app.base))
        .await
        .expect("GET")
}

async fn published(app: &TestApp) -> PublishedVotes {
    let response = get(app, &format!("/api/v1/meetings/{DEMO}/votes")).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("the record decodes")
}

/// The hearing's veto vote, in private: 13 for, 3 against, 1 abstains, the chair does not vote, two sent
/// apologies. Returns the chair's client and the receipt of one member's ballot.
async fn veto_in_private(app: &TestApp) -> (reqwest::Client, String, String) {
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    for member in app.member_ids() {
        let mark = if AWAY.contains(&member.as_str()) {
            AttendanceMark::Apologies
        } else {
            AttendanceMark::Present
        };
        let member = MemberId(member);
        app.ok(&clerk, DEMO, Command::RecordAttendance { member, mark })
            .await;
    }
    let item = ItemCode("A1".into());
    app.ok(&chair, DEMO, Command::GoToItem { item }).await;
    for stage in [
        HearingStage::Questions,
        HearingStage::PrivateDeliberation,
        HearingStage::Vote,
    ] {
        app.ok(&chair, DEMO, Command::SetHearingStage { stage })
            .await;
    }
    let exclude = Command::ExcludePublic {
        paragraph: 1,
        item: None,
    };
    app.ok(&chair, DEMO, exclude).await;
    let kind = VoteKind::ChiefConstableVeto;
    let open = Command::OpenVote {
        kind,
        motion: None,
        item: None,
    };
    app.ok(&chair, DEMO, open).await;
    let chair_id = app.chair_id();
    let voters: Vec<String> = app
        .member_ids()
        .into_iter()
        .filter(|m| *m != chair_id && !AWAY.contains(&m.as_str()))
        .collect();
    let mut receipt = String::new();
    for (i, member) in voters.iter().enumerate() {
        let choice = match i {
            0..13 => Choice::For,
            13..16 => Choice::Against,
            _ => Choice::Abstain,
        };
        let client = app.member(member).await;
        let ballot_id = BallotId(format!("ballot-{member}"));
        let vote = VoteId(1);
        let ballot = Command::CastBallot {
            vote,
            choice,
            ballot_id,
        };
        app.ok(&client, DEMO, ballot).await;
        if i == 0 {
            let (status, body) = {
                let response = client
                    .get(format!("{}/api/v1/meetings/{DEMO}", app.base))
                    .send()
                    .await
                    .expect("GET view");
                (
                    response.status(),
                    response.json::<serde_json::Value>().await.unwrap(),
                )
            };
            assert_eq!(status, 200);
            receipt = body["view"]["my_ballots"][0]["receipt"]
                .as_str()
                .expect("the member's receipt")
                .to_owned();
        }
    }
    let close = Command::CloseVote {
        vote: VoteId(1),
        casting_vote: None,
    };
    app.ok(&chair, DEMO, close).await;
    (chair, voters[0].clone(), receipt)
}

#[tokio::test]
async fn the_record_is_published_once_public_and_every_seat_reads_as_cast() {
    let app = spawn_app().await;
    assert_eq!(
        get(&app, "/api/v1/meetings/no-such-meeting/votes")
            .await
            .status(),
        404
    );
    let (chair, first_voter, receipt) = veto_in_private(&app).await;
    assert!(
        published(&app).await.votes.is_empty(),
        "a vote in a private session that has not ended is not published"
    );
    app.ok(&chair, DEMO, Command::ReturnToPublic).await;

    let record = published(&app).await;
    assert_eq!(record.votes.len(), 1);
    let vote = &record.votes[0];
    assert_eq!(
        (vote.electorate, vote.threshold, vote.outcome_label.as_str()),
        (20, Some(14), "Not vetoed")
    );
    assert!(vote.result.arithmetic.starts_with(
        "13 of 20 members voted for the veto; 3 × 13 = 39 < 2 × 20 = 40, so the proposal is not vetoed"
    ));
    let position = |member: &str| {
        vote.seats
            .iter()
            .find(|s| s.member.as_str() == member)
            .map(|s| s.position)
    };
    assert_eq!(position(&app.chair_id()), Some(Position::DidNotVote));
    assert_eq!(position("richard-palmer"), Some(Position::Absent));
    assert_eq!(position(&first_voter), Some(Position::For));
    let log = app.store.load(&MeetingId(DEMO.into())).await.unwrap();
    let close = log.last().unwrap();
    assert_eq!(
        (vote.closed_seq, vote.closed_hash.as_str()),
        (close.seq - 1, log[log.len() - 2].hash.as_str()),
        "the hash at the close is the VoteClosed event's link (the readmission followed it)"
    );
    match find_receipt(&record.votes, &app::meeting::Receipt(receipt.clone())) {
        ReceiptCheck::Counted { choice, .. } => assert_eq!(choice, Choice::For),
        other => panic!("the receipt {receipt} is not in the record: {other:?}"),
    }

    let response = get(&app, &format!("/api/v1/meetings/{DEMO}/votes.csv")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let body = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 20, "one row per seat");
    let count = |position: &str| {
        rows.iter()
            .filter(|r| &r[column("position")] == position)
            .count()
    };
    assert_eq!(
        (
            count("For"),
            count("Against"),
            count("Abstain"),
            count("Did not vote"),
            count("Absent")
        ),
        (13, 3, 1, 1, 2)
    );
    let first = rows
        .iter()
        .find(|r| r[column("member")] == first_voter)
        .unwrap();
    assert_eq!(&first[column("receipt")], receipt);
    assert_eq!(&first[column("closed_hash")], vote.closed_hash);
}

#[tokio::test]
async fn a_motion_that_looks_like_a_formula_is_neutralised_in_the_csv() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    let member = MemberId(app.chair_id());
    let mark = AttendanceMark::Present;
    app.ok(&clerk, DEMO, Command::RecordAttendance { member, mark })
        .await;
    let motion = "=HYPERLINK(\"http://evil.example\",\"click\")".to_owned();
    let kind = VoteKind::GeneralResolution;
    let open = Command::OpenVote {
        kind,
        motion: Some(motion.clone()),
        item: None,
    };
    app.ok(&chair, DEMO, open).await;
    let ballot = Command::CastBallot {
        vote: VoteId(1),
        choice: Choice::For,
        ballot_id: BallotId("b1".into()),
    };
    app.ok(&chair, DEMO, ballot).await;
    let close = Command::CloseVote {
        vote: VoteId(1),
        casting_vote: None,
    };
    app.ok(&chair, DEMO, close).await;
    let body = get(&app, &format!("/api/v1/meetings/{DEMO}/votes.csv"))
        .await
        .text()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[3], format!("'{motion}"));
    assert!(row
        .iter()
        .all(|cell| !cell.starts_with(['=', '+', '-', '@'])));
}

#[tokio::test]
async fn verify_votes_passes_on_the_real_export_and_names_one_changed_ballot() {
    let app = spawn_app().await;
    let (chair, first_voter, _) = veto_in_private(&app).await;
    app.ok(&chair, DEMO, Command::ReturnToPublic).await;
    let export = get(&app, &format!("/api/v1/meetings/{DEMO}/votes"))
        .await
        .text()
        .await
        .unwrap();
    let meeting = MeetingId(DEMO.into());
    let record: PublishedVotes = serde_json::from_str(&export).unwrap();
    let ok = verify(&app.store, &meeting, &record)
        .await
        .expect("verifies");
    assert_eq!(ok.votes, 1);

    let mut edited = record.clone();
    let row = edited.votes[0]
        .seats
        .iter_mut()
        .find(|s| s.member.as_str() == first_voter)
        .unwrap();
    row.position = Position::Against;
    let seat = row.seat.clone();
    match verify(&app.store, &meeting, &edited).await {
        Err(VerifyError::Edited(problems)) => {
            assert!(
                problems.iter().any(|p| p.seat.as_ref() == Some(&seat)
                    && p.problem.contains("published Against, the log says For")),
                "{problems:?}"
            );
        }
        other => panic!("an edited ballot verified: {other:?}"),
    }

    // The command line, on the same database, with the real file and the edited one.
    let dir = app.db_dir.path();
    let (good, bad) = (dir.join("votes.json"), dir.join("edited.json"));
    std::fs::write(&good, &export).unwrap();
    std::fs::write(&bad, serde_json::to_string(&edited).unwrap()).unwrap();
    let cli = |file: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .env("DATABASE_URL", &app.database_url)
            .env("RUST_LOG", "warn")
            .args(["verify-votes", "--meeting", DEMO, "--file"])
            .arg(file)
            .output()
            .expect("runs")
    };
    let passed = cli(&good);
    assert!(
        passed.status.success(),
        "{}",
        String::from_utf8_lossy(&passed.stderr)
    );
    assert!(String::from_utf8_lossy(&passed.stdout).contains("ok, 1 vote(s)"));
    let failed = cli(&bad);
    assert!(!failed.status.success(), "the edited export passed");
    let said = String::from_utf8_lossy(&failed.stderr);
    assert!(
        said.contains(&format!("EDITED: vote 1, seat {seat}")),
        "{said}"
    );
}
