//! Panelcast: the live meeting room of the Kent and Medway Police and Crime Panel.
//!
//! `meeting` is the pure core (rules, events, projections); `ui` is the leptos application shared by the
//! server (SSR) and the browser (hydration).
#![recursion_limit = "512"]

pub mod api;
pub mod meeting;
pub mod protocol;
pub mod ui;

/// The browser entry point: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(ui::App);
}
