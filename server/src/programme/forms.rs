//! The clerk's form posts to `/programme` and `/programme/{year}`: each is read by the core
//! (`command_from_form`), decided and written ([`super::change`]), then the clerk is sent back to the page
//! (303, so a reload does not post again). A refusal re-renders the page (422) with the problem beside its
//! field and what was typed kept. Importing from a pack takes two posts: the first shows what would be
//! added and the lines not read; only "Add these to the programme" writes.

use std::collections::BTreeMap;

use app::api::ssr::Identity;
use app::meeting::minutes::html::escape;
use app::meeting::programme::{
    command_from_form, date_line, decide, import_programme, FormProblem, Programme,
    ProgrammeCommand, ProgrammeEvent, ProgrammeRead, YearKey,
};
use app::meeting::Actor;
use axum::{
    extract::{rejection::FormRejection, Path, State},
    http::{header, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    Extension, Form,
};

use super::html::{page, Posted};
use super::page::{not_found, render};
use super::ChangeError;
use crate::state::AppState;

type Fields = BTreeMap<String, String>;

fn refused_page(status: StatusCode, message: &str) -> Response {
    let body = format!("<h1>Meeting dates and work programme</h1><p>{}</p><p><a href=\"/programme\">Back to the programme</a></p>", escape(message));
    (
        status,
        Html(page("Not changed", "<a href=\"/\">All meetings</a>", &body)),
    )
        .into_response()
}

fn only_clerks() -> Response {
    refused_page(
        StatusCode::FORBIDDEN,
        "Only a clerk can change the meeting dates and work programme.",
    )
}

/// `POST /programme`: open a year (its page, empty, with the forms; it is public once it has a date).
pub async fn start_year(
    Extension(who): Extension<Identity>,
    body: Result<Form<Fields>, FormRejection>,
) -> Response {
    if !matches!(who.actor, Actor::Clerk { .. }) {
        return only_clerks();
    }
    let Ok(Form(fields)) = body else {
        return refused_page(
            StatusCode::BAD_REQUEST,
            "The form could not be read; please try again.",
        );
    };
    match fields.get("year").and_then(|y| YearKey::parse(y)) {
        Some(year) => Redirect::to(&format!("/programme/{}", year.key())).into_response(),
        None => refused_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Write the municipal year as 2023/24.",
        ),
    }
}

/// The form a post came from, and the field a problem without one of its own is shown beside.
fn form_of(action: &str, fields: &Fields) -> (String, &'static str) {
    let id = fields.get("id").map(String::as_str).unwrap_or("");
    match action {
        "change-date" | "remove-date" => (format!("date-{id}"), "date"),
        "edit-entry" | "remove-entry" => (format!("entry-{id}"), "subject"),
        "move-entry" => (format!("entry-{id}"), "to"),
        "set-list" => (
            format!(
                "list-{}",
                fields.get("list").map(String::as_str).unwrap_or("")
            ),
            "lines",
        ),
        "add-entry" => ("add-entry".to_owned(), "subject"),
        "import" => ("import".to_owned(), "text"),
        _ => ("add-date".to_owned(), "date"),
    }
}

/// `POST /programme/{year}`.
pub async fn change(
    State(state): State<AppState>,
    Path(year): Path<String>,
    Extension(who): Extension<Identity>,
    body: Result<Form<Fields>, FormRejection>,
) -> Response {
    let Some(year) = YearKey::parse(&year) else {
        return not_found("There is no such year: write it as 2020-21.");
    };
    if !matches!(who.actor, Actor::Clerk { .. }) {
        return only_clerks();
    }
    let fields = match body {
        Ok(Form(fields)) => fields,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return refused_page(StatusCode::PAYLOAD_TOO_LARGE, "The text is too large: Panelcast reads up to 2 MB. Paste the work programme part of the pack only.");
        }
        Err(_) => {
            return refused_page(
                StatusCode::BAD_REQUEST,
                "The form could not be read; please try again.",
            )
        }
    };
    let action = fields.get("action").cloned().unwrap_or_default();
    let (form, default_field) = form_of(&action, &fields);
    let refuse = |problem: FormProblem| Posted {
        form: form.clone(),
        values: fields.clone(),
        problem: Some(problem),
    };
    let command = if action == "import" {
        match read_import(&fields) {
            Ok(Some(command)) => command,
            Ok(None) => return preview(&state, &year, &who.actor, &fields).await,
            Err(problem) => {
                return render(&state, &year, &who.actor, &refuse(problem), None, None).await
            }
        }
    } else {
        match command_from_form(&action, &fields) {
            Ok(command) => command,
            Err(problem) => {
                return render(&state, &year, &who.actor, &refuse(problem), None, None).await
            }
        }
    };
    match super::change(&state, &who.actor, &year, &command).await {
        Ok(_) => (
            StatusCode::SEE_OTHER,
            [(
                header::LOCATION,
                format!("/programme/{}?saved=1", year.key()),
            )],
        )
            .into_response(),
        Err(ChangeError::Refused(refusal)) => {
            let field = refusal.field().unwrap_or(default_field).to_owned();
            let problem = FormProblem {
                field,
                message: refusal.to_string(),
            };
            render(&state, &year, &who.actor, &refuse(problem), None, None).await
        }
        Err(error) => {
            let problem = FormProblem {
                field: default_field.to_owned(),
                message: error.message(),
            };
            render(&state, &year, &who.actor, &refuse(problem), None, None).await
        }
    }
}

