//! The record kept as the meeting happens, from which the minutes are drawn (see `minutes`).
//!
//! Per agenda item: the clerk's numbered minute paragraphs, who was in attendance for the item
//! ("Alan Pughsley QPM (Chief Constable, Kent Police) was in attendance for this item.", S4:103), and
//! its resolutions. Per meeting: ALSO PRESENT (the Commissioner and his officers) and IN ATTENDANCE
//! (Panel officers) (S4:89-93), actions (a Panel request or recommendation, or a Commissioner's
//! commitment, S4:127, S2:137), the minute number the meeting starts from, the order items were taken
//! in, which were taken in private and under which Sch 12A paragraph, adjournments (S0:112), and the
//! published versions of the minutes.
//!
//! Limits (refused with a clear message before anything is written): a paragraph holds at most
//! [`MAX_PARAGRAPH_CHARS`] characters (the longest written answer in the seeds, S4:196-213, is about
//! 4,000), an item at most [`MAX_PARAGRAPHS`] paragraphs; a name at most [`MAX_NAME_CHARS`], a list at
//! most [`MAX_NAMES`] names; the meeting at most [`MAX_ACTIONS`] actions. Everything is plain text:
//! the renderings escape it.

use super::action::Action;
use super::carried::ActionUpdate;
use super::event::Event;
use super::ids::ItemCode;
use super::minutes::document::Minutes;
use super::resolution::{Amendment, Resolution};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const MAX_PARAGRAPH_CHARS: usize = 8000;
pub const MAX_PARAGRAPHS: usize = 100;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_NAMES: usize = 30;
pub const MAX_ACTIONS: usize = 200;
/// Minute numbers run on for years (209 in 2017, 335 in 2019, S2:85, S0:92); a clerk never needs more.
pub const MAX_MINUTE_NUMBER: u32 = 1_000_000;

/// What was minuted on one item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub paragraphs: Vec<String>,
    /// "Alan Pughsley QPM (Chief Constable, Kent Police)".
    pub guests: Vec<String>,
    pub resolutions: Vec<Resolution>,
}

/// "Meeting adjourned until 15:00 due to …" (S0:112), under the item it interrupted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjournmentNote {
    pub item: Option<ItemCode>,
    pub until: Timestamp,
    pub reason: String,
}

/// A frozen, numbered version of the minutes, with the SHA-256 of its Markdown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedMinutes {
    pub version: u32,
    pub sha256: String,
    pub at: Timestamp,
    pub minutes: Minutes,
}

/// The meeting's record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub items: BTreeMap<ItemCode, ItemRecord>,
    /// Items in the order the meeting first took them (business may be taken out of order, S4:100).
    pub taken: Vec<ItemCode>,
    /// Items taken while the public were excluded, with the Sch 12A paragraph.
    pub private_items: BTreeMap<ItemCode, u8>,
    pub adjournments: Vec<AdjournmentNote>,
    pub also_present: Vec<String>,
    pub in_attendance: Vec<String>,
    /// The number set by the clerk, used when no earlier meeting's minutes are in Panelcast.
    pub first_minute: Option<u32>,
    pub actions: Vec<Action>,
    pub published: Vec<PublishedMinutes>,
    /// Updates recorded here of actions carried from earlier meetings, in order (`carried.rs`).
    #[serde(default)]
    pub carried_updates: Vec<ActionUpdate>,
}

impl Record {
    pub fn item(&self, code: &ItemCode) -> Option<&ItemRecord> {
        self.items.get(code)
    }

    pub fn latest(&self) -> Option<&PublishedMinutes> {
        self.published.last()
    }

    /// The chair moved to `item`; `private` is the Sch 12A paragraph if the public are excluded.
    pub(super) fn took(&mut self, item: &ItemCode, private: Option<u8>) {
        if !self.taken.contains(item) {
            self.taken.push(item.clone());
        }
        if let Some(paragraph) = private {
            self.private_items.entry(item.clone()).or_insert(paragraph);
        }
    }

    /// The public were excluded for `item` (the current item, or the one named in the resolution).
    pub(super) fn excluded(&mut self, item: Option<&ItemCode>, paragraph: u8) {
        if let Some(item) = item {
            self.private_items.insert(item.clone(), paragraph);
        }
    }

