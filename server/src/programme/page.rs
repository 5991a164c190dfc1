//! The programme's public pages: `/programme` (the years) and `/programme/{year}` (the dates and the work
//! programme, each date with the meeting scheduled on it and each entry with the agenda item it became),
//! plus `/programme/{year}/text`, the packs' own form. A clerk sees the same page with the forms that
//! change it ([`super::clerk_forms`]).

use std::collections::HashMap;

use app::api::ssr::Identity;
use app::meeting::minutes::html::escape;
use app::meeting::programme::{date_line, programme_text, Entry, Programme, StandingList, YearKey};
use app::meeting::Actor;
use axum::{
    extract::{Path, Query, State},
    http::{header, StatusCode},
    response::{Html, IntoResponse, Response},
    Extension,
};
use serde::Deserialize;

use super::clerk_forms;
use super::html::{error_summary, page, Posted};
use super::on_agenda::{self, OnAgenda, Scheduled};
use crate::state::AppState;

const NAV: &str = "<a href=\"/\">All meetings</a> · <a href=\"/programme\">Meeting dates and work programme, by year</a>";

/// `/programme`: the years, latest first.
pub async fn index(State(state): State<AppState>, Extension(who): Extension<Identity>) -> Response {
    let years = match state.store.programme_years().await {
        Ok(years) => years,
        Err(error) => {
            tracing::error!(%error, "listing the programme's years failed");
            return unavailable();
        }
    };
    let list: String = years
        .iter()
        .map(|y| {
            format!(
                "<li><a href=\"/programme/{}\">Meeting dates and work programme {y}</a></li>",
                y.key()
            )
        })
        .collect();
    let list = if list.is_empty() {
        "<p>No meeting dates have been published yet.</p>".to_owned()
    } else {
        format!("<ul class=\"programme-years\">{list}</ul>")
    };
    let clerk = if matches!(who.actor, Actor::Clerk { .. }) {
        clerk_forms::start_year(&Posted::default())
    } else {
        String::new()
    };
    let body = format!("<h1>Meeting dates and work programme</h1>\n<p>The Panel's meetings for each municipal year, and what it plans to consider at each.</p>\n{list}\n{clerk}");
    Html(page("Meeting dates and work programme", NAV, &body)).into_response()
}

#[derive(Deserialize)]
pub struct Saved {
    saved: Option<String>,
}

/// `/programme/{year}`.
pub async fn year_page(
    State(state): State<AppState>,
    Path(year): Path<String>,
    Query(saved): Query<Saved>,
    Extension(who): Extension<Identity>,
) -> Response {
    let Some(year) = YearKey::parse(&year) else {
        return not_found("There is no such year: write it as 2020-21.");
    };
    let notice = saved.saved.map(|_| "Saved.".to_owned());
    render(&state, &year, &who.actor, &Posted::default(), notice, None).await
}

/// The year's page, with a refused form's problem, a notice, or an import's preview.
pub async fn render(
    state: &AppState,
    year: &YearKey,
    actor: &Actor,
    posted: &Posted,
    notice: Option<String>,
    preview: Option<String>,
) -> Response {
    let clerk = matches!(actor, Actor::Clerk { .. });
    let programme = match super::load(&state.store, year).await {
        Ok((programme, _)) => programme,
        Err(error) => {
            tracing::error!(%error, "reading the programme failed");
            return unavailable();
        }
    };
    if programme.year.is_none() && !clerk {
        return not_found(&format!(
            "No meeting dates have been published for {year} yet."
        ));
    }
    let on_agenda::Survey { scheduled, from } = on_agenda::survey(&state.hub, year);
    let mut body = format!("<h1>Meeting dates and work programme {year}</h1>\n");
    body.push_str(&format!("<p><a href=\"/programme/{}/text\" download>Download as text</a> (the form printed in the agenda packs)</p>\n", year.key()));
    if let Some(notice) = notice {
        body.push_str(&format!(
            "<p class=\"minutes-status\" role=\"status\">{}</p>\n",
            escape(&notice)
        ));
    }
    body.push_str(&error_summary(posted));
    body.push_str(&preview.unwrap_or_default());
    body.push_str(&dates_table(&programme, &scheduled));
    body.push_str(&work_programme(&programme, year, &from, clerk, posted));
    if clerk {
        body.push_str(&clerk_forms::all(&programme, year, posted));
    }
    let status = if posted.problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let title = format!("Meeting dates and work programme {year}");
    let mut response = (status, Html(page(&title, NAV, &body))).into_response();
    if clerk {
        crate::document_page::no_store(&mut response);
    }
    response
}

