//! A cache of the rendered public meeting page, keyed by the meeting's published `seq`.
//!
//! The rule: an anonymous `GET /meetings/{id}` (no session cookie and no `Authorization` header, no query
//! string, `id` a live meeting) is answered from the cache when the stored page was rendered at the meeting's
//! current seq. Otherwise leptos renders it as before; a `200` that sets no cookie and is not marked private
//! is stored under the seq read *before* rendering, so the stored page is never older than its key, and a hit
//! (key == current seq) shows exactly the current state: a change is visible from the very next request.
//! Signed-in requests (`bypass`), other paths and other methods pass through and are never stored.
//!
//! What the page depends on, checked in `app/src/ui`: the meeting's state as the public sees it
//! (`project(meeting, Public)`, a pure function; the seq and the state come from the hub's live channel,
//! [`MeetingHandle::seq`] and `MeetingService::view` read the same one), the path, and the static leptos
//! options. Not the clock: the server render reads no time (dates and deadlines are strings in the state).
//! Not the request's headers: the app reads only the session. So entries need no age bound.
//!
//! One exception, handled here: leptos_axum (0.8, feature `nonce`, always on) puts a fresh random CSP nonce
//! into every page (`nonce=` on its scripts and in `crossorigin=` of the preload hints). Serving one nonce to
//! everyone would turn it into a public constant, which defeats a nonce-based `Content-Security-Policy` the
//! day one is added. So the page is stored as the parts *between* occurrences of its nonce, and every hit gets
//! a fresh nonce from leptos' own generator; a hit differs from a fresh render only in the nonce's value.
//! The nonce of a hit is the request's own (`crate::security::headers::PageNonce`), the one its
//! `Content-Security-Policy` header names; a response that carries its nonce in a header is not stored (the
//! policy is added outside this cache). The price: a hit copies the ~23 KB page once to splice the nonce in,
//! instead of handing out one refcounted `Bytes`; measured with `wrk`, hits still run at ~17,000 req/s here.
//!
//! Memory: at most [`MAX_ENTRIES`] pages (one per meeting path; meetings are few). Hot path: one `std`
//! `RwLock` read of a small map and an `Arc` clone; writers (one per meeting change) hold the write lock only
//! to swap an `Arc`. No extra crate (`arc-swap`, `dashmap`) is needed for a handful of keys written once per
//! change; `wrk` shows no contention. Misses are single-flight per path: a miss waits up to
//! [`WAIT_FOR_RENDER`] for a render of the same page already under way, then looks again (usually a hit). If
//! the wait runs out (a slow render, or a response that cannot be stored) it renders itself, so a page that
//! never caches is never serialized behind one lock.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, RwLock},
    time::Duration,
};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use bytes::{Bytes, BytesMut};

use crate::{auth::SESSION_COOKIE, hub::Hub};

/// At most this many pages are kept; beyond it an arbitrary entry makes room.
pub const MAX_ENTRIES: usize = 64;

/// Response header telling operators (and tests) how the page was served: `hit`, `miss` or `bypass`.
pub const CACHE_HEADER: HeaderName = HeaderName::from_static("x-panelcast-cache");

/// How long a miss waits for another request's render of the same page before rendering itself.
const WAIT_FOR_RENDER: Duration = Duration::from_millis(100);

/// The shared cache. Clone it freely.
#[derive(Clone)]
pub struct PageCache {
    hub: Hub,
    entries: Arc<RwLock<HashMap<Box<str>, Arc<Entry>>>>,
    /// One render at a time per path (single flight); keys are live meetings' paths, so they stay few.
    gates: Arc<Mutex<HashMap<Box<str>, Gate>>>,
    counters: Arc<[metrics::Counter; 3]>,
}

/// Held while a page is rendered, so concurrent misses for it wait instead of rendering too.
type Gate = Arc<tokio::sync::Mutex<()>>;

/// One rendered page: the seq it was rendered at, leptos' headers, and the body split at its nonce.
struct Entry {
    seq: u64,
    headers: HeaderMap,
    parts: Vec<Bytes>,
    len: usize,
}

#[derive(Clone, Copy)]
enum Outcome {
    Hit = 0,
    Miss = 1,
    Bypass = 2,
}

