//! The server's edge against abuse, against the real server on port 0 (docs/SECURITY.md): input limits and
//! body limits with nothing written, client errors as 4xx (never 500), cross-site requests refused, security
//! headers with the page's own CSP nonce, rate limits with `Retry-After`, and a private `/metrics`.

use crate::common::*;
use app::meeting::{BallotId, Choice, Command, MeetingSpec, MemberId, Timestamp, VoteId};
use serde_json::json;

const MARCH: &str = "2017-03-28";

async fn post_raw(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    headers: &[(&str, &str)],
    body: impl Into<reqwest::Body>,
) -> (u16, reqwest::header::HeaderMap, String) {
    let mut request = client.post(format!("{}{path}", app.base)).body(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("POST");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("body"))
}

fn ballot(id: String) -> Command {
    Command::CastBallot {
        vote: VoteId(1),
        choice: Choice::For,
        ballot_id: BallotId::new(id),
    }
}

#[tokio::test]
async fn over_long_fields_are_refused_with_the_field_named_and_nothing_is_written() {
    let app = spawn_app().await;
    let before = app.log_len(DEMO).await;
    let member = app.member(&app.member_ids()[1]).await;
    let chair = app.chair().await;
    let clerk = app.clerk().await;

    let cases = [
        (&member, ballot("b".repeat(20_000)), "ballot id", 64),
        (
            &chair,
            Command::AdjournMeeting {
                until: Timestamp(i64::MAX / 2),
                reason: "r".repeat(501),
            },
            "adjournment reason",
            500,
        ),
        (
            &clerk,
            Command::RecordAttendance {
                member: MemberId::new("m".repeat(65)),
                mark: app::meeting::AttendanceMark::Present,
            },
            "member id",
            64,
        ),
    ];
    for (client, command, what, max) in cases {
        let (status, body) = app.command(client, DEMO, &command).await;
        assert_eq!(status, 409, "{body}");
        assert_eq!(
            body["message"],
            format!("The {what} is too long (at most {max} characters)")
        );
        // The same through the server function the pages call.
        let (status, body) = app
            .post_json(
                client,
                "/api/run_command",
                &json!({"meeting": DEMO, "command": command}),
            )
            .await;
        assert_eq!(status, 409, "{body}");
        assert_eq!(body["detail"]["error"], "text_too_long");
    }

    let mut summons: MeetingSpec =
        reqwest::get(format!("{}/api/v1/meetings/{DEMO}/summons", app.base))
            .await
            .expect("summons")
            .json()
            .await
            .expect("json");
    summons.id = app::meeting::MeetingId::new("2030-01-01");
    summons.title = "t".repeat(501);
    let (status, body) = app.post_json(&clerk, "/api/v1/meetings", &summons).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (409, Some("The title is too long (at most 500 characters)"))
    );
    assert!(app.app_state.hub.get("2030-01-01").is_none());

    let (status, body) = app
        .post_json(
            &clerk,
            "/api/v1/sign-in-links",
            &json!({"actor": {"role": "member", "member": "peter-feacey"}, "display_name": "n".repeat(201)}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body["error"],
        "The display name is too long (at most 200 characters)"
    );

    assert_eq!(app.log_len(DEMO).await, before, "nothing was written");
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused_before_they_are_read_and_nothing_is_written() {
    let app = spawn_app().await;
    let before = app.log_len(DEMO).await;
    let member = app.member(&app.member_ids()[1]).await;
    // The issue's attack: a 1 MB ballot id.
    let command = serde_json::to_string(&ballot("b".repeat(1 << 20))).unwrap();
    let path = format!("/api/v1/meetings/{DEMO}/commands");
    let json_type = [("content-type", "application/json")];
    let (status, _, body) = post_raw(&app, &member, &path, &json_type, command.clone()).await;
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("larger than 32 KiB"), "{body}");
    let call = format!(
        "{{\"meeting\":\"{DEMO}\",\"command\":{}}}",
        "x".repeat(2 << 20)
    );
    let (status, _, body) = post_raw(&app, &member, "/api/run_command", &json_type, call).await;
    assert_eq!(status, 413, "{body}");
    // Without a Content-Length (chunked), the body is cut off while it is read: still a client error.
    let chunks = futures_util::stream::iter(
        (0..64).map(|_| Ok::<_, std::io::Error>(bytes::Bytes::from(vec![b' '; 16 * 1024]))),
    );
    let (status, _, body) = post_raw(
        &app,
        &member,
        &path,
        &json_type,
        reqwest::Body::wrap_stream(chunks),
    )
    .await;
    assert!(matches!(status, 400 | 413), "{status}: {body}");
    assert!(body.contains("length limit exceeded"), "{body}");
    assert_eq!(app.log_len(DEMO).await, before);
}

