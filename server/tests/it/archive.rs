//! The archive of a closed meeting against the real server on port 0, with a recording's playlist served over
//! HTTP by a second server on 127.0.0.1: the clerk's recording address (refused unless http(s)), the chapters
//! placed by the playlist's `#EXT-X-PROGRAM-DATE-TIME` tags in `chapters.vtt` and as `?t=` links on the public
//! page, and an unreadable playlist leaving a text list with the reason for the clerk only.

use crate::common::playlists::playlist;
use crate::common::*;
use app::meeting::chapters::link::{t_value, vtt_time};
use app::meeting::ids::ItemCode;
use app::meeting::{Command, Event};
use axum::{routing::get, Router};

/// Serves `recording` at `/recording.m3u8` and an HTML page at `/broken.m3u8`; returns the origin.
async fn serve_playlists(recording: String) -> String {
    let router = Router::new()
        .route("/recording.m3u8", get(move || async move { recording }))
        .route(
            "/broken.m3u8",
            get(|| async { "<html>not a playlist</html>" }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let origin = format!("http://{}", listener.local_addr().expect("an address"));
    tokio::spawn(async move { axum::serve(listener, router).await.expect("serves") });
    origin
}

async fn text(client: &reqwest::Client, url: &str) -> (u16, String) {
    let response = client.get(url).send().await.expect("GET");
    (
        response.status().as_u16(),
        response.text().await.expect("a body"),
    )
}

/// The instants the chair moved to each item, from the log.
async fn item_changes(app: &TestApp) -> Vec<(ItemCode, i64)> {
    app.store
        .load(&app::meeting::MeetingId(DEMO.to_owned()))
        .await
        .expect("the log")
        .into_iter()
        .filter_map(|stored| match stored.event {
            Event::CurrentItemChanged { item, at } => Some((item, at.0)),
            _ => None,
        })
        .collect()
}

/// The chair moves to `item`.
async fn go_to(app: &TestApp, chair: &reqwest::Client, item: &str) {
    let command = Command::GoToItem {
        item: ItemCode(item.into()),
    };
    app.ok(chair, DEMO, command).await;
}

#[tokio::test]
async fn a_closed_meetings_page_is_its_archive_with_chapters_placed_by_the_streams_date_times() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    let public = reqwest::Client::new();
    let start_ms = time::OffsetDateTime::now_utc().unix_timestamp() * 1000 - 20_000;
    let origin = serve_playlists(playlist(start_ms, 100)).await;

    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    let (status, _) = text(
        &public,
        &format!("{}/meetings/{DEMO}/chapters.vtt", app.base),
    )
    .await;
    assert_eq!(status, 404, "an open meeting has no archive yet");
    for item in ["1", "2", "A1"] {
        app.ok(
            &chair,
            DEMO,
            Command::GoToItem {
                item: ItemCode(item.into()),
            },
        )
        .await;
    }
    app.ok(&chair, DEMO, Command::CloseMeeting).await;

    let refused = Command::SetRecording {
        recording_url: Some("ftp://example.org/recording.m3u8".into()),
    };
    let (status, body) = app.command(&clerk, DEMO, &refused).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        body["message"],
        "The recording's address cannot be used: it must be a web address starting with http:// or https://"
    );
    let (status, _) = app
        .command(
            &chair,
            DEMO,
            &Command::SetRecording {
                recording_url: Some(format!("{origin}/recording.m3u8")),
            },
        )
        .await;
    assert_eq!(status, 403, "only the clerk sets the recording");
    app.ok(
        &clerk,
        DEMO,
        Command::SetRecording {
            recording_url: Some(format!("{origin}/recording.m3u8")),
        },
    )
    .await;

    let changes = item_changes(&app).await;
    let (status, vtt) = text(
        &public,
        &format!("{}/meetings/{DEMO}/chapters.vtt", app.base),
    )
    .await;
    assert_eq!(status, 200);
    assert!(vtt.starts_with("WEBVTT\n"), "{vtt}");
    for (item, at) in &changes {
        let cue = format!("{} --> ", vtt_time(at - start_ms));
        assert!(
            vtt.contains(&cue),
            "the cue of {item} starts at {cue}: {vtt}"
        );
    }
    assert!(
        vtt.contains("A1 Chief Constable Confirmation Hearing"),
        "{vtt}"
    );

    let (status, page) = text(&public, &format!("{}/meetings/{DEMO}", app.base)).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Meeting archive"),
        "the heading follows the meeting's state"
    );
    assert!(page.contains("data-archive"), "the recording's player");
    assert!(page.contains(&format!("{origin}/recording.m3u8")));
    let (a1, a1_at) = changes.last().expect("A1's change");
    assert_eq!(a1.0, "A1");
    assert!(page.contains(r#"id="item-A1""#));
    assert!(
        page.contains(&format!("?t={}", t_value(a1_at - start_ms))),
        "A1's ?t= link"
    );
    assert!(
        !page.contains("For the clerk"),
        "the public are not told the technical reason"
    );

    let (status, page) = text(
        &public,
        &format!(
            "{}/meetings/{DEMO}?t={}",
            app.base,
            t_value(a1_at - start_ms)
        ),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!("recording.m3u8#t={}", (a1_at - start_ms) / 1000)),
        "?t= starts the recording there, also without JavaScript"
    );
}