impl PageCache {
    pub fn new(hub: Hub) -> Self {
        let counter = |outcome: &'static str| metrics::counter!("panelcast_page_cache_total", "outcome" => outcome);
        Self {
            hub,
            entries: Default::default(),
            gates: Default::default(),
            counters: Arc::new([counter("hit"), counter("miss"), counter("bypass")]),
        }
    }

    fn lookup(&self, path: &str, seq: u64) -> Option<Arc<Entry>> {
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        entries.get(path).filter(|e| e.seq == seq).cloned()
    }

    /// Keeps `entry` unless a page rendered at a newer seq is already there.
    fn store(&self, path: &str, entry: Entry) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        match entries.get(path) {
            Some(existing) if existing.seq >= entry.seq => return,
            None if entries.len() >= MAX_ENTRIES => {
                if let Some(victim) = entries.keys().next().cloned() {
                    entries.remove(&victim);
                }
            }
            _ => {}
        }
        entries.insert(path.into(), Arc::new(entry));
    }

    fn gate(&self, path: &str) -> Gate {
        let mut gates = self.gates.lock().unwrap_or_else(|e| e.into_inner());
        gates.entry(path.into()).or_default().clone()
    }

    fn count(&self, outcome: Outcome) {
        self.counters[outcome as usize].increment(1);
    }
}

/// Middleware: serves cacheable requests from the cache, renders and stores on a miss.
pub async fn serve(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let Some(seq) = cacheable_seq(&cache.hub, &request) else {
        return next.run(request).await;
    };
    if may_be_signed_in(request.headers()) {
        cache.count(Outcome::Bypass);
        return tagged(next.run(request).await, "bypass");
    }
    if let Some(entry) = cache.lookup(request.uri().path(), seq) {
        cache.count(Outcome::Hit);
        return entry.response(&page_nonce(&request));
    }
    let path = request.uri().path().to_owned();
    // Single flight: wait (bounded) for a render already under way, then look again at the newest seq.
    let gate = cache.gate(&path);
    let _turn = tokio::time::timeout(WAIT_FOR_RENDER, gate.lock_owned())
        .await
        .ok();
    let Some(seq) = cacheable_seq(&cache.hub, &request) else {
        return next.run(request).await;
    };
    if let Some(entry) = cache.lookup(&path, seq) {
        cache.count(Outcome::Hit);
        return entry.response(&page_nonce(&request));
    }
    cache.count(Outcome::Miss);
    let response = next.run(request).await;
    if !storable(response.headers(), response.status()) {
        return tagged(response, "miss");
    }
    let (mut parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "rendering the meeting page failed mid-body");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    if let Some(entry) = Entry::new(seq, parts.headers.clone(), body.clone()) {
        cache.store(&path, entry);
    }
    tagged(Response::from_parts(parts, Body::from(body)), "miss")
}

/// The nonce the security layer chose for this request (`crate::security::headers`, which names it in the
/// page's `Content-Security-Policy`), or a fresh one from leptos' generator without that layer.
fn page_nonce(request: &Request) -> String {
    request
        .extensions()
        .get::<crate::security::headers::PageNonce>()
        .map_or_else(|| leptos::nonce::Nonce::new().to_string(), |n| n.0.clone())
}

/// The seq to key on, if this request may be answered from the cache: a GET of exactly `/meetings/{id}`
/// for a live meeting, without a query string.
fn cacheable_seq(hub: &Hub, request: &Request) -> Option<u64> {
    if request.method() != Method::GET || request.uri().query().is_some() {
        return None;
    }
    let id = request.uri().path().strip_prefix("/meetings/")?;
    if id.is_empty() || id.contains('/') {
        return None;
    }
    crate::actions::page_key(hub, id)
}

/// Whether the request may be signed in: any `Cookie` header that mentions the session cookie's name, however
/// spelled around it (bytes, not parsed, so the cache is never less strict than the session middleware's
/// parser), or any `Authorization` header.
fn may_be_signed_in(headers: &HeaderMap) -> bool {
    headers.contains_key(header::AUTHORIZATION)
        || headers
            .get_all(header::COOKIE)
            .iter()
            .any(|value| find(value.as_bytes(), SESSION_COOKIE.as_bytes()).is_some())
}

