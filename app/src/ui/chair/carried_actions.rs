//! The console's "Actions from earlier meetings": each action still open from the Panel's earlier meetings,
//! with where it came from, its status, owner and due meeting, and for the chair and the clerk a note and
//! "Mark done" (or "Reopen" for one marked done here by mistake). Each button sends `UpdateCarriedAction`;
//! the register is read again when the update is in this meeting's log.

use leptos::prelude::*;

use crate::meeting::carried::RegisterEntry;
use crate::meeting::{Command, CommandKind};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;
use crate::ui::panels::{carried_register, status_text};

#[component]
pub fn CarriedActions() -> impl IntoView {
    let can = use_meeting().can(CommandKind::UpdateCarriedAction);
    let register = carried_register();
    let dispatch = Dispatch::new();
    view! {
        <section class="panel" aria-labelledby="carried-console-heading" data-testid="carried-console">
            <h2 id="carried-console-heading">"Actions from earlier meetings"</h2>
            <Transition fallback=|| view! { <p>"Loading the actions…"</p> }>
                {move || register.get().map(|list| if list.is_empty() {
                    view! { <p class="muted">"No actions are open from earlier meetings."</p> }.into_any()
                } else {
                    view! {
                        <ul class="carried-actions" aria-live="polite">
                            {list.into_iter().enumerate().map(|(n, e)| view! { <Row n entry=e can dispatch/> }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Transition>
            <Feedback dispatch/>
        </section>
    }
}

#[component]
fn Row(n: usize, entry: RegisterEntry, can: Memo<bool>, dispatch: Dispatch) -> impl IntoView {
    let note = RwSignal::new(entry.note.clone().unwrap_or_default());
    let a = entry.action.clone();
    let send = move |done: bool| {
        dispatch.send(Command::UpdateCarriedAction {
            meeting: a.meeting.clone(),
            action: a.action,
            done,
            note: Some(note.get_untracked()),
            carried: None,
        })
    };
    let (mark, reopen) = (send.clone(), send);
    let note_id = format!("carried-note-{n}");
    view! {
        <li data-testid="carried-action">
            <p><strong>{entry.action.text.clone()}</strong></p>
            <p class="muted">{format!("{} · {} · owner: {} · due: {}", entry.action.kind.label(), entry.action.source(), entry.action.owner, entry.action.due)}</p>
            <p data-testid="carried-status">{status_text(&entry)}</p>
            {move || can.get().then(|| view! {
                <div class="field">
                    <label for=note_id.clone()>"Update (optional)"</label>
                    <input id=note_id.clone() type="text" bind:value=note/>
                </div>
                {if entry.done {
                    let reopen = reopen.clone();
                    view! { <button type="button" class="button button--secondary" on:click=move |_| reopen(false)>"Reopen"</button> }.into_any()
                } else {
                    let mark = mark.clone();
                    view! { <button type="button" class="button button--secondary" on:click=move |_| mark(true)>"Mark done"</button> }.into_any()
                }}
            })}
        </li>
    }
}
