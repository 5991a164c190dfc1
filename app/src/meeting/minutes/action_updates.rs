//! The updates on actions from earlier meetings, in the minutes of the meeting that reviewed them.
//!
//! The Panel's seeds never minute an action update; the P&D Board's notes take them with the notes of
//! the previous meeting: "The following action updates were provided: Update on Junior and Mini Cadets –
//! discharged, reported in item 3" (S0:1395-1404), "Provide an update on borders … (1 December 2021):
//! discharged - verbal update …" (S4:2082-2085). A clerk would do the same here:
//! - the updates go under the item that takes the minutes of the previous meeting (an item whose title
//!   says "Minutes of"); failing one, under the item current when the first update was recorded;
//!   failing that, under the first item taken;
//! - one line per action, its latest update here: "<action> (<owner>; Minute 58 of 27 September 2022,
//!   due 6 December 2022): discharged – <note>." ("open" while it stays open);
//! - an action of an exempt item is reviewed in the room but not minuted here, because this minute is
//!   public; it stays in the register the chair and the clerk see.

use super::document::Block;
use crate::meeting::carried::ActionUpdate;
use crate::meeting::ids::ItemCode;
use crate::meeting::Meeting;

/// The updates to minute: the latest per action, in the order each was first reviewed.
fn latest(meeting: &Meeting) -> Vec<&ActionUpdate> {
    let updates = &meeting.record().carried_updates;
    let mut out: Vec<&ActionUpdate> = vec![];
    for update in updates.iter().filter(|u| !u.action.exempt) {
        let key = (&update.action.meeting, update.action.action);
        match out
            .iter_mut()
            .find(|u| (&u.action.meeting, u.action.action) == key)
        {
            Some(slot) => *slot = update,
            None => out.push(update),
        }
    }
    out
}

/// The item whose minute holds the updates, if there are any to minute.
pub(super) fn place(meeting: &Meeting) -> Option<ItemCode> {
    let first = latest(meeting).into_iter().next()?;
    let agenda = meeting.agenda();
    agenda
        .items()
        .find(|item| item.title.to_lowercase().contains("minutes of"))
        .map(|item| item.code.clone())
        .or_else(|| first.item.clone())
        .or_else(|| meeting.record().taken.first().cloned())
}

/// The blocks for the item `place` chose.
pub(super) fn blocks(meeting: &Meeting) -> Vec<Block> {
    let updates = latest(meeting);
    if updates.is_empty() {
        return vec![];
    }
    let mut blocks = vec![Block::Text {
        text: "The following updates on actions from earlier meetings were noted:".to_owned(),
    }];
    for update in updates {
        let a = &update.action;
        let status = if update.done { "discharged" } else { "open" };
        let note = update
            .note
            .as_deref()
            .map(|n| format!(" – {}", n.trim_end_matches('.')))
            .unwrap_or_default();
        blocks.push(Block::Text {
            text: format!(
                "{} ({}; {}, due {}): {status}{note}.",
                a.text.trim_end_matches('.'),
                a.owner,
                a.source(),
                a.due
            ),
        });
    }
    blocks
}
