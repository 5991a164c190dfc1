//! Thursday 2 February 2017 (rebuilt from its minutes, S2:73-168) and Tuesday 28 March 2017 (its
//! agenda, S2:1-71). Both in the Darent Room.
//!
//! Membership is the list printed on the 28 March 2017 agenda (S2:15-36), the nearest list to both
//! meetings. Mr T L Shonk, present on 2 February (S2:79), is not on that list and his role is not
//! given, so he is left out. The 2 February start time is not in the seeds; the demo uses 10.00 am,
//! the time of the March meeting (S2:9).

use super::{council, seat, section, standing_items, verbal, COMMISSIONER, COUNTY_HALL, PANEL};
use crate::meeting::agenda::{AgendaItem, AgendaSection};
use crate::meeting::command::MeetingSpec;
use crate::meeting::ids::{MeetingId, MemberId};
use crate::meeting::roster::{Seat, SeatKind};
use crate::meeting::time::{CivilDate, Timestamp};

fn meeting(id: &str, date: CivilDate, sections: Vec<AgendaSection>) -> MeetingSpec {
    let starts_at = Timestamp::from_london(date, 10, 0);
    MeetingSpec {
        id: MeetingId::new(id),
        title: PANEL.to_owned(),
        starts_at,
        venue: format!("Darent Room, {COUNTY_HALL}"),
        seats: seats(),
        chair: Some(MemberId::new("mike-hill")),
        vice_chair: Some(MemberId::new("gurvinder-sandher")),
        commissioner: COMMISSIONER.to_owned(),
        sections,
        question_deadline: Some(starts_at),
        hearing: None,
        substitutes_vote_on_vetoes: false,
        contact: Some("Anna Taylor/Joel Cook on 03000 416478/416892".to_owned()),
        webcast_url: None,
        kind: Default::default(),
        attendees: Vec::new(),
    }
}

/// 2 February 2017. The agenda is rebuilt from the minute references 209-216 (S2:85-168): items 4
/// and 5, B1-B2, C1, D1-D3, E1. Section titles are not in the minutes; they are taken from the 28
/// March 2017 agenda (S2:47-61) and, for E, from "For Information" (S0:68).
pub fn february() -> MeetingSpec {
    let mut standing = standing_items("15 November 2016", None);
    standing
        .items
        .push(AgendaItem::new("5", "Meeting dates 2017/18", None));
    meeting(
        "2017-02-02",
        CivilDate::new(2017, 2, 2),
        vec![
            standing,
            section(
                "B",
                "Commissioner's reports requested by the Panel/offered by the Commissioner",
                vec![
                    AgendaItem::new("B1", "Draft Safer in Kent Plan 2017-2021 & Precept Proposal paper", None),
                    AgendaItem::new("B2", "Questions to the Commissioner", None),
                ],
            ),
            section("C", "Commissioner's Decisions", vec![AgendaItem::new("C1", "Commissioner's Decisions 011-012", None)]),
            section(
                "D",
                "Panel Matters",
                vec![
                    AgendaItem::new("D1", "Proposed National Association of Police and Crime Panels", None),
                    AgendaItem::new("D2", "Panel Report", None),
                    AgendaItem::new("D3", "Future work programme", None),
                ],
            ),
            section(
                "E",
                "For Information",
                vec![AgendaItem::new("E1", "Minutes of the Commissioner's Governance Board meeting held on 7 November 2016", None)],
            ),
        ],
    )
}

/// 28 March 2017, as printed (S2:42-61). Section C has no items and no note (S2:53).
///
/// Unlike the other demo meetings it sets no deadline for questions, so that submitting, accepting
/// and rejecting questions can be tried in the demo today (every other deadline is years past).
pub fn march() -> MeetingSpec {
    let mut spec = march_as_printed();
    spec.question_deadline = None;
    spec
}

