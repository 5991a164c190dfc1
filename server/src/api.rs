//! `/api/v1`: JSON routes over the same hub the server functions use, for tests, tools and integrations.
//!
//! `POST /api/v1/meetings/{id}/commands` takes a `Command` as JSON; `POST /api/v1/meetings` takes a new
//! meeting's summons (a `MeetingSpec`, the clerk only) and answers `201 Created` with its address;
//! `GET /api/v1/meetings/{id}/summons` gives a meeting's summons as it was scheduled (a template for the next);
//! `GET /api/v1/meetings/{id}/votes` and `votes.csv` its published vote record ([`votes`]). The actor is
//! the request's session (public if none), never the body. A domain rejection is 409 (or 403 for a permission
//! rule) with the rule's message; a malformed body is 400; nothing is applied on any error.
//! `POST /api/v1/agenda-imports` (the clerk only) reads an agenda pack into a draft summons without writing.

use app::api::ssr::Identity;
use app::meeting::import::ImportError;
use app::meeting::{Actor, Command, Event, MeetingId, MeetingSpec};
use app::protocol::AppError;
use axum::{
    body::Bytes,
    extract::{rejection::JsonRejection, DefaultBodyLimit, Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Extension, Json, Router,
};
use serde_json::json;

pub use crate::error::error_response;
use crate::state::AppState;

mod openapi;
mod votes;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/meetings", get(list).post(schedule))
        .route("/api/v1/meetings/{id}", get(view))
        .route("/api/v1/meetings/{id}/summons", get(summons))
        .route("/api/v1/meetings/{id}/commands", post(command))
        .route("/api/v1/meetings/{id}/votes", get(votes::votes_json))
        .route("/api/v1/meetings/{id}/votes.csv", get(votes::votes_csv))
        .route("/api/v1/openapi.json", get(openapi::openapi_json))
        .route(
            "/api/v1/agenda-imports",
            post(import_pack).layer(DefaultBodyLimit::max(IMPORT_BODY_LIMIT)),
        )
}

/// Room above the importer's own 2 MB limit, so a pack slightly too large gets the importer's sentence rather
/// than the transport's.
const IMPORT_BODY_LIMIT: usize = 2 * app::meeting::import::MAX_PACK_BYTES;

/// Clerks only: reads an agenda pack (the body, as text) into a draft summons, the lines not read, and the
/// summons' remaining problems by field. Nothing is written: the clerk schedules the draft with
/// `POST /api/v1/meetings` once it is right. A pack over 2 MB is 413, binary content 400.
async fn import_pack(Extension(who): Extension<Identity>, body: Bytes) -> Response {
    if !matches!(who.actor, Actor::Clerk { .. }) {
        let message = "Only a clerk can import an agenda pack";
        return (
            StatusCode::FORBIDDEN,
            Json(json!({ "error": "not_allowed", "message": message })),
        )
            .into_response();
    }
    match app::meeting::import::import_agenda_bytes(&body) {
        Ok(import) => {
            let problems = app::meeting::summons_check::summons_problems(&import.spec);
            Json(json!({ "import": import, "problems": problems })).into_response()
        }
        Err(error) => {
            let status = match error {
                ImportError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
                ImportError::Binary { .. } => StatusCode::BAD_REQUEST,
            };
            let message = error.to_string();
            (status, Json(json!({ "error": error, "message": message }))).into_response()
        }
    }
}

/// The meetings: live now, upcoming, past.
#[utoipa::path(get, path = "/api/v1/meetings", tag = "meetings",
    responses((status = 200, description = "Meeting summaries", content_type = "application/json")))]
async fn list(State(state): State<AppState>) -> Response {
    Json(crate::service::summaries(&state.hub)).into_response()
}

/// The clerk schedules a meeting from its summons (`MeetingSpec`).
#[utoipa::path(post, path = "/api/v1/meetings", tag = "meetings",
    request_body(content = Object, description = "A `MeetingSpec` (see `GET /api/v1/meetings/{id}/summons`)", content_type = "application/json"),
    responses(
        (status = 201, description = "Scheduled; `Location` is the meeting's page", content_type = "application/json"),
        (status = 400, description = "Malformed summons"),
        (status = 403, description = "Only the clerk schedules meetings"),
        (status = 409, description = "Refused by a rule, in its words"),
    ))]
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
#[utoipa::path(get, path = "/api/v1/meetings/{id}/summons", tag = "meetings",
    params(("id" = String, Path, description = "The meeting's id, e.g. 2022-12-06")),
    responses((status = 200, description = "The `MeetingSpec` as scheduled", content_type = "application/json"),
        (status = 404, description = "No such meeting")))]
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

/// The meeting as the requester may see it (`MeetingView`) with its seq.
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings",
    params(("id" = String, Path, description = "The meeting's id, e.g. 2022-12-06")),
    responses((status = 200, description = "`{\"seq\": u64, \"view\": MeetingView}`", content_type = "application/json"),
        (status = 404, description = "No such meeting")))]
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

/// Runs a `Command` (`{"type": "CastBallot", …}`) as the session's actor.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/commands", tag = "commands",
    params(("id" = String, Path, description = "The meeting's id, e.g. 2022-12-06")),
    request_body(content = Object, description = "A `Command`", content_type = "application/json"),
    responses(
        (status = 200, description = "Accepted: the receipt with the log's seq", content_type = "application/json"),
        (status = 400, description = "Malformed command"),
        (status = 403, description = "The actor's role may not do this"),
        (status = 404, description = "No such meeting"),
        (status = 409, description = "Refused by a rule, in its words; nothing written"),
    ))]
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
    let command = crate::minutes::with_numbering(&state.hub, &id, command);
    let command = crate::actions::with_carried(&state.hub, &id, command);
    match handle.execute(who.actor, command).await {
        Ok(receipt) => Json(receipt).into_response(),
        Err(error) => error_response(error),
    }
}
