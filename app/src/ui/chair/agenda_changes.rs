//! The clerk's changes to the agenda after the summons (`agenda_changes.rs` in the core): a paper "to follow"
//! arrives as a supplement, an item's papers are replaced, an item is withdrawn or deferred, and, before the
//! meeting opens, the meeting is postponed or cancelled. Dates and times are read as the scheduling form reads
//! them ("8 December 2022", "2.00 pm"); every refusal is the core's, shown beside the form that sent it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::item_choice::{item_options, with_pages, ItemChoice};
use super::set_aside::SetAsideForm;
use crate::meeting::import::{parse_date, parse_time};
use crate::meeting::{Command, CommandKind, ItemCode, Timestamp};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::confirm::ConfirmButton;
use crate::ui::context::use_meeting;

#[component]
pub fn AgendaChanges() -> impl IntoView {
    let meeting = use_meeting();
    let shown = meeting.can(CommandKind::PublishSupplement);
    let before_opening = meeting.slice(|v| v.phase == "scheduled");
    view! {
        <Show when=move || shown.get()>
            <section class="console-section" aria-labelledby="agenda-changes-heading" data-testid="agenda-changes">
                <h2 id="agenda-changes-heading">"Changes to the agenda"</h2>
                <Supplement/>
                <ReplacePapers/>
                <SetAsideForm/>
                <Show when=move || before_opening.get()>
                    <Postpone/>
                    <Cancel/>
                </Show>
            </section>
        </Show>
    }
}

/// A local error (an unreadable date or page range) or the server's refusal.
#[component]
fn LocalError(error: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        {move || error.get().map(|message| view! {
            <p class="feedback__error" role="alert"><strong>"Not done: "</strong>{message}</p>
        })}
    }
}

#[component]
fn Supplement() -> impl IntoView {
    let to_follow = item_options(|i| i.to_follow.is_some());
    let dispatch = Dispatch::new();
    let item = RwSignal::new(String::new());
    let pages = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        with_pages(pages, error, |pages| {
            dispatch.send(Command::PublishSupplement {
                item: ItemCode(item.get_untracked()),
                pages,
            })
        });
    };
    view! {
        <details>
            <summary>"A paper to follow has arrived…"</summary>
            <form class="stack-form" on:submit=submit data-testid="supplement">
                <ItemChoice id="supplement-item" label="Item" placeholder="Choose an item with a paper to follow" items=to_follow value=item/>
                <div class="field">
                    <label for="supplement-pages">"Pages of the supplement (e.g. 1 - 12)"</label>
                    <input id="supplement-pages" type="text" autocomplete="off" bind:value=pages/>
                </div>
                <button type="submit" class="button" disabled=move || dispatch.pending().get()>"Publish the supplement"</button>
            </form>
            <LocalError error/>
            <Feedback dispatch/>
        </details>
    }
}

#[component]
fn ReplacePapers() -> impl IntoView {
    let items = item_options(|i| !i.set_aside && !i.verbal);
    let dispatch = Dispatch::new();
    let item = RwSignal::new(String::new());
    let pages = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        with_pages(pages, error, |pages| {
            dispatch.send(Command::ReplaceItemPapers {
                item: ItemCode(item.get_untracked()),
                pages,
                reason: reason.get_untracked(),
            })
        });
    };
    view! {
        <details>
            <summary>"Replace an item's papers…"</summary>
            <form class="stack-form" on:submit=submit data-testid="replace-papers">
                <ItemChoice id="replace-item" label="Item" placeholder="Choose an item" items value=item/>
                <div class="field">
                    <label for="replace-pages">"Pages of the new papers (e.g. 11 - 58)"</label>
                    <input id="replace-pages" type="text" autocomplete="off" bind:value=pages/>
                </div>
                <div class="field">
                    <label for="replace-reason">"Reason"</label>
                    <input id="replace-reason" type="text" required=true bind:value=reason/>
                </div>
                <button type="submit" class="button button--secondary" disabled=move || dispatch.pending().get()>"Replace the papers"</button>
            </form>
            <LocalError error/>
            <Feedback dispatch/>
        </details>
    }
}

#[component]
fn Postpone() -> impl IntoView {
    let dispatch = Dispatch::new();
    let date = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let day = parse_date(&date.get_untracked()).map_err(|p| p.0);
        let clock = parse_time(&time.get_untracked()).map_err(|p| p.0);
        match (day, clock) {
            (Ok(day), Ok((hour, minute))) => {
                error.set(None);
                let reason = reason.get_untracked();
                dispatch.send(Command::PostponeMeeting {
                    starts_at: Timestamp::from_london(day, hour, minute),
                    reason: (!reason.trim().is_empty()).then_some(reason),
                });
            }
            (Err(problem), _) | (_, Err(problem)) => error.set(Some(problem)),
        }
    };
    view! {
        <details>
            <summary>"Postpone the meeting…"</summary>
            <form class="stack-form" on:submit=submit data-testid="postpone">
                <div class="field">
                    <label for="postpone-date">"New date (e.g. 8 December 2022)"</label>
                    <input id="postpone-date" type="text" required=true autocomplete="off" bind:value=date/>
                </div>
                <div class="field">
                    <label for="postpone-time">"New time (e.g. 2.00 pm)"</label>
                    <input id="postpone-time" type="text" required=true autocomplete="off" bind:value=time/>
                </div>
                <div class="field">
                    <label for="postpone-reason">"Reason (optional; the notice gives it)"</label>
                    <input id="postpone-reason" type="text" bind:value=reason/>
                </div>
                <button type="submit" class="button button--secondary" disabled=move || dispatch.pending().get()>"Postpone the meeting"</button>
            </form>
            <LocalError error/>
            <Feedback dispatch/>
        </details>
    }
}

#[component]
fn Cancel() -> impl IntoView {
    let dispatch = Dispatch::new();
    let reason = RwSignal::new(String::new());
    let warning = Signal::derive(move || {
        format!(
            "Cancel the meeting because {}? A cancelled meeting accepts nothing more; its page stays, with the notice.",
            reason.get().trim()
        )
    });
    view! {
        <details>
            <summary>"Cancel the meeting…"</summary>
            <div class="stack-form" data-testid="cancel">
                <div class="field">
                    <label for="cancel-reason">"Reason (the notice gives it)"</label>
                    <input id="cancel-reason" type="text" required=true bind:value=reason/>
                </div>
                <ConfirmButton
                    label="Cancel the meeting…"
                    warning
                    confirm="Yes, cancel the meeting"
                    disabled=dispatch.pending()
                    on_confirm=move || dispatch.send(Command::CancelMeeting { reason: reason.get_untracked() })
                />
            </div>
            <Feedback dispatch/>
        </details>
    }
}
