//! The draft minutes, generated from the meeting's state (and so from its log), in the form of
//! S4:83-246: the heading, PRESENT / ALSO PRESENT / IN ATTENDANCE / APOLOGIES, then the minutes in
//! the order the business was taken, unrestricted first and exempt last.
//!
//! Rules, with where they come from:
//! - Items 1 and 2 (Introduction/Webcast, Apologies and Substitutes) are never minuted; declarations
//!   (item 3) only when one was made (seeds-brief §3).
//! - An item is minuted if the meeting took it or anything was recorded on it. Items taken while the
//!   public were excluded, or marked exempt on the agenda, go under EXEMPT ITEMS, after the exclusion
//!   resolution with its Sch 12A paragraph (LGA 1972 s100A(4); statute §8). The seeds have no exempt
//!   minute, so the resolution uses the Act's own words, as a clerk would.
//! - Numbers run on from the previous meeting's last minute (S4:95 starts at 52 after June 2022);
//!   see [`first_number`].
//! - Apologies are listed after IN ATTENDANCE. The seeds never minute item 2, so this is the clerk's
//!   usual form rather than the seeds'.

use super::board_notes;
use super::body::Body;
use super::document::{Labelled, Minute, Minutes, Part};
use super::names;
use crate::meeting::attendance::Attendance;
use crate::meeting::ids::ItemCode;
use crate::meeting::kind::MeetingKind;
use crate::meeting::Meeting;

/// The authority that hosts the Panel, printed first (S4:83).
const AUTHORITY: &str = "KENT COUNTY COUNCIL";

/// The first minute number: one after `continues_from` (the previous meeting's last minute, which the
/// shell finds among the meetings it serves), else the number the clerk set, else 1.
pub fn first_number(meeting: &Meeting, continues_from: Option<u32>) -> u32 {
    continues_from
        .map(|last| last.saturating_add(1))
        .or(meeting.record().first_minute)
        .unwrap_or(1)
}

/// The draft minutes of `meeting` as they stand.
pub fn draft(meeting: &Meeting, continues_from: Option<u32>) -> Minutes {
    let info = meeting.info();
    let title = info.map(|i| i.title.as_str()).unwrap_or_default();
    let heading = info
        .map(|i| {
            let date = i.starts_at.london_date();
            let venue = i.venue.trim();
            let the = if venue.to_lowercase().starts_with("the ") {
                ""
            } else {
                "the "
            };
            format!(
                "MINUTES of a meeting of the {title} held in {the}{venue} on {}, {date}.",
                date.weekday_name()
            )
        })
        .unwrap_or_default();
    let mut next = first_number(meeting, continues_from);
    let (open, exempt): (Vec<ItemCode>, Vec<ItemCode>) = minuted_items(meeting)
        .into_iter()
        .partition(|code| !is_exempt(meeting, code));
    let mut number = |codes: &[ItemCode], is_exempt: bool| -> Vec<Minute> {
        codes
            .iter()
            .map(|code| {
                let minute = minute(meeting, code, next, is_exempt);
                next += 1;
                minute
            })
            .collect()
    };
    let mut parts = vec![Part {
        heading: "UNRESTRICTED ITEMS".to_owned(),
        exclusion: None,
        minutes: number(&open, false),
    }];
    if !exempt.is_empty() {
        parts.push(Part {
            heading: "EXEMPT ITEMS".to_owned(),
            exclusion: Some(exclusion(meeting, &exempt)),
            minutes: number(&exempt, true),
        });
    }
    if meeting.kind() == MeetingKind::PerformanceBoard {
        // The Commissioner's board keeps notes in its own form (`board_notes.rs`).
        return Minutes {
            meeting: meeting.id().cloned().unwrap_or_default(),
            authority: vec![title.to_uppercase()],
            title: board_notes::heading(meeting),
            attendance: board_notes::attendees(meeting),
            parts,
            actions_overview: board_notes::overview(meeting),
        };
    }
    Minutes {
        meeting: meeting.id().cloned().unwrap_or_default(),
        authority: vec![AUTHORITY.to_owned(), title.to_uppercase()],
        title: heading,
        attendance: attendance(meeting),
        parts,
        actions_overview: Vec::new(),
    }
}

/// Whether an item's minute is exempt: marked so on the agenda, or taken in private session.
pub fn is_exempt(meeting: &Meeting, code: &ItemCode) -> bool {
    meeting.record().private_items.contains_key(code)
        || meeting.agenda().item(code).is_some_and(|item| item.exempt)
}

