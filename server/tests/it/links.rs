//! The clerk's sign-in links (docs/LINKS.md): every link created for a meeting is listed after a reload,
//! without its address (only the token's hash is stored); a revoked link no longer signs in. The store
//! contract runs on SQLite and PostgreSQL; the HTTP tests against the real server on port 0.

use std::time::Duration;

use app::meeting::Actor;
use app::protocol::links::{LinkState, SignInLinkRow};
use server::auth::{links, store, token_hash};

use crate::common::*;
use crate::store_contract::{contract, TestDb};

contract!(
    links_created_for_a_meeting_are_listed_newest_first_without_their_token,
    a_revoked_link_no_longer_signs_in_and_an_unknown_one_is_not_found,
);

async fn links_created_for_a_meeting_are_listed_newest_first_without_their_token(db: &TestDb) {
    let pool = db.store.pool();
    let day = Duration::from_secs(86_400);
    let first =
        store::create_link_for(pool, &Actor::Commissioner, "Matthew Scott", day, Some("m1"))
            .await
            .expect("created");
    let elsewhere = store::create_link_for(pool, &member_actor("a"), "Cllr A", day, Some("m2"))
        .await
        .expect("created");
    store::create_link(pool, &member_actor("b"), "Cllr B", day)
        .await
        .expect("created");
    let second = store::create_link_for(pool, &member_actor("c"), "Cllr C", day, Some("m1"))
        .await
        .expect("created");
    store::redeem_link(pool, &first, day)
        .await
        .expect("redeem")
        .expect("signed in");

    let listed = links::list(pool, "m1").await.expect("listed");
    let ids: Vec<&str> = listed.iter().map(|l| l.id.as_str()).collect();
    let (first_id, second_id) = (token_hash(&first), token_hash(&second));
    assert_eq!(listed.len(), 2, "only m1's links: {listed:?}");
    assert!(ids.contains(&first_id.as_str()) && ids.contains(&second_id.as_str()));
    assert!(listed[0].created_at >= listed[1].created_at, "newest first");
    let scott = listed
        .iter()
        .find(|l| l.id == first_id)
        .expect("Scott's link");
    assert_eq!(scott.actor, Actor::Commissioner);
    assert_eq!(scott.display_name, "Matthew Scott");
    assert!(scott.used_at.is_some() && scott.revoked_at.is_none());
    assert_eq!(scott.expires_at - scott.created_at, 86_400_000);
    let text = format!("{listed:?}");
    for token in [&first, &second, &elsewhere] {
        assert!(!text.contains(token.as_str()), "a token is never listed");
    }
}

async fn a_revoked_link_no_longer_signs_in_and_an_unknown_one_is_not_found(db: &TestDb) {
    let pool = db.store.pool();
    let day = Duration::from_secs(86_400);
    let token =
        store::create_link_for(pool, &Actor::Commissioner, "Matthew Scott", day, Some("m1"))
            .await
            .expect("created");
    let id = token_hash(&token);
    assert!(links::revoke(pool, &id).await.expect("revoke"));
    let revoked_at = links::list(pool, "m1").await.expect("listed")[0].revoked_at;
    assert!(revoked_at.is_some());
    assert!(
        links::revoke(pool, &id).await.expect("again"),
        "revoking twice is not an error"
    );
    assert_eq!(
        links::list(pool, "m1").await.expect("listed")[0].revoked_at,
        revoked_at,
        "the first time is kept"
    );
    assert!(store::redeem_link(pool, &token, day)
        .await
        .expect("redeem")
        .is_none());
    assert_eq!(
        links::refusal(pool, &id).await.expect("why"),
        links::Refusal::Revoked
    );
    assert!(!links::revoke(pool, &"0".repeat(64)).await.expect("unknown"));
}

async fn create(clerk: &reqwest::Client, base: &str, name: &str) -> String {
    let body = serde_json::json!({ "actor": { "role": "commissioner" }, "display_name": name, "meeting": DEMO });
    let created = clerk
        .post(format!("{base}/api/v1/sign-in-links"))
        .json(&body)
        .send()
        .await
        .expect("post");
    assert_eq!(created.status(), 201);
    let url = created.json::<serde_json::Value>().await.expect("json")["url"]
        .as_str()
        .expect("url")
        .to_owned();
    url.rsplit('/').next().expect("token").to_owned()
}

/// Tries `token` in a fresh browser (no session).
async fn sign_in_with(base: &str, token: &str) -> reqwest::Response {
    cookie_client()
        .post(format!("{base}/sign-in"))
        .form(&[("token", token)])
        .send()
        .await
        .expect("post")
}

async fn list(client: &reqwest::Client, base: &str) -> reqwest::Response {
    client
        .get(format!("{base}/api/v1/sign-in-links?meeting={DEMO}"))
        .send()
        .await
        .expect("get")
}

