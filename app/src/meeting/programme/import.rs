//! Reading a work programme as the agenda packs print it (seeds-brief §1.6): "Police and Crime Panel
//! Forward work programme", then either a list of "Meeting dates for 2020/21" (S0:1313-1330) or dates each
//! followed by its business, "Subject | Reason for report | Author" in tab-separated cells (S2:496-530,
//! S4:2037-2052), then the standing lists (S2:532-540, S0:1333-1348, S4:2054-2062).
//!
//! The clerk may paste the work programme alone or the whole pack: the programme starts at a heading
//! naming the "work programme" that is followed by a date, a "Meeting dates for" heading or the column
//! headings, and ends at the page left blank after it (or the end of the text). Everything in between is
//! either read or listed with its line number and the reason, never dropped in silence.
//!
//! What the printing adds is handled by rule, not by file: markdown bold splits a line in two (the PDF's
//! heading and first date run together, S4:2037); a cell wrapped onto the next line starts in lower case
//! and continues the subject above it (S2:518-520); a row of dashes is a table rule (S2:525); a date
//! without a year takes the year of the text around it ("Thursday 6 February – 14:00" under "Meeting
//! dates for 2020/21", S0:1318), checked against its weekday. Pure; sizes as for an agenda pack.

use serde::{Deserialize, Serialize};

use super::change::{EntryText, ImportedMeeting, ImportedProgramme};
use super::model::{PlannedDate, StandingList};
use super::year::YearKey;
use crate::meeting::import::{
    check_text, clean_line, folded, is_dash, is_noise, parse_date, parse_time, ImportError,
    UnreadableLine,
};

/// What was read, and what was not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeRead {
    pub programme: ImportedProgramme,
    /// The lines of the text the programme was read from (1-based, inclusive); `None` if nothing was.
    pub lines: Option<(usize, usize)>,
    pub unreadable: Vec<UnreadableLine>,
}

/// Reads the work programme in `text` (at most 2 MB, no binary content).
pub fn import_programme(text: &str) -> Result<ProgrammeRead, ImportError> {
    check_text(text)?;
    let pieces = pieces(text);
    let start = (0..pieces.len())
        .find(|&i| is_title(&pieces[i].1) && opens_programme(pieces.get(i + 1)))
        .unwrap_or(0);
    let mut reader = Reader::default();
    let mut last = None;
    for (number, text) in &pieces[start..] {
        if folded(text).trim_end_matches('.') == "this page is intentionally left blank" {
            if last.is_some() {
                break;
            }
            continue;
        }
        if text.is_empty() || is_noise(text) || is_table_rule(text) {
            continue;
        }
        reader.read(*number, text);
        last = Some(*number);
    }
    let first = pieces.get(start).map(|(n, _)| *n);
    Ok(ProgrammeRead {
        programme: reader.programme,
        lines: first.zip(last),
        unreadable: reader.unreadable,
    })
}

/// The text's lines cleaned, each split where markdown bold starts or ends, with their 1-based numbers.
fn pieces(text: &str) -> Vec<(usize, String)> {
    let mut pieces = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        for part in raw.split("**") {
            let cleaned = clean_line(part);
            if !cleaned.is_empty() {
                pieces.push((index + 1, cleaned));
            }
        }
    }
    pieces
}

fn is_title(text: &str) -> bool {
    let folded = folded(text);
    folded.contains("work programme") && !folded.contains("(pages") && text.chars().count() <= 150
}

fn opens_programme(next: Option<&(usize, String)>) -> bool {
    next.is_some_and(|(_, text)| {
        read_date(text, None).is_some()
            || heading(text).is_some_and(|h| h != Heading::Title)
            || is_column_heading(text)
    })
}

fn is_table_rule(text: &str) -> bool {
    text.chars()
        .all(|c| is_dash(c) || matches!(c, '_' | '\t' | ' '))
}

fn is_column_heading(text: &str) -> bool {
    let cells: Vec<String> = cells(text).iter().map(|c| folded(c)).collect();
    cells == ["subject", "reason for report", "author"]
}

fn cells(text: &str) -> Vec<String> {
    let mut cells: Vec<String> = text.split('\t').map(|c| c.trim().to_owned()).collect();
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

/// The programme's own headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Heading {
    Dates,
    Update,
    Provisional,
    List(StandingList),
    Title,
}

fn heading(text: &str) -> Option<Heading> {
    let folded = folded(text);
    let folded = folded.trim_end_matches(':').trim();
    let starts = |prefix: &str| folded.starts_with(prefix);
    Some(if starts("meeting dates for") {
        Heading::Dates
    } else if folded == "work programme update" {
        Heading::Update
    } else if starts("items provisionally planned") {
        Heading::Provisional
    } else if starts("standard item at each meeting") || starts("standard items at each meeting") {
        Heading::List(StandingList::Standard)
    } else if starts("items to consider at each meeting") {
        Heading::List(StandingList::Consider)
    } else if starts("items to note at each meeting") {
        Heading::List(StandingList::Note)
    } else if is_title(text) {
        Heading::Title
    } else {
        return None;
    })
}

