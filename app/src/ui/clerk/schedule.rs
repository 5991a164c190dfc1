//! The clerk's schedule page (`/clerk/schedule`): a new meeting from an earlier meeting's summons. The clerk
//! picks the earlier meeting, sets the address, title, date, time, venue and when questions close, and may
//! edit the agenda and membership in the summons below; "Schedule the meeting" posts it and the server's core
//! checks it, so what is wrong is said in the rule's words. Only a clerk can schedule: the server checks, and
//! this page says so to anyone else.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::gate::ClerkPage;
use super::post::{fetch_summons, schedule_meeting};
use super::summons::{compose, template_from, SummonsFields};
use crate::api::list_meetings;

#[component]
pub fn SchedulePage() -> impl IntoView {
    view! {
        <ClerkPage title="Schedule a meeting" lede="Start from an earlier meeting's summons: its agenda and membership are copied, and you set the rest. The meeting appears on the list and its pages at once." only="schedule a meeting">
            <ScheduleForm/>
        </ClerkPage>
    }
}

#[component]
fn ScheduleForm() -> impl IntoView {
    let meetings = crate::wire::resource(|| (), |_| list_meetings());
    let template = RwSignal::new(String::new());
    let (id, title, date, time) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (venue, questions_close, summons) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let use_template = move |earlier: String| {
        leptos::task::spawn_local(async move {
            match fetch_summons(&earlier).await {
                Ok(spec) => {
                    let (fields, json) = template_from(spec);
                    title.set(fields.title);
                    venue.set(fields.venue);
                    time.set(fields.time);
                    summons.set(json);
                    outcome.set(None);
                }
                Err(message) => outcome.set(Some(Err(message))),
            }
        });
    };
    Effect::new(move |_| {
        let chosen = template.get();
        if !chosen.is_empty() {
            use_template(chosen);
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let fields = SummonsFields {
            id: id.get_untracked(),
            title: title.get_untracked(),
            date: date.get_untracked(),
            time: time.get_untracked(),
            venue: venue.get_untracked(),
            questions_close: questions_close.get_untracked(),
        };
        match compose(&fields, &summons.get_untracked()) {
            Ok(spec) => leptos::task::spawn_local(async move {
                outcome.set(Some(schedule_meeting(&spec).await));
            }),
            Err(message) => outcome.set(Some(Err(message))),
        }
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <div class="field">
                <label for="schedule-template">"Copy the agenda and membership of"</label>
                <select id="schedule-template" required=true bind:value=template>
                    <option value="">"Choose an earlier meeting"</option>
                    <Suspense fallback=|| ()>
                        {move || meetings.get().and_then(Result::ok).map(|list| list.into_iter().map(|m| view! {
                            <option value=m.id.clone()>{format!("{} ({})", m.when, m.title)}</option>
                        }).collect_view())}
                    </Suspense>
                </select>
            </div>
            <div class="field">
                <label for="schedule-date">"Date"</label>
                <input id="schedule-date" type="date" required=true bind:value=date/>
            </div>
            <div class="field">
                <label for="schedule-time">"Start time (UK)"</label>
                <input id="schedule-time" type="time" required=true bind:value=time/>
            </div>
            <div class="field">
                <label for="schedule-id">"Address"</label>
                <p class="hint" id="schedule-id-hint">"Lowercase letters, digits and hyphens. Leave empty to use the date, e.g. 2023-02-07."</p>
                <input id="schedule-id" type="text" autocomplete="off" aria-describedby="schedule-id-hint" bind:value=id/>
            </div>
            <div class="field">
                <label for="schedule-title">"Title"</label>
                <input id="schedule-title" type="text" required=true bind:value=title/>
            </div>
            <div class="field">
                <label for="schedule-venue">"Venue"</label>
                <input id="schedule-venue" type="text" required=true bind:value=venue/>
            </div>
            <div class="field">
                <label for="schedule-questions">"Questions to the Commissioner close at (UK time, that day)"</label>
                <p class="hint" id="schedule-questions-hint">"Leave empty to close them at the start."</p>
                <input id="schedule-questions" type="time" aria-describedby="schedule-questions-hint" bind:value=questions_close/>
            </div>
            <div class="field">
                <label for="schedule-summons">"Agenda, membership and the rest of the summons"</label>
                <p class="hint" id="schedule-summons-hint">"Copied from the meeting chosen above; edit items and seats here. The fields above take precedence."</p>
                <textarea id="schedule-summons" rows="16" spellcheck="false" aria-describedby="schedule-summons-hint" bind:value=summons></textarea>
            </div>
            <button type="submit" class="button">"Schedule the meeting"</button>
        </form>
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
