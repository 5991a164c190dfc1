//! Importing an agenda pack over HTTP against the real server on port 0: the clerk gets the draft summons, the
//! lines not read and the summons' remaining problems; nothing is written; anyone else is refused; a pack over
//! 2 MB or with binary content is refused with the importer's sentence, never a 500.

use crate::common::*;

const PACK: &str = include_str!("../../../app/tests/fixtures/agenda_2022-12-06.txt");

async fn import(client: &reqwest::Client, app: &TestApp, body: Vec<u8>) -> reqwest::Response {
    client
        .post(format!("{}/api/v1/agenda-imports", app.base))
        .header("content-type", "text/plain; charset=utf-8")
        .body(body)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn the_clerk_imports_a_pack_and_nothing_is_written() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let before = app.store.meeting_ids().await.expect("ids").len();
    let response = import(&clerk, &app, PACK.as_bytes().to_vec()).await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.expect("json");
    let spec = &body["import"]["spec"];
    assert_eq!(spec["id"], "2022-12-06");
    assert_eq!(spec["seats"].as_array().map(Vec::len), Some(20));
    assert_eq!(spec["sections"].as_array().map(Vec::len), Some(7));
    assert_eq!(
        body["import"]["issued_on"],
        serde_json::json!({"year": 2022, "month": 11, "day": 28})
    );
    assert_eq!(body["import"]["unreadable"], serde_json::json!([]));
    assert_eq!(
        body["problems"],
        serde_json::json!([{"field": "commissioner", "message": "it needs the Commissioner's name"}])
    );
    assert_eq!(app.store.meeting_ids().await.expect("ids").len(), before);
}

#[tokio::test]
async fn only_a_clerk_imports_and_bad_packs_get_a_clear_error() {
    let app = spawn_app().await;
    let public = reqwest::Client::new();
    let refused = import(&public, &app, PACK.as_bytes().to_vec()).await;
    assert_eq!(refused.status(), 403);
    let member = app.member("peter-feacey").await;
    assert_eq!(
        import(&member, &app, PACK.as_bytes().to_vec())
            .await
            .status(),
        403
    );

    let clerk = app.clerk().await;
    let too_large = import(&clerk, &app, vec![b'a'; 2 * 1024 * 1024 + 1]).await;
    assert_eq!(too_large.status(), 413);
    let body: serde_json::Value = too_large.json().await.expect("json");
    assert!(body["message"]
        .as_str()
        .expect("message")
        .contains("up to 2 MB"));

    let binary = import(&clerk, &app, b"%PDF-1.7\n\x00\x01\x02".to_vec()).await;
    assert_eq!(binary.status(), 400);
    let body: serde_json::Value = binary.json().await.expect("json");
    assert_eq!(
        body["message"],
        "The pack has binary content at line 2: paste or upload its text, not the PDF"
    );

    let far_too_large = import(&clerk, &app, vec![b'a'; 5 * 1024 * 1024]).await;
    assert_eq!(far_too_large.status(), 413);
}
