//! `/api/v1`: JSON routes over the same hub the server functions use, for tests, tools and integrations.
//!
//! `POST /api/v1/meetings/{id}/commands` takes a `Command` as JSON. The actor is the request's session (public
//! if none), never the body. A domain rejection is 409 (or 403 for a permission rule) with the rule's message;
//! a malformed body is 400; nothing is applied on any error.

use app::api::ssr::Identity;
use app::meeting::{Command, CommandError};
use app::protocol::AppError;
use axum::{
    extract::{rejection::JsonRejection, Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, post},
    Extension, Json, Router,
};
use serde_json::json;

use crate::startup::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/meetings", get(list))
        .route("/api/v1/meetings/{id}", get(view))
        .route("/api/v1/meetings/{id}/commands", post(command))
}

async fn list(State(state): State<AppState>) -> Response {
    Json(crate::service::summaries(&state.hub)).into_response()
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
    match handle.execute(who.actor, command).await {
        Ok(receipt) => Json(receipt).into_response(),
        Err(error) => error_response(error),
    }
}

/// The HTTP status for each error, and a body with the machine-readable error and a sentence for people.
pub fn error_response(error: AppError) -> Response {
    let status = match &error {
        AppError::Command(reason) if is_permission(reason) => StatusCode::FORBIDDEN,
        AppError::Command(_) => StatusCode::CONFLICT,
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::BadRequest(_) | AppError::Transport(_) => StatusCode::BAD_REQUEST,
        AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
    };
    let message = error.to_string();
    (status, Json(json!({ "error": error, "message": message }))).into_response()
}

/// Refusals about *who* is asking (403), as opposed to the state of the meeting (409).
fn is_permission(reason: &CommandError) -> bool {
    matches!(
        reason,
        CommandError::NotAllowed { .. }
            | CommandError::PublicCannotAct
            | CommandError::NotEligible
            | CommandError::NotTheAsker { .. }
            | CommandError::SubstituteCannotVoteOnVeto
    )
}
