//! The agenda after the summons (`agenda_changes.rs`): supplements, replaced papers, items withdrawn or
//! deferred before the meeting, postponement and cancellation. Each rule as a table of command, actor and
//! the refusal in the rule's words, then what every screen shows.

use crate::common::*;
use app::meeting::on_the_day::Aside;
use app::meeting::*;

const FEB_2020: (i32, u8, u8) = (2020, 2, 6);

/// The 6 February 2020 meeting (item A1 has "Appendix C … to follow", S0:49), a week before it opens.
fn budget_meeting() -> Session {
    Session::new("2020-02-06", at((2020, 1, 30), 9, 0))
}

/// The 6 December 2022 meeting, the day before, with no hearing report deadline in the way.
fn december_meeting() -> Session {
    Session::new("2022-12-06", at((2022, 12, 5), 9, 0))
}

fn item(code: &str) -> ItemCode {
    ItemCode::new(code)
}

fn pages(first: u32, last: u32) -> Option<PageRange> {
    Some(PageRange { first, last })
}

fn refusal(s: &mut Session, actor: &Actor, command: Command) -> String {
    match s.try_run(actor, command.clone()) {
        Ok(events) => panic!("{command:?} by {actor:?} was accepted: {events:?}"),
        Err(error) => error.to_string(),
    }
}

fn aside(code: &str, how: Aside, reason: &str) -> Command {
    Command::SetItemAside {
        item: item(code),
        aside: how,
        reason: reason.into(),
    }
}

#[test]
fn a_paper_to_follow_arrives_as_a_supplement_with_its_pages() {
    let mut s = budget_meeting();
    let supplement = Command::PublishSupplement {
        item: item("A1"),
        pages: pages(1, 12),
    };
    let events = s.run(&clerk(), supplement.clone());
    assert!(matches!(&events[..], [Event::SupplementPublished { .. }]));
    let public = s.view(&Actor::Public);
    let a1 = public
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .find(|i| i.code == item("A1"))
        .unwrap();
    assert_eq!(a1.to_follow, None, "the note gives way to the supplement");
    assert_eq!(
        a1.pages.as_deref(),
        Some("7-44"),
        "the item's own pages stay"
    );
    assert_eq!(
        a1.paper_changes,
        ["Supplement published on 30 January 2020 (Pages 1 - 12): Appendix C – Chief Finance Officer Reports to follow."]
    );
    // The paper has arrived: a second supplement is not a paper to follow.
    assert_eq!(
        refusal(&mut s, &clerk(), supplement),
        "Item A1 has no paper to follow: replace its papers instead"
    );
}

#[test]
fn papers_change_only_by_the_clerk_on_a_real_item_with_sane_pages() {
    let mut s = budget_meeting();
    #[rustfmt::skip]
    let cases: Vec<(Actor, Command, &str)> = vec![
        (chair(), Command::PublishSupplement { item: item("A1"), pages: None }, "Only the clerk can publish a supplement to the agenda"),
        (Actor::Public, Command::PublishSupplement { item: item("A1"), pages: None }, "Members of the public can follow the meeting but cannot change it"),
        (clerk(), Command::PublishSupplement { item: item("Z9"), pages: None }, "There is no agenda item Z9"),
        (clerk(), Command::PublishSupplement { item: item("A1"), pages: pages(12, 1) }, "Page numbers start at 1 and run forwards, e.g. 11 to 56"),
        (clerk(), Command::PublishSupplement { item: item("A1"), pages: pages(0, 3) }, "Page numbers start at 1 and run forwards, e.g. 11 to 56"),
        (clerk(), Command::PublishSupplement { item: item("1"), pages: None }, "Item 1 has no paper to follow: replace its papers instead"),
        (clerk(), Command::ReplaceItemPapers { item: item("A1"), pages: pages(7, 50), reason: "  ".into() }, "The reason for replacing the papers cannot be empty"),
        (member("ashley-clark"), Command::ReplaceItemPapers { item: item("A1"), pages: None, reason: "x".into() }, "Only the clerk can replace an item's papers"),
    ];
    for (actor, command, expected) in cases {
        assert_eq!(
            refusal(&mut s, &actor, command.clone()),
            expected,
            "{command:?}"
        );
    }
    s.run(
        &clerk(),
        Command::ReplaceItemPapers {
            item: item("A1"),
            pages: pages(7, 50),
            reason: "corrected precept figures".into(),
        },
    );
    let view = s.view(&member("ashley-clark"));
    let a1 = view
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .find(|i| i.code == item("A1"))
        .unwrap();
    assert_eq!(a1.pages.as_deref(), Some("7-50"));
    assert_eq!(
        a1.paper_changes,
        ["Papers replaced on 30 January 2020 (Pages 7 - 50): corrected precept figures"]
    );
}

