//! The clerk's links page's routes: `GET /api/v1/sign-in-links?meeting=…` (every link created for that
//! meeting) and `POST /api/v1/sign-in-links/{id}/revoke`. Clerks only (403 otherwise); an unknown link is
//! 404, never a 500. Account management is outside the meeting core, so the clerk-only rule is here.

use app::api::ssr::Identity;
use app::meeting::Actor;
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    Extension, Json,
};
use serde::Deserialize;

use super::{links, Auth};

/// The longest meeting id a link may be filed under (meeting ids are short slugs such as `kmpcp-2026-02-03`).
pub const MAX_MEETING_ID_CHARS: usize = 100;

/// A refusal as the links routes give it: `{"error": "…"}`.
pub fn refuse(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

/// The 403, unless `identity` is a clerk.
pub fn not_a_clerk(identity: &Identity, what: &str) -> Option<Response> {
    match identity.actor {
        Actor::Clerk { .. } => None,
        _ => Some(refuse(
            StatusCode::FORBIDDEN,
            &format!("Only a clerk can {what}"),
        )),
    }
}

/// The 400 if `meeting` is too long to be a meeting id.
pub fn bad_meeting_id(meeting: &str) -> Option<Response> {
    if meeting.chars().count() > MAX_MEETING_ID_CHARS {
        return Some(refuse(
            StatusCode::BAD_REQUEST,
            &format!("A meeting id has at most {MAX_MEETING_ID_CHARS} characters"),
        ));
    }
    None
}

fn unavailable(error: crate::error::StoreError, doing: &str) -> Response {
    tracing::error!(%error, "{doing} failed");
    refuse(
        StatusCode::SERVICE_UNAVAILABLE,
        "Sign-in links are unavailable; please try again in a moment",
    )
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    meeting: String,
}

/// Every link created for the meeting, newest first.
pub async fn list_links(
    State(auth): State<Auth>,
    Extension(identity): Extension<Identity>,
    Query(query): Query<ListQuery>,
) -> Response {
    if let Some(refused) =
        not_a_clerk(&identity, "list sign-in links").or_else(|| bad_meeting_id(&query.meeting))
    {
        return refused;
    }
    match links::list(&auth.pool, &query.meeting).await {
        Ok(rows) => Json(rows).into_response(),
        Err(error) => unavailable(error, "listing sign-in links"),
    }
}

/// Revokes a link: it no longer signs in.
pub async fn revoke_link(
    State(auth): State<Auth>,
    Extension(identity): Extension<Identity>,
    Path(id): Path<String>,
) -> Response {
    if let Some(refused) = not_a_clerk(&identity, "revoke sign-in links") {
        return refused;
    }
    let not_found = || refuse(StatusCode::NOT_FOUND, "There is no such sign-in link");
    if !super::tokens::looks_like_token(&id) {
        return not_found();
    }
    match links::revoke(&auth.pool, &id.to_ascii_lowercase()).await {
        Ok(true) => Json(serde_json::json!({ "revoked": id })).into_response(),
        Ok(false) => not_found(),
        Err(error) => unavailable(error, "revoking a sign-in link"),
    }
}