/// Items to minute: those taken, in the order taken, then any others with something recorded, in
/// agenda order; never items 1 and 2; item 3 only with a declaration or a note.
fn minuted_items(meeting: &Meeting) -> Vec<ItemCode> {
    let record = meeting.record();
    let has_record = |code: &ItemCode| {
        record.item(code).is_some_and(|r| {
            !r.paragraphs.is_empty() || !r.guests.is_empty() || !r.resolutions.is_empty()
        }) || record.actions.iter().any(|a| &a.item == code)
            || super::action_updates::place(meeting).as_ref() == Some(code)
    };
    let agenda_order = meeting.agenda().items().map(|item| item.code.clone());
    let mut codes: Vec<ItemCode> = record.taken.clone();
    for code in agenda_order {
        if !codes.contains(&code) && has_record(&code) {
            codes.push(code);
        }
    }
    codes.retain(|code| {
        let standing = code.as_str();
        standing != "1"
            && standing != "2"
            && (standing != "3" || !meeting.declarations().is_empty() || has_record(code))
            && meeting.agenda().item(code).is_some()
    });
    codes
}

fn minute(meeting: &Meeting, code: &ItemCode, number: u32, exempt: bool) -> Minute {
    let title = meeting
        .agenda()
        .item(code)
        .map(|item| item.title.clone())
        .unwrap_or_default();
    Minute {
        number,
        item: code.clone(),
        title,
        reference: format!("(Item {code})"),
        exempt,
        blocks: Body::new(meeting, code).blocks(),
    }
}

/// "RESOLVED that under Section 100A of the Local Government Act 1972 the public be excluded …".
fn exclusion(meeting: &Meeting, exempt: &[ItemCode]) -> String {
    let mut paragraphs: Vec<u8> = exempt
        .iter()
        .filter_map(|code| meeting.record().private_items.get(code).copied())
        .collect();
    paragraphs.sort_unstable();
    paragraphs.dedup();
    let cited = match paragraphs.as_slice() {
        [] => "Part 1 of Schedule 12A of the Act".to_owned(),
        [one] => format!("paragraph {one} of Part 1 of Schedule 12A of the Act"),
        many => format!(
            "paragraphs {} of Part 1 of Schedule 12A of the Act",
            names::list(&many.iter().map(u8::to_string).collect::<Vec<_>>())
        ),
    };
    format!(
        "RESOLVED that under Section 100A of the Local Government Act 1972 the press and public be excluded from the meeting for the following business on the grounds that it involves the likely disclosure of exempt information as defined in {cited}."
    )
}

/// PRESENT, ALSO PRESENT, IN ATTENDANCE and APOLOGIES (S4:89-93).
fn attendance(meeting: &Meeting) -> Vec<Labelled> {
    let roster = meeting.roster();
    let attended =
        |a: Attendance| matches!(a, Attendance::Present { .. } | Attendance::Left { .. });
    let mut chair = vec![];
    let mut others: Vec<(String, String)> = vec![];
    let mut apologies: Vec<(String, String)> = vec![];
    for seat in &roster.seats {
        let Some(holder) = &seat.holder else { continue };
        let mark = meeting.attendance(&holder.id);
        if attended(mark.clone()) {
            let office = if roster.chair.as_ref() == Some(&holder.id) {
                Some((0, "(Chairman)"))
            } else if roster.vice_chair.as_ref() == Some(&holder.id) {
                Some((1, "(Vice-Chairman)"))
            } else {
                None
            };
            let name = names::initials(&holder.name);
            match office {
                Some((rank, tag)) => chair.push((rank, format!("{name} {tag}"))),
                None => others.push((names::surname(&holder.name), name)),
            }
        } else if mark == Attendance::Apologies {
            apologies.push((names::surname(&holder.name), names::initials(&holder.name)));
        }
        if let Some(sub) = roster.substitutes.get(&seat.id) {
            if attended(meeting.attendance(&sub.id)) {
                others.push((
                    names::surname(&sub.name),
                    format!(
                        "{} (Substitute for {})",
                        names::initials(&sub.name),
                        names::initials(&holder.name)
                    ),
                ));
            }
        }
    }
    chair.sort();
    others.sort();
    apologies.sort();
    let present: Vec<String> = chair
        .into_iter()
        .map(|(_, n)| n)
        .chain(others.into_iter().map(|(_, n)| n))
        .collect();
    let record = meeting.record();
    let mut blocks = vec![("PRESENT", names::list(&present))];
    blocks.push(("ALSO PRESENT", names::list(&record.also_present)));
    blocks.push(("IN ATTENDANCE", names::list(&record.in_attendance)));
    let apologies: Vec<String> = apologies.into_iter().map(|(_, n)| n).collect();
    blocks.push(("APOLOGIES", names::list(&apologies)));
    blocks
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(label, text)| Labelled {
            label: label.to_owned(),
            text,
        })
        .collect()
}
