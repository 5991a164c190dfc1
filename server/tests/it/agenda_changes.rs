//! The agenda after the summons over HTTP and the websocket, against the real server on port 0: a supplement
//! and a postponement reach a public viewer live and the list of meetings; a cancelled meeting refuses every
//! command with the rule's words (409), and its pages and links keep working with the notice.

use crate::common::*;
use app::meeting::{CivilDate, Command, ItemCode, PageRange, Timestamp};

/// The February 2020 budget meeting, whose item A1 has a paper to follow (S0:49).
const BUDGET: &str = "2020-02-06";

#[tokio::test]
async fn a_supplement_and_a_postponement_reach_the_public_live_and_the_list() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let mut public = app.connect(BUDGET).await;
    let mut follower = app::protocol::Follower::new();
    let (seq, _) = view_at_least(&mut public, &mut follower, 0).await;
    app.ok(
        &clerk,
        BUDGET,
        Command::PublishSupplement {
            item: ItemCode("A1".into()),
            pages: Some(PageRange { first: 1, last: 12 }),
        },
    )
    .await;
    // Well after any real clock: the year 2099.
    let to = Timestamp::from_london(CivilDate::new(2099, 2, 5), 14, 0);
    let last = app
        .ok(
            &clerk,
            BUDGET,
            Command::PostponeMeeting {
                starts_at: to,
                reason: Some("the precept figures are late".into()),
            },
        )
        .await;
    let (_, view) = view_at_least(&mut public, &mut follower, last.max(seq + 2)).await;
    let a1 = view
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .find(|i| i.code.0 == "A1")
        .unwrap();
    assert_eq!(a1.to_follow, None);
    assert_eq!(a1.paper_changes.len(), 1, "{:?}", a1.paper_changes);
    assert!(a1.paper_changes[0].contains("(Pages 1 - 12)"));
    assert_eq!(view.date, "Thursday 5 February 2099");
    assert!(view.postponement.as_deref().is_some_and(
        |n| n.ends_with("to Thursday 5 February 2099 at 14:00: the precept figures are late")
    ));
    let list: serde_json::Value = reqwest::get(format!("{}/api/v1/meetings", app.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list[0]["id"], BUDGET, "the latest date first: {list:?}");
    assert_eq!(list[0]["date"], "2099-02-05");
    assert_eq!(list[0]["upcoming"], true);
    assert!(
        list.iter()
            .filter(|m| m["id"] != BUDGET)
            .all(|m| m["upcoming"] == false),
        "a meeting whose day has passed is never upcoming: {list:?}"
    );
}

#[tokio::test]
async fn a_cancelled_meeting_refuses_every_command_and_keeps_its_pages() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let chair = app.chair().await;
    app.ok(
        &clerk,
        DEMO,
        Command::CancelMeeting {
            reason: "the candidate withdrew".into(),
        },
    )
    .await;
    let before = app.log_len(DEMO).await;
    for (client, command) in [
        (&chair, Command::OpenMeeting),
        (
            &clerk,
            Command::CancelMeeting {
                reason: "again".into(),
            },
        ),
        (
            &clerk,
            Command::PublishSupplement {
                item: ItemCode("A1".into()),
                pages: None,
            },
        ),
    ] {
        let (status, body) = app.command(client, DEMO, &command).await;
        assert_eq!(status, 409, "{command:?}: {body}");
        assert_eq!(
            body["message"],
            "This meeting was cancelled (the candidate withdrew), so nothing more can be done in it",
            "{body}"
        );
    }
    assert_eq!(app.log_len(DEMO).await, before, "nothing was written");
    for page in [
        format!("/meetings/{DEMO}"),
        format!("/meetings/{DEMO}/text"),
        "/".to_owned(),
    ] {
        let response = reqwest::get(format!("{}{page}", app.base)).await.unwrap();
        assert_eq!(response.status(), 200, "{page}");
        let body = response.text().await.unwrap();
        if page != format!("/meetings/{DEMO}/text") {
            assert!(
                body.contains("This meeting has been cancelled: the candidate withdrew"),
                "{page} shows the notice"
            );
        }
    }
}
