//! The actions register across meetings: `GET /api/v1/meetings/{id}/actions` lists this
//! meeting's actions and, carried forward, every action still open from the meetings before it (served
//! here, started earlier), oldest meeting first — the "Overview of Actions" (Status | Owner | Due date,
//! S3:128-133) kept until each is marked done (`MarkActionDone` on the meeting that recorded it, allowed
//! after its close). Each meeting's actions are projected for the viewer, so an exempt item's actions
//! never reach the public.

use app::api::ssr::Identity;
use app::meeting::view::ActionView;
use app::meeting::{project, MeetingId};
use app::protocol::AppError;
use axum::{
    extract::{FromRef, Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
    Extension, Json, Router,
};
use serde::Serialize;
use serde_json::json;

use crate::hub::Hub;

/// Generic over the app's state, so this module needs only the hub from it.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Hub: FromRef<S>,
{
    Router::new().route("/api/v1/meetings/{id}/actions", get(register))
}

/// An open action carried from an earlier meeting.
#[derive(Serialize)]
struct Carried {
    meeting: MeetingId,
    #[serde(flatten)]
    action: ActionView,
}

#[derive(Serialize)]
struct Register {
    actions: Vec<ActionView>,
    carried: Vec<Carried>,
}

async fn register(
    State(hub): State<Hub>,
    Path(id): Path<String>,
    Extension(who): Extension<Identity>,
) -> Response {
    let Some(handle) = hub.get(&id) else {
        return not_found();
    };
    let current = handle.current();
    let Some(starts) = current.meeting.info().map(|i| i.starts_at) else {
        return not_found();
    };
    let mut earlier: Vec<_> = hub
        .meetings()
        .into_iter()
        .map(|(_, h)| h.current())
        .filter(|p| p.meeting.info().is_some_and(|i| i.starts_at < starts))
        .collect();
    earlier.sort_by_key(|p| p.meeting.info().map(|i| i.starts_at));
    let carried = earlier
        .iter()
        .flat_map(|p| {
            let meeting = p.meeting.id().cloned().unwrap_or_default();
            project(&p.meeting, &who.actor)
                .actions
                .into_iter()
                .filter(|a| a.status != "Done")
                .map(move |action| Carried {
                    meeting: meeting.clone(),
                    action,
                })
        })
        .collect();
    let actions = project(&current.meeting, &who.actor).actions;
    Json(Register { actions, carried }).into_response()
}

/// 404 in the shape of every `/api/v1` error (`crate::error::error_response`).
fn not_found() -> Response {
    let error = AppError::NotFound;
    let message = error.to_string();
    (
        StatusCode::NOT_FOUND,
        Json(json!({ "error": error, "message": message })),
    )
        .into_response()
}