#[test]
fn an_item_set_aside_before_the_meeting_keeps_its_place_and_cannot_be_taken() {
    let mut s = december_meeting();
    // Before the meeting opens the clerk (or the Chairman) may do it.
    s.run(
        &clerk(),
        aside("B3", Aside::Withdrawn, "the report is no longer needed"),
    );
    s.run(
        &chair(),
        aside("E1", Aside::Deferred, "to the February meeting"),
    );
    #[rustfmt::skip]
    let cases: Vec<(Actor, Command, &str)> = vec![
        (clerk(), aside("B3", Aside::Deferred, "again"), "Item B3 was withdrawn before the meeting, so it cannot be taken"),
        (clerk(), Command::ReplaceItemPapers { item: item("E1"), pages: None, reason: "new".into() }, "Item E1 was deferred before the meeting, so its papers cannot change"),
        (member("ashley-clark"), aside("B1", Aside::Deferred, "x"), "Only the chair or the clerk can withdraw or defer an item"),
        (clerk(), aside("B1", Aside::Deferred, " "), "The reason cannot be empty"),
    ];
    for (actor, command, expected) in cases {
        assert_eq!(
            refusal(&mut s, &actor, command.clone()),
            expected,
            "{command:?}"
        );
    }
    let public = s.view(&Actor::Public);
    let notes: Vec<_> = public
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter(|i| i.set_aside)
        .map(|i| (i.code.as_str().to_owned(), i.day_note.clone().unwrap()))
        .collect();
    assert_eq!(
        notes,
        [
            (
                "B3".to_owned(),
                "Withdrawn from the agenda on 5 December 2022: the report is no longer needed"
                    .to_owned()
            ),
            (
                "E1".to_owned(),
                "Deferred to a later meeting on 5 December 2022: to the February meeting"
                    .to_owned()
            ),
        ]
    );
    // On the day the chair moves past them, and only the chair may set another aside.
    s.now = at(DEC_2022, 10, 0);
    s.run(&chair(), Command::OpenMeeting);
    assert_eq!(
        refusal(
            &mut s,
            &clerk(),
            aside("B1", Aside::Deferred, "papers late")
        ),
        "During the meeting only the chair can withdraw or defer an item"
    );
    assert_eq!(
        refusal(&mut s, &chair(), Command::GoToItem { item: item("B3") }),
        "Item B3 was withdrawn before the meeting, so it cannot be taken"
    );
    s.run(&chair(), aside("B1", Aside::Deferred, "papers late"));
    let b1 = s.view(&Actor::Public);
    let b1 = b1
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .find(|i| i.code == item("B1"))
        .unwrap();
    assert_eq!(
        b1.day_note.as_deref(),
        Some("Deferred on the day: papers late")
    );
}

#[test]
fn a_postponed_meeting_moves_its_date_and_question_deadline_and_keeps_its_address() {
    let mut s = december_meeting();
    let before = s.meeting.info().unwrap().clone();
    let to = at((2022, 12, 8), 14, 0);
    s.run(
        &clerk(),
        Command::PostponeMeeting {
            starts_at: to,
            reason: Some("the venue is unavailable".into()),
        },
    );
    let info = s.meeting.info().unwrap();
    assert_eq!(info.id, before.id, "links keep working");
    assert_eq!(info.starts_at, to);
    let shift = to.0 - before.starts_at.0;
    assert_eq!(
        info.question_deadline,
        before.question_deadline.map(|d| Timestamp(d.0 + shift))
    );
    for viewer in [
        Actor::Public,
        chair(),
        clerk(),
        Actor::Commissioner,
        member("ashley-clark"),
    ] {
        let view = s.view(&viewer);
        assert_eq!(view.date, "Thursday 8 December 2022");
        assert_eq!(view.time, "14:00");
        assert_eq!(
            view.postponement.as_deref(),
            Some("This meeting was postponed from Tuesday 6 December 2022 at 10:00 to Thursday 8 December 2022 at 14:00: the venue is unavailable")
        );
    }
}

