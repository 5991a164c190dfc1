//! Property tests for the agenda after the summons (`agenda_changes.rs`): random sequences of supplements,
//! replaced papers, items set aside, postponements, cancellations, opening and closing, from random actors.
//!
//! Properties: replaying the log rebuilds the live state; no change ever removes an item from the printed
//! agenda; a postponement always moves the meeting to after the moment it was decided, and the question
//! deadline keeps its distance from the start; once cancelled, every command from every actor is refused;
//! once closed, no agenda change is accepted.

use crate::common::*;
use app::meeting::on_the_day::Aside;
use app::meeting::*;
use proptest::prelude::*;

const ITEMS: [&str; 6] = ["1", "A1", "B1", "C1", "D2", "Z9"];

fn actor(n: u8) -> Actor {
    match n % 5 {
        0 => Actor::Public,
        1 => chair(),
        2 => member("ashley-clark"),
        _ => clerk(),
    }
}

fn command(op: u8, a: u8, b: u8, now: Timestamp) -> Command {
    let item = ItemCode::new(ITEMS[usize::from(a) % ITEMS.len()]);
    let pages = (!b.is_multiple_of(3)).then(|| PageRange {
        first: u32::from(b % 7),
        last: u32::from(b / 7),
    });
    match op % 8 {
        0 => Command::PublishSupplement { item, pages },
        1 => Command::ReplaceItemPapers {
            item,
            pages,
            reason: ["", "corrected figures"][usize::from(b % 2)].into(),
        },
        2 => Command::SetItemAside {
            item,
            aside: if b.is_multiple_of(2) {
                Aside::Withdrawn
            } else {
                Aside::Deferred
            },
            reason: ["", "deferred to March"][usize::from(a % 2)].into(),
        },
        3 => Command::PostponeMeeting {
            // From a day before now to about ten days after.
            starts_at: Timestamp(now.0 + (i64::from(a) - 10) * 3_600_000 * i64::from(b % 8 + 1)),
            reason: b
                .is_multiple_of(2)
                .then(|| "the venue is unavailable".into()),
        },
        4 => Command::CancelMeeting {
            reason: ["", "no business"][usize::from(a % 2)].into(),
        },
        5 => Command::OpenMeeting,
        6 => Command::CloseMeeting,
        _ => Command::AdvanceAgenda,
    }
}

fn codes(meeting: &Meeting) -> Vec<ItemCode> {
    meeting.agenda().items().map(|i| i.code.clone()).collect()
}

fn is_agenda_change(kind: CommandKind) -> bool {
    matches!(
        kind,
        CommandKind::PublishSupplement
            | CommandKind::ReplaceItemPapers
            | CommandKind::SetItemAside
            | CommandKind::PostponeMeeting
            | CommandKind::CancelMeeting
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn agenda_changes_keep_the_agenda_and_respect_cancellation_and_closing(
        steps in prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>(), 0u16..600), 1..40),
    ) {
        let mut s = Session::new("2020-02-06", at((2020, 1, 30), 9, 0));
        let printed = codes(&s.meeting);
        let gap = |m: &Meeting| m.info().and_then(|i| i.question_deadline.map(|d| i.starts_at.0 - d.0));
        let first_gap = gap(&s.meeting);
        for (op, a, b, who, minutes) in steps {
            s.now = Timestamp(s.now.0 + i64::from(minutes) * 60_000);
            let command = command(op, a, b, s.now);
            let kind = command.kind();
            let who = actor(who);
            let cancelled = matches!(s.meeting.phase(), Phase::Cancelled { .. });
            let closed = matches!(s.meeting.phase(), Phase::Closed { .. });
            let before = s.meeting.clone();
            let now = s.now;
            let result = s.meeting.decide(&who, command, now);
            if cancelled {
                prop_assert!(matches!(
                    result,
                    Err(CommandError::MeetingCancelled { .. } | CommandError::NotAllowed { .. } | CommandError::PublicCannotAct)
                ), "{kind:?} accepted by a cancelled meeting: {result:?}");
            }
            if closed && is_agenda_change(kind) {
                prop_assert!(result.is_err(), "{kind:?} changed a closed meeting's agenda");
            }
            if let Ok(events) = result {
                for event in &events {
                    if let Event::MeetingPostponed { from, to, at, .. } = event {
                        prop_assert!(to > at, "postponed into the past");
                        prop_assert_eq!(Some(*from), before.info().map(|i| i.starts_at));
                    }
                    s.meeting.apply(event);
                    s.log.push(event.clone());
                }
            }
            prop_assert_eq!(codes(&s.meeting), printed.clone(), "an item left the printed agenda");
            prop_assert_eq!(gap(&s.meeting), first_gap, "the question deadline moved apart from the start");
        }
        let mut replayed = Meeting::default();
        for event in &s.log {
            replayed.apply(event);
        }
        prop_assert_eq!(replayed, s.meeting);
    }
}
