//! The public page cache, against the real server on port 0: hits for anonymous repeats, a fresh render after
//! a change, never for signed-in viewers, never for a 404, and a fresh nonce on every response.

use crate::common::*;
use app::meeting::Command;

const NOT_STARTED: &str = "The meeting has not reached an agenda item yet.";

/// GETs `path` with `client`; returns the status, the `x-panelcast-cache` header and the body.
async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String, String) {
    let response = client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("get");
    let status = response.status().as_u16();
    let cache = response
        .headers()
        .get("x-panelcast-cache")
        .map(|v| v.to_str().expect("ascii").to_owned())
        .unwrap_or_default();
    (status, cache, response.text().await.expect("body"))
}

/// The page with every `nonce` value blanked out, and that value (leptos puts a fresh one into each page).
fn without_nonce(html: &str) -> (String, String) {
    let start = html
        .find(" nonce=\"")
        .expect("leptos puts a nonce on its scripts")
        + 8;
    let len = html[start..].find('"').expect("closing quote");
    let nonce = html[start..start + len].to_owned();
    assert!(nonce.len() >= 16, "a nonce: {nonce:?}");
    (html.replace(&nonce, "NONCE"), nonce)
}

/// The text of the "current item" panel.
fn current_item(html: &str) -> String {
    let start = html
        .find("data-testid=\"current-item\"")
        .expect("current item panel");
    let end = start + html[start..].find("</div>").expect("end of panel");
    html[start..end].to_owned()
}

#[tokio::test]
async fn a_repeated_anonymous_get_is_a_hit_with_the_same_page_and_a_fresh_nonce() {
    let app = spawn_app().await;
    let anonymous = reqwest::Client::new();
    let path = format!("/meetings/{DEMO}");
    let (status, cache, first) = get(&app, &anonymous, &path).await;
    assert_eq!((status, cache.as_str()), (200, "miss"));
    assert!(first.contains("Chief Constable Confirmation Hearing"));
    assert!(first.contains("Watching as the public"));
    let (status, cache, second) = get(&app, &anonymous, &path).await;
    assert_eq!((status, cache.as_str()), (200, "hit"));
    let ((first_page, first_nonce), (second_page, second_nonce)) =
        (without_nonce(&first), without_nonce(&second));
    assert_eq!(first_page, second_page, "a hit is the page leptos rendered");
    assert_ne!(
        first_nonce, second_nonce,
        "every response gets its own nonce"
    );
    assert!(
        !second.contains(&first_nonce),
        "no trace of the stored nonce"
    );
    let metrics = reqwest::get(format!("{}/metrics", app.base))
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(
        metrics.contains("panelcast_page_cache_total{outcome=\"hit\"}"),
        "{metrics}"
    );
}

#[tokio::test]
async fn after_the_chair_advances_the_agenda_the_next_anonymous_get_shows_the_new_item() {
    let app = spawn_app().await;
    let anonymous = reqwest::Client::new();
    let path = format!("/meetings/{DEMO}");
    get(&app, &anonymous, &path).await;
    let (_, cache, before) = get(&app, &anonymous, &path).await;
    assert_eq!(cache, "hit");
    assert!(current_item(&before).contains(NOT_STARTED));

    let chair = app.chair().await;
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    app.ok(&chair, DEMO, Command::AdvanceAgenda).await;

    let (status, cache, after) = get(&app, &anonymous, &path).await;
    assert_eq!((status, cache.as_str()), (200, "miss"), "the seq moved on");
    let item = current_item(&after);
    assert!(item.contains("Now: "), "{item}");
    assert!(!item.contains(NOT_STARTED), "{item}");
    let (_, cache, again) = get(&app, &anonymous, &path).await;
    assert_eq!(cache, "hit");
    assert_eq!(current_item(&again), item);
}

#[tokio::test]
async fn a_signed_in_get_is_never_served_from_the_cache_nor_stored() {
    let app = spawn_app().await;
    let anonymous = reqwest::Client::new();
    let path = format!("/meetings/{DEMO}");
    get(&app, &anonymous, &path).await; // fills the cache
    let chair = app.chair().await;
    let (status, cache, page) = get(&app, &chair, &path).await;
    assert_eq!((status, cache.as_str()), (200, "bypass"));
    assert!(page.contains("Signed in as"), "the chair's own header");
    assert!(!page.contains("Watching as the public"));

    // A change, then the chair first: the anonymous GET after it must render afresh (nothing was stored).
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    let (_, cache, page) = get(&app, &chair, &path).await;
    assert_eq!(cache, "bypass");
    assert!(page.contains("Signed in as"));
    let (_, cache, page) = get(&app, &anonymous, &path).await;
    assert_eq!(cache, "miss");
    assert!(page.contains("Watching as the public"));
    assert!(!page.contains("Signed in as"));

    // A session cookie that is not valid is still never cached (the cache does not judge sessions).
    let forged = reqwest::Client::new()
        .get(format!("{}{path}", app.base))
        .header("cookie", "panelcast_session=not-a-session")
        .send()
        .await
        .expect("get");
    assert_eq!(forged.headers()["x-panelcast-cache"], "bypass");
}

#[tokio::test]
async fn an_unknown_meeting_or_a_query_string_is_not_cached() {
    let app = spawn_app().await;
    let anonymous = reqwest::Client::new();
    for _ in 0..2 {
        let (status, cache, page) = get(&app, &anonymous, "/meetings/1999-01-01").await;
        assert_eq!(status, 404);
        assert_eq!(cache, "", "not a meeting, not the cache's business");
        assert!(page.contains("Page not found"));
    }
    for _ in 0..2 {
        let (status, cache, page) = get(&app, &anonymous, &format!("/meetings/{DEMO}?x=1")).await;
        assert_eq!((status, cache.as_str()), (200, ""));
        assert!(page.contains("Chief Constable Confirmation Hearing"));
    }
    let (_, cache, _) = get(&app, &anonymous, &format!("/meetings/{DEMO}")).await;
    assert_eq!(cache, "miss", "the query-string renders stored nothing");
}
