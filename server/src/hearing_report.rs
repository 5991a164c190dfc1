//! The Panel's report to the Commissioner after a confirmation hearing, as a printable page
//! (`GET /meetings/{id}/hearing-report`, plain HTML with a print stylesheet, no JavaScript) and as Markdown
//! (`GET /meetings/{id}/hearing-report.md`). The content is the core's `report::HearingReport`, derived from
//! the meeting's state (the log), never stored apart.
//!
//! Who sees it: the published report (after the chair's `ReportHearing`; Sch 8 para 4(7) "The panel must
//! publish the report") is public; before that it is a draft that only the presiding chair and the clerk
//! see. Anyone else is told it is not published yet (404), as for a meeting that does not exist.

// HTML escaping: the core's one escaper for the record's documents, as the minutes page uses.
use app::api::ssr::Identity;
use app::meeting::minutes::html::escape as esc;
use app::meeting::report::HearingReport;
use app::meeting::Role;
use app::protocol::AppError;
use axum::{
    extract::{Path, State},
    http::header,
    response::{Html, IntoResponse, Response},
    routing::get,
    Extension, Router,
};

use crate::document_page::{self, STYLESHEET};
use crate::error::error_response;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/meetings/{id}/hearing-report", get(page))
        .route("/meetings/{id}/hearing-report.md", get(markdown))
}

/// The report the viewer may see: published, or a draft for the chair and the clerk.
fn report_for(state: &AppState, id: &str, who: &Identity) -> Result<HearingReport, AppError> {
    let handle = state.hub.get(id).ok_or(AppError::NotFound)?;
    let current = handle.current();
    let report = HearingReport::of(&current.meeting).ok_or(AppError::NotFound)?;
    let officer = matches!(
        current.meeting.role_of(&who.actor),
        Role::Chair | Role::Clerk
    );
    if report.is_published() || officer {
        Ok(report)
    } else {
        Err(AppError::NotFound)
    }
}

async fn markdown(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(who): Extension<Identity>,
) -> Response {
    match report_for(&state, &id, &who) {
        Ok(report) => document_page::markdown(
            &format!("{id}-hearing-report.md"),
            report.to_markdown(),
            true,
        ),
        Err(error) => error_response(error),
    }
}

async fn page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(who): Extension<Identity>,
) -> Response {
    match report_for(&state, &id, &who) {
        Ok(report) => (
            [(header::CACHE_CONTROL, "private, no-store")],
            Html(html(&id, &report)),
        )
            .into_response(),
        Err(error) => error_response(error),
    }
}

/// The page: a heading, the draft notice, the proposal, the outcome, the reasons, the votes and the dates.
fn html(id: &str, report: &HearingReport) -> String {
    let mut body = String::new();
    if !report.is_published() {
        body.push_str("<p class=\"draft\"><strong>Draft.</strong> Not yet reported to the Commissioner; only the chair and the clerk can see it.</p>");
    }
    body.push_str(&format!(
        "<p>Kent and Medway Police and Crime Panel, confirmation hearing at the meeting of {} ({}).</p>",
        esc(&report.hearing_date.long_text()),
        esc(&report.meeting_title)
    ));
    body.push_str(&format!(
        "<dl><dt>Post</dt><dd>{}</dd><dt>Candidate</dt><dd>{}</dd><dt>Commissioner</dt><dd>{}</dd></dl>",
        esc(&report.post),
        esc(&report.candidate),
        esc(&report.commissioner)
    ));
    body.push_str(&format!(
        "<h2>Outcome</h2><p>{}</p>",
        esc(&report.outcome_statement())
    ));
    let reasons = report.reasons.as_deref().unwrap_or("Not yet recorded.");
    body.push_str(&format!(
        "<h2>The Panel's reasons</h2><p>{}</p>",
        esc(reasons)
    ));
    body.push_str("<h2>The vote</h2>");
    if report.votes.is_empty() {
        body.push_str("<p>No vote of the hearing has closed.</p>");
    } else {
        body.push_str("<ul>");
        for vote in &report.votes {
            body.push_str(&format!(
                "<li>{}: “{}”. <strong>{}</strong>: {}.</li>",
                esc(&vote.kind_label),
                esc(&vote.motion),
                esc(&vote.outcome_label),
                esc(&vote.arithmetic)
            ));
        }
        body.push_str("</ul>");
    }
    body.push_str(&format!(
        "<h2>Dates</h2><p>{}</p>",
        esc(&report.dates_statement())
    ));
    if let Some(accepts) = report.commissioner_accepts {
        let word = if accepts { "accepts" } else { "rejects" };
        body.push_str(&format!("<h2>The Commissioner's response</h2><p>The Commissioner {word} the Panel's recommendation (Sch 8 para 7(3)).</p>"));
    }
    let id = esc(id);
    format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>Report to the Commissioner: {candidate} – Panelcast</title>{STYLESHEET}</head>\
<body><nav class=\"no-print\" aria-label=\"Meeting\"><a href=\"/meetings/{id}\">Back to the meeting</a> · \
<a href=\"/meetings/{id}/hearing-report.md\">Download as Markdown</a></nav>\
<main><h1>Report to the Police and Crime Commissioner: proposed appointment of {candidate}</h1>{body}</main></body></html>",
        candidate = esc(&report.candidate),
    )
}
