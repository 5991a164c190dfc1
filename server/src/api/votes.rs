//! `GET /api/v1/meetings/{id}/votes` (JSON) and `…/votes.csv`: the published record of the meeting's
//! closed votes, seat by seat, with the event-log hash at each close (see `app::meeting::record`). Public:
//! it holds only what the public meeting page shows once a vote closes, plus the receipts (numbers in the
//! form `meeting/vote/Bn`, which reveal nothing the named vote does not), and nothing of a vote whose private
//! session has not ended. Derived from the log on every request, never stored apart.

use app::meeting::MeetingId;
use app::protocol::AppError;
use axum::{
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
    Json,
};

use crate::error::error_response;
use crate::state::AppState;
use crate::vote_record::{published, to_csv};

/// The published vote record (`published_votes::PublishedVotes`): closed votes, seat by seat, with the log hash at each close.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/votes", tag = "record",
    params(("id" = String, Path, description = "The meeting's id, e.g. 2022-12-06")),
    responses((status = 200, description = "`{\"meeting\": id, \"votes\": [VoteRecord]}`", content_type = "application/json"),
        (status = 404, description = "No such meeting")))]
pub(super) async fn votes_json(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    if state.hub.get(&id).is_none() {
        return error_response(AppError::NotFound);
    }
    match published(&state.store, &MeetingId(id)).await {
        Ok(record) => Json(record).into_response(),
        Err(error) => {
            tracing::error!(%error, "reading the vote record failed");
            error_response(AppError::Unavailable)
        }
    }
}

/// The same record as CSV, one row per seat of each vote, cells neutralised against formula injection.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/votes.csv", tag = "record",
    params(("id" = String, Path, description = "The meeting's id, e.g. 2022-12-06")),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv"),
        (status = 404, description = "No such meeting")))]
pub(super) async fn votes_csv(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    if state.hub.get(&id).is_none() {
        return error_response(AppError::NotFound);
    }
    let csv = match published(&state.store, &MeetingId(id.clone())).await {
        Ok(record) => to_csv(&record).map_err(|error| error.to_string()),
        Err(error) => Err(error.to_string()),
    };
    match csv {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{id}-votes.csv\""),
                ),
            ],
            body,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "writing the vote record as CSV failed");
            error_response(AppError::Unavailable)
        }
    }
}
