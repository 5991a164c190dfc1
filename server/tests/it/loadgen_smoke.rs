//! The load tool itself, tested: `loadgen run` against the real server on port 0 with a small crowd (50
//! viewers, one change, a few ballots) must see every viewer reach the final seq with nothing out of order.
//! Speeds are the benchmark's business (scripts/bench.sh), never asserted here.

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_load_tool_sees_every_viewer_reach_the_final_state_in_order() {
    let app = spawn_app().await;
    let database_url = format!(
        "sqlite://{}?mode=rwc",
        app.db_dir.path().join("panelcast-test.db").display()
    );
    let json = app.db_dir.path().join("loadgen.json");
    let args: Vec<String> = [
        "run",
        "--server",
        &app.addr.to_string(),
        "--database-url",
        &database_url,
        "--only",
        "crowd",
        "--viewers",
        "50",
        "--changes",
        "1",
        "--chair-ballots",
        "3",
        "--burst-rate",
        "5",
        "--burst-seconds",
        "1",
        "--meetings",
        "0",
        "--sources",
        "2",
        "--max-seconds",
        "60",
        "--json",
        &json.display().to_string(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_loadgen"))
            .args(&args)
            .output()
            .expect("loadgen runs")
    })
    .await
    .expect("joined");
    assert!(
        output.status.success(),
        "loadgen failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("the JSON report")).expect("JSON");
    let rows = report["rows"].as_array().expect("rows");
    assert!(
        rows.len() >= 5,
        "connect, memory, fan-out, chair, burst rows: {rows:?}"
    );
    for row in rows {
        assert_eq!(row["missing"], 0, "no viewer misses the final state: {row}");
        assert_eq!(row["out_of_order"], 0, "nothing out of seq order: {row}");
    }
    let fanout = rows
        .iter()
        .find(|r| {
            r["scenario"]
                .as_str()
                .is_some_and(|s| s.contains("one change"))
        })
        .expect("a fan-out row");
    assert_eq!(
        fanout["latency"]["samples"], 50,
        "every viewer's delay measured"
    );
}
