//! Keeping the record: resolutions, minute paragraphs, attendance for the minutes, actions, the first
//! minute number, and publishing the minutes (rules in `resolution.rs`, `record.rs`, `minutes`).
//!
//! - A resolution is recorded or amended only on the current item of an open meeting: once the chair
//!   leaves the item, its resolutions stand (an amendment is a new event; the earlier wording is kept).
//! - Minute paragraphs, attendance for an item, actions and the meeting's attendance lists may be
//!   written on any item, during the meeting and after it closes (the clerk edits the draft).
//! - The minutes are published once the meeting has closed; publishing an unchanged draft writes
//!   nothing.

use super::Ctx;
use crate::meeting::action::ActionKind;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::ids::ItemCode;
use crate::meeting::minutes;
use crate::meeting::question::{parse_text, TextProblem};
use crate::meeting::record::{
    MAX_ACTIONS, MAX_MINUTE_NUMBER, MAX_NAMES, MAX_NAME_CHARS, MAX_PARAGRAPHS, MAX_PARAGRAPH_CHARS,
};
use crate::meeting::resolution::MAX_RESOLUTIONS_PER_ITEM;
use crate::meeting::Phase;

impl Ctx<'_> {
    fn require_item(&self, item: &ItemCode) -> Result<(), CommandError> {
        match self.meeting.agenda.item(item) {
            Some(_) => Ok(()),
            None => Err(CommandError::UnknownItem { item: item.clone() }),
        }
    }

    fn require_current(&self, item: &ItemCode) -> Result<(), CommandError> {
        self.require_item(item)?;
        self.require_open()?;
        if self.meeting.agenda.current.as_ref() != Some(item) {
            return Err(CommandError::ItemNotCurrent { item: item.clone() });
        }
        Ok(())
    }

    pub(super) fn record_resolution(
        &self,
        item: ItemCode,
        raw: String,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_current(&item)?;
        let text = bounded(&raw, "resolution", MAX_PARAGRAPH_CHARS)?;
        let count = self
            .meeting
            .record
            .item(&item)
            .map_or(0, |r| r.resolutions.len());
        if count >= MAX_RESOLUTIONS_PER_ITEM {
            return Err(too_many(&item, "resolutions", MAX_RESOLUTIONS_PER_ITEM));
        }
        Ok(vec![Event::ResolutionRecorded {
            item,
            text,
            vote: None,
            at: self.now,
        }])
    }

    pub(super) fn amend_resolution(
        &self,
        item: ItemCode,
        number: u32,
        raw: String,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_current(&item)?;
        let text = bounded(&raw, "resolution", MAX_PARAGRAPH_CHARS)?;
        let current = self
            .meeting
            .record
            .resolution(&item, number)
            .ok_or_else(|| CommandError::UnknownResolution {
                item: item.clone(),
                number,
            })?;
        if current.text == text {
            return Ok(vec![]);
        }
        Ok(vec![Event::ResolutionAmended {
            item,
            number,
            text,
            at: self.now,
        }])
    }

    pub(super) fn add_paragraph(
        &self,
        item: ItemCode,
        raw: String,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_item(&item)?;
        let text = bounded(&raw, "minute paragraph", MAX_PARAGRAPH_CHARS)?;
        if self.paragraphs(&item) >= MAX_PARAGRAPHS {
            return Err(too_many(&item, "minute paragraphs", MAX_PARAGRAPHS));
        }
        Ok(vec![Event::MinuteParagraphAdded {
            item,
            text,
            at: self.now,
        }])
    }

    /// An autosave of an unchanged paragraph writes nothing.
    pub(super) fn edit_paragraph(
        &self,
        item: ItemCode,
        number: u32,
        raw: String,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_paragraph(&item, number)?;
        let text = bounded(&raw, "minute paragraph", MAX_PARAGRAPH_CHARS)?;
        let unchanged = self
            .meeting
            .record
            .item(&item)
            .and_then(|r| r.paragraphs.get(number as usize - 1).map(|p| p == &text));
        if unchanged == Some(true) {
            return Ok(vec![]);
        }
        Ok(vec![Event::MinuteParagraphEdited {
            item,
            number,
            text,
            at: self.now,
        }])
    }

    pub(super) fn remove_paragraph(
        &self,
        item: ItemCode,
        number: u32,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_paragraph(&item, number)?;
        Ok(vec![Event::MinuteParagraphRemoved {
            item,
            number,
            at: self.now,
        }])
    }

    fn paragraphs(&self, item: &ItemCode) -> usize {
        self.meeting
            .record
            .item(item)
            .map_or(0, |r| r.paragraphs.len())
    }

    fn require_paragraph(&self, item: &ItemCode, number: u32) -> Result<(), CommandError> {
        self.require_item(item)?;
        if number == 0 || number as usize > self.paragraphs(item) {
            return Err(CommandError::UnknownParagraph {
                item: item.clone(),
                number,
            });
        }
        Ok(())
    }

    pub(super) fn set_item_attendance(
        &self,
        item: ItemCode,
        guests: Vec<String>,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_item(&item)?;
        let guests = names(&guests)?;
        Ok(vec![Event::ItemAttendanceSet { item, guests }])
    }

    pub(super) fn record_action(
        &self,
        item: ItemCode,
        kind: ActionKind,
        text: String,
        owner: String,
        due: String,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_item(&item)?;
        let text = bounded(&text, "action", MAX_PARAGRAPH_CHARS)?;
        let owner = bounded(&owner, "action's owner", MAX_NAME_CHARS)?;
        let due = bounded(&due, "meeting the action is due at", MAX_NAME_CHARS)?;
        let actions = self.meeting.record.actions.len();
        if actions >= MAX_ACTIONS {
            return Err(too_many(&item, "actions", MAX_ACTIONS));
        }
        Ok(vec![Event::ActionRecorded {
            action: actions as u32 + 1,
            item,
            kind,
            text,
            owner,
            due,
            at: self.now,
        }])
    }

    pub(super) fn mark_action_done(&self, action: u32) -> Result<Vec<Event>, CommandError> {
        let found = self.meeting.record.actions.iter().find(|a| a.id == action);
        match found {
            None => Err(CommandError::UnknownAction { action }),
            Some(a) if a.done => Ok(vec![]),
            Some(_) => Ok(vec![Event::ActionDone {
                action,
                at: self.now,
            }]),
        }
    }

    pub(super) fn set_meeting_attendance(
        &self,
        also_present: Vec<String>,
        in_attendance: Vec<String>,
    ) -> Result<Vec<Event>, CommandError> {
        Ok(vec![Event::MeetingAttendanceSet {
            also_present: names(&also_present)?,
            in_attendance: names(&in_attendance)?,
        }])
    }

    pub(super) fn set_first_minute(&self, first: u32) -> Result<Vec<Event>, CommandError> {
        if first == 0 || first > MAX_MINUTE_NUMBER {
            return Err(CommandError::InvalidMinuteNumber {
                max: MAX_MINUTE_NUMBER,
            });
        }
        Ok(vec![Event::MinuteNumberingSet { first }])
    }

    pub(super) fn publish_minutes(
        &self,
        continues_from: Option<u32>,
    ) -> Result<Vec<Event>, CommandError> {
        if !matches!(self.meeting.phase, Phase::Closed { .. }) {
            return Err(CommandError::MinutesBeforeClose);
        }
        let draft = minutes::draft(self.meeting, continues_from);
        let latest = self
            .meeting
            .record
            .latest()
            .map(|p| (p.version, p.sha256.as_str()));
        Ok(match minutes::publication(latest, &draft) {
            None => vec![],
            Some((version, sha256)) => vec![Event::MinutesPublished {
                version,
                sha256,
                minutes: Box::new(draft),
                at: self.now,
            }],
        })
    }
}

/// Trimmed text of at most `max` characters, naming `what` in the refusal.
fn bounded(raw: &str, what: &str, max: usize) -> Result<String, CommandError> {
    let text = raw.trim();
    match parse_text(text) {
        Err(TextProblem::Empty) => Err(CommandError::TextRequired {
            what: what.to_owned(),
        }),
        _ if text.chars().count() > max => Err(CommandError::TextTooLong {
            what: what.to_owned(),
            max: max as u32,
        }),
        _ => Ok(text.to_owned()),
    }
}

/// A list of names: each trimmed, blanks dropped, each and the list bounded.
fn names(raw: &[String]) -> Result<Vec<String>, CommandError> {
    let names: Vec<String> = raw
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .map(|n| bounded(n, "name", MAX_NAME_CHARS))
        .collect::<Result<_, _>>()?;
    if names.len() > MAX_NAMES {
        return Err(CommandError::TooManyNames {
            max: MAX_NAMES as u32,
        });
    }
    Ok(names)
}

fn too_many(item: &ItemCode, what: &str, max: usize) -> CommandError {
    CommandError::TooMany {
        item: item.clone(),
        what: what.to_owned(),
        max: max as u32,
    }
}
