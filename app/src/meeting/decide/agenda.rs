//! Moving through the agenda. Only the chair moves the current item, only while the meeting is open,
//! and at most one item is ever current. Moving forward or back passes over an item withdrawn or
//! deferred on the day (`on_the_day.rs`); going straight to any item takes business out of order.

use super::Ctx;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::ids::ItemCode;

impl Ctx<'_> {
    /// The next item in printed order; the first item if none is current yet.
    pub(super) fn advance(&self) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        let taken = |code: &ItemCode| {
            self.meeting
                .day_note(code)
                .is_none_or(|n| !n.is_set_aside())
        };
        let next = self
            .meeting
            .agenda
            .next_where(taken)
            .ok_or(CommandError::AtLastItem)?;
        Ok(vec![Event::CurrentItemChanged {
            item: next.clone(),
            at: self.now,
        }])
    }

    /// The item before the current one.
    pub(super) fn go_back(&self) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        if self.meeting.agenda.current.is_none() {
            return Err(CommandError::NoCurrentItem);
        }
        let taken = |code: &ItemCode| {
            self.meeting
                .day_note(code)
                .is_none_or(|n| !n.is_set_aside())
        };
        let previous = self
            .meeting
            .agenda
            .previous_where(taken)
            .ok_or(CommandError::AtFirstItem)?;
        Ok(vec![Event::CurrentItemChanged {
            item: previous.clone(),
            at: self.now,
        }])
    }

    /// Straight to any item (taking business out of order, or returning to an item).
    pub(super) fn go_to(&self, item: ItemCode) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        if self.meeting.agenda.item(&item).is_none() {
            return Err(CommandError::UnknownItem { item });
        }
        self.require_not_set_aside(&item)?;
        if self.meeting.agenda.current.as_ref() == Some(&item) {
            return Err(CommandError::AlreadyCurrent { item });
        }
        Ok(vec![Event::CurrentItemChanged { item, at: self.now }])
    }
}