#[tokio::test]
async fn a_malformed_call_to_a_server_function_is_a_bad_request_not_a_server_error() {
    let app = spawn_app().await;
    let client = cookie_client();
    let json_type = [("content-type", "application/json")];
    for body in [
        "not json",
        "{\"meeting\": 5}",
        "{\"meeting\": \"2022-12-06\", \"command\": {\"type\": \"Explode\"}}",
        "",
    ] {
        let (status, _, answer) =
            post_raw(&app, &client, "/api/run_command", &json_type, body).await;
        assert_eq!(status, 400, "{body:?} → {answer}");
        let error: app::protocol::AppError =
            serde_json::from_str(&answer).expect("the error in its wire form");
        assert!(
            matches!(error, app::protocol::AppError::BadRequest(_)),
            "{error:?}"
        );
    }
    let (status, _, answer) =
        post_raw(&app, &client, "/api/meeting_view", &json_type, "[1,2").await;
    assert_eq!(status, 400, "{answer}");
}

#[tokio::test]
async fn state_changes_from_another_site_are_refused_and_from_this_one_accepted() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let before = app.log_len(DEMO).await;
    let path = format!("/api/v1/meetings/{DEMO}/commands");
    let open = serde_json::to_string(&Command::OpenMeeting).unwrap();
    for headers in [
        vec![("origin", "https://evil.example")],
        vec![("sec-fetch-site", "cross-site")],
        vec![
            ("sec-fetch-site", "same-site"),
            ("origin", "https://evil.example"),
        ],
    ] {
        let mut all = headers.clone();
        all.push(("content-type", "application/json"));
        let (status, _, body) = post_raw(&app, &chair, &path, &all, open.clone()).await;
        assert_eq!(status, 403, "{headers:?}: {body}");
        assert!(body.contains("came from another site"), "{body}");
    }
    // The sign-in form and signing out too.
    let form = [
        ("content-type", "application/x-www-form-urlencoded"),
        ("origin", "https://evil.example"),
    ];
    let (status, _, _) = post_raw(&app, &cookie_client(), "/sign-in", &form, "token=00").await;
    assert_eq!(status, 403);
    let (status, _, _) = post_raw(&app, &chair, "/sign-out", &form, "").await;
    assert_eq!(status, 403);
    // A server function called as a "simple" cross-site request would be: text/plain.
    let call = json!({"meeting": DEMO, "command": Command::OpenMeeting}).to_string();
    let (status, _, body) = post_raw(
        &app,
        &chair,
        "/api/run_command",
        &[("content-type", "text/plain")],
        call.clone(),
    )
    .await;
    assert_eq!(status, 415, "{body}");
    assert_eq!(app.log_len(DEMO).await, before, "nothing was written");

    // From this site's own page (the browser names our origin), the same request works.
    let ours = [
        ("content-type", "application/json"),
        ("origin", app.base.as_str()),
    ];
    let (status, _, body) = post_raw(&app, &chair, &path, &ours, open).await;
    assert_eq!(status, 200, "{body}");
    let same = [
        ("content-type", "application/json"),
        ("sec-fetch-site", "same-origin"),
    ];
    let (status, _, body) = post_raw(
        &app,
        &chair,
        "/api/run_command",
        &same,
        json!({"meeting": DEMO, "command": Command::AdvanceAgenda}).to_string(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

/// The `'nonce-…'` of a CSP header.
fn csp_nonce(csp: &str) -> String {
    let start = csp.find("'nonce-").expect("a nonce in the policy") + 7;
    csp[start..start + csp[start..].find('\'').unwrap()].to_owned()
}

#[tokio::test]
async fn every_page_carries_the_security_headers_and_a_policy_naming_its_own_nonce() {
    let app = spawn_app().await;
    let anonymous = reqwest::Client::new();
    let mut nonces = Vec::new();
    // A miss, then a hit from the page cache, then a routed page.
    for (path, cache) in [
        (format!("/meetings/{DEMO}"), Some("miss")),
        (format!("/meetings/{DEMO}"), Some("hit")),
        ("/".to_owned(), None),
    ] {
        let response = anonymous
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        let headers = response.headers().clone();
        assert_eq!(
            headers
                .get("x-panelcast-cache")
                .map(|v| v.to_str().unwrap()),
            cache
        );
        let csp = headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        for part in [
            "script-src 'self' 'nonce-",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "media-src 'self' blob:",
        ] {
            assert!(csp.contains(part), "{path}: {part} missing from {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        let nonce = csp_nonce(&csp);
        let page = response.text().await.unwrap();
        assert!(
            page.contains(&format!(" nonce=\"{nonce}\"")),
            "{path}: the page's scripts carry the header's nonce"
        );
        nonces.push(nonce);
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["referrer-policy"], "same-origin");
        assert_eq!(headers["x-frame-options"], "DENY");
        assert!(headers["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("camera=()"));
        assert!(
            headers.get("strict-transport-security").is_none(),
            "no HSTS over plain http"
        );
    }
    nonces.dedup();
    assert_eq!(
        nonces.len(),
        3,
        "every response has a fresh nonce: {nonces:?}"
    );
    // Responses that are not pages carry the fixed headers too.
    let response = anonymous
        .get(format!("{}/api/v1/meetings", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn a_webcast_on_another_site_is_allowed_by_that_meetings_policy_only() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let mut summons: MeetingSpec =
        reqwest::get(format!("{}/api/v1/meetings/{DEMO}/summons", app.base))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    summons.id = app::meeting::MeetingId::new("2031-02-03");
    summons.hearing = None;
    summons.webcast_url = Some("https://stream.example.org/live/panel.m3u8".into());
    let (status, body) = app.post_json(&clerk, "/api/v1/meetings", &summons).await;
    assert_eq!(status, 201, "{body}");
    let base = app.base.clone();
    let csp = |path: String| {
        let url = format!("{base}{path}");
        async move {
            let response = reqwest::get(url).await.unwrap();
            response.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned()
        }
    };
    let policy = csp("/meetings/2031-02-03".into()).await;
    assert!(
        policy.contains("media-src 'self' blob: https://stream.example.org;"),
        "{policy}"
    );
    assert!(
        policy.contains("https://stream.example.org; worker-src"),
        "connect-src for hls.js: {policy}"
    );
    assert!(!csp(format!("/meetings/{DEMO}"))
        .await
        .contains("stream.example.org"));
}

#[tokio::test]
async fn each_rate_limit_answers_429_with_retry_after_once_exceeded() {
    let app = spawn_app_with(|settings| {
        settings.security.rates = server::security::rate::RateSettings {
            sign_in_per_minute: 6,
            questions_per_minute: 2,
            ballots_per_minute: 3,
            clerk_per_minute: 2,
        };
    })
    .await;
    let retry_after = |headers: &reqwest::header::HeaderMap| -> u64 {
        headers["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .expect("whole seconds")
    };

    // Everyone this test needs signs in first: 4 of the 6 sign-in attempts this address has a minute.
    let chair = app.member("mike-hill").await;
    let asker = app.member("peter-fleming").await;
    let voter = app.member(&app.member_ids()[2]).await;
    let clerk = app.clerk().await;

    // Sign-in attempts per client address: junk tokens are refused (401) until the limit, then 429.
    let form = [("content-type", "application/x-www-form-urlencoded")];
    for _ in 0..2 {
        let junk = format!("token={}", "ab".repeat(32));
        let (status, _, _) = post_raw(&app, &cookie_client(), "/sign-in", &form, junk).await;
        assert_eq!(status, 401);
    }
    let (status, headers, body) =
        post_raw(&app, &cookie_client(), "/sign-in", &form, "token=00").await;
    assert_eq!(status, 429, "{body}");
    assert!((1..=20).contains(&retry_after(&headers)), "{headers:?}");
    assert!(
        body.contains("Too many sign-in attempts from this address"),
        "{body}"
    );

    // Questions per member (28 March 2017 takes questions).
    app.ok(&chair, MARCH, Command::OpenMeeting).await;
    let question = |n: u32| Command::SubmitQuestion {
        text: format!("Question number {n} about rural policing?"),
    };
    app.ok(&asker, MARCH, question(1)).await;
    app.ok(&asker, MARCH, question(2)).await;
    let before = app.log_len(MARCH).await;
    let (status, body) = app.command(&asker, MARCH, &question(3)).await;
    assert_eq!(status, 429, "{body}");
    assert_eq!(body["error"]["kind"], "too_many_requests");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("Too many questions from you"),
        "{body}"
    );
    let (status, body) = app
        .post_json(
            &asker,
            "/api/run_command",
            &json!({"meeting": MARCH, "command": question(4)}),
        )
        .await;
    assert_eq!(status, 429, "the server function too: {body}");
    assert_eq!(app.log_len(MARCH).await, before, "nothing was written");
    // Another member is not held back by this one.
    app.ok(&chair, MARCH, question(5)).await;

    // Ballots per member: attempts count, accepted or not (there is no vote 1 open here).
    for n in 0..3 {
        let (status, body) = app.command(&voter, DEMO, &ballot(format!("b{n}"))).await;
        assert_eq!(status, 409, "{body}");
    }
    let response = voter
        .post(format!("{}/api/v1/meetings/{DEMO}/commands", app.base))
        .json(&ballot("b4".into()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    assert!(retry_after(response.headers()) >= 1);

    // Sign-in links per clerk.
    let link = json!({"actor": {"role": "member", "member": "peter-feacey"}, "display_name": "Cllr Peter Feacey"});
    for _ in 0..2 {
        let (status, body) = app.post_json(&clerk, "/api/v1/sign-in-links", &link).await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, body) = app.post_json(&clerk, "/api/v1/sign-in-links", &link).await;
    assert_eq!(status, 429, "{body}");
}

#[tokio::test]
async fn metrics_are_for_loopback_or_the_bearer_of_the_token() {
    let open = spawn_app().await;
    let client = reqwest::Client::new();
    let url = format!("{}/metrics", open.base);
    assert_eq!(
        client.get(&url).send().await.unwrap().status(),
        200,
        "a direct loopback client"
    );
    let proxied = client
        .get(&url)
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .unwrap();
    assert_eq!(
        proxied.status(),
        404,
        "a request through a proxy is not the operator"
    );

    let guarded =
        spawn_app_with(|settings| settings.security.metrics_token = Some("s3cret-token".into()))
            .await;
    let url = format!("{}/metrics", guarded.base);
    assert_eq!(client.get(&url).send().await.unwrap().status(), 404);
    let wrong = client
        .get(&url)
        .bearer_auth("s3cret-tokem")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 404);
    let right = client
        .get(&url)
        .bearer_auth("s3cret-token")
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), 200);
    assert!(right.text().await.unwrap().contains("panelcast_"));
}
