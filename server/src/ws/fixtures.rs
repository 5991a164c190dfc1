//! Test fixtures of the public path: published versions of the demo meeting, and reading frames back.

use std::sync::Arc;

use app::meeting::{seed, Actor, Command, Meeting, Timestamp};
use tokio::io::{AsyncRead, AsyncReadExt};

use crate::hub::Published;

/// `count` successive versions of the demo meeting: opened, then the chair moving on one item at a time.
pub fn versions(count: usize) -> Vec<Arc<Published>> {
    let (_, events) = seed::demo_meetings()
        .into_iter()
        .next()
        .expect("a demo meeting");
    let mut meeting = Meeting::default();
    events.iter().for_each(|e| meeting.apply(e));
    let chair = meeting
        .members()
        .into_iter()
        .find(|m| m.2)
        .expect("a chair")
        .0;
    let chair = Actor::Member { member: chair };
    let now = Timestamp(1_670_320_800_000); // 6 Dec 2022 10:00 GMT
    (0..count)
        .map(|n| {
            let command = if n == 0 {
                Command::OpenMeeting
            } else {
                Command::AdvanceAgenda
            };
            let events = meeting.decide(&chair, command, now).expect("the chair may");
            events.iter().for_each(|e| meeting.apply(e));
            Arc::new(Published::of(&meeting))
        })
        .collect()
}

/// The payload length and header length of the frame `bytes` starts with, once its header is complete.
fn frame_len(bytes: &[u8]) -> Option<(usize, usize)> {
    let at = match *bytes.get(1)? {
        126 => 4,
        127 => 10,
        _ => 2,
    };
    let len = match bytes.get(..at)?[1] {
        126 => usize::from(u16::from_be_bytes([bytes[2], bytes[3]])),
        127 => u64::from_be_bytes(bytes[2..10].try_into().ok()?) as usize,
        n => usize::from(n),
    };
    Some((len, at))
}

/// Splits what a socket took into (opcode, payload) frames, checking that each is a final frame.
pub fn frames(bytes: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let (len, at) = frame_len(rest).expect("a whole header");
        assert_eq!(rest[0] & 0x80, 0x80, "final frame");
        out.push((rest[0] & 0x0f, rest[at..at + len].to_vec()));
        rest = &rest[at + len..];
    }
    out
}

/// Reads the next whole frame a server wrote: (opcode, payload), or `None` once the connection has ended.
pub async fn read_frame(client: &mut (impl AsyncRead + Unpin)) -> Option<(u8, Vec<u8>)> {
    let mut head = vec![0u8; 2];
    client.read_exact(&mut head).await.ok()?;
    let extra = match head[1] {
        126 => 2,
        127 => 8,
        _ => 0,
    };
    head.resize(2 + extra, 0);
    client.read_exact(&mut head[2..]).await.ok()?;
    let (len, _) = frame_len(&head)?;
    let mut payload = vec![0u8; len];
    client.read_exact(&mut payload).await.ok()?;
    Some((head[0] & 0x0f, payload))
}

/// The `seq` of a public message (snapshot or patch).
pub fn seq_of(payload: &[u8]) -> u64 {
    let message: serde_json::Value = serde_json::from_slice(payload).expect("JSON");
    message["seq"].as_u64().expect("a seq")
}
