//! The public meeting page: the webcast with the agenda alongside, the current item, questions the chair has
//! accepted, votes (turnout while open, results with their arithmetic once closed), banners and membership.
//! Everything here is in the server-rendered HTML, so it reads without JavaScript.

use leptos::prelude::*;

use super::context::use_meeting;
use super::panels::{
    AgendaPanel, Banners, BusinessPanel, CurrentItem, MembershipPanel, RecordPanel,
};
use super::webcast::WebcastPlayer;

#[component]
pub fn PublicPage() -> impl IntoView {
    let view = use_meeting().view;
    view! {
        <Banners view/>
        <div class="layout">
            <div>
                <WebcastPlayer/>
                <CurrentItem view/>
                <BusinessPanel view/>
                <RecordPanel view/>
            </div>
            <AgendaPanel view/>
        </div>
        <MembershipPanel view/>
    }
}
