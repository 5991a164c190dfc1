//! The record over HTTP against the real server on port 0: resolutions and minute-taking as
//! commands, the draft minutes seen by the clerk and chair only, publishing after close (idempotent,
//! versioned), the public page and Markdown download, and exempt text never reaching the public page,
//! the public API or the public websocket.

use crate::common::*;
use app::meeting::ids::ItemCode;
use app::meeting::{Command, HearingStage};
use app::protocol::Follower;

const SECRET: &str = "SECRET DELIBERATION on the references of the candidate";

fn item(code: &str) -> ItemCode {
    ItemCode(code.to_owned())
}

async fn get(client: &reqwest::Client, url: String) -> (u16, String) {
    let response = client.get(url).send().await.expect("GET");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

#[tokio::test]
async fn the_record_is_kept_published_and_exempt_text_never_reaches_the_public() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    let public = cookie_client();
    let mut socket = app.connect(DEMO).await;
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    app.ok(&chair, DEMO, Command::GoToItem { item: item("4") })
        .await;
    app.ok(
        &clerk,
        DEMO,
        Command::RecordResolution {
            item: item("4"),
            text: "RESOLVED that the minutes of the meeting held on 27 September 2022 were an accurate record and that they be signed by the Chairman.".into(),
        },
    )
    .await;
    // A resolution on an item that is not current is refused in the rule's words, and writes nothing.
    let before = app.log_len(DEMO).await;
    let (status, body) = app
        .command(
            &clerk,
            DEMO,
            &Command::RecordResolution {
                item: item("B1"),
                text: "RESOLVED that the report be noted.".into(),
            },
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("not current"),
        "{body}"
    );
    // A member may not write the minutes.
    let member = app.member("ashley-clark").await;
    let (status, _) = app
        .command(
            &member,
            DEMO,
            &Command::AddMinuteParagraph {
                item: item("4"),
                text: "x".into(),
            },
        )
        .await;
    assert_eq!(status, 403);
    assert_eq!(app.log_len(DEMO).await, before);

    // The hearing in private session, minuted by the clerk.
    app.ok(&chair, DEMO, Command::GoToItem { item: item("A1") })
        .await;
    app.ok(
        &chair,
        DEMO,
        Command::SetHearingStage {
            stage: HearingStage::Questions,
        },
    )
    .await;
    app.ok(
        &chair,
        DEMO,
        Command::ExcludePublic {
            paragraph: 1,
            item: Some(item("A1")),
        },
    )
    .await;
    app.ok(
        &clerk,
        DEMO,
        Command::AddMinuteParagraph {
            item: item("A1"),
            text: SECRET.into(),
        },
    )
    .await;
    app.ok(
        &clerk,
        DEMO,
        Command::RecordResolution {
            item: item("A1"),
            text: format!("RESOLVED {SECRET}"),
        },
    )
    .await;
    app.ok(&chair, DEMO, Command::ReturnToPublic).await;
    app.ok(&chair, DEMO, Command::GoToItem { item: item("B1") })
        .await;
    app.ok(
        &clerk,
        DEMO,
        Command::AddMinuteParagraph {
            item: item("B1"),
            text: "<b>The Commissioner</b> presented the update.".into(),
        },
    )
    .await;
    let last = app
        .ok(
            &clerk,
            DEMO,
            Command::RecordResolution {
                item: item("B1"),
                text: "RESOLVED that the report be noted.".into(),
            },
        )
        .await;

    // The public websocket: the open resolution arrives, the exempt text never does.
    let mut follower = Follower::new();
    let view = loop {
        let (seq, view) = next_view(&mut socket, &mut follower).await;
        let frame = serde_json::to_string(&view).unwrap();
        assert!(
            !frame.contains("SECRET"),
            "exempt text on the public socket at {seq}"
        );
        if seq >= last {
            break view;
        }
    };
    assert!(view
        .resolutions
        .iter()
        .any(|r| r.text == "RESOLVED that the report be noted."));
    let (_, api) = get(&public, format!("{}/api/v1/meetings/{DEMO}", app.base)).await;
    assert!(api.contains("RESOLVED that the report be noted.") && !api.contains("SECRET"));

    // Before publication: the public get a 404 sentence; the clerk and the chair see the draft.
    let (status, page) = get(&public, format!("{}/meetings/{DEMO}/minutes", app.base)).await;
    assert_eq!(status, 404);
    assert!(page.contains("have not been published yet"));
    let (status, draft) = get(&clerk, format!("{}/meetings/{DEMO}/minutes", app.base)).await;
    assert_eq!(status, 200);
    assert!(draft.contains("Draft minutes") && draft.contains(SECRET));
    assert!(
        draft.contains("&lt;b&gt;The Commissioner&lt;/b&gt;"),
        "plain text is escaped"
    );
    let (status, _) = get(&chair, format!("{}/meetings/{DEMO}/minutes.md", app.base)).await;
    assert_eq!(status, 200);

    // Publishing waits for the close; then it is idempotent and numbered.
    let (status, body) = app
        .command(
            &clerk,
            DEMO,
            &Command::PublishMinutes {
                continues_from: None,
            },
        )
        .await;
    assert_eq!(status, 409, "{body}");
    app.ok(&chair, DEMO, Command::CloseMeeting).await;
    app.ok(&clerk, DEMO, Command::SetFirstMinuteNumber { first: 65 })
        .await;
    let published = app
        .ok(
            &clerk,
            DEMO,
            Command::PublishMinutes {
                continues_from: Some(900),
            },
        )
        .await;
    let again = app
        .ok(
            &clerk,
            DEMO,
            Command::PublishMinutes {
                continues_from: None,
            },
        )
        .await;
    assert_eq!(
        again, published,
        "an unchanged draft is not published twice"
    );

    let (status, page) = get(&public, format!("{}/meetings/{DEMO}/minutes", app.base)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Published minutes, version 1"));
    assert!(page.contains("KENT AND MEDWAY POLICE AND CRIME PANEL"));
    assert!(
        page.contains("65. Minutes of the Police and Crime Panel held on 27 September 2022"),
        "the clerk's number is used, not the client's"
    );
    assert!(
        page.contains("EXEMPT ITEMS") && page.contains("paragraph 1 of Part 1 of Schedule 12A")
    );
    assert!(
        !page.contains("SECRET"),
        "exempt text on the public minutes page"
    );
    let (status, md) = get(&public, format!("{}/meetings/{DEMO}/minutes.md", app.base)).await;
    assert_eq!(status, 200);
    assert!(
        md.contains("**RESOLVED that the report be noted\\.**")
            || md.contains("**RESOLVED that the report be noted.**")
    );
    assert!(!md.contains("SECRET"));
    // The server-rendered pages: the public page links the published minutes; the console has the panel.
    let (status, html) = get(&public, format!("{}/meetings/{DEMO}", app.base)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Read the minutes (version 1)") && !html.contains("SECRET"));
    let (status, console) = get(&clerk, format!("{}/meetings/{DEMO}/console", app.base)).await;
    assert_eq!(status, 200);
    assert!(console.contains("id=\"minutes-heading\"") && console.contains("Publish the minutes"));
    let (_, meeting_page) = get(&public, format!("{}/api/v1/meetings/{DEMO}", app.base)).await;
    assert!(meeting_page.contains("\"minutes_version\":1"));

    // A correction after the close is a new version; the first stays readable.
    app.ok(
        &clerk,
        DEMO,
        Command::AddMinuteParagraph {
            item: item("B1"),
            text: "POST MEETING NOTE: the report was circulated.".into(),
        },
    )
    .await;
    app.ok(
        &clerk,
        DEMO,
        Command::PublishMinutes {
            continues_from: None,
        },
    )
    .await;
    let (_, v2) = get(&public, format!("{}/meetings/{DEMO}/minutes", app.base)).await;
    assert!(v2.contains("version 2") && v2.contains("POST MEETING NOTE"));
    let (_, v1) = get(
        &public,
        format!("{}/meetings/{DEMO}/minutes?version=1", app.base),
    )
    .await;
    assert!(v1.contains("version 1") && !v1.contains("POST MEETING NOTE"));
    let (status, _) = get(
        &public,
        format!("{}/meetings/{DEMO}/minutes?version=7", app.base),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = get(&public, format!("{}/meetings/no-such/minutes", app.base)).await;
    assert_eq!(status, 404);
}

/// Numbering and actions carry from one meeting to the next: the 6 February 2020 minutes, published, end
/// at the clerk's number; the 6 December 2022 draft starts one after; an action left open in 2020 is carried
/// on the 2022 register until it is marked done.
#[tokio::test]
async fn numbering_and_open_actions_carry_to_the_next_meeting() {
    const EARLIER: &str = "2020-02-06";
    let app = spawn_app().await;
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    let public = cookie_client();
    app.ok(&chair, EARLIER, Command::OpenMeeting).await;
    app.ok(&chair, EARLIER, Command::GoToItem { item: item("4") })
        .await;
    app.ok(
        &clerk,
        EARLIER,
        Command::RecordAction {
            item: item("4"),
            kind: app::meeting::action::ActionKind::CommissionerCommitment,
            text: "The Commissioner agreed to report back on 101 performance.".into(),
            owner: "The Commissioner".into(),
            due: "6 December 2022".into(),
        },
    )
    .await;
    app.ok(&chair, EARLIER, Command::CloseMeeting).await;
    app.ok(
        &clerk,
        EARLIER,
        Command::SetFirstMinuteNumber { first: 340 },
    )
    .await;
    app.ok(
        &clerk,
        EARLIER,
        Command::PublishMinutes {
            continues_from: None,
        },
    )
    .await;

    let (_, draft) = get(&clerk, format!("{}/meetings/{DEMO}/minutes.md", app.base)).await;
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    app.ok(&chair, DEMO, Command::GoToItem { item: item("4") })
        .await;
    let (_, draft_after) = get(&clerk, format!("{}/meetings/{DEMO}/minutes.md", app.base)).await;
    assert!(!draft.contains("### 341"), "nothing taken yet: {draft}");
    assert!(
        draft_after.contains("### 341\\. Minutes of the Police and Crime Panel"),
        "{draft_after}"
    );

    let register = |client: reqwest::Client| {
        let url = format!("{}/api/v1/meetings/{DEMO}/actions", app.base);
        async move {
            let (status, body) = get(&client, url).await;
            assert_eq!(status, 200);
            serde_json::from_str::<serde_json::Value>(&body).expect("JSON")
        }
    };
    let carried = register(public.clone()).await;
    assert_eq!(carried["carried"][0]["meeting"], EARLIER, "{carried}");
    assert_eq!(carried["carried"][0]["status"], "Open");
    assert_eq!(carried["carried"][0]["owner"], "The Commissioner");
    app.ok(&clerk, EARLIER, Command::MarkActionDone { action: 1 })
        .await;
    let after = register(public).await;
    assert_eq!(
        after["carried"].as_array().map(Vec::len),
        Some(0),
        "{after}"
    );
}
