//! Questions to the Commissioner (see `question.rs` for the life of a question).

use super::{text, Ctx};
use crate::meeting::error::CommandError;
use crate::meeting::event::{AnswerPart, Event};
use crate::meeting::ids::QuestionId;
use crate::meeting::question::{Question, QuestionStatus};

impl Ctx<'_> {
    fn question(&self, id: QuestionId) -> Result<&Question, CommandError> {
        self.meeting
            .questions
            .iter()
            .find(|q| q.id == id)
            .ok_or(CommandError::UnknownQuestion { question: id })
    }

    fn wrong_status(question: &Question, action: &str) -> CommandError {
        CommandError::QuestionWrongStatus {
            question: question.id,
            status: question.status.label().to_owned(),
            action: action.to_owned(),
        }
    }

    /// A member or substitute submits a question in writing before the deadline (S0:1364). Its id is
    /// the next number in order of submission.
    pub(super) fn submit_question(&self, raw: String) -> Result<Vec<Event>, CommandError> {
        let asker = self
            .acting_member()
            .cloned()
            .ok_or(CommandError::PublicCannotAct)?;
        if let Some(deadline) = self
            .meeting
            .info
            .as_ref()
            .and_then(|info| info.question_deadline)
        {
            if self.now >= deadline {
                let when = format!("{} on {}", deadline.london_hm(), deadline.london_date());
                return Err(CommandError::QuestionDeadlinePassed { deadline: when });
            }
        }
        let text = text(&raw, "question")?;
        let question = QuestionId(self.meeting.questions.len() as u32 + 1);
        Ok(vec![Event::QuestionSubmitted {
            question,
            asker,
            text,
            at: self.now,
        }])
    }

    /// The chair accepts a submitted question.
    pub(super) fn accept_question(&self, id: QuestionId) -> Result<Vec<Event>, CommandError> {
        let question = self.question(id)?;
        if question.status != QuestionStatus::Submitted {
            return Err(Self::wrong_status(question, "accepted"));
        }
        Ok(vec![Event::QuestionAccepted { question: id }])
    }

    /// The chair rejects a submitted question with a reason, e.g. that it concerns operational
    /// policing rather than the work of the Commissioner (S0:1364).
    pub(super) fn reject_question(
        &self,
        id: QuestionId,
        reason: String,
    ) -> Result<Vec<Event>, CommandError> {
        let question = self.question(id)?;
        if question.status != QuestionStatus::Submitted {
            return Err(Self::wrong_status(question, "rejected"));
        }
        let reason = text(&reason, "reason for rejecting the question")?;
        Ok(vec![Event::QuestionRejected {
            question: id,
            reason,
        }])
    }

    /// The chair puts an accepted question to the Commissioner, one at a time.
    pub(super) fn put_question(&self, id: QuestionId) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        let question = self.question(id)?;
        if question.status != QuestionStatus::Accepted {
            return Err(Self::wrong_status(question, "put to the Commissioner"));
        }
        if let Some(other) = self
            .meeting
            .questions
            .iter()
            .find(|q| q.status == QuestionStatus::BeingAnswered)
        {
            return Err(CommandError::AnotherQuestionBeingAnswered { question: other.id });
        }
        Ok(vec![Event::QuestionPut {
            question: id,
            at: self.now,
        }])
    }

    /// The chair or clerk records a summary of the answer: to the question being answered, to a
    /// written answer that was promised, or to the supplementary question.
    pub(super) fn record_answer(
        &self,
        id: QuestionId,
        summary: String,
    ) -> Result<Vec<Event>, CommandError> {
        let question = self.question(id)?;
        let part = match question.status {
            QuestionStatus::BeingAnswered | QuestionStatus::WrittenAnswerToFollow => {
                AnswerPart::Main
            }
            _ if question.awaits_supplementary_answer() => AnswerPart::Supplementary,
            _ => return Err(Self::wrong_status(question, "answered")),
        };
        let summary = text(&summary, "answer")?;
        Ok(vec![Event::AnswerRecorded {
            question: id,
            part,
            summary,
            at: self.now,
        }])
    }

    /// The asker puts one supplementary question after the answer (S4:186).
    pub(super) fn ask_supplementary(
        &self,
        id: QuestionId,
        raw: String,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        let question = self.question(id)?;
        if self.acting_member() != Some(&question.asker) {
            return Err(CommandError::NotTheAsker { question: id });
        }
        if question.supplementary.is_some() {
            return Err(CommandError::SupplementaryAlreadyAsked { question: id });
        }
        if question.status != QuestionStatus::Answered || question.answered_in_writing {
            return Err(Self::wrong_status(
                question,
                "followed by a supplementary question",
            ));
        }
        let text = text(&raw, "supplementary question")?;
        Ok(vec![Event::SupplementaryAsked {
            question: id,
            text,
            at: self.now,
        }])
    }

    /// When the asker is absent, the chair or clerk records that a written answer will follow
    /// (S4:194).
    pub(super) fn promise_written_answer(
        &self,
        id: QuestionId,
    ) -> Result<Vec<Event>, CommandError> {
        let question = self.question(id)?;
        if !matches!(
            question.status,
            QuestionStatus::Accepted | QuestionStatus::BeingAnswered
        ) {
            return Err(Self::wrong_status(question, "given a written answer"));
        }
        if !self.meeting.attendance(&question.asker).is_away() {
            let name = self
                .meeting
                .roster
                .name_of(&question.asker)
                .unwrap_or(question.asker.as_str())
                .to_owned();
            return Err(CommandError::AskerPresent { name });
        }
        Ok(vec![Event::WrittenAnswerPromised { question: id }])
    }
}
