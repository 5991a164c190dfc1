//! Instances that die, the short run (the full one is `BENCH_DATABASE=postgres scripts/bench.sh --instances`,
//! docs/CHAOS.md): `loadgen instances` starts three servers on one throwaway PostgreSQL database, spreads 30
//! public viewers over them, times 5 changes made through one, then `SIGKILL`s another in the middle of a vote.
//! Its viewers must come back through the others and hold the final state, every acknowledged ballot must be
//! in the log once, and the killed instance, started again, must serve what the others serve. Latencies are
//! the benchmark's business and are not asserted here.

use crate::common::postgres::TestPostgres;

/// Three consecutive loopback ports free now.
fn free_ports() -> u16 {
    (0..200)
        .map(|_| 20_000 + fastrand::u16(..30_000))
        .find(|base| (0..3).all(|i| std::net::TcpListener::bind(("127.0.0.1", base + i)).is_ok()))
        .expect("three free ports")
}

#[test]
fn a_killed_instances_viewers_and_ballots_carry_on_through_the_others() {
    let cluster = TestPostgres::start();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let url = runtime.block_on(cluster.create("instances"));
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("instances.json");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_loadgen"));
    command
        .args(["instances", "--server-bin", env!("CARGO_BIN_EXE_server")])
        .args(["--database-url", &url])
        .args(["--base-port", &free_ports().to_string()])
        .args(["--viewers", "30", "--changes", "5", "--sources", "2"])
        .args(["--max-seconds", "300"])
        .arg("--server-log")
        .arg(dir.path().join("server.log"))
        .arg("--json")
        .arg(&json);
    let (output, report) = crate::common::loadgen::run_for_report(command, &json);
    assert_eq!(report["problems"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["missing"], 0, "{report:#}");
    assert_eq!(report["out_of_order"], 0, "{report:#}");
    assert!(report["orphaned_viewers"].as_u64() > Some(0), "{report:#}");
    assert_eq!(report["orphans_not_back"], 0, "{report:#}");
    assert_eq!(report["viewers_behind_at_end"], 0, "{report:#}");
    assert_eq!(
        report["ballots_acknowledged"], report["members"],
        "{report:#}"
    );
    assert_eq!(report["restarted_instance_caught_up"], true, "{report:#}");
    assert_eq!(report["writer_instance"]["samples"], 5 * 10, "{report:#}");
    assert_eq!(report["other_instances"]["samples"], 5 * 20, "{report:#}");
    assert!(output.status.success(), "{report:#}");
}
