//! Votes from the chair's and clerk's side: open a vote, follow it live ("9 of 20 voted", the standing against
//! the veto threshold, the names yet to vote), close it after a confirmation, or enter a show of hands.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::show_of_hands::ShowOfHands;
use crate::meeting::view::VoteView;
use crate::meeting::{Choice, Command, CommandKind, VoteKind, VoteStatus};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::confirm::ConfirmButton;
use crate::ui::context::use_meeting;
use crate::ui::panels::{capitalise, VoteCard};

#[component]
pub fn VoteControls() -> impl IntoView {
    let meeting = use_meeting();
    let shown = meeting.can_any(&[
        CommandKind::OpenVote,
        CommandKind::CloseVote,
        CommandKind::RecordShowOfHands,
    ]);
    let can_open = meeting.can(CommandKind::OpenVote);
    let votes = meeting.slice(|v| v.votes.clone());
    let open_votes = Memo::new(move |_| {
        votes.with(|all| {
            all.iter()
                .filter(|v| v.status == VoteStatus::Open)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let closed_votes = Memo::new(move |_| {
        votes.with(|all| {
            all.iter()
                .rev()
                .filter(|v| v.status == VoteStatus::Closed)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || shown.get()>
            <section class="console-section" aria-labelledby="vote-controls-heading">
                <h2 id="vote-controls-heading">"Votes"</h2>
                <div aria-live="polite">
                    <For each=move || open_votes.get() key=|vote| vote.id let:vote>
                        <LiveVote vote/>
                    </For>
                </div>
                <Show when=move || can_open.get() && open_votes.with(Vec::is_empty)>
                    <OpenVoteForm/>
                </Show>
                <For each=move || closed_votes.get() key=|vote| vote.clone() let:vote>
                    <VoteCard vote/>
                </For>
            </section>
        </Show>
    }
}

/// The open vote as the chair and clerk see it, with the close and show-of-hands controls. Keyed by the vote's
/// id, so a new ballot updates the counts without closing a confirmation the chair has open.
#[component]
fn LiveVote(vote: VoteView) -> impl IntoView {
    let meeting = use_meeting();
    let can_close = meeting.can(CommandKind::CloseVote);
    let can_hands = meeting.can(CommandKind::RecordShowOfHands);
    let dispatch = Dispatch::new();
    let id = vote.id;
    let veto = vote.kind.is_veto();
    let live = meeting.slice(move |v| v.votes.iter().find(|x| x.id == id).cloned());
    let turnout = Memo::new(move |_| {
        live.with(|v| v.as_ref().map(|v| v.turnout.clone()).unwrap_or_default())
    });
    let casting = RwSignal::new(String::new());
    let warning = Signal::derive(move || {
        format!(
        "Closing the vote is final: {}, and no ballot can be cast or changed afterwards. The result is declared at once.",
        turnout.get()
    )
    });
    view! {
        <article class="panel vote vote--live" data-testid="live-vote">
            <h3><span class="tag tag--live">"Voting open"</span> " " {vote.kind_label.clone()}</h3>
            <p class="vote__motion">{vote.motion.clone()}</p>
            <p class="vote__count" data-testid="live-turnout">{move || turnout.get()}</p>
            {vote.threshold.clone().map(|t| view! { <p class="standing">{capitalise(&t)}</p> })}
            {move || live.with(|v| v.as_ref().and_then(|v| v.standing.clone())).map(|s| view! {
                <p class="standing" data-testid="live-standing">"Standing: " {s}</p>
            })}
            <p>{move || {
                let t = live.with(|v| v.as_ref().and_then(|v| v.tally).unwrap_or_default());
                format!("So far: for {}, against {}, abstain {}", t.for_, t.against, t.abstain)
            }}</p>
            <details open=true>
                <summary>{move || format!("Yet to vote ({})", live.with(|v| v.as_ref().map_or(0, |v| v.yet_to_vote.len())))}</summary>
                <ul class="names" data-testid="yet-to-vote">
                    {move || live.with(|v| v.as_ref().map(|v| v.yet_to_vote.clone()).unwrap_or_default()).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            </details>
            <Show when=move || can_close.get()>
                {(!veto).then(|| view! {
                    <div class="field">
                        <label for=format!("casting-{}", id.0)>"Chair's casting vote, if the vote is tied"</label>
                        <select id=format!("casting-{}", id.0) bind:value=casting>
                            <option value="">"None"</option>
                            <option value="for">"For"</option>
                            <option value="against">"Against"</option>
                        </select>
                    </div>
                })}
                <ConfirmButton
                    label="Close the vote…"
                    warning
                    confirm="Yes, close the vote and declare the result"
                    disabled=dispatch.pending()
                    on_confirm=move || dispatch.send(Command::CloseVote {
                        vote: id,
                        casting_vote: match casting.get_untracked().as_str() {
                            "for" => Some(Choice::For),
                            "against" => Some(Choice::Against),
                            _ => None,
                        },
                    })
                />
            </Show>
            <Show when=move || can_hands.get()>
                <ShowOfHands vote=id/>
            </Show>
            <Feedback dispatch/>
        </article>
    }
}

/// Open a vote: a veto (its motion is fixed by law), the hearing's recommendation, or a resolution.
#[component]
fn OpenVoteForm() -> impl IntoView {
    let meeting = use_meeting();
    let has_hearing = meeting.slice(|v| v.hearing.is_some());
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    let initial = if has_hearing.get_untracked() {
        "chief_constable_veto"
    } else {
        "general_resolution"
    };
    let kind = RwSignal::new(initial.to_owned());
    let motion = RwSignal::new(String::new());
    let chosen = move || match kind.get().as_str() {
        "chief_constable_veto" => VoteKind::ChiefConstableVeto,
        "precept_veto" => VoteKind::PreceptVeto,
        "recommendation" => VoteKind::Recommendation,
        _ => VoteKind::GeneralResolution,
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let kind = chosen();
        let text = motion.get_untracked();
        let motion = (!kind.is_veto() && !text.trim().is_empty()).then_some(text);
        dispatch.send(Command::OpenVote {
            kind,
            motion,
            item: None,
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>"Open a vote"</h3>
            <div class="field">
                <label for="vote-kind">"Kind of vote"</label>
                <select id="vote-kind" bind:value=kind>
                    {move || has_hearing.get().then(|| view! {
                        <option value="chief_constable_veto">{VoteKind::ChiefConstableVeto.label()}</option>
                        <option value="recommendation">"Recommendation on the candidate"</option>
                    })}
                    <option value="general_resolution">{VoteKind::GeneralResolution.label()}</option>
                    <option value="precept_veto">{VoteKind::PreceptVeto.label()}</option>
                </select>
            </div>
            <Show when=move || !chosen().is_veto()>
                <div class="field">
                    <label for="vote-motion">"Motion"</label>
                    <span class="hint" id="vote-motion-hint">"Leave empty for the hearing's recommendation: its wording is set."</span>
                    <textarea id="vote-motion" rows="2" aria-describedby="vote-motion-hint" bind:value=motion></textarea>
                </div>
            </Show>
            <button type="submit" class="button" disabled=move || pending.get()>"Open the vote"</button>
            <Feedback dispatch/>
        </form>
    }
}
