//! The Panel's membership for this meeting: seats, holders, chair and vice-chair, substitutes, attendance.

use leptos::prelude::*;

use super::attendees::AttendeesPanel;
use crate::meeting::{MeetingKind, MeetingView};

#[component]
pub fn MembershipPanel(view: Memo<MeetingView>) -> impl IntoView {
    // A Board has attendees, not seats; the kind never changes once scheduled.
    if view.with_untracked(|v| v.kind == MeetingKind::PerformanceBoard) {
        return view! { <AttendeesPanel view/> }.into_any();
    }
    let roster = Memo::new(move |_| view.with(|v| v.roster.clone()));
    let presiding =
        Memo::new(move |_| view.with(|v| (v.presiding.clone(), v.present_count, v.members_count)));
    // Shown by default so that it reads without JavaScript; the button folds it away on a small screen.
    let expanded = RwSignal::new(true);
    view! {
        <section aria-labelledby="membership-heading">
            <h2 id="membership-heading">"Membership"</h2>
            <p data-testid="presiding">{move || {
                let (chair, present, members) = presiding.get();
                let chair = chair.map(|name| format!("Presiding: {name}. ")).unwrap_or_default();
                format!("{chair}{present} of {members} members present.")
            }}</p>
            <button
                class="button button--secondary"
                type="button"
                aria-controls="membership-table"
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || if expanded.get() { "Hide membership" } else { "Show membership" }}
            </button>
            <table class="roster" id="membership-table" hidden=move || !expanded.get()>
                <caption>{move || format!("Membership: {} seats", roster.with(Vec::len))}</caption>
                <thead>
                    <tr><th scope="col">"Seat"</th><th scope="col">"Member"</th><th scope="col">"Attendance"</th></tr>
                </thead>
                <tbody>
                    {move || roster.get().into_iter().map(|seat| {
                        let mut holder = seat.holder.clone();
                        if seat.is_chair { holder.push_str(" (Chairman)"); }
                        if seat.is_vice_chair { holder.push_str(" (Vice-Chairman)"); }
                        view! {
                            <tr>
                                <td>{seat.seat_name.clone()} <div class="muted">{seat.kind_label.clone()}</div></td>
                                <td>
                                    {holder}
                                    {seat.substitute.clone().map(|s| view! { <div>{s.label.clone()}</div> })}
                                </td>
                                <td>{seat.attendance.clone()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}
