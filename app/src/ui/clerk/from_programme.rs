//! "From the work programme": once the schedule form's date reads as a day, the page asks the work programme
//! what is planned for it (seeds-brief §1.6; S4:2037-2064) and lists each entry (Subject | Reason for report |
//! Author, and where it is already on an agenda). "Put on the agenda" appends it to the chosen section of the
//! draft (the last lettered one unless the clerk chooses another) with the next free code; the entry then
//! says "On this draft as B4" and cannot be put on twice. The item is an ordinary item of the agenda form
//! below, to reorder or remove. A day with nothing planned is said in one line, not as an error.

use leptos::prelude::*;

use super::draft_edit::{add_from_programme, default_section, item_from};
use super::planned_day::{planned_on, PlannedDay, PlannedEntry};
use crate::meeting::import::parse_date;
use crate::meeting::programme::{ProgrammeRef, YearKey};
use crate::meeting::MeetingSpec;

/// What the programme said about the form's date.
#[derive(Clone, Debug, PartialEq)]
enum Lookup {
    Planned(PlannedDay),
    Nothing,
    Failed(String),
}

#[component]
pub fn FromProgramme(date: RwSignal<String>, draft: RwSignal<MeetingSpec>) -> impl IntoView {
    let day = Memo::new(move |_| parse_date(&date.get()).ok());
    let found = RwSignal::new(None::<Lookup>);
    Effect::new(move |_| {
        let Some(asked) = day.get() else {
            found.set(None);
            return;
        };
        leptos::task::spawn_local(async move {
            let answer = match planned_on(asked).await {
                Ok(Some(planned)) => Lookup::Planned(planned),
                Ok(None) => Lookup::Nothing,
                Err(message) => Lookup::Failed(message),
            };
            // Only the answer for the date still in the field is shown.
            if day.get_untracked() == Some(asked) {
                found.set(Some(answer));
            }
        });
    });
    move || shown(found.get(), draft)
}

/// The panel for what the programme said (nothing until the date reads as a day).
fn shown(found: Option<Lookup>, draft: RwSignal<MeetingSpec>) -> AnyView {
    let line =
        |text: String| view! { <p class="hint" data-testid="from-programme">{text}</p> }.into_any();
    match found {
        None => ().into_any(),
        Some(Lookup::Nothing) => line("No meeting in the work programme on this date".to_owned()),
        Some(Lookup::Failed(message)) => line(format!(
            "The work programme could not be read ({message}); the agenda below is unchanged."
        )),
        Some(Lookup::Planned(planned)) => view! { <Planned planned draft/> }.into_any(),
    }
}

#[component]
fn Planned(planned: PlannedDay, draft: RwSignal<MeetingSpec>) -> impl IntoView {
    let when = planned.meeting.date.long_text();
    let note = planned
        .meeting
        .note
        .clone()
        .or_else(|| planned.meeting.reserve.then(|| "Reserve date".to_owned()));
    let entries = if planned.entries.is_empty() {
        view! { <p class="hint">"The work programme has this date but no items for it yet."</p> }
            .into_any()
    } else {
        let year = planned.year.clone();
        view! {
            <ul class="agenda-form__items">
                {planned.entries.into_iter().map(|entry| view! { <EntryRow planned=entry year=year.clone() draft/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <fieldset class="from-programme" data-testid="from-programme">
            <legend>{format!("From the work programme for {when}")}</legend>
            {note.map(|note| view! { <p class="hint">{note}</p> })}
            {entries}
        </fieldset>
    }
}

#[component]
fn EntryRow(planned: PlannedEntry, year: YearKey, draft: RwSignal<MeetingSpec>) -> impl IntoView {
    let PlannedEntry { entry, on_agenda } = planned;
    let from = ProgrammeRef {
        year,
        entry: entry.id,
    };
    let on_draft = {
        let from = from.clone();
        Memo::new(move |_| draft.with(|d| item_from(d, &from)))
    };
    let chosen = RwSignal::new(None::<usize>);
    // The lettered sections (or the standing items if there are none), and the one the entry would go to.
    let sections = move || {
        draft.with(|d| {
            d.sections
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.letter.is_some() || d.sections.iter().all(|s| s.letter.is_none())
                })
                .map(|(at, s)| {
                    let name = match (&s.letter, &s.title) {
                        (Some(letter), Some(title)) => format!("{letter} – {title}"),
                        (Some(letter), None) => letter.clone(),
                        _ => "Standing items".to_owned(),
                    };
                    (at, name)
                })
                .collect::<Vec<_>>()
        })
    };
    let target = move || {
        let fallback = draft.with(default_section);
        chosen
            .get()
            .filter(|at| sections().iter().any(|(s, _)| s == at))
            .or(fallback)
    };
    // After "Put on the agenda" the button is gone: the keyboard focus moves to the line saying where the
    // entry went, so it is read out and the clerk keeps their place.
    let done = NodeRef::<leptos::html::P>::new();
    let pressed = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(line) = done.get() {
            if pressed.get_untracked() {
                pressed.set(false);
                let _ = line.focus();
            }
        }
    });
    let subject = entry.subject.clone();
    let put = {
        let (subject, from) = (subject.clone(), from.clone());
        move |_| {
            if let Some(section) = target() {
                pressed.set(true);
                draft.update(|d| {
                    add_from_programme(d, section, &subject, from.clone());
                });
            }
        }
    };
    let select_id = format!("from-programme-{}-section", entry.id);
    let described = [
        (!entry.reason.is_empty()).then(|| format!("Reason for report: {}", entry.reason)),
        (!entry.author.is_empty()).then(|| format!("Author: {}", entry.author)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let elsewhere = on_agenda
        .iter()
        .map(|on| {
            let state = if on.meeting.cancelled {
                " (cancelled)"
            } else {
                ""
            };
            format!(
                "Already on the agenda of {} on {}{state}, item {}",
                on.meeting.title, on.meeting.date, on.item
            )
        })
        .collect::<Vec<_>>();
    view! {
        <li class="agenda-form__item" data-testid=format!("programme-entry-{}", entry.id)>
            <p><strong>{subject.clone()}</strong></p>
            {(!described.is_empty()).then(|| view! { <p class="hint">{described}</p> })}
            {elsewhere.into_iter().map(|line| view! { <p class="hint">{line}</p> }).collect_view()}
            {move || match on_draft.get() {
                Some(code) => view! { <p data-testid="on-this-draft" tabindex="-1" node_ref=done>{format!("On this draft as {code}")}</p> }.into_any(),
                None => view! {
                    <div class="button-row">
                        <div class="field">
                            <label for=select_id.clone()>"Section" <span class="visually-hidden">{format!(" for {}", subject)}</span></label>
                            <select id=select_id.clone() on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                                {move || sections().into_iter().map(|(at, name)| view! {
                                    <option value=at.to_string() selected=move || target() == Some(at)>{name}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="button" class="button button--secondary" on:click=put.clone()>
                            "Put on the agenda" <span class="visually-hidden">{format!(" ({subject})")}</span>
                        </button>
                    </div>
                }.into_any(),
            }}
        </li>
    }
}
