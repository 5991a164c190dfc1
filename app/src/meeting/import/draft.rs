//! What an import gives back: a draft summons with what the clerk must look at, or why the pack
//! was refused whole.

use super::signatory::Signatory;
use crate::meeting::command::MeetingSpec;
use crate::meeting::time::CivilDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a pack was refused whole.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum ImportError {
    #[error("The pack is {bytes} bytes; Panelcast reads packs of up to 2 MB (paste the agenda part only)")]
    TooLarge { bytes: usize },
    #[error("The pack has binary content at line {line}: paste or upload its text, not the PDF")]
    Binary { line: usize },
}

/// A line that was not understood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadableLine {
    /// 1-based, in the text as given.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

/// What was read: a draft summons, and what the clerk must look at before confirming it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaImport {
    /// The draft. Parts the pack does not give are left empty and named in `missing`: the
    /// Commissioner (an agenda does not name him), and anything the pack leaves out.
    pub spec: MeetingSpec,
    /// The date of issue (S4:79).
    pub issued_on: Option<CivilDate>,
    pub signatory: Option<Signatory>,
    /// The parts of a summons the pack did not give, in words: "the meeting's date".
    pub missing: Vec<String>,
    pub unreadable: Vec<UnreadableLine>,
}
