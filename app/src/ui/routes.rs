//! Every page but the public meeting page, under leptos' router: the list of meetings, a meeting's console,
//! member device and Commissioner screens (and its public page when reached by a link from those), the clerk's
//! sign-in links and schedule page, and a friendly 404 for anything else.
//!
//! Thousands of public viewers only ever open one page, the public meeting page, and follow it without
//! navigating; so that page is rendered without the router (`ui::App`), and the router with these routes is
//! built into its own wasm chunk (`ui::split`), loaded by every other page before it hydrates. From the public
//! page a link is an ordinary page load.
//!
//! Pages render with `SsrMode::Async`: the server waits for the meeting's view and sends complete HTML, so the
//! page reads fully without JavaScript (out-of-order streaming would need the script to place the content).

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_params_map,
    path, SsrMode,
};

use super::meeting_page::MeetingPage;
use super::not_found::NotFound;
use super::screens::Screen;
use super::split;

#[component]
pub fn RoutedPages() -> impl IntoView {
    view! {
        <Router>
            <main class="page" id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=split::meetings_route ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id") view=|| view! { <RoutedMeeting screen=Screen::Public/> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/console") view=|| view! { <RoutedMeeting screen=Screen::Console/> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/member") view=|| view! { <RoutedMeeting screen=Screen::Member/> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/commissioner") view=|| view! { <RoutedMeeting screen=Screen::Commissioner/> } ssr=SsrMode::Async/>
                    <Route path=path!("/clerk/sign-in-links") view=split::sign_in_links_route ssr=SsrMode::Async/>
                    <Route path=path!("/clerk/schedule") view=split::schedule_route ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}

/// A meeting screen whose meeting is the address's `:id`.
#[component]
fn RoutedMeeting(screen: Screen) -> impl IntoView {
    let params = use_params_map();
    let id = Signal::derive(move || params.read().get("id").unwrap_or_default());
    view! { <MeetingPage id screen/> }
}
