//! Whether a summons can be scheduled, rule by rule, each problem tied to the part of the summons it
//! is about, so a form can show it next to its field (the GOV.UK error pattern) in the same words the
//! core refuses with. `ScheduleMeeting` is refused with the first problem; a form lists them all.
//!
//! The rules: an id that can be a web address and a title; a venue and the Commissioner's name; a
//! valid agenda ([`Agenda::problem`]) whose exempt items cite a Sch 12A paragraph 1-7 if any; distinct seats and people; a chair and vice-chair who hold
//! seats; questions closing no later than the start; a webcast address on this site or on the web
//! (never a `javascript:` or `data:` address);
//! a kind of meeting whose rules the summons keeps ([`super::kind::kind_problems`]);
//! and a hearing whose item is on the agenda, with a candidate, and whose three-week report period
//! (Sch 8 para 4(6)) does not end before the meeting itself, since the Panel must review the proposed
//! appointment and report within that period. Every text has a maximum size (`MAX_TEXT_CHARS`).
//!
//! A venue and the Commissioner were not checked before this module: the seeds name both on every
//! summons (S4:9, S4:91), and an imported pack leaves the Commissioner empty for the clerk to fill.

use super::agenda::Agenda;
use super::command::MeetingSpec;
use super::kind::kind_problems;
use super::phase::SCH_12A_PARAGRAPHS;
use super::question::MAX_TEXT_CHARS;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The part of a summons a problem is about: the form field that shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SummonsField {
    Id,
    Title,
    Venue,
    Commissioner,
    StartsAt,
    QuestionDeadline,
    Agenda,
    Seats,
    Chair,
    ViceChair,
    Hearing,
    Webcast,
    Contact,
    /// The kind of meeting and the Board's attendees.
    Kind,
}

impl SummonsField {
    /// The form field's id suffix: "summons-venue" shows problems about `Venue`.
    pub fn key(self) -> &'static str {
        match self {
            SummonsField::Id => "id",
            SummonsField::Title => "title",
            SummonsField::Venue => "venue",
            SummonsField::Commissioner => "commissioner",
            SummonsField::StartsAt => "date",
            SummonsField::QuestionDeadline => "questions-date",
            SummonsField::Agenda => "agenda",
            SummonsField::Seats => "seats",
            SummonsField::Chair => "chair",
            SummonsField::ViceChair => "vice-chair",
            SummonsField::Hearing => "hearing",
            SummonsField::Webcast => "webcast",
            SummonsField::Contact => "contact",
            SummonsField::Kind => "kind",
        }
    }
}

/// One reason a summons cannot be scheduled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummonsProblem {
    pub field: SummonsField,
    /// A clause that follows "The meeting cannot be scheduled: ".
    pub message: String,
}

