//! The public publisher: coalesces a meeting's changes for the public to at most one per [`PUBLIC_EVERY`],
//! and prepares what every public viewer will be sent.
//!
//! The writer publishes every change at once on the live channel, which signed-in viewers (the chair's
//! console, members, the clerk) watch, so their path never waits behind the public fan-out. This task
//! forwards the newest version to the public channel: immediately if the last public update is older than
//! [`PUBLIC_EVERY`], otherwise when that interval has passed (a burst of ballots becomes ≤ 4 public
//! updates a second, each with the newest state, so every viewer still ends on the final state).
//!
//! Before it publishes a version it serializes, once, off the writer's path: the public snapshot (for viewers
//! who join, or who missed the previous update) and the RFC 6902 patch from the previous public update (for
//! everyone else: an agenda move is ~250 bytes instead of ~11 KB, which is most of the cost of a fan-out to
//! thousands of viewers on loopback or a phone). The patch is kept only when it is smaller than the snapshot.

use std::{sync::Arc, time::Duration};

use app::meeting::{project, Actor};
use app::protocol::patch_between;
use serde_json::Value;
use tokio::{sync::watch, time::Instant};

use super::{published::PublicPatch, Published};

/// The shortest interval between two public updates of one meeting.
pub const PUBLIC_EVERY: Duration = Duration::from_millis(250);

pub(super) async fn run(
    mut live: watch::Receiver<Arc<Published>>,
    public: watch::Sender<Arc<Published>>,
) {
    let mut last = Instant::now() - PUBLIC_EVERY;
    let mut previous = {
        let first = public.borrow().clone();
        (first.seq, public_doc(&first))
    };
    loop {
        if live.changed().await.is_err() {
            break; // the writer is gone (shutdown); dropping `public` ends the public viewers too
        }
        tokio::time::sleep_until(last + PUBLIC_EVERY).await;
        let newest = live.borrow_and_update().clone();
        previous = (newest.seq, prepare(&previous, &newest));
        public.send_replace(newest);
        last = Instant::now();
    }
}

/// Prepares `newest` for the public: its snapshot, and its patch from `previous` (the last public update's seq and
/// public document) if that is smaller. Returns `newest`'s public document, the base of the next patch.
pub(crate) fn prepare(previous: &(u64, Value), newest: &Published) -> Value {
    let doc = public_doc(newest);
    let full = newest.public_msg();
    let patch = patch_between(previous.0, &previous.1, newest.seq, &doc);
    // A view is plain data: serializing it cannot fail.
    let patch = serde_json::to_string(&patch).expect("a patch always serializes");
    if patch.len() < full.len() {
        newest.set_public_patch(PublicPatch {
            base: previous.0,
            msg: patch.into(),
        });
    }
    doc
}

/// The public view of a version as JSON, the document patches are computed on.
pub(crate) fn public_doc(version: &Published) -> Value {
    serde_json::to_value(project(&version.meeting, &Actor::Public))
        .expect("a view always serializes")
}
