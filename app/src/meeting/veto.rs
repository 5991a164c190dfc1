//! The two-thirds veto rule, in integers.
//!
//! "the panel makes that decision by the required majority if at least two-thirds of the persons who
//! are members of the panel at the time when the decision is made vote in favour of making that
//! decision" (PRSRA 2011 Sch 5 para 4(4), precept; the same formula in Sch 8 for a Chief Constable
//! appointment; statute §0). So a proposal is vetoed iff `3 × for ≥ 2 × members`. The denominator is
//! members, not those present or voting: absent, abstaining and silent members count against
//! (statute §6.1). Arithmetic is widened to `u64` and never uses floating point.

use serde::{Deserialize, Serialize};

/// The smallest number of votes for the veto that vetoes: ⌈2n/3⌉. For 20 members, 14.
pub fn veto_threshold(electorate: u32) -> u32 {
    ((2 * u64::from(electorate)).div_ceil(3)) as u32
}

/// Whether `for_veto` votes veto the proposal when the Panel has `electorate` members. A Panel of no
/// members can never veto.
pub fn is_vetoed(for_veto: u32, electorate: u32) -> bool {
    electorate > 0 && 3 * u64::from(for_veto) >= 2 * u64::from(electorate)
}

/// "veto needs 14 of 20 members".
pub fn threshold_text(electorate: u32) -> String {
    format!(
        "veto needs {} of {} members",
        veto_threshold(electorate),
        electorate
    )
}

/// The arithmetic behind an outcome, for the minutes: "14 of 20 members voted for the veto;
/// 3 × 14 = 42 ≥ 2 × 20 = 40, so the proposal is vetoed".
pub fn arithmetic_text(for_veto: u32, electorate: u32) -> String {
    let (lhs, rhs) = (3 * u64::from(for_veto), 2 * u64::from(electorate));
    let vetoed = is_vetoed(for_veto, electorate);
    format!(
        "{for_veto} of {electorate} members voted for the veto; 3 × {for_veto} = {lhs} {} 2 × {electorate} = {rhs}, so the proposal {}",
        if lhs >= rhs { "≥" } else { "<" },
        if vetoed { "is vetoed" } else { "is not vetoed" },
    )
}

/// What can already be said about an open veto vote.
///
/// Members may change their ballot until the chair closes the vote, so `Vetoed` means "the ballots
/// now cast reach the threshold"; reaching it does not close the vote (the chair closes it). Because
/// the roster and attendance are frozen while a veto vote is open, `CannotBeVetoed` is final.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "standing", rename_all = "snake_case")]
pub enum Standing {
    Vetoed {
        for_veto: u32,
        needed: u32,
        electorate: u32,
    },
    CannotBeVetoed {
        able_to_vote: u32,
        needed: u32,
    },
    Open {
        for_veto: u32,
        needed: u32,
        electorate: u32,
    },
}

impl Standing {
    /// `for_veto` ballots so far, `able_to_vote` members present and entitled, `electorate` members
    /// of the Panel when the vote opened.
    pub fn of(for_veto: u32, able_to_vote: u32, electorate: u32) -> Self {
        let needed = veto_threshold(electorate);
        if is_vetoed(for_veto, electorate) {
            Standing::Vetoed {
                for_veto,
                needed,
                electorate,
            }
        } else if electorate == 0 || able_to_vote < needed {
            Standing::CannotBeVetoed {
                able_to_vote,
                needed,
            }
        } else {
            Standing::Open {
                for_veto,
                needed,
                electorate,
            }
        }
    }

    /// "vetoed", "cannot be vetoed: 12 present, 14 needed", "open: veto needs 14 of 20 members; 9 for so far".
    pub fn text(&self) -> String {
        match *self {
            Standing::Vetoed { .. } => "vetoed".to_owned(),
            Standing::CannotBeVetoed {
                able_to_vote,
                needed,
            } => {
                format!("cannot be vetoed: {able_to_vote} present, {needed} needed")
            }
            Standing::Open {
                for_veto,
                electorate,
                ..
            } => {
                format!(
                    "open: {}; {for_veto} for so far",
                    threshold_text(electorate)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statute_tables_thresholds_hold() {
        let table = [
            (8, 6),
            (9, 6),
            (10, 7),
            (13, 9),
            (16, 11),
            (17, 12),
            (18, 12),
            (19, 13),
            (20, 14),
        ];
        for (members, needed) in table {
            assert_eq!(veto_threshold(members), needed, "{members} members");
        }
    }

    #[test]
    fn huge_electorates_do_not_overflow() {
        assert!(is_vetoed(u32::MAX, u32::MAX));
        assert_eq!(veto_threshold(u32::MAX), 2_863_311_530);
    }

    #[test]
    fn standing_reads_as_a_clerk_would_say_it() {
        assert_eq!(Standing::of(14, 20, 20).text(), "vetoed");
        assert_eq!(
            Standing::of(0, 12, 20).text(),
            "cannot be vetoed: 12 present, 14 needed"
        );
        assert_eq!(
            Standing::of(9, 18, 20).text(),
            "open: veto needs 14 of 20 members; 9 for so far"
        );
        assert_eq!(
            arithmetic_text(13, 20),
            "13 of 20 members voted for the veto; 3 × 13 = 39 < 2 × 20 = 40, so the proposal is not vetoed"
        );
    }
}
