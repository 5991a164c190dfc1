//! The actions carried from the Panel's earlier meetings ("Overview of Actions": Status | Owner | Due date,
//! S3:128-133), read-only, on the public page; the console adds its controls (`chair/carried_actions.rs`).
//! The register comes from `get_carried_actions` (it spans several meetings' logs), read again whenever
//! this meeting records an update, so a change shows on every screen as it is made.

use leptos::prelude::*;

use crate::api::get_carried_actions;
use crate::meeting::carried::RegisterEntry;
use crate::ui::context::use_meeting;

/// The register of the meeting on screen, read again when this meeting records an update.
pub fn carried_register() -> Resource<Vec<RegisterEntry>, crate::wire::Wire> {
    let meeting = use_meeting();
    let updates = meeting.slice(|v| v.carried_updates);
    let id = meeting.id;
    crate::wire::resource(
        move || (id.get_value(), updates.get()),
        |(id, _)| async move { get_carried_actions(id).await.unwrap_or_default() },
    )
}

/// "Open", "Done at this meeting", or "Open: <note>".
pub fn status_text(entry: &RegisterEntry) -> String {
    let status = match (entry.done, entry.updated_here) {
        (true, _) => "Done at this meeting",
        (false, true) => "Open, updated at this meeting",
        (false, false) => "Open",
    };
    match &entry.note {
        Some(note) => format!("{status}: {note}"),
        None => status.to_owned(),
    }
}

/// The read-only register; nothing while there is nothing carried.
#[component]
pub fn CarriedActionsPanel() -> impl IntoView {
    let register = carried_register();
    view! {
        <Transition fallback=|| ()>
            {move || register.get().filter(|list| !list.is_empty()).map(|list| view! {
                <section class="panel" aria-labelledby="carried-heading" data-testid="carried-actions">
                    <h2 id="carried-heading">"Actions from earlier meetings"</h2>
                    <table class="actions-register">
                        <thead><tr><th scope="col">"Action"</th><th scope="col">"From"</th><th scope="col">"Status"</th><th scope="col">"Owner"</th><th scope="col">"Due"</th></tr></thead>
                        <tbody aria-live="polite">{list.into_iter().map(|e| view! {
                            <tr>
                                <td>{e.action.text.clone()}</td>
                                <td>{e.action.source()}</td>
                                <td>{status_text(&e)}</td>
                                <td>{e.action.owner.clone()}</td>
                                <td>{e.action.due.clone()}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                </section>
            })}
        </Transition>
    }
}
