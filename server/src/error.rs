//! Infrastructure errors: logged once where they happen, shown to users only as "unavailable"; and how every
//! error answers over HTTP ([`error_response`]).

use app::protocol::AppError;
use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use serde_json::json;

/// Failures of the event log and the account tables.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored JSON does not decode: {0}")]
    Json(#[from] serde_json::Error),
    /// `DATABASE_URL` names a database other than SQLite or PostgreSQL.
    #[error("unsupported database `{0}` (use sqlite://… or postgres://…)")]
    Unsupported(String),
    #[error("cannot create the database folder: {0}")]
    Io(String),
    /// Another writer appended first, or the caller's idea of the last seq is stale.
    #[error("log conflict: expected last seq {expected}, found {found}")]
    Conflict { expected: u64, found: u64 },
    /// The hash chain does not match the stored rows from this seq on.
    #[error("hash chain of meeting {meeting} is broken at seq {seq}")]
    BrokenChain { meeting: String, seq: u64 },
}

impl StoreError {
    /// A primary-key violation on insert means another writer took the seq: report it as a conflict.
    pub(crate) fn conflict_or(error: sqlx::Error, expected: u64) -> Self {
        match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict {
                expected,
                found: expected + 1,
            },
            _ => StoreError::Database(error),
        }
    }
}

/// The HTTP status for each error (`AppError::http_status`: 403/409 for a rule's refusal, 401, 404, 400, 503), and
/// a body with the machine-readable error and a sentence for people.
pub fn error_response(error: AppError) -> Response {
    let status =
        StatusCode::from_u16(error.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let message = error.to_string();
    (status, Json(json!({ "error": error, "message": message }))).into_response()
}
