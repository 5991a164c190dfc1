//! `GET /ws/meetings/{id}`: the live view of a meeting, one snapshot per change.
//!
//! The first message is the full snapshot for this viewer; after that, each published change sends the newest
//! snapshot (a slow reader skips versions it had no time for, thanks to `watch`, and never holds up others).
//! The server pings every [`PING_EVERY`]; a socket that cannot take a message within [`SEND_TIMEOUT`] or has
//! not answered for [`IDLE_LIMIT`] is dropped. Signing out closes the session's sockets.
//!
//! Two paths (docs/ARCHITECTURE.md draws both). Public viewers (the many) are served by [`public`]: each
//! coalesced update written straight from the shared message to every socket by the meeting's audience, with
//! no per-connection buffers and no task woken per viewer; signed-in viewers (the few) by [`serve_viewer`]
//! over axum's `WebSocket`, every change at once, projected for each.

#[cfg(test)]
mod fixtures;
mod frames;
pub mod public;

pub use frames::frame_head;
pub use public::set_fanout_nice;

use std::{sync::Arc, time::Duration};

use app::api::ssr::Identity;
use app::meeting::Actor;
use app::protocol::ServerMsg;
use axum::{
    extract::{
        ws::{Message, WebSocket, WebSocketUpgrade},
        FromRequestParts, Path, Request, State,
    },
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};
use futures_util::{Sink, SinkExt, Stream, StreamExt};
use tokio::{sync::watch, time::Instant};
use tokio_util::sync::CancellationToken;

use crate::{auth::SessionKey, hub::Published, metrics, state::AppState};

pub const PING_EVERY: Duration = Duration::from_secs(20);
pub const IDLE_LIMIT: Duration = Duration::from_secs(60);
pub const SEND_TIMEOUT: Duration = Duration::from_secs(10);

/// One connection's ping timer: every [`PING_EVERY`], the first after [`first_ping_after`] of this
/// connection's number. Without the spread, connections that arrive together (a webcast's start, a reconnect
/// storm: 10,000 in about a second) would all be pinged in the same second every 20 s, and each such burst
/// would delay the public update that happened to coincide with it (measured with 9,900 idle viewers
/// connected: a lone meeting's p99 went from 1.4 to 2.3 ms).
fn ping_timer() -> tokio::time::Interval {
    static CONNECTIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let number = CONNECTIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    tokio::time::interval_at(Instant::now() + first_ping_after(number), PING_EVERY)
}

/// Between ½ and 1½ × [`PING_EVERY`] after connecting, placed by the golden-ratio sequence of the
/// connection's number (deterministic, no randomness needed): any run of consecutive connections is spread
/// evenly over the whole window, so their pings are too.
fn first_ping_after(number: u64) -> Duration {
    // frac(number × 0.6180339887…) in millionths
    let millionths = u128::from(number.wrapping_mul(618_034) % 1_000_000);
    let window = PING_EVERY.as_micros();
    Duration::from_micros((window / 2 + window * millionths / 1_000_000) as u64)
}

/// The upgrade: checks the `Origin`, finds the meeting, hands public viewers to [`public`] and sizes the
/// signed-in viewers' socket buffers deliberately.
///
/// Buffers: tungstenite zero-fills its whole read buffer on every read, and axum's default is 128 KiB, so a
/// socket that mostly writes would pay a 128 KiB memset per message and hold ~130 KiB. Clients send only
/// pongs and close frames, so 4 KiB is plenty; incoming messages are capped at 16 KiB.
pub async fn upgrade(
    Path(meeting): Path<String>,
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    session: Option<Extension<SessionKey>>,
    request: Request,
) -> Response {
    if !origin_allowed(request.headers(), &state.public_url) {
        tracing::warn!(origin = ?request.headers().get(header::ORIGIN), "websocket refused: foreign Origin");
        return (StatusCode::FORBIDDEN, "foreign origin").into_response();
    }
    let Some(handle) = state.hub.get(&meeting) else {
        return (StatusCode::NOT_FOUND, "no such meeting").into_response();
    };
    if matches!(identity.actor, Actor::Public) {
        let public = handle.subscribe_public();
        return public::upgrade(
            request,
            &meeting,
            handle.current(),
            public,
            &state.audiences,
        );
    }
    let published = handle.subscribe();
    let (mut parts, _) = request.into_parts();
    let ws = match WebSocketUpgrade::from_request_parts(&mut parts, &state).await {
        Ok(ws) => ws,
        Err(rejection) => return rejection.into_response(),
    };
    let closed = match session {
        Some(Extension(key)) => state.auth.socket_guard(&key),
        None => CancellationToken::new(),
    };
    ws.read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_message_size(16 * 1024)
        .max_frame_size(16 * 1024)
        .on_upgrade(move |socket: WebSocket| async move {
            let (sink, stream) = socket.split();
            metrics::viewer_connected();
            serve_viewer(sink, stream, published, identity.actor, closed).await;
            metrics::viewer_disconnected();
        })
}

