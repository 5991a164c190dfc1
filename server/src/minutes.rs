//! The minutes on the web: `GET /meetings/{id}/minutes` (a printable HTML page, readable without
//! JavaScript, with its print stylesheet `style/minutes.css` inlined) and `GET /meetings/{id}/minutes.md`
//! (the Markdown download). Both are derived from the log: the draft from the meeting's state, a
//! published version from its `MinutesPublished` event.
//!
//! Who sees what: the chair and the clerk see the draft (or `?version=N`); everyone else sees the latest
//! published version (or `?version=N`) in its public form, in which an exempt item is only its heading
//! under the exclusion resolution. Nothing published yet: 404 with a sentence saying so.
//!
//! Numbering: this shell tells the core where the minutes continue from ([`continues_from`]), both for
//! the draft and in a `PublishMinutes` command ([`with_numbering`]), whatever the client sent.

use app::api::ssr::Identity;
use app::meeting::minutes::{self, Minutes};
use app::meeting::{Command, Meeting, Role};
use axum::{
    extract::{FromRef, Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Response},
    routing::get,
    Extension, Router,
};
use serde::Deserialize;

use crate::document_page::{self, STYLESHEET};
use crate::hub::Hub;

/// Generic over the app's state, so this module needs only the hub from it.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Hub: FromRef<S>,
{
    Router::new()
        .route("/meetings/{id}/minutes", get(page))
        .route("/meetings/{id}/minutes.md", get(markdown))
}

/// The previous meeting's last minute number: the latest meeting served here that started before this
/// one and has published minutes (its latest version). `None` when there is none.
pub fn continues_from(hub: &Hub, meeting: &Meeting) -> Option<u32> {
    let starts = meeting.info()?.starts_at;
    hub.meetings()
        .into_iter()
        .map(|(_, handle)| handle.current())
        .filter_map(|current| {
            let other = &current.meeting;
            let at = other.info()?.starts_at;
            let last = other.record().latest()?.minutes.last_number()?;
            (at < starts).then_some((at, last))
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, last)| last)
}

/// `command`, with a `PublishMinutes` given the numbering the shell knows.
pub fn with_numbering(hub: &Hub, id: &str, command: Command) -> Command {
    match command {
        Command::PublishMinutes { .. } => {
            let continues = hub
                .get(id)
                .and_then(|handle| continues_from(hub, &handle.current().meeting));
            Command::PublishMinutes {
                continues_from: continues,
            }
        }
        other => other,
    }
}

#[derive(Deserialize)]
struct Which {
    version: Option<u32>,
}

/// The minutes this request may read, and whether they are the draft.
enum Chosen {
    Draft(Box<Minutes>),
    Published(u32, Box<Minutes>),
}

/// The minutes this request may read, or why there are none (the sentence of a 404).
fn choose(
    hub: &Hub,
    id: &str,
    who: &Identity,
    version: Option<u32>,
) -> Result<Chosen, &'static str> {
    let handle = hub.get(id).ok_or("There is no such meeting.")?;
    let current = handle.current();
    let meeting = &current.meeting;
    let officer = matches!(meeting.role_of(&who.actor), Role::Chair | Role::Clerk);
    let published = meeting.record().published.iter();
    let found = match version {
        Some(n) => published.clone().find(|p| p.version == n),
        None if officer => {
            let draft = minutes::draft(meeting, continues_from(hub, meeting));
            return Ok(Chosen::Draft(Box::new(draft)));
        }
        None => published.clone().last(),
    };
    match found {
        Some(p) if officer => Ok(Chosen::Published(p.version, Box::new(p.minutes.clone()))),
        Some(p) => Ok(Chosen::Published(p.version, Box::new(p.minutes.public()))),
        None if version.is_some() => Err("There is no such version of the minutes."),
        None => Err("The minutes of this meeting have not been published yet."),
    }
}

async fn page(
    State(hub): State<Hub>,
    Path(id): Path<String>,
    Query(which): Query<Which>,
    Extension(who): Extension<Identity>,
) -> Response {
    let chosen = match choose(&hub, &id, &who, which.version) {
        Ok(chosen) => chosen,
        Err(why) => return not_found(why),
    };
    let versions: Vec<u32> = hub
        .get(&id)
        .map(|h| {
            h.current()
                .meeting
                .record()
                .published
                .iter()
                .map(|p| p.version)
                .collect()
        })
        .unwrap_or_default();
    let (status, minutes) = match &chosen {
        Chosen::Draft(m) => ("Draft minutes — not published".to_owned(), m),
        Chosen::Published(v, m) => (format!("Published minutes, version {v}"), m),
    };
    let esc = minutes::html::escape;
    let id_e = esc(&id);
    let history: String = versions
        .iter()
        .map(|v| {
            format!("<li><a href=\"/meetings/{id_e}/minutes?version={v}\">Version {v}</a></li>")
        })
        .collect();
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Minutes – {title}</title>{STYLESHEET}</head><body>\n<nav class=\"minutes-nav\" aria-label=\"Minutes\"><a href=\"/meetings/{id_e}\">Back to the meeting</a> · <a href=\"/meetings/{id_e}/minutes.md{query}\" download>Download as Markdown</a></nav>\n<main>\n<p class=\"minutes-status\" role=\"status\">{status}</p>\n{article}<section class=\"minutes-history\" aria-labelledby=\"history\"><h2 id=\"history\">Published versions</h2>{list}</section>\n</main></body></html>\n",
        title = esc(&minutes.title),
        query = which.version.map(|v| format!("?version={v}")).unwrap_or_default(),
        status = esc(&status),
        article = minutes::html::render(minutes),
        list = if history.is_empty() {
            "<p>None yet.</p>".to_owned()
        } else {
            format!("<ol>{history}</ol>")
        },
    );
    private_if_draft(&chosen, Html(body).into_response())
}

async fn markdown(
    State(hub): State<Hub>,
    Path(id): Path<String>,
    Query(which): Query<Which>,
    Extension(who): Extension<Identity>,
) -> Response {
    let chosen = match choose(&hub, &id, &who, which.version) {
        Ok(chosen) => chosen,
        Err(why) => return not_found(why),
    };
    let (name, minutes) = match &chosen {
        Chosen::Draft(m) => (format!("minutes-{id}-draft.md"), m),
        Chosen::Published(v, m) => (format!("minutes-{id}-v{v}.md"), m),
    };
    let private = matches!(chosen, Chosen::Draft(_));
    document_page::markdown(&name, minutes::markdown::render(minutes), private)
}

/// A draft must never sit in a shared cache.
fn private_if_draft(chosen: &Chosen, mut response: Response) -> Response {
    if matches!(chosen, Chosen::Draft(_)) {
        document_page::no_store(&mut response);
    }
    response
}

fn not_found(message: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Minutes not found</title>{STYLESHEET}</head><body><main><h1>Minutes</h1><p>{}</p></main></body></html>\n",
        minutes::html::escape(message)
    );
    (StatusCode::NOT_FOUND, Html(body)).into_response()
}
