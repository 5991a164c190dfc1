//! What each viewer sees of the record:
//! - resolutions, live under their item, for everyone; but never on an exempt item (taken in private
//!   or marked exempt) for anyone outside the room, and nothing during a private session beyond the
//!   banner (statute §12 S5);
//! - actions on items that are not exempt, for everyone (the register, S3:128-133);
//! - the minute-taking state (paragraphs, attendance, starting texts, versions) for the chair and the
//!   clerk only: drafts are theirs until published.

use super::project::Sight;
use crate::meeting::action::ActionKind;
use crate::meeting::ids::ItemCode;
use crate::meeting::minutes;
use crate::meeting::resolution::{starting_texts, StartingText};
use serde::{Deserialize, Serialize};

/// A resolution under its item.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ResolutionView {
    pub item: ItemCode,
    /// 1-based, for `AmendResolution`.
    pub number: u32,
    pub text: String,
    pub from_vote: bool,
    /// Earlier wordings, oldest first (chair and clerk only).
    pub amended_from: Vec<String>,
}

/// An action in the register.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActionView {
    pub id: u32,
    pub item: ItemCode,
    pub kind: ActionKind,
    pub kind_label: String,
    pub text: String,
    pub owner: String,
    pub due: String,
    /// "Open" or "Done".
    pub status: String,
}

/// The clerk's and chair's minute-taking state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MinuteTakingView {
    pub items: Vec<ItemMinutesView>,
    pub also_present: Vec<String>,
    pub in_attendance: Vec<String>,
    pub first_minute: Option<u32>,
    /// Published versions, oldest first: (version, SHA-256).
    pub versions: Vec<(u32, String)>,
}

/// One agenda item's minute-taking state.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemMinutesView {
    pub item: ItemCode,
    pub paragraphs: Vec<String>,
    pub guests: Vec<String>,
    pub starting_texts: Vec<StartingText>,
    pub exempt: bool,
}

impl Sight<'_> {
    /// Whether this viewer may see the record of `item`.
    fn sees_item(&self, item: &ItemCode) -> bool {
        self.insider() || !minutes::is_exempt(self.meeting, item)
    }

    pub(super) fn resolutions(&self) -> Vec<ResolutionView> {
        let record = self.meeting.record();
        let mut out = vec![];
        for (item, r) in &record.items {
            if !self.sees_item(item) {
                continue;
            }
            for (index, resolution) in r.resolutions.iter().enumerate() {
                out.push(ResolutionView {
                    item: item.clone(),
                    number: index as u32 + 1,
                    text: resolution.text.clone(),
                    from_vote: resolution.vote.is_some(),
                    amended_from: if self.officer() {
                        resolution
                            .amendments
                            .iter()
                            .map(|a| a.previous.clone())
                            .collect()
                    } else {
                        vec![]
                    },
                });
            }
        }
        out
    }

    /// Whether this viewer may see an action carried from an earlier meeting (`carried::visible`).
    pub(super) fn sees_carried(&self, action: &crate::meeting::carried::CarriedAction) -> bool {
        !action.exempt || self.officer()
    }

    pub(super) fn actions(&self) -> Vec<ActionView> {
        let record = self.meeting.record();
        let visible = record.actions.iter().filter(|a| self.sees_item(&a.item));
        visible
            .map(|a| ActionView {
                id: a.id,
                item: a.item.clone(),
                kind: a.kind,
                kind_label: a.kind.label().to_owned(),
                text: a.text.clone(),
                owner: a.owner.clone(),
                due: a.due.clone(),
                status: if a.done { "Done" } else { "Open" }.to_owned(),
            })
            .collect()
    }

    pub(super) fn minute_taking(&self) -> Option<MinuteTakingView> {
        if !self.officer() {
            return None;
        }
        let record = self.meeting.record();
        let items = self
            .meeting
            .agenda()
            .items()
            .map(|item| {
                let r = record.item(&item.code);
                ItemMinutesView {
                    item: item.code.clone(),
                    paragraphs: r.map(|r| r.paragraphs.clone()).unwrap_or_default(),
                    guests: r.map(|r| r.guests.clone()).unwrap_or_default(),
                    starting_texts: starting_texts(item),
                    exempt: minutes::is_exempt(self.meeting, &item.code),
                }
            })
            .collect();
        Some(MinuteTakingView {
            items,
            also_present: record.also_present.clone(),
            in_attendance: record.in_attendance.clone(),
            first_minute: record.first_minute,
            versions: record
                .published
                .iter()
                .map(|p| (p.version, p.sha256.clone()))
                .collect(),
        })
    }
}