#[tokio::test]
async fn the_clerk_lists_revokes_and_the_revoked_link_is_refused_with_a_clear_message() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let kept = create(&clerk, &app.base, "Matthew Scott").await;
    let revoked = create(&clerk, &app.base, "Deputy Commissioner").await;

    let rows: Vec<SignInLinkRow> = list(&clerk, &app.base).await.json().await.expect("rows");
    let now = app::meeting::Timestamp(server::clock::now().0);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r.state(now) == LinkState::Unused));

    let id = token_hash(&revoked);
    let response = clerk
        .post(format!("{}/api/v1/sign-in-links/{id}/revoke", app.base))
        .send()
        .await
        .expect("revoke");
    assert_eq!(response.status(), 200);
    let rows: Vec<SignInLinkRow> = list(&clerk, &app.base).await.json().await.expect("rows");
    let row = rows.iter().find(|r| r.id == id).expect("still listed");
    assert_eq!(row.state(now), LinkState::Revoked);

    let refused = sign_in_with(&app.base, &revoked).await;
    assert_eq!(refused.status(), 401);
    assert!(refused.headers().get("set-cookie").is_none());
    assert!(refused
        .text()
        .await
        .expect("body")
        .contains("The clerk has revoked this link"));
    let kept = sign_in_with(&app.base, &kept).await;
    assert_eq!(kept.status(), 303, "the other link still works");
}

#[tokio::test]
async fn only_a_clerk_lists_or_revokes_and_an_unknown_link_is_not_found() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let token = create(&clerk, &app.base, "Matthew Scott").await;
    let id = token_hash(&token);
    let member = app.member("peter-feacey").await;
    let revoke = |client: &reqwest::Client, id: &str| {
        client
            .post(format!("{}/api/v1/sign-in-links/{id}/revoke", app.base))
            .send()
    };

    assert_eq!(revoke(&member, &id).await.expect("post").status(), 403);
    assert_eq!(list(&member, &app.base).await.status(), 403);
    assert_eq!(list(&reqwest::Client::new(), &app.base).await.status(), 403);
    for unknown in ["0".repeat(64), "not-a-link".to_owned(), "z".repeat(64)] {
        let response = revoke(&clerk, &unknown).await.expect("post");
        assert_eq!(response.status(), 404, "{unknown}");
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body["error"], "There is no such sign-in link");
    }
    let long = format!(
        "{}/api/v1/sign-in-links?meeting={}",
        app.base,
        "m".repeat(101)
    );
    assert_eq!(clerk.get(long).send().await.expect("get").status(), 400);
    let signed_in = sign_in_with(&app.base, &token).await;
    assert_eq!(
        signed_in.status(),
        303,
        "a refused revoke left the link working"
    );
}

#[tokio::test]
async fn the_printable_sheet_has_a_slip_with_a_qr_code_per_member_and_its_links_are_listed() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let sheet = clerk
        .post(format!("{}/meetings/{DEMO}/sign-in-sheet", app.base))
        .send()
        .await
        .expect("post");
    assert_eq!(sheet.status(), 200);
    let html = sheet.text().await.expect("body");
    let people = app.member_ids().len() + 1;
    assert_eq!(
        html.matches("data-testid=\"slip\"").count(),
        people,
        "one slip per member and the Commissioner"
    );
    assert_eq!(
        html.matches("<svg role=\"img\"").count(),
        people,
        "a QR code on each slip"
    );
    assert!(
        html.contains("href=\"/sign-in-sheet.css\"") && !html.contains("style=\""),
        "no inline style (CSP)"
    );
    let rows: Vec<SignInLinkRow> = list(&clerk, &app.base).await.json().await.expect("rows");
    assert_eq!(
        rows.len(),
        people,
        "the sheet's links are listed on the links page"
    );
    let token = html
        .split("/sign-in/")
        .nth(1)
        .expect("a link")
        .chars()
        .take(64)
        .collect::<String>();
    let signed_in = sign_in_with(&app.base, &token).await;
    assert_eq!(signed_in.status(), 303, "a slip's link signs in");
    let css = reqwest::get(format!("{}/sign-in-sheet.css", app.base))
        .await
        .expect("css");
    assert!(css.text().await.expect("css").contains("@media print"));

    let member = app.member("peter-feacey").await;
    let refused = member
        .post(format!("{}/meetings/{DEMO}/sign-in-sheet", app.base))
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), 403);
    let unknown = clerk
        .post(format!(
            "{}/meetings/no-such-meeting/sign-in-sheet",
            app.base
        ))
        .send()
        .await
        .expect("post");
    assert_eq!(unknown.status(), 404);
}
