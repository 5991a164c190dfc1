//! Demo meetings, built only from the seed documents: what `PANELCAST_SEED_DEMO` appends to an empty log,
//! and what the tests, the benchmarks and the load tool run on. All demo data lives in this folder, outside
//! the core (`meeting/`), which it only uses.
//!
//! Each meeting is one `MeetingScheduled` event: exactly what the System actor's `ScheduleMeeting`
//! command produces (a test checks that `decide` agrees). Where the seeds are silent the choice is
//! stated beside the data.

pub mod board2022;
mod commands;
mod dec2022;
mod feb2020;
mod programme;
mod year2017;

pub use programme::demo_programmes;

use crate::meeting::agenda::{AgendaItem, AgendaSection};
use crate::meeting::command::MeetingSpec;
use crate::meeting::event::Event;
use crate::meeting::ids::{MeetingId, SeatId};
use crate::meeting::roster::{Person, Seat, SeatKind};
use crate::meeting::Meeting;

pub use commands::sample_commands;

/// "KENT AND MEDWAY POLICE AND CRIME PANEL" (S4:7).
pub const PANEL: &str = "Kent and Medway Police and Crime Panel";
/// The Commissioner in every seeded year (S2:81, S0:88, S4:91).
pub const COMMISSIONER: &str = "Mr Matthew Scott";
/// The seeds have no stream address; the demo plays a short test pattern served from `public/webcast/demo/`.
pub const DEMO_WEBCAST: &str = "/webcast/demo/index.m3u8";
/// Sessions House, County Hall, Maidstone (S4:9).
pub const COUNTY_HALL: &str = "Sessions House, County Hall, Maidstone";

/// The summonses of every demo meeting, oldest first.
pub fn demo_specs() -> Vec<MeetingSpec> {
    vec![
        year2017::february(),
        year2017::march(),
        feb2020::spec(),
        board2022::spec(),
        dec2022::spec(),
    ]
}

/// One demo meeting's summons, by id.
pub fn demo_spec(id: &str) -> Option<MeetingSpec> {
    demo_specs().into_iter().find(|spec| spec.id.as_str() == id)
}

/// The events that schedule each demo meeting, as the System actor would via `decide`.
pub fn demo_meetings() -> Vec<(MeetingId, Vec<Event>)> {
    demo_specs()
        .into_iter()
        .map(|spec| {
            (
                spec.id.clone(),
                vec![Event::MeetingScheduled(Box::new(spec))],
            )
        })
        .collect()
}

/// A demo meeting with its scheduling events applied.
pub fn demo_meeting(id: &str) -> Option<Meeting> {
    let (_, events) = demo_meetings()
        .into_iter()
        .find(|(m, _)| m.as_str() == id)?;
    let mut meeting = Meeting::default();
    events.iter().for_each(|event| meeting.apply(event));
    Some(meeting)
}

/// A seat and its holder (`None` for "VACANCY").
fn seat(id: &str, name: &str, kind: SeatKind, holder: Option<(&str, &str)>) -> Seat {
    Seat {
        id: SeatId::new(id),
        name: name.to_owned(),
        kind,
        holder: holder.map(|(id, name)| Person::new(id, name)),
    }
}

/// A council seat, held.
fn council(id: &str, council: &str, person: &str, name: &str) -> Seat {
    seat(id, council, SeatKind::Council, Some((person, name)))
}

/// Standing items 1-4, identical every year (S2:42-45, S0:42-45, S4:40-43).
fn standing_items(previous_meeting: &str, pages: Option<(u32, u32)>) -> AgendaSection {
    let minutes = format!("Minutes of the Police and Crime Panel held on {previous_meeting}");
    AgendaSection {
        letter: None,
        title: None,
        items: vec![
            AgendaItem::new("1", "Introduction/Webcast Announcement", None),
            AgendaItem::new("2", "Apologies and Substitutes", None),
            AgendaItem::new(
                "3",
                "Declarations of Interests by Members in Items on the Agenda for this Meeting",
                None,
            ),
            AgendaItem::new("4", &minutes, pages),
        ],
        empty_note: None,
    }
}

/// A lettered section with its items.
fn section(letter: &str, title: &str, items: Vec<AgendaItem>) -> AgendaSection {
    AgendaSection {
        letter: Some(letter.to_owned()),
        title: Some(title.to_owned()),
        items,
        empty_note: None,
    }
}

/// A verbal update: no papers (S2:50, S0:53).
fn verbal(code: &str, title: &str) -> AgendaItem {
    AgendaItem {
        verbal: true,
        ..AgendaItem::new(code, title, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::{Actor, Command, Timestamp};

    #[test]
    fn every_demo_meeting_is_what_the_system_would_schedule() {
        for spec in demo_specs() {
            let events = Meeting::default().decide(
                &Actor::System,
                Command::ScheduleMeeting(Box::new(spec.clone())),
                Timestamp(0),
            );
            assert_eq!(events, Ok(vec![Event::MeetingScheduled(Box::new(spec))]));
        }
    }

    #[test]
    fn every_demo_panel_meeting_has_twenty_seats_and_ids_are_distinct() {
        let ids: Vec<_> = demo_meetings().into_iter().map(|(id, _)| id.0).collect();
        assert_eq!(
            ids,
            [
                "2017-02-02",
                "2017-03-28",
                "2020-02-06",
                "2022-10-31-board",
                "2022-12-06"
            ]
        );
        for spec in demo_specs().into_iter().filter(|s| s.kind.is_panel()) {
            assert_eq!(spec.seats.len(), 20, "{}", spec.id);
        }
    }
}
