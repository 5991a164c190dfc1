//! The browser's live connection: a websocket per meeting page that follows the meeting (snapshots and patches,
//! through [`crate::protocol::Follower`]) and reconnects by itself on the schedule of
//! [`crate::protocol::reconnect`] (1 s, 2 s, 4 s … up to 15 s, with jitter, from 1 s again once a connection
//! has opened), also when a patch does not fit the version held. On the server this is a no-op: the first
//! paint is SSR.

use leptos::prelude::*;

use crate::meeting::MeetingView;

/// What the page tells people about the live connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveStatus {
    /// Server-rendered, the script has not connected yet (also what a reader without JavaScript sees).
    Connecting,
    Live,
    Reconnecting,
}

impl LiveStatus {
    pub fn label(self) -> &'static str {
        match self {
            LiveStatus::Connecting => "Not live: reload the page for updates",
            LiveStatus::Live => "Live: updates appear as they happen",
            LiveStatus::Reconnecting => "Connection lost: reconnecting…",
        }
    }
}

/// Follows `meeting` live, writing each newer snapshot into `state` and the connection state into `status`.
pub fn follow_meeting(
    meeting: String,
    state: RwSignal<(u64, MeetingView)>,
    status: RwSignal<LiveStatus>,
) {
    #[cfg(feature = "hydrate")]
    browser::open(std::rc::Rc::from(meeting.as_str()), state, status, 0);
    #[cfg(not(feature = "hydrate"))]
    let _ = (meeting, state, status);
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::{cell::Cell, rc::Rc};

    use leptos::prelude::*;
    use wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{MessageEvent, WebSocket};

    use super::LiveStatus;
    use crate::meeting::MeetingView;
    use crate::protocol::reconnect::{next_attempt, reconnect_delay};
    use crate::protocol::{Followed, Follower};

    pub(super) fn open(
        meeting: Rc<str>,
        state: RwSignal<(u64, MeetingView)>,
        status: RwSignal<LiveStatus>,
        attempt: u32,
    ) {
        let location = window().location();
        let scheme = if location.protocol().ok().as_deref() == Some("https:") {
            "wss"
        } else {
            "ws"
        };
        let host = location.host().unwrap_or_default();
        let since = state.with_untracked(|(seq, _)| *seq);
        let url = format!("{scheme}://{host}/ws/meetings/{meeting}?since={since}");
        let Ok(socket) = WebSocket::new(&url) else {
            retry(meeting, state, status, attempt);
            return;
        };

        let opened = Rc::new(Cell::new(false));
        let on_open = Closure::<dyn FnMut()>::new({
            let opened = Rc::clone(&opened);
            move || {
                opened.set(true);
                status.set(LiveStatus::Live);
            }
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        on_open.forget();

        let mut follower = Follower::<wasm_bindgen::JsValue>::default();
        let this = socket.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            match follower.receive(&text) {
                Ok(Followed::View { seq, view }) => {
                    // Views only move forward; an older one (a race with a reconnect) is ignored.
                    if seq >= state.with_untracked(|(current, _)| *current) {
                        state.set((seq, *view));
                    }
                }
                Ok(Followed::Stale) => {}
                Ok(Followed::Closing(_)) => {
                    // Signed out elsewhere: reload so the page shows the public view.
                    let _ = window().location().reload();
                }
                Err(error) => {
                    // Reconnecting brings a fresh snapshot (the close handler retries).
                    leptos::logging::warn!("live update not applied, reconnecting: {error}");
                    let _ = this.close();
                }
            }
        });
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();

        let reconnect = Rc::clone(&meeting);
        let on_close = Closure::<dyn FnMut()>::new(move || {
            status.set(LiveStatus::Reconnecting);
            retry(
                Rc::clone(&reconnect),
                state,
                status,
                next_attempt(attempt, opened.get()),
            );
        });
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        on_close.forget();
    }

    fn retry(
        meeting: Rc<str>,
        state: RwSignal<(u64, MeetingView)>,
        status: RwSignal<LiveStatus>,
        attempt: u32,
    ) {
        let delay = reconnect_delay(attempt, web_sys::js_sys::Math::random());
        let meeting = meeting.to_string();
        set_timeout(
            move || open(Rc::from(meeting.as_str()), state, status, attempt),
            delay,
        );
    }
}
