//! What one public viewer has been sent, and the frame that is part-way out to it.
//!
//! Every write to a public viewer's socket goes through its [`Outbox`], under the viewer's lock, and never
//! waits: a write the socket cannot take whole leaves the rest here ([`Flow::Blocked`]), and nothing else is
//! written to that socket until the rest has gone, so frames never interleave. The fan-out writes through it
//! for every viewer whose socket takes the frame at once (nearly all, nearly always), polling the write with
//! a waker that does nothing; the viewer's own task finishes a blocked frame, polling with its own waker so
//! that it is woken when the socket is writable again, and writes pings and the closing frame.
//!
//! The rule for what to send is the public path's contract: a viewer is sent a version only if it is newer
//! than the last one it was sent (`seq` never goes back), as the patch from the version it holds when the
//! publisher prepared that patch, else as the whole snapshot.

use std::{
    io::{self, IoSlice},
    pin::Pin,
    task::{Context, Poll},
};

use axum::extract::ws::Utf8Bytes;
use tokio::io::AsyncWrite;

use crate::ws::frames::{frame_head, TEXT};
use crate::{hub::Published, metrics};

/// Offers bytes to `socket` once: what it takes now, or `WouldBlock` (the write was pending, and `cx`'s waker
/// will be woken when the socket is writable).
fn offer(
    socket: &mut (impl AsyncWrite + Unpin),
    cx: &mut Context<'_>,
    parts: &[IoSlice<'_>],
) -> io::Result<usize> {
    match Pin::new(socket).poll_write_vectored(cx, parts) {
        Poll::Ready(Ok(0)) => Err(io::ErrorKind::WriteZero.into()),
        Poll::Ready(result) => result,
        Poll::Pending => Err(io::ErrorKind::WouldBlock.into()),
    }
}

/// Whether everything due has been written.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Done,
    /// The socket took part of a frame (or none): the rest waits here until it is writable.
    Blocked,
}

/// A frame that the socket has taken only part of.
#[derive(Debug)]
struct Pending {
    head: [u8; 10],
    head_len: usize,
    body: Utf8Bytes,
    written: usize,
    /// For a version's frame: when it was published (the fan-out latency is recorded when it is all out).
    published_at: Option<std::time::Instant>,
}

#[derive(Debug, Default)]
pub struct Outbox {
    /// The seq of the last version handed to this viewer's socket (whole, or started and pending).
    sent: Option<u64>,
    pending: Option<Pending>,
}

impl Outbox {
    #[cfg(test)]
    fn sent(&self) -> Option<u64> {
        self.sent
    }

    /// A frame is part-way out.
    pub fn is_blocked(&self) -> bool {
        self.pending.is_some()
    }

    /// Finishes the pending frame, then sends `latest` if it is newer than what this viewer was sent.
    pub fn pump(
        &mut self,
        socket: &mut (impl AsyncWrite + Unpin),
        cx: &mut Context<'_>,
        latest: &Published,
    ) -> io::Result<Flow> {
        if self.finish(socket, cx)? == Flow::Blocked {
            return Ok(Flow::Blocked);
        }
        if self.sent.is_some_and(|seq| latest.seq <= seq) {
            return Ok(Flow::Done);
        }
        let body = latest.public_msg_after(self.sent);
        self.sent = Some(latest.seq);
        self.start(socket, cx, TEXT, body, Some(latest.at))
    }

    /// Writes a control frame with no payload (a ping, a close), or starts it (the rest pending), unless a
    /// frame is part-way out: then nothing is polled (so the wait of whoever finishes that frame stays
    /// registered) and the answer is `Ok(false)`, and the caller tries again once that frame is out.
    pub fn control(
        &mut self,
        socket: &mut (impl AsyncWrite + Unpin),
        cx: &mut Context<'_>,
        opcode: u8,
    ) -> io::Result<bool> {
        if self.pending.is_some() {
            return Ok(false);
        }
        self.start(socket, cx, opcode, &Utf8Bytes::from_static(""), None)?;
        Ok(true)
    }

