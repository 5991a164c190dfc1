//! What an append needs to know of the log before it writes: the last `seq` and hash of each meeting.
//!
//! Each meeting has one writer task per server instance (`hub::task`), so the head this store wrote last is
//! almost always the head the next append builds on; remembering it saves reading it back from the
//! database on every command. It is only a shortcut, never the authority: an append whose `expected_seq`
//! is not the remembered one reads the head from the log, and a stale entry (another instance appended
//! meanwhile) makes the insert hit the `(meeting_id, seq)` primary key, a conflict, after which the entry
//! is forgotten. One entry per meeting this instance has written to (a few hundred bytes each).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use app::meeting::MeetingId;

/// Each meeting's last appended `(seq, hash)`, as written by this store.
#[derive(Debug, Clone, Default)]
pub(super) struct Heads(Arc<Mutex<HashMap<String, (u64, String)>>>);

impl Heads {
    /// The hash of `meeting`'s event `seq`, if that is the last event this store appended to it.
    pub(super) fn remembered(&self, meeting: &MeetingId, seq: u64) -> Option<String> {
        self.lock()
            .get(&meeting.0)
            .filter(|(last, _)| *last == seq)
            .map(|(_, hash)| hash.clone())
    }

    pub(super) fn remember(&self, meeting: &MeetingId, seq: u64, hash: String) {
        self.lock().insert(meeting.0.clone(), (seq, hash));
    }

    /// After a failed append nothing is known about the head any more.
    pub(super) fn forget(&self, meeting: &MeetingId) {
        self.lock().remove(&meeting.0);
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, (u64, String)>> {
        // The map holds plain values; a panic elsewhere cannot leave it half-written.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_is_remembered_only_for_its_own_seq_and_forgotten_after_a_failure() {
        let heads = Heads::default();
        let meeting = MeetingId("m".into());
        assert_eq!(heads.remembered(&meeting, 0), None);
        heads.remember(&meeting, 3, "h3".into());
        assert_eq!(heads.remembered(&meeting, 3), Some("h3".into()));
        assert_eq!(heads.remembered(&meeting, 2), None);
        assert_eq!(heads.remembered(&MeetingId("other".into()), 3), None);
        // Clones share the map: the server's store handles all see one head per meeting.
        heads.clone().forget(&meeting);
        assert_eq!(heads.remembered(&meeting, 3), None);
    }
}
