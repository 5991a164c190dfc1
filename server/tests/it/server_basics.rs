//! Health, metrics, the 404 page and server-rendered pages, against the real server on port 0.

use crate::common::*;

#[tokio::test]
async fn healthz_reports_ok_when_the_database_answers() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/healthz", app.base))
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.expect("body"), "ok");
}

#[tokio::test]
async fn healthz_reports_unavailable_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.store.pool().close().await;
    let response = reqwest::get(format!("{}/healthz", app.base))
        .await
        .expect("get");
    assert_eq!(response.status(), 503);
}

#[tokio::test]
async fn an_unknown_page_gets_a_friendly_404() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/no/such/page", app.base))
        .await
        .expect("get");
    assert_eq!(response.status(), 404);
    assert!(response
        .text()
        .await
        .expect("body")
        .contains("Page not found"));
}

#[tokio::test]
async fn the_meeting_page_is_server_rendered_with_the_agenda() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/meetings/{DEMO}", app.base))
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    for text in [
        "Chief Constable Confirmation Hearing",
        "Pages 11 - 56",
        "None for this meeting",
        "Questions to the Commissioner",
    ] {
        assert!(html.contains(text), "the SSR page contains {text:?}");
    }
}

#[tokio::test]
async fn the_meetings_list_names_the_demo_meeting() {
    let app = spawn_app().await;
    let html = reqwest::get(format!("{}/", app.base))
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(
        html.contains("6 December 2022"),
        "the list shows the 6 December 2022 meeting"
    );
}

#[tokio::test]
async fn metrics_are_exposed_for_prometheus() {
    let app = spawn_app().await;
    let mut viewer = app.connect(DEMO).await;
    let mut follower = app::protocol::Follower::new();
    let chair = app.chair().await;
    let seq = app
        .ok(&chair, DEMO, app::meeting::Command::OpenMeeting)
        .await;
    // The viewer has the change, so its fan-out write was timed.
    view_at_least(&mut viewer, &mut follower, seq).await;
    let text = reqwest::get(format!("{}/metrics", app.base))
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(text.contains("panelcast_commands_total"), "{text}");
    let fanned_out = text
        .lines()
        .find_map(|l| l.strip_prefix("panelcast_fanout_seconds_count "))
        .and_then(|n| n.trim().parse::<u64>().ok());
    assert!(fanned_out.is_some_and(|n| n >= 1), "{text}");
}
