//! The year's meeting dates and work programme on the web (`app::meeting::programme` holds the rules):
//! - `GET /programme`: the years, latest first (public), and for a clerk a box to start a year;
//! - `GET /programme/{year}`: the dates and the programme, readable without JavaScript, with what the
//!   meetings' logs say of each (the meeting scheduled on a date, the agenda item an entry became); for a
//!   clerk the same page carries the forms that change it ([`forms`]);
//! - `GET /programme/{year}/text`: the programme in the packs' own form, to paste into the next pack;
//! - `GET /api/v1/programme/{year}` and `POST /api/v1/programme/{year}/commands` (JSON, a clerk only);
//!   `GET /api/v1/programme/on/{date}`: the planned meeting on a day and its entries, for the schedule page.
//!
//! Writing: load the year's log, `decide`, append after the seq that was loaded. Changes are rare (a
//! clerk's edits), so each one reads the whole log (tens of events) under one lock per server; another
//! instance's write in between makes the append fail on the `(year, seq)` key and the clerk is asked to
//! try again, never a lost or forked change.

pub(crate) mod api;
mod clerk_forms;
mod forms;
mod html;
mod on_agenda;
mod page;

use app::meeting::programme::{
    decide, replay, Programme, ProgrammeCommand, ProgrammeEvent, ProgrammeRefusal, YearKey,
};
use app::meeting::Actor;
use axum::{extract::DefaultBodyLimit, routing::get, Router};

use crate::error::StoreError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/programme", get(page::index).post(forms::start_year))
        .route(
            "/programme/{year}",
            get(page::year_page)
                .post(forms::change)
                .layer(DefaultBodyLimit::max(
                    crate::security::body::PROGRAMME_FORM_BODY,
                )),
        )
        .route("/programme/{year}/text", get(page::text))
        .merge(api::routes())
}

/// Serialises the writes of this server (one clerk's double click, or two clerks).
static WRITE: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Why a change was not made.
#[derive(Debug)]
pub enum ChangeError {
    /// A rule refused it, in its words.
    Refused(ProgrammeRefusal),
    /// Another server wrote first; nothing of this change was written.
    Conflict,
    /// The database failed (logged once, here).
    Unavailable,
}

/// A year's programme and the seq of its last event.
pub async fn load(
    store: &crate::store::EventStore,
    year: &YearKey,
) -> Result<(Programme, u64), StoreError> {
    let log = store.load_programme(year).await?;
    let seq = log.last().map_or(0, |e| e.seq);
    Ok((replay(log.iter().map(|e| &e.event)), seq))
}

/// Decides and appends one change; the events written (none if nothing was new).
pub async fn change(
    state: &AppState,
    actor: &Actor,
    year: &YearKey,
    command: &ProgrammeCommand,
) -> Result<Vec<ProgrammeEvent>, ChangeError> {
    let _one_at_a_time = WRITE.lock().await;
    let (programme, seq) = load(&state.store, year).await.map_err(unavailable)?;
    let events = decide(&programme, actor, year, command).map_err(ChangeError::Refused)?;
    let at = crate::clock::rfc3339(crate::clock::now());
    match state
        .store
        .append_programme(year, seq, actor, &at, &events)
        .await
    {
        Ok(_) => Ok(events),
        Err(StoreError::Conflict { .. }) => Err(ChangeError::Conflict),
        Err(error) => Err(unavailable(error)),
    }
}

fn unavailable(error: StoreError) -> ChangeError {
    tracing::error!(%error, "the work programme's log failed");
    ChangeError::Unavailable
}

impl ChangeError {
    /// The sentence for the clerk.
    pub fn message(&self) -> String {
        match self {
            Self::Refused(refusal) => refusal.to_string(),
            Self::Conflict => "Someone else changed the programme at the same moment; nothing was saved. Please try again.".to_owned(),
            Self::Unavailable => "The programme is unavailable just now; nothing was saved. Please try again.".to_owned(),
        }
    }
}
