//! Scheduling a meeting over HTTP against the real server on port 0: the clerk posts a summons and the new
//! meeting is served at once (list, page, websocket, commands); anyone else, a taken id, a bad summons or a
//! malformed body is refused and the log is unchanged. And the `schedule-meeting` command line.

use crate::common::*;
use app::meeting::{Command, MeetingId, MeetingSpec};
use app::protocol::ServerMsg;

/// The demo meeting's summons, as the API gives it, under another id.
async fn summons_as(app: &TestApp, id: &str) -> serde_json::Value {
    let response = reqwest::get(format!("{}/api/v1/meetings/{DEMO}/summons", app.base))
        .await
        .expect("summons");
    assert_eq!(response.status(), 200);
    let mut summons: serde_json::Value = response.json().await.expect("json");
    let _: MeetingSpec = serde_json::from_value(summons.clone()).expect("a MeetingSpec");
    summons["id"] = id.into();
    summons
}

async fn post_summons(
    app: &TestApp,
    client: &reqwest::Client,
    body: &serde_json::Value,
) -> reqwest::Response {
    client
        .post(format!("{}/api/v1/meetings", app.base))
        .json(body)
        .send()
        .await
        .expect("request")
}

async fn meeting_count(app: &TestApp) -> usize {
    app.store.meeting_ids().await.expect("ids").len()
}

#[tokio::test]
async fn the_clerk_schedules_a_meeting_and_it_is_served_at_once() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let body = summons_as(&app, "2023-02-07").await;
    let response = post_summons(&app, &clerk, &body).await;
    assert_eq!(response.status(), 201);
    assert_eq!(
        response.headers()["location"].to_str().expect("ascii"),
        "/meetings/2023-02-07"
    );
    let receipt: serde_json::Value = response.json().await.expect("receipt");
    assert_eq!(receipt["seq"], 1);

    let list: serde_json::Value = reqwest::get(format!("{}/api/v1/meetings", app.base))
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    assert!(
        list.as_array()
            .expect("a list")
            .iter()
            .any(|m| m["id"] == "2023-02-07"),
        "{list}"
    );
    let page = reqwest::get(format!("{}/meetings/2023-02-07", app.base))
        .await
        .expect("page");
    assert_eq!(page.status(), 200);

    let mut socket = app.connect("2023-02-07").await;
    let ServerMsg::Snapshot { seq, view } = next_msg(&mut socket).await else {
        panic!("a snapshot first")
    };
    assert_eq!(seq, 1);
    assert_eq!(view.phase, "scheduled");

    // The same chair presides (same roster), and the new meeting takes commands like any other.
    let chair = app.chair().await;
    assert_eq!(app.ok(&chair, "2023-02-07", Command::OpenMeeting).await, 2);
    let log = app
        .store
        .load(&MeetingId("2023-02-07".into()))
        .await
        .expect("log");
    assert_eq!(log.len(), 2);
    assert!(
        matches!(log[0].actor, app::meeting::Actor::Clerk { .. }),
        "the log records the clerk as scheduling it"
    );
}

#[tokio::test]
async fn a_summons_from_anyone_else_or_for_a_taken_id_or_unsound_or_malformed_is_refused() {
    let app = spawn_app().await;
    let before = meeting_count(&app).await;
    let body = summons_as(&app, "2023-02-07").await;

    for (who, client) in [
        ("public", cookie_client()),
        ("member", app.member("peter-feacey").await),
        ("chair", app.chair().await),
    ] {
        let response = post_summons(&app, &client, &body).await;
        assert_eq!(response.status(), 403, "{who}");
        let error: serde_json::Value = response.json().await.expect("json");
        assert!(
            error["message"]
                .as_str()
                .is_some_and(|m| m.contains("clerk") || m.contains("public")),
            "{who}: {error}"
        );
    }

    let clerk = app.clerk().await;
    let taken = summons_as(&app, DEMO).await;
    let response = post_summons(&app, &clerk, &taken).await;
    assert_eq!(response.status(), 409, "an id already scheduled");

    let bad_id = summons_as(&app, "7 Feb 2023").await;
    let response = post_summons(&app, &clerk, &bad_id).await;
    assert_eq!(response.status(), 409);
    let error: serde_json::Value = response.json().await.expect("json");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("lowercase")),
        "{error}"
    );

    let mut no_title = body.clone();
    no_title["title"] = "".into();
    assert_eq!(post_summons(&app, &clerk, &no_title).await.status(), 409);

    let malformed = clerk
        .post(format!("{}/api/v1/meetings", app.base))
        .header("content-type", "application/json")
        .body(r#"{"id": "2023-02-07", "title": 7}"#)
        .send()
        .await
        .expect("request");
    assert_eq!(malformed.status(), 400);

    assert_eq!(meeting_count(&app).await, before, "nothing was written");
}

#[tokio::test]
async fn the_command_line_schedules_a_meeting_that_the_server_serves_after_a_restart() {
    let app = spawn_app().await;
    let summons = summons_as(&app, "2023-06-13").await;
    let file = app.db_dir.path().join("summons.json");
    std::fs::write(&file, summons.to_string()).expect("write summons");
    let cli = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
        command
            .env("DATABASE_URL", &app.database_url)
            .env("RUST_LOG", "warn")
            .args(["schedule-meeting", "--clerk", "Anna Taylor", "--file"])
            .arg(&file);
        command
    };
    let output = cli().output().expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("scheduled 2023-06-13"));

    let again = cli().output().expect("runs");
    assert!(!again.status.success(), "the id is taken now");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already"));

    let app = app.restart().await;
    let handle = app
        .app_state
        .hub
        .get("2023-06-13")
        .expect("served after restart");
    assert_eq!(handle.seq(), 1);
}
