//! The single writer of one meeting: decide → append (one transaction) → apply → publish.
//!
//! Only this task touches the meeting's state, so the log order is the state order and no lock is held
//! across the database `.await`. A command is acknowledged only after its events are committed.

use std::{sync::Arc, time::Instant};

use app::meeting::{Actor, Command, Meeting, MeetingId};
use app::protocol::{AppError, Receipt};
use tokio::sync::{mpsc, watch};

use super::{Execute, MeetingHandle, Published, COMMAND_QUEUE};
use crate::{clock, metrics, store::EventStore};

/// Spawns the writer for `meeting` (already replayed) and returns its handle.
pub(super) fn spawn(id: MeetingId, meeting: Meeting, store: EventStore) -> MeetingHandle {
    let (commands, inbox) = mpsc::channel(COMMAND_QUEUE);
    let first = Arc::new(Published::of(&meeting));
    let (publisher, published) = watch::channel(first.clone());
    first.public_msg();
    let (public_publisher, public) = watch::channel(first);
    tokio::spawn(super::public::run(published.clone(), public_publisher));
    tokio::spawn(run(id, meeting, store, inbox, publisher));
    MeetingHandle {
        commands,
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
    publisher: watch::Sender<Arc<Published>>,
) {
    while let Some(Execute {
        actor,
        command,
        reply,
    }) = inbox.recv().await
    {
        let name = command_name(&command);
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
        metrics::command_done(&name, outcome, started.elapsed());
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
    let events = meeting.decide(actor, command, now)?;
    if events.is_empty() {
        return Ok(Receipt {
            seq: meeting.seq(),
            events: 0,
        });
    }
    if let Err(error) = store
        .append(id, meeting.seq(), actor, &clock::rfc3339(now), &events)
        .await
    {
        // Logged once here; the user sees only "unavailable". Nothing was applied, so state and log agree.
        tracing::error!(%error, "appending to the event log failed");
        return Err(AppError::Unavailable);
    }
    for event in &events {
        meeting.apply(event);
    }
    publisher.send_replace(Arc::new(Published::of(meeting)));
    metrics::published(meeting.seq());
    Ok(Receipt {
        seq: meeting.seq(),
        events: events.len(),
    })
}

/// The command's wire name (its serde tag), for logs and metrics.
fn command_name(command: &Command) -> String {
    serde_json::to_value(command)
        .ok()
        .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned())
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
