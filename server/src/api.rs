//! `/api/v1`: JSON routes over the same hub the server functions use, for tests, tools and integrations.
//!
//! `POST /api/v1/meetings/{id}/commands` takes a `Command` as JSON; `POST /api/v1/meetings` takes a new
//! meeting's summons (a `MeetingSpec`, the clerk only) and answers `201 Created` with its address;
//! `GET /api/v1/meetings/{id}/summons` gives a meeting's summons as it was scheduled (a template for the next). The actor is
//! the request's session (public if none), never the body. A domain rejection is 409 (or 403 for a permission
//! rule) with the rule's message; a malformed body is 400; nothing is applied on any error.

use app::api::ssr::Identity;
use app::meeting::{Command, Event, MeetingId, MeetingSpec};
use app::protocol::AppError;
use axum::{
    extract::{rejection::JsonRejection, Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Extension, Json, Router,
};
use serde_json::json;

use crate::startup::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/meetings", get(list).post(schedule))
        .route("/api/v1/meetings/{id}", get(view))
        .route("/api/v1/meetings/{id}/summons", get(summons))
        .route("/api/v1/meetings/{id}/commands", post(command))
}

async fn list(State(state): State<AppState>) -> Response {
    Json(crate::service::summaries(&state.hub)).into_response()
}

async fn schedule(
    State(state): State<AppState>,
    Extension(who): Extension<Identity>,
    body: Result<Json<MeetingSpec>, JsonRejection>,
) -> Response {
    let spec = match body {
        Ok(Json(spec)) => spec,
        Err(rejection) => return error_response(AppError::BadRequest(rejection.body_text())),
    };
    if let Err(limited) = state
        .rates
        .command(&who.actor, app::meeting::CommandKind::ScheduleMeeting)
    {
        return crate::security::too_many(&limited);
    }
    let address = format!("/meetings/{}", spec.id);
    match state.hub.schedule(who.actor, spec).await {
        Ok(receipt) => (
            StatusCode::CREATED,
            [(header::LOCATION, address)],
            Json(receipt),
        )
            .into_response(),
        Err(error) => error_response(error),
    }
}

/// The summons as scheduled: the first event of the meeting's log. (Later changes of membership are events
/// of their own; the summons is what was issued.) Public, as the published agenda is.
async fn summons(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    if state.hub.get(&id).is_none() {
        return error_response(AppError::NotFound);
    }
    match state.store.load_after(&MeetingId(id), 0).await {
        Ok(log) => match log.into_iter().next().map(|stored| stored.event) {
            Some(Event::MeetingScheduled(spec)) => Json(spec).into_response(),
            _ => error_response(AppError::NotFound),
        },
        Err(error) => {
            tracing::error!(%error, "reading a summons failed");
            error_response(AppError::Unavailable)
        }
    }
}

async fn view(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(who): Extension<Identity>,
) -> Response {
    match state.hub.get(&id) {
        Some(handle) => {
            let current = handle.current();
            let view = app::meeting::project(&current.meeting, &who.actor);
            Json(json!({ "seq": current.seq, "view": view })).into_response()
        }
        None => error_response(AppError::NotFound),
    }
}

async fn command(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(who): Extension<Identity>,
    body: Result<Json<Command>, JsonRejection>,
) -> Response {
    let command = match body {
        Ok(Json(command)) => command,
        Err(rejection) => return error_response(AppError::BadRequest(rejection.body_text())),
    };
    let Some(handle) = state.hub.get(&id) else {
        return error_response(AppError::NotFound);
    };
    if let Err(limited) = state.rates.command(&who.actor, command.kind()) {
        return crate::security::too_many(&limited);
    }
    match handle.execute(who.actor, command).await {
        Ok(receipt) => Json(receipt).into_response(),
        Err(error) => error_response(error),
    }
}

/// The HTTP status for each error (`AppError::http_status`: 403/409 for a rule's refusal, 401, 404, 400, 503), and
/// a body with the machine-readable error and a sentence for people.
pub fn error_response(error: AppError) -> Response {
    let status =
        StatusCode::from_u16(error.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let message = error.to_string();
    (status, Json(json!({ "error": error, "message": message }))).into_response()
}
