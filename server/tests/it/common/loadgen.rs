//! Running the load tool as a test does (`chaos.rs`, `instances.rs`): its own checks decide, and the test reads
//! the JSON report it writes.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `command` (a `loadgen` invocation told to write its report to `json`) and returns its output and the
/// report; panics with what the tool printed if it wrote none.
pub fn run_for_report(mut command: Command, json: &Path) -> (Output, serde_json::Value) {
    let output = command.output().expect("loadgen runs");
    let report = std::fs::read(json)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_else(|| {
            panic!(
                "no report; loadgen said: {}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            )
        });
    (output, report)
}
