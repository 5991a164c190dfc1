//! Rate limits that protect the meeting from one noisy client, with `governor` (GCRA, keyed; well kept and
//! lock-free per key) rather than hand-written counters.
//!
//! | what | per | default (`PANELCAST_RATE_…`) |
//! |---|---|---|
//! | sign-in attempts (`POST /sign-in`) | client address | 60 a minute (`SIGN_IN_PER_MINUTE`) |
//! | questions and supplementaries | member | 10 a minute (`QUESTIONS_PER_MINUTE`) |
//! | ballots, retries and changes included | member | 60 a minute (`BALLOTS_PER_MINUTE`) |
//! | meetings scheduled and sign-in links created | clerk | 120 a minute (`CLERK_PER_MINUTE`) |
//!
//! Each allows its whole minute's count at once (a burst), then one more every `60 s / n`. A real meeting never
//! comes near them: a member asks a handful of questions a meeting and changes a ballot a few times a vote; a
//! clerk creates a link for each of 25 people; a council chamber's 25 devices behind one address sign in once
//! each. A refused request is `429 Too Many Requests` with `Retry-After` (whole seconds) and a sentence. Keys
//! idle for a while are forgotten every minute, so a flood of addresses does not grow memory for good.

use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

use app::meeting::{Actor, CommandKind, MemberId};
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota, RateLimiter};

/// The limits, each in requests a minute (see the module's doc for the defaults).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateSettings {
    pub sign_in_per_minute: u32,
    pub questions_per_minute: u32,
    pub ballots_per_minute: u32,
    pub clerk_per_minute: u32,
}

impl Default for RateSettings {
    fn default() -> Self {
        Self {
            sign_in_per_minute: 60,
            questions_per_minute: 10,
            ballots_per_minute: 60,
            clerk_per_minute: 120,
        }
    }
}

/// A request over its limit: how long until one more is allowed, and what was limited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limited {
    pub retry_after: Duration,
    pub what: &'static str,
}

impl Limited {
    /// Whole seconds for `Retry-After`, at least 1.
    pub fn retry_after_secs(&self) -> u64 {
        self.retry_after.as_secs() + u64::from(self.retry_after.subsec_nanos() > 0)
    }

    /// "Too many questions from you in a short time: please wait 6 seconds and try again".
    pub fn message(&self) -> String {
        let secs = self.retry_after_secs();
        let unit = if secs == 1 { "second" } else { "seconds" };
        format!(
            "Too many {} in a short time: please wait {secs} {unit} and try again",
            self.what
        )
    }
}

/// The limiters. Clone it freely.
#[derive(Clone)]
pub struct RateLimits {
    inner: Arc<Limiters>,
}

struct Limiters {
    sign_in: DefaultKeyedRateLimiter<IpAddr>,
    questions: DefaultKeyedRateLimiter<MemberId>,
    ballots: DefaultKeyedRateLimiter<MemberId>,
    clerk: DefaultKeyedRateLimiter<String>,
}

fn per_minute<K: std::hash::Hash + Eq + Clone>(n: u32) -> DefaultKeyedRateLimiter<K> {
    RateLimiter::keyed(Quota::per_minute(
        NonZeroU32::new(n.max(1)).expect("at least 1"),
    ))
}

fn check<K: std::hash::Hash + Eq + Clone>(
    limiter: &DefaultKeyedRateLimiter<K>,
    key: &K,
    what: &'static str,
) -> Result<(), Limited> {
    limiter.check_key(key).map_err(|not_until| Limited {
        retry_after: not_until.wait_time_from(governor::clock::DefaultClock::default().now()),
        what,
    })
}

impl RateLimits {
    pub fn new(settings: RateSettings) -> Self {
        let limits = Self {
            inner: Arc::new(Limiters {
                sign_in: per_minute(settings.sign_in_per_minute),
                questions: per_minute(settings.questions_per_minute),
                ballots: per_minute(settings.ballots_per_minute),
                clerk: per_minute(settings.clerk_per_minute),
            }),
        };
        limits.spawn_upkeep();
        limits
    }

    /// A sign-in attempt from `address`.
    pub fn sign_in(&self, address: IpAddr) -> Result<(), Limited> {
        check(
            &self.inner.sign_in,
            &address,
            "sign-in attempts from this address",
        )
    }

    /// A command of `kind` from `actor`; only the kinds in the module's table are limited.
    pub fn command(&self, actor: &Actor, kind: CommandKind) -> Result<(), Limited> {
        match (actor, kind) {
            (
                Actor::Member { member },
                CommandKind::SubmitQuestion | CommandKind::AskSupplementary,
            ) => check(&self.inner.questions, member, "questions from you"),
            (Actor::Member { member }, CommandKind::CastBallot) => {
                check(&self.inner.ballots, member, "ballots from you")
            }
            (Actor::Clerk { name }, CommandKind::ScheduleMeeting) => self.clerk(name),
            _ => Ok(()),
        }
    }

    /// A meeting scheduled or a sign-in link created by the clerk `name`.
    pub fn clerk(&self, name: &str) -> Result<(), Limited> {
        check(&self.inner.clerk, &name.to_owned(), "requests from you")
    }

    /// Forgets keys that are back to a full allowance, once a minute, while the server runs.
    fn spawn_upkeep(&self) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let weak = Arc::downgrade(&self.inner);
        runtime.spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                let Some(limits) = weak.upgrade() else { return };
                limits.sign_in.retain_recent();
                limits.sign_in.shrink_to_fit();
                limits.questions.retain_recent();
                limits.ballots.retain_recent();
                limits.clerk.retain_recent();
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_over_the_question_limit_is_told_how_long_to_wait_and_others_are_not_affected() {
        let limits = RateLimits::new(RateSettings {
            questions_per_minute: 3,
            ..RateSettings::default()
        });
        let peter = Actor::Member {
            member: MemberId::new("peter-feacey"),
        };
        for _ in 0..3 {
            assert_eq!(limits.command(&peter, CommandKind::SubmitQuestion), Ok(()));
        }
        let refused = limits
            .command(&peter, CommandKind::AskSupplementary)
            .unwrap_err();
        assert!(
            (1..=20).contains(&refused.retry_after_secs()),
            "{refused:?}"
        );
        assert!(
            refused.message().starts_with("Too many questions from you"),
            "{}",
            refused.message()
        );
        let other = Actor::Member {
            member: MemberId::new("mike-hill"),
        };
        assert_eq!(limits.command(&other, CommandKind::SubmitQuestion), Ok(()));
        // Other kinds are not limited.
        assert_eq!(limits.command(&peter, CommandKind::DeclareInterest), Ok(()));
    }
}
