//! The clerk's schedule page (`/clerk/schedule`). Start from the agenda pack (pasted or uploaded, read by the
//! core's importer) or from an earlier meeting's summons; either fills in the form: the meeting's details, the
//! agenda (add, remove, reorder, exempt with its paragraph, pages, papers to follow), the seats and their
//! holders with the Chairman and Vice-Chairman, the Commissioner, when questions close, any confirmation
//! hearing and the webcast. Nothing is scheduled until the clerk presses "Schedule the meeting"; problems are
//! listed in a summary at the top and beside their fields, in the core's words, and the server's core checks
//! again. The JSON summons stays as an advanced view. Only a clerk can schedule: the server checks, and this
//! page says so to anyone else. When the work programme plans a meeting on the form's date, its items are
//! offered for the agenda (`from_programme.rs`).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::agenda_form::AgendaForm;
use super::form_fields::{ErrorSummary, GroupError, TextField};
use super::pack::PackReader;
use super::post::{fetch_summons, schedule_meeting};
use super::seats_form::SeatsForm;
use super::summons::{blank, compose, fields_from, template_from, FieldError, SummonsFields};
use crate::api::list_meetings;
use crate::meeting::{MeetingKind, MeetingSpec};

#[component]
pub fn SchedulePage() -> impl IntoView {
    view! {
        <super::gate::ClerkPage title="Schedule a meeting" lede="Start from the agenda pack or from an earlier meeting, check what is filled in, then schedule. Nothing is scheduled until you press \"Schedule the meeting\"." only="schedule a meeting">
            <ScheduleForm/>
        </super::gate::ClerkPage>
    }
}

/// One signal per typed field.
#[derive(Clone, Copy)]
struct Fields {
    id: RwSignal<String>,
    title: RwSignal<String>,
    date: RwSignal<String>,
    time: RwSignal<String>,
    venue: RwSignal<String>,
    commissioner: RwSignal<String>,
    questions_date: RwSignal<String>,
    questions_time: RwSignal<String>,
    contact: RwSignal<String>,
    webcast: RwSignal<String>,
    hearing_item: RwSignal<String>,
    hearing_candidate: RwSignal<String>,
    hearing_criteria: RwSignal<String>,
    hearing_notified: RwSignal<String>,
    kind: RwSignal<String>,
    attendees: RwSignal<String>,
}

impl Fields {
    fn new() -> Self {
        let s = || RwSignal::new(String::new());
        Self {
            id: s(),
            title: s(),
            date: s(),
            time: s(),
            venue: s(),
            commissioner: s(),
            questions_date: s(),
            questions_time: s(),
            contact: s(),
            webcast: s(),
            hearing_item: s(),
            hearing_candidate: s(),
            hearing_criteria: s(),
            hearing_notified: s(),
            kind: s(),
            attendees: s(),
        }
    }

    fn fill(&self, from: SummonsFields) {
        self.id.set(from.id);
        self.title.set(from.title);
        self.date.set(from.date);
        self.time.set(from.time);
        self.venue.set(from.venue);
        self.commissioner.set(from.commissioner);
        self.questions_date.set(from.questions_date);
        self.questions_time.set(from.questions_time);
        self.contact.set(from.contact);
        self.webcast.set(from.webcast);
        self.hearing_item.set(from.hearing_item);
        self.hearing_candidate.set(from.hearing_candidate);
        self.hearing_criteria.set(from.hearing_criteria);
        self.hearing_notified.set(from.hearing_notified);
        self.kind.set(from.kind);
        self.attendees.set(from.attendees);
    }

