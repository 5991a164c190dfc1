//! The registry of live meetings: finds a meeting's handle, starts a writer for each meeting in the log,
//! and schedules new meetings.

use std::{
    collections::BTreeMap,
    sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard, Weak},
    time::Instant,
};

use app::meeting::{Actor, Command, CommandError, Meeting, MeetingId, MeetingSpec};
use app::protocol::{AppError, Receipt};

use super::{seed_missing, task, MeetingHandle};
use crate::{clock, error::StoreError, metrics, store::EventStore};

type Meetings = BTreeMap<MeetingId, MeetingHandle>;

/// The registry of live meetings. Clone it freely. The lock is held only to look up or insert a handle,
/// never across an `.await`.
#[derive(Clone, Debug)]
pub struct Hub {
    meetings: Arc<RwLock<Meetings>>,
    store: EventStore,
}

/// A [`Hub`] that does not keep the meetings alive (for `crate::peers`, which stops when the hub is gone).
#[derive(Clone, Debug)]
pub struct WeakHub {
    meetings: Weak<RwLock<Meetings>>,
    store: EventStore,
}

impl WeakHub {
    pub fn upgrade(&self) -> Option<Hub> {
        Some(Hub {
            meetings: self.meetings.upgrade()?,
            store: self.store.clone(),
        })
    }
}

impl Hub {
    /// Appends the demo meetings to an empty log (if `seed_demo`), then replays every meeting in the log and
    /// spawns its writer task.
    pub async fn start(store: EventStore, seed_demo: bool) -> Result<Self, StoreError> {
        if seed_demo {
            seed_missing(&store).await?;
        }
        let hub = Self {
            meetings: Default::default(),
            store: store.clone(),
        };
        for id in store.meeting_ids().await? {
            hub.adopt(&id).await?;
        }
        Ok(hub)
    }

    pub fn store(&self) -> &EventStore {
        &self.store
    }

    pub fn downgrade(&self) -> WeakHub {
        WeakHub {
            meetings: Arc::downgrade(&self.meetings),
            store: self.store.clone(),
        }
    }

    /// The meeting's handle (a cheap clone), if it is served here.
    pub fn get(&self, id: &str) -> Option<MeetingHandle> {
        self.read().get(&MeetingId(id.to_owned())).cloned()
    }

    /// The seq the meeting last published, without cloning its handle (the page cache asks per request).
    pub fn seq_of(&self, id: &str) -> Option<u64> {
        self.read()
            .get(&MeetingId(id.to_owned()))
            .map(MeetingHandle::seq)
    }

    /// Every meeting served here, in id order.
    pub fn meetings(&self) -> Vec<(MeetingId, MeetingHandle)> {
        self.read()
            .iter()
            .map(|(id, handle)| (id.clone(), handle.clone()))
            .collect()
    }

    /// Wakes the writer of `id` to read what another instance appended; `false` if `id` is not served here.
    pub fn nudge(&self, id: &str) -> bool {
        match self.read().get(&MeetingId(id.to_owned())) {
            Some(handle) => {
                handle.nudge.notify_one();
                true
            }
            None => false,
        }
    }

    /// Replays meeting `id` from the log and starts its writer, unless it is served already.
    pub async fn adopt(&self, id: &MeetingId) -> Result<MeetingHandle, StoreError> {
        if let Some(handle) = self.get(id.as_str()) {
            return Ok(handle);
        }
        let mut meeting = Meeting::default();
        for stored in self.store.load(id).await? {
            meeting.apply(&stored.event);
        }
        let mut meetings = self.write();
        let handle = meetings.entry(id.clone()).or_insert_with(|| {
            tracing::info!(meeting = %id, seq = meeting.seq(), "meeting replayed from the log");
            task::spawn(id.clone(), meeting, self.store.clone())
        });
        Ok(handle.clone())
    }

    /// Schedules a new meeting from its summons and starts serving it. The core decides on an empty meeting
    /// (who may schedule, whether the summons is sound); the event is appended as the meeting's seq 1, so an
    /// id already taken — here, or by another instance a moment earlier — is refused as already scheduled.
    pub async fn schedule(&self, actor: Actor, spec: MeetingSpec) -> Result<Receipt, AppError> {
        let started = Instant::now();
        let id = spec.id.clone();
        let result = match self.get(id.as_str()) {
            Some(_) => Err(AppError::Command(CommandError::AlreadyScheduled)),
            None => match schedule_in(&self.store, &actor, spec).await {
                Ok(receipt) => self.adopt(&id).await.map(|_| receipt).map_err(|error| {
                    tracing::error!(%error, meeting = %id, "serving a scheduled meeting failed");
                    AppError::Unavailable
                }),
                Err(error) => Err(error),
            },
        };
        let outcome = match &result {
            Ok(_) => "accepted",
            Err(AppError::Command(_)) => "rejected",
            Err(_) => "failed",
        };
        tracing::info!(meeting = %id, actor = task::role(&actor), command = "ScheduleMeeting", outcome, "command");
        metrics::command_done("ScheduleMeeting", outcome, started.elapsed());
        result
    }

    fn read(&self) -> RwLockReadGuard<'_, Meetings> {
        self.meetings.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Meetings> {
        self.meetings.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// Decides `ScheduleMeeting` for `actor` on an empty meeting and appends its event as seq 1 of the new
/// meeting's log. Shared by the running server and the `schedule-meeting` command line.
pub async fn schedule_in(
    store: &EventStore,
    actor: &Actor,
    spec: MeetingSpec,
) -> Result<Receipt, AppError> {
    let id = spec.id.clone();
    let now = clock::now();
    let events = Meeting::default().decide(actor, Command::ScheduleMeeting(Box::new(spec)), now)?;
    match store
        .append(&id, 0, actor, &clock::rfc3339(now), &events)
        .await
    {
        Ok(seq) => Ok(Receipt {
            seq,
            events: events.len(),
        }),
        Err(StoreError::Conflict { .. }) => Err(AppError::Command(CommandError::AlreadyScheduled)),
        Err(error) => {
            tracing::error!(%error, meeting = %id, "appending to the event log failed");
            Err(AppError::Unavailable)
        }
    }
}
