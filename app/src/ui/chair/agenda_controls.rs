//! The chair moves through the agenda: previous, next, or straight to any item. The current item is marked in
//! words ("Current item"), not by colour alone.

use leptos::prelude::*;

use crate::meeting::view::ItemView;
use crate::meeting::{Command, CommandKind};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;

#[component]
pub fn AgendaControls() -> impl IntoView {
    let meeting = use_meeting();
    let shown = meeting.can(CommandKind::GoToItem);
    let items = meeting.slice(|v| {
        v.sections
            .iter()
            .flat_map(|s| s.items.iter().cloned())
            .collect::<Vec<ItemView>>()
    });
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    view! {
        <Show when=move || shown.get()>
            <section class="console-section" aria-labelledby="agenda-controls-heading">
                <h2 id="agenda-controls-heading">"Agenda"</h2>
                <div class="button-row">
                    <button type="button" class="button button--secondary" disabled=move || pending.get()
                        on:click=move |_| dispatch.send(Command::GoBackAgenda)>"Previous item"</button>
                    <button type="button" class="button" disabled=move || pending.get()
                        on:click=move |_| dispatch.send(Command::AdvanceAgenda)>"Next item"</button>
                </div>
                <Feedback dispatch/>
                <ol class="agenda agenda--controls">
                    <For each=move || items.get() key=|item| item.clone() let:item>
                        <AgendaRow item dispatch/>
                    </For>
                </ol>
            </section>
        </Show>
    }
}

#[component]
fn AgendaRow(item: ItemView, dispatch: Dispatch) -> impl IntoView {
    let pending = dispatch.pending();
    let code = item.code.clone();
    let class = if item.is_current {
        "agenda-item agenda-item--current"
    } else {
        "agenda-item"
    };
    view! {
        <li class=class data-item=item.code.0.clone() aria-current=item.is_current.then_some("step")>
            <span class="agenda-item__code">{item.code.0.clone()}</span>
            <span>{item.title.clone()}</span>
            {item.day_note.clone().map(|note| view! { <span class="muted">{note}</span> })}
            {if item.set_aside {
                ().into_any()
            } else if item.is_current {
                view! { <span class="tag tag--live">"Current item"</span> }.into_any()
            } else {
                view! {
                    <button type="button" class="button button--small button--secondary"
                        disabled=move || pending.get()
                        aria-label=format!("Go to item {}: {}", item.code.0, item.title)
                        on:click=move |_| dispatch.send(Command::GoToItem { item: code.clone() })>
                        "Go to"
                    </button>
                }.into_any()
            }}
        </li>
    }
}