    fn read(&self) -> SummonsFields {
        SummonsFields {
            id: self.id.get_untracked(),
            title: self.title.get_untracked(),
            date: self.date.get_untracked(),
            time: self.time.get_untracked(),
            venue: self.venue.get_untracked(),
            commissioner: self.commissioner.get_untracked(),
            questions_date: self.questions_date.get_untracked(),
            questions_time: self.questions_time.get_untracked(),
            contact: self.contact.get_untracked(),
            webcast: self.webcast.get_untracked(),
            hearing_item: self.hearing_item.get_untracked(),
            hearing_candidate: self.hearing_candidate.get_untracked(),
            hearing_criteria: self.hearing_criteria.get_untracked(),
            hearing_notified: self.hearing_notified.get_untracked(),
            kind: self.kind.get_untracked(),
            attendees: self.attendees.get_untracked(),
        }
    }
}

#[component]
fn ScheduleForm() -> impl IntoView {
    let meetings = crate::wire::resource(|| (), |_| list_meetings());
    let template = RwSignal::new(String::new());
    let fields = Fields::new();
    let draft = RwSignal::new(blank());
    let loaded = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let start_from = move |spec: MeetingSpec| {
        fields.fill(fields_from(&spec));
        draft.set(spec);
        loaded.set(true);
        errors.set(Vec::new());
        outcome.set(None);
    };
    Effect::new(move |_| {
        let chosen = template.get();
        if !chosen.is_empty() {
            leptos::task::spawn_local(async move {
                match fetch_summons(&chosen).await {
                    Ok(spec) => start_from(template_from(spec)),
                    Err(message) => outcome.set(Some(Err(message))),
                }
            });
        }
    });
    let on_read =
        Callback::new(move |import: crate::meeting::import::AgendaImport| start_from(import.spec));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        outcome.set(None);
        match compose(&fields.read(), &draft.get_untracked()) {
            Ok(spec) => {
                errors.set(Vec::new());
                leptos::task::spawn_local(async move {
                    outcome.set(Some(schedule_meeting(&spec).await));
                });
            }
            Err(problems) => errors.set(problems),
        }
    };
    view! {
        <PackReader on_read/>
        <section aria-labelledby="earlier-heading">
            <h2 id="earlier-heading">"Or start from an earlier meeting"</h2>
            <div class="field">
                <label for="schedule-template">"Copy the agenda and membership of"</label>
                <select id="schedule-template" bind:value=template>
                    <option value="">"Choose an earlier meeting"</option>
                    <Suspense fallback=|| ()>
                        {move || meetings.get().and_then(Result::ok).map(|list| list.into_iter().map(|m| view! {
                            <option value=m.id.clone()>{format!("{} ({})", m.when, m.title)}</option>
                        }).collect_view())}
                    </Suspense>
                </select>
            </div>
        </section>
        <Show when=move || loaded.get() fallback=|| view! { <p class="hint">"The form appears once a pack is read or an earlier meeting chosen."</p> }>
            <form class="stack-form" on:submit=submit novalidate=true>
                <h2>"Check and schedule"</h2>
                <ErrorSummary errors/>
                <KindField kind=fields.kind attendees=fields.attendees errors/>
                <TextField field="date" label="Date" hint="As you would write it: 1 December 2026, or 2026-12-01." value=fields.date errors/>
                <TextField field="time" label="Start time (UK)" hint="10.00 am, or 14:00." value=fields.time errors/>
                <TextField field="id" label="Address" hint="Lowercase letters, digits and hyphens. Leave empty to use the date, e.g. 2023-02-07." value=fields.id errors/>
                <TextField field="title" label="Title" value=fields.title errors/>
                <TextField field="venue" label="Venue" value=fields.venue errors/>
                <TextField field="commissioner" label="The Commissioner" hint="As the minutes name him: Mr Matthew Scott." value=fields.commissioner errors/>
                <TextField field="questions-date" label="Questions to the Commissioner close on" hint="Leave empty for the meeting day; they may close days before." value=fields.questions_date errors/>
                <TextField field="questions-time" label="Questions close at (UK time)" hint="Leave empty for the start time." value=fields.questions_time errors/>
                <TextField field="contact" label="Public contact line" hint="Anna Taylor on 03000 416478" value=fields.contact errors/>
                <TextField field="webcast" label="Webcast address" hint="The HLS stream (.m3u8), starting https://; leave empty if not webcast here." value=fields.webcast errors/>
                <super::from_programme::FromProgramme date=fields.date draft/>
                <AgendaForm draft errors/>
                <Show when=move || fields.kind.get() != MeetingKind::PerformanceBoard.key()>
                    <SeatsForm draft errors/>
                </Show>
                <fieldset>
                    <legend>"Confirmation hearing (leave empty if none)"</legend>
                    <GroupError field="hearing" errors/>
                    <TextField field="hearing-item" label="Hearing: agenda item" hint="The item's code, e.g. A1." value=fields.hearing_item errors/>
                    <TextField field="hearing-candidate" label="Hearing: candidate" value=fields.hearing_candidate errors/>
                    <TextField field="hearing-criteria" label="Hearing: criteria, one per line" value=fields.hearing_criteria errors multiline=true/>
                    <TextField field="hearing-notified" label="Hearing: day the Panel was notified" hint="The Panel must report within three weeks of this day (PRSRA 2011 Sch 8 para 4(6))." value=fields.hearing_notified errors/>
                </fieldset>
                <AdvancedSummons draft/>
                <button type="submit" class="button">"Schedule the meeting"</button>
            </form>
        </Show>
        <div aria-live="polite" data-testid="schedule-outcome">
            {move || outcome.get().map(|result| match result {
                Ok(address) => view! {
                    <p class="feedback__ok">"Scheduled: " <a href=address.clone()>{address.clone()}</a></p>
                }.into_any(),
                Err(message) => view! { <p class="feedback__error">{message}</p> }.into_any(),
            })}
        </div>
    }
}

