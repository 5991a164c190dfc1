//! The live wire against the real server on port 0: snapshots, fan-out, resume, Origin, sign-out.

use crate::common::*;
use app::meeting::Command;
use app::protocol::{Followed, Follower, ServerMsg};
use tokio_tungstenite::tungstenite::{client::IntoClientRequest, http::HeaderValue};

#[tokio::test]
async fn a_viewer_that_joins_gets_a_full_snapshot_first() {
    let app = spawn_app().await;
    let mut socket = app.connect(DEMO).await;
    let ServerMsg::Snapshot { seq, view } = next_msg(&mut socket).await else {
        panic!("first message is a snapshot")
    };
    assert_eq!(seq, app.log_len(DEMO).await as u64);
    assert!(!view.sections.is_empty(), "the snapshot carries the agenda");
}

#[tokio::test]
async fn a_chair_command_reaches_every_viewer_with_the_next_seq() {
    let app = spawn_app().await;
    let mut viewers = Vec::new();
    for _ in 0..5 {
        let mut socket = app.connect(DEMO).await;
        let mut follower = Follower::new();
        let (seq, _) = next_view(&mut socket, &mut follower).await;
        viewers.push((socket, follower, seq));
    }
    let chair = app.chair().await;
    let seq = app.ok(&chair, DEMO, Command::OpenMeeting).await;
    for (socket, follower, before) in &mut viewers {
        let (got, view) = view_at_least(socket, follower, seq).await;
        assert_eq!(got, *before + 1, "exactly one event later");
        assert_eq!(view.phase, "open");
    }
}

/// A public viewer that holds the previous public update is sent a patch, not the ~11 KB snapshot, and the
/// patch rebuilds exactly the view a viewer joining now gets in full.
#[tokio::test]
async fn a_public_viewer_is_sent_a_small_patch_that_rebuilds_the_same_view() {
    let app = spawn_app().await;
    let mut socket = app.connect(DEMO).await;
    let mut follower = Follower::new();
    let first = next_msg(&mut socket).await;
    let full_size = serde_json::to_string(&first).expect("json").len();
    let Followed::View { seq: before, .. } = follower.follow(first).expect("snapshot") else {
        panic!("a view first")
    };

    let chair = app.chair().await;
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    // Past the coalescing interval, so the next change goes out on its own.
    tokio::time::sleep(server::hub::PUBLIC_EVERY * 2).await;
    let (open_seq, _) = view_at_least(&mut socket, &mut follower, before + 1).await;
    let seq = app.ok(&chair, DEMO, Command::AdvanceAgenda).await;

    let msg = next_msg(&mut socket).await;
    let ServerMsg::Patch {
        seq: got,
        base,
        ops,
    } = &msg
    else {
        panic!("a patch, got {msg:?}")
    };
    assert_eq!((*got, *base), (seq, open_seq));
    // A real patch: no operation replaces the whole view. (How small it is, in bytes, is the benchmark's
    // business, not a test's.)
    assert!(!ops.0.is_empty());
    assert!(
        ops.0.iter().all(|op| !op.path().to_string().is_empty()),
        "{ops:?}"
    );
    let patch_size = serde_json::to_string(&msg).expect("json").len();
    assert!(
        patch_size < full_size,
        "patch {patch_size} B, snapshot {full_size} B"
    );
    let Followed::View { view: patched, .. } = follower.follow(msg).expect("the patch applies")
    else {
        panic!("a view")
    };

    let mut fresh = app.connect(DEMO).await;
    let (fresh_seq, fresh_view) = snapshot_at_least(&mut fresh, seq).await;
    assert_eq!(fresh_seq, seq);
    assert_eq!(
        *patched, fresh_view,
        "patched view equals the full snapshot"
    );
    assert!(fresh_view.current_item.is_some());
}

#[tokio::test]
async fn a_viewer_that_reconnects_with_an_old_seq_is_brought_up_to_date() {
    let app = spawn_app().await;
    let mut socket = app.connect(DEMO).await;
    let ServerMsg::Snapshot { seq: old, .. } = next_msg(&mut socket).await else {
        panic!("snapshot")
    };
    drop(socket);

    let chair = app.chair().await;
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    let latest = app.ok(&chair, DEMO, Command::AdvanceAgenda).await;
    assert!(latest > old);

    let url = format!("{}?since={old}", app.ws_url(DEMO));
    let (mut socket, _) = tokio_tungstenite::connect_async(url)
        .await
        .expect("reconnect");
    let ServerMsg::Snapshot { seq, view } = next_msg(&mut socket).await else {
        panic!("snapshot")
    };
    assert_eq!(seq, latest);
    assert!(
        view.current_item.is_some(),
        "the missed agenda move is in the snapshot"
    );
}

