//! The public page in step with the webcast (docs/WEBCAST.md, "Live, in step with the video"): which held
//! changes are shown for a player position, as a table and as properties (moving the player forward never
//! hides a change again; with the switch on, or without a position, everything is shown; nothing is shown
//! before the player reaches it, except past the cap); and the view's date, through `decide` and `apply`.

use crate::common::*;
use app::meeting::in_step::{released, MAX_HELD};
use app::meeting::*;
use proptest::prelude::*;

fn ts(ms: i64) -> Option<Timestamp> {
    Some(Timestamp(ms))
}

#[test]
fn held_changes_are_shown_as_the_player_reaches_them() {
    let held = [ts(10), ts(20), None, ts(30), ts(40)];
    // (player, as they happen, how many shown)
    let table: &[(Option<i64>, bool, usize)] = &[
        (Some(0), false, 0),
        (Some(9), false, 0),
        (Some(10), false, 1),
        (Some(19), false, 1),
        // A change without a time goes with the one before it.
        (Some(20), false, 3),
        (Some(29), false, 3),
        (Some(30), false, 4),
        (Some(1_000), false, 5),
        // The switch "show changes as they happen".
        (Some(0), true, 5),
        (Some(25), true, 5),
        // No player position: no video, no date-times, a player not started.
        (None, false, 5),
        (None, true, 5),
    ];
    for &(player, now, expected) in table {
        assert_eq!(
            released(&held, player.map(Timestamp), now),
            expected,
            "player at {player:?}, as they happen: {now}"
        );
    }
}

#[test]
fn changes_are_shown_in_order_even_if_a_later_one_is_dated_earlier() {
    // Times come from one clock and only move forward, but the order of the log wins if they do not.
    let held = [ts(50), ts(10)];
    assert_eq!(released(&held, ts(20), false), 0);
    assert_eq!(released(&held, ts(50), false), 2);
    assert_eq!(released(&[], ts(50), false), 0);
}

#[test]
fn a_paused_player_holds_back_no_more_than_the_cap() {
    let held: Vec<_> = (0..MAX_HELD as i64 + 5).map(|i| ts(1_000 + i)).collect();
    assert_eq!(released(&held, ts(0), false), 5);
    assert_eq!(released(&held[..MAX_HELD], ts(0), false), 0);
}

#[test]
fn the_view_is_dated_by_its_latest_change_and_the_public_learn_nothing_from_a_private_session() {
    let mut s = Session::new("2022-12-06", at((2022, 12, 6), 9, 30));
    let scheduled = s.view(&Actor::Public).changed_at;
    s.attend(&["mike-hill"], AttendanceMark::Present);
    s.run(&chair(), Command::OpenMeeting);
    let opened = s.now;
    assert_eq!(s.view(&Actor::Public).changed_at, Some(opened.0));
    assert_ne!(scheduled, Some(opened.0));
    s.run(
        &chair(),
        Command::GoToItem {
            item: ItemCode("1".into()),
        },
    );
    let moved = s.now;
    assert_eq!(s.view(&Actor::Public).changed_at, Some(moved.0));
    assert_eq!(s.view(&chair()).changed_at, Some(moved.0));

    s.run(
        &chair(),
        Command::ExcludePublic {
            paragraph: 1,
            item: None,
        },
    );
    let excluded = s.now;
    s.run(
        &chair(),
        Command::GoToItem {
            item: ItemCode("2".into()),
        },
    );
    // Inside the room the view moves on; the public's stays dated by the exclusion.
    assert_eq!(s.view(&chair()).changed_at, Some(s.now.0));
    assert_eq!(s.view(&Actor::Public).changed_at, Some(excluded.0));
    s.run(&chair(), Command::ReturnToPublic);
    assert_eq!(s.view(&Actor::Public).changed_at, Some(s.now.0));
}

#[test]
fn every_timed_event_of_a_meeting_dates_the_meeting() {
    let mut s = Session::new("2022-12-06", at((2022, 12, 6), 9, 30));
    s.attend(&["mike-hill"], AttendanceMark::Present);
    s.run(&chair(), Command::OpenMeeting);
    let log = s.log.clone();
    let latest = log.iter().filter_map(Event::at).max();
    assert_eq!(s.meeting.last_at(), latest);
    assert!(
        log.iter().any(|e| e.at().is_none()),
        "the summons has no time"
    );
}

fn times() -> impl Strategy<Value = Vec<Option<Timestamp>>> {
    prop::collection::vec(
        prop::option::weighted(0.9, (0i64..1_000).prop_map(Timestamp)),
        0..40,
    )
    .prop_map(|mut times| {
        // Log order: timed changes never go backwards (one clock).
        let mut last = 0;
        for at in times.iter_mut().flatten() {
            last = last.max(at.0);
            at.0 = last;
        }
        times
    })
}

proptest! {
    #[test]
    fn moving_the_player_forward_never_hides_a_change(held in times(), a in 0i64..1_100, b in 0i64..1_100) {
        let (early, late) = (a.min(b), a.max(b));
        prop_assert!(released(&held, ts(early), false) <= released(&held, ts(late), false));
    }

    #[test]
    fn with_the_switch_on_or_no_player_everything_is_shown(held in times(), player in prop::option::of(0i64..1_100)) {
        prop_assert_eq!(released(&held, player.map(Timestamp), true), held.len());
        prop_assert_eq!(released(&held, None, false), held.len());
    }

    #[test]
    fn nothing_is_shown_before_the_player_reaches_it(held in times(), player in 0i64..1_100) {
        let shown = released(&held, ts(player), false);
        prop_assert!(shown <= held.len());
        for at in held[..shown].iter().flatten() {
            prop_assert!(at.0 <= player, "{:?} shown with the player at {}", at, player);
        }
        // And everything the player has reached is shown.
        if let Some(next) = held.get(shown) {
            prop_assert!(next.is_some_and(|at| at.0 > player));
        }
    }

    #[test]
    fn a_new_change_never_hides_one_already_shown(held in times(), extra in prop::option::of(0i64..1_100), player in 0i64..1_100) {
        let before = released(&held, ts(player), false);
        let mut more = held.clone();
        let last = held.iter().flatten().map(|t| t.0).max().unwrap_or(0);
        more.push(extra.map(|e| Timestamp(e.max(last))));
        prop_assert!(released(&more, ts(player), false) >= before);
    }
}