/// Every problem with `spec`, in the order of the form; empty if it can be scheduled.
pub fn summons_problems(spec: &MeetingSpec) -> Vec<SummonsProblem> {
    let mut problems = Vec::new();
    let mut problem = |field, message: String| problems.push(SummonsProblem { field, message });
    let id = spec.id.as_str();
    let id_ok = !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if id.trim().is_empty() || spec.title.trim().is_empty() {
        let field = if id.trim().is_empty() {
            SummonsField::Id
        } else {
            SummonsField::Title
        };
        problem(field, "it needs an id and a title".to_owned());
    } else if !id_ok {
        problem(
            SummonsField::Id,
            format!("the id {id:?} must be up to 64 lowercase letters, digits and hyphens, e.g. 2022-12-06"),
        );
    }
    for (field, text, what) in [
        (SummonsField::Title, &spec.title, "title"),
        (SummonsField::Venue, &spec.venue, "venue"),
        (
            SummonsField::Commissioner,
            &spec.commissioner,
            "Commissioner's name",
        ),
    ] {
        if text.chars().count() > MAX_TEXT_CHARS {
            problem(
                field,
                format!("the {what} is longer than {MAX_TEXT_CHARS} characters"),
            );
        } else if text.trim().is_empty() && field != SummonsField::Title {
            problem(field, format!("it needs the {what}"));
        }
    }
    if spec
        .question_deadline
        .is_some_and(|deadline| deadline > spec.starts_at)
    {
        problem(
            SummonsField::QuestionDeadline,
            "questions must close by the start of the meeting".to_owned(),
        );
    }
    if let Some(reason) = Agenda::problem(&spec.sections) {
        problem(SummonsField::Agenda, reason);
    }
    for item in spec.sections.iter().flat_map(|s| &s.items) {
        match item.exempt_paragraph {
            Some(paragraph) if !SCH_12A_PARAGRAPHS.contains(&paragraph) => problem(
                SummonsField::Agenda,
                format!(
                    "item {}: Schedule 12A has paragraphs 1 to 7; {paragraph} is not one of them",
                    item.code
                ),
            ),
            Some(_) if !item.exempt => problem(
                SummonsField::Agenda,
                format!(
                    "item {} has a Schedule 12A paragraph but is not marked exempt",
                    item.code
                ),
            ),
            _ => {}
        }
    }
    seats_problems(spec, &mut problem);
    let has_chair = spec.chair.is_some() || spec.vice_chair.is_some();
    for (about_seats, message) in kind_problems(
        spec.kind,
        spec.seats.len(),
        has_chair,
        spec.hearing.is_some(),
        &spec.attendees,
    ) {
        let field = if about_seats {
            SummonsField::Seats
        } else {
            SummonsField::Kind
        };
        problem(field, message);
    }
    if let Some(hearing) = &spec.hearing {
        let on_agenda = spec
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .any(|item| item.code == hearing.item);
        if !on_agenda {
            problem(
                SummonsField::Hearing,
                format!("the hearing's item {} is not on the agenda", hearing.item),
            );
        }
        if hearing.candidate.trim().is_empty() {
            problem(
                SummonsField::Hearing,
                "the hearing needs a candidate".to_owned(),
            );
        }
        let deadline = hearing.report_deadline();
        let meeting_day = spec.starts_at.london_date();
        if deadline < meeting_day {
            problem(
                SummonsField::Hearing,
                format!(
                    "the Panel must report on the proposed appointment within three weeks of being notified \
                     (PRSRA 2011 Sch 8 para 4(6)); notified on {}, it must report by {deadline}, before this \
                     meeting on {meeting_day}",
                    hearing.notified_on
                ),
            );
        }
    }
    if let Some(url) = &spec.webcast_url {
        let ok = url.len() <= 2000
            && (url.starts_with('/') || url.starts_with("https://") || url.starts_with("http://"));
        if !ok {
            problem(
                SummonsField::Webcast,
                "the webcast address must start with https:// (or http://) or be a path on this site".to_owned(),
            );
        }
    }
    if spec
        .contact
        .as_ref()
        .is_some_and(|c| c.chars().count() > MAX_TEXT_CHARS)
    {
        problem(
            SummonsField::Contact,
            format!("the contact line is longer than {MAX_TEXT_CHARS} characters"),
        );
    }
    problems
}

fn seats_problems(spec: &MeetingSpec, problem: &mut impl FnMut(SummonsField, String)) {
    let mut seats = BTreeSet::new();
    let mut people = BTreeSet::new();
    for seat in &spec.seats {
        if !seats.insert(&seat.id) {
            problem(
                SummonsField::Seats,
                format!("seat {} appears twice", seat.id),
            );
        }
        if let Some(holder) = &seat.holder {
            if !people.insert(&holder.id) {
                problem(
                    SummonsField::Seats,
                    format!("{} holds two seats", holder.name),
                );
            }
        }
    }
    for (field, office, member) in [
        (SummonsField::Chair, "chair", &spec.chair),
        (SummonsField::ViceChair, "vice-chair", &spec.vice_chair),
    ] {
        if member.as_ref().is_some_and(|m| !people.contains(m)) {
            problem(field, format!("the {office} must hold a seat"));
        }
    }
}
