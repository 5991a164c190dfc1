//! The record of attendance (present, apologies, absent, arrived late, left early) and substitutes
//! ("Cllr R Hogarth, substitute for Cllr P Fleming"), on the chair's console and the clerk's. Late arrivals
//! and departures are noted against the current item by the core. "Mark all present" records everyone not
//! yet recorded; each row has its own feedback, so a refusal shows on the row it concerns; a mark made by
//! mistake is corrected on its row (`CorrectAttendance`, with an optional reason); a substitute recorded by
//! mistake is withdrawn below the table (`substitutes.rs`).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::substitutes::{SubstituteForm, WithdrawSubstituteForm};
use crate::meeting::view::SeatView;
use crate::meeting::{Attendance, AttendanceMark, Command, CommandKind, MemberId, SeatId};
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
    let can_withdraw = meeting.can(CommandKind::WithdrawSubstitute);
    let roster = meeting.slice(|v| v.roster.clone());
    view! {
        <Show when=move || shown.get()>
            <section class="console-section" aria-labelledby="attendance-heading">
                <h2 id="attendance-heading">"Attendance"</h2>
                <MarkAllPresent/>
                <table class="roster">
                    <caption class="visually-hidden">"Attendance of members and substitutes"</caption>
                    <thead><tr><th scope="col">"Member"</th><th scope="col">"Recorded"</th><th scope="col">"Record"</th></tr></thead>
                    <tbody>
                        <For each=move || roster.get() key=|seat| seat.seat.clone() let:seat>
                            <SeatRows seat=seat.seat/>
                        </For>
                    </tbody>
                </table>
                <Show when=move || can_substitute.get()>
                    <SubstituteForm/>
                </Show>
                <Show when=move || can_withdraw.get()>
                    <WithdrawSubstituteForm/>
                </Show>
            </section>
        </Show>
    }
}

/// A seat's holder and substitute rows, kept live from the view by the seat's id (so a row keeps its feedback
/// while the record changes).
#[component]
fn SeatRows(seat: SeatId) -> impl IntoView {
    let meeting = use_meeting();
    let live = meeting.slice(move |v| v.roster.iter().find(|s| s.seat == seat).cloned());
    let holder = live.get_untracked().and_then(|seat: SeatView| {
        let id = seat.holder_id.clone()?;
        let attendance = Signal::derive(move || {
            live.with(|s| s.as_ref().map(|s| s.attendance.clone()).unwrap_or_default())
        });
        Some(view! { <PersonRow id name=seat.holder.clone() note=seat.seat_name.clone() attendance/> })
    });
    let substitute = move || {
        live.get().and_then(|seat| seat.substitute).map(|s| {
            let attendance = Signal::derive({
                let label = s.attendance.clone();
                move || label.clone()
            });
            view! { <PersonRow id=s.id name=s.name note=s.label attendance/> }
        })
    };
    view! { {holder} {substitute} }
}

/// What a correction may set: the states a clerk corrects to.
const CORRECTIONS: [(&str, &str); 4] = [
    ("present", "Present"),
    ("apologies", "Apologies"),
    ("absent", "Absent"),
    ("not_recorded", "Not yet recorded"),
];

fn corrected(value: &str) -> Attendance {
    match value {
        "present" => Attendance::Present {
            arrived_during: None,
        },
        "apologies" => Attendance::Apologies,
        "absent" => Attendance::Absent,
        _ => Attendance::NotRecorded,
    }
}

#[component]
fn PersonRow(
    id: MemberId,
    name: String,
    note: String,
    attendance: Signal<String>,
) -> impl IntoView {
    let meeting = use_meeting();
    let can_correct = meeting.can(CommandKind::CorrectAttendance);
    let dispatch = Dispatch::new();
    let mark = RwSignal::new("0".to_owned());
    let field = format!("attendance-{}", id.0);
    let label = format!("Attendance of {name}");
    let record = {
        let id = id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let index = mark
                .with_untracked(|m| m.parse::<usize>().unwrap_or(0))
                .min(MARKS.len() - 1);
            dispatch.send(Command::RecordAttendance {
                member: id.clone(),
                mark: MARKS[index].0,
            });
        }
    };
    let to = RwSignal::new("apologies".to_owned());
    let reason = RwSignal::new(String::new());
    let correct = {
        let id = id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let reason = reason.get_untracked();
            dispatch.send(Command::CorrectAttendance {
                member: id.clone(),
                attendance: corrected(&to.get_untracked()),
                reason: (!reason.trim().is_empty()).then_some(reason),
            });
        }
    };
    let to_field = format!("correct-{}", id.0);
    let reason_field = format!("correct-reason-{}", id.0);
    view! {
        <tr data-member=id.0.clone()>
            <td>{name.clone()} <div class="muted">{note}</div></td>
            <td data-testid="recorded">{move || attendance.get()}</td>
            <td>
                <form class="inline-form inline-form--tight" on:submit=record>
                    <label class="visually-hidden" for=field.clone()>{label}</label>
                    <select id=field bind:value=mark>
                        {MARKS.iter().enumerate().map(|(i, (_, text))| view! { <option value=i.to_string()>{*text}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button button--small button--secondary"
                        disabled=move || dispatch.pending().get()>"Record"</button>
                </form>
                <Show when=move || can_correct.get()>
                    <details class="correction">
                        <summary>{format!("Correct the record for {name}")}</summary>
                        <form class="stack-form" on:submit=correct.clone()>
                            <div class="field">
                                <label for=to_field.clone()>"It should say"</label>
                                <select id=to_field.clone() bind:value=to>
                                    {CORRECTIONS.iter().map(|(value, text)| view! { <option value=*value>{*text}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for=reason_field.clone()>{format!("Reason for correcting {name}'s record (optional)")}</label>
                                <input id=reason_field.clone() type="text" bind:value=reason/>
                            </div>
                            <button type="submit" class="button button--small button--secondary"
                                disabled=move || dispatch.pending().get()>"Correct"</button>
                        </form>
                    </details>
                </Show>
                <Feedback dispatch/>
            </td>
        </tr>
    }
}

/// Records as present everyone not yet recorded (holders without a substitute, and substitutes).
#[component]
fn MarkAllPresent() -> impl IntoView {
    let meeting = use_meeting();
    let dispatch = Dispatch::new();
    let unrecorded = meeting.slice(|v| {
        let not_yet = |label: &str| label == "Not yet recorded";
        let mut ids = Vec::new();
        for seat in &v.roster {
            match (&seat.holder_id, &seat.substitute) {
                (Some(id), None) if not_yet(&seat.attendance) => ids.push(id.clone()),
                (_, Some(sub)) if not_yet(&sub.attendance) => ids.push(sub.id.clone()),
                _ => {}
            }
        }
        ids
    });
    let mark_all = move |_| {
        for member in unrecorded.get_untracked() {
            dispatch.send(Command::RecordAttendance {
                member,
                mark: AttendanceMark::Present,
            });
        }
    };
    view! {
        <div class="button-row">
            <button type="button" class="button button--secondary" data-testid="mark-all-present"
                disabled=move || dispatch.pending().get() || unrecorded.with(Vec::is_empty)
                on:click=mark_all>
                {move || format!("Mark all present ({} not yet recorded)", unrecorded.with(Vec::len))}
            </button>
        </div>
        <Feedback dispatch/>
    }
}
