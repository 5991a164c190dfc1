//! What the clerk asks of the programme ([`ProgrammeCommand`]), what it records ([`ProgrammeEvent`]) and
//! why a request is refused ([`ProgrammeRefusal`], in words for the form, with the field it concerns).
//!
//! Every change is an event in the year's own append-only log, so the programme a meeting was planned from
//! can always be shown, and who changed what, when.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::model::{Entry, PlannedDate, StandingList};
use super::year::YearKey;

/// Subject, reason and author as the clerk writes them (before the programme gives the entry an id).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryText {
    pub subject: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub author: String,
}

/// A date as read from a pack, with what is planned for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedMeeting {
    pub date: PlannedDate,
    #[serde(default)]
    pub time: Option<(u8, u8)>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub reserve: bool,
    #[serde(default)]
    pub entries: Vec<EntryText>,
}

/// A work programme as read from an agenda pack (`programme::import`), before it is merged in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedProgramme {
    /// "Meeting dates for 2020/21" (S0:1316), when the text says.
    #[serde(default)]
    pub year: Option<YearKey>,
    #[serde(default)]
    pub meetings: Vec<ImportedMeeting>,
    #[serde(default)]
    pub provisional: Vec<EntryText>,
    #[serde(default)]
    pub standard: Vec<String>,
    #[serde(default)]
    pub consider: Vec<String>,
    #[serde(default)]
    pub note: Vec<String>,
}

/// The clerk's requests. Ids are the programme's own (dates and entries share one counter).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum ProgrammeCommand {
    AddDate {
        date: PlannedDate,
        #[serde(default)]
        time: Option<(u8, u8)>,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        reserve: bool,
    },
    ChangeDate {
        id: u32,
        date: PlannedDate,
        #[serde(default)]
        time: Option<(u8, u8)>,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        reserve: bool,
    },
    RemoveDate {
        id: u32,
    },
    /// `meeting: None` puts the entry among the items provisionally planned (no date yet).
    AddEntry {
        #[serde(default)]
        meeting: Option<u32>,
        #[serde(flatten)]
        text: EntryText,
    },
    EditEntry {
        id: u32,
        #[serde(flatten)]
        text: EntryText,
    },
    /// To another date (a report deferred to a later meeting), or to `None`: provisional.
    MoveEntry {
        id: u32,
        #[serde(default)]
        to: Option<u32>,
    },
    RemoveEntry {
        id: u32,
    },
    SetList {
        list: StandingList,
        lines: Vec<String>,
    },
    /// Merges a programme read from a pack: dates and entries not yet there are added; nothing is removed
    /// or changed (a clerk re-importing the next pack loses nothing they edited by hand).
    Import {
        programme: ImportedProgramme,
    },
}

/// What happened to the programme. `YearOpened` is the first event of every year's log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum ProgrammeEvent {
    YearOpened {
        year: YearKey,
    },
    DateAdded {
        id: u32,
        date: PlannedDate,
        time: Option<(u8, u8)>,
        note: Option<String>,
        reserve: bool,
    },
    DateChanged {
        id: u32,
        date: PlannedDate,
        time: Option<(u8, u8)>,
        note: Option<String>,
        reserve: bool,
    },
    DateRemoved {
        id: u32,
    },
    EntryAdded {
        meeting: Option<u32>,
        entry: Entry,
    },
    EntryEdited {
        entry: Entry,
    },
    EntryMoved {
        id: u32,
        to: Option<u32>,
    },
    EntryRemoved {
        id: u32,
    },
    ListSet {
        list: StandingList,
        lines: Vec<String>,
    },
}

/// Why the programme refused a request, in the words the form shows beside the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "refusal")]
pub enum ProgrammeRefusal {
    NotAllowed,
    Missing { field: String },
    TooLong { field: String, max: usize },
    TooMany { what: String, max: usize },
    NotADate { text: String },
    NotATime,
    NoSuchDate { id: u32 },
    NoSuchEntry { id: u32 },
    DateTaken { date: String },
    DateHasEntries { date: String, count: usize },
}

impl ProgrammeRefusal {
    /// The form field the refusal belongs beside (`None`: the whole request).
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Missing { field } | Self::TooLong { field, .. } => Some(field),
            Self::NotADate { .. } | Self::DateTaken { .. } => Some("date"),
            Self::NotATime => Some("time"),
            _ => None,
        }
    }
}

impl fmt::Display for ProgrammeRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAllowed => write!(
                f,
                "Only a clerk can change the meeting dates and work programme"
            ),
            Self::Missing { field } => write!(f, "Enter the {field}"),
            Self::TooLong { field, max } => {
                write!(f, "The {field} must be {max} characters or fewer")
            }
            Self::TooMany { what, max } => write!(f, "The programme can hold at most {max} {what}"),
            Self::NotADate { text } => write!(f, "{text}"),
            Self::NotATime => write!(f, "The start time must be a time of day, such as 10:00"),
            Self::NoSuchDate { id } => write!(f, "There is no meeting date {id} in this programme"),
            Self::NoSuchEntry { id } => write!(f, "There is no item {id} in this programme"),
            Self::DateTaken { date } => write!(f, "{date} is already in the programme"),
            Self::DateHasEntries { date, count } => write!(
                f,
                "{count} item{} planned for {date}: move or remove {} first",
                if *count == 1 { " is" } else { "s are" },
                if *count == 1 { "it" } else { "them" }
            ),
        }
    }
}
