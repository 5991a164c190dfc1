//! The event store's contract, run against each database the server supports: a fresh SQLite file per test,
//! and a fresh PostgreSQL cluster per test (`common/postgres.rs`). Each contract is written once as an
//! `async fn(&TestDb)`; `contract!` makes a `#[tokio::test]` of it per database.

use std::collections::BTreeSet;

use app::demo;
use app::meeting::{Actor, Event, Meeting, MeetingId};
use server::{
    error::StoreError,
    store::{Backend, EventStore},
};

use crate::common::postgres;

/// A store on a database that lives as long as this value (also used by `links`' store contract).
pub(crate) struct TestDb {
    pub(crate) store: EventStore,
    url: String,
    _sqlite: Option<tempfile::TempDir>,
    _postgres: Option<postgres::TestPostgres>,
}

impl TestDb {
    pub(crate) async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("log.db").display());
        let store = EventStore::connect(&url).await.expect("store opens");
        assert_eq!(store.backend(), Backend::Sqlite);
        Self {
            store,
            url,
            _sqlite: Some(dir),
            _postgres: None,
        }
    }

    pub(crate) async fn postgres() -> Self {
        let cluster = tokio::task::spawn_blocking(postgres::TestPostgres::start)
            .await
            .expect("cluster starts");
        let url = cluster.create("panelcast").await;
        let store = EventStore::connect(&url).await.expect("store opens");
        assert_eq!(store.backend(), Backend::Postgres);
        Self {
            store,
            url,
            _sqlite: None,
            _postgres: Some(cluster),
        }
    }
}

macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                super::$name(&super::TestDb::sqlite().await).await;
            })*
        }
        mod postgresql {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                super::$name(&super::TestDb::postgres().await).await;
            })*
        }
    };
}
pub(crate) use contract;

contract!(
    appended_events_load_back_in_order_with_their_actor_and_time,
    an_append_with_a_stale_seq_is_a_conflict_and_writes_nothing,
    an_empty_append_changes_nothing,
    meetings_have_independent_sequences,
    load_after_returns_only_the_later_events,
    two_writers_racing_for_one_seq_one_wins_the_other_conflicts,
    an_instance_whose_last_append_was_overtaken_conflicts_then_continues_the_chain,
    an_append_too_large_for_one_statement_is_written_whole_or_not_at_all,
    appends_to_different_meetings_at_once_all_succeed,
    the_hash_chain_verifies_and_detects_an_edited_row,
    replaying_the_log_rebuilds_the_state_that_was_applied_live,
    a_reopened_database_keeps_every_event,
);

fn demo() -> (MeetingId, Vec<Event>) {
    demo::demo_meetings()
        .into_iter()
        .next()
        .expect("at least one demo meeting")
}

/// `n` events for tests of the log alone (the store does not interpret them): the demo's first, repeated.
fn log_of(n: usize) -> Vec<Event> {
    let (_, events) = demo();
    vec![events[0].clone(); n]
}

const AT: &str = "2022-12-06T10:00:00Z";