/// The kind of meeting, and a Board's attendees (a Board has no seats: the Commissioner chairs it).
#[component]
fn KindField(
    kind: RwSignal<String>,
    attendees: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="summons-kind-select">"Kind of meeting"</label>
            <p class="hint" id="summons-kind-hint">"A Performance and Delivery Board is chaired by the Commissioner; the Panel attends without voting. A sub-committee's members are its seats, drawn from the Panel."</p>
            <GroupError field="kind" errors/>
            <select id="summons-kind-select" aria-describedby="summons-kind-hint" bind:value=kind>
                {MeetingKind::ALL.into_iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
            </select>
        </div>
        <Show when=move || kind.get() == MeetingKind::PerformanceBoard.key()>
            <TextField field="attendees" label="Attendees, one per line" hint="Organisation, a colon, then the name: Kent Police: Tim Smith - Temporary Chief Constable (T/CC)." value=attendees errors multiline=true/>
        </Show>
    }
}

/// The draft as JSON, for what the form does not show (a hearing's reasons and terms, substitutes' votes),
/// and the API's shape. "Use this JSON" replaces the draft; a mistake is reported with its line and column.
#[component]
fn AdvancedSummons(draft: RwSignal<MeetingSpec>) -> impl IntoView {
    let json = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        json.set(draft.with(|d| serde_json::to_string_pretty(d).unwrap_or_default()))
    });
    let apply = move |_| match serde_json::from_str::<MeetingSpec>(&json.get_untracked()) {
        Ok(spec) => {
            problem.set(None);
            draft.set(spec);
        }
        Err(e) => problem.set(Some(format!(
            "The summons is not valid: {e} (line {}, column {})",
            e.line(),
            e.column()
        ))),
    };
    view! {
        <details class="advanced">
            <summary>"Advanced: the summons as JSON"</summary>
            <div class="field">
                <label for="schedule-summons">"Agenda, membership and the rest of the summons"</label>
                <p class="hint" id="schedule-summons-hint">"The fields above take precedence over the JSON's id, title, date, venue, Commissioner and hearing."</p>
                {move || problem.get().map(|message| view! { <p class="error-message">{message}</p> })}
                <textarea id="schedule-summons" rows="16" spellcheck="false" aria-describedby="schedule-summons-hint" bind:value=json></textarea>
            </div>
            <button type="button" class="button button--secondary" on:click=apply>"Use this JSON"</button>
        </details>
    }
}
