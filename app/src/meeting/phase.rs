//! The meeting's phase and its private session.
//!
//! Phases run `Scheduled → Open → (Adjourned { until } ↔ Open) → Closed`. "Meeting adjourned until
//! 15:00 due to disruption caused by members of the public" (S0:112) is the seeded adjournment.
//!
//! A private session is not a phase: it is a state of an open meeting in which the public are
//! excluded by resolution under LGA 1972 s100A(4), naming the Schedule 12A paragraph (statute §8).
//! England's Part 1 of Sch 12A has paragraphs 1 to 7, so only those numbers are accepted.

use super::ids::ItemCode;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Lowest and highest paragraph of LGA 1972 Sch 12A Part 1 (England).
pub const SCH_12A_PARAGRAPHS: std::ops::RangeInclusive<u8> = 1..=7;

/// Where the meeting is in its life.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum Phase {
    /// Nothing has been scheduled yet (`Meeting::default()`).
    #[default]
    Unscheduled,
    /// The summons is out; the chair has not opened the meeting.
    Scheduled,
    /// The chair has opened the meeting.
    Open { opened_at: Timestamp },
    /// Adjourned by the chair until a stated time; only the chair can resume it.
    Adjourned {
        at: Timestamp,
        until: Timestamp,
        reason: String,
    },
    /// Closed by the chair. Nothing more can happen.
    Closed { at: Timestamp },
    /// Cancelled by the clerk before it opened (`agenda_changes.rs`): it accepts no command.
    Cancelled { at: Timestamp, reason: String },
}

impl Phase {
    /// The label a screen shows: "Open", "Adjourned until 15:00".
    pub fn label(&self) -> String {
        match self {
            Phase::Unscheduled => "Not scheduled".to_owned(),
            Phase::Scheduled => "Scheduled".to_owned(),
            Phase::Open { .. } => "Open".to_owned(),
            Phase::Adjourned { until, .. } => format!("Adjourned until {}", until.london_hm()),
            Phase::Closed { .. } => "Closed".to_owned(),
            Phase::Cancelled { .. } => "Cancelled".to_owned(),
        }
    }

    /// A short machine name for the phase, for styling: "scheduled", "open", "adjourned", "closed",
    /// "cancelled".
    pub fn code(&self) -> &'static str {
        match self {
            Phase::Unscheduled => "unscheduled",
            Phase::Scheduled => "scheduled",
            Phase::Open { .. } => "open",
            Phase::Adjourned { .. } => "adjourned",
            Phase::Closed { .. } => "closed",
            Phase::Cancelled { .. } => "cancelled",
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, Phase::Open { .. })
    }
}

/// The public are excluded. Only `paragraph` (and the fact of the exclusion) is public.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateSession {
    /// The Sch 12A paragraph in the resolution, 1 to 7.
    pub paragraph: u8,
    /// The item being taken in private, if the chair named one.
    pub item: Option<ItemCode>,
    pub since: Timestamp,
}

impl PrivateSession {
    /// The only thing the public sees: "The meeting is in private session (LGA 1972 Sch 12A para 1)".
    pub fn banner(&self) -> String {
        format!(
            "The meeting is in private session (LGA 1972 Sch 12A para {})",
            self.paragraph
        )
    }
}