/// A date line: "20th July 2017", "September 2023", "Tuesday 16 February 2021 – 10:00 (Budget and Precept
/// reserve date)"; a date without a year takes `year` (or the next year, if only that fits its weekday).
fn read_date(text: &str, year: Option<i32>) -> Option<ImportedMeeting> {
    if text.contains('\t') || text.chars().count() > 120 {
        return None;
    }
    let (rest, note) = match text.trim_end().strip_suffix(')') {
        Some(inner) => {
            let open = inner.rfind('(')?;
            (
                inner[..open].trim(),
                Some(inner[open + 1..].trim().to_owned()),
            )
        }
        None => (text.trim(), None),
    };
    let (day_part, time) = match split_at_spaced_dash(rest) {
        Some((day_part, time_part)) => (day_part, Some(parse_time(time_part).ok()?)),
        None => (rest, None),
    };
    let date = day(day_part, year)?;
    let reserve = note
        .as_deref()
        .is_some_and(|n| folded(n).contains("reserve"));
    // What `text::date_line` adds to say a date is a reserve date is not part of the clerk's note.
    let note = note
        .map(|n| n.trim_end_matches("; reserve date").to_owned())
        .filter(|n| n != "reserve date");
    Some(ImportedMeeting {
        date,
        time,
        note,
        reserve,
        entries: Vec::new(),
    })
}

fn split_at_spaced_dash(text: &str) -> Option<(&str, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    (1..chars.len().saturating_sub(1)).find_map(|i| {
        let (at, c) = chars[i];
        (is_dash(c) && chars[i - 1].1 == ' ' && chars[i + 1].1 == ' ')
            .then(|| (text[..at].trim(), text[at + c.len_utf8()..].trim()))
    })
}

fn day(text: &str, year: Option<i32>) -> Option<PlannedDate> {
    if let Ok(date) = parse_date(text) {
        return Some(PlannedDate::Day { date });
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if let [month, year] = words[..] {
        let month = month_number(month)?;
        let year: i32 = year.parse().ok().filter(|y| (1900..=2999).contains(y))?;
        return Some(PlannedDate::Month { year, month });
    }
    let year = year?;
    let has_year = words
        .last()
        .is_some_and(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    if has_year || words.len() < 2 {
        return None;
    }
    [year, year + 1].into_iter().find_map(|y| {
        parse_date(&format!("{text} {y}"))
            .ok()
            .map(|date| PlannedDate::Day { date })
    })
}

fn month_number(word: &str) -> Option<u8> {
    (1..=12u8).find(|&m| folded(super::model::month_name(m)) == folded(word))
}

/// The reader's place in the programme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Part {
    #[default]
    Start,
    Dates,
    Update,
    Meeting(usize),
    Provisional,
    List(StandingList),
}

#[derive(Default)]
struct Reader {
    programme: ImportedProgramme,
    part: Part,
    /// The year a date without one is read in: the last year the text gave.
    year: Option<i32>,
    unreadable: Vec<UnreadableLine>,
}

impl Reader {
    fn read(&mut self, number: usize, text: &str) {
        if let Some(heading) = heading(text) {
            self.note_years(text);
            self.part = match heading {
                Heading::Dates => {
                    let rest = folded(text).replace("meeting dates for", "");
                    self.programme.year = YearKey::parse(rest.trim().trim_end_matches(':'));
                    if let Some(year) = &self.programme.year {
                        self.year = Some(year.first());
                    }
                    Part::Dates
                }
                Heading::Update => Part::Update,
                Heading::Provisional => Part::Provisional,
                Heading::List(list) => Part::List(list),
                Heading::Title => self.part,
            };
            return;
        }
        if is_column_heading(text) {
            return;
        }
        if let Some(meeting) = read_date(text, self.year) {
            self.year = Some(meeting.date.sort_key().0);
            self.programme.meetings.push(meeting);
            self.part = Part::Meeting(self.programme.meetings.len() - 1);
            return;
        }
        let unbulleted = text.trim_start_matches(['-', '•', '*', '\u{2013}']).trim();
        match self.part {
            Part::Meeting(index) => {
                let entries = &mut self.programme.meetings[index].entries;
                let continues = text.chars().next().is_some_and(char::is_lowercase);
                match entries.last_mut() {
                    Some(last) if continues => {
                        last.subject = format!("{} {}", last.subject, cells(text).join(" ").trim());
                    }
                    _ => match entry(unbulleted) {
                        Some(entry) => entries.push(entry),
                        None => self.unread(number, text, "a row with no subject"),
                    },
                }
            }
            Part::Provisional => match entry(unbulleted) {
                Some(entry) => self.programme.provisional.push(entry),
                None => self.unread(number, text, "a row with no subject"),
            },
            Part::List(list) => {
                let lines = match list {
                    StandingList::Standard => &mut self.programme.standard,
                    StandingList::Consider => &mut self.programme.consider,
                    StandingList::Note => &mut self.programme.note,
                };
                lines.push(unbulleted.to_owned());
            }
            Part::Dates => self.unread(
                number,
                text,
                "not a meeting date (a date, then \"– 10:00\" and a note in brackets)",
            ),
            Part::Update => self.unread(
                number,
                text,
                "text of the work programme update, not a date or an item: not kept",
            ),
            Part::Start => self.unread(
                number,
                text,
                "before the first date or heading of the work programme",
            ),
        }
    }

    /// A year in a heading ("(February 2020)", S0:1313) is the year for dates that give none.
    fn note_years(&mut self, text: &str) {
        let year = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i32>().ok())
            .find(|y| (1900..=2999).contains(y));
        if year.is_some() {
            self.year = year;
        }
    }

    fn unread(&mut self, line: usize, text: &str, reason: &str) {
        self.unreadable.push(UnreadableLine {
            line,
            text: text.chars().take(200).collect(),
            reason: reason.to_owned(),
        });
    }
}

/// "Subject\tReason for report\tAuthor", with cells possibly empty.
fn entry(text: &str) -> Option<EntryText> {
    let cells = cells(text);
    let mut cells = cells.into_iter();
    let subject = cells.next().filter(|s| !s.is_empty())?;
    let reason = cells.next().unwrap_or_default();
    let rest: Vec<String> = cells.collect();
    Some(EntryText {
        subject,
        reason,
        author: rest.join(" ").trim().to_owned(),
    })
}
