//! The year's dates and work programme: who may change them and the rules of each change, one table row
//! per rule (`meeting::programme::decide`), and a property test that random sequences of the clerk's
//! changes keep the programme whole (ids unique, dates in order, no entry lost but by removal).

use app::meeting::programme::{
    decide, replay, EntryText, PlannedDate, Programme, ProgrammeCommand as C, ProgrammeEvent as E,
    ProgrammeRefusal as R, StandingList, YearKey, MAX_DATES, MAX_LIST_LINES,
};
use app::meeting::time::CivilDate;
use app::meeting::{Actor, MemberId};
use proptest::prelude::*;

fn year() -> YearKey {
    YearKey::parse("2020/21").unwrap()
}

fn clerk() -> Actor {
    Actor::Clerk {
        name: "Anna Taylor".into(),
    }
}

fn day(y: i32, m: u8, d: u8) -> PlannedDate {
    PlannedDate::Day {
        date: CivilDate::new(y, m, d),
    }
}

fn add_date(date: PlannedDate) -> C {
    C::AddDate {
        date,
        time: Some((10, 0)),
        note: None,
        reserve: false,
    }
}

fn text(subject: &str) -> EntryText {
    EntryText {
        subject: subject.into(),
        reason: "Requested by Panel".into(),
        author: "PCC".into(),
    }
}

/// Runs `commands` as the clerk, each of which must be accepted; the programme after them.
fn run(commands: &[C]) -> Programme {
    let mut events = Vec::new();
    for command in commands {
        let state = replay(&events);
        events.extend(decide(&state, &clerk(), &year(), command).expect("accepted"));
    }
    replay(&events)
}

/// What `command` does after `before`, as the clerk.
fn after(before: &[C], command: C) -> Result<Vec<E>, R> {
    decide(&run(before), &clerk(), &year(), &command)
}

#[test]
fn only_a_clerk_changes_the_programme() {
    for actor in [
        Actor::Public,
        Actor::Commissioner,
        Actor::Member {
            member: MemberId::new("mike-hill"),
        },
        Actor::System,
    ] {
        let refused = decide(
            &Programme::default(),
            &actor,
            &year(),
            &add_date(day(2020, 9, 8)),
        );
        assert_eq!(refused, Err(R::NotAllowed), "{actor:?}");
    }
    assert_eq!(
        R::NotAllowed.to_string(),
        "Only a clerk can change the meeting dates and work programme"
    );
}

#[test]
fn the_first_change_opens_the_year_and_later_ones_do_not() {
    let first = after(&[], add_date(day(2020, 9, 8))).unwrap();
    assert_eq!(first[0], E::YearOpened { year: year() });
    assert!(matches!(first[1], E::DateAdded { id: 0, .. }));
    let second = after(&[add_date(day(2020, 9, 8))], add_date(day(2020, 12, 8))).unwrap();
    assert!(matches!(second[..], [E::DateAdded { id: 1, .. }]));
}

