//! The websocket connection loop driven through channels (it is generic over Sink/Stream): slow readers skip
//! to the latest state, seqs never go backwards, a reader that stops reading is dropped.

use std::{sync::Arc, time::Duration};

use app::demo;
use app::meeting::{Actor, Command, Meeting, Timestamp};
use app::protocol::ServerMsg;
use axum::extract::ws::Message;
use server::{hub::Published, ws::serve_viewer};
use tokio::sync::{mpsc, watch};
use tokio_util::sync::{CancellationToken, PollSender};

/// Successive published versions of the demo meeting: scheduled, opened, then the chair walking the agenda.
fn demo_versions() -> Vec<Arc<Published>> {
    let (_, events) = demo::demo_meetings()
        .into_iter()
        .next()
        .expect("a demo meeting");
    let mut meeting = Meeting::default();
    for event in &events {
        meeting.apply(event);
    }
    let chair = meeting
        .members()
        .into_iter()
        .find(|(_, _, chair)| *chair)
        .expect("a chair")
        .0;
    let chair = Actor::Member { member: chair };
    let mut versions = vec![Arc::new(Published::of(&meeting))];
    let mut command = Command::OpenMeeting;
    let now = Timestamp(1_670_320_800_000); // 6 Dec 2022 10:00 GMT
    while let Ok(events) = meeting.decide(&chair, command, now) {
        for event in &events {
            meeting.apply(event);
        }
        versions.push(Arc::new(Published::of(&meeting)));
        command = Command::AdvanceAgenda;
    }
    versions
}

fn seq_of(message: Message) -> u64 {
    let Message::Text(text) = message else {
        panic!("a text frame")
    };
    match serde_json::from_str::<ServerMsg>(&text).expect("a ServerMsg") {
        ServerMsg::Snapshot { seq, .. } => seq,
        other => panic!("expected a snapshot, got {other:?}"),
    }
}

#[tokio::test]
async fn a_slow_reader_skips_intermediate_versions_and_ends_on_the_latest() {
    let versions = demo_versions();
    assert!(versions.len() >= 3, "the demo has several events");
    let (publisher, published) = watch::channel(versions[0].clone());
    // Room for one message only: the reader is not reading while the versions are published.
    let (sink, mut received) = mpsc::channel::<Message>(1);
    let (_client, incoming) = mpsc::channel::<Result<Message, std::io::Error>>(1);
    let connection = tokio::spawn(serve_viewer(
        PollSender::new(sink),
        tokio_stream_from(incoming),
        published,
        Actor::Public,
        CancellationToken::new(),
    ));
    for version in &versions[1..] {
        publisher.send_replace(version.clone());
        tokio::task::yield_now().await;
    }
    let last = versions.last().expect("a last version").seq;
    let mut seqs = Vec::new();
    while seqs.last() != Some(&last) {
        let message = tokio::time::timeout(Duration::from_secs(5), received.recv())
            .await
            .expect("in time")
            .expect("open");
        seqs.push(seq_of(message));
    }
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "seqs only move forward: {seqs:?}"
    );
    assert!(
        seqs.len() < versions.len(),
        "intermediate versions were skipped: {seqs:?}"
    );
    connection.abort();
}

#[tokio::test(start_paused = true)]
async fn a_reader_that_stops_reading_is_dropped() {
    let versions = demo_versions();
    let (publisher, published) = watch::channel(versions[0].clone());
    let (sink, never_read) = mpsc::channel::<Message>(1);
    let (_client, incoming) = mpsc::channel::<Result<Message, std::io::Error>>(1);
    let connection = tokio::spawn(serve_viewer(
        PollSender::new(sink),
        tokio_stream_from(incoming),
        published,
        Actor::Public,
        CancellationToken::new(),
    ));
    while never_read.is_empty() {
        tokio::task::yield_now().await; // until the first snapshot is in the (one-slot) socket buffer
    }
    publisher.send_replace(versions[1].clone());
    // The first snapshot fills the buffer; the next send waits for the send timeout, then the loop ends.
    tokio::time::timeout(server::ws::SEND_TIMEOUT * 3, connection)
        .await
        .expect("the connection ended by itself")
        .expect("no panic");
}

#[tokio::test]
async fn signing_out_ends_the_connection_with_a_closing_message() {
    let versions = demo_versions();
    let (_publisher, published) = watch::channel(versions[0].clone());
    let (sink, mut received) = mpsc::channel::<Message>(8);
    let (_client, incoming) = mpsc::channel::<Result<Message, std::io::Error>>(1);
    let signed_out = CancellationToken::new();
    let connection = tokio::spawn(serve_viewer(
        PollSender::new(sink),
        tokio_stream_from(incoming),
        published,
        Actor::Public,
        signed_out.clone(),
    ));
    assert_eq!(
        seq_of(received.recv().await.expect("snapshot")),
        versions[0].seq
    );
    signed_out.cancel();
    let Some(Message::Text(text)) = received.recv().await else {
        panic!("a closing message")
    };
    assert!(matches!(
        serde_json::from_str::<ServerMsg>(&text),
        Ok(ServerMsg::Closing { .. })
    ));
    assert!(matches!(received.recv().await, Some(Message::Close(_))));
    connection.await.expect("ended");
}

/// A `Stream` over a tokio receiver, without another dependency.
fn tokio_stream_from<T: Send + 'static>(
    mut receiver: mpsc::Receiver<T>,
) -> impl futures_util::Stream<Item = T> + Unpin + Send {
    Box::pin(futures_util::stream::poll_fn(move |cx| {
        receiver.poll_recv(cx)
    }))
}
