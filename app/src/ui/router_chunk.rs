//! The router's own wasm chunk: leptos' router with every page but the public meeting page (`ui::routes`),
//! loaded before any of those pages hydrates, and the entry point's preloading ([`preload_for_path`]). The
//! chunks of the pages under the router are in `ui::split`, which the routes use; keeping the router's chunk
//! here means that `split` needs nothing from the routes, so no file of the three imports another back.

// `#[lazy]` expands to the wasm-split import/export pair, which needs `unsafe extern` and `#[unsafe(no_mangle)]`.
#![allow(unsafe_code)]

use leptos::prelude::*;

use super::split::when_loaded;

/// The router with every page but the public meeting page (`ui::routes`).
#[lazy]
fn routes() -> AnyView {
    view! { <super::routes::RoutedPages/> }.into_any()
}

/// Every page but the public meeting page, from the router's chunk.
pub fn routed_pages() -> AnyView {
    when_loaded(routes())
}

/// The chunks that the page at `path` shows, loading: awaited before hydrating so that the page can hydrate
/// synchronously. `None` for the public meeting page, which is all in the main bundle; every other page needs
/// the router's chunk, and most their own (`split::page_chunk`); both are fetched at once.
#[cfg(feature = "hydrate")]
pub fn preload_for_path(path: &str) -> Option<super::split::Loading> {
    if super::address::public_meeting_at(path).is_some() {
        return None;
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let page = super::split::page_chunk(&segments);
    Some(Box::pin(async move {
        let router = __preload_routes();
        match page {
            Some(page) => {
                futures_util::future::join(router, page).await;
            }
            None => router.await,
        }
    }))
}
