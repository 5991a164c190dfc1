//! `POST /meetings/{id}/sign-in-sheet`: the clerk's printable sheet of sign-in links, one slip per member of
//! the meeting's Panel (chair included) and one for the Commissioner: name, meeting, the link and its QR code.
//! Only a link's hash is stored, so the sheet cannot reprint old links: each request creates a fresh link per
//! person (listed on the links page like any other), which is why it is a POST from the links page and not a
//! GET. The QR codes are SVG made here with the `qrcode` crate (no script, no image files, prints sharply).
//! The seeds are silent on how members get their links; a slip handed over at the meeting is what a clerk
//! would expect. Clerks only (403); an unknown meeting is 404.

use app::api::ssr::Identity;
use app::meeting::Actor;
use app::protocol::links::when;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Extension;
use qrcode::render::svg;
use qrcode::QrCode;

use crate::state::AppState;

/// The sheet's print stylesheet (`GET /sign-in-sheet.css`).
pub const STYLESHEET: &str = include_str!("../../style/sign-in-sheet.css");

pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        STYLESHEET,
    )
        .into_response()
}

pub async fn sheet(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    Path(id): Path<String>,
) -> Response {
    if !matches!(identity.actor, Actor::Clerk { .. }) {
        return page(
            StatusCode::FORBIDDEN,
            "Sign-in sheet",
            "<p>Only a clerk can print sign-in links.</p>",
        );
    }
    let Some(handle) = state.hub.get(&id) else {
        return page(
            StatusCode::NOT_FOUND,
            "Sign-in sheet",
            "<p>There is no such meeting.</p>",
        );
    };
    let meeting = handle.current().meeting.clone();
    let Some(info) = meeting.info() else {
        return page(
            StatusCode::NOT_FOUND,
            "Sign-in sheet",
            "<p>There is no such meeting.</p>",
        );
    };
    let title = format!("{}, {}", info.title, when(info.starts_at.0));
    let mut people: Vec<(Actor, String)> = meeting
        .members()
        .into_iter()
        .map(|(member, name, _)| (Actor::Member { member }, name))
        .collect();
    people.push((Actor::Commissioner, info.commissioner.clone()));
    let mut slips = String::new();
    for (actor, name) in people {
        let who = Identity {
            actor,
            display_name: name.clone(),
            signed_in: true,
        };
        let url = match state.auth.sign_in_url_for(&who, Some(&id)).await {
            Ok(url) => url,
            Err(error) => {
                tracing::error!(%error, "creating a sign-in link for the sheet failed");
                return page(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Sign-in sheet",
                    "<p>Temporarily unavailable; please try again in a moment.</p>",
                );
            }
        };
        slips.push_str(&slip(&name, &title, &url));
    }
    let body = format!(
        "<p class=\"sheet-lede\">One slip per person. Each link works once and expires; hand each slip to that \
         person only. Printing again creates new links.</p>\
         <p class=\"sheet-actions\"><a href=\"/clerk/sign-in-links\">Back to the sign-in links</a></p>\
         <ul class=\"slips\">{slips}</ul>"
    );
    page(
        StatusCode::OK,
        &format!("Sign-in links: {}", escape(&title)),
        &body,
    )
}

/// One person's slip.
fn slip(name: &str, meeting: &str, url: &str) -> String {
    format!(
        "<li class=\"slip\" data-testid=\"slip\"><div class=\"slip__qr\">{qr}</div><div><p class=\"slip__name\">{name}</p>\
         <p class=\"slip__meeting\">{meeting}</p><p class=\"slip__link\">{url}</p>\
         <p class=\"slip__note\">Scan the code or type the link to sign in to Panelcast. It works once.</p></div></li>",
        qr = qr_svg(url, name),
        name = escape(name),
        meeting = escape(meeting),
        url = escape(url),
    )
}

/// `url` as an SVG QR code, labelled for screen readers.
pub fn qr_svg(url: &str, name: &str) -> String {
    let Ok(code) = QrCode::new(url.as_bytes()) else {
        return String::new();
    };
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build();
    let body = svg.find("<svg").map_or(svg.as_str(), |at| &svg[at..]);
    body.replacen(
        "<svg",
        &format!(
            "<svg role=\"img\" aria-label=\"QR code of the sign-in link for {}\"",
            escape(name)
        ),
        1,
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{title} – Panelcast</title>\
         <link rel=\"stylesheet\" href=\"/sign-in-sheet.css\"></head><body><main id=\"main\">\
         <h1>{title}</h1>{body}</main></body></html>"
    );
    (status, [(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}
