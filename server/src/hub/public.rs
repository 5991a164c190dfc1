//! The public publisher: coalesces a meeting's changes for the public to at most one per [`PUBLIC_EVERY`].
//!
//! The writer publishes every change at once on the live channel, which signed-in viewers (the chair's
//! console, members, the clerk) watch, so their path never waits behind the public fan-out. This task
//! forwards the newest version to the public channel: immediately if the last public update is older than
//! [`PUBLIC_EVERY`], otherwise when that interval has passed (a burst of ballots becomes ≤ 4 public
//! updates a second, each with the newest state, so every viewer still ends on the final state). It also
//! serializes the public snapshot, once per public version, off the writer's path.

use std::{sync::Arc, time::Duration};

use tokio::{sync::watch, time::Instant};

use super::Published;

/// The shortest interval between two public updates of one meeting.
pub const PUBLIC_EVERY: Duration = Duration::from_millis(250);

pub(super) async fn run(
    mut live: watch::Receiver<Arc<Published>>,
    public: watch::Sender<Arc<Published>>,
) {
    let mut last = Instant::now() - PUBLIC_EVERY;
    loop {
        if live.changed().await.is_err() {
            break; // the writer is gone (shutdown); dropping `public` ends the public viewers too
        }
        tokio::time::sleep_until(last + PUBLIC_EVERY).await;
        let newest = live.borrow_and_update().clone();
        newest.public_msg();
        public.send_replace(newest);
        last = Instant::now();
    }
}
