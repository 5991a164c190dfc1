//! The actions register carried from meeting to meeting (`app::meeting::carried`): table tests of the
//! rules, of `UpdateCarriedAction` in `decide`, of the minutes' lines, and a property test that an action
//! is carried until it is marked done, never listed twice and never lost.

use crate::common::*;
use app::demo::demo_spec;
use app::meeting::action::ActionKind;
use app::meeting::carried::{carried_to, register_at, visible, RegisterEntry};
use app::meeting::*;
use proptest::prelude::*;

const DAY: i64 = 86_400_000;

/// Meeting `n` of one Panel: the December 2022 summons, `n` weeks after it, as the System schedules it.
fn panel_meeting(n: usize) -> Meeting {
    let mut spec = demo_spec("2022-12-06").expect("the December 2022 summons");
    spec.id = MeetingId::new(format!("panel-{n}"));
    spec.starts_at = Timestamp(spec.starts_at.0 + 7 * DAY * n as i64);
    spec.hearing = None;
    let mut meeting = Meeting::default();
    let now = spec.starts_at;
    for event in meeting
        .decide(
            &Actor::System,
            Command::ScheduleMeeting(Box::new(spec)),
            now,
        )
        .expect("scheduled")
    {
        meeting.apply(&event);
    }
    meeting
}

fn run(meeting: &mut Meeting, actor: &Actor, command: Command) -> Result<Vec<Event>, CommandError> {
    let now = meeting.info().map(|i| i.starts_at).unwrap_or_default();
    let events = meeting.decide(actor, command, now)?;
    events.iter().for_each(|e| meeting.apply(e));
    Ok(events)
}

fn record_action(meeting: &mut Meeting, text: &str) {
    run(
        meeting,
        &clerk(),
        Command::RecordAction {
            item: ItemCode::new("B1"),
            kind: ActionKind::CommissionerCommitment,
            text: text.into(),
            owner: "The Commissioner".into(),
            due: "the next meeting".into(),
        },
    )
    .expect("recorded");
}

/// `UpdateCarriedAction` as the server sends it: with the action as the register carries it.
fn update(
    earlier: &[Meeting],
    meeting: &mut Meeting,
    from: &str,
    action: u32,
    done: bool,
    note: Option<&str>,
) -> Result<Vec<Event>, CommandError> {
    let from = MeetingId::new(from);
    let carried = carried_to(earlier)
        .into_iter()
        .find(|e| e.action.is(&from, action))
        .map(|e| e.action);
    run(
        meeting,
        &clerk(),
        Command::UpdateCarriedAction {
            meeting: from,
            action,
            done,
            note: note.map(str::to_owned),
            carried,
        },
    )
}

fn keys(register: &[RegisterEntry]) -> Vec<(String, u32)> {
    register
        .iter()
        .map(|e| (e.action.meeting.as_str().to_owned(), e.action.action))
        .collect()
}

#[test]
fn an_open_action_is_carried_until_marked_done_at_a_later_meeting() {
    let mut first = panel_meeting(0);
    record_action(
        &mut first,
        "He agreed to report back to the Panel on the progress made.",
    );
    let mut second = panel_meeting(1);
    let carried = carried_to([&first]);
    assert_eq!(keys(&carried), vec![("panel-0".to_owned(), 1)]);
    assert_eq!(carried[0].action.owner, "The Commissioner");
    assert_eq!(carried[0].action.source(), "Item B1 of 6 December 2022");
    assert!(!carried[0].done);

    let earlier = [first];
    let events = update(
        &earlier,
        &mut second,
        "panel-0",
        1,
        true,
        Some("Report received"),
    )
    .unwrap();
    assert_eq!(events.len(), 1);
    // The meeting that marked it done still shows it, marked done; the next one no longer gets it.
    let here = register_at(&earlier, &second);
    assert!(here[0].done && here[0].updated_here, "{here:?}");
    assert_eq!(here[0].note.as_deref(), Some("Report received"));
    let [first] = earlier;
    assert!(carried_to([&first, &second]).is_empty());
}

#[test]
fn a_note_keeps_an_action_open_and_travels_with_it() {
    let mut first = panel_meeting(0);
    record_action(&mut first, "A breakdown of 101 call times.");
    let mut second = panel_meeting(1);
    let earlier = vec![first];
    update(
        &earlier,
        &mut second,
        "panel-0",
        1,
        false,
        Some("Due in February"),
    )
    .unwrap();
    let mut all = earlier;
    all.push(second);
    let carried = carried_to(&all);
    assert_eq!(keys(&carried), vec![("panel-0".to_owned(), 1)]);
    assert_eq!(carried[0].note.as_deref(), Some("Due in February"));
    assert!(!carried[0].updated_here && !carried[0].done);
}

#[test]
fn actions_done_at_their_own_meeting_are_not_carried() {
    let mut first = panel_meeting(0);
    record_action(&mut first, "One");
    record_action(&mut first, "Two");
    run(&mut first, &clerk(), Command::MarkActionDone { action: 1 }).unwrap();
    assert_eq!(keys(&carried_to([&first])), vec![("panel-0".to_owned(), 2)]);
}

