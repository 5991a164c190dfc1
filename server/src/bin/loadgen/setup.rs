//! Getting ready: bench meetings seeded into the log before the server starts, sessions for the chair, the
//! clerk and the members (through real single-use sign-in links), and the roll taken.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use app::api::ssr::Identity;
use app::demo;
use app::meeting::{Actor, Event, MemberId};
use serde_json::json;
use server::{auth::Auth, clock, store::EventStore};

use crate::http::Http;

/// The demo meeting the scenarios drive.
pub const DEMO: &str = "2022-12-06";

/// `bench-000`, `bench-001`, …
pub fn bench_meeting(i: usize) -> String {
    format!("bench-{i:03}")
}

/// Appends `count` copies of the demo meeting (ids `bench-NNN`) to the log at `database_url`. Run it before
/// the server starts: the server replays the log at start. Meetings already there are left alone.
pub async fn prepare(database_url: &str, count: usize) -> anyhow::Result<()> {
    let store = EventStore::connect(database_url).await?;
    let existing = store.meeting_ids().await?;
    let (_, events) = demo::demo_meetings()
        .into_iter()
        .find(|(id, _)| id.as_str() == DEMO)
        .context("the demo meeting of 6 December 2022")?;
    for i in 0..count {
        let id = app::meeting::MeetingId(bench_meeting(i));
        if existing.contains(&id) {
            continue;
        }
        let copies: Vec<Event> = events
            .iter()
            .cloned()
            .map(|event| match event {
                Event::MeetingScheduled(mut spec) => {
                    spec.id = id.clone();
                    Event::MeetingScheduled(spec)
                }
                other => other,
            })
            .collect();
        store
            .append(
                &id,
                0,
                &Actor::System,
                &clock::rfc3339(clock::now()),
                &copies,
            )
            .await?;
    }
    println!("{count} bench meetings ready in {database_url}");
    Ok(())
}

/// Signed-in clients for the people of a meeting.
pub struct People {
    pub chair: Http,
    pub clerk: Http,
    /// Every member of the panel (the chair included), each with their own session.
    pub members: Vec<(String, Http)>,
}

/// Makes sign-in links in the server's own database (as `server sign-in-link` does) and redeems them.
pub async fn sign_in_people(
    target: SocketAddr,
    database_url: &str,
    meeting: &str,
) -> anyhow::Result<People> {
    let store = EventStore::connect(database_url).await?;
    let auth = Auth::new(
        &store,
        format!("http://{target}"),
        Duration::from_secs(3600),
        Duration::from_secs(12 * 3600),
        false,
    );
    let mut public = Http::new(target, None);
    let view = public.get(&format!("/api/v1/meetings/{meeting}")).await?;
    anyhow::ensure!(view.status == 200, "no meeting {meeting} on {target}");
    let roster = view.json()["view"]["roster"].clone();
    let mut chair_id = None;
    let mut members = Vec::new();
    for seat in roster.as_array().context("a roster")? {
        let Some(id) = seat["holder_id"].as_str() else {
            continue;
        };
        if seat["is_chair"].as_bool() == Some(true) {
            chair_id = Some(id.to_owned());
        }
        let actor = Actor::Member {
            member: MemberId(id.to_owned()),
        };
        members.push((id.to_owned(), session(&auth, target, actor, id).await?));
    }
    let chair_id = chair_id.context("the meeting has a chair")?;
    let chair = session(
        &auth,
        target,
        Actor::Member {
            member: MemberId(chair_id),
        },
        "Chair",
    )
    .await?;
    let clerk = session(
        &auth,
        target,
        Actor::Clerk {
            name: "Load Clerk".into(),
        },
        "Load Clerk",
    )
    .await?;
    Ok(People {
        chair,
        clerk,
        members,
    })
}

async fn session(
    auth: &Auth,
    target: SocketAddr,
    actor: Actor,
    name: &str,
) -> anyhow::Result<Http> {
    let url = auth
        .sign_in_url(&Identity {
            actor,
            display_name: name.to_owned(),
            signed_in: true,
        })
        .await?;
    let token = url.rsplit('/').next().context("a token in the link")?;
    let mut http = Http::new(target, None);
    http.sign_in(token).await?;
    Ok(http)
}

/// Opens the meeting and records every member present; refusals because it is already so are fine.
pub async fn open_and_take_roll(people: &mut People, meeting: &str) -> anyhow::Result<()> {
    let path = format!("/api/v1/meetings/{meeting}/commands");
    for (id, _) in &people.members {
        let mark = json!({"type": "RecordAttendance", "member": id, "mark": "present"});
        let reply = people.clerk.post_json(&path, &mark).await?;
        anyhow::ensure!(
            reply.status == 200 || reply.status == 409,
            "recording {id} present: {}",
            reply.status
        );
    }
    open_at_first_item(&mut people.chair, meeting).await
}

/// Opens a meeting and moves to its first item, so the agenda can then go forward and back; a meeting
/// already open answers 409 and is left where it is.
pub async fn open_at_first_item(chair: &mut Http, meeting: &str) -> anyhow::Result<()> {
    let path = format!("/api/v1/meetings/{meeting}/commands");
    let reply = chair
        .post_json(&path, &json!({"type": "OpenMeeting"}))
        .await?;
    match reply.status {
        200 => {
            chair
                .command(meeting, &json!({"type": "AdvanceAgenda"}))
                .await?;
            Ok(())
        }
        409 => Ok(()),
        status => anyhow::bail!(
            "opening {meeting}: {status} {} (bench meetings: run `loadgen prepare` before the server starts)",
            String::from_utf8_lossy(&reply.body)
        ),
    }
}