#[tokio::test]
async fn a_websocket_from_a_foreign_origin_is_refused() {
    let app = spawn_app().await;
    let mut request = app.ws_url(DEMO).into_client_request().expect("request");
    request
        .headers_mut()
        .insert("Origin", HeaderValue::from_static("https://evil.example"));
    let error = tokio_tungstenite::connect_async(request)
        .await
        .expect_err("refused");
    match error {
        tokio_tungstenite::tungstenite::Error::Http(response) => assert_eq!(response.status(), 403),
        other => panic!("expected an HTTP 403, got {other:?}"),
    }

    let mut request = app.ws_url(DEMO).into_client_request().expect("request");
    request
        .headers_mut()
        .insert("Origin", HeaderValue::from_str(&app.base).expect("origin"));
    tokio_tungstenite::connect_async(request)
        .await
        .expect("this site's own origin is allowed");
}

#[tokio::test]
async fn signing_out_closes_the_sessions_socket() {
    let app = spawn_app().await;
    let cookie = app
        .session_cookie(member_actor("peter-feacey"), "Cllr Peter Feacey")
        .await;
    let mut socket = app.connect_with_cookie(DEMO, &cookie).await;
    let ServerMsg::Snapshot { view, .. } = next_msg(&mut socket).await else {
        panic!("snapshot")
    };
    assert!(
        view.viewer.member.is_some(),
        "the socket knows the signed-in member"
    );

    app.sign_out(&cookie).await;
    let saw_closing = closed_with_reason(&mut socket).await;
    assert!(saw_closing, "the server said why it closed");
    assert!(
        !signed_in_as(&app, &cookie).await,
        "the signed-out cookie is not taken for the member (not even from the sessions just looked up)"
    );
}

/// Whether a new websocket opened with `cookie` is the member's (else it is a public one).
async fn signed_in_as(app: &TestApp, cookie: &str) -> bool {
    let mut socket = app.connect_with_cookie(DEMO, cookie).await;
    let ServerMsg::Snapshot { view, .. } = next_msg(&mut socket).await else {
        panic!("snapshot")
    };
    view.viewer.member.is_some()
}

/// Whether `GET /api/v1/meetings/{DEMO}` with `cookie` is answered with the member's view.
async fn member_over_http(app: &TestApp, cookie: &str) -> bool {
    let view: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/v1/meetings/{DEMO}", app.base))
        .header("Cookie", cookie)
        .send()
        .await
        .expect("view")
        .json()
        .await
        .expect("json");
    !view["view"]["viewer"]["member"].is_null()
}

/// A sign-out this instance did not hear of (on PostgreSQL, announced by another instance while this one's
/// listening connection was down) is caught up after the next (re)connection: the sessions of the open sockets
/// are checked against the database. Here the session is ended in the database directly, with no
/// announcement, while a second session stays signed in.
#[tokio::test]
async fn a_sign_out_not_heard_of_closes_the_sessions_socket_at_the_catch_up() {
    let app = spawn_app().await;
    let ended = app
        .session_cookie(member_actor("peter-feacey"), "Cllr Peter Feacey")
        .await;
    let kept = app
        .session_cookie(member_actor("mike-hill"), "Mr Mike Hill")
        .await;
    // A third session only ever makes HTTP requests (no socket to close): it was looked up a moment ago.
    let http_only = app
        .session_cookie(member_actor("ashley-clark"), "Cllr Ashley Clark")
        .await;
    assert!(member_over_http(&app, &http_only).await, "signed in");
    let mut ended_socket = app.connect_with_cookie(DEMO, &ended).await;
    let mut kept_socket = app.connect_with_cookie(DEMO, &kept).await;
    for socket in [&mut ended_socket, &mut kept_socket] {
        let ServerMsg::Snapshot { view, .. } = next_msg(socket).await else {
            panic!("snapshot")
        };
        assert!(view.viewer.member.is_some(), "signed in");
    }

    let ended_rows = sqlx::query("UPDATE session SET ended_at = $1 WHERE display_name = $2")
        .bind(server::clock::now().0)
        .bind("Cllr Peter Feacey")
        .execute(app.store.pool())
        .await
        .expect("end the session in the database")
        .rows_affected();
    assert_eq!(ended_rows, 1);
    sqlx::query("UPDATE session SET ended_at = $1 WHERE display_name = $2")
        .bind(server::clock::now().0)
        .bind("Cllr Ashley Clark")
        .execute(app.store.pool())
        .await
        .expect("end the HTTP-only session in the database");
    app.app_state
        .auth
        .close_sockets_of_ended_sessions()
        .await
        .expect("the catch-up reads the sessions");

    assert!(
        closed_with_reason(&mut ended_socket).await,
        "the ended session's socket closes, saying why"
    );
    assert!(
        !signed_in_as(&app, &ended).await,
        "after the catch-up the ended session is asked of the database again, not taken as still live"
    );
    assert!(signed_in_as(&app, &kept).await, "the other session is");
    assert!(
        !member_over_http(&app, &http_only).await,
        "a session ended elsewhere that had no socket here is asked of the database again after the catch-up"
    );
    // The other session's socket stays open: a change still reaches it.
    app.ok(&app.chair().await, DEMO, Command::OpenMeeting).await;
    let ServerMsg::Snapshot { view, .. } = next_msg(&mut kept_socket).await else {
        panic!("the kept socket still gets snapshots")
    };
    assert_eq!(view.phase, "open");
}
