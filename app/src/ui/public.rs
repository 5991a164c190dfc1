//! The public meeting page: the webcast with the agenda alongside, the current item, questions the chair has
//! accepted, votes (turnout while open, results with their arithmetic once closed), banners and membership.
//! Everything here is in the server-rendered HTML, so it reads without JavaScript.

use leptos::prelude::*;

use super::archive::Archive;
use super::context::use_meeting;
use super::in_step::InStepSwitch;
use super::panels::{
    AgendaPanel, Banners, BusinessPanel, CarriedActionsPanel, CurrentItem, MembershipPanel,
    RecordPanel,
};
use super::webcast::WebcastPlayer;

#[component]
pub fn PublicPage() -> impl IntoView {
    let meeting = use_meeting();
    let view = meeting.view;
    let text_view = format!("/meetings/{}/text", meeting.id.get_value());
    // Once the meeting has closed, the page becomes its archive: the recording with the agenda as chapters.
    let closed = Memo::new(move |_| view.with(|v| v.phase == "closed"));
    // The switch "Show changes as they happen" goes with a webcast (withheld in a private session, not gone).
    let has_webcast =
        Memo::new(move |_| view.with(|v| v.webcast_url.is_some() || v.private_session.is_some()));
    view! {
        <Banners view/>
        <div class="layout">
            <div>
                {move || if closed.get() {
                    view! { <Archive/> }.into_any()
                } else {
                    view! { <WebcastPlayer/> {move || has_webcast.get().then(|| view! { <InStepSwitch/> })} }.into_any()
                }}
                <CurrentItem view/>
                <BusinessPanel view/>
                <RecordPanel view/>
                <CarriedActionsPanel/>
            </div>
            <AgendaPanel view/>
        </div>
        <MembershipPanel view/>
        <p><a href=text_view data-testid="text-view-link">"The meeting as text only"</a>" (agenda, current item and what has happened; for screen readers and slow connections)"</p>
    }
}
