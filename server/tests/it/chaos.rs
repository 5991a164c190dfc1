//! The chaos harness's short run, on SQLite and on PostgreSQL (the full run is `scripts/bench.sh --chaos`,
//! docs/CHAOS.md): `loadgen chaos` starts this build's server (a debug build, so it has the fault-injection
//! hook `server::chaos`), runs 20 polls with 1,000 ballots cut off mid-flight and retried under the same
//! ballot id, `SIGKILL`s the server 3 times between an append and its reply, and checks the log, the
//! published record and the viewers. Its own checks decide; this test reads its report and asserts each.

use crate::common::postgres::TestPostgres;

/// A loopback port free now (the harness restarts the server on one fixed address).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn chaos(database_url: &str, dir: &std::path::Path) -> serde_json::Value {
    let json = dir.join("chaos.json");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_loadgen"));
    command
        .args(["chaos", "--server-bin", env!("CARGO_BIN_EXE_server")])
        .args(["--database-url", database_url])
        .args(["--addr", &format!("127.0.0.1:{}", free_port())])
        .args(["--polls", "20", "--disconnects", "1000", "--kills", "3"])
        .args(["--meetings", "4", "--viewers", "8", "--sources", "2"])
        .args(["--max-seconds", "600"])
        .arg("--server-log")
        .arg(dir.join("server.log"))
        .arg("--json")
        .arg(&json);
    let (output, report) = crate::common::loadgen::run_for_report(command, &json);
    assert!(
        output.status.success(),
        "the harness failed: {}\n{report:#}",
        String::from_utf8_lossy(&output.stdout)
    );
    report
}

fn assert_held(report: &serde_json::Value) {
    let findings = &report["findings"];
    assert_eq!(findings["problems"], serde_json::json!([]), "{report:#}");
    assert!(report["polls"].as_u64() >= Some(20), "{report:#}");
    assert!(report["disconnects"].as_u64() >= Some(1000), "{report:#}");
    assert!(report["kills"].as_u64() >= Some(3), "{report:#}");
    assert_eq!(findings["kills_committed"], report["kills"], "{report:#}");
    assert!(findings["votes_closed"].as_u64() >= Some(20), "{report:#}");
    // 20 members cast 2 ballots each per poll, every one acknowledged in the end.
    assert!(
        findings["acked"].as_u64() >= Some(20 * 20 * 2),
        "{report:#}"
    );
    let in_log = findings["ballots_in_log"].as_u64().expect("count");
    let acked = findings["acked"].as_u64().expect("count");
    let unacked_in_log = findings["unacked_in_log"].as_u64().expect("count");
    assert_eq!(in_log, acked + unacked_in_log, "{report:#}");
    assert_eq!(report["viewers_behind_at_end"], 0, "{report:#}");
    assert_eq!(report["unfollowable_messages"], 0, "{report:#}");
    assert_eq!(report["passed"], true, "{report:#}");
}

#[test]
fn ballots_survive_disconnects_and_kills_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("chaos.db").display()
    );
    let report = chaos(&url, dir.path());
    assert_eq!(report["database"], "sqlite");
    assert_held(&report);
}

#[test]
fn ballots_survive_disconnects_and_kills_on_postgresql() {
    let cluster = TestPostgres::start();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let url = runtime.block_on(cluster.create("chaos"));
    let dir = tempfile::tempdir().expect("temp dir");
    let report = chaos(&url, dir.path());
    assert_eq!(report["database"], "postgresql");
    assert_held(&report);
}