fn march_as_printed() -> MeetingSpec {
    meeting(
        "2017-03-28",
        CivilDate::new(2017, 3, 28),
        vec![
            standing_items("2 February 2017", Some((3, 8))),
            section(
                "B",
                "Commissioner's reports requested by the Panel/offered by the Commissioner",
                vec![
                    AgendaItem::new("B1", "Police Cadet Scheme - progress report", Some((9, 12))),
                    verbal(
                        "B2",
                        "Mental Health - verbal update (focus on progress in engaging others)",
                    ),
                    AgendaItem::new("B3", "Public engagement plans", Some((13, 16))),
                ],
            ),
            section("C", "Questions to the Commissioner", vec![]),
            section(
                "D",
                "Commissioner's Decisions",
                vec![AgendaItem::new(
                    "D1",
                    "Commissioner's Decisions 013 & 014",
                    Some((17, 20)),
                )],
            ),
            section(
                "E",
                "Panel Matters",
                vec![AgendaItem::new(
                    "E1",
                    "Future work programme",
                    Some((21, 22)),
                )],
            ),
        ],
    )
}

/// Membership printed on 28 March 2017 (S2:15-36).
fn seats() -> Vec<Seat> {
    vec![
        council(
            "ashford",
            "Ashford Borough Council",
            "paul-clokie",
            "Councillor Paul Clokie",
        ),
        council(
            "canterbury",
            "Canterbury City Council",
            "pat-todd",
            "Councillor Pat Todd",
        ),
        council(
            "dartford",
            "Dartford Borough Council",
            "chris-shippam",
            "Councillor Chris Shippam",
        ),
        council(
            "dover",
            "Dover District Council",
            "keith-morris",
            "Councillor Keith Morris",
        ),
        council(
            "gravesham",
            "Gravesham Borough Council",
            "john-knight",
            "Councillor John Knight",
        ),
        council("kcc", "Kent County Council", "mike-hill", "Mr Mike Hill"),
        council(
            "maidstone",
            "Maidstone Borough Council",
            "fay-gooch",
            "Councillor Fay Gooch",
        ),
        council(
            "medway",
            "Medway Council",
            "michael-franklin",
            "Councillor Michael Franklin",
        ),
        council(
            "sevenoaks",
            "Sevenoaks District Council",
            "peter-fleming",
            "Councillor Peter Fleming",
        ),
        council(
            "shepway",
            "Shepway District Council",
            "malcolm-dearden",
            "Councillor Malcolm Dearden",
        ),
        council(
            "swale",
            "Swale Borough Council",
            "alan-horton",
            "Councillor Alan Horton",
        ),
        council(
            "thanet",
            "Thanet District Council",
            "chris-wells",
            "Councillor Chris Wells",
        ),
        council(
            "tonbridge-malling",
            "Tonbridge and Malling Borough Council",
            "brian-luker",
            "Councillor Brian Luker",
        ),
        council(
            "tunbridge-wells",
            "Tunbridge Wells Borough Council",
            "don-sloan",
            "Councillor Don Sloan",
        ),
        seat(
            "co-opted-1",
            "Co-opted member",
            SeatKind::CoOpted,
            Some(("roger-latchford", "Mr Roger Latchford")),
        ),
        seat(
            "co-opted-2",
            "Co-opted member",
            SeatKind::CoOpted,
            Some(("mike-eddy", "Dr Mike Eddy")),
        ),
        seat(
            "co-opted-3",
            "Co-opted member",
            SeatKind::CoOpted,
            Some(("habib-tejan", "Councillor Habib Tejan")),
        ),
        seat(
            "co-opted-4",
            "Co-opted member",
            SeatKind::CoOpted,
            Some(("john-burden", "Councillor John Burden")),
        ),
        seat(
            "independent-1",
            "Independent Member",
            SeatKind::Independent,
            Some(("elaine-bolton", "Elaine Bolton")),
        ),
        seat(
            "independent-2",
            "Independent Member",
            SeatKind::Independent,
            Some(("gurvinder-sandher", "Mr Gurvinder Sandher")),
        ),
    ]
}