/// Only a plain `200` is stored: no cookie set, nothing marked private or not to be stored.
fn storable(headers: &HeaderMap, status: StatusCode) -> bool {
    let private = headers.get_all(header::CACHE_CONTROL).iter().any(|v| {
        find(v.as_bytes(), b"private").is_some() || find(v.as_bytes(), b"no-store").is_some()
    });
    status == StatusCode::OK && !headers.contains_key(header::SET_COOKIE) && !private
}

fn tagged(mut response: Response, outcome: &'static str) -> Response {
    response
        .headers_mut()
        .insert(CACHE_HEADER, HeaderValue::from_static(outcome));
    response
}

impl Entry {
    /// Splits `body` at its nonce; `None` (do not store) if a header carries the nonce.
    fn new(seq: u64, headers: HeaderMap, body: Bytes) -> Option<Self> {
        let len = body.len();
        let parts = match find_nonce(&body) {
            None => vec![body],
            Some(nonce) => {
                if headers
                    .values()
                    .any(|v| find(v.as_bytes(), nonce).is_some())
                {
                    return None;
                }
                split(&body, nonce)
            }
        };
        Some(Self {
            seq,
            headers,
            parts,
            len,
        })
    }

    /// The stored page with `nonce` (this request's, fresh) where leptos put its own.
    fn response(&self, nonce: &str) -> Response {
        let body = match self.parts.as_slice() {
            [only] => only.clone(),
            parts => {
                let mut body = BytesMut::with_capacity(self.len + parts.len() * nonce.len());
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        body.extend_from_slice(nonce.as_bytes());
                    }
                    body.extend_from_slice(part);
                }
                body.freeze()
            }
        };
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = self.headers.clone();
        tagged(response, "hit")
    }
}

/// The value of the first `nonce="…"` attribute in the document's `<head>` (where leptos' hydration scripts
/// are; the body holds user text), if it looks like one of leptos' nonces.
fn find_nonce(body: &[u8]) -> Option<&[u8]> {
    const ATTR: &[u8] = b" nonce=\"";
    let head = &body[..find(body, b"</head>")?];
    let start = find(head, ATTR)? + ATTR.len();
    let len = find(&head[start..], b"\"")?;
    let nonce = &head[start..start + len];
    let plausible = nonce.len() >= 16
        && nonce
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'/' | b'='));
    plausible.then_some(nonce)
}

/// `body` cut at every occurrence of `nonce` (which is dropped), as shared slices of one buffer.
fn split(body: &Bytes, nonce: &[u8]) -> Vec<Bytes> {
    let mut parts = Vec::new();
    let mut from = 0;
    while let Some(at) = find(&body[from..], nonce) {
        parts.push(body.slice(from..from + at));
        from += at + nonce.len();
    }
    parts.push(body.slice(from..));
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_mention_of_the_session_cookie_bypasses_the_cache() {
        let with = |name: &str, value: &[u8]| {
            let mut headers = HeaderMap::new();
            headers.insert(
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_bytes(value).unwrap(),
            );
            may_be_signed_in(&headers)
        };
        assert!(with("cookie", b"panelcast_session=abc"));
        assert!(with("cookie", b"theme=dark; panelcast_session =abc"));
        assert!(with("cookie", b"a=\xff; panelcast_session=abc"));
        assert!(with("authorization", b"Bearer x"));
        assert!(!with("cookie", b"theme=dark"));
        assert!(!may_be_signed_in(&HeaderMap::new()));
    }

    #[test]
    fn the_body_is_split_at_every_occurrence_of_its_head_nonce() {
        let html = Bytes::from_static(
            b"<html><head><link crossorigin=\"abcdefghijklmnop_-\"><script nonce=\"abcdefghijklmnop_-\"></script>\
              </head><body>x<script nonce=\"abcdefghijklmnop_-\"></script></body></html>",
        );
        let nonce = find_nonce(&html).expect("a nonce in the head");
        assert_eq!(nonce, b"abcdefghijklmnop_-");
        let parts = split(&html, nonce);
        assert_eq!(parts.len(), 4);
        assert!(parts.iter().all(|p| find(p, nonce).is_none()));
        // A `nonce="` only in the body (user text) is never taken for the page's nonce.
        let body_only = b"<head></head><body>nonce=\"abcdefghijklmnopqr\"</body>";
        assert_eq!(find_nonce(body_only), None);
    }
}
