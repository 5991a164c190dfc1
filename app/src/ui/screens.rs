//! The four screens of a meeting and the navigation between the ones this viewer can use.

use leptos::prelude::*;

use super::context::use_meeting;
use crate::meeting::Role;

/// A screen of one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The webcast with the agenda, questions and results: for everyone.
    Public,
    /// The chair's and clerk's controls.
    Console,
    /// A member's own device: ballot and questions.
    Member,
    /// The Commissioner's questions and responses.
    Commissioner,
}

impl Screen {
    pub const ALL: [Screen; 4] = [
        Screen::Public,
        Screen::Console,
        Screen::Member,
        Screen::Commissioner,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Public => "Meeting",
            Screen::Console => "Chair and clerk console",
            Screen::Member => "Member device",
            Screen::Commissioner => "Commissioner",
        }
    }

    /// The main heading under the meeting's name.
    pub fn heading(self) -> &'static str {
        match self {
            Screen::Public => "Live meeting",
            Screen::Console => "Chair and clerk console",
            Screen::Member => "My meeting device",
            Screen::Commissioner => "Commissioner's view",
        }
    }

    /// The main heading and the page's title for a meeting in `phase` ("scheduled", "open", "adjourned",
    /// "closed"): the public page follows the meeting's life, so it never says "Live meeting" once the meeting
    /// has closed; the other screens keep their name.
    pub fn heading_in(self, phase: &str) -> &'static str {
        match (self, phase) {
            (Screen::Public, "open") => "Live meeting",
            (Screen::Public, "adjourned") => "Meeting adjourned",
            (Screen::Public, "closed") => "Meeting archive",
            (Screen::Public, _) => "Upcoming meeting",
            (screen, _) => screen.heading(),
        }
    }

    pub fn path(self, meeting: &str) -> String {
        match self {
            Screen::Public => format!("/meetings/{meeting}"),
            Screen::Console => format!("/meetings/{meeting}/console"),
            Screen::Member => format!("/meetings/{meeting}/member"),
            Screen::Commissioner => format!("/meetings/{meeting}/commissioner"),
        }
    }

    /// Whether a viewer with `role` has a use for this screen.
    pub fn serves(self, role: Role) -> bool {
        match self {
            Screen::Public => true,
            Screen::Console => matches!(role, Role::Chair | Role::Clerk),
            Screen::Member => matches!(role, Role::Member | Role::Substitute | Role::Chair),
            Screen::Commissioner => role == Role::Commissioner,
        }
    }
}

/// Links to the screens this viewer can use (nothing for the public, who have only one).
#[component]
pub fn ScreenNav(id: String, current: Screen) -> impl IntoView {
    let meeting = use_meeting();
    let role = meeting.slice(|v| v.viewer.role);
    let label = meeting.slice(|v| v.viewer.role_label.clone());
    move || {
        let role = role.get();
        let screens: Vec<Screen> = Screen::ALL.into_iter().filter(|s| s.serves(role)).collect();
        (screens.len() > 1).then(|| {
            let id = id.clone();
            view! {
                <nav class="screen-nav" aria-label="Screens for this meeting">
                    <span class="muted">{format!("You take part as: {}.", label.get())}</span>
                    <ul>
                        {screens.into_iter().map(|screen| view! {
                            <li>
                                <a href=screen.path(&id) aria-current=(screen == current).then_some("page")>
                                    {screen.title()}
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                </nav>
            }
        })
    }
}

/// Shown on a screen this viewer has no use for, with the way to sign in or back to the public page.
#[component]
pub fn NotForYou(screen: Screen) -> impl IntoView {
    let meeting = use_meeting();
    let label = meeting.slice(|v| v.viewer.role_label.clone());
    let public = Screen::Public.path(&meeting.id.get_value());
    view! {
        <div class="banner" data-testid="not-for-you">
            <p class="banner__title">{format!("The {} is not for you", screen.title().to_lowercase())}</p>
            <p>
                {move || format!("You are viewing this meeting as: {}. ", label.get())}
                "Sign in with the link the clerk gave you, or "
                <a href=public>"follow the meeting on the public page"</a>"."
            </p>
        </div>
    }
}
