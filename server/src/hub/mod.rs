//! The hub: one single-writer task per meeting, and the registry that finds it.
//!
//! Every meeting in the log gets a task at start-up ([`Hub::start`]): the task replays the log with the core's
//! `apply` (the same code as live operation), then owns the state. Readers never lock it: each change is
//! published on a `tokio::sync::watch` channel, so a slow reader simply sees the latest version next.
//! Signed-in viewers watch the live channel (every change, at once); the public watch a second channel fed
//! by [`coalesce`], which coalesces bursts to at most four updates a second.
//!
//! Meetings join the registry at start-up (every meeting in the log) and when the clerk schedules one
//! ([`Hub::schedule`], see `registry`).
//!
//! On PostgreSQL several instances may serve the same meetings: `crate::peers` listens for the other
//! instances' appends and nudges the meeting's writer to catch up (or, for a meeting scheduled elsewhere,
//! adopts it), and a writer that loses the race for a seq catches up and decides again (see [`task`]).

pub(crate) mod coalesce;
mod published;
mod registry;
mod task;

use std::sync::Arc;

use app::demo;
use app::meeting::{Actor, Command};
use app::protocol::{AppError, Receipt};
use tokio::sync::{mpsc, oneshot, watch, Notify};

pub use coalesce::PUBLIC_EVERY;
pub use published::Published;
pub use registry::{schedule_in, Hub, WeakHub};
pub use task::role;

use crate::{clock, error::StoreError, store::EventStore};

/// How many commands may wait for one meeting's writer before callers are told to retry.
const COMMAND_QUEUE: usize = 256;

/// A request to a meeting's writer task.
pub(crate) struct Execute {
    actor: Actor,
    command: Command,
    reply: oneshot::Sender<Result<Receipt, AppError>>,
}

/// A cheap handle on one meeting: send commands to its writer, watch its published state.
#[derive(Clone, Debug)]
pub struct MeetingHandle {
    commands: mpsc::Sender<Execute>,
    /// Wakes the writer to read events another instance appended (coalescing: many nudges, one catch-up).
    nudge: Arc<Notify>,
    published: watch::Receiver<Arc<Published>>,
    public: watch::Receiver<Arc<Published>>,
}

impl MeetingHandle {
    /// Runs `command` as `actor`. Resolves after the events are committed to the log and published.
    pub async fn execute(&self, actor: Actor, command: Command) -> Result<Receipt, AppError> {
        let (reply, answer) = oneshot::channel();
        self.commands
            .send(Execute {
                actor,
                command,
                reply,
            })
            .await
            .map_err(|_| AppError::Unavailable)?;
        answer.await.map_err(|_| AppError::Unavailable)?
    }

    /// A new receiver of the published state, every change at once (signed-in viewers); its first `borrow`
    /// is the current state.
    pub fn subscribe(&self) -> watch::Receiver<Arc<Published>> {
        self.published.clone()
    }

    /// A new receiver of the public updates: the newest state, at most one update per [`PUBLIC_EVERY`].
    pub fn subscribe_public(&self) -> watch::Receiver<Arc<Published>> {
        self.public.clone()
    }

    /// The state as last published.
    pub fn current(&self) -> Arc<Published> {
        self.published.borrow().clone()
    }

    /// The seq of [`current`](Self::current), without cloning it: what the page cache keys on, because the
    /// server-rendered page reads `current` (through `MeetingService::view`).
    pub fn seq(&self) -> u64 {
        self.published.borrow().seq
    }
}

/// Schedules each demo meeting that has no events yet, as the System actor, through the normal append path,
/// and writes the demo years' work programmes (`demo::demo_programmes`) where a year has none.
/// A conflict means another instance starting on the same database seeded it first: that is fine.
async fn seed_missing(store: &EventStore) -> Result<(), StoreError> {
    let existing = store.meeting_ids().await?;
    for (id, events) in demo::demo_meetings() {
        if existing.contains(&id) {
            continue;
        }
        let at = clock::rfc3339(clock::now());
        match store.append(&id, 0, &Actor::System, &at, &events).await {
            Ok(_) => tracing::info!(meeting = %id, events = events.len(), "demo meeting seeded"),
            Err(StoreError::Conflict { .. }) => {
                tracing::info!(meeting = %id, "demo meeting already seeded by another instance")
            }
            Err(error) => return Err(error),
        }
    }
    for (year, events) in demo::demo_programmes() {
        if !store.load_programme(&year).await?.is_empty() {
            continue;
        }
        let at = clock::rfc3339(clock::now());
        match store
            .append_programme(&year, 0, &Actor::System, &at, &events)
            .await
        {
            Ok(_) => tracing::info!(year = %year, "demo work programme seeded"),
            Err(StoreError::Conflict { .. }) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}
