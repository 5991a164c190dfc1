//! Business on the day: items added to the published agenda, and items withdrawn or deferred.
//!
//! An item not on the agenda published five clear days before may be considered only if "by reason
//! of special circumstances, which shall be specified in the minutes, the chairman of the meeting is
//! of the opinion that the item should be considered at the meeting as a matter of urgency" (LGA 1972
//! s100B(4)(b)): an **urgent item** always carries the chair's reason. A **presentation** decides
//! nothing and needs none, as on 27 September 2022: "53. Presentation to Chief Constable Alan
//! Pughsley QPM (Item)" (S4:100). The chair places an added item after any item (or at the end).
//!
//! Items may be taken out of order (`GoToItem`); an item **withdrawn** (by its author, not coming back)
//! or **deferred** (to a later meeting) on the day stays printed with the reason, and cannot be taken;
//! moving forward or back passes over it. An item may also be set aside before the meeting opens, and
//! postponing or cancelling a whole meeting is elsewhere (`agenda_changes.rs`).

use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Longest item code the chair may give an added item ("53", "B1a").
pub const MAX_ITEM_CODE_CHARS: usize = 8;

/// Why an item not on the published agenda is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayItemKind {
    /// Urgent business under LGA 1972 s100B(4)(b): the chair's reason is required.
    Urgent,
    /// A presentation (S4:100): no decision, no reason required.
    Presentation,
}

/// How an item was set aside on the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aside {
    Withdrawn,
    Deferred,
}

impl Aside {
    pub fn past(self) -> &'static str {
        match self {
            Aside::Withdrawn => "withdrawn",
            Aside::Deferred => "deferred",
        }
    }
}

/// What happened to one item on the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum DayNote {
    Added {
        kind: DayItemKind,
        reason: Option<String>,
        at: Timestamp,
    },
    SetAside {
        aside: Aside,
        reason: String,
        at: Timestamp,
        /// Set aside before the meeting opened (`agenda_changes.rs`), not on the day.
        #[serde(default)]
        before_meeting: bool,
    },
}

impl DayNote {
    /// "Urgent item taken on the day: …", "Presentation added on the day", "Withdrawn: …".
    pub fn label(&self) -> String {
        match self {
            DayNote::Added {
                kind: DayItemKind::Urgent,
                reason,
                ..
            } => format!(
                "Urgent item taken on the day (LGA 1972 s100B(4)(b)): {}",
                reason.as_deref().unwrap_or_default()
            ),
            DayNote::Added { reason, .. } => match reason {
                Some(reason) => format!("Presentation added on the day: {reason}"),
                None => "Presentation added on the day".to_owned(),
            },
            DayNote::SetAside {
                aside,
                reason,
                at,
                before_meeting: true,
            } => match aside {
                Aside::Withdrawn => format!(
                    "Withdrawn from the agenda on {}: {reason}",
                    at.london_date()
                ),
                Aside::Deferred => format!(
                    "Deferred to a later meeting on {}: {reason}",
                    at.london_date()
                ),
            },
            DayNote::SetAside { aside, reason, .. } => {
                let how = aside.past();
                let mut how = how.to_owned();
                how[..1].make_ascii_uppercase();
                format!("{how} on the day: {reason}")
            }
        }
    }

    /// "deferred on the day", "withdrawn before the meeting"; `None` for an item added on the day.
    pub fn how_set_aside(&self) -> Option<String> {
        match self {
            DayNote::SetAside {
                aside,
                before_meeting,
                ..
            } => Some(format!(
                "{} {}",
                aside.past(),
                if *before_meeting {
                    "before the meeting"
                } else {
                    "on the day"
                }
            )),
            DayNote::Added { .. } => None,
        }
    }

    pub fn is_set_aside(&self) -> bool {
        matches!(self, DayNote::SetAside { .. })
    }
}

/// Whether `code` is a usable item code: 1 to 8 letters, digits, dots or hyphens.
pub fn item_code_ok(code: &str) -> bool {
    !code.is_empty()
        && code.chars().count() <= MAX_ITEM_CODE_CHARS
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_read_as_the_minutes_would_print_them() {
        let at = Timestamp(0);
        let urgent = DayNote::Added {
            kind: DayItemKind::Urgent,
            reason: Some("the consultation closes tomorrow".into()),
            at,
        };
        assert_eq!(
            urgent.label(),
            "Urgent item taken on the day (LGA 1972 s100B(4)(b)): the consultation closes tomorrow"
        );
        let deferred = DayNote::SetAside {
            aside: Aside::Deferred,
            reason: "papers late".into(),
            at,
            before_meeting: false,
        };
        assert_eq!(deferred.label(), "Deferred on the day: papers late");
        assert!(
            item_code_ok("53") && item_code_ok("B1a") && !item_code_ok("") && !item_code_ok("a b")
        );
    }
}
