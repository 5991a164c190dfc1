//! One meeting, live: server-rendered from the current view, then kept current over the websocket. The same
//! frame serves the four screens (public page, chair and clerk console, member device, Commissioner view);
//! each reads slices of one signal that every snapshot replaces.

use leptos::prelude::*;
use leptos_meta::Title;

use super::context::MeetingCtx;
use super::in_step::hold_back;
use super::live::{follow_meeting, LiveStatus};
use super::not_found::NotFound;
use super::screens::{Screen, ScreenNav};
use super::split::screen_body;
use crate::api::get_meeting_view;
use crate::meeting::MeetingView;
use crate::protocol::AppError;

/// The meeting `id` on `screen`. The id is a signal: under the router (every page but the public one, see
/// `ui::routes`) it follows the address's `:id`; on the public meeting page it is fixed.
#[component]
pub fn MeetingPage(#[prop(into)] id: Signal<String>, screen: Screen) -> impl IntoView {
    let initial = crate::wire::resource(move || id.get(), get_meeting_view);
    view! {
        <Suspense fallback=|| view! { <p>"Loading the meeting…"</p> }>
            {move || initial.get().map(|result| match result {
                Ok((seq, view)) => view! { <LiveMeeting id=id.get() seq view screen/> }.into_any(),
                Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                Err(error) => view! { <p class="banner">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

/// The meeting with its live state, the heading every screen shares, and the screen's own body.
#[component]
fn LiveMeeting(id: String, seq: u64, view: MeetingView, screen: Screen) -> impl IntoView {
    let state = RwSignal::new((seq, view));
    let status = RwSignal::new(LiveStatus::Connecting);
    // The public page shows each change when the webcast reaches it; every other screen as it arrives.
    let (incoming, in_step) = if screen == Screen::Public {
        let incoming = RwSignal::new(state.get_untracked());
        (incoming, Some(hold_back(incoming, state)))
    } else {
        (state, None)
    };
    let follow = id.clone();
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            follow_meeting(follow.clone(), incoming, status);
        }
    });
    let status_label = move || match (status.get(), in_step) {
        (LiveStatus::Live, Some(in_step)) if in_step.following() => {
            "Live: in step with the webcast"
        }
        (status, _) => status.label(),
    };
    let view = Memo::new(move |_| state.with(|(_, view)| view.clone()));
    provide_context(MeetingCtx {
        id: StoredValue::new(id.clone()),
        view,
    });
    let title = move || {
        view.with(|v| match screen {
            Screen::Public => format!("{}: {}", screen.heading_in(&v.phase), v.date),
            _ => format!("{}: {}", screen.title(), v.date),
        })
    };
    let heading = move || view.with(|v| screen.heading_in(&v.phase));
    view! {
        <Title text=title/>
        <ScreenNav id=id.clone() current=screen/>
        <h1>
            <span class="caption">{move || view.with(|v| v.title.clone())}</span>
            {heading}
        </h1>
        <p class="lede">
            {move || view.with(|v| format!("{}, {}. {}", v.date, v.time, v.venue))}
        </p>
        <p class="live-status">
            <span class=move || view.with(|v| if v.phase == "open" { "tag tag--live" } else { "tag tag--grey" })>
                {move || view.with(|v| v.phase_label.clone())}
            </span>
            " "
            <span class="tag tag--grey" data-testid="meeting-kind">{move || view.with(|v| v.kind.label())}</span>
            " "
            <span role="status" aria-live="polite" data-testid="live-status">{status_label}</span>
        </p>
        {screen_body(screen)}
    }
}
