//! The reader: walks the cleaned lines through the pack's four parts in order (opening,
//! membership, business, signatory), handing each line to the part's own reader, and gathers the
//! draft summons. A line no part understands is listed with its number and the reason.

use super::dates::parse_date;
use super::draft::{AgendaImport, UnreadableLine};
use super::header::{self, Header};
use super::items::{self, BusinessLine};
use super::lines::{self, folded, Line};
use super::membership::Membership;
use super::signatory::{self, Signatory};
use crate::meeting::agenda::{AgendaItem, AgendaSection};
use crate::meeting::command::MeetingSpec;
use crate::meeting::ids::{ItemCode, MeetingId};
use crate::meeting::time::{CivilDate, Timestamp};

/// Reads the cleaned lines of a pack into a draft.
pub fn read(lines: &[Line]) -> AgendaImport {
    let mut reader = Reader::default();
    let mut index = 0;
    while index < lines.len() && reader.part != Part::Done {
        index += reader.read(&lines[index..]);
    }
    reader.finish()
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
                    *slot = AgendaItem {
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
                section.items.push(AgendaItem {
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
        let id = date.map(|d| d.iso()).unwrap_or_default();
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
                kind: Default::default(),
                attendees: Vec::new(),
            },
            issued_on: self.issued_on,
            signatory: Signatory::from_lines(&self.signatory),
            missing,
            unreadable: self.unreadable,
        }
    }
}

fn item_is_numbered(code: &ItemCode) -> bool {
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
