//! Reading the agenda part of an agenda pack, in the seeds' text form (seeds-brief §1.1, S2:1-71,
//! S0:1-80, S4:1-79), into a draft summons ([`MeetingSpec`]) for the clerk to check and confirm.
//! Nothing is scheduled here: the draft goes through the same `ScheduleMeeting` rules as any other
//! summons once the clerk confirms it.
//!
//! The pack is read in four parts, in order: the opening (title, notice, contact line), the
//! membership table, the business (headings, sections, items), and the signatory with the date of
//! issue, which ends the agenda part. Every line that is not understood is listed with its number
//! and the reason, never silently dropped; lines that are only printing (page stamps, "This page is
//! intentionally left blank") are skipped (see [`lines`]).
//!
//! Pure: no I/O, no clock. A pack over [`MAX_PACK_BYTES`] or with binary content is refused whole.

mod dates;
mod draft;
mod header;
mod items;
mod lines;
mod membership;
mod reader;
mod signatory;

pub use dates::{parse_date, parse_time, DateProblem};
pub use draft::{AgendaImport, ImportError, UnreadableLine};
pub use lines::{check_bytes, check_text, clean as clean_line, folded, is_dash, is_noise};
pub use lines::{MAX_LINE_CHARS, MAX_PACK_BYTES};
pub use membership::{member_id, slug};
pub use signatory::Signatory;

/// Reads a pack given as bytes (an upload): checks size and content, then [`import_agenda`].
pub fn import_agenda_bytes(bytes: &[u8]) -> Result<AgendaImport, ImportError> {
    import_agenda(lines::check_bytes(bytes)?)
}

/// Reads the agenda part of a pack.
pub fn import_agenda(text: &str) -> Result<AgendaImport, ImportError> {
    lines::check_text(text)?;
    Ok(reader::read(&lines::clean_lines(text)))
}
