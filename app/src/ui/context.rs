//! What every panel of a live meeting screen shares: the meeting's id and the live view, provided once by the
//! meeting page and read with [`use_meeting`].

use leptos::prelude::*;

use crate::meeting::{CommandKind, MeetingView};

/// The meeting on screen: its id (for commands) and its live view (replaced on every snapshot).
#[derive(Clone, Copy)]
pub struct MeetingCtx {
    pub id: StoredValue<String>,
    pub view: Memo<MeetingView>,
}

impl MeetingCtx {
    /// Whether this viewer may send commands of `kind`: the view's `allowed` list, from the core's roles table.
    /// Only decides which controls to show; the server checks again.
    pub fn can(&self, kind: CommandKind) -> Memo<bool> {
        let view = self.view;
        Memo::new(move |_| view.with(|v| v.viewer.allowed.contains(&kind)))
    }

    /// Whether this viewer may send any of `kinds`.
    pub fn can_any(&self, kinds: &'static [CommandKind]) -> Memo<bool> {
        let view = self.view;
        Memo::new(move |_| view.with(|v| kinds.iter().any(|k| v.viewer.allowed.contains(k))))
    }

    /// A slice of the view that only notifies when it changes.
    pub fn slice<T: Clone + PartialEq + Send + Sync + 'static>(
        &self,
        pick: impl Fn(&MeetingView) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let view = self.view;
        Memo::new(move |_| view.with(&pick))
    }
}

/// The meeting on screen; panics only if a panel is used outside a meeting page (a programming error).
pub fn use_meeting() -> MeetingCtx {
    expect_context::<MeetingCtx>()
}
