//! The server's edge against abuse: body limits ([`body`]), cross-site request forgery ([`origin`]), security
//! headers and the Content-Security-Policy ([`headers`]), rate limits ([`rate`]) and the private operations
//! endpoint ([`metrics_guard`]). `docs/SECURITY.md` describes them for operators.

pub mod body;
pub mod headers;
pub mod origin;
pub mod rate;

use std::net::{IpAddr, SocketAddr};

use app::api::ssr::Identity;
use app::meeting::Actor;
use app::protocol::AppError;
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    Router,
};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::hub::Hub;

/// What the security layers need to know about the site.
#[derive(Clone, Debug, Default)]
pub struct SecuritySettings {
    /// `PANELCAST_METRICS_TOKEN`: when set, `/metrics` needs `Authorization: Bearer <token>`; when not set,
    /// `/metrics` answers only direct loopback clients (no `Forwarded`/`X-Forwarded-For`, so not through a
    /// proxy on the same host).
    pub metrics_token: Option<String>,
    /// The `PANELCAST_RATE_*` limits.
    pub rates: rate::RateSettings,
}

/// Wraps every route (outside the session and the page cache, inside compression and tracing): security
/// headers, the CSP nonce, CSRF and content-type checks, body limits, server functions' 4xx statuses.
pub fn wrap<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    hub: &Hub,
    public_url: &str,
) -> Router<S> {
    let mut router = router
        .layer(middleware::from_fn(body::server_fn_status))
        .layer(middleware::from_fn(body::limit))
        .layer(middleware::from_fn_with_state(
            origin::SiteOrigin::of(public_url),
            origin::check,
        ))
        .layer(middleware::from_fn_with_state(
            headers::Policy::new(hub.clone(), public_url),
            headers::content_security_policy,
        ));
    for (name, value) in headers::fixed_headers(public_url.starts_with("https://")) {
        router = router.layer(SetResponseHeaderLayer::if_not_present(name, value));
    }
    router
}

/// Inside the session middleware (it needs the [`Identity`]): sign-in attempts per client address and sign-in
/// links per clerk. Commands are limited where they are executed (`crate::service`, `crate::api`).
pub async fn limit_accounts(
    State(rates): State<rate::RateLimits>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() == Method::POST {
        let limited = match request.uri().path() {
            "/sign-in" => rates.sign_in(client_address(&request)),
            "/api/v1/sign-in-links" => {
                match request.extensions().get::<Identity>().map(|i| &i.actor) {
                    Some(Actor::Clerk { name }) => rates.clerk(name),
                    _ => Ok(()),
                }
            }
            _ => Ok(()),
        };
        if let Err(limited) = limited {
            return too_many(&limited);
        }
    }
    next.run(request).await
}

/// The connection's peer address (the server is served with `ConnectInfo`); unspecified if unknown.
fn client_address(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |ConnectInfo(addr)| addr.ip())
}

/// `429 Too Many Requests` with `Retry-After` and the sentence, in the REST API's error form.
pub fn too_many(limited: &rate::Limited) -> Response {
    let mut response = crate::error::error_response(app_error(limited));
    if let Ok(value) = HeaderValue::from_str(&limited.retry_after_secs().to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// The refusal as the API's error.
pub fn app_error(limited: &rate::Limited) -> AppError {
    AppError::TooManyRequests {
        message: limited.message(),
        retry_after_secs: limited.retry_after_secs(),
    }
}

/// `/metrics` is for operators: with a token configured, only a request bearing it; without, only a direct
/// loopback client. Anyone else gets 404, as if there were no such page.
pub async fn metrics_guard(
    State(settings): State<SecuritySettings>,
    request: Request,
    next: Next,
) -> Response {
    if request.uri().path() != "/metrics" {
        return next.run(request).await;
    }
    let allowed = match &settings.metrics_token {
        Some(token) => request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|given| constant_time_eq(given.trim().as_bytes(), token.as_bytes())),
        None => {
            let headers = request.headers();
            client_address(&request).is_loopback()
                && !headers.contains_key("forwarded")
                && !headers.contains_key("x-forwarded-for")
        }
    };
    if allowed {
        next.run(request).await
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

/// Compares without stopping at the first difference, so the time taken does not reveal the token.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
