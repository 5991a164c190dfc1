//! A private session (LGA 1972 s100A(4), Sch 12A) at the server level: the public page (rendered and cached),
//! the public API and the public socket carry its banner and nothing of its business, while the chair's view
//! of the same moment has it (so these checks can fail).

use crate::common::*;
use app::meeting::{AttendanceMark, Command, ItemCode, MemberId, VoteKind};

const INTEREST: &str = "PRIVATE-INTEREST-7731: a relative applied for the post";
const MOTION: &str = "PRIVATE-MOTION-4410: that the references be noted";

#[tokio::test]
async fn nothing_of_a_private_session_reaches_the_public_page_api_or_socket() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    let chair_id = app.chair_id();
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    app.ok(
        &chair,
        DEMO,
        Command::ExcludePublic {
            paragraph: 1,
            item: None,
        },
    )
    .await;
    app.ok(
        &chair,
        DEMO,
        Command::GoToItem {
            item: ItemCode::new("A1"),
        },
    )
    .await;
    app.ok(
        &clerk,
        DEMO,
        Command::RecordAttendance {
            member: MemberId::new(&chair_id),
            mark: AttendanceMark::Present,
        },
    )
    .await;
    app.ok(
        &clerk,
        DEMO,
        Command::DeclareInterest {
            member: MemberId::new(&chair_id),
            item: ItemCode::new("A1"),
            interest: INTEREST.into(),
        },
    )
    .await;
    let seq = app
        .ok(
            &chair,
            DEMO,
            Command::OpenVote {
                kind: VoteKind::GeneralResolution,
                motion: Some(MOTION.into()),
                item: None,
            },
        )
        .await;

    // The chair, in the room, sees it all.
    let view_as = |client: reqwest::Client| {
        let url = format!("{}/api/v1/meetings/{DEMO}", app.base);
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let inside = view_as(chair.clone()).await;
    assert!(
        inside.contains(INTEREST) && inside.contains(MOTION),
        "{inside}"
    );

    let secret = |what: &str, text: &str| {
        for hidden in [INTEREST, MOTION, "PRIVATE-"] {
            assert!(!text.contains(hidden), "{what} shows {hidden:?}");
        }
    };
    let public = reqwest::Client::new();
    let api = view_as(public.clone()).await;
    secret("the public API", &api);
    let view: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert!(
        view["view"]["private_session"].is_string(),
        "the banner: {api}"
    );
    assert_eq!(view["view"]["votes"], serde_json::json!([]));
    assert!(view["view"]["current_item"].is_null());
    assert!(view["view"]["webcast_url"].is_null());

    // The page, rendered (a miss) and from the cache (a hit).
    for expected in ["miss", "hit"] {
        let response = public
            .get(format!("{}/meetings/{DEMO}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["x-panelcast-cache"], expected);
        let page = response.text().await.unwrap();
        secret("the public page", &page);
        assert!(page.contains("private session"), "the banner is shown");
    }

    // The public socket.
    let mut socket = app.connect(DEMO).await;
    let (got, snapshot) = snapshot_at_least(&mut socket, seq).await;
    assert_eq!(got, seq);
    secret(
        "the public socket",
        &serde_json::to_string(&snapshot).unwrap(),
    );
    assert!(snapshot.votes.is_empty() && snapshot.declarations.is_empty());
}
