//! The other server instances on the same PostgreSQL database: what they did that this instance must act on.
//!
//! - Every append sends `NOTIFY panelcast_event, '<meeting id>'` in its transaction, so PostgreSQL delivers
//!   it on commit to every listening instance, this one included (the writer then finds nothing new: a
//!   cheap query). A nudge only wakes the meeting's writer, which reads what it lacks from the log itself,
//!   so a notification that is late, repeated or coalesced loses nothing. A meeting not served here yet
//!   (scheduled through another instance) is adopted: replayed from the log and given a writer.
//!   Notifications sent while the listening connection is down are lost, so after every (re)connection each
//!   writer is nudged once and any meeting the log has that this instance lacks is adopted.
//! - Every sign-out sends `NOTIFY panelcast_sign_out, '<session token hash>'`, and each instance closes its
//!   own websockets of that session. Sign-outs announced while the listening connection is down are lost
//!   too, so after every (re)connection the sessions of this instance's open sockets are checked against the
//!   database and the ended ones' sockets closed.
//! - The server starts serving only once the first LISTEN has taken effect (`ready`, awaited by
//!   `startup`), so that an instance never has open sockets whose sign-out it could not hear.

use std::time::Duration;

use sqlx::postgres::PgListener;
use tokio::sync::oneshot;

use crate::{
    auth::{Auth, SIGN_OUT_CHANNEL},
    error::StoreError,
    hub::{Hub, WeakHub},
    store::EVENT_CHANNEL,
};

/// The wait before connecting again after the listening connection failed.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

/// Listens on `url` until the hub is gone (the application was dropped). `ready` is told once the first
/// LISTEN has taken effect and the catch-up after it is done.
pub async fn run(url: String, hub: WeakHub, auth: Auth, ready: oneshot::Sender<()>) {
    let mut failing = false;
    let mut ready = Some(ready);
    loop {
        match listen(&url, &hub, &auth, &mut ready).await {
            Ok(Stop::HubGone) => return,
            Ok(Stop::ConnectionLost) => {
                tracing::warn!("event listener connection lost: reconnecting")
            }
            // Logged once per outage, not once a second.
            Err(error) if !failing => {
                tracing::error!(%error, "event listener failed: other instances' changes are not seen until it reconnects");
                failing = true;
            }
            Err(_) => {}
        }
        if hub.upgrade().is_none() {
            return;
        }
        tokio::time::sleep(RECONNECT_AFTER).await;
    }
}

enum Stop {
    HubGone,
    ConnectionLost,
}

async fn listen(
    url: &str,
    hub: &WeakHub,
    auth: &Auth,
    ready: &mut Option<oneshot::Sender<()>>,
) -> Result<Stop, StoreError> {
    let mut listener = PgListener::connect(url).await?;
    // A lost connection must come back here (to catch up), not be re-established silently inside recv.
    listener.eager_reconnect(false);
    listener
        .listen_all([EVENT_CHANNEL, SIGN_OUT_CHANNEL])
        .await?;
    tracing::info!("listening for other instances' events and sign-outs");
    // Whatever was appended before LISTEN took effect.
    let Some(live) = hub.upgrade() else {
        return Ok(Stop::HubGone);
    };
    for (id, _) in live.meetings() {
        live.nudge(id.as_str());
    }
    for id in live.store().meeting_ids().await? {
        live.adopt(&id).await?;
    }
    drop(live);
    // Whatever sign-out was announced before LISTEN took effect.
    auth.close_sockets_of_ended_sessions().await?;
    if let Some(ready) = ready.take() {
        let _ = ready.send(());
    }
    loop {
        let Some(notification) = listener.try_recv().await? else {
            return Ok(Stop::ConnectionLost);
        };
        if notification.channel() == SIGN_OUT_CHANNEL {
            auth.close_sockets_of(notification.payload());
            continue;
        }
        let Some(live) = hub.upgrade() else {
            return Ok(Stop::HubGone);
        };
        on_event(&live, notification.payload()).await;
    }
}

/// Another instance (or this one) appended to meeting `id`: wake its writer, or adopt a meeting new here.
async fn on_event(hub: &Hub, id: &str) {
    if hub.nudge(id) {
        return;
    }
    let id = app::meeting::MeetingId(id.to_owned());
    if let Err(error) = hub.adopt(&id).await {
        tracing::error!(%error, meeting = %id, "adopting a meeting scheduled elsewhere failed");
    }
}
