//! A sign-in link as the clerk's links page lists it (`GET /api/v1/sign-in-links?meeting=…`), defined once
//! for the server and the page. Only the token's SHA-256 is stored (`server/src/auth/tokens.rs`), so a
//! listed link never carries its address: the address is shown once, when the link is created. The `id` is
//! that hash, which cannot be turned back into the link; the clerk revokes a link by it.

use serde::{Deserialize, Serialize};

use crate::meeting::{Actor, Timestamp};

/// One link created for a meeting. Times are Unix milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignInLinkRow {
    pub id: String,
    pub actor: Actor,
    pub display_name: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// Where a link stands. A used link stays "used" even if revoked afterwards (revoking does not end the
/// session it opened; signing out does); otherwise revoked beats expired, which beats waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Unused,
    Used,
    Revoked,
    Expired,
}

impl SignInLinkRow {
    /// The link's state at `now`.
    pub fn state(&self, now: Timestamp) -> LinkState {
        if self.used_at.is_some() {
            LinkState::Used
        } else if self.revoked_at.is_some() {
            LinkState::Revoked
        } else if self.expires_at <= now.0 {
            LinkState::Expired
        } else {
            LinkState::Unused
        }
    }

    /// The role the link signs in as, in the clerk's words.
    pub fn role(&self) -> &'static str {
        match self.actor {
            Actor::Clerk { .. } => "Clerk",
            Actor::Member { .. } => "Member",
            Actor::Commissioner => "Police and Crime Commissioner",
            Actor::Public | Actor::System => "None",
        }
    }
}

impl LinkState {
    /// The word the links page shows.
    pub fn label(self) -> &'static str {
        match self {
            LinkState::Unused => "Not used yet",
            LinkState::Used => "Used",
            LinkState::Revoked => "Revoked",
            LinkState::Expired => "Expired",
        }
    }
}

/// A date and time as the page shows it ("Tuesday 2 December 2026, 10:00"), London time.
pub fn when(ms: i64) -> String {
    let at = Timestamp(ms);
    format!("{}, {}", at.london_date().long_text(), at.london_hm())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(used: Option<i64>, revoked: Option<i64>, expires: i64) -> SignInLinkRow {
        SignInLinkRow {
            id: "ab".repeat(32),
            actor: Actor::Commissioner,
            display_name: "Matthew Scott".into(),
            created_at: 0,
            expires_at: expires,
            used_at: used,
            revoked_at: revoked,
        }
    }

    #[test]
    fn the_state_of_a_link_follows_used_then_revoked_then_expired() {
        let now = Timestamp(1_000);
        let table = [
            (None, None, 2_000, LinkState::Unused),
            (None, None, 1_000, LinkState::Expired),
            (None, Some(500), 2_000, LinkState::Revoked),
            (None, Some(500), 10, LinkState::Revoked),
            (Some(400), None, 10, LinkState::Used),
            (Some(400), Some(900), 2_000, LinkState::Used),
        ];
        for (used, revoked, expires, expected) in table {
            assert_eq!(
                row(used, revoked, expires).state(now),
                expected,
                "{used:?} {revoked:?} {expires}"
            );
        }
    }
}
