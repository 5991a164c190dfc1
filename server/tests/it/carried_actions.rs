//! Actions carried to the next meeting, against the real server on port 0: an action recorded at one
//! meeting is listed on the next meetings' register (API and server-rendered public page, whose cache follows
//! the earlier meeting's log), the clerk marks it done at a later meeting (the server fills in the action as
//! carried, whatever the client sent), every viewer's websocket sees the update, the later meeting's draft
//! minutes note it, and the meeting after that no longer gets it.

use crate::common::*;
use app::meeting::action::ActionKind;
use app::meeting::carried::CarriedAction;
use app::meeting::ids::{ItemCode, MeetingId};
use app::meeting::Command;
use app::protocol::Follower;

/// Three meetings of the same Panel, oldest first (demo meetings).
const FIRST: &str = "2017-03-28";
const SECOND: &str = "2020-02-06";
const THIRD: &str = DEMO;
const ACTION: &str = "The Commissioner agreed to report back on 101 call answering times.";

async fn get(client: &reqwest::Client, url: String) -> (u16, String) {
    let response = client.get(url).send().await.expect("GET");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

fn record(text: &str) -> Command {
    Command::RecordAction {
        item: ItemCode::new("4"),
        kind: ActionKind::CommissionerCommitment,
        text: text.into(),
        owner: "The Commissioner".into(),
        due: "6 February 2020".into(),
    }
}

#[tokio::test]
async fn an_action_is_carried_to_later_meetings_until_marked_done() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let public = cookie_client();
    let register = |client: reqwest::Client, meeting: &'static str| {
        let url = format!("{}/api/v1/meetings/{meeting}/actions", app.base);
        async move {
            let (status, body) = get(&client, url).await;
            assert_eq!(status, 200, "{body}");
            serde_json::from_str::<serde_json::Value>(&body).expect("JSON")
        }
    };
    app.ok(&clerk, FIRST, record(ACTION)).await;

    // Carried to both later meetings, and on the public page of each (served from the page cache, whose key
    // follows the earlier meeting's log too: a second action shows at once).
    for meeting in [SECOND, THIRD] {
        let r = register(public.clone(), meeting).await;
        assert_eq!(r["carried"][0]["meeting"], FIRST, "{r}");
        assert_eq!(r["carried"][0]["status"], "Open", "{r}");
        assert_eq!(r["carried"][0]["meeting_date"], "28 March 2017", "{r}");
    }
    let page = format!("{}/meetings/{SECOND}", app.base);
    let (status, html) = get(&public, page.clone()).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Actions from earlier meetings") && html.contains(ACTION),
        "{html}"
    );
    let (_, again) = get(&public, page.clone()).await;
    assert!(again.contains(ACTION));
    app.ok(&clerk, FIRST, record("A second action.")).await;
    let (_, after) = get(&public, page).await;
    assert!(
        after.contains("A second action."),
        "the cached page missed the earlier meeting's change"
    );

    // A forged action is not taken from the client: the server looks it up, finds none, and nothing is written.
    let before = app.log_len(SECOND).await;
    let forged = CarriedAction {
        meeting: MeetingId::new("no-such-meeting"),
        meeting_date: "1 January 2020".into(),
        action: 9,
        item: ItemCode::new("4"),
        minute: None,
        kind: ActionKind::PanelRequest,
        text: "Invented".into(),
        owner: "Nobody".into(),
        due: "Never".into(),
        exempt: false,
    };
    let (status, body) = app
        .command(
            &clerk,
            SECOND,
            &Command::UpdateCarriedAction {
                meeting: MeetingId::new("no-such-meeting"),
                action: 9,
                done: true,
                note: None,
                carried: Some(forged),
            },
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(app.log_len(SECOND).await, before);
    // A member may not update the register.
    let member = app.member("ashley-clark").await;
    let (status, _) = app
        .command(
            &member,
            SECOND,
            &Command::UpdateCarriedAction {
                meeting: MeetingId::new(FIRST),
                action: 1,
                done: true,
                note: None,
                carried: None,
            },
        )
        .await;
    assert_eq!(status, 403);

    // The clerk marks it done at the second meeting: every viewer's socket sees the update at once.
    let mut socket = app.connect(SECOND).await;
    let mut follower = Follower::new();
    let (start, view) = view_at_least(&mut socket, &mut follower, 0).await;
    assert_eq!(view.carried_updates, 0);
    let seq = app
        .ok(
            &clerk,
            SECOND,
            Command::UpdateCarriedAction {
                meeting: MeetingId::new(FIRST),
                action: 1,
                done: true,
                note: Some("Report received".into()),
                carried: None,
            },
        )
        .await;
    assert!(seq > start);
    let (_, view) = view_at_least(&mut socket, &mut follower, seq).await;
    assert_eq!(view.carried_updates, 1);
    let r = register(public.clone(), SECOND).await;
    assert_eq!(r["carried"][0]["status"], "Done", "{r}");
    assert_eq!(r["carried"][0]["note"], "Report received", "{r}");
    assert_eq!(r["carried"][1]["status"], "Open", "{r}");

    // The second meeting's draft minutes note it; the third meeting no longer gets it, only the other one.
    let (_, md) = get(&clerk, format!("{}/meetings/{SECOND}/minutes.md", app.base)).await;
    assert!(
        md.contains("The following updates on actions from earlier meetings were noted:")
            && md.contains("discharged – Report received"),
        "{md}"
    );
    let r = register(public, THIRD).await;
    let carried = r["carried"].as_array().expect("a list");
    assert_eq!(carried.len(), 1, "{r}");
    assert_eq!(carried[0]["text"], "A second action.", "{r}");
}
