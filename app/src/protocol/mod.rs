//! What crosses the wire between server and clients, defined once for both sides.
//!
//! Websocket (`GET /ws/meetings/{id}`): the server sends JSON [`ServerMsg`]s. The first is always a full
//! [`ServerMsg::Snapshot`] of what this viewer may see. After each change (for the public, after each
//! coalesced public update) the server sends either the new snapshot or, to a viewer it knows holds the
//! previous version, a [`ServerMsg::Patch`]: RFC 6902 operations that turn the view at `base` into the view
//! at `seq` (a few hundred bytes instead of ~11 KB). A slow client may skip intermediate seqs, never go
//! backwards. A client that reconnects, with or without `?since=<last seq>`, gets the current snapshot at
//! once, so it is always brought up to date; a client that gets a patch it cannot apply reconnects.
//! [`Follower`] is the client side of this contract (the browser and the tests use it).
//! Writes go over HTTP (`POST /api/v1/meetings/{id}/commands` or the `run_command` server function).

mod follow;
pub mod links;
pub mod reconnect;

#[cfg(feature = "ssr")]
pub use follow::patch_between;
pub use follow::{FollowError, Followed, Follower};

use serde::{Deserialize, Serialize};

use crate::meeting::{CommandError, MeetingView};

/// A websocket message from the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMsg {
    /// The whole meeting as this viewer may see it, after the event numbered `seq` in the meeting's log.
    Snapshot { seq: u64, view: Box<MeetingView> },
    /// The view at `seq` as RFC 6902 operations on the view at `base` (which the receiver holds).
    Patch {
        seq: u64,
        base: u64,
        ops: json_patch::Patch,
    },
    /// The server is about to close this socket (signed out, server shutting down); `reason` is for people.
    Closing { reason: String },
}

/// The answer to an accepted command: the log position after it. `seq` only moves forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The seq of the last event the command caused (or the current seq if it caused none, e.g. a retried ballot).
    pub seq: u64,
    /// How many events the command appended (0 for an idempotent retry).
    pub events: usize,
}

/// A meeting in the list of meetings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: String,
    pub title: String,
    /// Human date and time, e.g. "Tuesday 6 December 2022, 10.00 am".
    pub when: String,
    /// ISO date used to sort and to place the meeting as upcoming or past.
    pub date: String,
    pub venue: String,
    /// "scheduled", "open", "adjourned", "closed", "cancelled".
    pub phase: String,
    /// Not yet held: scheduled (or cancelled) for today or later. A meeting whose day has passed is never
    /// upcoming, whatever its phase.
    #[serde(default)]
    pub upcoming: bool,
    /// "This meeting has been cancelled: …" or "This meeting was postponed from … to …".
    #[serde(default)]
    pub notice: Option<String>,
    /// Panel meeting, Performance and Delivery Board or Panel sub-committee: the list names it.
    #[serde(default)]
    pub kind: crate::meeting::MeetingKind,
}

impl MeetingSummary {
    /// The list entry for a meeting, from its (public) view, on `today` (UK).
    pub fn of(view: &MeetingView, today: crate::meeting::CivilDate) -> Self {
        let id = view.id.as_ref().map(|id| id.0.clone()).unwrap_or_default();
        let day = view.starts_on;
        Self {
            // The meeting's own date: its id stays the same when it is postponed.
            date: day.map(|d| d.iso()).unwrap_or_else(|| id.clone()),
            id,
            title: view.title.clone(),
            when: format!("{}, {}", view.date, view.time),
            venue: view.venue.clone(),
            phase: view.phase.clone(),
            upcoming: matches!(view.phase.as_str(), "scheduled" | "cancelled")
                && day.is_some_and(|d| d >= today),
            notice: view.cancellation.clone().or(view.postponement.clone()),
            kind: view.kind,
        }
    }
}

/// Every error a client can get from a command or a read. Domain rejections carry the rule's own message;
/// infrastructure failures are only ever "unavailable" (details are in the server log).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
// Adjacently tagged on the wire; the browser build derives the external form and converts (`wire/tagged.rs`).
#[cfg_attr(not(feature = "hydrate"), serde(tag = "kind", content = "detail"))]
#[cfg_attr(feature = "hydrate", serde(remote = "Self"))]
pub enum AppError {
    /// The meeting's rules said no.
    #[error("{0}")]
    Command(#[from] CommandError),
    #[error("Please sign in first")]
    Unauthenticated,
    #[error("There is no such meeting")]
    NotFound,
    /// The request could not be understood (malformed JSON, unknown command).
    #[error("Bad request: {0}")]
    BadRequest(String),
    #[error("The service is temporarily unavailable; please try again")]
    Unavailable,
    /// Raised by the server-function transport itself (network down, bad encoding).
    #[error("Could not reach the server: {0}")]
    Transport(String),
    /// Over a rate limit (`server/src/security/rate.rs`): the sentence says what and how long to wait, which
    /// `Retry-After` also carries.
    #[error("{message}")]
    TooManyRequests {
        message: String,
        retry_after_secs: u64,
    },
}

crate::wire::tagged_on_the_wire!(AppError, tag = "kind", content = "detail");

impl AppError {
    /// The HTTP status that answers this error, on the REST API and for server functions alike: a refusal about
    /// *who* is asking is 403, one about the state of the meeting 409; then 401, 404, 400 and 503. Never 500: a
    /// rule's refusal is not a failure of the server (and is not logged as one).
    pub fn http_status(&self) -> u16 {
        match self {
            AppError::Command(reason) if is_permission(reason) => 403,
            AppError::Command(_) => 409,
            AppError::Unauthenticated => 401,
            AppError::NotFound => 404,
            AppError::BadRequest(_) | AppError::Transport(_) => 400,
            AppError::Unavailable => 503,
            AppError::TooManyRequests { .. } => 429,
        }
    }
}

/// Refusals about *who* is asking (403), as opposed to the state of the meeting (409).
fn is_permission(reason: &CommandError) -> bool {
    matches!(
        reason,
        CommandError::NotAllowed { .. }
            | CommandError::PublicCannotAct
            | CommandError::NotEligible
            | CommandError::NotTheAsker { .. }
            | CommandError::SubstituteCannotVoteOnVeto
    )
}

mod server_fn_error {
    use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};

    use super::AppError;
    use crate::wire::Wire;

    impl FromServerFnError for AppError {
        type Encoder = Wire;

        fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
            match value {
                ServerFnErrorErr::Args(detail) | ServerFnErrorErr::Deserialization(detail) => {
                    AppError::BadRequest(detail)
                }
                other => AppError::Transport(other.to_string()),
            }
        }
    }
}
