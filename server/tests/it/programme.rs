//! The year's meeting dates and work programme: the store's contract for its log on both databases, and the
//! pages and API against the real server on port 0 — public reading, the clerk's import (preview first,
//! nothing written until confirmed), refused forms answered beside the field (422, never a 500), and the
//! agenda item scheduled from an entry shown on the programme.

use app::meeting::programme::{PlannedDate, ProgrammeEvent, ProgrammeRef, YearKey};
use app::meeting::time::CivilDate;
use app::meeting::{Actor, Timestamp};
use server::error::StoreError;

use crate::common::*;
use crate::store_contract::{contract, TestDb};

const PACK: &str = include_str!("../../../app/tests/fixtures/programme_2022-12-06.txt");

fn year() -> YearKey {
    YearKey::parse("2022/23").unwrap()
}

fn clerk_actor() -> Actor {
    Actor::Clerk {
        name: "Anna Taylor".into(),
    }
}

fn date_added(id: u32, day: u8) -> ProgrammeEvent {
    ProgrammeEvent::DateAdded {
        id,
        date: PlannedDate::Day {
            date: CivilDate::new(2023, 2, day),
        },
        time: Some((10, 0)),
        note: None,
        reserve: false,
    }
}

contract!(
    a_years_events_load_back_in_order_and_the_years_are_listed_latest_first,
    a_stale_programme_append_is_a_conflict_and_writes_nothing,
);

async fn a_years_events_load_back_in_order_and_the_years_are_listed_latest_first(db: &TestDb) {
    let store = &db.store;
    let opened = ProgrammeEvent::YearOpened { year: year() };
    let at = "2022-11-28T09:00:00Z";
    let seq = store
        .append_programme(
            &year(),
            0,
            &clerk_actor(),
            at,
            &[opened.clone(), date_added(0, 1)],
        )
        .await
        .expect("append");
    assert_eq!(seq, 2);
    let earlier = YearKey::parse("2020/21").unwrap();
    let other = ProgrammeEvent::YearOpened {
        year: earlier.clone(),
    };
    store
        .append_programme(&earlier, 0, &clerk_actor(), at, &[other])
        .await
        .expect("append");
    let log = store.load_programme(&year()).await.expect("load");
    let read: Vec<_> = log
        .iter()
        .map(|e| {
            (
                e.seq,
                e.event.clone(),
                e.actor.clone(),
                e.recorded_at.clone(),
            )
        })
        .collect();
    assert_eq!(
        read,
        vec![
            (1, opened, clerk_actor(), at.to_owned()),
            (2, date_added(0, 1), clerk_actor(), at.to_owned())
        ]
    );
    assert_eq!(
        store.programme_years().await.expect("years"),
        vec![year(), earlier]
    );
}

async fn a_stale_programme_append_is_a_conflict_and_writes_nothing(db: &TestDb) {
    let store = &db.store;
    let at = "2022-11-28T09:00:00Z";
    store
        .append_programme(
            &year(),
            0,
            &clerk_actor(),
            at,
            &[ProgrammeEvent::YearOpened { year: year() }],
        )
        .await
        .expect("append");
    let stale = store
        .append_programme(
            &year(),
            0,
            &clerk_actor(),
            at,
            &[date_added(0, 1), date_added(1, 2)],
        )
        .await;
    assert!(
        matches!(stale, Err(StoreError::Conflict { .. })),
        "{stale:?}"
    );
    assert_eq!(store.load_programme(&year()).await.expect("load").len(), 1);
    assert_eq!(
        store
            .append_programme(&year(), 1, &clerk_actor(), at, &[])
            .await
            .expect("empty"),
        1
    );
}

