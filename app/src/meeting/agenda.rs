//! The agenda: numbered standing items, then lettered sections, each with its own title.
//!
//! Items 1-4 have the same wording every year (S2:42-45, S4:40-43). The letters are not fixed
//! across years, so every agenda stores its own letters and titles (seeds-brief §2.2). An item may
//! carry a page range "(Pages 11 - 56)" (S4:47), a "to follow" note (S0:49), be a verbal update
//! (S2:50), or be exempt (S2:63-65). A section may be empty: "None for this meeting." (S4:57).
//!
//! At most one item is current. The chair moves it forward, back, or straight to any item.

use super::ids::ItemCode;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// "(Pages 11 - 56)" in the agenda pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRange {
    pub first: u32,
    pub last: u32,
}

impl fmt::Display for PageRange {
    /// "11-56", or "7" for a single page.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

/// One item of business.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub code: ItemCode,
    pub title: String,
    #[serde(default)]
    pub pages: Option<PageRange>,
    /// "Appendix C – Chief Finance Officer Reports to follow." (S0:49)
    #[serde(default)]
    pub to_follow: Option<String>,
    /// A verbal update has no papers (S2:50).
    #[serde(default)]
    pub verbal: bool,
    /// Exempt information under LGA 1972 Sch 12A: the public are likely to be excluded (S2:63-65).
    #[serde(default)]
    pub exempt: bool,
    /// The Sch 12A paragraph that makes the item exempt (1 to 7), when the clerk knows it at the
    /// time of the agenda. The seeds have no exempt item (S4:71-73), so none gives one. Left out of the
    /// JSON when unknown, so that logs written before it existed serialise byte for byte as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt_paragraph: Option<u8>,
    /// The work programme's entry this item was scheduled from (the clerk's "put on the agenda", see
    /// [`super::programme`]); the programme page shows it as on this meeting's agenda. Left out of the
    /// JSON when none, as above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_programme: Option<super::programme::ProgrammeRef>,
}

impl AgendaItem {
    /// A plain item with a title and optional pages.
    pub fn new(code: &str, title: &str, pages: Option<(u32, u32)>) -> Self {
        Self {
            code: ItemCode::new(code),
            title: title.to_owned(),
            pages: pages.map(|(first, last)| PageRange { first, last }),
            to_follow: None,
            verbal: false,
            exempt: false,
            exempt_paragraph: None,
            from_programme: None,
        }
    }
}

/// A block of the agenda. The standing items form a section with no letter and no title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaSection {
    /// "A", "B" …; `None` for the numbered standing items.
    pub letter: Option<String>,
    /// "Items for consideration under Statutory Obligation".
    pub title: Option<String>,
    pub items: Vec<AgendaItem>,
    /// Printed when the section has no items: "None for this meeting."
    #[serde(default)]
    pub empty_note: Option<String>,
}

/// The agenda and which item is current.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    pub sections: Vec<AgendaSection>,
    pub current: Option<ItemCode>,
}