    /// Offers a whole frame to the socket; keeps what it does not take.
    fn start(
        &mut self,
        socket: &mut (impl AsyncWrite + Unpin),
        cx: &mut Context<'_>,
        opcode: u8,
        body: &Utf8Bytes,
        published_at: Option<std::time::Instant>,
    ) -> io::Result<Flow> {
        let (head, head_len) = frame_head(opcode, body.len());
        let written = match offer(
            socket,
            cx,
            &[
                IoSlice::new(&head[..head_len]),
                IoSlice::new(body.as_bytes()),
            ],
        ) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => 0,
            Err(e) => return Err(e),
        };
        if written == head_len + body.len() {
            if let Some(at) = published_at {
                metrics::fanout_latency(at.elapsed());
            }
            return Ok(Flow::Done);
        }
        self.pending = Some(Pending {
            head,
            head_len,
            body: body.clone(),
            written,
            published_at,
        });
        // Offer the rest until the socket takes nothing more: only a write that is pending registers
        // `cx`'s waker for the socket's next writable moment.
        self.finish(socket, cx)
    }

    /// Writes what is left of the pending frame, as far as the socket takes it: `Blocked` only once a write
    /// was pending (so the waker of `cx` will be woken when the socket can take more).
    fn finish(
        &mut self,
        socket: &mut (impl AsyncWrite + Unpin),
        cx: &mut Context<'_>,
    ) -> io::Result<Flow> {
        while let Some(pending) = &mut self.pending {
            let body = pending.body.as_bytes();
            let total = pending.head_len + body.len();
            let result = if pending.written < pending.head_len {
                offer(
                    socket,
                    cx,
                    &[
                        IoSlice::new(&pending.head[pending.written..pending.head_len]),
                        IoSlice::new(body),
                    ],
                )
            } else {
                offer(
                    socket,
                    cx,
                    &[IoSlice::new(&body[pending.written - pending.head_len..])],
                )
            };
            match result {
                Ok(n) => pending.written += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(Flow::Blocked),
                Err(e) => return Err(e),
            }
            if pending.written == total {
                if let Some(at) = pending.published_at {
                    metrics::fanout_latency(at.elapsed());
                }
                self.pending = None;
            }
        }
        Ok(Flow::Done)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::ws::fixtures::{frames, public_versions, versions};
    use app::meeting::{project, Actor, MeetingView};
    use app::protocol::{Followed, Follower};

    /// A socket that takes at most `room` more bytes, then is pending; or fails every write.
    #[derive(Default)]
    struct Socket {
        room: usize,
        taken: Vec<u8>,
        broken: bool,
    }

    impl Socket {
        fn with_room(room: usize) -> Self {
            Self {
                room,
                ..Self::default()
            }
        }
    }

    impl AsyncWrite for Socket {
        fn poll_write(
            self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            buf: &[u8],
        ) -> Poll<io::Result<usize>> {
            self.poll_write_vectored(cx, &[IoSlice::new(buf)])
        }

        fn poll_write_vectored(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
            parts: &[IoSlice<'_>],
        ) -> Poll<io::Result<usize>> {
            if self.broken {
                return Poll::Ready(Err(io::ErrorKind::BrokenPipe.into()));
            }
            if self.room == 0 {
                return Poll::Pending;
            }
            let mut n = 0;
            for part in parts {
                let take = part.len().min(self.room);
                self.taken.extend_from_slice(&part[..take]);
                self.room -= take;
                n += take;
            }
            Poll::Ready(Ok(n))
        }

        fn is_write_vectored(&self) -> bool {
            true
        }

        fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }

        fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
    }

    fn cx() -> Context<'static> {
        Context::from_waker(std::task::Waker::noop())
    }

    fn two_versions() -> (Arc<Published>, Arc<Published>) {
        let mut versions = versions(2).into_iter();
        (versions.next().unwrap(), versions.next().unwrap())
    }

    #[test]
    fn a_socket_with_room_takes_the_snapshot_whole_and_an_older_version_is_never_sent() {
        let (first, second) = two_versions();
        let mut socket = Socket::with_room(1 << 20);
        let mut outbox = Outbox::default();
        assert_eq!(
            outbox.pump(&mut socket, &mut cx(), &second).unwrap(),
            Flow::Done
        );
        assert_eq!(
            outbox.pump(&mut socket, &mut cx(), &first).unwrap(),
            Flow::Done
        );
        assert_eq!(
            outbox.pump(&mut socket, &mut cx(), &second).unwrap(),
            Flow::Done
        );
        let sent = frames(&socket.taken);
        assert_eq!(sent, vec![(TEXT, second.public_msg().as_bytes().to_vec())]);
        assert_eq!(outbox.sent(), Some(second.seq));
    }

    #[test]
    fn a_frame_the_socket_takes_in_pieces_goes_out_whole_and_in_order() {
        let mut versions = public_versions(2).into_iter();
        let (first, second) = (versions.next().unwrap(), versions.next().unwrap());
        // Each step the socket makes room for a few bytes: the header splits, then the payload.
        for room in [0, 1, 3, 7, 100, 4096] {
            let mut socket = Socket::with_room(room);
            let mut outbox = Outbox::default();
            let mut flow = outbox.pump(&mut socket, &mut cx(), &first).unwrap();
            let mut rounds = 0;
            while flow == Flow::Blocked {
                // A ping and a newer version must wait behind the part-sent frame.
                assert!(!outbox
                    .control(&mut socket, &mut cx(), crate::ws::frames::PING)
                    .unwrap());
                socket.room = room.max(1);
                flow = outbox.pump(&mut socket, &mut cx(), &second).unwrap();
                rounds += 1;
                assert!(rounds < 100_000, "progress with room {room}");
            }
            while outbox.pump(&mut socket, &mut cx(), &second).unwrap() == Flow::Blocked {
                socket.room = room.max(1);
            }
            let sent = frames(&socket.taken);
            let opcodes: Vec<u8> = sent.iter().map(|f| f.0).collect();
            assert_eq!(opcodes, vec![TEXT, TEXT], "room {room}");
            // What a browser makes of the two frames (the client's follower): the first version, then the
            // second, each the public view of its meeting as projected here.
            assert_eq!(
                followed(&sent),
                vec![public_view(&first), public_view(&second)],
                "room {room}"
            );
            assert!(!outbox.is_blocked());
        }
    }

    /// The (seq, view) each text frame leaves a browser holding, in order, read by the client's own follower.
    fn followed(sent: &[(u8, Vec<u8>)]) -> Vec<(u64, MeetingView)> {
        let mut follower = Follower::new();
        sent.iter()
            .filter(|(opcode, _)| *opcode == TEXT)
            .map(|(_, payload)| {
                let text = std::str::from_utf8(payload).expect("UTF-8");
                match follower.receive(text).expect("the client can follow it") {
                    Followed::View { seq, view } => (seq, *view),
                    other => panic!("not a view: {other:?}"),
                }
            })
            .collect()
    }

    fn public_view(version: &Published) -> (u64, MeetingView) {
        (version.seq, project(&version.meeting, &Actor::Public))
    }

    fn is_patch(payload: &[u8]) -> bool {
        let message: serde_json::Value = serde_json::from_slice(payload).expect("JSON");
        message["type"] == "patch"
    }

    #[test]
    fn a_viewer_holding_the_patch_base_is_sent_the_patch_and_one_who_skipped_a_version_the_snapshot(
    ) {
        let versions = public_versions(3);
        // Holding version 0: version 1 goes as its patch from 0, which turns the view held into version 1's.
        let mut socket = Socket::with_room(1 << 20);
        let mut outbox = Outbox::default();
        for version in &versions[..2] {
            assert_eq!(
                outbox.pump(&mut socket, &mut cx(), version).unwrap(),
                Flow::Done
            );
        }
        let sent = frames(&socket.taken);
        assert!(
            !is_patch(&sent[0].1) && is_patch(&sent[1].1),
            "snapshot, then patch"
        );
        assert!(sent[1].1.len() < sent[0].1.len());
        assert_eq!(
            followed(&sent),
            vec![public_view(&versions[0]), public_view(&versions[1])]
        );

        // Holding version 0 when version 2 comes (its patch is from 1): the snapshot of version 2.
        let mut socket = Socket::with_room(1 << 20);
        let mut outbox = Outbox::default();
        for version in [&versions[0], &versions[2]] {
            outbox.pump(&mut socket, &mut cx(), version).unwrap();
        }
        let sent = frames(&socket.taken);
        assert!(
            !is_patch(&sent[1].1),
            "a patch from a version the viewer lacks"
        );
        assert_eq!(
            followed(&sent),
            vec![public_view(&versions[0]), public_view(&versions[2])]
        );
    }

    #[test]
    fn a_ping_goes_out_between_versions_and_a_broken_socket_is_an_error() {
        let (first, _) = two_versions();
        let mut socket = Socket::with_room(1 << 20);
        let mut outbox = Outbox::default();
        outbox.pump(&mut socket, &mut cx(), &first).unwrap();
        assert!(outbox
            .control(&mut socket, &mut cx(), crate::ws::frames::PING)
            .unwrap());
        let sent = frames(&socket.taken);
        assert_eq!(sent.last(), Some(&(crate::ws::frames::PING, vec![])));

        let mut broken = Socket {
            broken: true,
            ..Socket::default()
        };
        assert!(Outbox::default()
            .pump(&mut broken, &mut cx(), &first)
            .is_err());
    }
}