    pub(super) fn adjourned(&mut self, item: Option<&ItemCode>, until: Timestamp, reason: &str) {
        self.adjournments.push(AdjournmentNote {
            item: item.cloned(),
            until,
            reason: reason.to_owned(),
        });
    }

    /// Adds a resolution (a vote's, or the chair's or clerk's) to an item.
    pub(super) fn resolve(&mut self, item: &ItemCode, resolution: Resolution) {
        self.items
            .entry(item.clone())
            .or_default()
            .resolutions
            .push(resolution);
    }

    /// Folds one of the record's own events; others are ignored (total, like `Meeting::apply`).
    pub(super) fn apply(&mut self, event: &Event) {
        match event {
            Event::ResolutionRecorded {
                item,
                text,
                vote,
                at,
            } => self.resolve(
                item,
                Resolution {
                    text: text.clone(),
                    vote: *vote,
                    recorded_at: *at,
                    amendments: vec![],
                },
            ),
            Event::ResolutionAmended {
                item,
                number,
                text,
                at,
            } => {
                if let Some(r) = self.resolution_mut(item, *number) {
                    let previous = std::mem::replace(&mut r.text, text.clone());
                    r.amendments.push(Amendment { previous, at: *at });
                }
            }
            Event::MinuteParagraphAdded { item, text, .. } => self
                .items
                .entry(item.clone())
                .or_default()
                .paragraphs
                .push(text.clone()),
            Event::MinuteParagraphEdited {
                item, number, text, ..
            } => {
                if let Some(p) = self.paragraph_mut(item, *number) {
                    *p = text.clone();
                }
            }
            Event::MinuteParagraphRemoved { item, number, .. } => {
                if let Some(record) = self.items.get_mut(item) {
                    let index = (*number as usize).wrapping_sub(1);
                    if index < record.paragraphs.len() {
                        record.paragraphs.remove(index);
                    }
                }
            }
            Event::ItemAttendanceSet { item, guests } => {
                self.items.entry(item.clone()).or_default().guests = guests.clone()
            }
            Event::ActionRecorded {
                action,
                item,
                kind,
                text,
                owner,
                due,
                ..
            } => self.actions.push(Action {
                id: *action,
                item: item.clone(),
                kind: *kind,
                text: text.clone(),
                owner: owner.clone(),
                due: due.clone(),
                done: false,
            }),
            Event::ActionDone { action, .. } => {
                if let Some(a) = self.actions.iter_mut().find(|a| a.id == *action) {
                    a.done = true;
                }
            }
            Event::MeetingAttendanceSet {
                also_present,
                in_attendance,
            } => {
                self.also_present = also_present.clone();
                self.in_attendance = in_attendance.clone();
            }
            Event::MinuteNumberingSet { first } => self.first_minute = Some(*first),
            Event::CarriedActionUpdated {
                carried,
                done,
                note,
                item,
                at,
            } => self.carried_updates.push(ActionUpdate {
                action: carried.clone(),
                done: *done,
                note: note.clone(),
                item: item.clone(),
                at: *at,
            }),
            Event::MinutesPublished {
                version,
                sha256,
                minutes,
                at,
            } => self.published.push(PublishedMinutes {
                version: *version,
                sha256: sha256.clone(),
                at: *at,
                minutes: (**minutes).clone(),
            }),
            _ => {}
        }
    }

    /// Resolution `number` (1-based) of `item`.
    pub fn resolution(&self, item: &ItemCode, number: u32) -> Option<&Resolution> {
        let index = (number as usize).checked_sub(1)?;
        self.items.get(item)?.resolutions.get(index)
    }

    fn resolution_mut(&mut self, item: &ItemCode, number: u32) -> Option<&mut Resolution> {
        let index = (number as usize).checked_sub(1)?;
        self.items.get_mut(item)?.resolutions.get_mut(index)
    }

    fn paragraph_mut(&mut self, item: &ItemCode, number: u32) -> Option<&mut String> {
        let index = (number as usize).checked_sub(1)?;
        self.items.get_mut(item)?.paragraphs.get_mut(index)
    }
}
