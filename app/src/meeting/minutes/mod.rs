//! The minutes: generated from the meeting's record (`build.rs`, `body.rs`), as a structured
//! document (`document.rs`) rendered as Markdown and HTML, and published as frozen, numbered
//! versions.
//!
//! **Publishing** ([`publication`]) freezes the draft as it stands: the event carries the document
//! and the SHA-256 of its Markdown. Publishing an unchanged draft again writes nothing (idempotent);
//! a later correction is a new version, and every earlier version stays in the log and on the page's
//! history. The minutes are published once the meeting has closed (a clerk publishes the record of a
//! whole meeting).
//!
//! **Numbering** continues from the previous meeting's last minute (S4:95 begins at 52). The core
//! sees one meeting, so the shell finds the previous one: the latest meeting in Panelcast that
//! started before this one and has published minutes, whose latest version's last number it passes
//! in (`continues_from`). With no such meeting, the number the clerk set is used
//! ([`crate::meeting::Command::SetFirstMinuteNumber`]), else 1.

mod action_updates;
pub mod board_notes;
mod body;
pub mod build;
pub mod document;
pub mod html;
pub mod markdown;
pub mod names;

pub use build::{draft, first_number, is_exempt};
pub use document::{Block, Labelled, Minute, Minutes, Part};

use sha2::{Digest, Sha256};

/// The SHA-256 of the minutes' Markdown, as lower-case hex.
pub fn sha256(minutes: &Minutes) -> String {
    let digest = Sha256::digest(markdown::render(minutes).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The next version to publish: `None` if the draft is unchanged since the latest version.
pub fn publication(latest: Option<(u32, &str)>, draft: &Minutes) -> Option<(u32, String)> {
    let hash = sha256(draft);
    match latest {
        Some((_, published)) if published == hash => None,
        Some((version, _)) => Some((version + 1, hash)),
        None => Some((1, hash)),
    }
}
