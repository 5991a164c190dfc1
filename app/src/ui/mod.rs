//! The leptos application: server-rendered first, hydrated in the browser, live over the websocket.

mod address;
mod archive;
mod browser;
mod chair;
mod clerk;
mod command;
mod commissioner;
mod confirm;
mod context;
mod header;
mod in_step;
mod live;
mod meeting_page;
mod meetings;
mod member;
mod not_found;
mod panels;
mod public;
mod router_chunk;
mod routes;
mod screens;
mod split;
mod webcast;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use meeting_page::MeetingPage;

pub use live::LiveStatus;
#[cfg(feature = "hydrate")]
pub use router_chunk::preload_for_path;
pub use screens::Screen;

/// The HTML document around the app (server side only renders it).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
                // Plays a meeting's HLS webcast; loads the vendored hls.js only where the browser needs it.
                <script src="/webcast.js" defer=true></script>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Every page: the site's header, then either the public meeting page or the routed pages (`ui::routes`).
///
/// The public meeting page (`/meetings/{id}`) is rendered without leptos' router, and the router with every
/// other page is a lazily loaded wasm chunk (`ui::router_chunk`, `ui::split`): the public page is what thousands of viewers open,
/// and it navigates nowhere, so its bundle need not carry the router (the bundle's size). Server
/// and browser make the same choice from the same path ([`address::public_meeting_at`]), so the browser
/// hydrates exactly the tree the server rendered. The public page keeps its route in `ui::routes` all the same:
/// the server's route list (leptos_axum) comes from there, and with it the page's `SsrMode::Async` (complete
/// HTML, readable without JavaScript) and a client-side navigation to it from a routed page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let path = address::current_path();
    let public = address::public_meeting_at(&path).map(str::to_owned);
    view! {
        <Stylesheet id="leptos" href="/pkg/panelcast.css"/>
        <Title formatter=|text: String| if text.is_empty() { "Panelcast".to_owned() } else { format!("{text} – Panelcast") }/>
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header::SiteHeader/>
        {match public {
            Some(id) => view! {
                <main class="page" id="main">
                    <MeetingPage id screen=Screen::Public/>
                </main>
            }.into_any(),
            None => router_chunk::routed_pages(),
        }}
    }
}
