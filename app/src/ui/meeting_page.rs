//! One meeting, live: server-rendered from the current view, then kept current over the websocket.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::live::{follow_meeting, LiveStatus};
use super::not_found::NotFound;
use super::panels::{AgendaPanel, Banners, BusinessPanel, CurrentItem, MembershipPanel, WebcastPanel};
use crate::api::get_meeting_view;
use crate::meeting::MeetingView;
use crate::protocol::AppError;

#[component]
pub fn MeetingPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let initial = Resource::new(id, get_meeting_view);
    view! {
        <Suspense fallback=|| view! { <p>"Loading the meeting…"</p> }>
            {move || initial.get().map(|result| match result {
                Ok((seq, view)) => view! { <LiveMeeting id=id() seq view/> }.into_any(),
                Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                Err(error) => view! { <p class="banner">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

/// The meeting with its live state: every panel reads a slice of one signal that each snapshot replaces.
#[component]
fn LiveMeeting(id: String, seq: u64, view: MeetingView) -> impl IntoView {
    let state = RwSignal::new((seq, view));
    let status = RwSignal::new(LiveStatus::Connecting);
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            follow_meeting(id.clone(), state, status);
        }
    });
    let view = Memo::new(move |_| state.with(|(_, view)| view.clone()));
    let title = move || view.with(|v| v.title.clone());
    view! {
        <Title text=title/>
        <h1>{title}</h1>
        <p class="lede">
            {move || view.with(|v| format!("{}, {}. {}", v.date, v.time, v.venue))}
        </p>
        <p class="live-status">
            <span class=move || view.with(|v| if v.phase == "open" { "tag tag--live" } else { "tag tag--grey" })>
                {move || view.with(|v| v.phase_label.clone())}
            </span>
            " "
            <span role="status" aria-live="polite">{move || status.get().label()}</span>
        </p>
        <Banners view/>
        <div class="layout">
            <div>
                <WebcastPanel view/>
                <CurrentItem view/>
                <BusinessPanel view/>
            </div>
            <AgendaPanel view/>
        </div>
        <MembershipPanel view/>
    }
}
