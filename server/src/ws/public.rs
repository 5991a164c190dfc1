//! Public viewers over the raw upgraded connection: each snapshot is written as one unmasked text frame,
//! header and shared payload in a single vectored write, so a public connection owns no websocket buffers
//! at all (tungstenite would copy the ~11 KB snapshot into a per-connection output buffer and keep that
//! buffer, plus its read buffer, for the life of the connection). Clients only ever send pongs and close
//! frames, which a 14-byte header parser reads; data frames are skipped, anything malformed closes.
//!
//! The same contract as the signed-in path: first message is the current snapshot, then after each
//! (coalesced) public update the patch from the version this viewer holds, or the newest snapshot if it
//! holds another (it joined between updates, or a slow connection skipped one); ping every [`PING_EVERY`](super::PING_EVERY); dropped after [`IDLE_LIMIT`] of silence or a
//! write that takes longer than [`SEND_TIMEOUT`].

use std::{
    io,
    io::IoSlice,
    sync::{
        atomic::{AtomicI32, Ordering},
        Arc,
    },
};

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
};
use hyper_util::rt::TokioIo;
use tokio::{
    io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt},
    sync::watch,
    time::Instant,
};
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;

use super::{IDLE_LIMIT, SEND_TIMEOUT};
use crate::{hub::Published, metrics};

const TEXT: u8 = 0x1;
const CLOSE: u8 = 0x8;
const PING: u8 = 0x9;
/// The nice value of the fan-out threads (0 is normal, 19 the lowest; `PANELCAST_FANOUT_NICE`, default 10,
/// set once at start-up by [`set_fanout_nice`]): with 10 the kernel gives a busy fan-out thread about a tenth
/// of the weight of a normal thread, so a ballot reaches the chair's console without waiting for a fan-out
/// to 10,000 viewers to finish; the fan-out still uses every idle cycle.
static FANOUT_NICE: AtomicI32 = AtomicI32::new(crate::config::DEFAULT_FANOUT_NICE);

/// Sets the fan-out threads' nice value; takes effect if called before the first public viewer connects.
pub fn set_fanout_nice(nice: i32) {
    FANOUT_NICE.store(nice, Ordering::Relaxed);
}
/// Frames from a viewer larger than this close the connection (the signed-in path caps messages at 16 KiB).
const MAX_INCOMING: u64 = 16 * 1024;

/// Checks the handshake (RFC 6455 §4.2.1), answers `101 Switching Protocols` and serves the connection.
pub fn upgrade(
    mut request: Request,
    current: Arc<Published>,
    published: watch::Receiver<Arc<Published>>,
) -> Response {
    let headers = request.headers();
    let has = |name: header::HeaderName, token: &str| {
        headers.get_all(name).iter().any(|v| {
            v.to_str()
                .is_ok_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
        })
    };
    let version_ok = headers
        .get(header::SEC_WEBSOCKET_VERSION)
        .is_some_and(|v| v == "13");
    let key = headers.get(header::SEC_WEBSOCKET_KEY).cloned();
    let (Some(key), true, true, true, true) = (
        key,
        request.method() == Method::GET,
        has(header::CONNECTION, "upgrade"),
        has(header::UPGRADE, "websocket"),
        version_ok,
    ) else {
        return (StatusCode::BAD_REQUEST, "not a websocket handshake").into_response();
    };
    let Some(on_upgrade) = request
        .extensions_mut()
        .remove::<hyper::upgrade::OnUpgrade>()
    else {
        return (
            StatusCode::UPGRADE_REQUIRED,
            "this connection cannot be upgraded",
        )
            .into_response();
    };
    let accept = derive_accept_key(key.as_bytes());
    fanout_runtime().spawn(async move {
        if let Ok(upgraded) = on_upgrade.await {
            metrics::viewer_connected();
            serve(TokioIo::new(upgraded), current, published).await;
            metrics::viewer_disconnected();
        }
    });
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
    let headers = response.headers_mut();
    headers.insert(header::CONNECTION, HeaderValue::from_static("upgrade"));
    headers.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
    if let Ok(accept) = HeaderValue::from_str(&accept) {
        headers.insert(header::SEC_WEBSOCKET_ACCEPT, accept);
    }
    response
}

/// Public viewers run on their own runtime, so that a fan-out to thousands of them never queues the chair's
/// and members' work (commands, the writer, their consoles) behind it in one run queue; and its threads run
/// at a lower priority ([`FANOUT_NICE`]), so that while a fan-out keeps them busy the operating system still
/// gives the chair's path a core at once. Built on first use, two worker threads.
fn fanout_runtime() -> &'static tokio::runtime::Handle {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("public-fanout")
                .on_thread_start(|| {
                    let nice = FANOUT_NICE.load(Ordering::Relaxed);
                    if nice > 0 {
                        crate::priority::lower_this_thread(nice);
                    }
                })
                .enable_all()
                .build()
                .expect("the public fan-out runtime starts")
        })
        .handle()
}

