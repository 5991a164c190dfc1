//! Property tests for the record: random minute-taking, resolutions and agenda moves by the
//! chair, the clerk and others, against the 6 December 2022 meeting.
//!
//! Properties: a refusal writes nothing; replaying the log rebuilds the record; resolutions only ever
//! change on the item that was current when they changed; the generated minutes number consecutively
//! from the first number, never minute items 1 and 2, and their renderings never carry the raw markup
//! typed into the record; the public form never carries an exempt minute's body.

use crate::common::*;
use app::meeting::minutes::{self, Block};
use app::meeting::*;
use proptest::prelude::*;

const ITEMS: [&str; 6] = ["1", "3", "4", "A1", "B1", "D1"];
const TEXTS: [&str; 4] = [
    "RESOLVED that the report be noted.",
    "<script>x</script> *bold* 1. list",
    "  ",
    "The Commissioner agreed to report back.",
];

fn command(op: u8, a: u8, b: u8) -> Command {
    let item = ItemCode::new(ITEMS[usize::from(a) % ITEMS.len()]);
    let text = TEXTS[usize::from(b) % TEXTS.len()].to_owned();
    match op % 8 {
        0 => Command::GoToItem { item },
        1 => Command::RecordResolution { item, text },
        2 => Command::AmendResolution {
            item,
            number: u32::from(b % 3),
            text,
        },
        3 => Command::AddMinuteParagraph { item, text },
        4 => Command::EditMinuteParagraph {
            item,
            number: u32::from(b % 4),
            text,
        },
        5 => Command::RemoveMinuteParagraph {
            item,
            number: u32::from(b % 4),
        },
        6 => Command::ExcludePublic {
            paragraph: 1,
            item: None,
        },
        _ => Command::ReturnToPublic,
    }
}

fn actor(n: u8) -> Actor {
    match n % 4 {
        0 => chair(),
        1 => clerk(),
        2 => member("ashley-clark"),
        _ => Actor::Public,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_record_keeps_its_rules(steps in prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>()), 1..60)) {
        let mut s = Session::new("2022-12-06", at(DEC_2022, 10, 0));
        s.run(&chair(), Command::OpenMeeting);
        for (op, a, b, who) in steps {
            let before = s.meeting.clone();
            let command = command(op, a, b);
            match s.try_run(&actor(who), command.clone()) {
                Err(_) => prop_assert_eq!(&s.meeting, &before, "a refusal changed the state"),
                Ok(events) => {
                    for event in &events {
                        let changed_item = match event {
                            Event::ResolutionRecorded { item, .. } | Event::ResolutionAmended { item, .. } => Some(item),
                            _ => None,
                        };
                        if let Some(item) = changed_item {
                            prop_assert_eq!(before.agenda().current.as_ref(), Some(item));
                        }
                    }
                }
            }
        }
        let mut replayed = Meeting::default();
        for event in &s.log {
            replayed.apply(event);
        }
        prop_assert_eq!(replayed.record(), s.meeting.record());

        let draft = minutes::draft(&s.meeting, Some(64));
        let numbers: Vec<u32> = draft.parts.iter().flat_map(|p| &p.minutes).map(|m| m.number).collect();
        let expected: Vec<u32> = (65..65 + numbers.len() as u32).collect();
        prop_assert_eq!(numbers, expected);
        prop_assert!(draft.parts.iter().flat_map(|p| &p.minutes).all(|m| m.item.as_str() != "1" && m.item.as_str() != "2"));
        let html = minutes::html::render(&draft);
        let md = minutes::markdown::render(&draft);
        prop_assert!(!html.contains("<script>"));
        prop_assert!(!md.contains("<script>"));
        let public = draft.public();
        for minute in public.parts.iter().flat_map(|p| &p.minutes) {
            if minute.exempt {
                prop_assert!(minute.blocks.is_empty());
            }
        }
        let exempt_text: Vec<&Block> = draft.parts.iter().flat_map(|p| &p.minutes).filter(|m| m.exempt).flat_map(|m| &m.blocks).collect();
        prop_assert!(exempt_text.is_empty() || draft.parts.len() == 2);
    }
}
