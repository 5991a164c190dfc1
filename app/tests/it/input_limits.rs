//! Every text and id field of every command has a maximum (`app/src/meeting/limits.rs`), refused with a
//! sentence naming the field before anything is decided, so nothing reaches the log.
//!
//! The samples (`demo::sample_commands`, one per command kind, every optional field filled) are turned into
//! JSON; each string in them, one at a time, is replaced by a generated over-long value, and each list by one
//! longer than any list limit. Whatever still reads as a command must be refused by `decide`, for every
//! actor, with `TextTooLong`/`TooMany` and no events.

use crate::common::every_actor;
use app::demo::{demo_meeting, sample_commands};
use app::meeting::*;
use proptest::prelude::*;
use serde_json::Value;

/// Longer than every text limit (the longest is a minute paragraph's 8,000 characters).
const OVER_TEXT: std::ops::Range<usize> = 8_001..12_000;
/// Longer than every list limit (the longest is 300 agenda items).
const OVER_LIST: usize = 301;

/// Kinds that carry no text or id field a person types (only enums, numbers and counters).
const NO_TEXT: [CommandKind; 21] = [
    CommandKind::OpenMeeting,
    CommandKind::ResumeMeeting,
    CommandKind::CloseMeeting,
    CommandKind::ReturnToPublic,
    CommandKind::AdvanceAgenda,
    CommandKind::GoBackAgenda,
    CommandKind::AcceptQuestion,
    CommandKind::PutQuestion,
    CommandKind::PromiseWrittenAnswer,
    CommandKind::CloseVote,
    CommandKind::RecordShowOfHands,
    CommandKind::SetHearingStage,
    CommandKind::ReportHearing,
    CommandKind::RecordCommissionerResponse,
    CommandKind::MarkActionDone,
    CommandKind::SetFirstMinuteNumber,
    CommandKind::PublishMinutes,
    CommandKind::OpenElectionOfChair,
    CommandKind::HandBackChair,
    CommandKind::SetRecordingStart,
    CommandKind::NudgeChapter,
];

/// JSON pointers to every string and every array inside `value`.
fn leaves(value: &Value, at: String, strings: &mut Vec<String>, arrays: &mut Vec<String>) {
    match value {
        Value::String(_) => strings.push(at),
        Value::Array(items) => {
            arrays.push(at.clone());
            for (i, item) in items.iter().enumerate() {
                leaves(item, format!("{at}/{i}"), strings, arrays);
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields {
                leaves(field, format!("{at}/{key}"), strings, arrays);
            }
        }
        _ => {}
    }
}

/// Every actor is refused `command` for its size, and no event results.
fn assert_refused_for_size(meeting: &Meeting, command: &Command, pointer: &str) {
    for actor in every_actor() {
        let now = Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 30);
        match meeting.decide(&actor, command.clone(), now) {
            Err(
                error @ (CommandError::TextTooLong { .. } | CommandError::TooManyEntries { .. }),
            ) => {
                let message = error.to_string();
                assert!(
                    message.contains("too long (at most") || message.contains("too many"),
                    "{pointer}: {message}"
                );
            }
            other => panic!(
                "{:?} with {pointer} over its limit, by {actor:?}: {other:?}",
                command.kind()
            ),
        }
    }
}

#[test]
fn there_is_a_sample_of_every_command_kind_and_each_sample_is_within_its_limits() {
    let kinds: Vec<CommandKind> = sample_commands().iter().map(Command::kind).collect();
    assert_eq!(kinds, CommandKind::ALL.to_vec());
    for command in sample_commands() {
        assert_eq!(limits::check(&command), Ok(()), "{command:?}");
    }
}

/// The 1 MB ballot id of the issue's attack, and a value at each boundary.
#[test]
fn a_value_at_its_limit_is_accepted_and_one_character_more_is_refused() {
    let meeting = demo_meeting("2022-12-06").unwrap();
    let now = Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 30);
    let ballot = |id: String| Command::CastBallot {
        vote: VoteId(1),
        choice: Choice::For,
        ballot_id: BallotId::new(id),
    };
    let error = meeting
        .decide(&Actor::System, ballot("b".repeat(1 << 20)), now)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "The ballot id is too long (at most 64 characters)"
    );
    assert_eq!(
        limits::check(&ballot("é".repeat(limits::BALLOT_ID))),
        Ok(())
    );
    assert!(limits::check(&ballot("é".repeat(limits::BALLOT_ID + 1))).is_err());
    let adjourn = |reason: String| Command::AdjournMeeting { until: now, reason };
    assert_eq!(limits::check(&adjourn("r".repeat(limits::LINE))), Ok(()));
    assert_eq!(
        limits::check(&adjourn("r".repeat(limits::LINE + 1)))
            .unwrap_err()
            .to_string(),
        "The adjournment reason is too long (at most 500 characters)"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_over_long_field_of_every_command_is_refused_before_anything_is_decided(
        length in OVER_TEXT,
        unit in prop::sample::select(vec!["x", "é", "😀", " a", "\u{0}"]),
    ) {
        let meeting = demo_meeting("2022-12-06").unwrap();
        let long: String = unit.repeat(length).chars().take(length).collect();
        for sample in sample_commands() {
            let json = serde_json::to_value(&sample).unwrap();
            let (mut strings, mut arrays) = (Vec::new(), Vec::new());
            leaves(&json, String::new(), &mut strings, &mut arrays);
            let mut covered = 0;
            for pointer in &strings {
                let mut changed = json.clone();
                *changed.pointer_mut(pointer).unwrap() = Value::String(long.clone());
                // An enum's name or the command's tag no longer reads as a command: the JSON layer refuses it.
                let Ok(command) = serde_json::from_value::<Command>(changed) else { continue };
                covered += 1;
                assert_refused_for_size(&meeting, &command, pointer);
            }
            for pointer in &arrays {
                let mut changed = json.clone();
                let list = changed.pointer_mut(pointer).unwrap().as_array_mut().unwrap();
                let Some(first) = list.first().cloned() else { continue };
                list.resize(OVER_LIST, first);
                let command: Command = serde_json::from_value(changed).unwrap();
                assert_refused_for_size(&meeting, &command, pointer);
            }
            prop_assert_eq!(
                covered == 0,
                NO_TEXT.contains(&sample.kind()),
                "{:?}: {} text fields made over-long", sample.kind(), covered
            );
        }
    }
}
