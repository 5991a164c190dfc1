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
mod header;
mod items;
mod lines;
mod membership;
mod signatory;

pub use dates::{parse_date, parse_time, DateProblem};
pub use lines::{MAX_LINE_CHARS, MAX_PACK_BYTES};
pub use membership::slug;
pub use signatory::Signatory;

use super::agenda::AgendaSection;
use super::command::MeetingSpec;
use super::ids::MeetingId;
use super::time::{CivilDate, Timestamp};
use header::Header;
use items::BusinessLine;
use lines::{folded, Line};
use membership::Membership;
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

/// Reads a pack given as bytes (an upload): checks size and content, then [`import_agenda`].
pub fn import_agenda_bytes(bytes: &[u8]) -> Result<AgendaImport, ImportError> {
    import_agenda(lines::check_bytes(bytes)?)
}

/// Reads the agenda part of a pack.
pub fn import_agenda(text: &str) -> Result<AgendaImport, ImportError> {
    lines::check_text(text)?;
    let mut reader = Reader::default();
    let lines = lines::clean_lines(text);
    let mut index = 0;
    while index < lines.len() && reader.part != Part::Done {
        index += reader.read(&lines[index..]);
    }
    Ok(reader.finish())
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Part {
    #[default]
    Opening,
    Membership,
    Business,
    Signatory,
    Done,
}

#[derive(Default)]
struct Reader {
    part: Part,
    header: Header,
    membership: Membership,
    sections: Vec<AgendaSection>,
    exempt: bool,
    seen_exempt_heading: bool,
    /// The raw text of the item just read, if the line before was one (for wrapped titles).
    last_item: Option<String>,
    signatory: Vec<String>,
    issued_on: Option<CivilDate>,
    unreadable: Vec<UnreadableLine>,
}

impl Reader {
    /// Reads from the first of `lines`; returns how many lines were used (at least one, unless
    /// the part changed and the line is to be read again).
    fn read(&mut self, lines: &[Line]) -> usize {
        let line = &lines[0];
        if line.text.chars().count() > lines::MAX_LINE_CHARS {
            self.unreadable(
                line,
                format!("longer than {} characters", lines::MAX_LINE_CHARS),
            );
            return 1;
        }
        match self.part {
            Part::Opening => self.opening(lines),
            Part::Membership => self.member(line),
            Part::Business => self.business(line),
            Part::Signatory => self.signature(line),
            Part::Done => 1,
        }
    }

    fn unreadable(&mut self, line: &Line, reason: impl Into<String>) {
        self.unreadable.push(UnreadableLine {
            line: line.number,
            text: line.text.clone(),
            reason: reason.into(),
        });
    }

    fn opening(&mut self, lines: &[Line]) -> usize {
        let line = &lines[0];
        let plain = folded(&line.text);
        if plain == "membership" {
            self.part = Part::Membership;
            return 1;
        }
        if starts_business(&line.text) {
            self.part = Part::Business;
            return 0;
        }
        // A paragraph: this line and those that follow it without a gap (a wrapped notice).
        let length = 1 + lines[1..].iter().take_while(|l| !l.after_gap).count();
        let paragraph = lines[..length]
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if plain == "agenda" || plain.starts_with("dear ") {
            return 1;
        }
        if header::is_notice(&paragraph) {
            for problem in header::read_notice(&paragraph, &mut self.header) {
                self.unreadable(line, problem);
            }
            return length;
        }
        if let Some(contact) = header::contact(&paragraph) {
            self.header.contact = Some(contact);
            return length;
        }
        let is_heading = line.text.chars().any(char::is_alphabetic)
            && !line.text.chars().any(char::is_lowercase);
        if is_heading {
            // The panel's name above the notice (S4:5); the notice's own wording wins.
            return 1;
        }
        self.unreadable(line, "Panelcast keeps no such line in a summons");
        1
    }

    fn member(&mut self, line: &Line) -> usize {
        if !line.text.contains('\t') && starts_business(&line.text) {
            self.part = Part::Business;
            return 0;
        }
        if let Err(reason) = self.membership.read(line) {
            self.unreadable(line, reason);
        }
        1
    }

    fn business(&mut self, line: &Line) -> usize {
        let continued = self
            .last_item
            .as_ref()
            .filter(|_| !line.after_gap && !items::looks_like_an_item(&line.text))
            .map(|previous| format!("{previous} {}", line.text));
        let read = items::read_line(&line.text);
        if let (None, Some(joined)) = (&read, continued) {
            if let Some(BusinessLine::Item { item, .. }) = items::read_line(&joined) {
                let slot = self.sections.last_mut().and_then(|s| s.items.last_mut());
                if let Some(slot) = slot {
                    *slot = super::agenda::AgendaItem {
                        exempt: self.exempt,
                        ..item
                    };
                    self.last_item = Some(joined);
                    return 1;
                }
            }
        }
        self.last_item = None;
        match read {
            Some(BusinessLine::Heading { exempt }) => {
                self.exempt = exempt;
                self.seen_exempt_heading |= exempt;
            }
            Some(BusinessLine::Note) => {}
            Some(BusinessLine::Section { letter, title }) => self.sections.push(AgendaSection {
                letter: Some(letter),
                title: Some(title),
                items: Vec::new(),
                empty_note: None,
            }),
            Some(BusinessLine::NoneForThisMeeting(note)) => match self.sections.last_mut() {
                Some(section) if section.items.is_empty() && section.letter.is_some() => {
                    section.empty_note = Some(note);
                }
                _ => self.unreadable(
                    line,
                    "\"None for this meeting\" belongs under a section title with no items",
                ),
            },
            Some(BusinessLine::Item { item, dropped_note }) => {
                if !matches!(self.sections.last(), Some(s) if s.letter.is_some() || item_is_numbered(&item.code))
                {
                    self.sections.push(AgendaSection {
                        letter: None,
                        title: None,
                        items: Vec::new(),
                        empty_note: None,
                    });
                }
                let section = self
                    .sections
                    .last_mut()
                    .expect("a section was just ensured");
                section.items.push(super::agenda::AgendaItem {
                    exempt: self.exempt,
                    ..item
                });
                self.last_item = Some(line.text.clone());
                if let Some(note) = dropped_note {
                    self.unreadable(line, format!("the note {note:?} has no place on the agenda; the item was kept without it"));
                }
            }
            None if self.seen_exempt_heading || parse_date(&line.text).is_ok() => {
                self.part = Part::Signatory;
                return 0;
            }
            None => self.unreadable(line, "not an item, a section title or a heading"),
        }
        1
    }

    fn signature(&mut self, line: &Line) -> usize {
        if let Ok(date) = parse_date(&line.text) {
            self.issued_on = Some(date);
            self.part = Part::Done;
        } else if self.signatory.len() == signatory::MAX_SIGNATORY_LINES {
            self.unreadable(
                line,
                "expected the date of issue after the signatory; the rest of the pack was not read",
            );
            self.part = Part::Done;
        } else {
            self.signatory.push(line.text.clone());
        }
        1
    }

    fn finish(self) -> AgendaImport {
        let Header {
            title,
            venue,
            date,
            time,
            contact,
        } = self.header;
        let mut missing = Vec::new();
        let mut need = |present: bool, what: &str| {
            if !present {
                missing.push(what.to_owned());
            }
        };
        need(title.is_some(), "the meeting's title");
        need(venue.is_some(), "the venue");
        need(date.is_some(), "the meeting's date");
        need(time.is_some(), "the start time");
        need(!self.membership.seats.is_empty(), "the membership");
        need(!self.sections.is_empty(), "the agenda");
        need(false, "the Commissioner");
        let starts_at = date
            .map(|date| {
                let (hour, minute) = time.unwrap_or((0, 0));
                Timestamp::from_london(date, hour, minute)
            })
            .unwrap_or_default();
        let id = date
            .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
            .unwrap_or_default();
        AgendaImport {
            spec: MeetingSpec {
                id: MeetingId::new(id),
                title: title.unwrap_or_default(),
                starts_at,
                venue: venue.unwrap_or_default(),
                seats: self.membership.seats,
                chair: self.membership.chair,
                vice_chair: self.membership.vice_chair,
                commissioner: String::new(),
                sections: self.sections,
                question_deadline: None,
                hearing: None,
                substitutes_vote_on_vetoes: false,
                contact,
                webcast_url: None,
            },
            issued_on: self.issued_on,
            signatory: Signatory::from_lines(&self.signatory),
            missing,
            unreadable: self.unreadable,
        }
    }
}

fn item_is_numbered(code: &super::ids::ItemCode) -> bool {
    code.as_str().starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a line is the first of the business: a heading, a section title or an item.
fn starts_business(text: &str) -> bool {
    matches!(
        items::read_line(text),
        Some(
            BusinessLine::Heading { .. } | BusinessLine::Section { .. } | BusinessLine::Item { .. }
        )
    )
}
