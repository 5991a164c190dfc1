//! The public audience of each meeting, and the fan-out that writes every public update to it.
//!
//! A public update is written to every viewer by the meeting's fan-out tasks, straight to each socket, with
//! one non-blocking write per viewer ([`Outbox`](super::outbox::Outbox)): no task is woken per viewer, no
//! timer is armed per write. The audience is split into [`SHARDS`] shards, one fan-out task each, so that
//! both fan-out threads write at once. A viewer whose socket cannot take an update whole is handed to its
//! own task ([`viewer`](super::viewer)), which finishes it when the socket is writable again or drops the
//! viewer after `SEND_TIMEOUT`; the fan-out never waits for anyone.
//!
//! A shard's list of viewers belongs to its fan-out task alone: newcomers arrive over a channel and are
//! added between fan-outs, and the list holds only weak references, so a viewer's connection closes as soon
//! as its own task ends; the dead entries are swept at the next fan-out, or when the list has doubled.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex, Weak,
    },
};

use tokio::sync::{mpsc, watch};
use tokio_util::sync::CancellationToken;

use super::viewer::PublicViewer;
use crate::hub::Published;

/// Fan-out tasks per meeting: one per thread of the fan-out runtime.
const SHARDS: usize = 2;
/// Newcomers taken from the channel at a time.
const ARRIVALS_AT_ONCE: usize = 1024;

/// The audiences of every meeting with public viewers, by meeting id; one per server.
#[derive(Clone, Default)]
pub struct Audiences {
    by_meeting: Arc<Mutex<HashMap<String, Arc<Audience>>>>,
}

impl Audiences {
    /// The audience of `meeting`, started (on the fan-out runtime) on its first viewer. A meeting keeps one
    /// writer, so one public channel, for the server's life (the hub's registry never replaces a handle); an
    /// audience whose channel has closed (shutdown) is replaced.
    pub fn of(
        &self,
        meeting: &str,
        public: &watch::Receiver<Arc<Published>>,
        runtime: &tokio::runtime::Handle,
    ) -> Arc<Audience> {
        let mut by_meeting = self.by_meeting.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(audience) = by_meeting.get(meeting) {
            if !audience.ended.is_cancelled() {
                return audience.clone();
            }
        }
        let audience = Arc::new(Audience::start(public, runtime));
        by_meeting.insert(meeting.to_owned(), audience.clone());
        audience
    }
}

/// One meeting's public viewers.
pub struct Audience {
    shards: Vec<mpsc::UnboundedSender<Weak<PublicViewer>>>,
    next_shard: AtomicUsize,
    /// Cancelled when the meeting's public channel closes (shutdown): every viewer closes.
    pub ended: CancellationToken,
}

impl Audience {
    fn start(public: &watch::Receiver<Arc<Published>>, runtime: &tokio::runtime::Handle) -> Self {
        let ended = CancellationToken::new();
        let shards = (0..SHARDS)
            .map(|_| {
                let (arrive, arrivals) = mpsc::unbounded_channel();
                let mut public = public.clone();
                public.mark_unchanged();
                // Unconstrained: tokio's cooperative budget would otherwise make every socket after the
                // first 128 of a fan-out report "not ready", handing nearly every viewer to its own task.
                runtime.spawn(tokio::task::unconstrained(fan_out(
                    public,
                    arrivals,
                    ended.clone(),
                )));
                arrive
            })
            .collect();
        Self {
            shards,
            next_shard: AtomicUsize::new(0),
            ended,
        }
    }

    /// Adds a viewer: from now on every public update is offered to it.
    pub fn join(&self, viewer: &Arc<PublicViewer>) {
        let shard = self.next_shard.fetch_add(1, Ordering::Relaxed) % self.shards.len();
        // Fails only once the fan-out has ended; the viewer then sees `ended` and closes.
        let _ = self.shards[shard].send(Arc::downgrade(viewer));
    }
}

/// One shard's fan-out: on each public update, offers it to every live viewer of the shard in turn.
async fn fan_out(
    mut public: watch::Receiver<Arc<Published>>,
    mut arrivals: mpsc::UnboundedReceiver<Weak<PublicViewer>>,
    ended: CancellationToken,
) {
    let mut viewers: Vec<Weak<PublicViewer>> = Vec::new();
    let mut newcomers = Vec::with_capacity(ARRIVALS_AT_ONCE);
    // The list's length after the last sweep: it is swept again when it has doubled, so that sweeping costs
    // O(1) per arrival and the list never holds more than twice its live viewers (plus the newest batch).
    let mut swept = 0;
    loop {
        tokio::select! {
            changed = public.changed() => {
                if changed.is_err() {
                    break; // the meeting's publisher is gone (shutdown)
                }
                let latest = public.borrow_and_update().clone();
                while let Ok(newcomer) = arrivals.try_recv() {
                    viewers.push(newcomer);
                }
                viewers.retain(|viewer| match viewer.upgrade() {
                    Some(viewer) => {
                        viewer.offer(&latest);
                        true
                    }
                    None => false,
                });
                swept = viewers.len();
            }
            taken = arrivals.recv_many(&mut newcomers, ARRIVALS_AT_ONCE) => {
                if taken == 0 {
                    break; // the audience itself is gone
                }
                if viewers.len() >= 2 * swept.max(ARRIVALS_AT_ONCE) {
                    viewers.retain(|viewer| viewer.strong_count() > 0);
                    swept = viewers.len();
                }
                viewers.append(&mut newcomers);
            }
        }
    }
    ended.cancel();
}
