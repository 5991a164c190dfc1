//! Sessions this instance found live a moment ago, so that a signed-in request — above all a member's ballot
//! — does not wait on a database round trip before it can even reach the meeting's writer.
//!
//! The database stays the authority; an entry only stands in for its answer, and only while:
//! - the session has not expired (`expires_at`, the same milliseconds the query compares);
//! - it was looked up less than [`MAX_AGE`] ago;
//! - no sign-out of it was seen. A sign-out here forgets it at once; a sign-out on another instance
//!   (PostgreSQL) forgets it when announced, and the catch-up after the listening connection comes back
//!   forgets every entry (`crate::peers`). So the only stale answer possible is for at most [`MAX_AGE`],
//!   for a session signed out on another instance while this one could not hear it.
//!
//! Keyed by the token's hash, like the database: the token itself is never kept.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use app::api::ssr::Identity;

/// How long a database answer stands in for the next ones.
pub const MAX_AGE: Duration = Duration::from_secs(5);

/// At most this many entries; a full map first drops what is too old, then starts again empty (each
/// dropped session costs one lookup on its next request, nothing else).
const CAPACITY: usize = 20_000;

#[derive(Clone, Default)]
pub(super) struct Sessions(Arc<Mutex<Inner>>);

#[derive(Default)]
struct Inner {
    entries: HashMap<String, Entry>,
    /// Counts sign-outs seen. A lookup that started before a sign-out may have read the session as live
    /// just before it ended; its answer is then not kept ([`Sessions::put`]).
    sign_outs: u64,
}

/// Taken before a database lookup, handed back with its answer.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ticket {
    sign_outs: u64,
    at: Instant,
}

struct Entry {
    identity: Identity,
    /// Unix milliseconds, as stored in `session.expires_at`.
    expires_at: i64,
    looked_up: Instant,
}

impl Sessions {
    /// The identity of the session whose token hashes to `hash`, if it was found live less than
    /// [`MAX_AGE`] before `at` and has not expired by `now_ms`; else a ticket for asking the database.
    pub(super) fn get(&self, hash: &str, now_ms: i64, at: Instant) -> Result<Identity, Ticket> {
        let mut inner = self.lock();
        let ticket = Ticket {
            sign_outs: inner.sign_outs,
            at,
        };
        let entry = inner.entries.get(hash).ok_or(ticket)?;
        if entry.expires_at > now_ms && at.saturating_duration_since(entry.looked_up) < MAX_AGE {
            return Ok(entry.identity.clone());
        }
        inner.entries.remove(hash);
        Err(ticket)
    }

    /// Remembers that the database found this session live, unless a sign-out was seen since the
    /// lookup's ticket was taken (it may have been this session's).
    pub(super) fn put(&self, hash: String, identity: Identity, expires_at: i64, ticket: Ticket) {
        let mut inner = self.lock();
        if inner.sign_outs != ticket.sign_outs {
            return;
        }
        let at = ticket.at;
        if inner.entries.len() >= CAPACITY {
            inner
                .entries
                .retain(|_, e| at.saturating_duration_since(e.looked_up) < MAX_AGE);
            if inner.entries.len() >= CAPACITY {
                inner.entries.clear();
            }
        }
        inner.entries.insert(
            hash,
            Entry {
                identity,
                expires_at,
                looked_up: at,
            },
        );
    }

    /// The session signed out: the next request asks the database.
    pub(super) fn forget(&self, hash: &str) {
        let mut inner = self.lock();
        inner.sign_outs += 1;
        inner.entries.remove(hash);
    }

    /// Sign-outs may have been missed (another instance's, while not listening): ask the database again.
    pub(super) fn forget_all(&self) {
        let mut inner = self.lock();
        inner.sign_outs += 1;
        inner.entries.clear();
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Plain values: a panic elsewhere cannot leave the map half-written.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::meeting::Actor;

    fn member() -> Identity {
        Identity {
            actor: Actor::Commissioner,
            display_name: "Commissioner".into(),
            signed_in: true,
        }
    }

    /// Looks `hash` up, and on a miss puts what "the database" said, as `Auth::live_session` does.
    fn look_up(sessions: &Sessions, hash: &str, now_ms: i64, at: Instant) -> Option<Identity> {
        sessions.get(hash, now_ms, at).ok()
    }

    fn found_live(sessions: &Sessions, hash: &str, expires_at: i64, at: Instant) {
        let ticket = sessions.get(hash, 0, at).expect_err("a miss");
        sessions.put(hash.into(), member(), expires_at, ticket);
    }

    #[test]
    fn an_answer_stands_until_max_age_expiry_or_sign_out() {
        let sessions = Sessions::default();
        let t0 = Instant::now();
        assert_eq!(look_up(&sessions, "h", 1_000, t0), None);
        found_live(&sessions, "h", 2_000, t0);
        assert_eq!(look_up(&sessions, "h", 1_000, t0), Some(member()));
        // Too old: asks the database again (and the entry is gone).
        assert_eq!(look_up(&sessions, "h", 1_000, t0 + MAX_AGE), None);
        // Expired, however recent the lookup.
        found_live(&sessions, "h", 2_000, t0);
        assert_eq!(look_up(&sessions, "h", 2_000, t0), None);
        // Signed out.
        found_live(&sessions, "h", 2_000, t0);
        sessions.forget("h");
        assert_eq!(look_up(&sessions, "h", 1_000, t0), None);
        found_live(&sessions, "a", 2_000, t0);
        found_live(&sessions, "b", 2_000, t0);
        sessions.forget_all();
        assert_eq!(look_up(&sessions, "a", 1_000, t0), None);
        assert_eq!(look_up(&sessions, "b", 1_000, t0), None);
    }

    #[test]
    fn an_answer_read_before_a_sign_out_is_not_kept() {
        let sessions = Sessions::default();
        let t0 = Instant::now();
        let ticket = sessions.get("h", 1_000, t0).expect_err("a miss");
        // The database said "live", but the session signed out before the answer came back.
        sessions.forget("h");
        sessions.put("h".into(), member(), 2_000, ticket);
        assert_eq!(look_up(&sessions, "h", 1_000, t0), None);
    }

    #[test]
    fn a_full_map_drops_old_entries_first() {
        let sessions = Sessions::default();
        let t0 = Instant::now();
        for i in 0..CAPACITY {
            found_live(&sessions, &format!("old{i}"), 9_000, t0);
        }
        let later = t0 + MAX_AGE;
        found_live(&sessions, "new", 9_000, later);
        assert_eq!(sessions.lock().entries.len(), 1);
        assert_eq!(look_up(&sessions, "new", 1_000, later), Some(member()));
    }
}
