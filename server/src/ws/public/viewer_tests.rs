//! The public connection against in-memory sockets (`tokio::io::duplex`) whose buffers are as small as a test
//! needs: a full socket, a reader who comes back, a reader who never does.

use std::{sync::Arc, time::Duration};

use tokio::{io::DuplexStream, sync::watch};

use super::super::audience::Audiences;
use super::{serve, PublicViewer};
use crate::hub::Published;
use crate::ws::{
    fixtures::{read_frame, seq_of, versions},
    frames::{CLOSE, TEXT},
    IDLE_LIMIT, SEND_TIMEOUT,
};

/// A viewer of meeting "m" on a socket that holds at most `room` unread bytes; returns the client's end.
fn connect(
    audiences: &Audiences,
    public: &watch::Receiver<Arc<Published>>,
    current: Arc<Published>,
    room: usize,
) -> DuplexStream {
    let (server_end, client_end) = tokio::io::duplex(room);
    let audience = audiences.of("m", public, &tokio::runtime::Handle::current());
    let viewer = PublicViewer::new(server_end);
    audience.join(&viewer);
    tokio::spawn(serve(
        viewer,
        current,
        public.clone(),
        audience.ended.clone(),
    ));
    client_end
}

/// Reads text frames until one carries `seq` (bounded); returns the seqs read, in order.
async fn read_until(client: &mut DuplexStream, seq: u64) -> Vec<u64> {
    let mut seen = Vec::new();
    while seen.last() != Some(&seq) {
        let frame = tokio::time::timeout(Duration::from_secs(5), read_frame(client))
            .await
            .expect("a frame within 5 s")
            .expect("the connection is open");
        if frame.0 == TEXT {
            seen.push(seq_of(&frame.1));
        }
    }
    seen
}

#[tokio::test]
async fn a_viewer_whose_socket_is_full_holds_up_nobody_and_catches_up_with_the_newest() {
    let versions = versions(4);
    let (publish, public) = watch::channel(versions[0].clone());
    let audiences = Audiences::default();
    // The first snapshot alone (~11 KB) is more than the slow socket holds.
    let mut slow = connect(&audiences, &public, versions[0].clone(), 256);
    let mut fast = connect(&audiences, &public, versions[0].clone(), 1 << 20);
    assert_eq!(
        read_until(&mut fast, versions[0].seq).await,
        [versions[0].seq]
    );

    for version in &versions[1..] {
        publish.send_replace(version.clone());
        // The fast viewer gets every update while the slow one reads nothing.
        assert_eq!(read_until(&mut fast, version.seq).await, [version.seq]);
    }

    // The slow viewer, reading at last, gets its first snapshot whole, then the newest: never anything
    // between, never anything twice.
    let newest = versions[3].seq;
    let seen = read_until(&mut slow, newest).await;
    assert_eq!(seen, [versions[0].seq, newest]);
}

#[tokio::test(start_paused = true)]
async fn a_viewer_that_takes_nothing_for_the_send_timeout_is_dropped() {
    let versions = versions(1);
    let (_publish, public) = watch::channel(versions[0].clone());
    let audiences = Audiences::default();
    let started = tokio::time::Instant::now();
    let mut stuck = connect(&audiences, &public, versions[0].clone(), 64);
    // Let the server fill the socket and wait; the paused clock jumps to its deadline.
    tokio::time::sleep(SEND_TIMEOUT + Duration::from_secs(1)).await;
    // What is in the socket can still be read; then the connection has ended, without a closing frame
    // (the frame it could not finish came first).
    let mut frames = Vec::new();
    while let Some(frame) = read_frame(&mut stuck).await {
        frames.push(frame.0);
    }
    // It was the send timeout that ended it: after SEND_TIMEOUT, well before the idle limit (which would also
    // end a silent client's connection, but only after IDLE_LIMIT, once the reader here had taken the snapshot
    // whole and its pings), and with the only frame, the snapshot, cut short: no whole frame to read, no close.
    let ended = started.elapsed();
    assert!(
        ended >= SEND_TIMEOUT && ended < IDLE_LIMIT,
        "ended after {ended:?}"
    );
    assert!(
        frames.is_empty(),
        "nothing whole after a frame cut short: {frames:?}"
    );
}

#[tokio::test]
async fn a_client_that_closes_is_answered_with_a_close_and_let_go() {
    let versions = versions(1);
    let (_publish, public) = watch::channel(versions[0].clone());
    let audiences = Audiences::default();
    let mut client = connect(&audiences, &public, versions[0].clone(), 1 << 20);
    assert_eq!(
        read_until(&mut client, versions[0].seq).await,
        [versions[0].seq]
    );
    // A masked close frame with no payload (RFC 6455 §5.5.1).
    tokio::io::AsyncWriteExt::write_all(&mut client, &[0x88, 0x80, 1, 2, 3, 4])
        .await
        .expect("written");
    let frame = tokio::time::timeout(Duration::from_secs(5), read_frame(&mut client))
        .await
        .expect("an answer within 5 s");
    assert_eq!(frame.map(|f| f.0), Some(CLOSE));
    assert_eq!(
        read_frame(&mut client).await,
        None,
        "then the connection ends"
    );
}

#[tokio::test(start_paused = true)]
async fn a_ping_that_falls_due_while_a_frame_is_part_way_out_is_sent_after_it() {
    // Every 5 s a new snapshot (~8.5 KB) goes to a socket that holds 1 KiB and is read only 5 s later, so
    // the connection is nearly always part-way through a frame, including when its first ping falls due
    // (10–30 s after connecting); that ping must still go out (skipping it left the client nothing to
    // answer, and the idle limit then dropped it).
    let versions = versions(9);
    let (publish, public) = watch::channel(versions[0].clone());
    let audiences = Audiences::default();
    let mut client = connect(&audiences, &public, versions[0].clone(), 1024);
    let mut opcodes = Vec::new();
    for version in &versions {
        publish.send_replace(version.clone());
        tokio::time::sleep(Duration::from_secs(5)).await;
        loop {
            let (opcode, payload) = read_frame(&mut client)
                .await
                .expect("the connection is open");
            opcodes.push(opcode);
            if opcode == TEXT && seq_of(&payload) == version.seq {
                break;
            }
        }
    }
    assert!(
        opcodes.contains(&crate::ws::frames::PING),
        "a ping within 45 s: {opcodes:?}"
    );
}
