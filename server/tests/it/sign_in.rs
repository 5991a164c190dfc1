//! Sign-in links: single use, expiring; sessions carry the identity; the clerk creates links.

use crate::common::*;
use app::meeting::Actor;

#[tokio::test]
async fn a_sign_in_link_works_once() {
    let app = spawn_app().await;
    let token = app
        .link_token(member_actor("peter-feacey"), "Cllr Peter Feacey")
        .await;
    let first = cookie_client()
        .post(format!("{}/sign-in", app.base))
        .form(&[("token", &token)])
        .send()
        .await
        .expect("first");
    assert_eq!(first.status(), 303, "the first use signs in and redirects");
    assert!(first.headers().get("set-cookie").is_some());
    let second = cookie_client()
        .post(format!("{}/sign-in", app.base))
        .form(&[("token", &token)])
        .send()
        .await
        .expect("second");
    assert_eq!(second.status(), 401, "a used link is refused");
    assert!(second.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn an_expired_sign_in_link_is_refused() {
    let app = spawn_app().await;
    let token = app
        .link_token(member_actor("peter-feacey"), "Cllr Peter Feacey")
        .await;
    sqlx::query("UPDATE sign_in_link SET expires_at = 0")
        .execute(app.store.pool())
        .await
        .expect("expire");
    let response = cookie_client()
        .post(format!("{}/sign-in", app.base))
        .form(&[("token", &token)])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn a_made_up_token_is_refused_without_a_session() {
    let app = spawn_app().await;
    let response = cookie_client()
        .post(format!("{}/sign-in", app.base))
        .form(&[("token", "f".repeat(64))])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 401);
    assert!(response.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn the_sign_in_page_does_not_use_up_the_link() {
    let app = spawn_app().await;
    let token = app.link_token(Actor::Commissioner, "Matthew Scott").await;
    let page = reqwest::get(format!("{}/sign-in/{token}", app.base))
        .await
        .expect("get");
    assert_eq!(page.status(), 200);
    assert!(page
        .text()
        .await
        .expect("body")
        .contains("<form method=\"post\" action=\"/sign-in\">"));
    let response = cookie_client()
        .post(format!("{}/sign-in", app.base))
        .form(&[("token", &token)])
        .send()
        .await
        .expect("post");
    assert_eq!(
        response.status(),
        303,
        "a preview GET did not consume the link"
    );
}

#[tokio::test]
async fn only_a_clerk_can_create_sign_in_links() {
    let app = spawn_app().await;
    let body =
        serde_json::json!({ "actor": { "role": "commissioner" }, "display_name": "Matthew Scott" });
    let member = app.member("peter-feacey").await;
    let refused = member
        .post(format!("{}/api/v1/sign-in-links", app.base))
        .json(&body)
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), 403);

    let clerk = app.clerk().await;
    let created = clerk
        .post(format!("{}/api/v1/sign-in-links", app.base))
        .json(&body)
        .send()
        .await
        .expect("post");
    assert_eq!(created.status(), 201);
    let url = created.json::<serde_json::Value>().await.expect("json")["url"]
        .as_str()
        .expect("url")
        .to_owned();
    assert!(
        url.starts_with(&app.base) && url.contains("/sign-in/"),
        "{url}"
    );
}
