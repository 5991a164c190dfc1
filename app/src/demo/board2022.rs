//! Monday 31 October 2022: the bespoke HMICFRS PEEL Inspection Performance and Delivery Board, the
//! Commissioner's own board, whose notes the Panel received on 6 December 2022 (S4:2068-2355).

use super::{COMMISSIONER, DEMO_WEBCAST};
use crate::meeting::agenda::{AgendaItem, AgendaSection};
use crate::meeting::command::MeetingSpec;
use crate::meeting::ids::MeetingId;
use crate::meeting::kind::{AttendeeGroup, MeetingKind};
use crate::meeting::time::{CivilDate, Timestamp};

/// The Board's summons as its notes record it (S4:2070-2074). The notes give no time; the demo takes
/// 10:00, the Board's usual "1000hrs" (S3:7). It was broadcast via Microsoft Teams Live (S4:2072); the
/// demo plays its test pattern. The Board has no Panel seats and no chair from the Panel: the
/// Commissioner chairs it (S4:1348).
pub fn spec() -> MeetingSpec {
    MeetingSpec {
        id: MeetingId::new("2022-10-31-board"),
        title: "Bespoke HMICFRS PEEL Inspection - Performance and Delivery Board".to_owned(),
        starts_at: Timestamp::from_london(CivilDate::new(2022, 10, 31), 10, 0),
        venue: "Kent Police Headquarters, North Kent".to_owned(),
        seats: Vec::new(),
        chair: None,
        vice_chair: None,
        commissioner: COMMISSIONER.to_owned(),
        sections: vec![AgendaSection {
            letter: None,
            title: None,
            items: vec![
                AgendaItem::new("1", "Welcome & Introduction", None),
                AgendaItem::new("2", "Notes of Previous Meeting – 8 June 2022", None),
                AgendaItem::new("3", "HMICFRS PEEL Report & Improvement Plan", None),
                AgendaItem::new("4", "Update on any Significant Operational Matters", None),
            ],
            empty_note: None,
        }],
        question_deadline: None,
        hearing: None,
        substitutes_vote_on_vetoes: false,
        contact: None,
        webcast_url: Some(DEMO_WEBCAST.to_owned()),
        kind: MeetingKind::PerformanceBoard,
        attendees: attendees(),
    }
}

/// "Attendees" as the notes list them (S4:2073).
pub fn attendees() -> Vec<AttendeeGroup> {
    let group = |organisation: &str, names: &[&str]| AttendeeGroup {
        organisation: organisation.to_owned(),
        names: names.iter().map(|n| (*n).to_owned()).collect(),
    };
    vec![
        group(
            "Office of the Kent Police and Crime Commissioner",
            &[
                "Matthew Scott - Police and Crime Commissioner (PCC)",
                "Adrian Harper - Chief Executive (CE)",
            ],
        ),
        group(
            "Kent Police",
            &[
                "Tim Smith - Temporary Chief Constable (T/CC)",
                "Ian Drysdale - Deputy Chief Officer (DCO)",
            ],
        ),
    ]
}
