//! What the fuzz targets share: the meeting a command is tried on, the actors it is tried as, the checks that
//! follow an accepted command, and each target's seed corpus (written from the code's own samples and the test
//! fixtures, so that the corpus follows the code).
//!
//! A target is a binary in `src/bin/` built by `cargo afl build`; a crash is a panic (an overflow included: the
//! release profile here keeps overflow checks and debug assertions). docs/FUZZING.md says how to run them.

use std::path::Path;

use app::demo::{demo_meeting, sample_commands};
use app::meeting::*;

/// The server's websocket frame parser, compiled from the server's own source file: the server crate (axum,
/// sqlx, tokio) would otherwise be instrumented and linked into the target for this one pure module.
#[path = "../../server/src/ws/frames.rs"]
#[allow(dead_code)]
pub mod frames;

/// The integration tests' helpers: actors (one of every kind) and times on the meeting day.
#[path = "../../app/tests/it/common.rs"]
mod common;
pub use common::every_actor;
use common::{clerk, member};

/// A live meeting: the 6 December 2022 one, opened and at A1, the chair present, a general vote open.
pub fn live_meeting() -> Meeting {
    let mut meeting = demo_meeting("2022-12-06").expect("the 2022 demo meeting");
    let now = Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 5);
    let chair = member("mike-hill");
    let set_up = [
        (chair.clone(), Command::OpenMeeting),
        (
            chair.clone(),
            Command::GoToItem {
                item: ItemCode::new("A1"),
            },
        ),
        (
            clerk(),
            Command::RecordAttendance {
                member: MemberId::new("mike-hill"),
                mark: AttendanceMark::Present,
            },
        ),
        (
            chair,
            Command::OpenVote {
                kind: VoteKind::GeneralResolution,
                motion: Some("That the report be noted".into()),
                item: None,
            },
        ),
    ];
    for (actor, command) in set_up {
        for event in meeting
            .decide(&actor, command, now)
            .expect("the set-up is allowed")
        {
            meeting.apply(&event);
        }
    }
    meeting
}

/// Decides `command` on `meeting` as every actor. Whatever is accepted must be within its limits, its events
/// must apply, and the views must still project for the public and for the actor.
pub fn decide_everything(meeting: &Meeting, command: &Command) {
    let now = Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 30);
    for actor in every_actor() {
        if let Ok(events) = meeting.decide(&actor, command.clone(), now) {
            assert_eq!(
                limits::check(command),
                Ok(()),
                "accepted beyond its limits: {command:?}"
            );
            let mut after = meeting.clone();
            for event in &events {
                after.apply(event);
            }
            let _ = project(&after, &Actor::Public);
            let _ = project(&after, &actor);
        }
    }
}

/// Writes `(name, bytes)` seeds into `dir`, creating it.
pub fn write_seeds(dir: &Path, seeds: impl IntoIterator<Item = (String, Vec<u8>)>) {
    std::fs::create_dir_all(dir).expect("the corpus folder");
    for (name, bytes) in seeds {
        std::fs::write(dir.join(name), bytes).expect("a seed written");
    }
}

/// Every sample command as the wire carries it: the command alone (`POST .../commands`) and the server
/// function's arguments (`/api/run_command`).
pub fn command_seeds() -> Vec<(String, Vec<u8>)> {
    sample_commands()
        .iter()
        .enumerate()
        .flat_map(|(i, command)| {
            let alone = serde_json::to_vec(command).expect("a command serializes");
            let call = serde_json::to_vec(
                &serde_json::json!({ "meeting": "2022-12-06", "command": command }),
            )
            .expect("a call serializes");
            [
                (format!("command-{i:02}.json"), alone),
                (format!("call-{i:02}.json"), call),
            ]
        })
        .collect()
}

/// The sample summons (`POST /api/v1/meetings`) and the summons of every demo meeting.
pub fn summons_seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds: Vec<(String, Vec<u8>)> = sample_commands()
        .into_iter()
        .filter_map(|command| match command {
            Command::ScheduleMeeting(spec) => Some(spec),
            _ => None,
        })
        .map(|spec| {
            (
                "sample.json".to_owned(),
                serde_json::to_vec(&spec).expect("a spec serializes"),
            )
        })
        .collect();
    for (id, events) in app::demo::demo_meetings() {
        for event in events {
            if let Event::MeetingScheduled(spec) = event {
                let bytes = serde_json::to_vec(&spec).expect("a spec serializes");
                seeds.push((format!("demo-{}.json", id.as_str()), bytes));
            }
        }
    }
    seeds
}

/// `--seeds DIR` on a target's command line: write its seed corpus into DIR instead of fuzzing.
pub fn seeds_dir() -> Option<std::path::PathBuf> {
    let mut args = std::env::args_os().skip(1);
    (args.next()? == "--seeds").then(|| args.next().map(Into::into))?
}

/// An AFL dictionary of the JSON these seeds are made of: every field name and every short string value, quoted
/// as they appear on the wire (`"type"`, `"CastBallot"`), so that mutations can splice whole tokens.
pub fn json_dictionary(seeds: &[(String, Vec<u8>)]) -> Vec<u8> {
    fn walk(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::Object(fields) => {
                for (key, field) in fields {
                    out.insert(key.clone());
                    walk(field, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            serde_json::Value::String(text) if text.len() <= 32 => {
                out.insert(text.clone());
            }
            _ => {}
        }
    }
    let mut tokens = std::collections::BTreeSet::new();
    for (_, bytes) in seeds {
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) {
            walk(&value, &mut tokens);
        }
    }
    let mut dictionary = String::new();
    for token in tokens {
        // AFL's dictionary syntax: a quoted value with `\"`, `\\` and `\xNN` escapes, one per line.
        let quoted = serde_json::to_string(&token).expect("a string serializes");
        let mut line = String::from("\"");
        for byte in quoted.bytes() {
            match byte {
                b'"' | b'\\' => line.push_str(&format!("\\{}", byte as char)),
                0x20..=0x7e => line.push(byte as char),
                _ => line.push_str(&format!("\\x{byte:02x}")),
            }
        }
        line.push_str("\"\n");
        dictionary.push_str(&line);
    }
    dictionary.into_bytes()
}

/// Writes the seeds into `dir`, and for JSON targets their dictionary as `dir/../dictionary`.
pub fn write_corpus(dir: &Path, seeds: Vec<(String, Vec<u8>)>, json: bool) {
    if json {
        let dictionary = json_dictionary(&seeds);
        let parent = dir.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent).expect("the corpus folder");
        std::fs::write(parent.join("dictionary"), dictionary).expect("the dictionary written");
    }
    write_seeds(dir, seeds);
}
