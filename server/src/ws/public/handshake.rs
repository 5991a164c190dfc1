//! Public viewers: the websocket handshake, answered by hand, and the runtime their connections run on.
//!
//! After the `101 Switching Protocols`, a public connection is served by [`viewer`](super::viewer) and
//! written to by its meeting's [`audience`](super::audience): each update is one unmasked text frame, header
//! and shared payload in one vectored write, so a public connection owns no websocket buffers at all
//! (tungstenite would copy the ~11 KB snapshot into a per-connection output buffer and keep that buffer, plus
//! its read buffer, for the life of the connection).
//!
//! The same contract as the signed-in path: first message is the current snapshot, then after each
//! (coalesced) public update the patch from the version this viewer holds, or the newest snapshot if it
//! holds another (it joined between updates, or a slow connection skipped one); ping every
//! [`PING_EVERY`](crate::ws::PING_EVERY); dropped after [`IDLE_LIMIT`](crate::ws::IDLE_LIMIT) of silence or
//! when a frame cannot be written for [`SEND_TIMEOUT`](crate::ws::SEND_TIMEOUT).

use std::sync::{
    atomic::{AtomicI32, Ordering},
    Arc,
};

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
};
use hyper_util::rt::TokioIo;
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;

use super::{
    audience::Audiences,
    viewer::{self, PublicViewer},
};
use crate::{hub::Published, metrics};

/// The nice value of the fan-out threads (0 is normal, 19 the lowest; `PANELCAST_FANOUT_NICE`, default 19,
/// set once at start-up by [`set_fanout_nice`]): the kernel gives a busy fan-out thread 1/70 of the weight
/// of a normal thread, so a ballot reaches the chair's console without waiting for a fan-out to 10,000
/// viewers to finish; the fan-out still uses every idle cycle. (Measured with the direct
/// fan-out: at nice 10 the chair's p99 over a 60 s ballot burst was 17.4–20.7 ms, at 19 11.0–16.3 ms.)
static FANOUT_NICE: AtomicI32 = AtomicI32::new(crate::config::DEFAULT_FANOUT_NICE);

/// Sets the fan-out threads' nice value; takes effect if called before the first public viewer connects.
pub fn set_fanout_nice(nice: i32) {
    FANOUT_NICE.store(nice, Ordering::Relaxed);
}

/// Checks the handshake (RFC 6455 §4.2.1), answers `101 Switching Protocols` and serves the connection as one
/// of `meeting`'s audience.
pub fn upgrade(
    mut request: Request,
    meeting: &str,
    current: Arc<Published>,
    public: watch::Receiver<Arc<Published>>,
    audiences: &Audiences,
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
    let audience = audiences.of(meeting, &public, fanout_runtime());
    fanout_runtime().spawn(async move {
        if let Ok(upgraded) = on_upgrade.await {
            metrics::viewer_connected();
            let viewer = PublicViewer::new(TokioIo::new(upgraded));
            // Joined before the first snapshot: an update published in between is then offered too.
            audience.join(&viewer);
            viewer::serve(viewer, current, public, audience.ended.clone()).await;
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
