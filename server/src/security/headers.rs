//! Security headers on every response, and a Content-Security-Policy whose nonce is the page's own.
//!
//! Each request gets a fresh nonce here ([`PageNonce`], in the request's extensions). leptos renders the
//! page with it (the app's context closure calls [`provide_request_nonce`], which replaces the nonce leptos
//! generated), the page cache splices it into a cached page, and an HTML response's
//! `Content-Security-Policy` names it. So the header and the page always carry the same nonce, and a
//! cached page never shares one with another viewer.
//!
//! The policy: scripts only from this site or with the nonce (leptos' hydration script is inline and
//! carries it; `public/webcast.js`, the wasm bundle, its code-split chunks and the vendored hls.js are
//! files of this site), `'wasm-unsafe-eval'` to compile the wasm, no inline scripts or `eval`, no plugins
//! (`object-src 'none'`), no `<base>` (`base-uri 'none'`), forms only to this site, never framed
//! (`frame-ancestors 'none'`: the chair's console cannot be overlaid by another site). The webcast: media
//! and fetches from this site and from the origins of the meeting's `webcast_url` and `recording_url` (hls.js fetches the playlist and
//! segments), `blob:` for media-source playback and hls.js' worker.

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

use crate::hub::Hub;

/// The nonce of this request's page.
#[derive(Clone, Debug)]
pub struct PageNonce(pub String);

/// What the policy needs: the meetings (for their webcast origins) and the site's websocket origin.
#[derive(Clone)]
pub struct Policy {
    pub hub: Hub,
    /// `ws://host:port` or `wss://host` for `PANELCAST_PUBLIC_URL`.
    pub websocket_origin: String,
}

impl Policy {
    pub fn new(hub: Hub, public_url: &str) -> Self {
        let site = super::origin::SiteOrigin::of(public_url).0;
        let websocket_origin = match site.strip_prefix("https://") {
            Some(host) => format!("wss://{host}"),
            None => format!("ws://{}", site.trim_start_matches("http://")),
        };
        Self {
            hub,
            websocket_origin,
        }
    }

    /// The origins of the webcast and of the recording of the meeting at `path` (`/meetings/{id}…`): the live
    /// stream (`webcast_url`) and, once the clerk sets it, the archive's recording (`recording_url`), each
    /// where it is on another site.
    fn webcast_origins(&self, path: &str) -> Vec<String> {
        let Some(id) = path
            .strip_prefix("/meetings/")
            .and_then(|rest| rest.split('/').next())
        else {
            return Vec::new();
        };
        let Some(handle) = self.hub.get(id) else {
            return Vec::new();
        };
        let current = handle.current();
        let meeting = &current.meeting;
        let urls = [
            meeting.info().and_then(|info| info.webcast_url.clone()),
            meeting.recording().url.clone(),
        ];
        let mut origins: Vec<String> = urls
            .into_iter()
            .flatten()
            .map(|url| super::origin::SiteOrigin::of(&url).0)
            .filter(|origin| {
                (origin.starts_with("https://") || origin.starts_with("http://"))
                    && origin
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b".-:/[]".contains(&b))
            })
            .collect();
        origins.dedup();
        origins
    }

    /// The policy for a page with `nonce` at `path`.
    pub fn header(&self, nonce: &str, path: &str) -> String {
        let webcast: String = self
            .webcast_origins(path)
            .iter()
            .map(|origin| format!(" {origin}"))
            .collect();
        format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data:; font-src 'self'; media-src 'self' blob:{webcast}; \
             connect-src 'self' {ws}{webcast}; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'",
            ws = self.websocket_origin
        )
    }
}

/// Middleware: a fresh nonce for the request; the policy on an HTML answer.
pub async fn content_security_policy(
    State(policy): State<Policy>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = leptos::nonce::Nonce::new().to_string();
    let path = request.uri().path().to_owned();
    request.extensions_mut().insert(PageNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        if let Ok(value) = HeaderValue::from_str(&policy.header(&nonce, &path)) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

/// In leptos' context for a page render: makes the page use this request's nonce (see the module's doc).
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<PageNonce>().cloned());
    if let Some(PageNonce(nonce)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(nonce));
    }
}

/// The headers every response carries (unless it set its own): no MIME sniffing, no referrer beyond this
/// site, no camera, microphone or location, not framed (the older header, beside `frame-ancestors`), and —
/// only when the site is served over https — HSTS for a year.
pub fn fixed_headers(https: bool) -> Vec<(header::HeaderName, HeaderValue)> {
    let mut headers = vec![
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ),
        (
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
            ),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
    ];
    if https {
        headers.push((
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ));
    }
    headers
}
