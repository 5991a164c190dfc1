//! Business on the day from the chair's console: take an item not on the published agenda (an urgent item with
//! the chair's reason, LGA 1972 s100B(4)(b), or a presentation), placed after the item the chair chooses; and
//! withdraw or defer an item, with the reason the minutes will give.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::on_the_day::DayItemKind;
use crate::meeting::{Command, CommandKind, ItemCode};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;

#[component]
pub fn DayItems() -> impl IntoView {
    let meeting = use_meeting();
    let shown = meeting.can(CommandKind::AddItem);
    let items = meeting.slice(|v| {
        v.sections
            .iter()
            .flat_map(|s| s.items.iter())
            .map(|i| (i.code.clone(), format!("{} {}", i.code.0, i.title)))
            .collect::<Vec<_>>()
    });
    let dispatch = Dispatch::new();
    let code = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let kind = RwSignal::new("presentation".to_owned());
    let reason = RwSignal::new(String::new());
    let after = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let reason = reason.get_untracked();
        let after = after.get_untracked();
        dispatch.send(Command::AddItem {
            code: ItemCode(code.get_untracked()),
            title: title.get_untracked(),
            kind: if kind.get_untracked() == "urgent" {
                DayItemKind::Urgent
            } else {
                DayItemKind::Presentation
            },
            reason: (!reason.trim().is_empty()).then_some(reason),
            after: (!after.is_empty()).then_some(ItemCode(after)),
        });
    };
    let options = move || {
        items
            .get()
            .into_iter()
            .map(|(code, text)| view! { <option value=code.0>{text}</option> })
            .collect_view()
    };
    view! {
        <Show when=move || shown.get()>
            <section class="console-section" aria-labelledby="day-items-heading">
                <h2 id="day-items-heading">"Business on the day"</h2>
                <details>
                    <summary>"Add an item not on the agenda…"</summary>
                    <form class="stack-form" on:submit=add data-testid="add-item">
                        <div class="field">
                            <label for="day-item-kind">"Kind of item"</label>
                            <select id="day-item-kind" bind:value=kind>
                                <option value="presentation">"Presentation"</option>
                                <option value="urgent">"Urgent item (LGA 1972 s100B(4)(b))"</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="day-item-code">"Item number"</label>
                            <input id="day-item-code" type="text" required=true maxlength="8" autocomplete="off" bind:value=code/>
                        </div>
                        <div class="field">
                            <label for="day-item-title">"Title"</label>
                            <input id="day-item-title" type="text" required=true bind:value=title/>
                        </div>
                        <div class="field">
                            <label for="day-item-reason">"The chair's reason (required for an urgent item; the minutes give it)"</label>
                            <input id="day-item-reason" type="text" bind:value=reason/>
                        </div>
                        <div class="field">
                            <label for="day-item-after">"Place it after"</label>
                            <select id="day-item-after" bind:value=after>
                                <option value="">"The end of the agenda"</option>
                                {options}
                            </select>
                        </div>
                        <button type="submit" class="button" disabled=move || dispatch.pending().get()>"Add the item"</button>
                    </form>
                </details>
                <super::set_aside::SetAsideForm/>
                <Feedback dispatch/>
            </section>
        </Show>
    }
}
