//! Stored-log compatibility: `fixtures/log-2026-12-06.json` is the 28 March 2017 demo meeting's log as the
//! real server wrote it on 6 December 2026 (signed in through links, every command over `POST
//! /api/v1/meetings/{id}/commands`: opened, attendance, an item, a declaration, a question put and answered, a
//! vote with three ballots (one changed) closed, an adjournment, resumed, closed), dumped with `sqlite3 -json`.
//! Every later build must read each row as the same event, find its hash chain intact, and replay it to the
//! same meeting. If this fails, a change broke the log format (`Event` is the persisted format: add
//! variants and `#[serde(default)]` fields, never rename).

use app::meeting::{Event, Meeting, QuestionStatus, VoteStatus};
use serde::Deserialize;
use server::store::chain_hash;

#[derive(Deserialize)]
struct Row {
    meeting_id: String,
    seq: u64,
    recorded_at: String,
    actor: String,
    payload: String,
    prev_hash: String,
    hash: String,
}

fn rows() -> Vec<Row> {
    serde_json::from_str(include_str!("../fixtures/log-2026-12-06.json"))
        .expect("the fixture reads")
}

#[test]
fn a_log_written_today_reads_back_event_for_event_with_its_chain_intact() {
    let rows = rows();
    assert_eq!(rows.len(), 18);
    let mut prev = rows[0].prev_hash.clone();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.seq, i as u64 + 1);
        assert_eq!(
            row.prev_hash, prev,
            "seq {} links to the row before",
            row.seq
        );
        let hash = chain_hash(
            &row.prev_hash,
            &row.meeting_id,
            row.seq,
            &row.recorded_at,
            &row.actor,
            &row.payload,
        );
        assert_eq!(hash, row.hash, "seq {}'s hash", row.seq);
        prev = row.hash.clone();
        // The payload reads as an event and writes back as the same JSON.
        let event: Event =
            serde_json::from_str(&row.payload).unwrap_or_else(|e| panic!("seq {}: {e}", row.seq));
        let again: serde_json::Value = serde_json::to_value(&event).unwrap();
        let stored: serde_json::Value = serde_json::from_str(&row.payload).unwrap();
        assert_eq!(again, stored, "seq {} round trip", row.seq);
        let _: app::meeting::Actor = serde_json::from_str(&row.actor).expect("the actor reads");
    }
}

#[test]
fn the_log_replays_to_the_meeting_it_recorded() {
    let mut meeting = Meeting::default();
    for row in rows() {
        meeting.apply(&serde_json::from_str(&row.payload).unwrap());
    }
    assert_eq!(meeting.seq(), 18);
    assert_eq!(meeting.phase().code(), "closed");
    let question = &meeting.questions()[0];
    assert_eq!(question.status, QuestionStatus::Answered);
    assert_eq!(
        question.answer.as_deref(),
        Some("The Commissioner described the rural crime strategy.")
    );
    let vote = &meeting.votes()[0];
    assert_eq!(vote.status, VoteStatus::Closed);
    // Two members voted; Cllr Fleming's second ballot (abstain) replaced his first (for).
    assert_eq!(vote.ballots.len(), 2);
    assert_eq!(vote.ballots_recorded, 3);
}
