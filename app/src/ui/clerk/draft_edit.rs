//! Edits the clerk makes to a draft summons's agenda and membership on the schedule page, as plain functions
//! on the draft: add, remove and reorder items, their title, pages, papers to follow, and whether they are
//! exempt with their Schedule 12A paragraph; a seat's holder (empty: a vacancy). What the edits leave wrong
//! (a duplicate code, pages backwards) is for the core's check to say, beside the agenda. An entry of the
//! work programme is put on the agenda once, remembering where it came from.

use crate::meeting::import::member_id;
use crate::meeting::programme::ProgrammeRef;
use crate::meeting::{AgendaItem, ItemCode, MeetingSpec, PageRange, Person, SeatId};

/// Moves an item up (`-1`) or down (`1`) within its section; nothing happens at either end.
pub fn move_item(draft: &mut MeetingSpec, code: &ItemCode, by: isize) {
    for section in &mut draft.sections {
        if let Some(at) = section.items.iter().position(|item| &item.code == code) {
            let to = at as isize + by;
            if (0..section.items.len() as isize).contains(&to) {
                section.items.swap(at, to as usize);
            }
            return;
        }
    }
}

pub fn remove_item(draft: &mut MeetingSpec, code: &ItemCode) {
    for section in &mut draft.sections {
        section.items.retain(|item| &item.code != code);
    }
}

/// A new item at the end of a section, coded after the section's letter with the next free number ("B4"),
/// or the next number in the standing items.
pub fn add_item(draft: &mut MeetingSpec, section: usize) -> Option<ItemCode> {
    let taken: Vec<String> = draft
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| i.code.0.clone())
        .collect();
    let target = draft.sections.get_mut(section)?;
    let letter = target.letter.clone().unwrap_or_default();
    let code = (1..)
        .map(|n| format!("{letter}{n}"))
        .find(|code| !taken.contains(code))?;
    target.items.push(AgendaItem::new(&code, "New item", None));
    target.empty_note = None;
    Some(ItemCode::new(code))
}

/// The item of the draft scheduled from a work programme entry, if it is on the draft.
pub fn item_from(draft: &MeetingSpec, from: &ProgrammeRef) -> Option<ItemCode> {
    draft
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .find(|item| item.from_programme.as_ref() == Some(from))
        .map(|item| item.code.clone())
}

/// Puts a work programme entry on the agenda: a new item at the end of `section` (the next free code, as
/// [`add_item`]), titled with the entry's subject and remembering the entry. An entry already on the draft
/// is not put there twice: its item's code comes back and nothing changes. `None` when the section does not
/// exist.
pub fn add_from_programme(
    draft: &mut MeetingSpec,
    section: usize,
    subject: &str,
    from: ProgrammeRef,
) -> Option<ItemCode> {
    if let Some(code) = item_from(draft, &from) {
        return Some(code);
    }
    let code = add_item(draft, section)?;
    edit_item(draft, &code, |item| {
        item.title = subject.trim().to_owned();
        item.from_programme = Some(from);
    });
    Some(code)
}

/// The section an entry goes to unless the clerk chooses another: the last lettered one (the seeds' last
/// sections are "Panel Matters" and "For Information", S4:60-68; where the seeds are silent a clerk moves
/// it), or the standing items when the agenda has no lettered section.
pub fn default_section(draft: &MeetingSpec) -> Option<usize> {
    draft
        .sections
        .iter()
        .rposition(|s| s.letter.is_some())
        .or_else(|| (!draft.sections.is_empty()).then_some(0))
}

/// Changes one item in place.
pub fn edit_item(draft: &mut MeetingSpec, code: &ItemCode, edit: impl FnOnce(&mut AgendaItem)) {
    if let Some(item) = draft
        .sections
        .iter_mut()
        .flat_map(|s| &mut s.items)
        .find(|i| &i.code == code)
    {
        edit(item);
    }
}

/// "11 - 56", "11–56" or "7"; empty is no pages.
pub fn parse_pages(text: &str) -> Result<Option<PageRange>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || format!("{text:?} is not a page range like 11 - 56");
    let mut parts = text.split(['-', '\u{2013}', '\u{2014}']).map(str::trim);
    let first: u32 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let last: u32 = match parts.next() {
        Some(last) => last.parse().map_err(|_| bad())?,
        None => first,
    };
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(Some(PageRange { first, last }))
}

/// "Exempt" with a paragraph ("3"), exempt without one (""), or not exempt (`None`).
pub fn set_exempt(item: &mut AgendaItem, exempt: Option<Option<u8>>) {
    item.exempt = exempt.is_some();
    item.exempt_paragraph = exempt.flatten();
}