/// The import to write (`confirm=yes`), `None` to show the preview first, or what is wrong with the text.
fn read_import(fields: &Fields) -> Result<Option<ProgrammeCommand>, FormProblem> {
    let read = read_text(fields)?;
    if fields.get("confirm").map(String::as_str) != Some("yes") {
        return Ok(None);
    }
    Ok(Some(ProgrammeCommand::Import {
        programme: read.programme,
    }))
}

fn read_text(fields: &Fields) -> Result<ProgrammeRead, FormProblem> {
    let text = fields.get("text").map(String::as_str).unwrap_or("");
    let problem = |message: String| FormProblem {
        field: "text".to_owned(),
        message,
    };
    let read = import_programme(text).map_err(|e| problem(e.to_string()))?;
    let p = &read.programme;
    let empty = p.meetings.is_empty()
        && p.provisional.is_empty()
        && p.standard.is_empty()
        && p.consider.is_empty()
        && p.note.is_empty();
    if empty {
        return Err(problem("No meeting dates or items were found: paste the work programme, starting at its heading (\"Police and Crime Panel Forward work programme\")".to_owned()));
    }
    Ok(read)
}

/// The page with what the import would add, the lines not read, and the button that adds them.
async fn preview(state: &AppState, year: &YearKey, actor: &Actor, fields: &Fields) -> Response {
    let read = match read_text(fields) {
        Ok(read) => read,
        Err(problem) => {
            let posted = Posted {
                form: "import".to_owned(),
                values: fields.clone(),
                problem: Some(problem),
            };
            return render(state, year, actor, &posted, None, None).await;
        }
    };
    let programme = match super::load(&state.store, year).await {
        Ok((programme, _)) => programme,
        Err(error) => {
            tracing::error!(%error, "reading the programme failed");
            return super::page::unavailable();
        }
    };
    let command = ProgrammeCommand::Import {
        programme: read.programme.clone(),
    };
    let html = match decide(&programme, actor, year, &command) {
        Ok(events) => preview_html(&programme, year, &events, &read, fields),
        Err(refusal) => {
            let posted = Posted {
                form: "import".to_owned(),
                values: fields.clone(),
                problem: Some(FormProblem {
                    field: "text".to_owned(),
                    message: refusal.to_string(),
                }),
            };
            return render(state, year, actor, &posted, None, None).await;
        }
    };
    render(state, year, actor, &Posted::default(), None, Some(html)).await
}

fn preview_html(
    before: &Programme,
    year: &YearKey,
    events: &[ProgrammeEvent],
    read: &ProgrammeRead,
    fields: &Fields,
) -> String {
    let mut after = before.clone();
    let mut lines = Vec::new();
    for event in events {
        after.apply(event);
        let line = match event {
            ProgrammeEvent::DateAdded { id, .. } => after
                .meeting(*id)
                .map(|m| format!("Meeting date: {}", date_line(m))),
            ProgrammeEvent::DateChanged { id, .. } => after
                .meeting(*id)
                .map(|m| format!("Time or note filled in: {}", date_line(m))),
            ProgrammeEvent::EntryAdded { meeting, entry } => {
                let place = meeting
                    .and_then(|id| after.meeting(id))
                    .map_or("No date yet".to_owned(), |m| m.date.long_text());
                Some(format!(
                    "{place}: {} | {} | {}",
                    entry.subject, entry.reason, entry.author
                ))
            }
            ProgrammeEvent::ListSet { list, lines } => {
                Some(format!("{}: {}", list.heading(), lines.join("; ")))
            }
            _ => None,
        };
        lines.extend(line);
    }
    let added = if lines.is_empty() {
        "<p>Nothing new: everything in the text is already in the programme.</p>".to_owned()
    } else {
        let items: String = lines
            .iter()
            .map(|l| format!("<li>{}</li>", escape(l)))
            .collect();
        format!(
            "<p>These would be added ({} in all):</p><ul>{items}</ul>",
            lines.len()
        )
    };
    let unread = if read.unreadable.is_empty() {
        String::new()
    } else {
        let items: String = read
            .unreadable
            .iter()
            .map(|u| {
                format!(
                    "<li>Line {}: “{}” — {}</li>",
                    u.line,
                    escape(&u.text),
                    escape(&u.reason)
                )
            })
            .collect();
        format!("<h3>Lines not read</h3><ul>{items}</ul>")
    };
    let from = read.lines.map_or(String::new(), |(a, b)| {
        format!("<p>Read from lines {a} to {b} of the text.</p>")
    });
    let text = escape(fields.get("text").map(String::as_str).unwrap_or(""));
    let confirm = if lines.is_empty() {
        String::new()
    } else {
        format!("<form method=\"post\" action=\"/programme/{}\" class=\"programme-form\"><input type=\"hidden\" name=\"action\" value=\"import\"><input type=\"hidden\" name=\"confirm\" value=\"yes\"><textarea name=\"text\" hidden aria-hidden=\"true\">{text}</textarea><button type=\"submit\" class=\"button\">Add these to the programme</button></form>", year.key())
    };
    format!("<section class=\"import-preview\" aria-labelledby=\"preview-heading\"><h2 id=\"preview-heading\">What the text would add</h2>{from}{added}{unread}{confirm}</section>\n")
}
