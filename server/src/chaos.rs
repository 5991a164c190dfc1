//! Fault injection for the chaos harness (`loadgen chaos`, docs/CHAOS.md): a writer that stops dead between
//! a command's append and its reply, so that the harness can `SIGKILL` the server at exactly the point where
//! the log holds a command whose sender was never answered.
//!
//! `PANELCAST_CHAOS_STALL_AFTER_APPEND=N`: the N-th command appended since this process started (counted
//! over all meetings) stalls its meeting's writer after the append has committed and before the events are
//! applied, published or acknowledged; the server writes [`STALL_MARKER`] with the meeting and seq to stderr
//! and waits for the harness's `SIGKILL`. The hook ([`after_append`]) is compiled only into debug builds (the
//! test binaries) and into builds with the `chaos` feature (`cargo build --release --features chaos`); a
//! release build without the feature has no hook at all, and with the variable unset the hook does nothing.

/// The line (prefix) the stalled server writes to stderr: `… (meeting bench-003, seq 1234)`.
pub const STALL_MARKER: &str = "panelcast-chaos: writer stalled after append";

/// The variable that arms the hook.
pub const STALL_ENV: &str = "PANELCAST_CHAOS_STALL_AFTER_APPEND";

/// Called by the meeting's writer after each successful append (`hub::task`); stalls for ever on the armed
/// append.
#[cfg(any(debug_assertions, feature = "chaos"))]
pub async fn after_append(meeting: &app::meeting::MeetingId, seq: u64) {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::OnceLock;
    static ARMED_AT: OnceLock<Option<u64>> = OnceLock::new();
    static APPENDS: AtomicU64 = AtomicU64::new(0);
    let armed = ARMED_AT.get_or_init(|| std::env::var(STALL_ENV).ok()?.parse().ok());
    let Some(at) = *armed else {
        return;
    };
    if APPENDS.fetch_add(1, Ordering::SeqCst) + 1 == at {
        eprintln!("{STALL_MARKER} (meeting {meeting}, seq {seq})");
        std::future::pending::<()>().await;
    }
}