#[test]
fn an_update_names_an_action_carried_here_or_is_refused() {
    let mut first = panel_meeting(0);
    record_action(&mut first, "One");
    let mut second = panel_meeting(1);
    let earlier = [first];
    let unknown = |r: Result<Vec<Event>, CommandError>| {
        assert!(
            matches!(r, Err(CommandError::UnknownAction { .. })),
            "{r:?}"
        );
    };
    // Not in the register (the server found nothing), another meeting's, or this meeting's own.
    unknown(update(&earlier, &mut second, "panel-0", 2, true, None));
    unknown(update(&earlier, &mut second, "panel-7", 1, true, None));
    let carried = carried_to(&earlier).remove(0).action;
    let own = run(
        &mut second,
        &clerk(),
        Command::UpdateCarriedAction {
            meeting: MeetingId::new("panel-1"),
            action: 1,
            done: true,
            note: None,
            carried: Some(carried.clone()),
        },
    );
    unknown(own);
    // A member may not; the public may not.
    let by = |actor: &Actor, second: &mut Meeting| {
        run(
            second,
            actor,
            Command::UpdateCarriedAction {
                meeting: MeetingId::new("panel-0"),
                action: 1,
                done: true,
                note: None,
                carried: Some(carried.clone()),
            },
        )
    };
    assert!(matches!(
        by(&member("ashley-clark"), &mut second),
        Err(CommandError::NotAllowed { .. })
    ));
    assert!(matches!(
        by(&Actor::Public, &mut second),
        Err(CommandError::PublicCannotAct)
    ));
    assert!(by(&chair(), &mut second).is_ok());
    // The same status and note again writes nothing.
    assert_eq!(by(&chair(), &mut second).unwrap(), vec![]);
    assert_eq!(
        update(&earlier, &mut second, "panel-0", 1, true, Some("  ")).unwrap(),
        vec![]
    );
    // Keeping an untouched action open with no note changes nothing either.
    let mut third = panel_meeting(2);
    assert_eq!(
        update(&earlier, &mut third, "panel-0", 1, false, None).unwrap(),
        vec![]
    );
    // An over-long note is refused before anything is decided.
    let long = "x".repeat(4001);
    assert!(matches!(
        update(&earlier, &mut third, "panel-0", 1, false, Some(&long)),
        Err(CommandError::TextTooLong { .. })
    ));
}

#[test]
fn an_action_of_an_exempt_item_is_for_the_chair_and_the_clerk_only() {
    let mut first = panel_meeting(0);
    run(&mut first, &chair(), Command::OpenMeeting).unwrap();
    run(
        &mut first,
        &chair(),
        Command::ExcludePublic {
            paragraph: 1,
            item: Some(ItemCode::new("B1")),
        },
    )
    .unwrap();
    record_action(&mut first, "A confidential briefing.");
    let register = carried_to([&first]);
    assert!(register[0].action.exempt);
    assert_eq!(visible(register.clone(), Role::Public).len(), 0);
    assert_eq!(visible(register.clone(), Role::Member).len(), 0);
    assert_eq!(visible(register.clone(), Role::Clerk).len(), 1);
    assert_eq!(visible(register, Role::Chair).len(), 1);
}

#[test]
fn the_minutes_note_the_updates_under_the_minutes_of_the_previous_meeting() {
    let mut first = panel_meeting(0);
    record_action(
        &mut first,
        "He agreed to report back to the Panel on the progress made.",
    );
    let mut second = panel_meeting(1);
    let earlier = [first];
    update(
        &earlier,
        &mut second,
        "panel-0",
        1,
        true,
        Some("Covered in the Making Kent Safer paper."),
    )
    .unwrap();
    let md = minutes::markdown::render(&minutes::draft(&second, None));
    let at = md.find("Minutes of the").expect("item 4 is minuted");
    let line = md.find("He agreed to report back to the Panel on the progress made (The Commissioner; Item B1 of 6 December 2022, due the next meeting): discharged – Covered in the Making Kent Safer paper").unwrap_or_else(|| panic!("{md}"));
    assert!(at < line, "{md}");
    assert!(md.contains("The following updates on actions from earlier meetings were noted:"));
}

/// One meeting of a generated history: how many actions it records, which of them it marks done itself, and
/// for each action carried to it, whether it marks it done (`Some(true)`), notes it open or leaves it.
#[derive(Clone, Debug)]
struct Plan {
    actions: u32,
    own_done: Vec<bool>,
    reviews: Vec<Option<bool>>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        0u32..4,
        proptest::collection::vec(any::<bool>(), 4),
        proptest::collection::vec(proptest::option::of(any::<bool>()), 16),
    )
        .prop_map(|(actions, own_done, reviews)| Plan {
            actions,
            own_done,
            reviews,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn an_action_is_carried_until_done_never_duplicated_never_lost(
        plans in proptest::collection::vec(plan(), 1..6)
    ) {
        let mut meetings: Vec<Meeting> = vec![];
        // The reference: every action recorded so far and not yet done, in the order recorded.
        let mut open: Vec<(String, u32)> = vec![];
        for (n, plan) in plans.iter().enumerate() {
            let mut meeting = panel_meeting(n);
            let carried = carried_to(&meetings);
            prop_assert_eq!(keys(&carried), open.clone());
            for (entry, review) in carried.iter().zip(&plan.reviews) {
                let Some(done) = review else { continue };
                let from = entry.action.meeting.as_str().to_owned();
                update(&meetings, &mut meeting, &from, entry.action.action, *done, Some("update")).unwrap();
                if *done {
                    open.retain(|k| k != &(from.clone(), entry.action.action));
                }
            }
            for a in 1..=plan.actions {
                record_action(&mut meeting, &format!("action {a} of meeting {n}"));
                if plan.own_done[a as usize - 1] {
                    run(&mut meeting, &clerk(), Command::MarkActionDone { action: a }).unwrap();
                } else {
                    open.push((format!("panel-{n}"), a));
                }
            }
            meetings.push(meeting);
        }
        let carried = keys(&carried_to(&meetings));
        let mut unique = carried.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), carried.len(), "listed twice: {:?}", carried);
        prop_assert_eq!(carried, open);
    }
}
