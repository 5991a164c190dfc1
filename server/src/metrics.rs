//! Prometheus metrics, exposed at `/metrics`: connected viewers, commands, fan-out latency.

use std::sync::OnceLock;
use std::time::Duration;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

/// The fan-out histogram, registered once with the installed recorder: it is recorded for every viewer of
/// every update (10,000 times per change), so it skips the `histogram!` macro's registry lookup and the
/// reference count it takes and drops on a handle shared by both fan-out threads.
static FANOUT: OnceLock<metrics::Histogram> = OnceLock::new();

/// Installs the global recorder once and returns the handle that renders `/metrics`.
pub fn install() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let handle = PrometheusBuilder::new()
                .set_buckets(&[
                    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
                ])
                .expect("bucket list is not empty")
                .install_recorder()
                .expect("the metrics recorder is installed once");
            FANOUT.get_or_init(|| metrics::histogram!("panelcast_fanout_seconds"));
            handle
        })
        .clone()
}

pub fn command_done(command: &str, outcome: &'static str, took: Duration) {
    metrics::counter!("panelcast_commands_total", "command" => command.to_owned(), "outcome" => outcome)
        .increment(1);
    metrics::histogram!("panelcast_command_seconds").record(took.as_secs_f64());
}

pub fn published(seq: u64) {
    metrics::counter!("panelcast_published_total").increment(1);
    metrics::gauge!("panelcast_last_seq").set(seq as f64);
}

pub fn viewer_connected() {
    metrics::gauge!("panelcast_connected_viewers").increment(1.0);
}

pub fn viewer_disconnected() {
    metrics::gauge!("panelcast_connected_viewers").decrement(1.0);
}

/// Time from a change being published to its snapshot being written to one viewer's socket. (Before the
/// recorder is installed there is nowhere to record it.)
pub fn fanout_latency(took: Duration) {
    if let Some(histogram) = FANOUT.get() {
        histogram.record(took.as_secs_f64());
    }
}

/// A writer found another instance's events at the seq it meant to write, and caught up (PostgreSQL with
/// several instances; on SQLite only if something else wrote to the file).
pub fn log_conflict() {
    metrics::counter!("panelcast_log_conflicts_total").increment(1);
}
