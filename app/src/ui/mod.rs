//! The leptos application: server-rendered first, hydrated in the browser, live over the websocket.

mod browser;
mod chair;
mod clerk;
mod command;
mod commissioner;
mod confirm;
mod context;
mod header;
mod live;
mod meeting_page;
mod meetings;
mod member;
mod not_found;
mod panels;
mod public;
mod screens;
mod split;
mod webcast;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};
use meeting_page::MeetingPage;

pub use live::LiveStatus;
pub use screens::Screen;
#[cfg(feature = "hydrate")]
pub use split::preload_for_path;

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

/// The routes: the list of meetings; a meeting's four screens (public page, chair and clerk console, member
/// device, Commissioner); the clerk's sign-in links and schedule page; and a friendly 404 for anything else.
///
/// Pages render with `SsrMode::Async`: the server waits for the meeting's view and sends complete HTML, so the
/// page reads fully without JavaScript (out-of-order streaming would need the script to place the content).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href="/pkg/panelcast.css"/>
        <Title formatter=|text: String| if text.is_empty() { "Panelcast".to_owned() } else { format!("{text} – Panelcast") }/>
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header::SiteHeader/>
        <Router>
            <main class="page" id="main">
                <Routes fallback=not_found::NotFound>
                    <Route path=path!("/") view=split::meetings_route ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id") view=|| view! { <MeetingPage screen=Screen::Public/> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/console") view=|| view! { <MeetingPage screen=Screen::Console/> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/member") view=|| view! { <MeetingPage screen=Screen::Member/> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/commissioner") view=|| view! { <MeetingPage screen=Screen::Commissioner/> } ssr=SsrMode::Async/>
                    <Route path=path!("/clerk/sign-in-links") view=split::sign_in_links_route ssr=SsrMode::Async/>
                    <Route path=path!("/clerk/schedule") view=split::schedule_route ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}
