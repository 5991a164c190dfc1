//! A Performance and Delivery Board's attendees, by organisation, and who presides: the Commissioner
//! (S4:1348). The Board has no Panel seats; Panel members and the public attend without taking part.

use leptos::prelude::*;

use crate::meeting::MeetingView;

#[component]
pub fn AttendeesPanel(view: Memo<MeetingView>) -> impl IntoView {
    let groups = Memo::new(move |_| view.with(|v| v.attendees.clone()));
    let presiding = Memo::new(move |_| view.with(|v| v.presiding.clone()));
    view! {
        <section aria-labelledby="attendees-heading">
            <h2 id="attendees-heading">"Attendees"</h2>
            <p data-testid="presiding">{move || presiding.get().map(|name| format!("Presiding: {name}, the Commissioner, who chairs the Board."))}</p>
            <p class="hint">"Panel members and the public attend on a non-participating basis: the Panel does not vote here."</p>
            {move || groups.get().into_iter().map(|group| view! {
                <h3>{group.organisation}</h3>
                <ul>{group.names.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}</ul>
            }).collect_view()}
        </section>
    }
}
