//! The server binary as an operator runs it: a bad setting stops it with a clear message; SIGTERM stops it
//! gracefully (exit status 0).

use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    sync::mpsc,
    time::Duration,
};

fn server() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .env_remove("LEPTOS_SITE_ADDR")
        .env_remove("PANELCAST_ADDR")
        .env("RUST_LOG", "info");
    command
}

#[test]
fn a_bad_setting_stops_the_server_with_a_message_naming_it() {
    let output = server()
        .env("PANELCAST_ADDR", "not-an-address")
        .arg("serve")
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("PANELCAST_ADDR") && stderr.contains("not-an-address"),
        "{stderr}"
    );
}

#[test]
fn sigterm_shuts_the_server_down_gracefully() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("p.db").display());
    let mut child = server()
        .env("PANELCAST_ADDR", "127.0.0.1:0")
        .env("DATABASE_URL", url)
        .env("NO_COLOR", "1")
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let stdout = child.stdout.take().expect("stdout");
    let (lines, seen) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let listening = std::iter::from_fn(|| seen.recv_timeout(Duration::from_secs(20)).ok())
        .any(|line| line.contains("Panelcast listening"));
    assert!(listening, "the server logged that it is listening");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let exit = loop {
        if let Some(exit) = child.try_wait().expect("wait") {
            break exit;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the server stopped within 10 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "graceful exit, got {exit:?}");
    let rest: Vec<String> = seen.try_iter().collect();
    assert!(
        rest.iter().any(|l| l.contains("stopped")),
        "the server logged that it stopped: {rest:?}"
    );
}

#[test]
fn verify_log_reports_an_intact_chain_and_fails_on_a_tampered_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("v.db").display());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let store = runtime
        .block_on(server::store::EventStore::connect(&url))
        .expect("store");
    for (id, events) in app::demo::demo_meetings() {
        runtime
            .block_on(store.append(
                &id,
                0,
                &app::meeting::Actor::System,
                "2022-11-28T09:00:00Z",
                &events,
            ))
            .expect("append");
    }

    let intact = server()
        .env("DATABASE_URL", &url)
        .arg("verify-log")
        .output()
        .expect("runs");
    let report = String::from_utf8_lossy(&intact.stdout);
    assert!(intact.status.success(), "{report}");
    assert!(report.contains("2022-12-06: ok"), "{report}");

    runtime
        .block_on(
            sqlx::query("UPDATE meeting_event SET payload = '{}' WHERE meeting_id = '2022-12-06'")
                .execute(store.pool()),
        )
        .expect("tamper");
    let tampered = server()
        .env("DATABASE_URL", &url)
        .arg("verify-log")
        .output()
        .expect("runs");
    assert!(!tampered.status.success());
    assert!(String::from_utf8_lossy(&tampered.stdout).contains("2022-12-06: BROKEN"));
}
