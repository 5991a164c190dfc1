//! The single writer of one meeting: decide → append (one transaction) → apply → publish.
//!
//! Only this task touches the meeting's state, so the log order is the state order and no lock is held
//! across the database `.await`. A command is acknowledged only after its events are committed.
//!
//! With several server instances on one PostgreSQL database, each instance has a writer per meeting, and the
//! log's `(meeting, seq)` key decides between them: an append that finds another instance's events first is
//! a [`StoreError::Conflict`]. The writer then catches up (reads the events it lacks, applies and publishes
//! them) and decides the command again against the newer state — a ballot that arrives after another instance
//! closed the vote is refused by the rules, not written. When nudged by the follower (`follow`), it catches
//! up the same way without a command.

use std::{sync::Arc, time::Instant};

use app::meeting::{Actor, Command, Meeting, MeetingId};
use app::protocol::{AppError, Receipt};
use tokio::sync::{mpsc, watch, Notify};

use super::{Execute, MeetingHandle, Published, COMMAND_QUEUE};
use crate::{clock, error::StoreError, metrics, store::EventStore};

/// How many times one command is decided again after losing the race for a seq to another instance. Each
/// loss means another instance made progress, so the meeting cannot livelock; the bound only keeps one
/// command from waiting for ever behind a busy peer (it is then "unavailable", and nothing was written).
const CONFLICT_RETRIES: usize = 8;

/// Spawns the writer for `meeting` (already replayed) and returns its handle.
pub(super) fn spawn(id: MeetingId, meeting: Meeting, store: EventStore) -> MeetingHandle {
    let (commands, inbox) = mpsc::channel(COMMAND_QUEUE);
    let nudge = Arc::new(Notify::new());
    let first = Arc::new(Published::of(&meeting));
    let (publisher, published) = watch::channel(first.clone());
    first.public_msg();
    let (public_publisher, public) = watch::channel(first);
    tokio::spawn(super::coalesce::run(published.clone(), public_publisher));
    tokio::spawn(run(id, meeting, store, inbox, nudge.clone(), publisher));
    MeetingHandle {
        commands,
        nudge,
        published,
        public,
    }
}

#[tracing::instrument(name = "meeting_writer", skip_all, fields(meeting = %id))]
async fn run(
    id: MeetingId,
    mut meeting: Meeting,
    store: EventStore,
    mut inbox: mpsc::Receiver<Execute>,
    nudge: Arc<Notify>,
    publisher: watch::Sender<Arc<Published>>,
) {
    loop {
        let Execute {
            actor,
            command,
            reply,
        } = tokio::select! {
            job = inbox.recv() => match job {
                Some(job) => job,
                None => break,
            },
            () = nudge.notified() => {
                if let Err(error) = catch_up(&id, &mut meeting, &store, &publisher).await {
                    tracing::error!(%error, "catching up with the event log failed");
                }
                continue;
            }
        };
        let name = command.kind().name();
        let started = Instant::now();
        let result = execute(&id, &mut meeting, &store, &actor, command, &publisher).await;
        let outcome = match &result {
            Ok(receipt) if receipt.events == 0 => "unchanged",
            Ok(_) => "accepted",
            Err(AppError::Command(_)) => "rejected",
            Err(_) => "failed",
        };
        match &result {
            Err(AppError::Command(reason)) => tracing::info!(
                actor = role(&actor), command = %name, seq = meeting.seq(), outcome, %reason, "command rejected"
            ),
            _ => {
                tracing::info!(actor = role(&actor), command = %name, seq = meeting.seq(), outcome, "command")
            }
        }
        metrics::command_done(name, outcome, started.elapsed());
        // The caller may have gone away (client disconnected); the command stands either way.
        let _ = reply.send(result);
    }
    tracing::debug!("meeting writer stopped: every handle was dropped");
}

async fn execute(
    id: &MeetingId,
    meeting: &mut Meeting,
    store: &EventStore,
    actor: &Actor,
    command: Command,
    publisher: &watch::Sender<Arc<Published>>,
) -> Result<Receipt, AppError> {
    let now = clock::now();
    let mut retries = 0;
    loop {
        let events = meeting.decide(actor, command.clone(), now)?;
        if events.is_empty() {
            return Ok(Receipt {
                seq: meeting.seq(),
                events: 0,
            });
        }
        match store
            .append(id, meeting.seq(), actor, &clock::rfc3339(now), &events)
            .await
        {
            Ok(_) => {
                #[cfg(any(debug_assertions, feature = "chaos"))]
                crate::chaos::after_append(id, meeting.seq() + events.len() as u64).await;
                for event in &events {
                    meeting.apply(event);
                }
                publish(meeting, publisher);
                return Ok(Receipt {
                    seq: meeting.seq(),
                    events: events.len(),
                });
            }
            Err(StoreError::Conflict { .. }) if retries < CONFLICT_RETRIES => {
                retries += 1;
                metrics::log_conflict();
                tracing::info!(
                    seq = meeting.seq(),
                    retries,
                    "another writer appended first: catching up"
                );
                catch_up(id, meeting, store, publisher)
                    .await
                    .map_err(|error| {
                        unavailable(&error, "catching up with the event log failed")
                    })?;
            }
            Err(error) => return Err(unavailable(&error, "appending to the event log failed")),
        }
    }
}

/// Applies and publishes the events other instances appended after the writer's seq; returns how many.
async fn catch_up(
    id: &MeetingId,
    meeting: &mut Meeting,
    store: &EventStore,
    publisher: &watch::Sender<Arc<Published>>,
) -> Result<usize, StoreError> {
    let missing = store.load_after(id, meeting.seq()).await?;
    for stored in &missing {
        meeting.apply(&stored.event);
    }
    if !missing.is_empty() {
        tracing::debug!(
            events = missing.len(),
            seq = meeting.seq(),
            "caught up with the log"
        );
        publish(meeting, publisher);
    }
    Ok(missing.len())
}

fn publish(meeting: &Meeting, publisher: &watch::Sender<Arc<Published>>) {
    publisher.send_replace(Arc::new(Published::of(meeting)));
    metrics::published(meeting.seq());
}

/// Logged once here; the user sees only "unavailable". Nothing was applied, so state and log agree.
fn unavailable(error: &StoreError, what: &'static str) -> AppError {
    tracing::error!(%error, what);
    AppError::Unavailable
}

/// The role of an actor as a log label.
pub fn role(actor: &Actor) -> &'static str {
    match actor {
        Actor::Public => "public",
        Actor::Clerk { .. } => "clerk",
        Actor::Member { .. } => "member",
        Actor::Commissioner => "commissioner",
        Actor::System => "system",
    }
}
