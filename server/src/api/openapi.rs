//! The OpenAPI 3.1 document of `/api/v1`, served at `GET /api/v1/openapi.json`, generated with `utoipa` from
//! the `#[utoipa::path]` attributes on the handlers themselves (so a handler's documentation sits on it).
//! utoipa is a dependency of the server only: the core's types are not annotated, so the browser bundle does
//! not grow; request and response bodies are described here as JSON objects with their Rust type named (the
//! serde shape of `app::meeting::Command`, `MeetingSpec`, `published_votes::PublishedVotes`, …).
//! `server/tests/it/openapi.rs` fails when a route of the `/api/v1` router is missing from the document.

use axum::{response::IntoResponse, Json};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Panelcast API",
        description = "The live meeting room of the Kent and Medway Police and Crime Panel: meetings, commands, and the published record. The actor is always the request's session cookie (public if none), never the body.",
        version = "1"
    ),
    paths(
        super::list,
        super::schedule,
        super::view,
        super::summons,
        super::command,
        super::votes::votes_json,
        super::votes::votes_csv,
        sign_in_links,
        sign_in_links_list,
        sign_in_link_revoke,
        openapi_json,
        crate::programme::api::years,
        crate::programme::api::programme,
        crate::programme::api::command,
        crate::programme::api::on_date,
    ),
    tags(
        (name = "meetings", description = "Meetings, their summons and live state"),
        (name = "commands", description = "Everything that changes a meeting"),
        (name = "record", description = "The published record derived from the event log"),
        (name = "accounts", description = "Sign-in links"),
        (name = "programme", description = "The year's meeting dates and work programme"),
    )
)]
pub struct ApiDoc;

/// The document as JSON.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// This document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meetings",
    responses((status = 200, description = "The OpenAPI 3.1 document of /api/v1", content_type = "application/json"))
)]
pub(super) async fn openapi_json() -> impl IntoResponse {
    Json(document())
}

/// A clerk creates a single-use sign-in link for a person (`server/src/auth/routes.rs`). Documented here so
/// that the accounts module needs no OpenAPI attribute; the body is `{"actor": {...}, "display_name": "..."}`.
#[utoipa::path(
    post,
    path = "/api/v1/sign-in-links",
    tag = "accounts",
    request_body(content = Object, description = "`{\"actor\": Actor, \"display_name\": String}`", content_type = "application/json"),
    responses(
        (status = 200, description = "The link", content_type = "application/json"),
        (status = 403, description = "Only a clerk can create sign-in links"),
        (status = 400, description = "Malformed body"),
    )
)]
#[allow(dead_code)] // documentation only: the route is served by `auth::routes`
async fn sign_in_links() {}

/// A clerk lists every sign-in link created for a meeting (`server/src/auth/link_routes.rs`): person, role,
/// created, expires, used, revoked. Never the link's address: only its hash is stored (docs/LINKS.md).
#[utoipa::path(
    get,
    path = "/api/v1/sign-in-links",
    tag = "accounts",
    params(("meeting" = String, Query, description = "The meeting the links were created for")),
    responses(
        (status = 200, description = "The links, newest first", content_type = "application/json"),
        (status = 403, description = "Only a clerk can list sign-in links"),
    )
)]
#[allow(dead_code)] // documentation only: the route is served by `auth::routes`
async fn sign_in_links_list() {}

/// A clerk revokes a sign-in link by its id (the token's SHA-256): it no longer signs in.
#[utoipa::path(
    post,
    path = "/api/v1/sign-in-links/{id}/revoke",
    tag = "accounts",
    params(("id" = String, Path, description = "The link's id from the list")),
    responses(
        (status = 200, description = "Revoked (revoking twice is not an error)", content_type = "application/json"),
        (status = 403, description = "Only a clerk can revoke sign-in links"),
        (status = 404, description = "There is no such sign-in link"),
    )
)]
#[allow(dead_code)] // documentation only: the route is served by `auth::routes`
async fn sign_in_link_revoke() {}
