//! The chair's control of the meeting itself: open, adjourn until a time, resume, close, and the private
//! session (exclude the press and public under a paragraph of LGA 1972 Sch 12A, then readmit them).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::{Command, CommandKind, Timestamp};
use crate::ui::browser::{parse_hm, today};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::confirm::ConfirmButton;
use crate::ui::context::use_meeting;

const SESSION: &[CommandKind] = &[
    CommandKind::OpenMeeting,
    CommandKind::AdjournMeeting,
    CommandKind::ResumeMeeting,
    CommandKind::CloseMeeting,
    CommandKind::ExcludePublic,
];

#[component]
pub fn SessionControls() -> impl IntoView {
    let meeting = use_meeting();
    let shown = meeting.can_any(SESSION);
    let phase = meeting.slice(|v| v.phase.clone());
    let private = meeting.slice(|v| v.private_session.clone());
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    let send = move |command: Command| dispatch.send(command);
    let date = meeting.slice(|v| v.date.clone());
    // Opening before the summoned date asks first; the day is compared in UK time.
    let starts = meeting.slice(|v| v.starts_on);
    let early = Memo::new(move |_| starts.get().is_some_and(|day| today() < day));
    view! {
        <Show when=move || shown.get()>
            <section class="console-section" aria-labelledby="session-heading">
                <h2 id="session-heading">"Meeting"</h2>
                <p>"The meeting is " <strong data-testid="console-phase">{move || phase.get()}</strong>"."
                    {move || private.get().map(|p| view! { " " <strong>{p}</strong> })}
                </p>
                {move || match phase.get().as_str() {
                    "scheduled" if early.get() => view! {
                        <ConfirmButton
                            label="Open the meeting…"
                            warning=Signal::derive(move || format!("This meeting is summoned for {}; today is earlier. Open it anyway?", date.get()))
                            confirm="Yes, open it now"
                            disabled=pending
                            on_confirm=move || send(Command::OpenMeeting)
                        />
                    }.into_any(),
                    "scheduled" => view! {
                        <button type="button" class="button" disabled=move || pending.get()
                            on:click=move |_| send(Command::OpenMeeting)>"Open the meeting"</button>
                    }.into_any(),
                    "adjourned" => view! {
                        <button type="button" class="button" disabled=move || pending.get()
                            on:click=move |_| send(Command::ResumeMeeting)>"Resume the meeting"</button>
                    }.into_any(),
                    "open" => view! { <OpenMeetingControls dispatch/> }.into_any(),
                    _ => view! { <p class="muted">"The meeting has closed."</p> }.into_any(),
                }}
                <Feedback dispatch/>
            </section>
        </Show>
    }
}

/// While open: adjourn, private session on or off, close.
#[component]
fn OpenMeetingControls(dispatch: Dispatch) -> impl IntoView {
    let meeting = use_meeting();
    let private = meeting.slice(|v| v.private_session.is_some());
    let pending = dispatch.pending();
    let until = RwSignal::new("15:00".to_owned());
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let adjourn = move |ev: SubmitEvent| {
        ev.prevent_default();
        match until.with(|t| parse_hm(t)) {
            Some((hour, minute)) => {
                problem.set(None);
                dispatch.send(Command::AdjournMeeting {
                    until: Timestamp::from_london(today(), hour, minute),
                    reason: reason.get_untracked(),
                });
            }
            None => problem.set(Some(
                "Enter the time to resume as hours and minutes, like 15:00",
            )),
        }
    };
    let paragraph = RwSignal::new("1".to_owned());
    let exclude = move |ev: SubmitEvent| {
        ev.prevent_default();
        let paragraph = paragraph.with_untracked(|p| p.parse::<u8>().unwrap_or(1));
        let item = meeting.view.with_untracked(|v| v.current_item.clone());
        dispatch.send(Command::ExcludePublic { paragraph, item });
    };
    let warning = Signal::derive(|| {
        "Closing the meeting ends it for everyone; it cannot be reopened.".to_owned()
    });
    view! {
        <form class="inline-form" on:submit=adjourn>
            <div class="field">
                <label for="adjourn-until">"Adjourn until (today, UK time)"</label>
                <input id="adjourn-until" type="time" required=true bind:value=until
                    aria-describedby="adjourn-problem"/>
            </div>
            <div class="field">
                <label for="adjourn-reason">"Reason (optional)"</label>
                <input id="adjourn-reason" type="text" bind:value=reason/>
            </div>
            <button type="submit" class="button button--secondary" disabled=move || pending.get()>"Adjourn"</button>
            <p id="adjourn-problem" class="feedback__error">{move || problem.get()}</p>
        </form>
        {move || if private.get() {
            view! {
                <button type="button" class="button" disabled=move || pending.get()
                    on:click=move |_| dispatch.send(Command::ReturnToPublic)>
                    "End the private session: readmit the public"
                </button>
            }.into_any()
        } else {
            view! {
                <form class="inline-form" on:submit=exclude>
                    <div class="field">
                        <label for="private-paragraph">"Exclude the public under LGA 1972 Sch 12A paragraph"</label>
                        <select id="private-paragraph" bind:value=paragraph>
                            {(1..=7).map(|p| view! { <option value=p.to_string()>{p.to_string()}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button button--secondary" disabled=move || pending.get()>
                        "Go into private session"
                    </button>
                </form>
            }.into_any()
        }}
        <ConfirmButton
            label="Close the meeting…"
            warning
            confirm="Yes, close the meeting"
            disabled=pending
            on_confirm=move || dispatch.send(Command::CloseMeeting)
        />
    }
}
