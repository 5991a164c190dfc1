//! What every route, websocket and server function shares: one value, cloned into each handler (axum's
//! `State`, with `FromRef` so that a handler can ask for just the part it needs). Built once by
//! `startup::Application::build`.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use metrics_exporter_prometheus::PrometheusHandle;

use crate::{auth::Auth, hub::Hub, store::EventStore};

/// Everything the routes share.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub hub: Hub,
    pub store: EventStore,
    pub auth: Auth,
    pub public_url: String,
    pub metrics: PrometheusHandle,
    /// The public viewers of each meeting, written to by its fan-out (`crate::ws::public::audience`).
    pub audiences: crate::ws::public::Audiences,
    /// Rate limits per client address, member and clerk (`crate::security::rate`).
    pub rates: crate::security::rate::RateLimits,
    pub security: crate::security::SecuritySettings,
}
