//! Thursday 6 February 2020, 2.00 pm: the Budget and Precept meeting (S0:1-80, S0:1317). Three seats
//! are vacant (S0:17, S0:33-34), so the Panel has 17 members and a precept veto needs 12.

use super::{council, seat, section, standing_items, verbal, COMMISSIONER, COUNTY_HALL, PANEL};
use crate::meeting::agenda::AgendaItem;
use crate::meeting::command::MeetingSpec;
use crate::meeting::ids::{MeetingId, MemberId};
use crate::meeting::roster::SeatKind;
use crate::meeting::time::{CivilDate, Timestamp};

/// The summons of 29 January 2020 (S0:76-80), agenda as S0:42-70.
pub fn spec() -> MeetingSpec {
    let starts_at = Timestamp::from_london(CivilDate::new(2020, 2, 6), 14, 0);
    let a1 = AgendaItem {
        to_follow: Some("Appendix C – Chief Finance Officer Reports to follow.".to_owned()),
        ..AgendaItem::new(
            "A1",
            "Draft Police and Crime Plan and Associated Budget and Precept proposals",
            Some((7, 44)),
        )
    };
    MeetingSpec {
        id: MeetingId::new("2020-02-06"),
        title: PANEL.to_owned(),
        starts_at,
        venue: format!("Council Chamber, {COUNTY_HALL}"),
        seats: vec![
            seat("ashford", "Ashford Borough Council", SeatKind::Council, None),
            council("canterbury", "Canterbury City Council", "ashley-clark", "Councillor Ashley Clark"),
            council("dartford", "Dartford Borough Council", "richard-wells", "Councillor Richard Wells"),
            council("dover", "Dover District Council", "michael-john-holloway", "Councillor Michael John Holloway"),
            council("gravesham", "Gravesham Borough Council", "shane-mochrie-cox", "Councillor Shane Mochrie-Cox"),
            council("kcc", "Kent County Council", "mike-hill", "Mr Mike Hill"),
            council("maidstone", "Maidstone Borough Council", "fay-gooch", "Councillor Fay Gooch"),
            council("medway", "Medway Council", "habib-tejan", "Councillor Habib Tejan"),
            council("sevenoaks", "Sevenoaks District Council", "peter-fleming", "Councillor Peter Fleming"),
            council("folkestone-hythe", "Folkestone and Hythe District Council", "jenny-hollingsbee", "Councillor Jenny Hollingsbee"),
            council("swale", "Swale Borough Council", "richard-palmer", "Councillor Richard Palmer"),
            council("thanet", "Thanet District Council", "lesley-game", "Councillor Lesley Game"),
            council("tonbridge-malling", "Tonbridge and Malling Borough Council", "mark-rhodes", "Councillor Mark Rhodes"),
            council("tunbridge-wells", "Tunbridge Wells Borough Council", "sarah-hamilton", "Councillor Sarah Hamilton"),
            seat("co-opted-1", "Co-opted member – Medway Council", SeatKind::CoOpted, Some(("gary-hackwell", "Councillor Gary Hackwell"))),
            seat("co-opted-2", "Co-opted member – Labour Group", SeatKind::CoOpted, Some(("john-burden", "Councillor John Burden"))),
            seat("co-opted-3", "Co-opted member", SeatKind::CoOpted, None),
            seat("co-opted-4", "Co-opted member", SeatKind::CoOpted, None),
            seat("independent-1", "Independent Member", SeatKind::Independent, Some(("elaine-bolton", "Elaine Bolton"))),
            seat("independent-2", "Independent Member", SeatKind::Independent, Some(("gurvinder-sandher", "Mr Gurvinder Sandher"))),
        ],
        chair: Some(MemberId::new("mike-hill")),
        vice_chair: Some(MemberId::new("gurvinder-sandher")),
        commissioner: COMMISSIONER.to_owned(),
        sections: vec![
            standing_items("21 November 2019", Some((1, 6))),
            section("A", "Items for consideration under Statutory Obligation", vec![a1]),
            section(
                "B",
                "Commissioner's reports requested by the Panel/offered by the Commissioner",
                vec![verbal("B1", "Mental Health and Policing - Verbal Update")],
            ),
            section("C", "Commissioner's Decisions", vec![AgendaItem::new("C1", "New Complaints Legislation", Some((45, 46)))]),
            section(
                "D",
                "Panel Matters",
                vec![
                    AgendaItem::new("D1", "Panel Annual Report - 2019/20", Some((47, 50))),
                    AgendaItem::new("D2", "Future work programme", Some((51, 52))),
                ],
            ),
            section("E", "Questions to the Commissioner", vec![AgendaItem::new("E1", "Questions to the Commissioner", Some((53, 54)))]),
            section(
                "F",
                "For Information",
                vec![AgendaItem::new(
                    "F1",
                    "Minutes of the Commissioner's Performance & Delivery Board meeting held on 25 September 2019",
                    Some((55, 60)),
                )],
            ),
        ],
        question_deadline: Some(starts_at),
        hearing: None,
        substitutes_vote_on_vetoes: false,
        contact: Some("Anna Taylor/Joel Cook on 03000 416478/416892".to_owned()),
        webcast_url: None,
        kind: Default::default(),
        attendees: Vec::new(),
    }
}
