//! The member's own device: the current item, the ballot for an open vote with the receipt, my questions, and the
//! agenda as it stands (papers that arrived, items set aside).

mod ballot;
mod questions;

use leptos::prelude::*;

use super::chair::Declarations;
use super::context::use_meeting;
use super::panels::{AgendaPanel, Banners, CurrentItem};
use super::screens::{NotForYou, Screen};
use crate::meeting::Role;

#[component]
pub fn MemberDevice() -> impl IntoView {
    let meeting = use_meeting();
    let role = meeting.slice(|v| v.viewer.role);
    let name = meeting.slice(|v| v.viewer.name.clone());
    let view = meeting.view;
    move || {
        if matches!(role.get(), Role::Member | Role::Substitute | Role::Chair) {
            view! {
                <p class="muted">{move || name.get().map(|n| format!("Signed in as {n}, a member of the Panel."))}</p>
                <Banners view/>
                <CurrentItem view/>
                <div class="console">
                    <div class="console__main"><ballot::Ballots/></div>
                    <div class="console__side">
                        <questions::MyQuestions/>
                        <Declarations/>
                        <AgendaPanel view/>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <NotForYou screen=Screen::Member/> }.into_any()
        }
    }
}
