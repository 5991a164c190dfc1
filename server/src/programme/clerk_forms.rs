//! The clerk's forms on the programme page (plain HTML forms: they work without JavaScript and add nothing
//! to the browser bundle). Each posts to `/programme/{year}` with an `action` read by
//! `app::meeting::programme::command_from_form`; a refusal comes back on the same page, beside the field,
//! with what was typed kept ([`Posted`]).

use app::meeting::minutes::html::escape;
use app::meeting::programme::{Entry, PlannedMeeting, Programme, StandingList, YearKey};

use super::html::{checkbox, form, select, text_field, Posted};

/// `/programme`: the box that starts a year.
pub fn start_year(posted: &Posted) -> String {
    let field = text_field(
        posted,
        "start-year",
        "year",
        "Municipal year",
        Some("Such as 2023/24."),
        "",
        None,
    );
    format!(
        "<section aria-labelledby=\"start-year-heading\" class=\"clerk-forms\"><h2 id=\"start-year-heading\">Open a year's programme</h2><form method=\"post\" action=\"/programme\" class=\"programme-form\">{field}<button type=\"submit\" class=\"button\">Open the year</button></form></section>"
    )
}

/// Where an entry can be: each date, or no date yet.
fn places(programme: &Programme) -> Vec<(String, String)> {
    programme
        .meetings
        .iter()
        .map(|m| (m.id.to_string(), m.date.long_text()))
        .chain([(
            "provisional".to_owned(),
            "No date yet (provisionally planned)".to_owned(),
        )])
        .collect()
}

fn date_fields(posted: &Posted, form_key: &str, meeting: Option<&PlannedMeeting>) -> String {
    let date = meeting.map(|m| m.date.long_text()).unwrap_or_default();
    let time = meeting
        .and_then(|m| m.time)
        .map(|(h, mi)| format!("{h:02}:{mi:02}"))
        .unwrap_or_default();
    let note = meeting.and_then(|m| m.note.clone()).unwrap_or_default();
    [
        text_field(
            posted,
            form_key,
            "date",
            "Date",
            Some("Such as 8 September 2020, or September 2023 if the day is not fixed."),
            &date,
            None,
        ),
        text_field(
            posted,
            form_key,
            "time",
            "Start time (UK)",
            Some("Such as 10:00 or 2.00 pm; leave empty if not fixed."),
            &time,
            None,
        ),
        text_field(
            posted,
            form_key,
            "note",
            "Note (optional)",
            Some("Such as Budget and Precept meeting."),
            &note,
            None,
        ),
        checkbox(
            posted,
            form_key,
            "reserve",
            "This is a reserve date",
            meeting.is_some_and(|m| m.reserve),
        ),
    ]
    .concat()
}

fn entry_fields(posted: &Posted, form_key: &str, entry: Option<&Entry>) -> String {
    let get = |f: fn(&Entry) -> &String| entry.map(|e| f(e).clone()).unwrap_or_default();
    [
        text_field(
            posted,
            form_key,
            "subject",
            "Subject",
            None,
            &get(|e| &e.subject),
            None,
        ),
        text_field(
            posted,
            form_key,
            "reason",
            "Reason for report",
            Some("Such as Statutory requirement, or Requested by the Panel."),
            &get(|e| &e.reason),
            None,
        ),
        text_field(
            posted,
            form_key,
            "author",
            "Author",
            Some("Such as PCC, or Panel officers."),
            &get(|e| &e.author),
            None,
        ),
    ]
    .concat()
}

/// Under a date: change it, or remove it.
pub fn date_controls(year: &YearKey, meeting: &PlannedMeeting, posted: &Posted) -> String {
    let key = format!("date-{}", meeting.id);
    let open = if posted.form == key { " open" } else { "" };
    let change = form(
        &year.key(),
        "change-date",
        Some(meeting.id),
        &date_fields(posted, &key, Some(meeting)),
        "Save the date",
        false,
    );
    let remove = form(
        &year.key(),
        "remove-date",
        Some(meeting.id),
        "",
        "Remove this date",
        true,
    );
    format!(
        "<details class=\"clerk-controls\"{open}><summary>Change or remove this date<span class=\"visually-hidden\"> ({})</span></summary>{change}{remove}</details>",
        escape(&meeting.date.long_text())
    )
}

/// Beside an entry: change its words, move it to another date, or remove it.
pub fn entry_controls(
    programme: &Programme,
    year: &YearKey,
    entry: &Entry,
    posted: &Posted,
) -> String {
    let key = format!("entry-{}", entry.id);
    let open = if posted.form == key { " open" } else { "" };
    let edit = form(
        &year.key(),
        "edit-entry",
        Some(entry.id),
        &entry_fields(posted, &key, Some(entry)),
        "Save the item",
        false,
    );
    let held = programme
        .entry(entry.id)
        .and_then(|(m, _)| m.map(|m| m.id.to_string()))
        .unwrap_or_else(|| "provisional".to_owned());
    let to = select(posted, &key, "to", "Move to", &places(programme), &held);
    let moved = form(
        &year.key(),
        "move-entry",
        Some(entry.id),
        &to,
        "Move the item",
        true,
    );
    let remove = form(
        &year.key(),
        "remove-entry",
        Some(entry.id),
        "",
        "Remove the item",
        true,
    );
    format!(
        "<details class=\"clerk-controls\"{open}><summary>Change, move or remove<span class=\"visually-hidden\"> {}</span></summary>{edit}{moved}{remove}</details>",
        escape(&entry.subject)
    )
}

/// The forms below the programme: add a date, add an item, the standing lists, import from a pack.
pub fn all(programme: &Programme, year: &YearKey, posted: &Posted) -> String {
    let key = year.key();
    let add_date = form(
        &key,
        "add-date",
        None,
        &date_fields(posted, "add-date", None),
        "Add the date",
        false,
    );
    let place = select(
        posted,
        "add-entry",
        "meeting",
        "Meeting",
        &places(programme),
        "provisional",
    );
    let add_entry = form(
        &key,
        "add-entry",
        None,
        &format!("{place}{}", entry_fields(posted, "add-entry", None)),
        "Add the item",
        false,
    );
    let lists: String = StandingList::ALL
        .into_iter()
        .map(|list| {
            let form_key = format!("list-{}", list.key());
            let hidden = format!(
                "<input type=\"hidden\" name=\"list\" value=\"{}\">",
                list.key()
            );
            let field = text_field(
                posted,
                &form_key,
                "lines",
                list.heading(),
                Some("One per line."),
                &programme.list(list).join("\n"),
                Some(4),
            );
            form(
                &key,
                "set-list",
                None,
                &format!("{hidden}{field}"),
                "Save the list",
                true,
            )
        })
        .collect();
    let import = format!(
        "<form method=\"post\" action=\"/programme/{key}\" class=\"programme-form\"><input type=\"hidden\" name=\"action\" value=\"import\">{}<button type=\"submit\" class=\"button\">Read the text</button></form>",
        text_field(posted, "import", "text", "The work programme from an agenda pack", Some("Paste the work programme, or the whole pack: Panelcast finds it, shows what it would add, and adds nothing until you confirm. Nothing already here is changed or removed."), "", Some(10))
    );
    format!(
        "<section aria-labelledby=\"clerk-heading\" class=\"clerk-forms\"><h2 id=\"clerk-heading\">Change the programme</h2>\n<h3>Add a meeting date</h3>{add_date}\n<h3>Add an item</h3>{add_entry}\n<h3>Items at each meeting</h3>{lists}\n<h3 id=\"import-heading\">Read the programme from an agenda pack</h3>{import}</section>\n"
    )
}