fn dates_table(programme: &Programme, scheduled: &[Scheduled]) -> String {
    if programme.meetings.is_empty() {
        return "<h2 id=\"dates\">Meeting dates</h2>\n<p>No dates yet.</p>\n".to_owned();
    }
    let rows: String = programme
        .meetings
        .iter()
        .map(|m| {
            let time = m.time.map_or("To be confirmed".to_owned(), |(h, mi)| {
                format!("{h:02}:{mi:02}")
            });
            let mut what: Vec<String> = m.note.iter().map(|n| escape(n)).collect();
            if m.reserve
                && !m
                    .note
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase().contains("reserve"))
            {
                what.push("Reserve date".to_owned());
            }
            let on_day = m
                .date
                .day()
                .map(|d| on_agenda::on_day(scheduled, d))
                .unwrap_or_default();
            for meeting in on_day {
                let state = if meeting.cancelled {
                    " (cancelled)"
                } else {
                    ""
                };
                what.push(format!(
                    "<a href=\"/meetings/{}\">{}{state}: agenda and papers</a>",
                    escape(&meeting.id),
                    escape(&meeting.title)
                ));
            }
            if what.is_empty() {
                what.push("Panel meeting".to_owned());
            }
            format!(
                "<tr><td>{}</td><td>{time}</td><td>{}</td></tr>",
                escape(&m.date.long_text()),
                what.join("<br>")
            )
        })
        .collect();
    format!("<h2 id=\"dates\">Meeting dates</h2>\n<p>A reserve date is held in case the Panel must meet again, for instance after a veto of the precept; it is not a meeting that will certainly happen.</p>\n<table class=\"programme-table\"><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Time</th><th scope=\"col\">Meeting</th></tr></thead><tbody>{rows}</tbody></table>\n")
}

fn work_programme(
    programme: &Programme,
    year: &YearKey,
    from: &HashMap<u32, Vec<OnAgenda>>,
    clerk: bool,
    posted: &Posted,
) -> String {
    let mut out = String::from("<h2 id=\"work-programme\">Work programme</h2>\n");
    let table = |entries: &[Entry]| -> String {
        if entries.is_empty() {
            return "<p>Nothing planned yet.</p>".to_owned();
        }
        let rows: String = entries
            .iter()
            .map(|e| {
                let on: Vec<String> = from.get(&e.id).into_iter().flatten().map(|o| {
                    format!("<a href=\"/meetings/{}\">{}, item {}</a>", escape(&o.meeting.id), o.meeting.date, escape(&o.item))
                }).collect();
                let on = if on.is_empty() { "Not yet".to_owned() } else { on.join("<br>") };
                let controls = if clerk { clerk_forms::entry_controls(programme, year, e, posted) } else { String::new() };
                format!("<tr id=\"entry-{}\"><td>{}{controls}</td><td>{}</td><td>{}</td><td>{on}</td></tr>", e.id, escape(&e.subject), escape(&e.reason), escape(&e.author))
            })
            .collect();
        format!("<table class=\"programme-table programme-work\"><thead><tr><th scope=\"col\">Subject</th><th scope=\"col\">Reason for report</th><th scope=\"col\">Author</th><th scope=\"col\">On the agenda</th></tr></thead><tbody>{rows}</tbody></table>")
    };
    let mut any = false;
    for m in &programme.meetings {
        if m.entries.is_empty() && !clerk {
            continue;
        }
        any = true;
        let controls = if clerk {
            clerk_forms::date_controls(year, m, posted)
        } else {
            String::new()
        };
        out.push_str(&format!("<section aria-labelledby=\"plan-{id}\"><h3 id=\"plan-{id}\">{}</h3>{}{controls}</section>\n", escape(&date_line(m)), table(&m.entries), id = m.id));
    }
    if !programme.provisional.is_empty() {
        any = true;
        out.push_str(&format!("<section aria-labelledby=\"plan-provisional\"><h3 id=\"plan-provisional\">Items provisionally planned for future consideration</h3>{}</section>\n", table(&programme.provisional)));
    }
    for list in StandingList::ALL {
        let lines = programme.list(list);
        if lines.is_empty() {
            continue;
        }
        any = true;
        let items: String = lines
            .iter()
            .map(|l| format!("<li>{}</li>", escape(l)))
            .collect();
        out.push_str(&format!("<section aria-labelledby=\"list-{key}\"><h3 id=\"list-{key}\">{}</h3><ul>{items}</ul></section>\n", list.heading(), key = list.key()));
    }
    if !any {
        out.push_str("<p>Nothing planned yet.</p>\n");
    }
    out
}

/// `/programme/{year}/text`: the packs' form, as a download.
pub async fn text(State(state): State<AppState>, Path(year): Path<String>) -> Response {
    let Some(year) = YearKey::parse(&year) else {
        return not_found("There is no such year: write it as 2020-21.");
    };
    match super::load(&state.store, &year).await {
        Ok((programme, _)) if programme.year.is_some() => (
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"work-programme-{}.txt\"", year.key()),
                ),
            ],
            programme_text(&programme),
        )
            .into_response(),
        Ok(_) => not_found(&format!(
            "No meeting dates have been published for {year} yet."
        )),
        Err(error) => {
            tracing::error!(%error, "reading the programme failed");
            unavailable()
        }
    }
}

pub fn not_found(message: &str) -> Response {
    let body = format!(
        "<h1>Meeting dates and work programme</h1><p>{}</p>",
        escape(message)
    );
    (StatusCode::NOT_FOUND, Html(page("Not found", NAV, &body))).into_response()
}

pub fn unavailable() -> Response {
    let body = "<h1>Meeting dates and work programme</h1><p>The programme is unavailable just now; please try again in a minute.</p>";
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Html(page("Unavailable", NAV, body)),
    )
        .into_response()
}
