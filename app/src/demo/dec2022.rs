//! Tuesday 6 December 2022, 10.00 am: the Chief Constable confirmation hearing (S4:1-79, S4:248-330).

use super::{
    council, seat, section, standing_items, COMMISSIONER, COUNTY_HALL, DEMO_WEBCAST, PANEL,
};
use crate::meeting::agenda::{AgendaItem, AgendaSection};
use crate::meeting::command::MeetingSpec;
use crate::meeting::hearing::HearingSpec;
use crate::meeting::ids::{ItemCode, MeetingId, MemberId};
use crate::meeting::roster::SeatKind;
use crate::meeting::time::{CivilDate, Timestamp};

/// The summons of 28 November 2022 (S4:75-79).
///
/// Mr Mike Hill chairs (he is "(Chairman)" in the minutes of 27 Sep 2022, S4:89, though the 2022
/// agenda prints no tags) and Mr Gurvinder Sandher is vice-chair (S4:89). The seeds give no deadline
/// for questions, so the demo closes submissions when the meeting starts. The Panel is taken to have
/// received the Commissioner's notification on 28 November 2022, the day the agenda pack with his
/// report was issued (S4:79) [derived], so the report is due by 18 December 2022.
pub fn spec() -> MeetingSpec {
    let starts_at = Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 0);
    MeetingSpec {
        id: MeetingId::new("2022-12-06"),
        title: PANEL.to_owned(),
        starts_at,
        venue: format!("Council Chamber, {COUNTY_HALL}"),
        seats: seats(),
        chair: Some(MemberId::new("mike-hill")),
        vice_chair: Some(MemberId::new("gurvinder-sandher")),
        commissioner: COMMISSIONER.to_owned(),
        sections: agenda(),
        question_deadline: Some(starts_at),
        hearing: Some(hearing()),
        substitutes_vote_on_vetoes: false,
        contact: Some("Anna Taylor on 03000 416478".to_owned()),
        webcast_url: Some(DEMO_WEBCAST.to_owned()),
        kind: Default::default(),
        attendees: Vec::new(),
    }
}

/// Membership as printed, in printed order (S4:13-34).
fn seats() -> Vec<crate::meeting::Seat> {
    vec![
        council(
            "ashford",
            "Ashford Borough Council",
            "peter-feacey",
            "Councillor Peter Feacey",
        ),
        council(
            "canterbury",
            "Canterbury City Council",
            "ashley-clark",
            "Councillor Ashley Clark",
        ),
        council(
            "dartford",
            "Dartford Borough Council",
            "richard-wells",
            "Councillor Richard Wells",
        ),
        council(
            "dover",
            "Dover District Council",
            "oliver-richardson",
            "Councillor Oliver Richardson",
        ),
        council(
            "gravesham",
            "Gravesham Borough Council",
            "shane-mochrie-cox",
            "Councillor Shane Mochrie-Cox",
        ),
        council("kcc", "Kent County Council", "mike-hill", "Mr Mike Hill"),
        council(
            "medway",
            "Medway Council",
            "habib-tejan",
            "Councillor Habib Tejan",
        ),
        council(
            "sevenoaks",
            "Sevenoaks District Council",
            "peter-fleming",
            "Councillor Peter Fleming",
        ),
        council(
            "folkestone-hythe",
            "Folkestone and Hythe District Council",
            "jenny-hollingsbee",
            "Councillor Jenny Hollingsbee",
        ),
        council(
            "swale",
            "Swale Borough Council",
            "richard-palmer",
            "Councillor Richard Palmer",
        ),
        council(
            "maidstone",
            "Maidstone Borough Council",
            "lottie-parfitt-reid",
            "Councillor Lottie Parfitt-Reid",
        ),
        council(
            "thanet",
            "Thanet District Council",
            "george-kup",
            "Councillor George Kup",
        ),
        council(
            "tonbridge-malling",
            "Tonbridge and Malling Borough Council",
            "des-keers",
            "Councillor Des Keers",
        ),
        council(
            "tunbridge-wells",
            "Tunbridge Wells Borough Council",
            "nancy-warne",
            "Councillor Nancy Warne",
        ),
        seat(
            "co-opted-1",
            "Co-opted member – Medway Council",
            SeatKind::CoOpted,
            Some(("gary-hackwell", "Councillor Gary Hackwell")),
        ),
        seat(
            "co-opted-2",
            "Co-opted member – Green Group",
            SeatKind::CoOpted,
            Some(("mark-hood", "Mr Mark Hood")),
        ),
        seat(
            "co-opted-3",
            "Co-opted member – Labour Group",
            SeatKind::CoOpted,
            Some(("john-burden", "Councillor John Burden")),
        ),
        seat(
            "co-opted-4",
            "Co-opted member – Liberal Democrat Group",
            SeatKind::CoOpted,
            Some(("ian-chittenden", "Mr Ian Chittenden")),
        ),
        seat(
            "independent-1",
            "Independent Member",
            SeatKind::Independent,
            Some(("elaine-bolton", "Mrs Elaine Bolton")),
        ),
        seat(
            "independent-2",
            "Independent Member",
            SeatKind::Independent,
            Some(("gurvinder-sandher", "Mr Gurvinder Sandher")),
        ),
    ]
}

