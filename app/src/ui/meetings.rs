//! The list of meetings: live now, upcoming (soonest first), past (latest first), each named by its date, with
//! any cancellation or postponement notice; and the way to the year's meeting dates and work programme
//! (`/programme`, seeds-brief §1.6).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::list_meetings;
use crate::protocol::MeetingSummary;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let meetings = crate::wire::resource(|| (), |_| list_meetings());
    view! {
        <Title text="Meetings"/>
        <h1>"Meetings of the Police and Crime Panel"</h1>
        <p class="lede">"Watch a meeting live, follow the agenda, and see questions and results as they happen."</p>
        // A server-rendered page, not one of the app's routes: `rel="external"` makes the router load it.
        <p><a rel="external" href="/programme">"Meeting dates and work programme"</a></p>
        <Suspense fallback=|| view! { <p>"Loading meetings…"</p> }>
            {move || meetings.get().map(|result| match result {
                Ok(list) => {
                    // The server sends the latest date first and says which are upcoming (by today's date, so a
                    // meeting whose day has passed is never upcoming); upcoming ones read soonest first.
                    let (live, rest): (Vec<_>, Vec<_>) = list.into_iter().partition(|m| m.phase == "open" || m.phase == "adjourned");
                    let (mut upcoming, past): (Vec<_>, Vec<_>) = rest.into_iter().partition(|m| m.upcoming);
                    upcoming.reverse();
                    view! {
                        <MeetingGroup heading="Live now" empty="No meeting is live at the moment." meetings=live/>
                        <MeetingGroup heading="Upcoming" empty="No meetings are scheduled." meetings=upcoming/>
                        <MeetingGroup heading="Past meetings" empty="No past meetings." meetings=past/>
                    }.into_any()
                }
                Err(error) => view! { <p class="banner">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn MeetingGroup(
    heading: &'static str,
    empty: &'static str,
    meetings: Vec<MeetingSummary>,
) -> impl IntoView {
    let body = if meetings.is_empty() {
        view! { <p class="muted">{empty}</p> }.into_any()
    } else {
        view! {
            <ul class="meeting-list">
                {meetings.into_iter().map(|m| view! {
                    <li data-meeting=m.id.clone()>
                        <a href=format!("/meetings/{}", m.id)>{m.when.clone()}</a>
                        {(m.phase == "cancelled").then(|| view! { " " <strong class="tag tag--cancelled">"Cancelled"</strong> })}
                        <div>{m.title.clone()}</div>
                        <div><span class="tag tag--grey" data-testid="meeting-kind">{m.kind.label()}</span></div>
                        <div class="muted">{m.venue.clone()}</div>
                        {m.notice.clone().map(|notice| view! { <p class="meeting-list__notice" data-testid="meeting-notice">{notice}</p> })}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! { <section><h2>{heading}</h2>{body}</section> }
}
