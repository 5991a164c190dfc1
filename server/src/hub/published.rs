//! What a meeting's writer publishes after each change.

use std::sync::{Arc, OnceLock};

use app::meeting::{project, Actor, Meeting};
use app::protocol::ServerMsg;
use axum::extract::ws::Utf8Bytes;

/// One published version of a meeting. The public snapshot is serialized at most once per version, when it
/// is first needed (by the public publisher, never by the writer), and shared by every public viewer
/// (cloning `Utf8Bytes` is a reference-count bump); signed-in viewers are few and are projected per
/// connection because their view includes their own ballots. A version that went out as a public update
/// also carries the public patch from the previous public update (set once, by the public publisher).
#[derive(Debug)]
pub struct Published {
    pub seq: u64,
    /// When this version was published, to measure fan-out latency.
    pub at: std::time::Instant,
    pub meeting: Arc<Meeting>,
    public_msg: OnceLock<Utf8Bytes>,
    public_patch: OnceLock<PublicPatch>,
}

/// The patch message from the public view at `base` to this version's public view.
#[derive(Debug)]
pub struct PublicPatch {
    pub base: u64,
    pub msg: Utf8Bytes,
}

impl Published {
    pub fn of(meeting: &Meeting) -> Self {
        let meeting = Arc::new(meeting.clone());
        Self {
            seq: meeting.seq(),
            at: std::time::Instant::now(),
            meeting,
            public_msg: OnceLock::new(),
            public_patch: OnceLock::new(),
        }
    }

    /// The public snapshot message, serialized on first use and shared afterwards.
    pub fn public_msg(&self) -> &Utf8Bytes {
        self.public_msg
            .get_or_init(|| snapshot_text(&self.meeting, &Actor::Public))
    }

    /// The public patch to this version, if it went out as a public update and a patch was smaller.
    pub fn public_patch(&self) -> Option<&PublicPatch> {
        self.public_patch.get()
    }

    /// Records the public patch to this version (the public publisher does, before it publishes it).
    pub(super) fn set_public_patch(&self, patch: PublicPatch) {
        let _ = self.public_patch.set(patch);
    }

    /// The public message to send a viewer who was last sent version `sent`: the patch if it starts there,
    /// else the whole snapshot.
    pub fn public_msg_after(&self, sent: Option<u64>) -> &Utf8Bytes {
        match self.public_patch() {
            Some(patch) if sent == Some(patch.base) => &patch.msg,
            _ => self.public_msg(),
        }
    }

    /// The snapshot message for `viewer`, shared for the public, freshly projected for anyone else.
    pub fn message_for(&self, viewer: &Actor) -> Utf8Bytes {
        match viewer {
            Actor::Public => self.public_msg().clone(),
            other => snapshot_text(&self.meeting, other),
        }
    }
}

fn snapshot_text(meeting: &Meeting, viewer: &Actor) -> Utf8Bytes {
    let msg = ServerMsg::Snapshot {
        seq: meeting.seq(),
        view: Box::new(project(meeting, viewer)),
    };
    // A view is plain data (strings, numbers, vectors): serializing it cannot fail.
    serde_json::to_string(&msg)
        .expect("a MeetingView always serializes")
        .into()
}
