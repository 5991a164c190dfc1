//! The hearing report page and its Markdown against the real server on port 0: a draft only the chair and
//! the clerk see, published to everyone once the chair reports, text from people escaped.

use crate::common::*;
use app::meeting::ids::{BallotId, ItemCode, VoteId};
use app::meeting::{
    vote::{Choice, VoteKind},
    AttendanceMark, Command, HearingStage, MemberId,
};

async fn status_and_text(client: &reqwest::Client, url: String) -> (u16, String) {
    let response = client.get(url).send().await.expect("GET");
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn the_report_is_a_draft_for_the_chair_and_clerk_then_public_once_reported() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    let public = reqwest::Client::new();
    let page = format!("{}/meetings/{DEMO}/hearing-report", app.base);
    let markdown = format!("{page}.md");

    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    for member in app.member_ids() {
        let (member, mark) = (MemberId(member), AttendanceMark::Present);
        app.ok(&clerk, DEMO, Command::RecordAttendance { member, mark })
            .await;
    }
    let item = ItemCode("A1".into());
    app.ok(&chair, DEMO, Command::GoToItem { item }).await;
    for stage in [
        HearingStage::Questions,
        HearingStage::PrivateDeliberation,
        HearingStage::Vote,
    ] {
        app.ok(&chair, DEMO, Command::SetHearingStage { stage })
            .await;
    }
    let (kind, motion, item) = (VoteKind::ChiefConstableVeto, None, None);
    app.ok(&chair, DEMO, Command::OpenVote { kind, motion, item })
        .await;
    let chair_id = app.chair_id();
    let voters = app.member_ids().into_iter().filter(|m| *m != chair_id);
    for member in voters.take(14) {
        let client = app.member(&member).await;
        let ballot = Command::CastBallot {
            vote: VoteId(1),
            choice: Choice::For,
            ballot_id: BallotId(format!("b-{member}")),
        };
        app.ok(&client, DEMO, ballot).await;
    }
    let (vote, casting_vote) = (VoteId(1), None);
    app.ok(&chair, DEMO, Command::CloseVote { vote, casting_vote })
        .await;
    let reasons = "The Panel was not satisfied <script>alert(1)</script> & said so".to_owned();
    app.ok(&clerk, DEMO, Command::RecordHearingReasons { reasons })
        .await;

    assert_eq!(status_and_text(&public, page.clone()).await.0, 404);
    assert_eq!(status_and_text(&public, markdown.clone()).await.0, 404);
    let (status, draft) = status_and_text(&chair, page.clone()).await;
    assert_eq!(status, 200);
    assert!(draft.contains("<strong>Draft.</strong>"), "{draft}");
    assert!(draft.contains("The Panel vetoes the proposed appointment of Mr Tim Smith"));
    assert!(draft.contains("3 × 14 = 42 ≥ 2 × 20 = 40"));
    assert!(draft.contains("not satisfied &lt;script&gt;alert(1)&lt;/script&gt; &amp; said so"));
    assert!(!draft.contains("<script>"));
    assert_eq!(status_and_text(&clerk, page.clone()).await.0, 200);

    app.ok(&chair, DEMO, Command::ReportHearing).await;
    let (status, published) = status_and_text(&public, page).await;
    assert_eq!(status, 200);
    assert!(!published.contains("Draft."));
    // The print stylesheet is a file this site serves (the CSP allows no inline style).
    assert!(published.contains("href=\"/styles/document.css\""));
    let (status, css) = status_and_text(&public, format!("{}/styles/document.css", app.base)).await;
    assert_eq!(status, 200);
    assert!(css.contains("@media print"));
    assert!(published.contains("the three weeks beginning with that day end on 18 December 2022"));
    let (status, md) = status_and_text(&public, markdown).await;
    assert_eq!(status, 200);
    assert!(md.starts_with(
        "# Report to the Police and Crime Commissioner: proposed appointment of Mr Tim Smith"
    ));
    assert!(md.contains("\\<script\\>"), "{md}");
}
