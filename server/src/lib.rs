#![recursion_limit = "512"]
//! Panelcast server: thin shells around the pure meeting core in `app::meeting`.
//!
//! `store` persists the event log, `hub` runs one single-writer task per meeting, `ws` fans the published
//! state out to viewers, `api` and the leptos server functions take commands, `auth` says who is asking,
//! `peers` hears what other instances on the same PostgreSQL database did.

pub mod actions;
pub mod api;
pub mod archive;
pub mod auth;
pub mod chaos;
pub mod cli;
pub mod clock;
pub mod config;
pub mod document_page;
pub mod error;
pub mod hearing_report;
pub mod hub;
pub mod metrics;
pub mod minutes;
pub mod page_cache;
pub mod peers;
pub mod priority;
pub mod programme;
pub mod security;
pub mod service;
pub mod sign_in_sheet;
pub mod startup;
pub mod state;
pub mod store;
pub mod text_page;
pub mod verify_votes;
pub mod vote_record;
pub mod ws;

/// Resolves on SIGINT (Ctrl-C) or SIGTERM, for graceful shutdown.
///
/// The handlers are registered when this function is called, not when the future is first polled, so a
/// signal that arrives right after start-up is not lost (the default action would kill the process).
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    use tokio::signal::unix::{signal, SignalKind};
    let interrupt = signal(SignalKind::interrupt());
    let terminate = signal(SignalKind::terminate());
    async move {
        match (interrupt, terminate) {
            (Ok(mut interrupt), Ok(mut terminate)) => {
                tokio::select! {
                    _ = interrupt.recv() => {},
                    _ = terminate.recv() => {},
                }
            }
            (Err(error), _) | (_, Err(error)) => {
                tracing::error!(%error, "cannot listen for shutdown signals; stop the server with SIGKILL");
                std::future::pending::<()>().await;
            }
        }
        tracing::info!("shutdown signal received; finishing requests in flight");
    }
}
