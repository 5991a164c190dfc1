//! Substitutes for this meeting: "Cllr R Hogarth (Substitute for Cllr P Fleming)" (S2:79), recorded by the
//! clerk under standing item 2, "Apologies and Substitutes"; and a way back when one was recorded by mistake
//! (`WithdrawSubstitute`: the seat is its holder's again; the core says when that is refused and why, see
//! `meeting/decide/corrections.rs`). Each form has its own feedback, so a refusal shows next to the form used.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::{Command, MemberId, Person, SeatId};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;

/// A substitute fills a seat for this meeting; the core records the holder's apologies if nothing was recorded.
#[component]
pub fn SubstituteForm() -> impl IntoView {
    let meeting = use_meeting();
    let dispatch = Dispatch::new();
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
            <Feedback dispatch/>
        </form>
    }
}

/// Withdraws a substitute recorded by mistake, with an optional reason (kept in the log and the record).
#[component]
pub fn WithdrawSubstituteForm() -> impl IntoView {
    let meeting = use_meeting();
    let dispatch = Dispatch::new();
    let substituted = meeting.slice(|v| {
        v.roster
            .iter()
            .filter_map(|s| {
                let sub = s.substitute.as_ref()?;
                Some((
                    s.seat.clone(),
                    format!("{} ({}, for {})", sub.name, s.seat_name, s.holder),
                ))
            })
            .collect::<Vec<(SeatId, String)>>()
    });
    let seat = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let chosen = seat.get_untracked();
        let seat = substituted.with_untracked(|subs| {
            subs.iter()
                .find(|(id, _)| id.0 == chosen)
                .or_else(|| subs.first())
                .map(|(id, _)| id.clone())
        });
        let Some(seat) = seat else { return };
        let reason = reason.get_untracked().trim().to_owned();
        dispatch.send(Command::WithdrawSubstitute {
            seat,
            reason: (!reason.is_empty()).then_some(reason),
        });
    };
    // Stays on screen after the last withdrawal, so its "Done." is read out.
    let shown = move || !substituted.with(Vec::is_empty) || dispatch.version().get() != 0;
    view! {
        <Show when=shown>
            <form class="stack-form" on:submit=submit data-testid="withdraw-substitute">
                <h3>"Withdraw a substitute recorded by mistake"</h3>
                <div class="field">
                    <label for="withdraw-substitute-seat">"Substitute"</label>
                    <select id="withdraw-substitute-seat" bind:value=seat>
                        {move || substituted.get().into_iter().map(|(id, text)| view! { <option value=id.0>{text}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="withdraw-substitute-reason">"Reason (optional)"</label>
                    <input id="withdraw-substitute-reason" type="text" autocomplete="off" bind:value=reason/>
                </div>
                <button type="submit" class="button button--secondary"
                    disabled=move || dispatch.pending().get() || substituted.with(Vec::is_empty)>"Withdraw the substitute"</button>
                <Feedback dispatch/>
            </form>
        </Show>
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
