//! The actions register across meetings. The rules are the core's (`app::meeting::carried`); this shell
//! only finds the earlier meetings of the same Panel among those served here ([`earlier`]: same title,
//! started before, oldest first) and hands their states to it.
//!
//! - `GET /api/v1/meetings/{id}/actions`: this meeting's own actions, and `carried`, the register of
//!   actions carried to it from earlier meetings with the updates recorded here ("Open" or "Done").
//! - [`register`]: the same register for the console and the public page (`get_carried_actions`).
//! - [`with_carried`]: an `UpdateCarriedAction` gets the action as the register carries it, whatever the
//!   client sent, so the core can refuse one that is not carried here.
//! - [`page_key`]: the public page shows the register, which changes with the earlier meetings' logs,
//!   so the page cache keys it on those meetings' seqs as well as its own.
//!
//! Each meeting's actions are projected for the viewer, so an exempt item's actions never reach the public.

use std::sync::Arc;

use app::api::ssr::Identity;
use app::meeting::carried::{self, RegisterEntry};
use app::meeting::view::ActionView;
use app::meeting::{project, Actor, Command, Meeting, MeetingId};
use app::protocol::AppError;
use axum::{
    extract::{FromRef, Path, State},
    response::{IntoResponse, Response},
    routing::get,
    Extension, Json, Router,
};
use serde::Serialize;

use crate::error::error_response;
use crate::hub::{Hub, Published};

/// Generic over the app's state, so this module needs only the hub from it.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Hub: FromRef<S>,
{
    Router::new().route("/api/v1/meetings/{id}/actions", get(register_json))
}

/// The meetings of the same Panel (same title) that started before `meeting`, oldest first.
pub fn earlier(hub: &Hub, meeting: &Meeting) -> Vec<Arc<Published>> {
    let Some(info) = meeting.info() else {
        return vec![];
    };
    let mut earlier: Vec<Arc<Published>> = hub
        .meetings()
        .into_iter()
        .map(|(_, handle)| handle.current())
        .filter(|p| {
            p.meeting
                .info()
                .is_some_and(|i| i.title == info.title && i.starts_at < info.starts_at)
        })
        .collect();
    earlier.sort_by_key(|p| p.meeting.info().map(|i| i.starts_at));
    earlier
}

/// The register of meeting `id` as `viewer` may see it; `None` for an unknown meeting.
pub fn register(hub: &Hub, id: &str, viewer: &Actor) -> Option<Vec<RegisterEntry>> {
    let current = hub.get(id)?.current();
    let earlier = earlier(hub, &current.meeting);
    let register =
        carried::register_at(earlier.iter().map(|p| p.meeting.as_ref()), &current.meeting);
    Some(carried::visible(register, current.meeting.role_of(viewer)))
}

/// `command`, with an `UpdateCarriedAction` given the action as the register carries it (or none).
pub fn with_carried(hub: &Hub, id: &str, mut command: Command) -> Command {
    if let Command::UpdateCarriedAction {
        meeting,
        action,
        carried,
        ..
    } = &mut command
    {
        *carried = hub.get(id).and_then(|handle| {
            let current = handle.current();
            let earlier = earlier(hub, &current.meeting);
            carried::carried_to(earlier.iter().map(|p| p.meeting.as_ref()))
                .into_iter()
                .find(|e| e.action.is(meeting, *action))
                .map(|e| e.action)
        });
    }
    command
}

/// What the public page of `id` depends on: its own seq plus those of its earlier meetings. Each seq only
/// grows, so the sum changes whenever any of them does. `None` for an unknown meeting.
pub fn page_key(hub: &Hub, id: &str) -> Option<u64> {
    let handle = hub.get(id)?;
    let current = handle.current();
    let earlier: u64 = earlier(hub, &current.meeting).iter().map(|p| p.seq).sum();
    Some(current.seq.wrapping_add(earlier))
}

/// An action carried from an earlier meeting, in the JSON register.
#[derive(Serialize)]
struct Carried {
    meeting: MeetingId,
    meeting_date: String,
    id: u32,
    item: app::meeting::ItemCode,
    minute: Option<u32>,
    kind_label: &'static str,
    text: String,
    owner: String,
    due: String,
    /// "Open", or "Done" once marked done at this meeting.
    status: &'static str,
    note: Option<String>,
}

#[derive(Serialize)]
struct Register {
    actions: Vec<ActionView>,
    carried: Vec<Carried>,
}

async fn register_json(
    State(hub): State<Hub>,
    Path(id): Path<String>,
    Extension(who): Extension<Identity>,
) -> Response {
    let (Some(handle), Some(register)) = (hub.get(&id), register(&hub, &id, &who.actor)) else {
        return error_response(AppError::NotFound);
    };
    let carried = register
        .into_iter()
        .map(|e| Carried {
            meeting: e.action.meeting,
            meeting_date: e.action.meeting_date,
            id: e.action.action,
            item: e.action.item,
            minute: e.action.minute,
            kind_label: e.action.kind.label(),
            text: e.action.text,
            owner: e.action.owner,
            due: e.action.due,
            status: if e.done { "Done" } else { "Open" },
            note: e.note,
        })
        .collect();
    let actions = project(&handle.current().meeting, &who.actor).actions;
    Json(Register { actions, carried }).into_response()
}
