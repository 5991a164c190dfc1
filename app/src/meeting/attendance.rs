//! Attendance and declarations of interest.
//!
//! Standing item 2 is "Apologies and Substitutes" and item 3 "Declarations of Interests by Members in
//! Items on the Agenda for this Meeting" (S4:41-42). Minutes list who was PRESENT (S2:79); a member's
//! absence matters because it changes how their question is answered (S4:194). Arrival and departure
//! are recorded against the item that was current at the time, as a clerk notes them.
//!
//! Only members recorded as present may vote: meetings in England need physical presence
//! (*Hertfordshire CC v SSHCLG* [2021] EWHC 1093 (Admin), statute §6.9).

use super::ids::{ItemCode, MemberId};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What the clerk records about a member or substitute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceMark {
    /// In the room at the start.
    Present,
    /// Sent apologies.
    Apologies,
    /// Did not attend and sent no apologies.
    Absent,
    /// Arrived after the meeting opened (recorded against the current item).
    ArrivedLate,
    /// Left before the meeting closed (recorded against the current item).
    LeftEarly,
}

/// Where a person stands now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Attendance {
    /// Nothing recorded yet (before the roll is taken).
    #[default]
    NotRecorded,
    Present {
        arrived_during: Option<ItemCode>,
    },
    Apologies,
    Absent,
    Left {
        arrived_during: Option<ItemCode>,
        left_during: Option<ItemCode>,
    },
}

impl Attendance {
    /// In the room now, so able to vote.
    pub fn is_present(&self) -> bool {
        matches!(self, Attendance::Present { .. })
    }

    /// Gave apologies, was absent, or has left: the chair cannot preside and the asker cannot hear
    /// an answer.
    pub fn is_away(&self) -> bool {
        matches!(
            self,
            Attendance::Apologies | Attendance::Absent | Attendance::Left { .. }
        )
    }

    /// The agenda items this record names (arrived during, left during).
    pub fn items(&self) -> impl Iterator<Item = &ItemCode> {
        let (arrived, left) = match self {
            Attendance::Present { arrived_during } => (arrived_during.as_ref(), None),
            Attendance::Left {
                arrived_during,
                left_during,
            } => (arrived_during.as_ref(), left_during.as_ref()),
            _ => (None, None),
        };
        arrived.into_iter().chain(left)
    }

    /// "Present", "Apologies", "Arrived late (item B1)", "Left early (item D1)".
    pub fn label(&self) -> String {
        let item = |code: &Option<ItemCode>| {
            code.as_ref()
                .map(|c| format!(" (item {c})"))
                .unwrap_or_default()
        };
        match self {
            Attendance::NotRecorded => "Not yet recorded".to_owned(),
            Attendance::Present {
                arrived_during: None,
            } => "Present".to_owned(),
            Attendance::Present { arrived_during } => {
                format!("Arrived late{}", item(arrived_during))
            }
            Attendance::Apologies => "Apologies".to_owned(),
            Attendance::Absent => "Absent".to_owned(),
            Attendance::Left { left_during, .. } => format!("Left early{}", item(left_during)),
        }
    }

    /// The state after `mark`, or why the mark makes no sense now (a clerk-readable reason).
    /// `item` is the current agenda item; `meeting_open` says whether the meeting has begun.
    pub fn after(
        &self,
        mark: AttendanceMark,
        item: Option<&ItemCode>,
        meeting_open: bool,
    ) -> Result<Attendance, &'static str> {
        use AttendanceMark as M;
        let current = item.cloned();
        match (mark, self) {
            (M::Present, Attendance::Present { .. }) => Err("is already recorded as present"),
            (M::Present, Attendance::Left { .. }) => Err("has left; record a late arrival instead"),
            (M::Present, _) => Ok(Attendance::Present {
                arrived_during: None,
            }),
            (M::Apologies | M::Absent, Attendance::Present { .. } | Attendance::Left { .. }) => {
                Err("has attended this meeting, so cannot be recorded as away")
            }
            (M::Apologies, Attendance::Apologies) => Err("has already sent apologies"),
            (M::Absent, Attendance::Absent) => Err("is already recorded as absent"),
            (M::Apologies, _) => Ok(Attendance::Apologies),
            (M::Absent, _) => Ok(Attendance::Absent),
            (M::ArrivedLate, _) if !meeting_open => {
                Err("cannot arrive late before the meeting has opened")
            }
            (M::ArrivedLate, Attendance::Present { .. }) => Err("is already recorded as present"),
            (M::ArrivedLate, _) => Ok(Attendance::Present {
                arrived_during: current,
            }),
            (M::LeftEarly, _) if !meeting_open => {
                Err("cannot leave early before the meeting has opened")
            }
            (M::LeftEarly, Attendance::Present { arrived_during }) => Ok(Attendance::Left {
                arrived_during: arrived_during.clone(),
                left_during: current,
            }),
            (M::LeftEarly, _) => Err("is not recorded as present, so cannot leave early"),
        }
    }
}

/// "Cllr Clark declared, in relation to Item B1 … that he was in receipt of a Kent Police pension."
/// (S4:98): member, item, and the nature of the interest in free text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declaration {
    pub member: MemberId,
    pub item: ItemCode,
    pub interest: String,
    pub at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_late_arrival_and_early_departure_are_recorded_against_the_current_item() {
        let b1 = ItemCode::new("B1");
        let d1 = ItemCode::new("D1");
        let arrived = Attendance::NotRecorded
            .after(AttendanceMark::ArrivedLate, Some(&b1), true)
            .unwrap();
        assert_eq!(arrived.label(), "Arrived late (item B1)");
        assert!(arrived.is_present());
        let left = arrived
            .after(AttendanceMark::LeftEarly, Some(&d1), true)
            .unwrap();
        assert_eq!(left.label(), "Left early (item D1)");
        assert!(left.is_away());
    }

    #[test]
    fn apologies_cannot_be_recorded_for_someone_already_present() {
        let present = Attendance::Present {
            arrived_during: None,
        };
        assert!(present
            .after(AttendanceMark::Apologies, None, true)
            .is_err());
        assert!(Attendance::NotRecorded
            .after(AttendanceMark::LeftEarly, None, true)
            .is_err());
    }
}
