//! The clerk's recording controls (docs/WEBCAST.md): the recording's address, its start time for a stream without
//! date-times, and a nudge of one chapter. They work after the meeting has closed, when the recording is complete;
//! a refusal ("it must be a web address starting with http:// or https://") is shown next to the form.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::{CivilDate, Command, CommandKind, Timestamp};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;

#[component]
pub fn RecordingControls() -> impl IntoView {
    let can = use_meeting().can(CommandKind::SetRecording);
    move || {
        can.get().then(|| {
            view! {
                <section class="panel" aria-labelledby="recording-heading">
                    <h2 id="recording-heading">"Recording and chapters"</h2>
                    <RecordingAddress/>
                    <RecordingStart/>
                    <Nudge/>
                </section>
            }
        })
    }
}

#[component]
fn RecordingAddress() -> impl IntoView {
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    let url = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let url = url.get_untracked();
        let recording_url = (!url.trim().is_empty()).then_some(url);
        dispatch.send(Command::SetRecording { recording_url });
    };
    view! {
        <form on:submit=submit>
            <div class="field">
                <label for="recording-url">"The recording's HLS playlist (http or https; empty: the live stream's, once ended)"</label>
                <input id="recording-url" type="url" inputmode="url" bind:value=url/>
            </div>
            <button type="submit" class="button button--secondary" disabled=move || pending.get()>"Set the recording"</button>
            <Feedback dispatch/>
        </form>
    }
}

#[component]
fn RecordingStart() -> impl IntoView {
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    let when = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = when.get_untracked();
        match (text.trim().is_empty(), london_instant(&text)) {
            (true, _) => dispatch.send(Command::SetRecordingStart { starts_at: None }),
            (false, Some(at)) => {
                problem.set(None);
                dispatch.send(Command::SetRecordingStart {
                    starts_at: Some(at),
                });
            }
            (false, None) => problem.set(Some("Enter the date and UK time the recording began")),
        }
    };
    view! {
        <form on:submit=submit>
            <div class="field">
                <label for="recording-start">"When the recording began (UK time; only for a stream without date-times)"</label>
                <input id="recording-start" type="datetime-local" step="1" bind:value=when/>
            </div>
            <button type="submit" class="button button--secondary" disabled=move || pending.get()>"Set the start time"</button>
            <p class="feedback__error">{move || problem.get()}</p>
            <Feedback dispatch/>
        </form>
    }
}

#[component]
fn Nudge() -> impl IntoView {
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    let chapter = RwSignal::new("1".to_owned());
    let seconds = RwSignal::new("0".to_owned());
    let problem = RwSignal::new(None::<&'static str>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let parsed = (
            chapter.get_untracked().trim().parse(),
            seconds.get_untracked().trim().parse(),
        );
        match parsed {
            (Ok(chapter), Ok(seconds)) => {
                problem.set(None);
                dispatch.send(Command::NudgeChapter { chapter, seconds });
            }
            _ => problem.set(Some(
                "Enter the chapter's number and the seconds as whole numbers",
            )),
        }
    };
    view! {
        <form class="inline-form" on:submit=submit aria-label="Nudge a chapter">
            <fieldset>
                <legend>"Nudge a chapter (seconds later; negative: earlier; 0 undoes it)"</legend>
                <div class="field field--narrow">
                    <label for="nudge-chapter">"Chapter"</label>
                    <input id="nudge-chapter" type="number" min="1" inputmode="numeric" bind:value=chapter/>
                </div>
                <div class="field field--narrow">
                    <label for="nudge-seconds">"Seconds"</label>
                    <input id="nudge-seconds" type="number" min="-600" max="600" bind:value=seconds/>
                </div>
                <button type="submit" class="button button--secondary" disabled=move || pending.get()>"Nudge"</button>
            </fieldset>
            <p class="feedback__error">{move || problem.get()}</p>
            <Feedback dispatch/>
        </form>
    }
}

/// `2022-12-06T10:00` or `2022-12-06T10:00:05` (a `datetime-local` value), UK time, as an instant.
fn london_instant(text: &str) -> Option<Timestamp> {
    let (date, time) = text.trim().split_once('T')?;
    let mut date = date.split('-').map(str::parse::<i32>);
    let (year, month, day) = (date.next()?.ok()?, date.next()?.ok()?, date.next()?.ok()?);
    let mut time = time.split(':').map(str::parse::<u8>);
    let (hour, minute) = (time.next()?.ok()?, time.next()?.ok()?);
    let second = time.next().map_or(Some(0), |s| s.ok())?;
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let date = CivilDate::new(year, month as u8, day as u8);
    Some(Timestamp(
        Timestamp::from_london(date, hour, minute).0 + i64::from(second) * 1000,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_datetime_local_value_is_read_as_uk_time() {
        let winter = Timestamp::from_london(CivilDate::new(2022, 12, 6), 10, 0);
        let summer = Timestamp::from_london(CivilDate::new(2022, 9, 27), 10, 0);
        let cases = [
            ("2022-12-06T10:00", Some(winter)),
            ("2022-12-06T10:00:05", Some(Timestamp(winter.0 + 5000))),
            ("2022-09-27T10:00", Some(summer)),
            ("2022-12-06", None),
            ("2022-13-06T10:00", None),
            ("2022-12-06T25:00", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(london_instant(text), expected, "{text}");
        }
    }
}
