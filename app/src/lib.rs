//! Panelcast: the live meeting room of the Kent and Medway Police and Crime Panel.
//!
//! `meeting` is the pure core (rules, events, projections); `ui` is the leptos application shared by the
//! server (SSR) and the browser (hydration); `protocol` is what crosses the wire and `wire` how it is encoded
//! so that the browser bundle stays small.
#![recursion_limit = "512"]

pub mod api;
pub mod demo;
pub mod meeting;
pub mod protocol;
pub mod ui;
pub mod wire;

/// The browser entry point: hydrates the server-rendered page. A page whose code is in a lazily loaded chunk
/// (every page but the public meeting page, see `ui::split`) first loads that chunk, so that hydration stays
/// synchronous and matches the server's HTML exactly.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    match ui::preload_for_path(&path) {
        None => leptos::mount::hydrate_body(ui::App),
        Some(chunk) => wasm_bindgen_futures::spawn_local(async move {
            chunk.await;
            leptos::mount::hydrate_body(ui::App);
        }),
    }
}