#[tokio::test]
async fn an_unreadable_playlist_leaves_a_text_list_and_tells_the_clerk_why() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    let origin = serve_playlists(String::new()).await;
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    go_to(&app, &chair, "A1").await;
    app.ok(&chair, DEMO, Command::CloseMeeting).await;
    app.ok(
        &clerk,
        DEMO,
        Command::SetRecording {
            recording_url: Some(format!("{origin}/broken.m3u8")),
        },
    )
    .await;

    let (status, page) = text(
        &reqwest::Client::new(),
        &format!("{}/meetings/{DEMO}", app.base),
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains(
        "The recording is not available yet. The items are listed with the times they began."
    ));
    assert!(page.contains("A1 Chief Constable Confirmation Hearing"));
    assert!(
        !page.contains("data-archive"),
        "no player for a recording that cannot be read"
    );
    assert!(!page.contains("For the clerk"));

    let (_, page) = text(&clerk, &format!("{}/meetings/{DEMO}", app.base)).await;
    assert!(page.contains("For the clerk"), "the clerk is told why");
    assert!(
        page.contains("it is not an HLS playlist (no #EXTM3U first line)"),
        "{page}"
    );

    let (status, vtt) = text(
        &clerk,
        &format!("{}/meetings/{DEMO}/chapters.vtt", app.base),
    )
    .await;
    assert_eq!((status, vtt.as_str()), (200, "WEBVTT\n"));
}

#[tokio::test]
async fn the_text_only_view_shows_the_state_the_agenda_and_the_log_as_the_public_may_know_them() {
    let app = spawn_app().await;
    let chair = app.chair().await;
    let public = reqwest::Client::new();
    let page = format!("{}/meetings/{DEMO}/text", app.base);
    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    go_to(&app, &chair, "A1").await;
    let (status, text_page) = text(&public, &page).await;
    assert_eq!(status, 200);
    assert!(
        text_page.contains("Now: A1 Chief Constable Confirmation Hearing"),
        "{text_page}"
    );
    assert!(text_page.contains("A1 Chief Constable Confirmation Hearing (now)"));
    assert!(
        text_page.contains(r#"http-equiv="refresh""#),
        "a live meeting's text refreshes itself"
    );
    assert!(!text_page.contains("<script"), "no JavaScript");

    app.ok(
        &chair,
        DEMO,
        Command::ExcludePublic {
            paragraph: 3,
            item: None,
        },
    )
    .await;
    go_to(&app, &chair, "B1").await;
    let (_, text_page) = text(&public, &page).await;
    assert!(text_page.contains("Item withheld: the public are excluded (Sch 12A para 3)"));
    assert!(text_page.contains("The public were excluded (Sch 12A para 3)"));
    assert!(
        !text_page.contains("Now: B1"),
        "an item reached in private is not in the public's log"
    );

    app.ok(&chair, DEMO, Command::ReturnToPublic).await;
    app.ok(&chair, DEMO, Command::CloseMeeting).await;
    let (_, text_page) = text(&public, &page).await;
    assert!(text_page.contains("The public were readmitted"));
    assert!(text_page.contains("Status: Closed"));
    assert!(!text_page.contains(r#"http-equiv="refresh""#));
    let (status, _) = text(
        &public,
        &format!("{}/meetings/no-such-meeting/text", app.base),
    )
    .await;
    assert_eq!(status, 404);
}
