//! The summons rules, each tied to its field: a table of broken summonses, the hearing's three-week
//! report period against the meeting day (Sch 8 para 4(6)), and a property that `ScheduleMeeting`
//! refuses exactly when there is a problem, with the first problem's words.

use crate::common::*;
use app::demo::demo_spec;
use app::meeting::summons_check::{summons_problems, SummonsField};
use app::meeting::*;
use proptest::prelude::*;

fn december() -> MeetingSpec {
    demo_spec("2022-12-06").unwrap()
}

fn schedule(spec: MeetingSpec) -> Result<Vec<Event>, CommandError> {
    Meeting::default().decide(
        &clerk(),
        Command::ScheduleMeeting(Box::new(spec)),
        at(DEC_2022, 9, 0),
    )
}

#[test]
fn each_problem_is_tied_to_its_field_in_the_cores_words() {
    type Breaker = fn(&mut MeetingSpec);
    let table: [(Breaker, SummonsField, &str); 10] = [
        (
            |s| s.id = MeetingId::new(""),
            SummonsField::Id,
            "it needs an id and a title",
        ),
        (
            |s| s.id = MeetingId::new("Feb 2023"),
            SummonsField::Id,
            "lowercase letters, digits and hyphens",
        ),
        (
            |s| s.venue = " ".into(),
            SummonsField::Venue,
            "it needs the venue",
        ),
        (
            |s| s.commissioner = String::new(),
            SummonsField::Commissioner,
            "it needs the Commissioner's name",
        ),
        (
            |s| s.question_deadline = Some(Timestamp(s.starts_at.0 + 1)),
            SummonsField::QuestionDeadline,
            "close by the start",
        ),
        (
            |s| s.sections[2].items[1].code = ItemCode::new("B1"),
            SummonsField::Agenda,
            "item B1 appears twice",
        ),
        (
            |s| s.seats[1].id = SeatId::new("ashford"),
            SummonsField::Seats,
            "seat ashford appears twice",
        ),
        (
            |s| s.chair = Some(MemberId::new("nobody")),
            SummonsField::Chair,
            "the chair must hold a seat",
        ),
        (
            |s| s.webcast_url = Some("javascript:alert(1)".into()),
            SummonsField::Webcast,
            "https://",
        ),
        (
            |s| s.hearing.as_mut().unwrap().item = ItemCode::new("Z9"),
            SummonsField::Hearing,
            "item Z9 is not on the agenda",
        ),
    ];
    assert_eq!(summons_problems(&december()), []);
    for (breaker, field, words) in table {
        let mut spec = december();
        breaker(&mut spec);
        let problems = summons_problems(&spec);
        assert_eq!(problems.len(), 1, "{field:?}: {problems:?}");
        assert_eq!(problems[0].field, field);
        assert!(
            problems[0].message.contains(words),
            "{}",
            problems[0].message
        );
        assert_eq!(
            schedule(spec),
            Err(CommandError::InvalidSchedule {
                reason: problems[0].message.clone()
            })
        );
    }
}

#[test]
fn a_hearing_whose_report_is_due_before_the_meeting_is_refused_with_the_statutes_reason() {
    let mut spec = december();
    // Notified on 1 November 2022: the three weeks end on 21 November, before the meeting on 6 December.
    spec.hearing.as_mut().unwrap().notified_on = CivilDate::new(2022, 11, 1);
    let problems = summons_problems(&spec);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, SummonsField::Hearing);
    assert_eq!(
        problems[0].message,
        "the Panel must report on the proposed appointment within three weeks of being notified \
         (PRSRA 2011 Sch 8 para 4(6)); notified on 1 November 2022, it must report by 21 November 2022, \
         before this meeting on 6 December 2022"
    );
    // The last day of the period may be the meeting day itself: 16 November + 20 days = 6 December.
    spec.hearing.as_mut().unwrap().notified_on = CivilDate::new(2022, 11, 16);
    assert_eq!(summons_problems(&spec), []);
    spec.hearing.as_mut().unwrap().notified_on = CivilDate::new(2022, 11, 15);
    assert_eq!(summons_problems(&spec).len(), 1);
}

#[test]
fn questions_may_close_days_before_the_meeting() {
    let mut spec = december();
    spec.question_deadline = Some(Timestamp::from_london(CivilDate::new(2022, 12, 1), 17, 0));
    assert_eq!(summons_problems(&spec), []);
    assert!(schedule(spec).is_ok());
}

proptest! {
    #[test]
    fn scheduling_is_refused_exactly_when_there_is_a_problem_with_its_words(
        id in "[a-z0-9 -]{0,6}", venue in "[a-z ]{0,3}", notified in 0i64..60, deadline_shift in -3i64..3,
        chair in prop::sample::select(vec!["mike-hill", "nobody", ""]),
    ) {
        let mut spec = december();
        spec.id = MeetingId::new(id);
        spec.venue = venue;
        spec.hearing.as_mut().unwrap().notified_on = CivilDate::new(2022, 10, 20).plus_days(notified);
        spec.question_deadline = Some(Timestamp(spec.starts_at.0 + deadline_shift));
        spec.chair = (!chair.is_empty()).then(|| MemberId::new(chair));
        let problems = summons_problems(&spec);
        match schedule(spec) {
            Ok(_) => prop_assert!(problems.is_empty()),
            Err(CommandError::InvalidSchedule { reason }) => prop_assert_eq!(&reason, &problems[0].message),
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}
