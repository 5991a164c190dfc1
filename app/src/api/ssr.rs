//! The port between the leptos app and the server: the server implements [`MeetingService`] and provides
//! it, with the request's [`Identity`], through the leptos context (see `server/src/startup.rs`).

use std::{future::Future, pin::Pin, sync::Arc};

use leptos::prelude::*;

use crate::meeting::{Actor, Command, MeetingView};
use crate::protocol::{AppError, MeetingSummary, Receipt};

/// What the UI may ask of the meetings. Implemented by the server's hub.
pub trait MeetingService: Send + Sync + 'static {
    /// All meetings, newest first.
    fn list(&self) -> Vec<MeetingSummary>;
    /// The current view of `meeting` for `viewer` and its seq, or `None` for an unknown meeting.
    fn view(&self, meeting: &str, viewer: &Actor) -> Option<(u64, MeetingView)>;
    /// The archive of a closed meeting as `viewer` may see it (`None`: unknown or not closed). The server reads
    /// the recording's playlist for it; a service that cannot gives none.
    fn archive(
        &self,
        meeting: &str,
        viewer: &Actor,
    ) -> Pin<Box<dyn Future<Output = Option<crate::meeting::view::ArchiveView>> + Send + 'static>>
    {
        let _ = (meeting, viewer);
        Box::pin(async { None })
    }
    /// The actions carried to `meeting` from earlier meetings, as `viewer` may see them (`None`: unknown).
    fn carried_actions(
        &self,
        meeting: &str,
        viewer: &Actor,
    ) -> Option<Vec<crate::meeting::carried::RegisterEntry>> {
        let _ = (meeting, viewer);
        Some(vec![])
    }
    /// Runs `command` as `actor`; acknowledged only after its events are durably in the log.
    fn execute(
        &self,
        meeting: &str,
        actor: Actor,
        command: Command,
    ) -> Pin<Box<dyn Future<Output = Result<Receipt, AppError>> + Send + 'static>>;
}

/// The service as the server shares it.
pub type SharedService = Arc<dyn MeetingService>;

/// Who made this request, as established by the server's session middleware (authentication only; what the
/// actor may do is decided by the meeting core).
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub actor: Actor,
    pub display_name: String,
    pub signed_in: bool,
}

impl Identity {
    /// An anonymous member of the public.
    pub fn public() -> Self {
        Self {
            actor: Actor::Public,
            display_name: "Public".to_owned(),
            signed_in: false,
        }
    }
}

pub(crate) fn service() -> Result<SharedService, AppError> {
    use_context::<SharedService>().ok_or(AppError::Unavailable)
}

/// The identity the server's middleware put into the request's extensions; public if there is none.
pub(crate) async fn identity() -> Identity {
    leptos_axum::extract::<axum::Extension<Identity>>()
        .await
        .map(|axum::Extension(identity)| identity)
        .unwrap_or_else(|_| Identity::public())
}

/// The same, read synchronously from the request a page is being rendered for (a component cannot await).
pub(crate) fn request_identity() -> Identity {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Identity>().cloned())
        .unwrap_or_else(Identity::public)
}

/// Runs a server function's body and, if it fails, sets the response's HTTP status to the error's
/// ([`AppError::http_status`]) instead of leptos' default 500. The browser reads the error from the body either
/// way; the status keeps a rule's refusal out of the server's failure log and tells other clients what it is.
pub(crate) async fn answer<T>(
    body: impl Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    let result = body.await;
    if let (Err(error), Some(response)) = (&result, use_context::<leptos_axum::ResponseOptions>()) {
        if let Ok(status) = axum::http::StatusCode::from_u16(error.http_status()) {
            response.set_status(status);
        }
        if let AppError::TooManyRequests {
            retry_after_secs, ..
        } = error
        {
            response.insert_header(axum::http::header::RETRY_AFTER, (*retry_after_secs).into());
        }
    }
    result
}
