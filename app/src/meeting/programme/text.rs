//! The programme printed as the agenda packs print it (S0:1313-1348 for the dates, S2:496-540 for the
//! business by date): the text a clerk pastes into the next pack, and what the importer reads back. The
//! columns of a row are separated by tabs (→ below).
//!
//! ```text
//! Police and Crime Panel Forward work programme
//!
//! Meeting dates for 2020/21
//!
//! Thursday 6 February 2020 – 14:00 (Budget and Precept meeting)
//!
//! Tuesday 8 September 2020 – 10:00
//!
//! Subject→Reason for report→Author
//! PCC's Accounts 2016/17→Statutory requirement→PCC
//! ```
//!
//! Dates are printed in full (weekday and year) even where the seeds leave the year out, so the text is read
//! the same way wherever it is pasted.

use super::model::{Entry, PlannedMeeting, Programme, StandingList};

/// The whole programme as text.
pub fn programme_text(programme: &Programme) -> String {
    let mut out = String::from("Police and Crime Panel Forward work programme\n\n");
    if !programme.meetings.is_empty() {
        match &programme.year {
            Some(year) => out.push_str(&format!("Meeting dates for {year}\n\n")),
            None => out.push_str("Meeting dates\n\n"),
        }
        for meeting in &programme.meetings {
            out.push_str(&date_line(meeting));
            out.push_str("\n\n");
        }
    }
    for meeting in programme.meetings.iter().filter(|m| !m.entries.is_empty()) {
        out.push_str(&date_line(meeting));
        out.push_str("\n\nSubject\tReason for report\tAuthor\n");
        for entry in &meeting.entries {
            out.push_str(&row(entry));
        }
        out.push('\n');
    }
    if !programme.provisional.is_empty() {
        out.push_str("Items provisionally planned for future consideration\n\n");
        for entry in &programme.provisional {
            out.push_str("- ");
            out.push_str(&row(entry));
        }
        out.push('\n');
    }
    for list in StandingList::ALL {
        let lines = programme.list(list);
        if lines.is_empty() {
            continue;
        }
        out.push_str(list.heading());
        out.push_str("\n\n");
        for line in lines {
            out.push_str(&format!("- {line}\n"));
        }
        out.push('\n');
    }
    out
}

/// "Tuesday 16 February 2021 – 10:00 (Budget and Precept reserve date)" (S0:1330). A reserve date with no
/// note of its own still says so.
pub fn date_line(meeting: &PlannedMeeting) -> String {
    let mut line = meeting.date.long_text();
    if let Some((hours, minutes)) = meeting.time {
        line.push_str(&format!(" – {hours:02}:{minutes:02}"));
    }
    match (&meeting.note, meeting.reserve) {
        (Some(note), true) if !note.to_lowercase().contains("reserve") => {
            line.push_str(&format!(" ({note}; reserve date)"))
        }
        (Some(note), _) => line.push_str(&format!(" ({note})")),
        (None, true) => line.push_str(" (reserve date)"),
        (None, false) => {}
    }
    line
}

/// One row of the table, tab-separated as in the packs (S2:500); empty cells stay empty.
fn row(entry: &Entry) -> String {
    let mut cells = vec![
        entry.subject.as_str(),
        entry.reason.as_str(),
        entry.author.as_str(),
    ];
    while cells.len() > 1 && cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    format!("{}\n", cells.join("\t"))
}
