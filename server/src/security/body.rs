//! Request bodies: a size limit on every route, and the leptos server functions' client errors as 4xx.
//!
//! Every body is read through [`http_body_util::Limited`]: a summons (`POST /api/v1/meetings`, or the
//! `run_command` server function, which carries `ScheduleMeeting`) may be up to [`SUMMONS_BODY`], anything
//! an agenda pack up to [`PACK_BODY`], a programme page's form (which may carry a pasted pack) up to
//! [`PROGRAMME_FORM_BODY`], anything else up to [`BODY`]. A `Content-Length` over the limit is refused at once with 413; a body that grows past
//! it while being read fails its extractor (axum's `Json` answers 413, a server function 400).
//!
//! leptos' server functions answer an argument they cannot decode with status 500 (server_fn 0.8's
//! `error_response`), and the body is our [`AppError`] in its wire form (`AppError::from_server_fn_error`).
//! [`server_fn_status`] gives such an answer the status the error itself names (400 for a bad request), so a
//! client's mistake is never a 500 and is not logged as a server failure by the trace layer around it.

use app::protocol::AppError;
use axum::{
    body::Body,
    extract::Request,
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The largest body of any request but a summons: a command is well under 16 KiB (its longest text is 4,000
/// characters, at most 16,000 bytes of UTF-8, `app::meeting::limits`).
pub const BODY: usize = 32 * 1024;
/// The largest summons: 50 seats and 300 agenda items at their limits fit several times over in practice (the
/// 6 December 2022 summons is under 10 KiB).
pub const SUMMONS_BODY: usize = 1024 * 1024;

/// The largest agenda pack (`POST /api/v1/agenda-imports`): room above the importer's own 2 MB limit, so a pack
/// slightly too large gets the importer's sentence rather than the transport's.
pub const PACK_BODY: usize = 2 * app::meeting::import::MAX_PACK_BYTES;

/// The largest post to a year's programme page (`POST /programme/{year}`): a pasted pack of up to the
/// importer's 2 MB, form-encoded (which can triple the bytes of non-ASCII text), so the importer answers in
/// its own words rather than the transport refusing.
pub const PROGRAMME_FORM_BODY: usize = 3 * app::meeting::import::MAX_PACK_BYTES + 64 * 1024;

/// The server functions' path prefix (`#[server(endpoint = "…")]` under leptos' default `/api`).
pub const SERVER_FN_PREFIX: &str = "/api/";

/// Whether `path` is a leptos server function (not the REST API under `/api/v1/`).
pub fn is_server_fn(path: &str) -> bool {
    path.starts_with(SERVER_FN_PREFIX) && !path.starts_with("/api/v1/")
}

fn limit_for(method: &Method, path: &str) -> usize {
    let summons =
        (method == Method::POST && path == "/api/v1/meetings") || path == "/api/run_command";
    if summons {
        SUMMONS_BODY
    } else if method == Method::POST && path == "/api/v1/agenda-imports" {
        PACK_BODY
    } else if method == Method::POST && path.starts_with("/programme/") {
        PROGRAMME_FORM_BODY
    } else {
        BODY
    }
}

/// Middleware: refuses a declared length over the route's limit, and limits what is read of any body.
pub async fn limit(request: Request, next: Next) -> Response {
    let max = limit_for(request.method(), request.uri().path());
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > max as u64) {
        return too_large(max);
    }
    let (parts, body) = request.into_parts();
    let request = Request::from_parts(parts, Body::new(http_body_util::Limited::new(body, max)));
    next.run(request).await
}

fn too_large(max: usize) -> Response {
    let mut response = crate::error::error_response(AppError::BadRequest(format!(
        "the request body is larger than {} KiB",
        max / 1024
    )));
    *response.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
    response
}

/// Middleware: a server function's 500 whose body is an [`AppError`] gets that error's own status.
pub async fn server_fn_status(request: Request, next: Next) -> Response {
    if !is_server_fn(request.uri().path()) {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        if let Ok(status) = StatusCode::from_u16(error.http_status()) {
            parts.status = status;
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
