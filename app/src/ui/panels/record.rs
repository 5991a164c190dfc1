//! The record on the public page: each decision under its item as it is made, the link to the
//! published minutes, and the actions register ("Overview of Actions": Status | Owner | Due date, S3:128-133).
//! The view already leaves out anything of an exempt item.

use leptos::prelude::*;

use crate::meeting::MeetingView;

#[component]
pub fn RecordPanel(view: Memo<MeetingView>) -> impl IntoView {
    let resolutions = Memo::new(move |_| view.with(|v| v.resolutions.clone()));
    let actions = Memo::new(move |_| view.with(|v| v.actions.clone()));
    let minutes = Memo::new(move |_| view.with(|v| v.id.clone().zip(v.minutes_version)));
    view! {
        <section class="panel" aria-labelledby="record-heading">
            <h2 id="record-heading">"Decisions and minutes"</h2>
            {move || minutes.get().map(|(id, version)| view! {
                <p><a rel="external" href=format!("/meetings/{}/minutes", id.0)>{format!("Read the minutes (version {version})")}</a></p>
            })}
            <div aria-live="polite">
                {move || {
                    let list = resolutions.get();
                    if list.is_empty() {
                        view! { <p class="muted">"No decisions have been recorded yet."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="resolutions">{list.into_iter().map(|r| view! {
                                <li><span class="agenda-item__code">{r.item.0}</span>" "{r.text}</li>
                            }).collect_view()}</ul>
                        }.into_any()
                    }
                }}
            </div>
            {move || {
                let list = actions.get();
                (!list.is_empty()).then(|| view! {
                    <table class="actions-register">
                        <caption>"Actions"</caption>
                        <thead><tr><th scope="col">"Action"</th><th scope="col">"Status"</th><th scope="col">"Owner"</th><th scope="col">"Due date"</th></tr></thead>
                        <tbody>{list.into_iter().map(|a| view! {
                            <tr><td>{format!("{} ({}, item {})", a.text, a.kind_label, a.item.0)}</td><td>{a.status}</td><td>{a.owner}</td><td>{a.due}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                })
            }}
        </section>
    }
}
