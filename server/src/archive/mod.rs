//! The archive of a closed meeting (docs/WEBCAST.md): its recording's playlist, read here (bounded, cached) and
//! handed to the core, which makes the chapters from the log (`app::meeting::chapters`, `view::archive`). Also
//! `GET /meetings/{id}/chapters.vtt`, the chapters as WebVTT.
//!
//! The cache keeps each address's playlist: a finished one (`#EXT-X-ENDLIST`) for [`SETTLED_FOR`], anything
//! else (still live, unreadable) for [`UNSETTLED_FOR`], so a page does not fetch a playlist per request and a
//! recording that is still being finished shows as soon as it is.

mod fetch;
pub mod tls;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use app::meeting::chapters::vtt::chapters_vtt;
use app::meeting::view::{archive, placed_chapters, recording_address, ArchiveView, PlaylistRead};
use app::meeting::{Actor, Meeting, Phase, Role};
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

pub use fetch::Fetched;

use crate::hub::Hub;

/// How long a finished recording's playlist is kept.
const SETTLED_FOR: Duration = Duration::from_secs(600);
/// How long anything else is kept before it is read again.
const UNSETTLED_FOR: Duration = Duration::from_secs(5);
/// At most this many addresses are kept; beyond it the cache starts afresh (meetings are few).
const MAX_ENTRIES: usize = 256;

static SITE_ROOT: OnceLock<PathBuf> = OnceLock::new();

type Cache = Mutex<HashMap<String, (Instant, Arc<Fetched>)>>;
static CACHE: OnceLock<Cache> = OnceLock::new();

/// Where same-site playlists are read from (leptos' site root); set once at start-up.
pub fn set_site_root(root: &str) {
    let _ = SITE_ROOT.set(PathBuf::from(root));
}

fn site_root() -> &'static Path {
    SITE_ROOT.get_or_init(|| PathBuf::from("target/site"))
}

/// The playlist at `address`, from the cache or read now.
pub async fn playlist(address: &str) -> Arc<Fetched> {
    let cache = CACHE.get_or_init(Cache::default);
    let fresh = |(at, fetched): &(Instant, Arc<Fetched>)| {
        let keep = match fetched.as_ref() {
            Fetched::Read(playlist) if playlist.ended => SETTLED_FOR,
            _ => UNSETTLED_FOR,
        };
        (at.elapsed() < keep).then(|| fetched.clone())
    };
    if let Some(hit) = cache
        .lock()
        .ok()
        .and_then(|c| c.get(address).and_then(fresh))
    {
        return hit;
    }
    let fetched = Arc::new(fetch::fetch(site_root(), address).await);
    if let Fetched::Failed(why) = fetched.as_ref() {
        tracing::warn!(address, why, "recording playlist unreadable");
    }
    if let Ok(mut cache) = cache.lock() {
        if cache.len() >= MAX_ENTRIES {
            cache.clear();
        }
        cache.insert(address.to_owned(), (Instant::now(), fetched.clone()));
    }
    fetched
}

fn as_read(fetched: Option<&Fetched>) -> PlaylistRead<'_> {
    match fetched {
        Some(Fetched::Read(playlist)) => PlaylistRead::Read(playlist),
        Some(Fetched::Failed(why)) => PlaylistRead::Unreadable(why),
        Some(Fetched::NotFetched(why)) => PlaylistRead::NotFetched(why),
        None => PlaylistRead::Nothing,
    }
}

/// The current state of `meeting` if it is closed.
fn closed(hub: &Hub, meeting: &str) -> Option<Arc<crate::hub::Published>> {
    let current = hub.get(meeting)?.current();
    matches!(current.meeting.phase(), Phase::Closed { .. }).then_some(current)
}

/// The archive of a closed meeting as `viewer` sees it (`None` if unknown or not closed).
pub async fn view(hub: &Hub, meeting: &str, viewer: &Actor) -> Option<ArchiveView> {
    let current = closed(hub, meeting)?;
    let state: &Meeting = &current.meeting;
    let address = recording_address(state).map(str::to_owned);
    let fetched = match &address {
        Some(address) => Some(playlist(address).await),
        None => None,
    };
    let for_clerk = state.role_of(viewer) == Role::Clerk;
    Some(archive(
        state,
        address.as_deref(),
        as_read(fetched.as_deref()),
        for_clerk,
    ))
}

/// `GET /meetings/{id}/chapters.vtt`: the chapters placed in the recording, as WebVTT (404 for a meeting that is
/// unknown or not closed; an empty file while none can be placed).
pub async fn chapters_file(State(hub): State<Hub>, UrlPath(id): UrlPath<String>) -> Response {
    let Some(current) = closed(&hub, &id) else {
        return (StatusCode::NOT_FOUND, "No archive for this meeting").into_response();
    };
    let state: &Meeting = &current.meeting;
    let fetched = match recording_address(state) {
        Some(address) => Some(playlist(address).await),
        None => None,
    };
    let chapters = placed_chapters(state, as_read(fetched.as_deref()));
    (
        [(header::CONTENT_TYPE, "text/vtt; charset=utf-8")],
        chapters_vtt(&chapters),
    )
        .into_response()
}