impl Agenda {
    /// Every item in printed order.
    pub fn items(&self) -> impl Iterator<Item = &AgendaItem> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter())
    }

    pub fn item(&self, code: &ItemCode) -> Option<&AgendaItem> {
        self.items().find(|item| &item.code == code)
    }

    pub fn item_mut(&mut self, code: &ItemCode) -> Option<&mut AgendaItem> {
        self.sections
            .iter_mut()
            .flat_map(|section| section.items.iter_mut())
            .find(|item| &item.code == code)
    }

    fn position(&self, code: &ItemCode) -> Option<usize> {
        self.items().position(|item| &item.code == code)
    }

    /// The item after the current one; the first item if none is current yet.
    pub fn next(&self) -> Option<&ItemCode> {
        let index = match &self.current {
            None => 0,
            Some(code) => self.position(code)? + 1,
        };
        self.items().nth(index).map(|item| &item.code)
    }

    /// The item before the current one.
    pub fn previous(&self) -> Option<&ItemCode> {
        let index = self.position(self.current.as_ref()?)?;
        index
            .checked_sub(1)
            .and_then(|i| self.items().nth(i))
            .map(|item| &item.code)
    }

    /// The first item after the current one (the first of all if none is current) that `taken`
    /// accepts: moving on passes over items set aside on the day.
    pub fn next_where(&self, taken: impl Fn(&ItemCode) -> bool) -> Option<&ItemCode> {
        let start = match &self.current {
            None => 0,
            Some(code) => self.position(code)? + 1,
        };
        self.items()
            .skip(start)
            .map(|item| &item.code)
            .find(|code| taken(code))
    }

    /// The last item before the current one that `taken` accepts.
    pub fn previous_where(&self, taken: impl Fn(&ItemCode) -> bool) -> Option<&ItemCode> {
        let end = self.position(self.current.as_ref()?)?;
        let before: Vec<&ItemCode> = self.items().take(end).map(|item| &item.code).collect();
        before.into_iter().rev().find(|code| taken(code))
    }

    /// Puts an item taken on the day after `after`, in its section; at the end of the last section
    /// if `after` is `None` or unknown.
    pub fn insert_after(&mut self, item: AgendaItem, after: Option<&ItemCode>) {
        let place = after.and_then(|code| {
            self.sections.iter().enumerate().find_map(|(s, section)| {
                let i = section.items.iter().position(|it| &it.code == code)?;
                Some((s, i + 1))
            })
        });
        match place {
            Some((s, i)) => self.sections[s].items.insert(i, item),
            None => match self.sections.last_mut() {
                Some(section) => section.items.push(item),
                None => self.sections.push(AgendaSection {
                    letter: None,
                    title: None,
                    items: vec![item],
                    empty_note: None,
                }),
            },
        }
    }

    /// Why this agenda cannot be used, if it cannot: duplicate or blank codes, blank titles, or
    /// backwards page ranges. An empty section may have a note ("None for this meeting.", S4:57) or
    /// none at all ("C - Questions to the Commissioner" with no items, S2:53).
    pub fn problem(sections: &[AgendaSection]) -> Option<String> {
        let mut seen = BTreeSet::new();
        for section in sections {
            for item in &section.items {
                if item.code.as_str().trim().is_empty() || item.title.trim().is_empty() {
                    return Some("every item needs a code and a title".to_owned());
                }
                if !seen.insert(item.code.clone()) {
                    return Some(format!("item {} appears twice", item.code));
                }
                if item.pages.is_some_and(|p| p.first > p.last) {
                    return Some(format!(
                        "item {} has its pages the wrong way round",
                        item.code
                    ));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agenda() -> Agenda {
        let section = |letter: &str, codes: &[&str]| AgendaSection {
            letter: Some(letter.to_owned()),
            title: Some(format!("Section {letter}")),
            items: codes
                .iter()
                .map(|c| AgendaItem::new(c, "Title", None))
                .collect(),
            empty_note: codes
                .is_empty()
                .then(|| "None for this meeting.".to_owned()),
        };
        Agenda {
            sections: vec![
                section("A", &["A1"]),
                section("C", &[]),
                section("D", &["D1", "D2"]),
            ],
            current: None,
        }
    }

    #[test]
    fn moving_forward_starts_at_the_first_item_and_skips_empty_sections() {
        let mut agenda = agenda();
        assert_eq!(agenda.next(), Some(&ItemCode::new("A1")));
        agenda.current = Some(ItemCode::new("A1"));
        assert_eq!(agenda.next(), Some(&ItemCode::new("D1")));
        assert_eq!(agenda.previous(), None);
        agenda.current = Some(ItemCode::new("D2"));
        assert_eq!(agenda.next(), None);
        assert_eq!(agenda.previous(), Some(&ItemCode::new("D1")));
    }

    #[test]
    fn an_agenda_with_a_duplicate_code_is_refused() {
        let mut sections = agenda().sections;
        assert_eq!(Agenda::problem(&sections), None);
        sections[2].items[1].code = ItemCode::new("D1");
        assert_eq!(
            Agenda::problem(&sections).as_deref(),
            Some("item D1 appears twice")
        );
    }

    #[test]
    fn page_ranges_print_as_the_agenda_prints_them() {
        assert_eq!(
            PageRange {
                first: 11,
                last: 56
            }
            .to_string(),
            "11-56"
        );
        assert_eq!(PageRange { first: 7, last: 7 }.to_string(), "7");
    }
}
