#![recursion_limit = "512"]
//! Panelcast server: thin shells around the pure meeting core in `app::meeting`.
//!
//! `store` persists the event log, `hub` runs one single-writer task per meeting, `ws` fans the published
//! state out to viewers, `api` and the leptos server functions take commands, `auth` says who is asking.

pub mod api;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod error;
pub mod hub;
pub mod metrics;
pub mod service;
pub mod startup;
pub mod store;
pub mod ws;

/// Resolves on SIGINT (Ctrl-C) or SIGTERM, for graceful shutdown.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing requests in flight");
}
