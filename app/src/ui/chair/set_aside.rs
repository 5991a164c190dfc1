//! Withdraw or defer an item, with the reason the minutes and the notice give: the chair's on the day, the
//! clerk's or the Chairman's before the meeting opens (the core decides which, `decide/day_items.rs`).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::item_choice::{item_options, ItemChoice};
use crate::meeting::on_the_day::Aside;
use crate::meeting::{Command, ItemCode};
use crate::ui::command::{Dispatch, Feedback};

#[component]
pub fn SetAsideForm() -> impl IntoView {
    let items = item_options(|i| !i.set_aside);
    let dispatch = Dispatch::new();
    let item = RwSignal::new(String::new());
    let how = RwSignal::new("deferred".to_owned());
    let reason = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        dispatch.send(Command::SetItemAside {
            item: ItemCode(item.get_untracked()),
            aside: if how.get_untracked() == "withdrawn" {
                Aside::Withdrawn
            } else {
                Aside::Deferred
            },
            reason: reason.get_untracked(),
        });
    };
    view! {
        <details>
            <summary>"Withdraw or defer an item…"</summary>
            <form class="stack-form" on:submit=submit data-testid="set-aside">
                <ItemChoice id="aside-item" label="Item" placeholder="Choose an item" items value=item/>
                <div class="field">
                    <label for="aside-how">"What happens to it"</label>
                    <select id="aside-how" bind:value=how>
                        <option value="deferred">"Deferred to a later meeting"</option>
                        <option value="withdrawn">"Withdrawn"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="aside-reason">"Reason"</label>
                    <input id="aside-reason" type="text" required=true bind:value=reason/>
                </div>
                <button type="submit" class="button button--secondary" disabled=move || dispatch.pending().get()>"Set the item aside"</button>
            </form>
            <Feedback dispatch/>
        </details>
    }
}