/// A seat's new holder by name (empty: vacant). A chair or vice-chair who held the seat follows the
/// seat's new holder, so the offices never point at someone who left.
pub fn set_holder(draft: &mut MeetingSpec, seat: &SeatId, name: &str) {
    let Some(target) = draft.seats.iter_mut().find(|s| &s.id == seat) else {
        return;
    };
    let name = name.trim();
    let new = (!name.is_empty()).then(|| Person {
        id: member_id(name),
        name: name.to_owned(),
    });
    let old = std::mem::replace(&mut target.holder, new.clone()).map(|p| p.id);
    for office in [&mut draft.chair, &mut draft.vice_chair] {
        if old.is_some() && *office == old {
            *office = new.as_ref().map(|p| p.id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_spec;
    use crate::meeting::MemberId;

    fn december() -> MeetingSpec {
        demo_spec("2022-12-06").expect("demo")
    }

    fn codes(draft: &MeetingSpec, section: usize) -> Vec<String> {
        draft.sections[section]
            .items
            .iter()
            .map(|i| i.code.0.clone())
            .collect()
    }

    #[test]
    fn items_are_added_removed_and_reordered_within_their_section() {
        let mut draft = december();
        move_item(&mut draft, &ItemCode::new("B3"), -1);
        assert_eq!(codes(&draft, 2), ["B1", "B3", "B2"]);
        move_item(&mut draft, &ItemCode::new("B1"), -1);
        assert_eq!(codes(&draft, 2), ["B1", "B3", "B2"]);
        remove_item(&mut draft, &ItemCode::new("B3"));
        assert_eq!(add_item(&mut draft, 2), Some(ItemCode::new("B3")));
        assert_eq!(codes(&draft, 2), ["B1", "B2", "B3"]);
        assert_eq!(add_item(&mut draft, 3), Some(ItemCode::new("C1")));
        assert_eq!(draft.sections[3].empty_note, None);
        assert_eq!(add_item(&mut draft, 0), Some(ItemCode::new("5")));
        assert_eq!(add_item(&mut draft, 99), None);
    }

    fn entry(id: u32) -> ProgrammeRef {
        ProgrammeRef {
            year: crate::meeting::programme::YearKey::starting(2022).expect("year"),
            entry: id,
        }
    }

    #[test]
    fn a_programme_entry_goes_on_the_agenda_once_with_the_next_free_code() {
        let mut draft = december();
        assert_eq!(default_section(&draft), Some(6));
        assert_eq!(item_from(&draft, &entry(7)), None);
        let code = add_from_programme(&mut draft, 2, " Panel Annual Report ", entry(7));
        assert_eq!(code, Some(ItemCode::new("B4")));
        let b4 = draft.sections[2].items[3].clone();
        assert_eq!(
            (b4.title.as_str(), b4.from_programme),
            ("Panel Annual Report", Some(entry(7)))
        );
        assert_eq!(item_from(&draft, &entry(7)), Some(ItemCode::new("B4")));
        // Pressed again, or for another section: the same item, nothing added.
        let before = draft.clone();
        assert_eq!(
            add_from_programme(&mut draft, 5, "Panel Annual Report", entry(7)),
            Some(ItemCode::new("B4"))
        );
        assert_eq!(draft, before);
        // An empty section loses its "None for this meeting." note.
        assert_eq!(
            add_from_programme(&mut draft, 3, "Decision 22/00091", entry(8)),
            Some(ItemCode::new("C1"))
        );
        assert_eq!(draft.sections[3].empty_note, None);
        assert_eq!(
            add_from_programme(&mut draft, 99, "Nowhere", entry(9)),
            None
        );
        // Removed from the draft, it may go on again.
        remove_item(&mut draft, &ItemCode::new("B4"));
        assert_eq!(item_from(&draft, &entry(7)), None);
    }

    #[test]
    fn with_no_lettered_section_the_entry_goes_to_the_standing_items() {
        let mut draft = december();
        draft.sections.truncate(1);
        assert_eq!(default_section(&draft), Some(0));
        draft.sections.clear();
        assert_eq!(default_section(&draft), None);
    }

    proptest::proptest! {
        /// Whatever is put on, in whatever sections: codes stay unique and each entry is on the draft once.
        #[test]
        fn entries_are_never_doubled_and_codes_never_clash(
            puts in proptest::collection::vec((0usize..9, 0u32..6), 0..24)
        ) {
            let mut draft = december();
            for (section, id) in &puts {
                let code = add_from_programme(&mut draft, *section, "Item", entry(*id));
                proptest::prop_assert_eq!(code.is_some(), *section < 7 || item_from(&draft, &entry(*id)).is_some());
            }
            let codes: Vec<String> = draft.sections.iter().flat_map(|s| &s.items).map(|i| i.code.0.clone()).collect();
            let unique: std::collections::BTreeSet<&String> = codes.iter().collect();
            proptest::prop_assert_eq!(unique.len(), codes.len());
            for id in 0..6 {
                let on = draft.sections.iter().flat_map(|s| &s.items).filter(|i| i.from_programme == Some(entry(id))).count();
                proptest::prop_assert_eq!(on, usize::from(puts.iter().any(|(s, e)| *e == id && *s < 7)));
            }
        }
    }

    #[test]
    fn pages_exempt_marks_and_holders_are_edited() {
        assert_eq!(
            parse_pages("11 - 56"),
            Ok(Some(PageRange {
                first: 11,
                last: 56
            }))
        );
        assert_eq!(parse_pages("7"), Ok(Some(PageRange { first: 7, last: 7 })));
        assert_eq!(parse_pages(""), Ok(None));
        assert!(parse_pages("eleven").is_err());
        let mut draft = december();
        edit_item(&mut draft, &ItemCode::new("F1"), |item| {
            set_exempt(item, Some(Some(3)))
        });
        let f1 = draft.sections[6].items[0].clone();
        assert!(f1.exempt && f1.exempt_paragraph == Some(3));
        set_holder(&mut draft, &SeatId::new("kcc"), "Mr Rory Love");
        assert_eq!(draft.chair, Some(MemberId::new("rory-love")));
        set_holder(&mut draft, &SeatId::new("independent-2"), " ");
        assert_eq!(draft.vice_chair, None);
        assert_eq!(draft.seats[19].holder, None);
    }
}
