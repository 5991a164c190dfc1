//! Sending commands from a screen: a [`Dispatch`] runs one command at a time through the `run_command`
//! server function, and [`Feedback`] says what happened in a live region next to the controls.
//! The result of an accepted command arrives as the next websocket snapshot, like everyone else's.

use leptos::prelude::*;

use super::context::use_meeting;
use crate::api::run_command;
use crate::meeting::Command;
use crate::protocol::{AppError, Receipt};

/// A command sender for the meeting on screen, with its pending state and last outcome.
#[derive(Clone, Copy)]
pub struct Dispatch {
    action: Action<Command, Result<Receipt, AppError>>,
}

impl Dispatch {
    pub fn new() -> Self {
        // The answer to a command may be a refusal: a `CommandError`, which only these screens read.
        #[cfg(feature = "hydrate")]
        crate::wire::read_command_errors();
        let meeting = use_meeting().id;
        let action = Action::new(move |command: &Command| {
            let meeting = meeting.get_value();
            let command = command.clone();
            async move { run_command(meeting, command).await }
        });
        Self { action }
    }

    pub fn send(&self, command: Command) {
        self.action.dispatch(command);
    }

    pub fn pending(&self) -> Memo<bool> {
        self.action.pending()
    }

    /// The last command's refusal, as the sentence to show ("Only the chair can open a vote").
    pub fn error(&self) -> Signal<Option<String>> {
        let value = self.action.value();
        Signal::derive(move || {
            value.with(|v| {
                v.as_ref()
                    .and_then(|r| r.as_ref().err().map(ToString::to_string))
            })
        })
    }

    /// Whether the last command was accepted.
    pub fn succeeded(&self) -> Signal<bool> {
        let value = self.action.value();
        Signal::derive(move || value.with(|v| matches!(v, Some(Ok(_)))))
    }

    pub fn version(&self) -> RwSignal<usize> {
        self.action.version()
    }
}

impl Default for Dispatch {
    fn default() -> Self {
        Self::new()
    }
}

/// The outcome of the last command from these controls: a refusal as an alert, progress and success politely.
#[component]
pub fn Feedback(dispatch: Dispatch) -> impl IntoView {
    let pending = dispatch.pending();
    let error = dispatch.error();
    let ok = dispatch.succeeded();
    view! {
        <div class="feedback" role="status" aria-live="polite">
            {move || {
                if pending.get() {
                    view! { <p class="feedback__progress">"Sending…"</p> }.into_any()
                } else if let Some(message) = error.get() {
                    view! { <p class="feedback__error" role="alert"><strong>"Not done: "</strong>{message}</p> }.into_any()
                } else if ok.get() {
                    view! { <p class="feedback__ok">"Done."</p> }.into_any()
                } else {
                    ().into_any()
                }
            }}
        </div>
    }
}
