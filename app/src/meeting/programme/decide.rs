//! The programme's rules. Only a clerk changes it (the Panel's officers keep the work programme,
//! "Panel officers", S2:502; the Panel notes it, "RESOLVED that the work programme be noted", S0:172).
//! Where the seeds are silent, a clerk would expect:
//! - a date is a real day (or a month, until the day is fixed), a time a time of day;
//! - one date appears once (a reserve date may share its day with nothing else either);
//! - a date with items planned for it is not removed until they are moved or removed (nothing lost);
//! - an import only adds what is not there yet, matched by date and, under a date, by subject (case,
//!   dashes, quotes and spaces ignored), so re-importing the next pack never undoes a hand edit;
//! - sizes: at most [`MAX_DATES`] dates, [`MAX_ENTRIES`] items per date and provisionally,
//!   [`MAX_LIST_LINES`] lines in each standing list; a subject, reason or note is a line of at most
//!   [`crate::meeting::limits::LINE`] characters, an author at most [`crate::meeting::limits::NAME`].
//!
//! Pure: the decision is worked out by applying each event to a copy, so ids and limits are checked on
//! exactly the state the events produce.

use super::change::{
    EntryText, ImportedMeeting, ProgrammeCommand, ProgrammeEvent, ProgrammeRefusal,
};
use super::model::{Entry, PlannedDate, Programme, StandingList};
use super::year::YearKey;
use crate::meeting::import::folded;
use crate::meeting::limits::{LINE, NAME};
use crate::meeting::time::CivilDate;
use crate::meeting::Actor;

/// Meeting dates in one year (the seeds' years have five to seven, S0:1318-1330).
pub const MAX_DATES: usize = 40;
/// Items planned for one date, or provisionally (the seeds' most is six, S2:500-505).
pub const MAX_ENTRIES: usize = 60;
/// Lines in each standing list (the seeds' most is two, S0:1338-1340).
pub const MAX_LIST_LINES: usize = 30;

/// The events `command` causes, or why it is refused. An accepted command that changes nothing (an
/// import with nothing new) causes no event.
pub fn decide(
    programme: &Programme,
    actor: &Actor,
    year: &YearKey,
    command: &ProgrammeCommand,
) -> Result<Vec<ProgrammeEvent>, ProgrammeRefusal> {
    if !matches!(actor, Actor::Clerk { .. }) {
        return Err(ProgrammeRefusal::NotAllowed);
    }
    let mut draft = Draft {
        state: programme.clone(),
        events: Vec::new(),
    };
    match command {
        ProgrammeCommand::AddDate {
            date,
            time,
            note,
            reserve,
        } => {
            let note = checked_note(note)?;
            check_date(*date, *time)?;
            draft.refuse_taken(*date, *reserve, None)?;
            let id = draft.state.next_id;
            draft.emit(ProgrammeEvent::DateAdded {
                id,
                date: *date,
                time: *time,
                note,
                reserve: *reserve,
            });
        }
        ProgrammeCommand::ChangeDate {
            id,
            date,
            time,
            note,
            reserve,
        } => {
            draft.planned(*id)?;
            let note = checked_note(note)?;
            check_date(*date, *time)?;
            draft.refuse_taken(*date, *reserve, Some(*id))?;
            draft.emit(ProgrammeEvent::DateChanged {
                id: *id,
                date: *date,
                time: *time,
                note,
                reserve: *reserve,
            });
        }
        ProgrammeCommand::RemoveDate { id } => {
            let planned = draft.planned(*id)?;
            if !planned.entries.is_empty() {
                return Err(ProgrammeRefusal::DateHasEntries {
                    date: planned.date.long_text(),
                    count: planned.entries.len(),
                });
            }
            draft.emit(ProgrammeEvent::DateRemoved { id: *id });
        }
        ProgrammeCommand::AddEntry { meeting, text } => {
            if let Some(id) = meeting {
                draft.planned(*id)?;
            }
            let entry = checked_entry(draft.state.next_id, text)?;
            draft.emit(ProgrammeEvent::EntryAdded {
                meeting: *meeting,
                entry,
            });
        }
        ProgrammeCommand::EditEntry { id, text } => {
            draft.entry(*id)?;
            let entry = checked_entry(*id, text)?;
            draft.emit(ProgrammeEvent::EntryEdited { entry });
        }
        ProgrammeCommand::MoveEntry { id, to } => {
            draft.entry(*id)?;
            if let Some(to) = to {
                draft.planned(*to)?;
            }
            draft.emit(ProgrammeEvent::EntryMoved { id: *id, to: *to });
        }
        ProgrammeCommand::RemoveEntry { id } => {
            draft.entry(*id)?;
            draft.emit(ProgrammeEvent::EntryRemoved { id: *id });
        }
        ProgrammeCommand::SetList { list, lines } => {
            let lines = checked_lines(*list, lines)?;
            draft.emit(ProgrammeEvent::ListSet { list: *list, lines });
        }
        ProgrammeCommand::Import { programme } => {
            for meeting in &programme.meetings {
                draft.merge_meeting(meeting)?;
            }
            for text in &programme.provisional {
                draft.merge_entry(None, text)?;
            }
            for list in StandingList::ALL {
                let read = match list {
                    StandingList::Standard => &programme.standard,
                    StandingList::Consider => &programme.consider,
                    StandingList::Note => &programme.note,
                };
                draft.merge_list(list, read)?;
            }
        }
    }
    draft.check_sizes()?;
    let mut events = draft.events;
    if !events.is_empty() && programme.year.is_none() {
        events.insert(0, ProgrammeEvent::YearOpened { year: year.clone() });
    }
    Ok(events)
}

