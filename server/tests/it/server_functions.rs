//! The leptos server functions the browser calls (`POST /api/<name>`), against the real server on port 0: their
//! errors carry the same HTTP status as the REST API (a rule's refusal is 403 or 409, never leptos' default 500,
//! so it is not logged as a server failure), the body is the error in its wire form, and nothing is written.

use crate::common::*;
use app::meeting::Command;
use serde_json::{json, Value};

async fn call(client: &reqwest::Client, app: &TestApp, name: &str, args: Value) -> (u16, Value) {
    app.post_json(client, &format!("/api/{name}"), &args).await
}

#[tokio::test]
async fn a_refused_command_answers_with_the_rules_status_and_reason() {
    let app = spawn_app().await;
    let before = app.log_len(DEMO).await;

    // Who is asking: the public cannot act (403).
    let command = serde_json::to_value(Command::SubmitQuestion {
        text: "Will the hearing be webcast?".into(),
    })
    .expect("json");
    let (status, body) = call(
        &cookie_client(),
        &app,
        "run_command",
        json!({ "meeting": DEMO, "command": command }),
    )
    .await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["kind"], "command");
    assert_eq!(body["detail"]["error"], "public_cannot_act");

    // The state of the meeting: this meeting's deadline for questions has passed (409), with its sentence's data.
    let member = app.member(&app.member_ids()[1]).await;
    let (status, body) = call(
        &member,
        &app,
        "run_command",
        json!({ "meeting": DEMO, "command": command }),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["detail"]["error"], "question_deadline_passed");
    assert!(
        body["detail"]["deadline"]
            .as_str()
            .is_some_and(|d| d.contains("2022")),
        "{body}"
    );

    assert_eq!(app.log_len(DEMO).await, before, "nothing was written");
}

#[tokio::test]
async fn reads_answer_404_for_an_unknown_meeting_and_200_otherwise() {
    let app = spawn_app().await;
    let client = cookie_client();
    let (status, body) = call(
        &client,
        &app,
        "meeting_view",
        json!({ "meeting": "no-such-meeting" }),
    )
    .await;
    assert_eq!((status, body), (404, json!({ "kind": "not_found" })));

    let (status, body) = call(&client, &app, "meeting_view", json!({ "meeting": DEMO })).await;
    assert_eq!(status, 200);
    assert_eq!(
        body[1]["title"], "Kent and Medway Police and Crime Panel",
        "{body}"
    );
}