/// (what was there, the request, the refusal's words).
#[test]
fn refusals_are_given_in_words_beside_their_field() {
    let sept = add_date(day(2020, 9, 8));
    let with_entries = [
        sept.clone(),
        C::AddEntry {
            meeting: Some(0),
            text: text("PCC's Accounts 2019/20"),
        },
        C::AddEntry {
            meeting: Some(0),
            text: text("Making offenders pay - progress"),
        },
    ];
    let cases: Vec<(Vec<C>, C, &str, Option<&str>)> = vec![
        (vec![sept.clone()], sept.clone(), "Tuesday 8 September 2020 is already in the programme", Some("date")),
        (vec![], add_date(day(2021, 2, 29)), "The date must be a day of the calendar, such as 8 September 2020, or a month such as September 2023", Some("date")),
        (vec![], add_date(PlannedDate::Month { year: 2023, month: 13 }), "The date must be a day of the calendar, such as 8 September 2020, or a month such as September 2023", Some("date")),
        (vec![], C::AddDate { date: day(2020, 9, 8), time: Some((24, 0)), note: None, reserve: false }, "The start time must be a time of day, such as 10:00", Some("time")),
        (with_entries.to_vec(), C::RemoveDate { id: 0 }, "2 items are planned for Tuesday 8 September 2020: move or remove them first", None),
        (vec![], C::AddEntry { meeting: Some(7), text: text("Update on Fraud") }, "There is no meeting date 7 in this programme", None),
        (vec![sept.clone()], C::AddEntry { meeting: Some(0), text: text("   ") }, "Enter the subject", Some("subject")),
        (vec![sept.clone()], C::AddEntry { meeting: Some(0), text: text(&"x".repeat(501)) }, "The subject must be 500 characters or fewer", Some("subject")),
        (vec![sept.clone()], C::AddEntry { meeting: Some(0), text: EntryText { author: "a".repeat(201), ..text("Update") } }, "The author must be 200 characters or fewer", Some("author")),
        (vec![], C::EditEntry { id: 3, text: text("Update") }, "There is no item 3 in this programme", None),
        (vec![sept.clone()], C::MoveEntry { id: 0, to: None }, "There is no item 0 in this programme", None),
        (vec![], C::SetList { list: StandingList::Standard, lines: vec!["Questions".into(); MAX_LIST_LINES + 1] }, "The programme can hold at most 30 lines in \"Standard items at each meeting\"", None),
    ];
    for (before, command, words, field) in cases {
        let refused = after(&before, command.clone()).expect_err(&format!("{command:?}"));
        assert_eq!(refused.to_string(), words, "{command:?}");
        assert_eq!(refused.field(), field, "{command:?}");
    }
}

#[test]
fn a_reserve_date_may_share_its_day_with_nothing_of_the_same_kind() {
    let reserve = C::AddDate {
        date: day(2021, 2, 16),
        time: Some((10, 0)),
        note: Some("Budget and Precept reserve date".into()),
        reserve: true,
    };
    let programme = run(&[add_date(day(2021, 2, 16)), reserve.clone()]);
    assert_eq!(programme.meetings.len(), 2);
    // On that day the meeting is the one that is not the reserve.
    let on_day = programme.on_day(CivilDate::new(2021, 2, 16)).unwrap();
    assert!(!on_day.reserve);
    assert_eq!(
        after(std::slice::from_ref(&reserve), reserve.clone()).unwrap_err(),
        R::DateTaken {
            date: "Tuesday 16 February 2021".into()
        }
    );
}

#[test]
fn entries_move_between_dates_and_the_provisional_list_and_keep_their_id() {
    let programme = run(&[
        add_date(day(2020, 9, 8)),
        add_date(day(2020, 12, 8)),
        C::AddEntry {
            meeting: None,
            text: text("Hate Crime Victim Satisfaction"),
        },
        C::MoveEntry { id: 2, to: Some(1) },
        C::EditEntry {
            id: 2,
            text: EntryText {
                author: "Kent Police".into(),
                ..text("Hate Crime Victim Satisfaction")
            },
        },
        C::AddEntry {
            meeting: Some(0),
            text: text("Update on Fraud"),
        },
        C::MoveEntry { id: 3, to: None },
        C::RemoveEntry { id: 3 },
        C::RemoveDate { id: 0 },
    ]);
    assert_eq!(programme.meetings.len(), 1);
    assert_eq!(programme.meetings[0].date, day(2020, 12, 8));
    assert_eq!(programme.meetings[0].entries.len(), 1);
    let (held_by, entry) = programme.entry(2).unwrap();
    assert_eq!(held_by.map(|m| m.id), Some(1));
    assert_eq!(
        (entry.subject.as_str(), entry.author.as_str()),
        ("Hate Crime Victim Satisfaction", "Kent Police")
    );
    assert!(programme.provisional.is_empty());
    assert_eq!(programme.next_id, 4);
}

