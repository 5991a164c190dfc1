//! Server functions: the UI's way to read a meeting and to send commands. Each is a thin adapter:
//! the actor comes from the server-side session (never from the request), the work is done by the
//! [`MeetingService`] the server puts in the leptos context, and the answer is a typed [`AppError`].

use leptos::prelude::*;

use crate::meeting::view::ArchiveView;
use crate::meeting::{Command, MeetingView};
use crate::protocol::{AppError, MeetingSummary, Receipt};
use crate::wire::WireJson;

#[cfg(feature = "ssr")]
pub mod ssr;

/// The meetings this viewer may list, newest first.
#[server(input = WireJson, output = WireJson, endpoint = "meetings")]
pub async fn list_meetings() -> Result<Vec<MeetingSummary>, AppError> {
    ssr::answer(async move { Ok(ssr::service()?.list()) }).await
}

/// The current view of one meeting for the signed-in viewer (public if nobody is signed in), with its seq.
#[server(input = WireJson, output = WireJson, endpoint = "meeting_view")]
pub async fn get_meeting_view(meeting: String) -> Result<(u64, MeetingView), AppError> {
    ssr::answer(async move {
        let service = ssr::service()?;
        let identity = ssr::identity().await;
        service
            .view(&meeting, &identity.actor)
            .ok_or(AppError::NotFound)
    })
    .await
}

/// The archive of a closed meeting: its recording and chapters (`None` while the meeting is not closed). A page
/// that shows an archive not yet settled (the recording not yet read, or still growing) is not cached.
#[server(input = WireJson, output = WireJson, endpoint = "meeting_archive")]
pub async fn get_archive(meeting: String) -> Result<Option<ArchiveView>, AppError> {
    ssr::answer(async move {
        let service = ssr::service()?;
        let identity = ssr::identity().await;
        let archive = service.archive(&meeting, &identity.actor).await;
        if archive.as_ref().is_some_and(|a| !a.settled) {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.insert_header(
                    axum::http::header::CACHE_CONTROL,
                    axum::http::HeaderValue::from_static("no-store"),
                );
            }
        }
        Ok(archive)
    })
    .await
}

/// The actions carried to a meeting from the Panel's earlier meetings, with the updates recorded at it, as
/// the signed-in viewer may see them (`carried.rs`).
#[server(input = WireJson, output = WireJson, endpoint = "carried_actions")]
pub async fn get_carried_actions(
    meeting: String,
) -> Result<Vec<crate::meeting::carried::RegisterEntry>, AppError> {
    ssr::answer(async move {
        let service = ssr::service()?;
        let identity = ssr::identity().await;
        service
            .carried_actions(&meeting, &identity.actor)
            .ok_or(AppError::NotFound)
    })
    .await
}

/// Runs one command against a meeting as the signed-in actor.
#[server(input = WireJson, output = WireJson, endpoint = "run_command")]
pub async fn run_command(meeting: String, command: Command) -> Result<Receipt, AppError> {
    ssr::answer(async move {
        let service = ssr::service()?;
        let identity = ssr::identity().await;
        service.execute(&meeting, identity.actor, command).await
    })
    .await
}

/// Who is signed in on this browser ("Public" if nobody).
#[server(input = WireJson, output = WireJson, endpoint = "whoami")]
pub async fn whoami() -> Result<SignedIn, AppError> {
    Ok(ssr::identity().await.into())
}

/// The signed-in identity as the UI shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SignedIn {
    pub display_name: String,
    pub signed_in: bool,
    /// Whether this is a clerk, who may create sign-in links (the server checks again).
    #[serde(default)]
    pub is_clerk: bool,
}

#[cfg(feature = "ssr")]
impl From<ssr::Identity> for SignedIn {
    fn from(identity: ssr::Identity) -> Self {
        SignedIn {
            is_clerk: matches!(identity.actor, crate::meeting::Actor::Clerk { .. }),
            display_name: identity.display_name,
            signed_in: identity.signed_in,
        }
    }
}
