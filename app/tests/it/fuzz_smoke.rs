//! A fuzz smoke of the parsers that take outside input in the core: commands as JSON and the summons (a
//! `ScheduleMeeting` command). Two generators: arbitrary bytes, and the samples of every command kind
//! (`demo::sample_commands`) with one JSON value replaced by an arbitrary one (a string of any characters, a
//! huge or negative number, null, a nested list). Whatever parses is decided by every actor on a live meeting
//! and, if accepted, applied. Nothing may panic; an accepted command must be within its limits and its events
//! must apply. (The websocket frame parser has its own in `server/src/ws/frames.rs`.) The number of cases is
//! `PROPTEST_CASES` (default 256 per property; docs/SECURITY.md records a longer run).

use crate::common::every_actor;
use app::demo::{demo_meeting, sample_commands};
use app::meeting::*;
use proptest::prelude::*;
use serde_json::Value;

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,80}".prop_map(Value::String),
        (1usize..9000).prop_map(|n| Value::String("é".repeat(n))),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer in `value` (objects' fields and lists' entries, the root included).
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields {
                pointers(field, format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
}

/// A live meeting: the 6 December 2022 one, opened and at A1, the chair present, a vote open.
fn live_meeting() -> Meeting {
    let mut meeting = demo_meeting("2022-12-06").unwrap();
    let now = Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 5);
    let chair = Actor::Member {
        member: MemberId::new("mike-hill"),
    };
    for command in [
        Command::OpenMeeting,
        Command::GoToItem {
            item: ItemCode::new("A1"),
        },
        Command::RecordAttendance {
            member: MemberId::new("mike-hill"),
            mark: AttendanceMark::Present,
        },
        Command::OpenVote {
            kind: VoteKind::GeneralResolution,
            motion: Some("That the report be noted".into()),
            item: None,
        },
    ] {
        let actor = if matches!(command, Command::RecordAttendance { .. }) {
            Actor::Clerk {
                name: "Anna Taylor".into(),
            }
        } else {
            chair.clone()
        };
        for event in meeting
            .decide(&actor, command, now)
            .expect("the set-up is allowed")
        {
            meeting.apply(&event);
        }
    }
    meeting
}

/// Decides `command` as every actor; accepted events must apply, and an accepted command be within limits.
fn decide_everything(meeting: &Meeting, command: &Command) {
    let now = Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 30);
    for actor in every_actor() {
        if let Ok(events) = meeting.decide(&actor, command.clone(), now) {
            assert_eq!(limits::check(command), Ok(()), "{command:?}");
            let mut after = meeting.clone();
            for event in &events {
                after.apply(event);
            }
            // The views still project, for the public and for the actor.
            let _ = project(&after, &Actor::Public);
            let _ = project(&after, &actor);
        }
    }
}

proptest! {

    #[test]
    fn arbitrary_bytes_never_panic_the_command_parser(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(command) = serde_json::from_slice::<Command>(&bytes) {
            decide_everything(&live_meeting(), &command);
        }
    }

    #[test]
    fn a_sample_command_with_any_value_anywhere_never_panics_decide_or_apply(
        kind in 0..CommandKind::ALL.len(),
        pick in any::<prop::sample::Index>(),
        replacement in any_json(),
    ) {
        let sample = &sample_commands()[kind];
        let mut json = serde_json::to_value(sample).unwrap();
        let mut all = Vec::new();
        pointers(&json, String::new(), &mut all);
        let at = pick.get(&all).clone();
        *json.pointer_mut(&at).unwrap() = replacement;
        if let Ok(command) = serde_json::from_value::<Command>(json) {
            decide_everything(&live_meeting(), &command);
            // A summons is also decided on an empty meeting, as `POST /api/v1/meetings` does.
            if let Command::ScheduleMeeting(_) = command {
                let _ = Meeting::default().decide(&Actor::System, command, Timestamp(0));
            }
        }
    }
}