/// Posts a form to the year's page; the final status and body. A success is a 303 back to the page
/// (post, redirect, get), which this follows and checks.
async fn post_form(
    client: &reqwest::Client,
    app: &TestApp,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let response = client
        .post(format!("{}/programme/2022-23", app.base))
        .form(fields)
        .send()
        .await
        .expect("request");
    if response.status().as_u16() == 303 {
        let location = response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned();
        assert_eq!(location, "/programme/2022-23?saved=1");
        return get_page(client, app, &location).await;
    }
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn get_json(app: &TestApp, path: &str) -> serde_json::Value {
    let response = cookie_client()
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("request");
    response.json().await.expect("json")
}

async fn get_page(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// A server whose log starts empty (the demo writes two years' programmes).
async fn without_demo() -> TestApp {
    spawn_app_with(|settings| settings.seed_demo = false).await
}

#[tokio::test]
async fn the_demo_publishes_two_years_read_from_the_seeds() {
    let app = spawn_app().await;
    let (status, page) = get_page(&cookie_client(), &app, "/programme/2022-23").await;
    assert_eq!(status, 200);
    assert!(page.contains("Election of Vice-Chair"));
    let (_, page) = get_page(&cookie_client(), &app, "/programme/2020-21").await;
    assert!(page.contains("Tuesday 16 February 2021"));
    assert!(page.contains("Budget and Precept reserve date"));
}

#[tokio::test]
async fn nothing_is_public_until_the_clerk_writes_and_only_a_clerk_writes() {
    let app = without_demo().await;
    let public = cookie_client();
    assert_eq!(get_page(&public, &app, "/programme/2022-23").await.0, 404);
    assert_eq!(get_page(&public, &app, "/programme/next-year").await.0, 404);
    let (status, index) = get_page(&public, &app, "/programme").await;
    assert_eq!(status, 200);
    assert!(index.contains("No meeting dates have been published yet."));
    let add = [("action", "add-date"), ("date", "1 February 2023")];
    assert_eq!(post_form(&public, &app, &add).await.0, 403);
    let member = app.member("peter-feacey").await;
    assert_eq!(post_form(&member, &app, &add).await.0, 403);
    assert!(app
        .store
        .load_programme(&year())
        .await
        .expect("load")
        .is_empty());
}

#[tokio::test]
async fn the_clerk_imports_the_packs_programme_after_seeing_what_it_adds() {
    let app = without_demo().await;
    let clerk = app.clerk().await;
    let (status, preview) = post_form(&clerk, &app, &[("action", "import"), ("text", PACK)]).await;
    assert_eq!(status, 200);
    assert!(preview.contains("What the text would add"), "{preview}");
    assert!(preview.contains(
        "Wednesday 1 February 2023: Draft Plan and Precept Proposal | Statutory Requirement | PCC"
    ));
    assert!(preview.contains("Read from lines 109 to 136 of the text."));
    assert!(
        app.store
            .load_programme(&year())
            .await
            .expect("load")
            .is_empty(),
        "a preview writes nothing"
    );

    let (status, saved) = post_form(
        &clerk,
        &app,
        &[("action", "import"), ("confirm", "yes"), ("text", PACK)],
    )
    .await;
    assert_eq!(status, 200);
    assert!(saved.contains("Saved."));
    assert!(!app
        .store
        .load_programme(&year())
        .await
        .expect("load")
        .is_empty());

    let public = cookie_client();
    let (status, page) = get_page(&public, &app, "/programme/2022-23").await;
    assert_eq!(status, 200);
    for words in [
        "Wednesday 1 February 2023",
        "101 response times report",
        "Requested by the Panel/Offered by the Commissioner",
        "September 2023",
        "Performance and Delivery Board minutes (if available)",
    ] {
        assert!(page.contains(words), "{words}");
    }
    assert!(
        !page.contains("Change the programme"),
        "the public sees no forms"
    );
    let (_, text) = get_page(&public, &app, "/programme/2022-23/text").await;
    assert!(
        text.contains("\nPanel Annual Report\tRequested by the Panel\tPanel\n"),
        "{text}"
    );
    let (_, index) = get_page(&public, &app, "/programme").await;
    assert!(index.contains("href=\"/programme/2022-23\""));

    let (_, again) = post_form(&clerk, &app, &[("action", "import"), ("text", PACK)]).await;
    assert!(again.contains("Nothing new: everything in the text is already in the programme."));
}

#[tokio::test]
async fn a_refused_form_says_why_beside_the_field_and_keeps_what_was_typed() {
    let app = without_demo().await;
    let clerk = app.clerk().await;
    let (status, page) = post_form(
        &clerk,
        &app,
        &[
            ("action", "add-date"),
            ("date", "31 February 2023"),
            ("note", "Budget"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("There is a problem"));
    assert!(page.contains("<a href=\"#add-date-date\">&quot;31 February 2023&quot; is not a day of the calendar</a>"), "{page}");
    assert!(page.contains("id=\"add-date-date\" name=\"date\" type=\"text\" value=\"31 February 2023\" aria-describedby=\"add-date-date-hint add-date-date-error\" aria-invalid=\"true\""));
    assert!(page.contains("value=\"Budget\""));

    let add = [
        ("action", "add-date"),
        ("date", "1 Feb 2023"),
        ("time", "10.00 am"),
    ];
    assert_eq!(post_form(&clerk, &app, &add).await.0, 200);
    let (status, page) = post_form(&clerk, &app, &add).await;
    assert_eq!(status, 422);
    assert!(page.contains("Wednesday 1 February 2023 is already in the programme"));
    let (status, page) = post_form(
        &clerk,
        &app,
        &[
            ("action", "add-entry"),
            ("meeting", "0"),
            ("subject", "Update on Fraud"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("Update on Fraud"));
    let (status, page) = post_form(
        &clerk,
        &app,
        &[("action", "move-entry"), ("id", "1"), ("to", "999")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("There is no meeting date 999 in this programme"));
    assert!(page.contains("<select id=\"entry-1-to\" name=\"to\" aria-describedby=\"entry-1-to-error\" aria-invalid=\"true\">"), "{page}");
    let (status, page) = post_form(
        &clerk,
        &app,
        &[
            ("action", "add-entry"),
            ("meeting", "provisional"),
            ("subject", ""),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("Enter the subject"));
    let (status, _) = post_form(&clerk, &app, &[("action", "no-such-form")]).await;
    assert_eq!(status, 422);
    let huge = "a".repeat(3 * 2 * 1024 * 1024 + 100 * 1024);
    assert_eq!(
        post_form(&clerk, &app, &[("action", "import"), ("text", &huge)])
            .await
            .0,
        413
    );
    let big = "a".repeat(2 * 1024 * 1024 + 1);
    let (status, page) = post_form(&clerk, &app, &[("action", "import"), ("text", &big)]).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Panelcast reads packs of up to 2 MB"),
        "{}",
        &page[..500.min(page.len())]
    );
}

#[tokio::test]
async fn the_json_api_refuses_in_words_and_names_the_field() {
    let app = without_demo().await;
    let clerk = app.clerk().await;
    let path = "/api/v1/programme/2022-23/commands";
    let add = serde_json::json!({"type": "AddDate", "date": {"type": "Day", "date": {"year": 2023, "month": 2, "day": 1}}, "time": [10, 0]});
    let (status, body) = app.post_json(&cookie_client(), path, &add).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (
            403,
            Some("Only a clerk can change the meeting dates and work programme")
        )
    );
    assert_eq!(app.post_json(&clerk, path, &add).await.0, 200);
    let (status, body) = app.post_json(&clerk, path, &add).await;
    assert_eq!(status, 409);
    assert_eq!(body["field"], "date");
    assert_eq!(
        body["message"],
        "Wednesday 1 February 2023 is already in the programme"
    );
    let (status, _) = app
        .post_json(&clerk, path, &serde_json::json!({"type": "Nonsense"}))
        .await;
    assert_eq!(status, 400);
    let (status, _) = app
        .post_json(&clerk, "/api/v1/programme/2022-24/commands", &add)
        .await;
    assert_eq!(status, 404);
    let view: serde_json::Value = get_json(&app, "/api/v1/programme/2022-23").await;
    assert_eq!(view["seq"], 2);
    assert_eq!(
        view["programme"]["meetings"][0]["time"],
        serde_json::json!([10, 0])
    );
}

#[tokio::test]
async fn an_entry_put_on_an_agenda_shows_where_on_the_programme() {
    let app = without_demo().await;
    let clerk = app.clerk().await;
    post_form(
        &clerk,
        &app,
        &[("action", "import"), ("confirm", "yes"), ("text", PACK)],
    )
    .await;
    let on: serde_json::Value = get_json(&app, "/api/v1/programme/on/2023-02-01").await;
    assert_eq!(on["year"], "2022-23");
    let entry = on["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["subject"] == "Panel Annual Report")
        .expect("planned")
        .clone();
    assert_eq!(entry["on_agenda"], serde_json::json!([]));
    let none: serde_json::Value = get_json(&app, "/api/v1/programme/on/2023-02-02").await;
    assert_eq!(none, serde_json::Value::Null);
    assert_eq!(
        cookie_client()
            .get(format!("{}/api/v1/programme/on/soon", app.base))
            .send()
            .await
            .unwrap()
            .status(),
        400
    );

    let mut spec = app::demo::demo_spec("2020-02-06").expect("demo meeting");
    spec.id = app::meeting::MeetingId::new("2023-02-01");
    spec.starts_at = Timestamp::from_london(CivilDate::new(2023, 2, 1), 10, 0);
    let section = spec
        .sections
        .iter_mut()
        .rev()
        .find(|s| s.letter.is_some())
        .expect("a lettered section");
    let mut item = section.items.first().cloned().expect("an item");
    let code = format!(
        "{}{}",
        section.letter.clone().unwrap(),
        section.items.len() + 1
    );
    item.code = app::meeting::ItemCode::new(&code);
    item.title = "Panel Annual Report".into();
    item.from_programme = Some(ProgrammeRef {
        year: year(),
        entry: entry["id"].as_u64().unwrap() as u32,
    });
    section.items.push(item);
    let (status, body) = app
        .post_json(
            &clerk,
            "/api/v1/meetings",
            &serde_json::to_value(&spec).unwrap(),
        )
        .await;
    assert_eq!(status, 201, "{body}");

    let on: serde_json::Value = get_json(&app, "/api/v1/programme/on/1 February 2023").await;
    let entry = on["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["subject"] == "Panel Annual Report")
        .unwrap()
        .clone();
    assert_eq!(entry["on_agenda"][0]["meeting"]["id"], "2023-02-01");
    assert_eq!(entry["on_agenda"][0]["item"], code.as_str());
    let (_, page) = get_page(&cookie_client(), &app, "/programme/2022-23").await;
    assert!(
        page.contains(&format!(
            "<a href=\"/meetings/2023-02-01\">1 February 2023, item {code}</a>"
        )),
        "{page}"
    );
    assert!(
        page.contains("agenda and papers</a>"),
        "the date links to the meeting scheduled on it"
    );
}

#[tokio::test]
async fn a_form_posted_from_another_site_is_refused_and_writes_nothing() {
    let app = without_demo().await;
    let clerk = app.clerk().await;
    let response = clerk
        .post(format!("{}/programme/2022-23", app.base))
        .header("origin", "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .form(&[("action", "add-date"), ("date", "1 February 2023")])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 403);
    assert!(app
        .store
        .load_programme(&year())
        .await
        .expect("load")
        .is_empty());
}