#[test]
fn postponing_is_refused_into_the_past_to_the_same_time_past_the_hearing_deadline_or_once_open() {
    let mut s = december_meeting();
    let postpone = |starts_at| Command::PostponeMeeting {
        starts_at,
        reason: None,
    };
    #[rustfmt::skip]
    let cases: Vec<(Actor, Command, &str)> = vec![
        (clerk(), postpone(at((2022, 12, 4), 10, 0)), "The meeting must be postponed to a time later than now"),
        (clerk(), postpone(at(DEC_2022, 10, 0)), "The meeting is already due to start then"),
        // Notified on 28 November 2022, the Panel reports by 18 December (PRSRA 2011 Sch 8 para 4(6)).
        (clerk(), postpone(at((2022, 12, 19), 10, 0)), "The Panel must report on the proposed appointment by 18 December 2022 (PRSRA 2011 Sch 8 para 4(6)), so the meeting cannot move to 19 December 2022"),
        (chair(), postpone(at((2022, 12, 8), 10, 0)), "Only the clerk can postpone the meeting"),
    ];
    for (actor, command, expected) in cases {
        assert_eq!(
            refusal(&mut s, &actor, command.clone()),
            expected,
            "{command:?}"
        );
    }
    s.now = at(DEC_2022, 10, 0);
    s.run(&chair(), Command::OpenMeeting);
    assert_eq!(
        refusal(&mut s, &clerk(), postpone(at((2022, 12, 8), 10, 0))),
        "The meeting has opened, so it cannot be postponed: adjourn it instead"
    );
    assert_eq!(
        refusal(
            &mut s,
            &clerk(),
            Command::CancelMeeting { reason: "x".into() }
        ),
        "The meeting has opened, so it cannot be cancelled: close it instead"
    );
}

#[test]
fn a_cancelled_meeting_accepts_no_command_from_anyone() {
    let mut s = december_meeting();
    assert_eq!(
        refusal(
            &mut s,
            &clerk(),
            Command::CancelMeeting { reason: "".into() }
        ),
        "The reason for cancelling the meeting cannot be empty"
    );
    s.run(
        &clerk(),
        Command::CancelMeeting {
            reason: "the candidate withdrew".into(),
        },
    );
    let public = s.view(&Actor::Public);
    assert_eq!(public.phase, "cancelled");
    assert_eq!(public.phase_label, "Cancelled");
    assert_eq!(
        public.cancellation.as_deref(),
        Some("This meeting has been cancelled: the candidate withdrew")
    );
    for sample in app::demo::sample_commands() {
        for actor in [
            clerk(),
            chair(),
            Actor::System,
            member("ashley-clark"),
            Actor::Commissioner,
        ] {
            let result = s.meeting.decide(&actor, sample.clone(), s.now);
            assert!(
                matches!(
                    result,
                    Err(CommandError::MeetingCancelled { .. } | CommandError::NotAllowed { .. })
                ),
                "{:?} by {actor:?}: {result:?}",
                sample.kind()
            );
        }
    }
    assert_eq!(
        refusal(&mut s, &chair(), Command::OpenMeeting),
        "This meeting was cancelled (the candidate withdrew), so nothing more can be done in it"
    );
}

#[test]
fn the_agenda_of_a_closed_meeting_cannot_change() {
    let mut s = Session::new("2020-02-06", at(FEB_2020, 13, 55));
    s.run(&chair(), Command::OpenMeeting);
    // During the meeting the clerk may still table a supplement.
    s.run(
        &clerk(),
        Command::PublishSupplement {
            item: item("A1"),
            pages: pages(1, 4),
        },
    );
    s.run(&chair(), Command::CloseMeeting);
    #[rustfmt::skip]
    let cases: Vec<(Actor, Command)> = vec![
        (clerk(), Command::ReplaceItemPapers { item: item("A1"), pages: None, reason: "typo".into() }),
        (clerk(), aside("A1", Aside::Withdrawn, "x")),
        (chair(), aside("A1", Aside::Withdrawn, "x")),
        (clerk(), Command::PostponeMeeting { starts_at: at((2020, 3, 1), 10, 0), reason: None }),
        (clerk(), Command::CancelMeeting { reason: "x".into() }),
    ];
    for (actor, command) in cases {
        assert_eq!(refusal(&mut s, &actor, command), "The meeting has closed");
    }
}

#[test]
fn replaying_the_log_rebuilds_every_change() {
    let mut s = budget_meeting();
    s.run(
        &clerk(),
        Command::PublishSupplement {
            item: item("A1"),
            pages: pages(1, 12),
        },
    );
    s.run(&clerk(), aside("B1", Aside::Deferred, "to March"));
    s.run(
        &clerk(),
        Command::PostponeMeeting {
            starts_at: at((2020, 2, 7), 10, 0),
            reason: None,
        },
    );
    s.run(
        &clerk(),
        Command::CancelMeeting {
            reason: "no quorum expected".into(),
        },
    );
    let json = serde_json::to_string(&s.log).unwrap();
    let log: Vec<Event> = serde_json::from_str(&json).unwrap();
    let mut replayed = Meeting::default();
    for event in &log {
        replayed.apply(event);
    }
    assert_eq!(replayed, s.meeting);
}
