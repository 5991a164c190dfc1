//! What the record's printable documents share (the minutes, `minutes.rs`; the hearing report,
//! `hearing_report.rs`): their stylesheet and their Markdown download.
//!
//! The stylesheet is served as a file, `GET /styles/document.css` (`style/minutes.css`), not inlined: the
//! pages' Content-Security-Policy allows styles from this site only (`style-src 'self'`, see
//! `security/headers.rs`), so an inline `<style>` would be ignored and the pages would print unstyled.

use axum::{
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

/// The documents' stylesheet: on screen and in print.
const STYLE: &str = include_str!("../../style/minutes.css");

/// Where the pages link it from.
pub const STYLESHEET: &str = "<link rel=\"stylesheet\" href=\"/styles/document.css\">";

pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route(
        "/styles/document.css",
        get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }),
    )
}

/// A Markdown download named `file` (a checked meeting id and fixed words, so it needs no quoting); a draft
/// (`private`) must never sit in a shared cache.
pub fn markdown(file: &str, body: String, private: bool) -> Response {
    let mut response = (
        [
            (
                header::CONTENT_TYPE,
                "text/markdown; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        body,
    )
        .into_response();
    if private {
        no_store(&mut response);
    }
    response
}

/// Marks `response` as private, not to be stored.
pub fn no_store(response: &mut Response) {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
}