async fn appended_events_load_back_in_order_with_their_actor_and_time(db: &TestDb) {
    let store = &db.store;
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

async fn an_append_with_a_stale_seq_is_a_conflict_and_writes_nothing(db: &TestDb) {
    let store = &db.store;
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

async fn an_empty_append_changes_nothing(db: &TestDb) {
    let store = &db.store;
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

async fn meetings_have_independent_sequences(db: &TestDb) {
    let store = &db.store;
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
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    );
}

async fn the_hash_chain_verifies_and_detects_an_edited_row(db: &TestDb) {
    let store = &db.store;
    let (id, events) = demo();
    store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect("append");
    assert_eq!(
        store.verify_chain(&id).await.expect("chain intact"),
        events.len() as u64
    );

    sqlx::query("UPDATE meeting_event SET recorded_at = '2022-12-06T09:00:00Z' WHERE meeting_id = $1 AND seq = 1")
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

async fn replaying_the_log_rebuilds_the_state_that_was_applied_live(db: &TestDb) {
    let store = &db.store;
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

async fn a_reopened_database_keeps_every_event(db: &TestDb) {
    let store = &db.store;
    let (id, events) = demo();
    store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect("append");
    store.pool().close().await;
    let reopened = EventStore::connect(&db.url).await.expect("reopen");
    assert_eq!(reopened.load(&id).await.expect("load").len(), events.len());
    assert_eq!(
        reopened.verify_chain(&id).await.expect("chain"),
        events.len() as u64
    );
}

async fn load_after_returns_only_the_later_events(db: &TestDb) {
    let store = &db.store;
    let (id, _) = demo();
    let events = log_of(5);
    store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect("append");
    let later = store.load_after(&id, 2).await.expect("load after");
    assert_eq!(later.len(), events.len() - 2);
    assert_eq!(later[0].seq, 3);
    assert_eq!(later[0].event, events[2]);
    let all = store.load(&id).await.expect("load");
    assert_eq!(later[..], all[2..]);
    assert!(store
        .load_after(&id, events.len() as u64)
        .await
        .expect("nothing after the end")
        .is_empty());
}

/// Two server instances (or a stale writer) append at the same seq at once: the log does not fork.
async fn two_writers_racing_for_one_seq_one_wins_the_other_conflicts(db: &TestDb) {
    let store = &db.store;
    let (id, events) = demo();
    let events = [events, log_of(1)].concat();
    store
        .append(&id, 0, &Actor::System, AT, &events)
        .await
        .expect("seed");
    let at = events.len() as u64;
    let for_rounds = 10;
    for round in 0..for_rounds {
        let base = at + round;
        let (a, b) = tokio::join!(
            store.append(&id, base, &Actor::System, AT, &events[..1]),
            store.append(&id, base, &Actor::Commissioner, AT, &events[1..2]),
        );
        let won = [&a, &b].iter().filter(|r| r.is_ok()).count();
        assert_eq!(won, 1, "round {round}: exactly one wins: {a:?} {b:?}");
        for lost in [a, b].into_iter().filter_map(Result::err) {
            assert!(
                matches!(lost, StoreError::Conflict { expected, .. } if expected == base),
                "round {round}: the loser sees a conflict, got {lost:?}"
            );
        }
    }
    let log = store.load(&id).await.expect("load");
    assert_eq!(log.len() as u64, at + for_rounds);
    assert_eq!(
        store.verify_chain(&id).await.expect("chain intact"),
        at + for_rounds
    );
}

/// Two instances on one database: A appends, B (its own store, its own remembered heads) appends after it,
/// then A appends again from the seq it last wrote. A's shortcut (it remembers its own last head) must not
/// fork the log: the append is a conflict and writes nothing; after catching up A appends after B's event,
/// and the chain verifies across the writers.
async fn an_instance_whose_last_append_was_overtaken_conflicts_then_continues_the_chain(
    db: &TestDb,
) {
    let a = &db.store;
    let b = EventStore::connect(&db.url).await.expect("second instance");
    let id = MeetingId("shared".into());
    // `n` events after `from`, as `actor`; the seq of the last.
    let append = |store: &EventStore, from: u64, actor: Actor, n: usize| {
        let (store, id) = (store.clone(), id.clone());
        async move { store.append(&id, from, &actor, AT, &log_of(n)).await }
    };
    assert_eq!(append(a, 0, Actor::System, 2).await.expect("A"), 2);
    assert_eq!(append(&b, 2, Actor::Commissioner, 1).await.expect("B"), 3);
    let stale = append(a, 2, Actor::System, 2)
        .await
        .expect_err("A's head is stale");
    assert!(
        matches!(stale, StoreError::Conflict { expected: 2, .. }),
        "got {stale:?}"
    );
    let log = a.load(&id).await.expect("load");
    assert_eq!(log.len(), 3, "the refused append wrote nothing");
    assert_eq!(log[2].actor, Actor::Commissioner);
    assert_eq!(append(a, 3, Actor::System, 2).await.expect("A again"), 5);
    assert_eq!(
        append(&b, 5, Actor::Commissioner, 1)
            .await
            .expect("B again"),
        6
    );
    assert_eq!(a.verify_chain(&id).await.expect("one chain"), 6);
}

/// An append of more rows than one statement takes (500) goes in as several statements in one transaction:
/// all of it in order with one unbroken chain, or — when its seq is taken — none of it.
async fn an_append_too_large_for_one_statement_is_written_whole_or_not_at_all(db: &TestDb) {
    let store = &db.store;
    let id = MeetingId("large".into());
    let events = log_of(1_201);
    assert_eq!(
        store
            .append(&id, 0, &Actor::System, AT, &events)
            .await
            .expect("large append"),
        1_201
    );
    let stale = store
        .append(&id, 1_000, &Actor::System, AT, &events)
        .await
        .expect_err("seq 1,001 is taken");
    assert!(
        matches!(
            stale,
            StoreError::Conflict {
                expected: 1_000,
                ..
            }
        ),
        "got {stale:?}"
    );
    assert_eq!(
        store
            .append(&id, 1_201, &Actor::System, AT, &events[..1])
            .await
            .expect("the next append"),
        1_202
    );
    let log = store.load(&id).await.expect("load");
    assert_eq!(log.len(), 1_202, "the refused append wrote nothing");
    assert!(log.iter().zip(1..).all(|(e, seq)| e.seq == seq));
    assert_eq!(store.verify_chain(&id).await.expect("one chain"), 1_202);

    // The stale append above is refused before its first statement (the head check). Here the head check
    // passes (this store remembers its own last append as the head) and the first statement (seqs
    // 1,203–1,702) goes in; a row another writer put at seq 1,800 then fails the second statement, and the
    // transaction must take the first statement's 500 rows back out.
    sqlx::query(
        "INSERT INTO meeting_event (meeting_id, seq, recorded_at, actor, payload, prev_hash, hash) \
         VALUES ($1, 1800, $2, 'null', 'null', 'x', 'y')",
    )
    .bind(&id.0)
    .bind(AT)
    .execute(store.pool())
    .await
    .expect("a row from another writer");
    let failed = store
        .append(&id, 1_202, &Actor::System, AT, &events[..1_000])
        .await
        .expect_err("seq 1,800 is taken");
    assert!(
        matches!(
            failed,
            StoreError::Conflict {
                expected: 1_202,
                ..
            }
        ),
        "got {failed:?}"
    );
    let (written,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM meeting_event WHERE meeting_id = $1 AND seq > 1202 AND seq < 1800",
    )
    .bind(&id.0)
    .fetch_one(store.pool())
    .await
    .expect("count");
    assert_eq!(written, 0, "the first statement's rows were rolled back");
    sqlx::query("DELETE FROM meeting_event WHERE meeting_id = $1 AND seq = 1800")
        .bind(&id.0)
        .execute(store.pool())
        .await
        .expect("the other writer's row removed");
    assert_eq!(
        store
            .append(&id, 1_202, &Actor::System, AT, &events[..1_000])
            .await
            .expect("the same append, once the seq is free"),
        2_202
    );
    assert_eq!(store.verify_chain(&id).await.expect("one chain"), 2_202);
}

/// Each meeting has its own writer, so appends to different meetings do overlap; none may fail.
async fn appends_to_different_meetings_at_once_all_succeed(db: &TestDb) {
    let store = &db.store;
    let events = log_of(2);
    let ids: Vec<MeetingId> = (0..6).map(|i| MeetingId(format!("m{i}"))).collect();
    for round in 0..10u64 {
        let appends = ids.iter().map(|id| {
            let events = &events[..2];
            async move {
                store
                    .append(id, round * 2, &Actor::System, AT, events)
                    .await
            }
        });
        for result in futures_util::future::join_all(appends).await {
            assert_eq!(result.expect("append succeeds"), round * 2 + 2);
        }
    }
    for id in &ids {
        assert_eq!(store.verify_chain(id).await.expect("chain"), 20);
    }
}
