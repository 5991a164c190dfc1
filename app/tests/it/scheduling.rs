//! Scheduling a meeting: the clerk issues the summons (seeds-brief §1.1); the core checks who asks and
//! whether the summons is sound, including the id that becomes the meeting's address.

use crate::common::*;
use app::demo::demo_specs;
use app::meeting::*;

/// The December 2022 summons under another id.
fn summons(id: &str) -> MeetingSpec {
    let mut spec = demo_specs()
        .into_iter()
        .find(|s| s.id.as_str() == "2022-12-06")
        .expect("the December 2022 demo meeting");
    spec.id = MeetingId::new(id);
    spec
}

fn schedule(actor: &Actor, spec: MeetingSpec) -> Result<Vec<Event>, CommandError> {
    Meeting::default().decide(
        actor,
        Command::ScheduleMeeting(Box::new(spec)),
        at(DEC_2022, 9, 0),
    )
}

#[test]
fn the_clerk_schedules_a_meeting_and_it_starts_scheduled_with_its_summons() {
    let spec = summons("2023-02-07");
    let events = schedule(&clerk(), spec.clone()).expect("the clerk may schedule");
    assert_eq!(events, vec![Event::MeetingScheduled(Box::new(spec))]);
    let mut meeting = Meeting::default();
    events.iter().for_each(|e| meeting.apply(e));
    assert_eq!(meeting.phase(), &Phase::Scheduled);
    assert_eq!(meeting.members().len(), 20);
    let again = meeting.decide(
        &clerk(),
        Command::ScheduleMeeting(Box::new(summons("2023-02-07"))),
        at(DEC_2022, 9, 0),
    );
    assert_eq!(again, Err(CommandError::AlreadyScheduled));
}

#[test]
fn only_the_clerk_schedules() {
    for actor in [
        chair(),
        member("peter-feacey"),
        Actor::Commissioner,
        Actor::Public,
    ] {
        let refusal = schedule(&actor, summons("2023-02-07")).expect_err("refused");
        assert!(
            matches!(
                refusal,
                CommandError::NotAllowed { .. } | CommandError::PublicCannotAct
            ),
            "{actor:?}: {refusal:?}"
        );
    }
}

#[test]
fn the_id_is_a_web_address_of_lowercase_letters_digits_and_hyphens() {
    let table = [
        ("2023-02-07", true),
        ("2023-02-07-reconvened", true),
        ("annual-2024", true),
        ("2023/02/07", false),
        ("2023-02-07 am", false),
        ("Feb-2023", false),
        ("-2023", false),
        ("../admin", false),
        ("réunion", false),
    ];
    for (id, ok) in table {
        let result = schedule(&clerk(), summons(id));
        match (ok, result) {
            (true, Ok(_)) => {}
            (false, Err(CommandError::InvalidSchedule { reason })) => {
                assert!(reason.contains("lowercase"), "{id}: {reason}")
            }
            (ok, other) => panic!("{id}: expected ok={ok}, got {other:?}"),
        }
    }
    // Longer than 64 characters: refused by the input limits, before the rules look at it.
    assert_eq!(
        schedule(&clerk(), summons(&"9".repeat(65)))
            .unwrap_err()
            .to_string(),
        "The meeting id is too long (at most 64 characters)"
    );
}
