//! The election of a chair for the meeting, from the clerk's console: when neither the Chairman nor the
//! Vice-Chairman can preside, the clerk opens the meeting for the election, puts a member's proposal to the vote
//! (members vote on their devices, or the clerk enters a show of hands), and closes it; the elected member then
//! presides. The elected chair may hand the chair back when the meeting agrees (rules in `meeting/election.rs`).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::{Command, CommandKind, MemberId};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;

#[component]
pub fn ElectionControls() -> impl IntoView {
    let meeting = use_meeting();
    let can_open = meeting.can(CommandKind::OpenElectionOfChair);
    let can_propose = meeting.can(CommandKind::ProposeChair);
    let can_hand_back = meeting.can(CommandKind::HandBackChair);
    let presiding = meeting.slice(|v| v.presiding.clone());
    let election = meeting.slice(|v| v.election.clone());
    let phase = meeting.slice(|v| v.phase.clone());
    let vote_open = meeting.slice(|v| {
        v.votes
            .iter()
            .any(|x| x.status == crate::meeting::VoteStatus::Open)
    });
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    let needs_election = move || {
        presiding.with(Option::is_none)
            && !election.with(|e| e.as_ref().is_some_and(|e| e.in_progress))
            && matches!(phase.get().as_str(), "scheduled" | "open")
    };
    let shown = move || {
        (can_open.get() && needs_election())
            || election.with(Option::is_some)
            || (can_hand_back.get()
                && election.with(|e| {
                    e.as_ref()
                        .is_some_and(|e| e.elected.is_some() && !e.handed_back)
                }))
    };
    view! {
        <Show when=shown>
            <section class="console-section" aria-labelledby="election-heading" data-testid="election">
                <h2 id="election-heading">"Chair for this meeting"</h2>
                <p>{move || match presiding.get() {
                    Some(name) => format!("Presiding: {name}."),
                    None => "Neither the Chairman nor the Vice-Chairman is present, so nobody presides. The meeting elects a chair for this meeting from the members present.".to_owned(),
                }}</p>
                {move || election.get().map(|e| view! {
                    <ul class="names">
                        {e.proposals.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                    {e.elected.map(|name| view! { <p><strong>{format!("Elected to the chair for this meeting: {name}")}</strong></p> })}
                })}
                <Show when=move || can_open.get() && needs_election()>
                    <button type="button" class="button" disabled=move || pending.get()
                        on:click=move |_| dispatch.send(Command::OpenElectionOfChair)>
                        "Open the meeting for the election of a chair"
                    </button>
                </Show>
                <Show when=move || can_propose.get() && !vote_open.get() && election.with(|e| e.as_ref().is_some_and(|e| e.in_progress))>
                    <ProposalForm dispatch/>
                </Show>
                <Show when=move || can_hand_back.get() && election.with(|e| e.as_ref().is_some_and(|e| e.elected.is_some() && !e.handed_back))>
                    <button type="button" class="button button--secondary" disabled=move || pending.get()
                        on:click=move |_| dispatch.send(Command::HandBackChair)>
                        "The meeting agrees: hand the chair back to the Chairman"
                    </button>
                </Show>
                <Feedback dispatch/>
            </section>
        </Show>
    }
}

/// A member proposes a member present; the proposal opens the vote.
#[component]
fn ProposalForm(dispatch: Dispatch) -> impl IntoView {
    let meeting = use_meeting();
    let present =
        meeting.slice(|v| {
            let mut people = Vec::new();
            for seat in &v.roster {
                if let (Some(id), true) = (
                    &seat.holder_id,
                    seat.attendance == "Present" || seat.attendance.starts_with("Arrived late"),
                ) {
                    people.push((id.clone(), seat.holder.clone()));
                }
                if let Some(sub) = seat.substitute.as_ref().filter(|s| {
                    s.attendance == "Present" || s.attendance.starts_with("Arrived late")
                }) {
                    people.push((sub.id.clone(), sub.name.clone()));
                }
            }
            people
        });
    let first = move || {
        present.with_untracked(|p| p.first().map(|(id, _)| id.0.clone()).unwrap_or_default())
    };
    let candidate = RwSignal::new(first());
    let proposer = RwSignal::new(first());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        dispatch.send(Command::ProposeChair {
            candidate: MemberId(candidate.get_untracked()),
            proposer: MemberId(proposer.get_untracked()),
        });
    };
    let options = move || {
        present
            .get()
            .into_iter()
            .map(|(id, name)| view! { <option value=id.0>{name}</option> })
            .collect_view()
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>"Put a proposal to the meeting"</h3>
            <div class="field">
                <label for="chair-candidate">"Proposed for the chair"</label>
                <select id="chair-candidate" bind:value=candidate>{options}</select>
            </div>
            <div class="field">
                <label for="chair-proposer">"Proposed by"</label>
                <select id="chair-proposer" bind:value=proposer>{options}</select>
            </div>
            <button type="submit" class="button" disabled=move || dispatch.pending().get()>"Put it to the vote"</button>
        </form>
    }
}
