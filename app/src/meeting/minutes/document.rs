//! The minutes as a structured document, in the seeds' own form (S4:83-246): the heading, the
//! attendance blocks, then UNRESTRICTED ITEMS and EXEMPT ITEMS, each a list of numbered minutes whose
//! bodies are blocks of plain text. The Markdown and HTML renderings (`markdown.rs`, `html.rs`) escape
//! every piece of text; nothing here is markup.

use crate::meeting::ids::{ItemCode, MeetingId};
use serde::{Deserialize, Serialize};

/// A set of minutes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    pub meeting: MeetingId,
    /// "KENT COUNTY COUNCIL", "KENT AND MEDWAY POLICE AND CRIME PANEL".
    pub authority: Vec<String>,
    /// "MINUTES of a meeting of the … held in the … on Tuesday, 6 December 2022."
    pub title: String,
    /// PRESENT, ALSO PRESENT, IN ATTENDANCE, APOLOGIES, each with its text.
    pub attendance: Vec<Labelled>,
    /// UNRESTRICTED ITEMS, then EXEMPT ITEMS if any business was taken in private.
    pub parts: Vec<Part>,
    /// A Performance and Delivery Board's "Overview of Actions" (S3:128-133); empty for the Panel,
    /// whose minutes put actions in bold under their item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions_overview: Vec<ActionRow>,
}

/// One row of a Board's "Overview of Actions" (S3:131-132), made by `board_notes.rs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRow {
    /// "Update on internal inspection of rape investigations".
    pub action: String,
    /// "Open" or "Discharged".
    pub status: String,
    /// "Chief Constable".
    pub owner: String,
    /// "27/09/2017".
    pub due: String,
}

/// "PRESENT: Mr P M Hill, OBE (Chairman), …".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labelled {
    pub label: String,
    pub text: String,
}

/// UNRESTRICTED ITEMS or EXEMPT ITEMS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub heading: String,
    /// The resolution excluding the press and public, with its Sch 12A paragraph (exempt part only).
    pub exclusion: Option<String>,
    pub minutes: Vec<Minute>,
}

/// "55. Commissioner's Annual Report 2021/22 (Item B1)" and its body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minute {
    pub number: u32,
    pub item: ItemCode,
    pub title: String,
    /// "(Item B1)".
    pub reference: String,
    pub exempt: bool,
    pub blocks: Vec<Block>,
}

/// One block of a minute's body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// An unnumbered paragraph: a declaration, "… was in attendance for this item.", a question's text.
    Text { text: String },
    /// A numbered paragraph: "1. The Commissioner presented …".
    Numbered { number: u32, text: String },
    /// "Question 1".
    Subheading { text: String },
    /// A written answer, quoted in full (S4:196-213).
    Quote { text: String },
    /// A Panel request or recommendation, or a Commissioner's commitment: bold in the seeds (S2:111).
    Action { text: String },
    /// "RESOLVED that the report be noted."
    Resolved { text: String },
    /// "Meeting adjourned until 15:00 due to …" (S0:112).
    Note { text: String },
}

impl Minutes {
    /// The last minute number, for the next meeting to continue from.
    pub fn last_number(&self) -> Option<u32> {
        self.parts
            .iter()
            .flat_map(|part| part.minutes.iter())
            .map(|minute| minute.number)
            .max()
    }

    /// What the public may read: an exempt minute keeps only its number, title and reference, under
    /// the exclusion resolution, which is public (statute §12 S5).
    pub fn public(&self) -> Minutes {
        let mut public = self.clone();
        for minute in public.parts.iter_mut().flat_map(|p| p.minutes.iter_mut()) {
            if minute.exempt {
                minute.blocks.clear();
            }
        }
        public
    }
}
