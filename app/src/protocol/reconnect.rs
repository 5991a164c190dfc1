//! When a client that lost its live connection tries again: 1 s, 2 s, 4 s, 8 s, then every 15 s, counted from
//! the last connection that opened (a page that reconnected after a drop starts again at 1 s on the next one).
//! Each wait is drawn from the upper half of its step ("equal jitter"), so that the thousands of public viewers
//! a server restart drops together do not all come back in the same instant. The caller brings the randomness
//! (the browser's `Math.random()`), so the schedule itself is a pure function.

use std::time::Duration;

/// The longest wait between two attempts.
pub const MAX_DELAY: Duration = Duration::from_secs(15);

/// The wait before attempt `attempt` (0 = the first connection, 1 = the first retry after a drop), for a
/// `jitter` drawn uniformly from [0, 1): between half the step and the whole step.
pub fn reconnect_delay(attempt: u32, jitter: f64) -> Duration {
    let step = (500u64 << attempt.min(5)).min(MAX_DELAY.as_millis() as u64);
    let spread = (step as f64 / 2.0 * jitter.clamp(0.0, 1.0)) as u64;
    Duration::from_millis(step / 2 + spread)
}

/// The attempt number of the next try after a connection closed: back to the first retry if it had opened,
/// one further along the schedule if it never did.
pub fn next_attempt(attempt: u32, opened: bool) -> u32 {
    if opened {
        1
    } else {
        attempt.saturating_add(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_doubles_from_one_second_up_to_fifteen() {
        // (attempt, shortest wait, longest wait) in milliseconds.
        let table = [
            (0, 250, 500),
            (1, 500, 1_000),
            (2, 1_000, 2_000),
            (3, 2_000, 4_000),
            (4, 4_000, 8_000),
            (5, 7_500, 15_000),
            (6, 7_500, 15_000),
            (40, 7_500, 15_000),
            (u32::MAX, 7_500, 15_000),
        ];
        for (attempt, shortest, longest) in table {
            assert_eq!(
                reconnect_delay(attempt, 0.0),
                Duration::from_millis(shortest),
                "attempt {attempt}"
            );
            assert_eq!(
                reconnect_delay(attempt, 1.0),
                Duration::from_millis(longest),
                "attempt {attempt}"
            );
        }
    }

    #[test]
    fn jitter_spreads_a_crowd_over_the_upper_half_of_the_step() {
        let waits: Vec<_> = (0..10)
            .map(|i| reconnect_delay(3, f64::from(i) / 10.0))
            .collect();
        assert!(waits.windows(2).all(|w| w[0] < w[1]), "{waits:?}");
        assert!(waits
            .iter()
            .all(|w| *w >= Duration::from_secs(2) && *w < Duration::from_secs(4)));
        // Out-of-range randomness cannot stretch or shrink the schedule.
        assert_eq!(reconnect_delay(3, -1.0), Duration::from_secs(2));
        assert_eq!(reconnect_delay(3, 7.0), Duration::from_secs(4));
    }

    #[test]
    fn a_connection_that_opened_resets_the_count() {
        assert_eq!(next_attempt(0, false), 1);
        assert_eq!(next_attempt(4, false), 5);
        assert_eq!(next_attempt(9, true), 1);
        assert_eq!(next_attempt(u32::MAX, false), u32::MAX);
        // Five drops of a connection that opened each time: every retry waits at most a second.
        let mut attempt = 0;
        for _ in 0..5 {
            attempt = next_attempt(attempt, true);
            assert!(reconnect_delay(attempt, 0.99) <= Duration::from_secs(1));
        }
    }
}