/// Browsers always send `Origin` on a websocket handshake: it must be this site (the configured public URL or
/// the request's own `Host`). Non-browser clients (the load tool, tests) send none and carry no ambient
/// cookies of a victim, so a missing `Origin` is allowed.
pub fn origin_allowed(headers: &HeaderMap, public_url: &str) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return true;
    };
    let origin = origin.trim_end_matches('/');
    if origin.eq_ignore_ascii_case(public_url) {
        return true;
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let bare = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .unwrap_or("");
    !host.is_empty() && bare.eq_ignore_ascii_case(host)
}

/// The connection loop, generic over the socket halves so it can be driven by channels in tests.
pub async fn serve_viewer<S, R, E>(
    mut sink: S,
    mut stream: R,
    mut published: watch::Receiver<Arc<Published>>,
    viewer: Actor,
    closed: CancellationToken,
) where
    S: Sink<Message> + Unpin,
    R: Stream<Item = Result<Message, E>> + Unpin,
{
    let mut ping = ping_timer();
    let mut last_heard = Instant::now();
    let mut dirty = true;
    loop {
        if dirty {
            dirty = false;
            let (text, at) = {
                // The borrow guard must be dropped before any `.await`.
                let current = published.borrow_and_update();
                (current.message_for(&viewer), current.at)
            };
            match tokio::time::timeout(SEND_TIMEOUT, sink.send(Message::Text(text))).await {
                Ok(Ok(())) => metrics::fanout_latency(at.elapsed()),
                _ => break,
            }
        }
        tokio::select! {
            changed = published.changed() => match changed {
                Ok(()) => dirty = true,
                Err(_) => break, // the meeting's writer is gone (shutdown)
            },
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                Some(Ok(_)) => last_heard = Instant::now(), // pong, or a client keepalive
            },
            _ = ping.tick() => {
                if last_heard.elapsed() > IDLE_LIMIT {
                    break;
                }
                if tokio::time::timeout(SEND_TIMEOUT, sink.send(Message::Ping(Default::default()))).await.is_err() {
                    break;
                }
            }
            () = closed.cancelled() => {
                let bye = ServerMsg::Closing { reason: "You have signed out".to_owned() };
                let text = serde_json::to_string(&bye).unwrap_or_default();
                let _ = tokio::time::timeout(SEND_TIMEOUT, sink.send(Message::Text(text.into()))).await;
                let _ = tokio::time::timeout(SEND_TIMEOUT, sink.send(Message::Close(None))).await;
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{first_ping_after, PING_EVERY};

    #[test]
    fn first_pings_of_consecutive_connections_spread_over_the_whole_window() {
        let (low, high) = (PING_EVERY / 2, PING_EVERY / 2 + PING_EVERY);
        for count in [10u64, 100, 10_000] {
            let mut offsets: Vec<_> = (0..count).map(first_ping_after).collect();
            assert!(offsets.iter().all(|d| (low..high).contains(d)));
            offsets.sort();
            // Evenly spread: no gap between neighbours (or at the ends) is more than 3x the even share.
            let share = PING_EVERY / count as u32;
            let gaps = offsets
                .windows(2)
                .map(|w| w[1] - w[0])
                .chain([offsets[0] - low, high - offsets[offsets.len() - 1]]);
            for gap in gaps {
                assert!(
                    gap <= share * 3,
                    "{count} connections: gap {gap:?} vs share {share:?}"
                );
            }
        }
        // Connections numbered later than the first are spread the same way.
        let later: Vec<_> = (5_000..5_100).map(first_ping_after).collect();
        let buckets: std::collections::HashSet<_> = later
            .iter()
            .map(|d| (*d - low).as_millis() / 1_000)
            .collect();
        assert_eq!(
            buckets.len(),
            20,
            "100 connections cover all twenty 1-second slots"
        );
    }
}