/// The state as the events so far leave it, and those events.
struct Draft {
    state: Programme,
    events: Vec<ProgrammeEvent>,
}

impl Draft {
    fn emit(&mut self, event: ProgrammeEvent) {
        self.state.apply(&event);
        self.events.push(event);
    }

    fn planned(&self, id: u32) -> Result<&super::model::PlannedMeeting, ProgrammeRefusal> {
        self.state
            .meeting(id)
            .ok_or(ProgrammeRefusal::NoSuchDate { id })
    }

    fn entry(&self, id: u32) -> Result<&Entry, ProgrammeRefusal> {
        self.state
            .entry(id)
            .map(|(_, entry)| entry)
            .ok_or(ProgrammeRefusal::NoSuchEntry { id })
    }

    fn refuse_taken(
        &self,
        date: PlannedDate,
        reserve: bool,
        except: Option<u32>,
    ) -> Result<(), ProgrammeRefusal> {
        let taken = self
            .state
            .meetings
            .iter()
            .any(|m| m.date == date && m.reserve == reserve && Some(m.id) != except);
        if taken {
            return Err(ProgrammeRefusal::DateTaken {
                date: date.long_text(),
            });
        }
        Ok(())
    }

    /// A date from a pack: the one already there (its missing time or note filled in), or a new one.
    fn merge_meeting(&mut self, read: &ImportedMeeting) -> Result<(), ProgrammeRefusal> {
        let note = checked_note(&read.note)?;
        check_date(read.date, read.time)?;
        let existing = self
            .state
            .meetings
            .iter()
            .find(|m| m.date == read.date && m.reserve == read.reserve)
            .cloned();
        let id = match existing {
            Some(m) => {
                let time = m.time.or(read.time);
                let note = m.note.clone().or(note);
                if time != m.time || note != m.note {
                    self.emit(ProgrammeEvent::DateChanged {
                        id: m.id,
                        date: m.date,
                        time,
                        note,
                        reserve: m.reserve,
                    });
                }
                m.id
            }
            None => {
                let id = self.state.next_id;
                self.emit(ProgrammeEvent::DateAdded {
                    id,
                    date: read.date,
                    time: read.time,
                    note,
                    reserve: read.reserve,
                });
                id
            }
        };
        for text in &read.entries {
            self.merge_entry(Some(id), text)?;
        }
        Ok(())
    }

    /// An entry from a pack, unless the same subject is planned for that date already. The same subject
    /// may stand at several dates: "Update on PCC's expenditure to support the police and Crime Plan" is
    /// planned for July and for November 2017 (S2:505, S2:518-520).
    fn merge_entry(
        &mut self,
        meeting: Option<u32>,
        text: &EntryText,
    ) -> Result<(), ProgrammeRefusal> {
        let entry = checked_entry(self.state.next_id, text)?;
        let subject = same_words(&entry.subject);
        let list = match meeting {
            Some(id) => self.planned(id).map(|m| &m.entries)?,
            None => &self.state.provisional,
        };
        let known = list.iter().any(|e| same_words(&e.subject) == subject);
        if !known {
            self.emit(ProgrammeEvent::EntryAdded { meeting, entry });
        }
        Ok(())
    }

