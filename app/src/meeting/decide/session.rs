//! Scheduling, the meeting's phases, and private session.

use super::Ctx;
use crate::meeting::command::MeetingSpec;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::ids::ItemCode;
use crate::meeting::phase::{Phase, SCH_12A_PARAGRAPHS};
use crate::meeting::time::Timestamp;

impl Ctx<'_> {
    /// The system schedules a meeting once: a valid agenda, distinct seats and people, a chair and
    /// vice-chair who hold seats, and a hearing whose item is on the agenda.
    pub(super) fn schedule(&self, spec: MeetingSpec) -> Result<Vec<Event>, CommandError> {
        if self.meeting.info.is_some() {
            return Err(CommandError::AlreadyScheduled);
        }
        if let Some(reason) = schedule_problem(&spec) {
            return Err(CommandError::InvalidSchedule { reason });
        }
        Ok(vec![Event::MeetingScheduled(Box::new(spec))])
    }

    /// The chair opens a scheduled meeting.
    pub(super) fn open(&self) -> Result<Vec<Event>, CommandError> {
        match self.meeting.phase {
            Phase::Scheduled => Ok(vec![Event::MeetingOpened { at: self.now }]),
            _ => Err(CommandError::AlreadyOpened),
        }
    }

    /// The chair adjourns an open meeting until a later time (S0:112). No vote may be open.
    pub(super) fn adjourn(
        &self,
        until: Timestamp,
        reason: String,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        self.require_no_open_vote()?;
        if until <= self.now {
            return Err(CommandError::ResumeTimeNotLater);
        }
        Ok(vec![Event::MeetingAdjourned {
            at: self.now,
            until,
            reason: reason.trim().to_owned(),
        }])
    }

    /// The chair resumes an adjourned meeting, at or before the announced time.
    pub(super) fn resume(&self) -> Result<Vec<Event>, CommandError> {
        match self.meeting.phase {
            Phase::Adjourned { .. } => Ok(vec![Event::MeetingResumed { at: self.now }]),
            _ => Err(CommandError::NotAdjourned),
        }
    }

    /// The chair closes an open or adjourned meeting. No vote may be open; a private session ends.
    pub(super) fn close(&self) -> Result<Vec<Event>, CommandError> {
        if !matches!(
            self.meeting.phase,
            Phase::Open { .. } | Phase::Adjourned { .. }
        ) {
            return Err(CommandError::MeetingNotOpen {
                phase: self.meeting.phase.label().to_lowercase(),
            });
        }
        self.require_no_open_vote()?;
        Ok(vec![Event::MeetingClosed { at: self.now }])
    }

    /// The chair moves the resolution to exclude the public (LGA 1972 s100A(4)), citing a Sch 12A
    /// paragraph. No vote may be open, so no vote straddles public and private.
    pub(super) fn exclude_public(
        &self,
        paragraph: u8,
        item: Option<ItemCode>,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        if self.meeting.private.is_some() {
            return Err(CommandError::AlreadyPrivate);
        }
        if !SCH_12A_PARAGRAPHS.contains(&paragraph) {
            return Err(CommandError::InvalidParagraph { paragraph });
        }
        if let Some(code) = &item {
            if self.meeting.agenda.item(code).is_none() {
                return Err(CommandError::UnknownItem { item: code.clone() });
            }
        }
        self.require_no_open_vote()?;
        Ok(vec![Event::PublicExcluded {
            at: self.now,
            paragraph,
            item,
        }])
    }

    /// The chair readmits the public. A vote taken in private must be closed first, and its named
    /// result is published from then on (statute §12 S5).
    pub(super) fn return_to_public(&self) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        if self.meeting.private.is_none() {
            return Err(CommandError::NotPrivate);
        }
        self.require_no_open_vote()?;
        Ok(vec![Event::PublicReadmitted { at: self.now }])
    }
}

/// What is wrong with a summons, if anything.
///
/// The id is the meeting's address (`/meetings/2022-12-06`), so it is limited to lowercase letters, digits
/// and hyphens; the Panel's papers name a meeting by its date, and the demo ids are those dates. Where a
/// day has two meetings the clerk adds a suffix (`2022-12-06-reconvened`). The seeds are silent on this:
/// it is the choice a clerk would expect of a web address.
fn schedule_problem(spec: &MeetingSpec) -> Option<String> {
    crate::meeting::summons_check::summons_problems(spec)
        .into_iter()
        .next()
        .map(|problem| problem.message)
}
