//! The clerk's forms on the programme page, read into commands: dates and times as people write them
//! ("8 September 2020", "Tuesday 8 September 2020", "September 2023"; "10:00", "2.00 pm"), a problem
//! given with the field it belongs to, in words. Pure, so every form is table-tested without a browser.
//!
//! Fields: `date`, `time`, `note`, `reserve` ("on" when ticked) for a date; `meeting` (a date's id, or
//! `provisional`), `subject`, `reason`, `author` for an item; `to` for a move; `lines` (one per line) for
//! a standing list; `id` for what a form changes. The `action` says which form it is.

use std::collections::BTreeMap;

use super::change::{EntryText, ProgrammeCommand};
use super::model::{PlannedDate, StandingList};
use crate::meeting::import::{parse_date, parse_time};

/// What is wrong with a form, beside which field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormProblem {
    pub field: String,
    pub message: String,
}

fn problem(field: &str, message: impl Into<String>) -> FormProblem {
    FormProblem {
        field: field.to_owned(),
        message: message.into(),
    }
}

/// A date as the clerk writes it: a day, or a month and year when the day is not fixed yet.
pub fn read_planned_date(text: &str) -> Result<PlannedDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the date, such as 8 September 2020".to_owned());
    }
    if let Ok(date) = parse_date(text) {
        return Ok(PlannedDate::Day { date });
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if let [month, year] = words[..] {
        let month = (1..=12u8).find(|&m| {
            let name = super::model::month_name(m).to_lowercase();
            let word = month.to_lowercase();
            name == word || (word.len() >= 3 && name.starts_with(&word))
        });
        if let (Some(month), Ok(year)) = (month, year.parse::<i32>()) {
            if (1900..=2999).contains(&year) {
                return Ok(PlannedDate::Month { year, month });
            }
        }
    }
    parse_date(text)
        .map(|date| PlannedDate::Day { date })
        .map_err(|p| p.0)
}

/// The command a submitted form asks for.
pub fn command_from_form(
    action: &str,
    fields: &BTreeMap<String, String>,
) -> Result<ProgrammeCommand, FormProblem> {
    let get = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
    let id = |name: &str| -> Result<u32, FormProblem> {
        get(name).trim().parse().map_err(|_| {
            problem(
                name,
                "This form names nothing in the programme; reload the page",
            )
        })
    };
    let date = || read_planned_date(get("date")).map_err(|m| problem("date", m));
    let time = || match get("time").trim() {
        "" => Ok(None),
        text => parse_time(text).map(Some).map_err(|p| problem("time", p.0)),
    };
    let note = || Some(get("note").trim().to_owned()).filter(|n| !n.is_empty());
    let reserve = matches!(get("reserve"), "on" | "true" | "yes");
    let text = || EntryText {
        subject: get("subject").to_owned(),
        reason: get("reason").to_owned(),
        author: get("author").to_owned(),
    };
    let place = |name: &str| -> Result<Option<u32>, FormProblem> {
        match get(name).trim() {
            "" | "provisional" => Ok(None),
            other => other
                .parse()
                .map(Some)
                .map_err(|_| problem(name, "Choose a date from the list")),
        }
    };
    Ok(match action {
        "add-date" => ProgrammeCommand::AddDate {
            date: date()?,
            time: time()?,
            note: note(),
            reserve,
        },
        "change-date" => ProgrammeCommand::ChangeDate {
            id: id("id")?,
            date: date()?,
            time: time()?,
            note: note(),
            reserve,
        },
        "remove-date" => ProgrammeCommand::RemoveDate { id: id("id")? },
        "add-entry" => ProgrammeCommand::AddEntry {
            meeting: place("meeting")?,
            text: text(),
        },
        "edit-entry" => ProgrammeCommand::EditEntry {
            id: id("id")?,
            text: text(),
        },
        "move-entry" => ProgrammeCommand::MoveEntry {
            id: id("id")?,
            to: place("to")?,
        },
        "remove-entry" => ProgrammeCommand::RemoveEntry { id: id("id")? },
        "set-list" => {
            let list = StandingList::ALL
                .into_iter()
                .find(|l| l.key() == get("list"))
                .ok_or_else(|| problem("lines", "This form names no list; reload the page"))?;
            ProgrammeCommand::SetList {
                list,
                lines: get("lines").lines().map(str::to_owned).collect(),
            }
        }
        _ => {
            return Err(problem(
                "action",
                "This form is not one Panelcast knows; reload the page",
            ))
        }
    })
}
