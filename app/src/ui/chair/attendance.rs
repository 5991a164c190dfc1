//! The clerk's record of attendance (present, apologies, absent, arrived late, left early) and substitutes
//! ("Cllr R Hogarth, substitute for Cllr P Fleming"). Late arrivals and departures are noted against the
//! current item by the core.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::view::SeatView;
use crate::meeting::{AttendanceMark, Command, CommandKind, MemberId, Person, SeatId};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;

const MARKS: [(AttendanceMark, &str); 5] = [
    (AttendanceMark::Present, "Present"),
    (AttendanceMark::Apologies, "Apologies"),
    (AttendanceMark::Absent, "Absent"),
    (AttendanceMark::ArrivedLate, "Arrived late"),
    (AttendanceMark::LeftEarly, "Left early"),
];

#[component]
pub fn AttendanceControls() -> impl IntoView {
    let meeting = use_meeting();
    let shown = meeting.can(CommandKind::RecordAttendance);
    let can_substitute = meeting.can(CommandKind::AppointSubstitute);
    let roster = meeting.slice(|v| v.roster.clone());
    let dispatch = Dispatch::new();
    view! {
        <Show when=move || shown.get()>
            <section class="console-section" aria-labelledby="attendance-heading">
                <h2 id="attendance-heading">"Attendance"</h2>
                <Feedback dispatch/>
                <table class="roster">
                    <caption class="visually-hidden">"Attendance of members and substitutes"</caption>
                    <thead><tr><th scope="col">"Member"</th><th scope="col">"Recorded"</th><th scope="col">"Record"</th></tr></thead>
                    <tbody>
                        <For each=move || roster.get() key=|seat| seat.clone() let:seat>
                            <SeatRows seat dispatch/>
                        </For>
                    </tbody>
                </table>
                <Show when=move || can_substitute.get()>
                    <SubstituteForm dispatch/>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn SeatRows(seat: SeatView, dispatch: Dispatch) -> impl IntoView {
    let holder = seat.holder_id.clone().map(|id| {
        view! { <PersonRow id name=seat.holder.clone() note=seat.seat_name.clone() attendance=seat.attendance.clone() dispatch/> }
    });
    let substitute = seat.substitute.clone().map(|s| {
        view! { <PersonRow id=s.id name=s.name note=s.label attendance=s.attendance dispatch/> }
    });
    view! { {holder} {substitute} }
}

#[component]
fn PersonRow(
    id: MemberId,
    name: String,
    note: String,
    attendance: String,
    dispatch: Dispatch,
) -> impl IntoView {
    let mark = RwSignal::new("0".to_owned());
    let field = format!("attendance-{}", id.0);
    let label = format!("Attendance of {name}");
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let index = mark
            .with_untracked(|m| m.parse::<usize>().unwrap_or(0))
            .min(MARKS.len() - 1);
        dispatch.send(Command::RecordAttendance {
            member: id.clone(),
            mark: MARKS[index].0,
        });
    };
    view! {
        <tr>
            <td>{name} <div class="muted">{note}</div></td>
            <td>{attendance}</td>
            <td>
                <form class="inline-form inline-form--tight" on:submit=submit>
                    <label class="visually-hidden" for=field.clone()>{label}</label>
                    <select id=field bind:value=mark>
                        {MARKS.iter().enumerate().map(|(i, (_, text))| view! { <option value=i.to_string()>{*text}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button button--small button--secondary"
                        disabled=move || dispatch.pending().get()>"Record"</button>
                </form>
            </td>
        </tr>
    }
}

/// A substitute fills a seat for this meeting; the core records the holder's apologies if nothing was recorded.
#[component]
fn SubstituteForm(dispatch: Dispatch) -> impl IntoView {
    let meeting = use_meeting();
    let seats = meeting.slice(|v| {
        v.roster
            .iter()
            .filter(|s| !s.vacancy && s.substitute.is_none())
            .map(|s| (s.seat.clone(), format!("{} ({})", s.holder, s.seat_name)))
            .collect::<Vec<(SeatId, String)>>()
    });
    let seat = RwSignal::new(
        seats.with_untracked(|s| s.first().map(|(id, _)| id.0.clone()).unwrap_or_default()),
    );
    let name = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = name.get_untracked().trim().to_owned();
        let chosen = seat.get_untracked();
        let fallback =
            seats.with_untracked(|s| s.first().map(|(id, _)| id.0.clone()).unwrap_or_default());
        let seat = SeatId(if chosen.is_empty() { fallback } else { chosen });
        dispatch.send(Command::AppointSubstitute {
            seat,
            substitute: Person {
                id: MemberId(slug(&name)),
                name,
            },
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>"Record a substitute"</h3>
            <div class="field">
                <label for="substitute-seat">"Seat (the member who sent apologies)"</label>
                <select id="substitute-seat" bind:value=seat>
                    {move || seats.get().into_iter().map(|(id, text)| view! { <option value=id.0>{text}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="substitute-name">"Substitute's name"</label>
                <input id="substitute-name" type="text" required=true autocomplete="off" bind:value=name/>
            </div>
            <button type="submit" class="button button--secondary" disabled=move || dispatch.pending().get()>"Record the substitute"</button>
        </form>
    }
}

/// "Cllr R Hogarth" → "cllr-r-hogarth": the member id a substitute signs in with.
fn slug(name: &str) -> String {
    let lowered: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    lowered
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}