    fn merge_list(&mut self, list: StandingList, read: &[String]) -> Result<(), ProgrammeRefusal> {
        let mut lines = self.state.list(list).clone();
        for line in checked_lines(list, read)? {
            if !lines.iter().any(|l| same_words(l) == same_words(&line)) {
                lines.push(line);
            }
        }
        if &lines != self.state.list(list) {
            self.emit(ProgrammeEvent::ListSet { list, lines });
        }
        Ok(())
    }

    fn check_sizes(&self) -> Result<(), ProgrammeRefusal> {
        let too_many = |what: &str, max| ProgrammeRefusal::TooMany {
            what: what.to_owned(),
            max,
        };
        if self.state.meetings.len() > MAX_DATES {
            return Err(too_many("meeting dates", MAX_DATES));
        }
        let most = self.state.meetings.iter().map(|m| m.entries.len()).max();
        if most.unwrap_or(0) > MAX_ENTRIES || self.state.provisional.len() > MAX_ENTRIES {
            return Err(too_many("items for one date", MAX_ENTRIES));
        }
        Ok(())
    }
}

/// Lowercase, dashes folded, spaces collapsed, curly quotes made straight: how two subjects are compared.
fn same_words(text: &str) -> String {
    folded(text)
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_date(date: PlannedDate, time: Option<(u8, u8)>) -> Result<(), ProgrammeRefusal> {
    let real = match date {
        PlannedDate::Day { date } => {
            (1900..=2999).contains(&date.year)
                && (1..=12).contains(&date.month)
                && date.day >= 1
                && CivilDate::from_days_since_epoch(date.days_since_epoch()) == date
        }
        PlannedDate::Month { year, month } => {
            (1900..=2999).contains(&year) && (1..=12).contains(&month)
        }
    };
    if !real {
        return Err(ProgrammeRefusal::NotADate {
            text: "The date must be a day of the calendar, such as 8 September 2020, or a month such as September 2023".to_owned(),
        });
    }
    match time {
        Some((hours, minutes)) if hours > 23 || minutes > 59 => Err(ProgrammeRefusal::NotATime),
        _ => Ok(()),
    }
}

/// `text` trimmed and no longer than `max`, or the refusal naming `field`.
/// Tabs and line breaks become spaces: a cell of the printed table is one line (see `text`).
fn line(text: &str, field: &str, max: usize) -> Result<String, ProgrammeRefusal> {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let text = text.trim();
    if text.chars().count() > max {
        return Err(ProgrammeRefusal::TooLong {
            field: field.to_owned(),
            max,
        });
    }
    Ok(text.to_owned())
}

fn checked_note(note: &Option<String>) -> Result<Option<String>, ProgrammeRefusal> {
    match note {
        Some(note) => Ok(Some(line(note, "note", LINE)?).filter(|n| !n.is_empty())),
        None => Ok(None),
    }
}

fn checked_entry(id: u32, text: &EntryText) -> Result<Entry, ProgrammeRefusal> {
    let subject = line(&text.subject, "subject", LINE)?;
    if subject.is_empty() {
        return Err(ProgrammeRefusal::Missing {
            field: "subject".to_owned(),
        });
    }
    Ok(Entry {
        id,
        subject,
        reason: line(&text.reason, "reason", LINE)?,
        author: line(&text.author, "author", NAME)?,
    })
}

fn checked_lines(list: StandingList, lines: &[String]) -> Result<Vec<String>, ProgrammeRefusal> {
    if lines.len() > MAX_LIST_LINES {
        return Err(ProgrammeRefusal::TooMany {
            what: format!("lines in \"{}\"", list.heading()),
            max: MAX_LIST_LINES,
        });
    }
    let mut kept = Vec::new();
    for text in lines {
        let text = line(text, "lines", LINE)?;
        if !text.is_empty() {
            kept.push(text);
        }
    }
    Ok(kept)
}
