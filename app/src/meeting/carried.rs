//! The actions register carried from meeting to meeting: an action recorded at a meeting and not yet
//! marked done is listed at every later meeting of the same Panel until it is, as the "Overview of
//! Actions" of S3:128-133 (Status | Owner | Due date) and the "action updates" taken with the notes of
//! the previous meeting (S0:1395-1404, S4:2082-2085: "discharged, reported in item 3").
//!
//! Rules:
//! - [`carried_to`] takes the earlier meetings in date order and returns the actions still open at the
//!   end of the last one: each meeting first applies the updates it recorded on actions carried to it
//!   (the latest update of an action at a meeting wins), then adds its own actions not marked done.
//!   An action is keyed by its meeting and its number, so it is listed once, and it stays until an update
//!   at a later meeting (or `MarkActionDone` on its own meeting) marks it done.
//! - [`register_at`] is what a meeting shows: what was carried to it, with the updates recorded at it laid
//!   over (an action marked done here stays in the list, marked done, so the room sees the change; the
//!   next meeting no longer gets it).
//! - An action of an item that was exempt at its meeting keeps `exempt`, so no public view shows it.
//!
//! The seeds do not say how a Panel (rather than the P&D Board) tracks actions; a clerk would keep one
//! register per Panel, so the shell passes the earlier meetings with the same title.

use super::action::{Action, ActionKind};
use super::ids::{ItemCode, MeetingId};
use super::minutes;
use super::roles::Role;
use super::time::Timestamp;
use super::Meeting;
use serde::{Deserialize, Serialize};

/// An action as it is carried to a later meeting: what it said and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CarriedAction {
    /// The meeting that recorded it.
    pub meeting: MeetingId,
    /// That meeting's date: "27 September 2022".
    pub meeting_date: String,
    /// Its number at that meeting.
    pub action: u32,
    pub item: ItemCode,
    /// Its minute's number in that meeting's latest published minutes, once published.
    #[serde(default)]
    pub minute: Option<u32>,
    pub kind: ActionKind,
    pub text: String,
    pub owner: String,
    pub due: String,
    /// Recorded on an exempt item: only the chair and the clerk see it.
    #[serde(default)]
    pub exempt: bool,
}

impl CarriedAction {
    /// `action` of `meeting`, as it would be carried.
    pub fn of(meeting: &Meeting, action: &Action) -> Self {
        let minute = meeting.record().latest().and_then(|p| {
            p.minutes
                .parts
                .iter()
                .flat_map(|part| part.minutes.iter())
                .find(|m| m.item == action.item)
                .map(|m| m.number)
        });
        Self {
            meeting: meeting.id().cloned().unwrap_or_default(),
            meeting_date: meeting
                .info()
                .map(|i| i.starts_at.london_date().to_string())
                .unwrap_or_default(),
            action: action.id,
            item: action.item.clone(),
            minute,
            kind: action.kind,
            text: action.text.clone(),
            owner: action.owner.clone(),
            due: action.due.clone(),
            exempt: minutes::is_exempt(meeting, &action.item),
        }
    }

    /// Whether this is action `action` of `meeting`.
    pub fn is(&self, meeting: &MeetingId, action: u32) -> bool {
        &self.meeting == meeting && self.action == action
    }

    /// "Minute 58 of 27 September 2022", or "Item B1 of …" before those minutes are published.
    pub fn source(&self) -> String {
        match self.minute {
            Some(n) => format!("Minute {n} of {}", self.meeting_date),
            None => format!("Item {} of {}", self.item, self.meeting_date),
        }
    }
}

/// An update, recorded at a later meeting, of an action carried to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionUpdate {
    pub action: CarriedAction,
    /// Marked done ("discharged", S0:1400); `false` keeps it open with the note.
    pub done: bool,
    /// "Covered in the Making Kent Safer paper" (S4:2085).
    pub note: Option<String>,
    /// The item that was current when it was recorded.
    pub item: Option<ItemCode>,
    pub at: Timestamp,
}

/// One line of a meeting's register of carried actions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RegisterEntry {
    pub action: CarriedAction,
    /// Marked done at this meeting (an entry carried on is always open).
    pub done: bool,
    /// The latest note on it.
    pub note: Option<String>,
    /// Updated at this meeting.
    pub updated_here: bool,
}

/// The actions still open after `earlier` (in date order): see the module's rules.
pub fn carried_to<'a>(earlier: impl IntoIterator<Item = &'a Meeting>) -> Vec<RegisterEntry> {
    let mut open: Vec<RegisterEntry> = vec![];
    for meeting in earlier {
        lay_over(&mut open, &meeting.record().carried_updates);
        open.retain(|e| !e.done);
        for entry in &mut open {
            entry.updated_here = false;
        }
        let own = meeting.record().actions.iter().filter(|a| !a.done);
        open.extend(own.map(|a| RegisterEntry {
            action: CarriedAction::of(meeting, a),
            done: false,
            note: None,
            updated_here: false,
        }));
    }
    open
}

/// The register `meeting` shows: [`carried_to`] its earlier meetings, with its own updates laid over.
pub fn register_at<'a>(
    earlier: impl IntoIterator<Item = &'a Meeting>,
    meeting: &Meeting,
) -> Vec<RegisterEntry> {
    let mut register = carried_to(earlier);
    lay_over(&mut register, &meeting.record().carried_updates);
    register
}

/// What a viewer with `role` at the later meeting may see of a register: an action of an exempt item
/// only the chair and the clerk (the record of an exempt item never reaches a public channel).
pub fn visible(register: Vec<RegisterEntry>, role: Role) -> Vec<RegisterEntry> {
    let officer = matches!(role, Role::Chair | Role::Clerk);
    register
        .into_iter()
        .filter(|e| officer || !e.action.exempt)
        .collect()
}

/// Applies `updates` in order to the entries they name; an update of an action not listed is ignored.
fn lay_over(entries: &mut [RegisterEntry], updates: &[ActionUpdate]) {
    for update in updates {
        let named = entries
            .iter_mut()
            .find(|e| e.action.is(&update.action.meeting, update.action.action));
        if let Some(entry) = named {
            entry.done = update.done;
            entry.note = update.note.clone();
            entry.updated_here = true;
        }
    }
}
