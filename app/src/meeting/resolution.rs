//! Resolutions: how an item of business ends when nobody counts hands.
//!
//! Most business ends in a resolution ("RESOLVED that the report be noted.", S4:148; seeds-brief §3's
//! RESOLVED table). The chair or the clerk records it on the **current** item, as free text or from one
//! of the usual starting texts ([`starting_texts`]); it is shown live under the item and can be amended
//! (a new event, the earlier wording kept as its history) until the chair leaves the item. A counted
//! vote's result is itself recorded as its item's resolution ([`of_vote`]).

use super::agenda::AgendaItem;
use super::hearing::Hearing;
use super::ids::VoteId;
use super::result::Outcome;
use super::time::Timestamp;
use super::vote::Vote;
use serde::{Deserialize, Serialize};

/// The most resolutions one item may carry (a vote's, and the clerk's: a handful in practice).
pub const MAX_RESOLUTIONS_PER_ITEM: usize = 20;

/// One resolution on an item, with the wording it replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    /// The whole sentence as minuted: "RESOLVED that the report be noted."
    pub text: String,
    /// The counted vote this resolution records, if any.
    pub vote: Option<VoteId>,
    pub recorded_at: Timestamp,
    /// Earlier wordings, oldest first: the audit of amendments.
    pub amendments: Vec<Amendment>,
}

/// A wording that was replaced, and when it was replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub previous: String,
    pub at: Timestamp,
}

/// A usual form offered as a starting text on the console.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StartingText {
    /// "Noted".
    pub label: String,
    /// "RESOLVED that the report be noted."
    pub text: String,
}

/// The usual forms for `item` (seeds-brief §3): noted (S4:241, S4:148 for a verbal update), agreed
/// (S2:160 "the Panel approves"), agreed unanimously (S2:125 "the Panel unanimously support"), and,
/// for the previous meeting's minutes (item 4), "minutes approved" in the words of S4:110 with the
/// date taken from the item's title ("Minutes of the Police and Crime Panel held on 27 September
/// 2022").
pub fn starting_texts(item: &AgendaItem) -> Vec<StartingText> {
    let form = |label: &str, text: String| StartingText {
        label: label.to_owned(),
        text,
    };
    let subject = if item.verbal {
        "the verbal update"
    } else {
        "the report"
    };
    let mut forms = vec![
        form("Noted", format!("RESOLVED that {subject} be noted.")),
        form(
            "Agreed",
            "RESOLVED that the recommendations be agreed.".to_owned(),
        ),
        form(
            "Agreed unanimously",
            "RESOLVED that the Panel unanimously agree the recommendations.".to_owned(),
        ),
    ];
    if let Some(date) = minutes_date(&item.title) {
        forms.push(form(
            "Minutes approved",
            format!(
                "RESOLVED that the minutes of the meeting held on {date} were an accurate record and that they be signed by the Chairman."
            ),
        ));
    }
    forms
}

/// The date in "Minutes of the Police and Crime Panel held on 27 September 2022", if the item is the
/// Panel's previous minutes (the Performance and Delivery Board's minutes are noted, not approved).
fn minutes_date(title: &str) -> Option<&str> {
    let lower = title.to_lowercase();
    if !lower.starts_with("minutes of the police and crime panel") {
        return None;
    }
    let at = lower.find("held on ")? + "held on ".len();
    title.get(at..).map(str::trim).filter(|d| !d.is_empty())
}

/// The resolution a closed vote records on its item. A carried motion is resolved in its own words
/// ("That the Panel vetoes …" → "RESOLVED that the Panel vetoes …."); a veto not reached and a lost
/// motion are recorded as such, since nothing was resolved. For the hearing's veto vote the statute's
/// words are used (Sch 8 para 5): the Panel "vetoes the proposed appointment".
pub fn of_vote(vote: &Vote, hearing: Option<&Hearing>) -> Option<String> {
    let result = vote.result.as_ref()?;
    let motion = vote.motion.trim().trim_end_matches('.');
    let body = motion
        .strip_prefix("That ")
        .or_else(|| motion.strip_prefix("that "))
        .unwrap_or(motion);
    let text = match result.outcome {
        Outcome::Vetoed | Outcome::Carried | Outcome::CarriedOnCastingVote => {
            format!("RESOLVED that {body}.")
        }
        Outcome::NotVetoed => match hearing.filter(|h| h.veto_vote == Some(vote.id)) {
            Some(h) => format!(
                "The Panel did not veto the proposed appointment of {} as {}.",
                h.spec.candidate, h.spec.post
            ),
            None => "The Panel did not veto the proposal.".to_owned(),
        },
        Outcome::Lost | Outcome::LostOnCastingVote => {
            format!("The motion that {body} was lost.")
        }
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_previous_minutes_offer_the_seeds_wording_with_their_date() {
        let item = AgendaItem::new(
            "4",
            "Minutes of the Police and Crime Panel held on 27 September 2022",
            Some((1, 10)),
        );
        let forms = starting_texts(&item);
        assert_eq!(forms.len(), 4);
        assert_eq!(
            forms[3].text,
            "RESOLVED that the minutes of the meeting held on 27 September 2022 were an accurate record and that they be signed by the Chairman."
        );
    }

    #[test]
    fn a_verbal_update_is_noted_as_a_verbal_update_and_board_minutes_are_not_approved() {
        let mut item = AgendaItem::new("B2", "Update", None);
        item.verbal = true;
        assert_eq!(
            starting_texts(&item)[0].text,
            "RESOLVED that the verbal update be noted."
        );
        let board = AgendaItem::new(
            "F1",
            "Minutes of the Commissioner's Performance and Delivery Board meeting held on 31 October 2022",
            None,
        );
        assert_eq!(starting_texts(&board).len(), 3);
    }
}
