//! Questions to the Commissioner.
//!
//! "Members … submit questions to the Commissioner in writing in advance of each meeting … they must
//! focus on the work of the Commissioner rather than the detail of operational policing" (S0:1364).
//! The life of a question:
//!
//! `Submitted → Accepted | Rejected (with a reason)`, then `Accepted → BeingAnswered → Answered`,
//! then optionally one supplementary question from the asker (S4:186), answered in turn. If the
//! asker is absent, the chair or clerk records that a written answer will follow (S4:194), and the
//! clerk later records its summary.
//!
//! Only the chair accepts, rejects and puts questions; the clerk or chair records answers. The public
//! never see a question until the chair has accepted it.

use super::ids::{MemberId, QuestionId};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The longest question, answer or reason the core accepts, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;

/// Free text from a person, trimmed, not empty, at most [`MAX_TEXT_CHARS`] characters.
pub fn parse_text(raw: &str) -> Result<String, TextProblem> {
    let text = raw.trim();
    if text.is_empty() {
        Err(TextProblem::Empty)
    } else if text.chars().count() > MAX_TEXT_CHARS {
        Err(TextProblem::TooLong)
    } else {
        Ok(text.to_owned())
    }
}

/// Why a piece of text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    TooLong,
}

/// Where a question is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Hash, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionStatus {
    Submitted,
    Accepted,
    Rejected,
    BeingAnswered,
    Answered,
    WrittenAnswerToFollow,
}

impl QuestionStatus {
    /// "being answered", for sentences such as "Question 2 is being answered".
    pub fn label(self) -> &'static str {
        match self {
            QuestionStatus::Submitted => "awaiting the chair's decision",
            QuestionStatus::Accepted => "accepted",
            QuestionStatus::Rejected => "rejected",
            QuestionStatus::BeingAnswered => "being answered",
            QuestionStatus::Answered => "answered",
            QuestionStatus::WrittenAnswerToFollow => "awaiting a written answer",
        }
    }

    /// Whether the public may see a question in this state: only after the chair accepted it.
    pub fn is_public(self) -> bool {
        !matches!(self, QuestionStatus::Submitted | QuestionStatus::Rejected)
    }
}

/// The one supplementary question the asker may put after the answer (S4:186).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supplementary {
    pub text: String,
    pub answer: Option<String>,
}

/// A question to the Commissioner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    pub asker: MemberId,
    pub text: String,
    pub submitted_at: Timestamp,
    pub status: QuestionStatus,
    /// Why the chair rejected it; shown to the asker, the chair and the clerk only.
    pub rejection_reason: Option<String>,
    /// The clerk's summary of the answer (minutes paraphrase the answer, S0:152).
    pub answer: Option<String>,
    /// The answer was given in writing after the meeting (S4:194).
    pub answered_in_writing: bool,
    pub supplementary: Option<Supplementary>,
}

impl Question {
    /// Whether the next answer recorded is the supplementary's.
    pub fn awaits_supplementary_answer(&self) -> bool {
        self.status == QuestionStatus::Answered
            && self
                .supplementary
                .as_ref()
                .is_some_and(|s| s.answer.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_text_is_trimmed_and_must_not_be_empty_or_huge() {
        assert_eq!(parse_text("  Why?  "), Ok("Why?".to_owned()));
        assert_eq!(parse_text("   "), Err(TextProblem::Empty));
        assert_eq!(
            parse_text(&"x".repeat(MAX_TEXT_CHARS + 1)),
            Err(TextProblem::TooLong)
        );
    }

    #[test]
    fn the_public_see_only_questions_the_chair_has_accepted() {
        assert!(!QuestionStatus::Submitted.is_public());
        assert!(!QuestionStatus::Rejected.is_public());
        assert!(QuestionStatus::Accepted.is_public());
        assert!(QuestionStatus::WrittenAnswerToFollow.is_public());
    }
}
