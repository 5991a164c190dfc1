//! The agenda after the summons is out: papers that arrive or are replaced, and the meeting postponed or
//! cancelled.
//!
//! The Panel publishes its agenda five clear days before the meeting (LGA 1972 s100B(3)), but the pack is
//! not always complete: "Appendix C – Chief Finance Officer Reports to follow." (S0:49). When such a paper
//! arrives the clerk publishes a **supplement** with its pages, and the item's "to follow" note gives way to
//! it. A paper may also be **replaced** (a corrected report), with the reason. Both are the clerk's
//! (Democratic Services publish the papers, seeds-brief §1.1), before or during the meeting, never after it
//! closes: the record of a closed meeting is what the meeting had.
//!
//! Items withdrawn or deferred (`on_the_day.rs`) may be set aside before the meeting opens as well as on
//! the day; before it opens the clerk or the Chairman may do it, on the day only the chair.
//!
//! Before it opens, the clerk may **postpone** the meeting to a later date and time, or **cancel** it
//! with the reason. The meeting keeps its address (its id), so links already handed out keep working.
//! The question deadline moves with the meeting (it keeps its distance from the start): the seeds say
//! only that questions close before the meeting (S0:1364), and a clerk would expect the same notice
//! period. A postponement past a confirmation hearing's report deadline is refused, since the Panel must
//! report within three weeks of notification (PRSRA 2011 Sch 8 para 4(6)). A cancelled meeting accepts
//! no further command; the seeds and the statute are silent on reinstating one, so a clerk schedules a
//! new meeting instead.

use super::agenda::PageRange;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What happened to an item's papers after the agenda was published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum PaperChange {
    /// A paper "to follow" arrived: `note` is the "to follow" note it answers.
    Supplement {
        pages: Option<PageRange>,
        note: String,
        at: Timestamp,
    },
    /// The item's papers were replaced (`pages` are the new ones).
    Replaced {
        pages: Option<PageRange>,
        reason: String,
        at: Timestamp,
    },
}

impl PaperChange {
    /// "Supplement published on 1 December 2022 (Pages 1 - 12): Appendix C – … to follow.",
    /// "Papers replaced on 2 December 2022 (Pages 11 - 58): corrected figures".
    pub fn label(&self) -> String {
        match self {
            PaperChange::Supplement { pages, note, at } => format!(
                "Supplement published on {}{}: {note}",
                at.london_date(),
                pages_text(*pages)
            ),
            PaperChange::Replaced { pages, reason, at } => format!(
                "Papers replaced on {}{}: {reason}",
                at.london_date(),
                pages_text(*pages)
            ),
        }
    }
}

/// " (Pages 1 - 12)", " (Page 7)", or nothing, as the agenda pack prints pages (S4:47).
pub fn pages_text(pages: Option<PageRange>) -> String {
    match pages {
        Some(p) if p.first == p.last => format!(" (Page {})", p.first),
        Some(p) => format!(" (Pages {} - {})", p.first, p.last),
        None => String::new(),
    }
}

/// The meeting was moved to a later date or time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postponement {
    pub from: Timestamp,
    pub to: Timestamp,
    pub reason: Option<String>,
    pub at: Timestamp,
}

impl Postponement {
    /// "This meeting was postponed from Tuesday 6 December 2022 at 10:00 to Thursday 8 December 2022 at
    /// 14:00: the venue is unavailable".
    pub fn notice(&self) -> String {
        let mut text = format!(
            "This meeting was postponed from {} at {} to {} at {}",
            self.from.london_date().long_text(),
            self.from.london_hm(),
            self.to.london_date().long_text(),
            self.to.london_hm()
        );
        if let Some(reason) = &self.reason {
            text.push_str(": ");
            text.push_str(reason);
        }
        text
    }
}

/// "This meeting has been cancelled: the Commissioner's proposed precept is not yet available".
pub fn cancellation_notice(reason: &str) -> String {
    format!("This meeting has been cancelled: {reason}")
}

/// Whether a page range is the right way round and starts at page 1 or later.
pub fn pages_ok(pages: Option<PageRange>) -> bool {
    pages.is_none_or(|p| p.first >= 1 && p.first <= p.last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::time::CivilDate;

    #[test]
    fn notices_read_as_a_clerk_would_write_them() {
        let at = Timestamp::from_london(CivilDate::new(2022, 12, 1), 9, 0);
        let supplement = PaperChange::Supplement {
            pages: Some(PageRange { first: 1, last: 12 }),
            note: "Appendix C to follow.".into(),
            at,
        };
        assert_eq!(
            supplement.label(),
            "Supplement published on 1 December 2022 (Pages 1 - 12): Appendix C to follow."
        );
        let moved = Postponement {
            from: Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 0),
            to: Timestamp::from_london(CivilDate::new(2022, 12, 8), 14, 0),
            reason: Some("the venue is unavailable".into()),
            at,
        };
        assert_eq!(
            moved.notice(),
            "This meeting was postponed from Tuesday 6 December 2022 at 10:00 to Thursday 8 December 2022 at 14:00: the venue is unavailable"
        );
        assert!(pages_ok(None) && pages_ok(Some(PageRange { first: 3, last: 3 })));
        assert!(!pages_ok(Some(PageRange { first: 0, last: 3 })));
        assert!(!pages_ok(Some(PageRange { first: 4, last: 3 })));
    }
}
