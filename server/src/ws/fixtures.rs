//! Test fixtures of the public path: published versions of the demo meeting, and reading frames back.

use std::{io::Cursor, sync::Arc};

use app::demo;
use app::meeting::{Actor, Command, Meeting, Timestamp};
use tokio::io::{AsyncRead, AsyncReadExt};
use tokio_tungstenite::tungstenite::protocol::frame::FrameHeader;

use crate::hub::Published;

/// `count` successive versions of the demo meeting: opened, then the chair moving on one item at a time.
pub fn versions(count: usize) -> Vec<Arc<Published>> {
    let (_, events) = demo::demo_meetings()
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

/// `versions(count)` as the public publisher hands them out: each after the first carries its public patch from
/// the one before (`hub::coalesce::prepare`), so a viewer holding the one before is sent the patch.
pub fn public_versions(count: usize) -> Vec<Arc<Published>> {
    let versions = versions(count);
    let mut previous = (
        versions[0].seq,
        crate::hub::coalesce::public_doc(&versions[0]),
    );
    for version in &versions[1..] {
        previous = (
            version.seq,
            crate::hub::coalesce::prepare(&previous, version),
        );
    }
    versions
}

/// The header at the start of `bytes`, read by tungstenite (a parser independent of the server's own
/// framing): the header, its length and the payload's length; `None` while the header is incomplete.
fn header(bytes: &[u8]) -> Option<(FrameHeader, usize, usize)> {
    let mut cursor = Cursor::new(bytes);
    let (header, len) = FrameHeader::parse(&mut cursor).expect("a valid frame header")?;
    Some((header, cursor.position() as usize, len as usize))
}

/// Splits what a socket took into (opcode, payload) frames, checking that each is a final frame.
pub fn frames(bytes: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let (header, at, len) = header(rest).expect("a whole header");
        assert!(header.is_final, "final frame");
        out.push((u8::from(header.opcode), rest[at..at + len].to_vec()));
        rest = &rest[at + len..];
    }
    out
}

/// Reads the next whole frame a server wrote: (opcode, payload), or `None` once the connection has ended.
pub async fn read_frame(client: &mut (impl AsyncRead + Unpin)) -> Option<(u8, Vec<u8>)> {
    let mut head = Vec::with_capacity(10);
    let (header, _, len) = loop {
        head.push(client.read_u8().await.ok()?);
        if let Some(parsed) = header(&head) {
            break parsed;
        }
    };
    let mut payload = vec![0u8; len];
    client.read_exact(&mut payload).await.ok()?;
    Some((u8::from(header.opcode), payload))
}

/// The `seq` of a public message (snapshot or patch).
pub fn seq_of(payload: &[u8]) -> u64 {
    let message: serde_json::Value = serde_json::from_slice(payload).expect("JSON");
    message["seq"].as_u64().expect("a seq")
}