/// The connection loop of one public viewer. The first snapshot is `current`, the newest state (a viewer
/// that joins or reconnects is brought up to date at once, not at the next coalesced update); after that,
/// each public update newer than what this viewer was last sent.
pub async fn serve<S>(
    mut socket: S,
    current: Arc<Published>,
    mut published: watch::Receiver<Arc<Published>>,
) where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut ping = super::ping_timer();
    let mut last_heard = Instant::now();
    let mut incoming = Incoming::default();
    let mut buf = [0u8; 64];
    published.mark_unchanged();
    let mut next = Some(current);
    let mut sent = None;
    loop {
        if let Some(version) = next.take() {
            if sent.is_none_or(|seq| version.seq > seq) {
                let text = version.public_msg_after(sent);
                if send(&mut socket, TEXT, text.as_str().as_bytes())
                    .await
                    .is_err()
                {
                    return;
                }
                sent = Some(version.seq);
                metrics::fanout_latency(version.at.elapsed());
            }
        }
        tokio::select! {
            changed = published.changed() => match changed {
                Ok(()) => next = Some(published.borrow_and_update().clone()),
                Err(_) => break, // the meeting's publisher is gone (shutdown)
            },
            read = socket.read(&mut buf) => match read {
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    last_heard = Instant::now();
                    match incoming.feed(&buf[..n]) {
                        Seen::Nothing => {}
                        Seen::Close | Seen::Malformed => break,
                    }
                }
            },
            _ = ping.tick() => {
                if last_heard.elapsed() > IDLE_LIMIT || send(&mut socket, PING, &[]).await.is_err() {
                    return;
                }
            }
        }
    }
    let _ = send(&mut socket, CLOSE, &[]).await;
}

/// The header of an unmasked, final frame of `len` payload bytes (RFC 6455 §5.2): the buffer and how much of
/// it is used (2, 4 or 10 bytes).
pub fn frame_head(opcode: u8, len: usize) -> ([u8; 10], usize) {
    let mut head = [0u8; 10];
    head[0] = 0x80 | opcode;
    let used = if len < 126 {
        head[1] = len as u8;
        2
    } else if len <= usize::from(u16::MAX) {
        head[1] = 126;
        head[2..4].copy_from_slice(&(len as u16).to_be_bytes());
        4
    } else {
        head[1] = 127;
        head[2..10].copy_from_slice(&(len as u64).to_be_bytes());
        10
    };
    (head, used)
}

/// Writes one unmasked, final frame: the header and the payload in one vectored write when possible.
async fn send<S: AsyncWrite + Unpin>(socket: &mut S, opcode: u8, payload: &[u8]) -> io::Result<()> {
    let (head, head_len) = frame_head(opcode, payload.len());
    let len = payload.len();
    let write = async {
        let total = head_len + len;
        let mut done = 0;
        while done < total {
            let n = if done < head_len {
                let parts = [IoSlice::new(&head[done..head_len]), IoSlice::new(payload)];
                socket.write_vectored(&parts).await?
            } else {
                socket.write(&payload[done - head_len..]).await?
            };
            if n == 0 {
                return Err(io::ErrorKind::WriteZero.into());
            }
            done += n;
        }
        socket.flush().await
    };
    tokio::time::timeout(SEND_TIMEOUT, write)
        .await
        .map_err(|_| io::Error::from(io::ErrorKind::TimedOut))?
}

/// What the bytes read so far from a viewer amount to.
#[derive(Debug, PartialEq, Eq)]
pub enum Seen {
    Nothing,
    Close,
    Malformed,
}

/// A parser of client frames that keeps only the current header: payloads are skipped, not stored.
#[derive(Debug, Default)]
pub struct Incoming {
    head: [u8; 14],
    have: usize,
    skip: u64,
}

impl Incoming {
    pub fn feed(&mut self, mut data: &[u8]) -> Seen {
        while !data.is_empty() {
            if self.skip > 0 {
                let n = (self.skip.min(data.len() as u64)) as usize;
                self.skip -= n as u64;
                data = &data[n..];
                continue;
            }
            let need = self.header_len();
            let n = (need - self.have).min(data.len());
            self.head[self.have..self.have + n].copy_from_slice(&data[..n]);
            self.have += n;
            data = &data[n..];
            // Client frames must be masked (RFC 6455 §5.1).
            if self.have >= 2 && self.head[1] & 0x80 == 0 {
                return Seen::Malformed;
            }
            if self.have < 2 || self.have < self.header_len() {
                continue;
            }
            let length = match self.head[1] & 0x7f {
                126 => u64::from(u16::from_be_bytes([self.head[2], self.head[3]])),
                127 => u64::from_be_bytes(self.head[2..10].try_into().unwrap_or_default()),
                n => u64::from(n),
            };
            if length > MAX_INCOMING {
                return Seen::Malformed;
            }
            if self.head[0] & 0x0f == CLOSE {
                return Seen::Close;
            }
            self.skip = length;
            self.have = 0;
        }
        Seen::Nothing
    }

    /// The length of the current header: 2 bytes, plus the extended length, plus the 4-byte mask.
    fn header_len(&self) -> usize {
        if self.have < 2 {
            return 2;
        }
        let extended = match self.head[1] & 0x7f {
            126 => 2,
            127 => 8,
            _ => 0,
        };
        2 + extended + 4
    }
}

#[cfg(test)]
mod tests {
    use super::{Incoming, Seen};

    #[test]
    fn pongs_are_skipped_and_a_close_is_seen_across_reads() {
        let mut incoming = Incoming::default();
        // A masked pong with a 3-byte payload, then a masked close split over two reads.
        let pong = [0x8A, 0x83, 1, 2, 3, 4, 9, 9, 9];
        assert_eq!(incoming.feed(&pong), Seen::Nothing);
        assert_eq!(incoming.feed(&[0x88, 0x80, 1]), Seen::Nothing);
        assert_eq!(incoming.feed(&[2, 3, 4]), Seen::Close);
    }

    #[test]
    fn an_unmasked_or_oversized_frame_is_malformed() {
        assert_eq!(Incoming::default().feed(&[0x8A, 0x00]), Seen::Malformed);
        let huge = [0x81, 0xFF, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 3, 4];
        assert_eq!(Incoming::default().feed(&huge), Seen::Malformed);
    }
}