#[test]
fn dates_are_kept_in_order_whatever_order_they_are_added_in() {
    let programme = run(&[
        add_date(day(2021, 2, 4)),
        add_date(PlannedDate::Month {
            year: 2020,
            month: 9,
        }),
        add_date(day(2020, 6, 18)),
        add_date(day(2020, 9, 8)),
        C::ChangeDate {
            id: 0,
            date: day(2020, 2, 6),
            time: Some((14, 0)),
            note: Some("Budget and Precept meeting".into()),
            reserve: false,
        },
    ]);
    let texts: Vec<String> = programme
        .meetings
        .iter()
        .map(|m| m.date.long_text())
        .collect();
    assert_eq!(
        texts,
        [
            "Thursday 6 February 2020",
            "Thursday 18 June 2020",
            "September 2020",
            "Tuesday 8 September 2020"
        ]
    );
}

#[test]
fn standing_lists_are_trimmed_and_blank_lines_dropped() {
    let programme = run(&[C::SetList {
        list: StandingList::Note,
        lines: vec![
            "  Commissioner's decisions ".into(),
            "".into(),
            "Performance and Delivery Board minutes\t(if available)".into(),
        ],
    }]);
    assert_eq!(
        programme.note,
        [
            "Commissioner's decisions",
            "Performance and Delivery Board minutes (if available)"
        ]
    );
}

#[test]
fn the_year_holds_at_most_forty_dates() {
    let dates: Vec<C> = (0..MAX_DATES as i64)
        .map(|n| {
            let date = CivilDate::new(2020, 6, 1).plus_days(n);
            add_date(PlannedDate::Day { date })
        })
        .collect();
    let refused = after(&dates, add_date(day(2021, 5, 1))).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "The programme can hold at most 40 meeting dates"
    );
}

fn command() -> impl Strategy<Value = C> {
    let date = (0i64..30).prop_map(|n| PlannedDate::Day {
        date: CivilDate::new(2020, 6, 1).plus_days(n * 7),
    });
    let subject = "[A-Z][a-z]{1,8}( [a-z]{1,6}){0,3}";
    prop_oneof![
        (date.clone(), any::<bool>()).prop_map(|(date, reserve)| C::AddDate {
            date,
            time: Some((10, 0)),
            note: None,
            reserve
        }),
        (0u32..12, date).prop_map(|(id, date)| C::ChangeDate {
            id,
            date,
            time: None,
            note: Some("moved".into()),
            reserve: false
        }),
        (0u32..12).prop_map(|id| C::RemoveDate { id }),
        (proptest::option::of(0u32..12), subject).prop_map(|(meeting, s)| C::AddEntry {
            meeting,
            text: text(&s)
        }),
        (0u32..24, proptest::option::of(0u32..12)).prop_map(|(id, to)| C::MoveEntry { id, to }),
        (0u32..24).prop_map(|id| C::RemoveEntry { id }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever the clerk does, accepted or refused: ids are unique, dates stay in order, and the entries
    /// held are exactly those added and not removed.
    #[test]
    fn the_programme_stays_whole(commands in proptest::collection::vec(command(), 1..60)) {
        let mut events = Vec::new();
        let (mut added, mut removed) = (0usize, 0usize);
        for command in &commands {
            let state = replay(&events);
            if let Ok(new) = decide(&state, &clerk(), &year(), command) {
                added += new.iter().filter(|e| matches!(e, E::EntryAdded { .. })).count();
                removed += new.iter().filter(|e| matches!(e, E::EntryRemoved { .. })).count();
                events.extend(new);
            }
        }
        let programme = replay(&events);
        let held = programme.provisional.len() + programme.meetings.iter().map(|m| m.entries.len()).sum::<usize>();
        prop_assert_eq!(held, added - removed);
        let mut ids: Vec<u32> = programme.meetings.iter().map(|m| m.id)
            .chain(programme.provisional.iter().map(|e| e.id))
            .chain(programme.meetings.iter().flat_map(|m| m.entries.iter().map(|e| e.id)))
            .collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), count);
        prop_assert!(ids.iter().all(|&id| id < programme.next_id));
        let keys: Vec<_> = programme.meetings.iter().map(|m| m.date.sort_key()).collect();
        prop_assert!(keys.windows(2).all(|w| w[0] <= w[1]));
        prop_assert_eq!(events.iter().filter(|e| matches!(e, E::YearOpened { .. })).count(), usize::from(!events.is_empty()));
    }
}
