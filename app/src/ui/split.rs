//! Code splitting of the browser bundle. Thousands of public viewers only ever open the public meeting page, so
//! the code of every other page is built into separate wasm chunks that the browser fetches only when it shows
//! that page (`cargo xtask build` runs wasm-split on the `#[lazy]` functions, see docs/TOOLCHAIN.md): the
//! router with its routes (`ui::router_chunk`; the public page is rendered without it, see `ui::App`), and each
//! page under it, here (the list of meetings, the chair and clerk console, the member device, the
//! Commissioner's view, the clerk's sign-in links and schedule page).
//!
//! Hydration stays synchronous (`hydrate_body`, see `crate::hydrate`): before hydrating, the entry point loads
//! the chunks the current address needs (`router_chunk::preload_for_path`, with [`page_chunk`]), so the lazy views are ready on their first poll
//! and the browser builds exactly the tree the server rendered. Only a client-side navigation to a page whose
//! chunk is not loaded yet renders it a moment later (a [`Suspend`]). The server runs the same functions
//! directly and adds a `<link rel="preload">` for the page's chunks to the HTML.
//!
//! Every build of the browser bundle must be split (`cargo xtask` always is; cargo-leptos needs `--split`):
//! without it, the imports `#[lazy]` leaves in the wasm are not resolved and the bundle does not load.

// `#[lazy]` expands to the wasm-split import/export pair, which needs `unsafe extern` and `#[unsafe(no_mangle)]`.
#![allow(unsafe_code)]

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use super::screens::Screen;

/// The list of meetings (`/`).
#[lazy]
fn meetings_page() -> AnyView {
    view! { <super::meetings::MeetingsPage/> }.into_any()
}

/// The clerk's sign-in links (`/clerk/sign-in-links`).
#[lazy]
fn sign_in_links_page() -> AnyView {
    view! { <super::clerk::SignInLinksPage/> }.into_any()
}

/// The clerk's schedule page (`/clerk/schedule`).
#[lazy]
fn schedule_page() -> AnyView {
    view! { <super::clerk::SchedulePage/> }.into_any()
}

/// The chair and clerk console's body.
#[lazy]
fn console() -> AnyView {
    view! { <super::chair::Console/> }.into_any()
}

/// The member device's body.
#[lazy]
fn member_device() -> AnyView {
    view! { <super::member::MemberDevice/> }.into_any()
}

/// The Commissioner's view's body.
#[lazy]
fn commissioner_view() -> AnyView {
    view! { <super::commissioner::CommissionerView/> }.into_any()
}

/// The list of meetings, from its chunk.
pub fn meetings_route() -> AnyView {
    when_loaded(meetings_page())
}

/// The clerk's sign-in links page, from its chunk.
pub fn sign_in_links_route() -> AnyView {
    when_loaded(sign_in_links_page())
}

/// The clerk's schedule page, from its chunk.
pub fn schedule_route() -> AnyView {
    when_loaded(schedule_page())
}

/// The body of a meeting screen other than the public page, from its chunk.
pub fn screen_body(screen: Screen) -> AnyView {
    match screen {
        Screen::Public => view! { <super::public::PublicPage/> }.into_any(),
        Screen::Console => when_loaded(console()),
        Screen::Member => when_loaded(member_device()),
        Screen::Commissioner => when_loaded(commissioner_view()),
    }
}

/// The view now if its chunk is already loaded (always so on the server, and while hydrating), otherwise a
/// [`Suspend`] that shows it once the chunk has arrived.
pub(super) fn when_loaded(view: impl Future<Output = AnyView> + Send + 'static) -> AnyView {
    let mut view = Box::pin(view);
    match view.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(view) => view,
        Poll::Pending => Suspend::new(view).into_any(),
    }
}

/// A chunk that loads, as `#[lazy]`'s `__preload_<name>` gives it.
#[cfg(feature = "hydrate")]
pub(super) type Loading = std::pin::Pin<Box<dyn Future<Output = ()>>>;

/// The chunk of the page at `path` (split into its segments), loading; `None` for a page that has none of its
/// own (the 404 page is in the router's chunk). `__preload_<name>` is the function that `#[lazy]` generates next
/// to each lazy function to load its chunk without calling it.
#[cfg(feature = "hydrate")]
pub(super) fn page_chunk(segments: &[&str]) -> Option<Loading> {
    match segments {
        [] => Some(Box::pin(__preload_meetings_page())),
        ["clerk", "sign-in-links"] => Some(Box::pin(__preload_sign_in_links_page())),
        ["clerk", "schedule"] => Some(Box::pin(__preload_schedule_page())),
        ["meetings", _, "console"] => Some(Box::pin(__preload_console())),
        ["meetings", _, "member"] => Some(Box::pin(__preload_member_device())),
        ["meetings", _, "commissioner"] => Some(Box::pin(__preload_commissioner_view())),
        _ => None,
    }
}
