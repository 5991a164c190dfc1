//! The chair and clerk console: everything that runs the meeting. Each section shows only when this viewer may
//! send its commands (the view's `allowed` list); the server enforces the same table.

mod agenda_changes;
mod agenda_controls;
mod attendance;
mod carried_actions;
mod day_items;
mod declarations;
mod election;
mod hearing;
mod item_choice;
mod minutes;
pub mod questions;
mod recording;
mod session;
mod set_aside;
mod show_of_hands;
mod substitutes;
mod votes;

use leptos::prelude::*;

use super::commissioner::ResponseControls;
use super::context::use_meeting;
use super::panels::{AgendaPanel, Banners, BusinessPanel, CurrentItem, MembershipPanel};
use super::screens::{NotForYou, Screen};
use crate::meeting::Role;

pub use declarations::Declarations;

#[component]
pub fn Console() -> impl IntoView {
    let meeting = use_meeting();
    let role = meeting.slice(|v| v.viewer.role);
    let view = meeting.view;
    let closed = meeting.slice(|v| v.phase == "closed");
    let cancelled = meeting.slice(|v| v.phase == "cancelled");
    move || {
        if matches!(role.get(), Role::Chair | Role::Clerk) && cancelled.get() {
            // A cancelled meeting accepts no command (`agenda_changes.rs`): its notice and its agenda, nothing more.
            view! {
                <Banners view/>
                <AgendaPanel view/>
            }
            .into_any()
        } else if matches!(role.get(), Role::Chair | Role::Clerk) && closed.get() {
            // A closed meeting's console shows the record, not controls that would be refused; what follows the
            // meeting stays: the hearing's report, written answers, the Commissioner's response, the minutes (the
            // clerk edits and publishes them after the meeting) and the recording with its chapters.
            view! {
                <Banners view/>
                <p class="panel" data-testid="console-closed">"The meeting has closed. This is its record; the minutes, the hearing's report, written answers, the Commissioner's response and the recording can still be recorded."</p>
                <div class="console">
                    <div class="console__main">
                        <hearing::HearingControls/>
                        <minutes::MinuteTaking/>
                        <carried_actions::CarriedActions/>
                        <BusinessPanel view/>
                        <ResponseControls/>
                    </div>
                    <div class="console__side">
                        <AgendaPanel view/>
                        <MembershipPanel view/>
                        <recording::RecordingControls/>
                    </div>
                </div>
            }
            .into_any()
        } else if matches!(role.get(), Role::Chair | Role::Clerk) {
            view! {
                <Banners view/>
                <CurrentItem view/>
                <div class="console">
                    <div class="console__main">
                        <election::ElectionControls/>
                        <session::SessionControls/>
                        <votes::VoteControls/>
                        <hearing::HearingControls/>
                        <questions::QuestionModeration/>
                        <minutes::MinuteTaking/>
                        <carried_actions::CarriedActions/>
                    </div>
                    <div class="console__side">
                        <agenda_controls::AgendaControls/>
                        <day_items::DayItems/>
                        <agenda_changes::AgendaChanges/>
                        <attendance::AttendanceControls/>
                        <Declarations/>
                        <ResponseControls/>
                        <recording::RecordingControls/>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <NotForYou screen=Screen::Console/> }.into_any()
        }
    }
}