/// The agenda exactly as S4:40-69.
fn agenda() -> Vec<AgendaSection> {
    vec![
        standing_items("27 September 2022", Some((1, 10))),
        section(
            "A",
            "Items for consideration under Statutory Obligation",
            vec![AgendaItem::new("A1", "Chief Constable Confirmation Hearing", Some((11, 56)))],
        ),
        section(
            "B",
            "Commissioner's reports requested by the Panel/offered by the Commissioner",
            vec![
                AgendaItem::new("B1", "Update following HMICFRS PEEL Inspection 2021/22", Some((57, 84))),
                AgendaItem::new("B2", "Update on the Violence Against Women and Girls Inquiry", Some((85, 92))),
                AgendaItem::new("B3", "Update on the Violence Reduction Unit", Some((93, 96))),
            ],
        ),
        AgendaSection {
            empty_note: Some("None for this meeting.".to_owned()),
            ..section("C", "Commissioner's Decisions", vec![])
        },
        section("D", "Questions to the Commissioner", vec![AgendaItem::new("D1", "Questions to the Commissioner", None)]),
        section("E", "Panel Matters", vec![AgendaItem::new("E1", "Future work programme", Some((97, 98)))]),
        section(
            "F",
            "For Information",
            vec![AgendaItem::new(
                "F1",
                "Minutes of the Commissioner's Performance and Delivery Board meeting held on 31 October 2022",
                Some((99, 108)),
            )],
        ),
    ]
}

/// The notification under Sch 8 para 3, from the Commissioner's report (S4:248-330).
fn hearing() -> HearingSpec {
    let strings = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
    HearingSpec {
        item: ItemCode::new("A1"),
        post: "Chief Constable of Kent Police".to_owned(),
        candidate: "Mr Tim Smith".to_owned(),
        criteria: strings(&[
            "The Competency and Values Framework for Policing, every competency assessed at level 3 (S4:270)",
            "Values: Public Service; Integrity; Transparency; Impartiality",
            "Competencies: We are emotionally aware; We take Ownership; We are collaborative; We deliver, support and inspire; We analyse critically; We are innovative and open minded",
        ]),
        reasons: strings(&[
            "Met or in most cases exceeded all the requirements in all three of the exercises",
            "The unanimous preferred candidate of all panel members",
            "Vast experience of operational policing as an officer within Kent Police for the past 31 years, as Assistant Chief Constable for the Serious Crime Directorate and then as Deputy Chief Constable of Kent",
            "Significant ability to lead at an organisational level",
            "Significant recent experience of delivering neighbourhood policing against a backdrop of reduced funding",
            "Delivered high quality policing through the Covid pandemic",
            "Led the joint Kent & Essex Serious Crime Directorate, regarded very positively by HMICFRS",
            "Focussed on the needs of victims and witnesses, in particular the strategy on Violence Against Women & Girls",
            "Committed to improving partnership working and to delivering the Police & Crime Plan",
        ]),
        terms: strings(&[
            "An initial contract period of 5 years",
            "Salary of £172,218 as determined by the Secretary of State, with the PCC's 10% enhancement offered on appointment",
            "Allowances paid in line with Regulations and Determinations",
            "Superannuation contributions deducted at the rate specified in the Police Pension Regulations",
        ]),
        notified_on: CivilDate::new(2022, 11, 28),
    }
}
