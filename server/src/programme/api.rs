//! The programme as JSON: for tools, tests and the schedule page. Refusals are 403 (not a clerk) or 409
//! with the rule's words and the field they concern; a malformed body is 400; nothing is written on any
//! error.

use app::api::ssr::Identity;
use app::meeting::import::parse_date;
use app::meeting::programme::{Entry, PlannedMeeting, ProgrammeCommand, ProgrammeRefusal, YearKey};
use app::protocol::AppError;
use axum::{
    extract::{rejection::JsonRejection, Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, post},
    Extension, Json, Router,
};
use serde::Serialize;
use serde_json::json;

use super::on_agenda::{self, OnAgenda};
use super::ChangeError;
use crate::error::error_response;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/programme", get(years))
        .route("/api/v1/programme/on/{date}", get(on_date))
        .route("/api/v1/programme/{year}", get(programme))
        .route("/api/v1/programme/{year}/commands", post(command))
}

/// The years that have a programme, latest first.
#[utoipa::path(get, path = "/api/v1/programme", tag = "programme",
    responses((status = 200, description = "`[\"2022-23\", …]`", content_type = "application/json")))]
pub(crate) async fn years(State(state): State<AppState>) -> Response {
    match state.store.programme_years().await {
        Ok(years) => Json(years).into_response(),
        Err(error) => unavailable(error, "listing the programme's years"),
    }
}

/// A year's dates and work programme (`app::meeting::programme::Programme`) with its log's seq.
#[utoipa::path(get, path = "/api/v1/programme/{year}", tag = "programme",
    params(("year" = String, Path, description = "The municipal year, e.g. 2022-23")),
    responses((status = 200, description = "`{\"seq\": u64, \"programme\": Programme}`", content_type = "application/json"),
        (status = 404, description = "Not a year")))]
pub(crate) async fn programme(State(state): State<AppState>, Path(year): Path<String>) -> Response {
    let Some(year) = YearKey::parse(&year) else {
        return no_such_year();
    };
    match super::load(&state.store, &year).await {
        Ok((programme, seq)) => Json(json!({ "seq": seq, "programme": programme })).into_response(),
        Err(error) => unavailable(error, "reading the programme"),
    }
}

/// A clerk changes the programme with a `ProgrammeCommand` (`{"type": "AddDate", …}`).
#[utoipa::path(post, path = "/api/v1/programme/{year}/commands", tag = "programme",
    params(("year" = String, Path, description = "The municipal year, e.g. 2022-23")),
    request_body(content = Object, description = "A `ProgrammeCommand`", content_type = "application/json"),
    responses(
        (status = 200, description = "`{\"written\": n}`: the events written (0 if nothing was new)", content_type = "application/json"),
        (status = 400, description = "Malformed command"),
        (status = 403, description = "Only a clerk changes the programme"),
        (status = 404, description = "Not a year"),
        (status = 409, description = "Refused by a rule: `{\"message\", \"field\"}`; nothing written"),
    ))]
pub(crate) async fn command(
    State(state): State<AppState>,
    Path(year): Path<String>,
    Extension(who): Extension<Identity>,
    body: Result<Json<ProgrammeCommand>, JsonRejection>,
) -> Response {
    let Some(year) = YearKey::parse(&year) else {
        return no_such_year();
    };
    let command = match body {
        Ok(Json(command)) => command,
        Err(rejection) => return error_response(AppError::BadRequest(rejection.body_text())),
    };
    match super::change(&state, &who.actor, &year, &command).await {
        Ok(events) => Json(json!({ "written": events.len() })).into_response(),
        Err(error) => refusal(&error),
    }
}

/// A failed change as JSON, with its status.
pub fn refusal(error: &ChangeError) -> Response {
    let (status, field) = match error {
        ChangeError::Refused(ProgrammeRefusal::NotAllowed) => (StatusCode::FORBIDDEN, None),
        ChangeError::Refused(refusal) => (StatusCode::CONFLICT, refusal.field().map(str::to_owned)),
        ChangeError::Conflict => (StatusCode::CONFLICT, None),
        ChangeError::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, None),
    };
    let body = json!({ "error": "refused", "message": error.message(), "field": field });
    (status, Json(body)).into_response()
}

/// An entry planned for a day, and the agenda items already scheduled from it.
#[derive(Serialize)]
struct PlannedEntry {
    #[serde(flatten)]
    entry: Entry,
    on_agenda: Vec<OnAgenda>,
}

#[derive(Serialize)]
struct PlannedDay {
    year: YearKey,
    meeting: PlannedMeeting,
    entries: Vec<PlannedEntry>,
}

/// The planned meeting on a day (written as people write dates), in the latest year that has one, with
/// its entries; `null` when no programme plans a meeting that day.
#[utoipa::path(get, path = "/api/v1/programme/on/{date}", tag = "programme",
    params(("date" = String, Path, description = "A day, e.g. 2023-02-01 or 1 February 2023")),
    responses((status = 200, description = "`null`, or `{year, meeting, entries}` with each entry's agenda items", content_type = "application/json"),
        (status = 400, description = "Not a date")))]
pub(crate) async fn on_date(State(state): State<AppState>, Path(date): Path<String>) -> Response {
    if date.len() > 64 {
        return error_response(AppError::BadRequest("That is not a date".to_owned()));
    }
    let day = match parse_date(&date) {
        Ok(day) => day,
        Err(problem) => return error_response(AppError::BadRequest(problem.0)),
    };
    let years = match state.store.programme_years().await {
        Ok(years) => years,
        Err(error) => return unavailable(error, "listing the programme's years"),
    };
    for year in years {
        let programme = match super::load(&state.store, &year).await {
            Ok((programme, _)) => programme,
            Err(error) => return unavailable(error, "reading the programme"),
        };
        if let Some(meeting) = programme.on_day(day) {
            let mut from = on_agenda::survey(&state.hub, &year).from;
            let entries = meeting
                .entries
                .iter()
                .map(|entry| PlannedEntry {
                    entry: entry.clone(),
                    on_agenda: from.remove(&entry.id).unwrap_or_default(),
                })
                .collect();
            let found = PlannedDay {
                year,
                meeting: meeting.clone(),
                entries,
            };
            return Json(Some(found)).into_response();
        }
    }
    Json(None::<PlannedDay>).into_response()
}

/// 404 for a year that cannot be one, in words.
fn no_such_year() -> Response {
    let message = "There is no such year: write it as 2020-21";
    (
        StatusCode::NOT_FOUND,
        Json(json!({ "error": "not_found", "message": message })),
    )
        .into_response()
}

/// A store failure: logged once, here, and answered "unavailable".
fn unavailable(error: crate::error::StoreError, what: &str) -> Response {
    tracing::error!(%error, "{what} failed");
    error_response(AppError::Unavailable)
}
