//! The event store's contract, against a fresh SQLite file per test.

use app::meeting::{seed, Actor, Event, Meeting, MeetingId};
use server::{error::StoreError, store::EventStore};

async fn fresh_store() -> (tempfile::TempDir, EventStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("log.db").display());
    let store = EventStore::connect(&url).await.expect("store opens");
    (dir, store)
}

fn demo() -> (MeetingId, Vec<Event>) {
    seed::demo_meetings()
        .into_iter()
        .next()
        .expect("at least one demo meeting")
}

const AT: &str = "2022-12-06T10:00:00Z";

#[tokio::test]
async fn appended_events_load_back_in_order_with_their_actor_and_time() {
    let (_dir, store) = fresh_store().await;
    let (id, events) = demo();
    let last = store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect("append");
    assert_eq!(last, events.len() as u64);
    let loaded = store.load(&id).await.expect("load");
    assert_eq!(loaded.len(), events.len());
    for (i, (stored, original)) in loaded.iter().zip(&events).enumerate() {
        assert_eq!(stored.seq, i as u64 + 1);
        assert_eq!(&stored.event, original);
        assert_eq!(stored.actor, Actor::System);
        assert_eq!(stored.recorded_at, AT);
    }
}

#[tokio::test]
async fn an_append_with_a_stale_seq_is_a_conflict_and_writes_nothing() {
    let (_dir, store) = fresh_store().await;
    let (id, events) = demo();
    store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect("first append");
    let error = store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect_err("stale seq refused");
    assert!(
        matches!(error, StoreError::Conflict { expected: 0, .. }),
        "got {error:?}"
    );
    assert_eq!(store.load(&id).await.expect("load").len(), events.len());
}

#[tokio::test]
async fn an_empty_append_changes_nothing() {
    let (_dir, store) = fresh_store().await;
    let (id, _) = demo();
    assert_eq!(
        store
            .append(&id, 0, &Actor::System, AT, &[])
            .await
            .expect("empty append"),
        0
    );
    assert!(store.load(&id).await.expect("load").is_empty());
    assert!(store.meeting_ids().await.expect("ids").is_empty());
}

#[tokio::test]
async fn meetings_have_independent_sequences() {
    let (_dir, store) = fresh_store().await;
    let (id, events) = demo();
    let other = MeetingId("another".into());
    store
        .append(&id, 0, &Actor::System, AT, &events[..1])
        .await
        .expect("append a");
    store
        .append(&other, 0, &Actor::System, AT, &events[..1])
        .await
        .expect("append b");
    assert_eq!(store.load(&other).await.expect("load")[0].seq, 1);
    assert_eq!(
        store.meeting_ids().await.expect("ids"),
        vec![id.clone(), other]
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn the_hash_chain_verifies_and_detects_an_edited_row() {
    let (_dir, store) = fresh_store().await;
    let (id, events) = demo();
    store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect("append");
    assert_eq!(
        store.verify_chain(&id).await.expect("chain intact"),
        events.len() as u64
    );

    sqlx::query("UPDATE meeting_event SET recorded_at = '2022-12-06T09:00:00Z' WHERE meeting_id = ? AND seq = 1")
        .bind(&id.0)
        .execute(store.pool())
        .await
        .expect("tamper");
    let error = store
        .verify_chain(&id)
        .await
        .expect_err("tampering detected");
    assert!(
        matches!(error, StoreError::BrokenChain { seq: 1, .. }),
        "got {error:?}"
    );
}

#[tokio::test]
async fn replaying_the_log_rebuilds_the_state_that_was_applied_live() {
    let (_dir, store) = fresh_store().await;
    let (id, events) = demo();
    let mut live = Meeting::default();
    for event in &events {
        live.apply(event);
    }
    store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect("append");
    let mut replayed = Meeting::default();
    for stored in store.load(&id).await.expect("load") {
        replayed.apply(&stored.event);
    }
    assert_eq!(replayed, live);
    assert_eq!(replayed.seq(), events.len() as u64);
}

#[tokio::test]
async fn a_reopened_database_keeps_every_event() {
    let (dir, store) = fresh_store().await;
    let (id, events) = demo();
    store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect("append");
    store.pool().close().await;
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("log.db").display());
    let reopened = EventStore::connect(&url).await.expect("reopen");
    assert_eq!(reopened.load(&id).await.expect("load").len(), events.len());
    assert_eq!(
        reopened.verify_chain(&id).await.expect("chain"),
        events.len() as u64
    );
}
