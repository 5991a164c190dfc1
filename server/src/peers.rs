//! The other server instances on the same PostgreSQL database: what they did that this instance must act on.
//!
//! - Every append sends `NOTIFY panelcast_event, '<meeting id>'` in its transaction, so PostgreSQL delivers
//!   it on commit to every listening instance, this one included (the writer then finds nothing new: a
//!   cheap query). A nudge only wakes the meeting's writer, which reads what it lacks from the log itself,
//!   so a notification that is late, repeated or coalesced loses nothing. Notifications sent while the
//!   listening connection is down are lost, so after every (re)connection each writer is nudged once.
//! - Every sign-out sends `NOTIFY panelcast_sign_out, '<session token hash>'`, and each instance closes its
//!   own websockets of that session (the session is already ended in the database, so nothing is lost if a
//!   notification is: a socket's next reconnect is refused the session anyway).

use std::{collections::HashMap, sync::Weak, time::Duration};

use sqlx::postgres::PgListener;
use tokio::sync::Notify;

use crate::{
    auth::{Auth, SIGN_OUT_CHANNEL},
    store::EVENT_CHANNEL,
};

/// The wait before connecting again after the listening connection failed.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

/// Listens on `url` until every writer is gone (the hub was dropped). `nudges` maps a meeting id to its
/// writer's wake-up (see [`Hub::nudges`](crate::hub::Hub::nudges)).
pub async fn run(url: String, nudges: HashMap<String, Weak<Notify>>, auth: Auth) {
    let mut failing = false;
    loop {
        match listen(&url, &nudges, &auth).await {
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
        if !any_alive(&nudges) {
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
    nudges: &HashMap<String, Weak<Notify>>,
    auth: &Auth,
) -> Result<Stop, sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    // A lost connection must come back here (to nudge everyone), not be re-established silently inside recv.
    listener.eager_reconnect(false);
    listener
        .listen_all([EVENT_CHANNEL, SIGN_OUT_CHANNEL])
        .await?;
    tracing::info!("listening for other instances' events and sign-outs");
    // Whatever was appended before LISTEN took effect.
    for nudge in nudges.values() {
        wake(nudge);
    }
    loop {
        match listener.try_recv().await? {
            Some(notification) if notification.channel() == SIGN_OUT_CHANNEL => {
                auth.close_sockets_of(notification.payload());
            }
            Some(notification) => {
                if let Some(nudge) = nudges.get(notification.payload()) {
                    if !wake(nudge) {
                        return Ok(Stop::HubGone);
                    }
                }
            }
            None => return Ok(Stop::ConnectionLost),
        }
    }
}

/// Wakes one writer; `false` if it is gone.
fn wake(nudge: &Weak<Notify>) -> bool {
    match nudge.upgrade() {
        Some(nudge) => {
            nudge.notify_one();
            true
        }
        None => false,
    }
}

fn any_alive(nudges: &HashMap<String, Weak<Notify>>) -> bool {
    nudges.values().any(|nudge| nudge.strong_count() > 0)
}
