//! The public page in step with the webcast: the views the websocket delivers are held back until the viewer's
//! player reaches the moment they were made at (the core's [`released`] decides which), so the agenda, votes,
//! questions, resolutions, the private-session notice, and what the live regions announce, follow the video and
//! not the room. A switch "Show changes as they happen" (off by default, remembered in the browser) shows them
//! at once. `public/webcast.js` reports the player's position as a wall-clock instant (from the stream's
//! `#EXT-X-PROGRAM-DATE-TIME`) in a `webcast-playhead` event on the window; with no position (no video, no
//! date-times, a player not started) nothing is held back. Only the public page does this: members and the
//! chair are in the room.

use std::collections::VecDeque;

use leptos::prelude::*;

use crate::meeting::in_step::released;
use crate::meeting::{MeetingView, Timestamp};

/// The public page's setting and the player's position, shared with the switch.
#[derive(Clone, Copy)]
pub struct InStep {
    /// The viewer's switch "Show changes as they happen".
    pub as_they_happen: RwSignal<bool>,
    /// The player's position as a wall-clock instant (UTC ms), if it has one.
    playhead: RwSignal<Option<i64>>,
    /// How many changes are held back now.
    held: RwSignal<usize>,
}

impl InStep {
    /// Whether changes are being held back for the video (the switch is off and the player has a position).
    pub fn following(&self) -> bool {
        !self.as_they_happen.get() && self.playhead.get().is_some()
    }
}

/// Shows in `shown` the views that arrive in `incoming`, each once the webcast reaches it; provides the
/// [`InStep`] for the switch.
pub fn hold_back(
    incoming: RwSignal<(u64, MeetingView)>,
    shown: RwSignal<(u64, MeetingView)>,
) -> InStep {
    let in_step = InStep {
        as_they_happen: RwSignal::new(false),
        playhead: RwSignal::new(None),
        held: RwSignal::new(0),
    };
    let queue = StoredValue::new(VecDeque::<(u64, MeetingView)>::new());
    let release = move || {
        let playhead = in_step.playhead.get_untracked().map(Timestamp);
        let now = in_step.as_they_happen.get_untracked();
        let mut newest = None;
        queue.update_value(|queue| {
            let times: Vec<_> = queue
                .iter()
                .map(|(_, v)| v.changed_at.map(Timestamp))
                .collect();
            for _ in 0..released(&times, playhead, now) {
                newest = queue.pop_front();
            }
        });
        in_step.held.set(queue.with_value(VecDeque::len));
        if let Some(view) = newest {
            shown.set(view);
        }
    };
    Effect::new(move |_| {
        let arrived = incoming.get();
        let latest = queue
            .with_value(|queue| queue.back().map(|(seq, _)| *seq))
            .unwrap_or_else(|| shown.with_untracked(|(seq, _)| *seq));
        if arrived.0 > latest {
            queue.update_value(|queue| queue.push_back(arrived));
            release();
        }
    });
    Effect::new(move |_| {
        in_step.playhead.track();
        in_step.as_they_happen.track();
        release();
    });
    #[cfg(feature = "hydrate")]
    browser::connect(in_step);
    provide_context(in_step);
    in_step
}

/// The switch "Show changes as they happen", under the player. Shown once the page runs its script (without
/// it nothing is held back, so there is nothing to switch).
#[component]
pub fn InStepSwitch() -> impl IntoView {
    let in_step = use_context::<InStep>();
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    move || {
        let in_step = in_step.filter(|_| running.get())?;
        let on = in_step.as_they_happen;
        Some(view! {
            <div class="in-step" data-testid="in-step" data-held=move || in_step.held.get()>
                <label class="in-step__switch">
                    <input
                        type="checkbox"
                        role="switch"
                        data-testid="as-they-happen"
                        prop:checked=move || on.get()
                        on:change=move |ev| on.set(event_target_checked(&ev))
                    />
                    " Show changes as they happen"
                </label>
                <p class="hint">
                    {move || if on.get() {
                        "Changes appear as soon as they happen in the room, before the webcast shows them."
                    } else {
                        "Changes appear when the webcast reaches them."
                    }}
                </p>
            </div>
        })
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use super::InStep;

    const REMEMBERED: &str = "panelcast.changes-as-they-happen";

    /// Follows the player's position, and reads and remembers the viewer's switch.
    pub(super) fn connect(in_step: InStep) {
        let playhead = in_step.playhead;
        let listener = window_event_listener_untyped("webcast-playhead", move |event| {
            let detail = event.unchecked_into::<web_sys::CustomEvent>().detail();
            playhead.set(detail.as_f64().map(|ms| ms as i64));
        });
        on_cleanup(move || listener.remove());
        let storage = window().local_storage().ok().flatten();
        if let Some(storage) = &storage {
            if storage.get_item(REMEMBERED).ok().flatten().as_deref() == Some("on") {
                in_step.as_they_happen.set(true);
            }
        }
        Effect::new(move |first: Option<()>| {
            let on = in_step.as_they_happen.get();
            if first.is_some() {
                if let Some(storage) = &storage {
                    let _ = storage.set_item(REMEMBERED, if on { "on" } else { "off" });
                }
            }
        });
    }
}
