//! The Panel's year as the clerk plans it: the meeting dates (with the reserve dates), what each meeting is
//! to consider (Subject | Reason for report | Author, S2:496-540, S4:2037-2064), the items provisionally
//! planned for no date yet (S0:1333-1336), and the lists printed at the foot of every work programme:
//! "Standard item(s) at each meeting", "Items to consider at each meeting when available" and "Items to note
//! at each meeting (when available)" (S2:528-540, S0:1338-1348, S4:2054-2062).
//!
//! [`Programme::apply`] (in `apply.rs`) folds an event in and never fails; the rules are in `decide`.

use serde::{Deserialize, Serialize};

use super::year::YearKey;
use crate::meeting::time::{CivilDate, MONTHS};

/// A date in the programme. Most are days ("Tuesday 8 September 2020", S0:1326); some are only a month
/// until the day is fixed ("September 2023", S4:2052), which a clerk must be able to write down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum PlannedDate {
    Day { date: CivilDate },
    Month { year: i32, month: u8 },
}

impl PlannedDate {
    /// Chronological order; a month without a day comes before the days of that month.
    pub fn sort_key(self) -> (i32, u8, u8) {
        match self {
            Self::Day { date } => (date.year, date.month, date.day),
            Self::Month { year, month } => (year, month, 0),
        }
    }

    /// The day, when it is fixed.
    pub fn day(self) -> Option<CivilDate> {
        match self {
            Self::Day { date } => Some(date),
            Self::Month { .. } => None,
        }
    }

    /// "Thursday 6 February 2020" or "September 2023".
    pub fn long_text(self) -> String {
        match self {
            Self::Day { date } => date.long_text(),
            Self::Month { year, month } => format!("{} {year}", month_name(month)),
        }
    }
}

/// "February".
pub fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// What a meeting of the programme is to consider: "Budget and Precept Proposal 2023/24 | Statutory
/// Requirement | PCC" (S4:2040). The reason and the author may be blank: "Election of Chair" has neither
/// (S4:2048).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u32,
    pub subject: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub author: String,
}

/// A meeting date of the year: "Tuesday 16 February 2021 – 10:00 (Budget and Precept reserve date)"
/// (S0:1330), with the business planned for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedMeeting {
    pub id: u32,
    pub date: PlannedDate,
    /// Start time (UK clock), hours and minutes, when known.
    #[serde(default)]
    pub time: Option<(u8, u8)>,
    /// The words in brackets: "Budget and Precept meeting" (S0:1318).
    #[serde(default)]
    pub note: Option<String>,
    /// A reserve date is held in case the Panel vetoes the precept and must meet again (PRSRA 2011 Sch 5
    /// para 3-4; "Budget and Precept reserve date", S0:1320). It is shown as such and never as a meeting
    /// that will certainly happen.
    #[serde(default)]
    pub reserve: bool,
    #[serde(default)]
    pub entries: Vec<Entry>,
}

/// The three lists printed at the foot of every work programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StandingList {
    /// "Standard item(s) at each meeting": Questions to the Commissioner (S2:532, S4:2056).
    Standard,
    /// "Items to consider at each meeting when available": Commissioner's Key Decisions (S0:1342).
    Consider,
    /// "Items to note at each meeting (when available)": P&D Board minutes (S2:536, S4:2058-2062).
    Note,
}

impl StandingList {
    pub const ALL: [Self; 3] = [Self::Standard, Self::Consider, Self::Note];

    /// The heading as the seeds print it.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Standard => "Standard items at each meeting",
            Self::Consider => "Items to consider at each meeting when available",
            Self::Note => "Items to note at each meeting when available",
        }
    }

    /// The form's key: "standard", "consider", "note".
    pub fn key(self) -> &'static str {
        match self {
            Self::Standard => "standard",
            Self::Consider => "consider",
            Self::Note => "note",
        }
    }
}

/// One municipal year's dates and work programme. Entries and dates have ids from counters in the
/// state, never reused, so an agenda item can point at the entry it came from
/// ([`crate::meeting::AgendaItem::from_programme`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub year: Option<YearKey>,
    /// In date order.
    pub meetings: Vec<PlannedMeeting>,
    /// "Items provisionally planned for future consideration" (S0:1333): entries without a date.
    pub provisional: Vec<Entry>,
    pub standard: Vec<String>,
    pub consider: Vec<String>,
    pub note: Vec<String>,
    pub next_id: u32,
}

impl Programme {
    pub fn meeting(&self, id: u32) -> Option<&PlannedMeeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The planned meeting on a day, reserve dates last.
    pub fn on_day(&self, day: CivilDate) -> Option<&PlannedMeeting> {
        let mut found: Vec<&PlannedMeeting> = self
            .meetings
            .iter()
            .filter(|m| m.date.day() == Some(day))
            .collect();
        found.sort_by_key(|m| m.reserve);
        found.first().copied()
    }

    /// An entry wherever it is, with the planned meeting holding it (`None`: provisional).
    pub fn entry(&self, id: u32) -> Option<(Option<&PlannedMeeting>, &Entry)> {
        if let Some(entry) = self.provisional.iter().find(|e| e.id == id) {
            return Some((None, entry));
        }
        self.meetings.iter().find_map(|m| {
            m.entries
                .iter()
                .find(|e| e.id == id)
                .map(|entry| (Some(m), entry))
        })
    }

    pub fn list(&self, which: StandingList) -> &Vec<String> {
        match which {
            StandingList::Standard => &self.standard,
            StandingList::Consider => &self.consider,
            StandingList::Note => &self.note,
        }
    }
}
