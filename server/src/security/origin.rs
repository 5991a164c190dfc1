//! Cross-site request forgery: every state-changing request must come from this site's own pages.
//!
//! The rule (the same as Go 1.25's `net/http.CrossOriginProtection`, after Filippo Valsorda's analysis): a
//! `POST`, `PUT`, `PATCH` or `DELETE` is accepted when
//! - its `Sec-Fetch-Site` is `same-origin` or `none` (the browser says the page that sent it is ours, or the
//!   user typed it); any other value (`cross-site`, `same-site`) is refused; otherwise
//! - its `Origin` is exactly `PANELCAST_PUBLIC_URL`'s origin; another `Origin` is refused; otherwise
//! - it carries neither header, so it did not come from a browser (every browser in use sends `Origin` on a
//!   `POST`): tools, tests and integrations with their own session cookie are not a CSRF risk.
//!
//! `SameSite=Strict` on the session cookie already keeps it off cross-site requests; this check also covers a
//! sibling subdomain (same-site, so the cookie goes) and `/sign-in`, whose token is in the form itself.
//!
//! The server functions (`POST /api/<name>`) take only `application/json`, the encoding the pages send
//! (`app::wire::WireJson`): `text/plain` or a form would be a "simple" request, sent cross-site without a
//! CORS preflight.

use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    Json,
};
use serde_json::json;

use super::body::is_server_fn;

/// The site's origin, `scheme://host[:port]`, compared byte for byte with a request's `Origin`.
#[derive(Clone, Debug)]
pub struct SiteOrigin(pub String);

impl SiteOrigin {
    /// The origin of `PANELCAST_PUBLIC_URL` (any path dropped).
    pub fn of(public_url: &str) -> Self {
        let after_scheme = public_url.find("://").map_or(0, |i| i + 3);
        let end = public_url[after_scheme..]
            .find('/')
            .map_or(public_url.len(), |i| after_scheme + i);
        Self(public_url[..end].to_ascii_lowercase())
    }
}

/// Why a request was refused, if it was.
pub fn problem(
    method: &Method,
    path: &str,
    headers: &HeaderMap,
    site: &SiteOrigin,
) -> Option<Refusal> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match (text("sec-fetch-site"), text(header::ORIGIN.as_str())) {
        (Some("same-origin" | "none"), _) => {}
        (Some(_), _) => return Some(Refusal::CrossOrigin),
        (None, Some(origin)) if !origin.eq_ignore_ascii_case(&site.0) => {
            return Some(Refusal::CrossOrigin)
        }
        _ => {}
    }
    if is_server_fn(path) && !is_json(headers) {
        return Some(Refusal::NotJson);
    }
    None
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// A refused request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    CrossOrigin,
    NotJson,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            Refusal::CrossOrigin => (
                StatusCode::FORBIDDEN,
                "This request came from another site, so it was refused: use Panelcast's own pages",
            ),
            Refusal::NotJson => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Send this request as application/json",
            ),
        };
        (
            status,
            Json(json!({ "error": "forbidden", "message": message })),
        )
            .into_response()
    }
}

/// Middleware: refuses cross-origin state changes and non-JSON server function calls.
pub async fn check(State(site): State<SiteOrigin>, request: Request, next: Next) -> Response {
    match problem(
        request.method(),
        request.uri().path(),
        request.headers(),
        &site,
    ) {
        Some(refusal) => {
            tracing::debug!(path = request.uri().path(), ?refusal, "refused a request");
            refusal.into_response()
        }
        None => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn a_state_change_is_accepted_only_from_this_site_or_from_no_browser() {
        let site = SiteOrigin::of("https://panel.example/");
        let post = |pairs: &[(&'static str, &'static str)]| {
            problem(
                &Method::POST,
                "/api/v1/meetings/x/commands",
                &headers(pairs),
                &site,
            )
        };
        assert_eq!(post(&[("sec-fetch-site", "same-origin")]), None);
        assert_eq!(post(&[("sec-fetch-site", "none")]), None);
        assert_eq!(post(&[("origin", "https://panel.example")]), None);
        assert_eq!(post(&[]), None);
        assert_eq!(
            post(&[("sec-fetch-site", "cross-site")]),
            Some(Refusal::CrossOrigin)
        );
        assert_eq!(
            post(&[
                ("sec-fetch-site", "same-site"),
                ("origin", "https://panel.example")
            ]),
            Some(Refusal::CrossOrigin)
        );
        assert_eq!(
            post(&[("origin", "https://evil.example")]),
            Some(Refusal::CrossOrigin)
        );
        assert_eq!(post(&[("origin", "null")]), Some(Refusal::CrossOrigin));
        assert_eq!(
            post(&[("origin", "https://panel.example.evil")]),
            Some(Refusal::CrossOrigin)
        );
        // Reads are never refused.
        assert_eq!(
            problem(
                &Method::GET,
                "/",
                &headers(&[("origin", "https://evil.example")]),
                &site
            ),
            None
        );
    }

    #[test]
    fn server_functions_take_only_json() {
        let site = SiteOrigin::of("http://127.0.0.1:3000");
        let call = |content_type: &'static str| {
            problem(
                &Method::POST,
                "/api/run_command",
                &headers(&[("content-type", content_type)]),
                &site,
            )
        };
        assert_eq!(call("application/json"), None);
        assert_eq!(call("application/json; charset=utf-8"), None);
        assert_eq!(call("text/plain"), Some(Refusal::NotJson));
        assert_eq!(
            call("application/x-www-form-urlencoded"),
            Some(Refusal::NotJson)
        );
        assert_eq!(
            problem(&Method::POST, "/api/run_command", &HeaderMap::new(), &site),
            Some(Refusal::NotJson)
        );
    }
}
