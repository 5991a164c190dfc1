//! What a meeting's writer publishes after each change.

use std::sync::{Arc, OnceLock};

use app::meeting::{project, Actor, Meeting};
use app::protocol::ServerMsg;
use axum::extract::ws::Utf8Bytes;

/// One published version of a meeting. The public snapshot is serialized at most once per version, when it
/// is first needed (by the public publisher, never by the writer), and shared by every public viewer
/// (cloning `Utf8Bytes` is a reference-count bump); signed-in viewers are few and are projected per
/// connection because their view includes their own ballots.
#[derive(Debug)]
pub struct Published {
    pub seq: u64,
    /// When this version was published, to measure fan-out latency.
    pub at: std::time::Instant,
    pub meeting: Arc<Meeting>,
    public_msg: OnceLock<Utf8Bytes>,
}

impl Published {
    pub fn of(meeting: &Meeting) -> Self {
        let meeting = Arc::new(meeting.clone());
        Self {
            seq: meeting.seq(),
            at: std::time::Instant::now(),
            meeting,
            public_msg: OnceLock::new(),
        }
    }

    /// The public snapshot message, serialized on first use and shared afterwards.
    pub fn public_msg(&self) -> &Utf8Bytes {
        self.public_msg
            .get_or_init(|| snapshot_text(&self.meeting, &Actor::Public))
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
