//! Reviewing the actions carried from earlier meetings (`carried.rs`): the chair or the clerk marks one
//! done, or keeps it open with a note, during the meeting or while editing its minutes after it closes.
//!
//! - The action must be carried to this meeting: the shell looks it up in the register of the earlier
//!   meetings and passes it in as `carried`; without it, or for another action, or for one of this
//!   meeting's own actions (`MarkActionDone` is for those), the action is unknown here.
//! - The note is plain text, trimmed; an empty note is none.
//! - Sending what the action already shows here (the same status and note) writes nothing.
//! - A meeting records at most [`MAX_UPDATES`] updates (a clerk reviews a few dozen at most).

use super::Ctx;
use crate::meeting::carried::CarriedAction;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::ids::MeetingId;

/// Updates of carried actions one meeting may record.
pub const MAX_UPDATES: usize = 1000;

impl Ctx<'_> {
    pub(super) fn update_carried_action(
        &self,
        meeting: &MeetingId,
        action: u32,
        done: bool,
        note: Option<String>,
        carried: Option<CarriedAction>,
    ) -> Result<Vec<Event>, CommandError> {
        let unknown = CommandError::UnknownAction { action };
        let carried = carried.ok_or(unknown.clone())?;
        if !carried.is(meeting, action) || self.meeting.id() == Some(meeting) {
            return Err(unknown);
        }
        let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        let updates = &self.meeting.record.carried_updates;
        let latest = updates.iter().rev().find(|u| u.action.is(meeting, action));
        let unchanged = match latest {
            Some(u) => u.done == done && u.note == note,
            None => !done && note.is_none(),
        };
        if unchanged {
            return Ok(vec![]);
        }
        if updates.len() >= MAX_UPDATES {
            return Err(CommandError::TooMany {
                item: carried.item.clone(),
                what: "updates of actions".to_owned(),
                max: MAX_UPDATES as u32,
            });
        }
        Ok(vec![Event::CarriedActionUpdated {
            carried,
            done,
            note,
            item: self.meeting.agenda.current.clone(),
            at: self.now,
        }])
    }
}
