//! `GET /meetings/{id}/text`: the meeting as plain text in a minimal HTML page (no script, no images, ~2 KB), for
//! screen readers and low bandwidth: the state now, the agenda with the current item marked, and the meeting's log
//! (`app::meeting::view::text_view`, the public's view). While the meeting is live the page refreshes itself
//! every 15 s, which needs no JavaScript.

use app::meeting::view::text_view;
use app::meeting::Phase;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::hub::Hub;

/// Seconds between refreshes of a live meeting's text page.
const REFRESH_SECONDS: u32 = 15;

pub async fn text_page(State(hub): State<Hub>, Path(id): Path<String>) -> Response {
    let Some(handle) = hub.get(&id) else {
        return (StatusCode::NOT_FOUND, "There is no such meeting").into_response();
    };
    let current = handle.current();
    let text = text_view(&current.meeting);
    let live = matches!(
        current.meeting.phase(),
        Phase::Open { .. } | Phase::Adjourned { .. }
    );
    let refresh = if live {
        format!(r#"<meta http-equiv="refresh" content="{REFRESH_SECONDS}">"#)
    } else {
        String::new()
    };
    let list = |lines: &[String]| {
        lines
            .iter()
            .map(|line| format!("<li>{}</li>", escape(line)))
            .collect::<String>()
    };
    let log = if text.log.is_empty() {
        "<p>Nothing has happened yet.</p>".to_owned()
    } else {
        format!("<ol>{}</ol>", list(&text.log))
    };
    let body = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">{refresh}<title>{title} (text) – Panelcast</title></head><body><main><h1>{title}</h1><p><a href="/meetings/{id}">The full page with the webcast</a></p><h2>Now</h2><ul>{now}</ul><h2>Agenda</h2><ol>{agenda}</ol><h2>What has happened</h2>{log}</main></body></html>"#,
        title = escape(&text.title),
        id = escape(&id),
        now = list(&text.now),
        agenda = list(&text.agenda),
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// Text as HTML text.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
