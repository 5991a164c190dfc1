//! Meeting kinds over HTTP against the real server on port 0: the clerk schedules a Performance and
//! Delivery Board through the API, the Commissioner presides and runs it, and a Panel vote there is
//! refused in the rule's words (a 4xx, and nothing written).

use crate::common::*;
use app::demo::board2022;
use app::meeting::{Actor, Command, ItemCode, MeetingId, MeetingKind, VoteKind};
use app::protocol::ServerMsg;

const BOARD: &str = "2023-01-25-board";

#[tokio::test]
async fn a_board_is_scheduled_and_run_with_the_commissioner_presiding_and_a_panel_vote_is_refused()
{
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let mut summons = board2022::spec();
    summons.id = MeetingId::new(BOARD);
    let (status, body) = app.post_json(&clerk, "/api/v1/meetings", &summons).await;
    assert_eq!(status, 201, "{body}");

    let list: serde_json::Value = reqwest::get(format!("{}/api/v1/meetings", app.base))
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    let entry = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|m| m["id"] == BOARD)
        .cloned()
        .expect("the Board is listed");
    assert_eq!(entry["kind"], "performance_board");

    let commissioner = app.client_as(Actor::Commissioner, "Mr Matthew Scott").await;
    app.ok(&commissioner, BOARD, Command::OpenMeeting).await;
    app.ok(&commissioner, BOARD, Command::AdvanceAgenda).await;
    let before = app.log_len(BOARD).await;

    let vote = Command::OpenVote {
        kind: VoteKind::GeneralResolution,
        motion: Some("That the notes be agreed".into()),
        item: None,
    };
    let (status, body) = app.command(&commissioner, BOARD, &vote).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        body["message"],
        "At a Performance and Delivery Board nobody can open a vote: the Performance and Delivery \
         Board is the Commissioner's own meeting, held in public, where the Panel takes no vote and \
         has no veto (S4:1348, S4:2079)"
    );
    assert_eq!(app.log_len(BOARD).await, before, "nothing written");

    // A Panel member attends as a member of the public: he cannot vote or take the chair there.
    let chair_of_the_panel = app.chair().await;
    let (status, _) = app
        .command(&chair_of_the_panel, BOARD, &Command::OpenMeeting)
        .await;
    assert!((400..500).contains(&status), "{status}");

    app.ok(
        &commissioner,
        BOARD,
        Command::GoToItem {
            item: ItemCode::new("3"),
        },
    )
    .await;
    let mut socket = app.connect(BOARD).await;
    let ServerMsg::Snapshot { view, .. } = next_msg(&mut socket).await else {
        panic!("a snapshot first")
    };
    assert_eq!(view.kind, MeetingKind::PerformanceBoard);
    assert_eq!(view.presiding.as_deref(), Some("Mr Matthew Scott"));
    assert_eq!(view.current_item, Some(ItemCode::new("3")));
    app.ok(&commissioner, BOARD, Command::CloseMeeting).await;
}

#[tokio::test]
async fn a_board_summons_with_panel_seats_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    let clerk = app.clerk().await;
    let mut summons = board2022::spec();
    summons.id = MeetingId::new(BOARD);
    summons.seats = app::demo::demo_spec("2022-12-06").unwrap().seats;
    let (status, body) = app.post_json(&clerk, "/api/v1/meetings", &summons).await;
    assert!((400..500).contains(&status), "{status} {body}");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("has no Panel seats")),
        "{body}"
    );
    assert_eq!(app.log_len(BOARD).await, 0);
}
