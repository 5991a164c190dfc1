//! The chair and clerk console: everything that runs the meeting. Each section shows only when this viewer may
//! send its commands (the view's `allowed` list); the server enforces the same table.

mod agenda_controls;
mod attendance;
mod declarations;
mod hearing;
mod questions;
mod recording;
mod session;
mod show_of_hands;
mod votes;

use leptos::prelude::*;

use super::commissioner::ResponseControls;
use super::context::use_meeting;
use super::panels::{Banners, CurrentItem};
use super::screens::{NotForYou, Screen};
use crate::meeting::Role;

pub use declarations::Declarations;
pub use questions::AnswerForm;

#[component]
pub fn Console() -> impl IntoView {
    let meeting = use_meeting();
    let role = meeting.slice(|v| v.viewer.role);
    let view = meeting.view;
    move || {
        if matches!(role.get(), Role::Chair | Role::Clerk) {
            view! {
                <Banners view/>
                <CurrentItem view/>
                <div class="console">
                    <div class="console__main">
                        <session::SessionControls/>
                        <votes::VoteControls/>
                        <hearing::HearingControls/>
                        <questions::QuestionModeration/>
                    </div>
                    <div class="console__side">
                        <agenda_controls::AgendaControls/>
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
