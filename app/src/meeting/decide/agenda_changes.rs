//! The agenda after the summons (rules in `agenda_changes.rs`): the clerk publishes a supplement for a
//! paper "to follow", replaces an item's papers, and postpones or cancels a meeting that has not opened.
//! A closed or cancelled meeting never gets here (`decide/mod.rs` refuses first).

use super::{text, Ctx};
use crate::meeting::agenda::{AgendaItem, PageRange};
use crate::meeting::agenda_changes::pages_ok;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::ids::ItemCode;
use crate::meeting::phase::Phase;
use crate::meeting::time::Timestamp;

impl Ctx<'_> {
    /// A paper "to follow" arrives: the item must have such a note (otherwise its papers are replaced,
    /// not supplemented), must not be set aside, and its pages, if given, run forwards from page 1.
    pub(super) fn publish_supplement(
        &self,
        item: ItemCode,
        pages: Option<PageRange>,
    ) -> Result<Vec<Event>, CommandError> {
        let entry = self.item_with_papers(&item, pages)?;
        if entry.to_follow.is_none() {
            return Err(CommandError::NothingToFollow { item });
        }
        Ok(vec![Event::SupplementPublished {
            item,
            pages,
            at: self.now,
        }])
    }

    /// An item's papers are replaced (a corrected report), with the reason the notice gives.
    pub(super) fn replace_item_papers(
        &self,
        item: ItemCode,
        pages: Option<PageRange>,
        reason: String,
    ) -> Result<Vec<Event>, CommandError> {
        self.item_with_papers(&item, pages)?;
        let reason = text(&reason, "reason for replacing the papers")?;
        Ok(vec![Event::ItemPapersReplaced {
            item,
            pages,
            reason,
            at: self.now,
        }])
    }

    /// The clerk moves a meeting that has not opened to a later time: after now, not where it already
    /// is, and not past a confirmation hearing's report deadline (PRSRA 2011 Sch 8 para 4(6)).
    pub(super) fn postpone(
        &self,
        starts_at: Timestamp,
        reason: Option<String>,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_not_opened("postponed", "adjourn it instead")?;
        let from = self.meeting.info.as_ref().map(|i| i.starts_at);
        let from = from.ok_or(CommandError::NotScheduled)?;
        if starts_at <= self.now {
            return Err(CommandError::PostponeNotLater);
        }
        if starts_at == from {
            return Err(CommandError::SameStartTime);
        }
        if let Some(hearing) = self.meeting.hearing.as_ref() {
            let deadline = hearing.spec.report_deadline();
            let date = starts_at.london_date();
            if deadline < date {
                return Err(CommandError::PastHearingDeadline {
                    deadline: deadline.to_string(),
                    date: date.to_string(),
                });
            }
        }
        let reason = reason
            .filter(|r| !r.trim().is_empty())
            .map(|r| text(&r, "reason"))
            .transpose()?;
        Ok(vec![Event::MeetingPostponed {
            from,
            to: starts_at,
            reason,
            at: self.now,
        }])
    }

    /// The clerk cancels a meeting that has not opened, with the reason the notice gives.
    pub(super) fn cancel(&self, reason: String) -> Result<Vec<Event>, CommandError> {
        self.require_not_opened("cancelled", "close it instead")?;
        let reason = text(&reason, "reason for cancelling the meeting")?;
        Ok(vec![Event::MeetingCancelled {
            reason,
            at: self.now,
        }])
    }

    /// Refuses once the meeting has opened (the summons can no longer change).
    fn require_not_opened(&self, how: &str, instead: &str) -> Result<(), CommandError> {
        match self.meeting.phase {
            Phase::Scheduled => Ok(()),
            _ => Err(CommandError::MeetingHasOpened {
                how: how.to_owned(),
                instead: instead.to_owned(),
            }),
        }
    }

    /// The item whose papers change: on the agenda, not a verbal update, not set aside, with sane pages.
    fn item_with_papers(
        &self,
        item: &ItemCode,
        pages: Option<PageRange>,
    ) -> Result<&AgendaItem, CommandError> {
        let entry = self
            .meeting
            .agenda
            .item(item)
            .ok_or_else(|| CommandError::UnknownItem { item: item.clone() })?;
        if let Some(how) = self.meeting.day_note(item).and_then(|n| n.how_set_aside()) {
            return Err(CommandError::PapersOfItemSetAside {
                item: item.clone(),
                how,
            });
        }
        if entry.verbal {
            return Err(CommandError::VerbalItem { item: item.clone() });
        }
        if !pages_ok(pages) {
            return Err(CommandError::BadPageRange);
        }
        Ok(entry)
    }
}
