//! The confirmation hearing's stages, report and the Commissioner's response (see `hearing.rs`).

use super::Ctx;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::hearing::{Hearing, HearingOutcome, HearingStage};

impl Ctx<'_> {
    fn hearing(&self) -> Result<&Hearing, CommandError> {
        self.meeting.hearing.as_ref().ok_or(CommandError::NoHearing)
    }

    /// The chair moves the hearing one stage forward: questions, private deliberation, vote.
    pub(super) fn set_hearing_stage(
        &self,
        stage: HearingStage,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        let hearing = self.hearing()?;
        let next = hearing.stage.next();
        if next != Some(stage) {
            return Err(CommandError::HearingStageOutOfOrder {
                next: next
                    .map(|s| s.label().to_lowercase())
                    .unwrap_or_else(|| "the report".to_owned()),
                requested: stage.label().to_lowercase(),
            });
        }
        Ok(vec![Event::HearingStageSet {
            stage,
            at: self.now,
        }])
    }

    /// The chair reports the outcome to the Commissioner (Sch 8 para 4(3)). The report is in time if
    /// made on or before the last day of the three-week period, counted in UK local dates.
    pub(super) fn report_hearing(&self) -> Result<Vec<Event>, CommandError> {
        let hearing = self.hearing()?;
        if hearing.reported_on.is_some() {
            return Err(CommandError::AlreadyReported);
        }
        self.require_no_open_vote()?;
        let outcome = hearing.outcome.ok_or(CommandError::NoOutcomeYet)?;
        let on = self.now.london_date();
        Ok(vec![Event::HearingReported {
            outcome,
            on,
            in_time: on <= hearing.spec.report_deadline(),
        }])
    }

    /// The chair or the clerk writes the Panel's reasons for the report (Sch 8 para 4(3)). They can be
    /// rewritten until the report is made; after that the report is published and they are fixed.
    pub(super) fn record_hearing_reasons(&self, reasons: &str) -> Result<Vec<Event>, CommandError> {
        let hearing = self.hearing()?;
        if hearing.reported_on.is_some() {
            return Err(CommandError::AlreadyReported);
        }
        Ok(vec![Event::HearingReasonsRecorded {
            reasons: super::text(reasons, "the Panel's reasons")?,
            at: self.now,
        }])
    }

    /// The Commissioner notifies whether he accepts the recommendation (Sch 8 para 7(3)). After a veto
    /// there is nothing to accept: he must not appoint the candidate (S4:264).
    pub(super) fn record_response(&self, accepts: bool) -> Result<Vec<Event>, CommandError> {
        let hearing = self.hearing()?;
        if hearing.reported_on.is_none() {
            return Err(CommandError::NotReportedYet);
        }
        if hearing.outcome == Some(HearingOutcome::Veto) {
            return Err(CommandError::NoRecommendationAfterVeto);
        }
        if hearing.commissioner_accepts.is_some() {
            return Err(CommandError::ResponseAlreadyRecorded);
        }
        Ok(vec![Event::CommissionerResponded {
            accepts,
            at: self.now,
        }])
    }
}
