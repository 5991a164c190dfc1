//! Links to the published record from the meeting page: the vote record as CSV and JSON once a vote has
//! closed (`GET /api/v1/meetings/{id}/votes[.csv]`, which publishes a private vote only after the private
//! session), and the Panel's report to the Commissioner once the chair has reported (Sch 8 para 4(7)).

use leptos::prelude::*;

use crate::meeting::vote::VoteStatus;
use crate::meeting::MeetingView;

#[component]
pub fn RecordLinks(view: Memo<MeetingView>) -> impl IntoView {
    let links = Memo::new(move |_| {
        view.with(|v| {
            let id = v.id.as_ref()?.to_string();
            let any_closed = v.votes.iter().any(|vote| vote.status == VoteStatus::Closed);
            let reported = v.hearing.as_ref().is_some_and(|h| h.reported_on.is_some());
            (any_closed || reported).then_some((id, any_closed, reported))
        })
    });
    move || {
        links.get().map(|(id, any_closed, reported)| {
            view! {
                <section aria-labelledby="vote-record-heading" data-testid="record-links">
                    <h2 id="vote-record-heading">"Votes and reports"</h2>
                    <ul>
                        {any_closed.then(|| view! {
                            <li><a href=format!("/api/v1/meetings/{id}/votes.csv") download="">"How each member voted (CSV)"</a>
                            " or "<a href=format!("/api/v1/meetings/{id}/votes")>"as JSON"</a></li>
                        })}
                        {reported.then(|| view! {
                            <li><a href=format!("/meetings/{id}/hearing-report")>"The Panel's report to the Commissioner"</a></li>
                        })}
                    </ul>
                </section>
            }
        })
    }
}
