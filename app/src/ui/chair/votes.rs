//! Votes from the chair's and clerk's side: open a vote (after seeing who is present, with a warning when it
//! cannot pass as things stand), follow it live ("12 of 18 present have voted", the standing against the veto
//! threshold, the names yet to vote and those not present), void it with a reason, close it after a
//! confirmation that names who has not voted, or enter a show of hands.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::show_of_hands::ShowOfHands;
use crate::meeting::view::VoteView;
use crate::meeting::{Choice, Command, CommandKind, Role, VoteKind, VoteStatus};
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
                .filter(|v| v.status != VoteStatus::Open)
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
        let yet = live.with(|v| v.as_ref().map_or(0, |v| v.yet_to_vote.len()));
        let not_voted = match yet {
            0 => String::new(),
            1 => "1 present member has not voted; close anyway? ".to_owned(),
            n => format!("{n} present members have not voted; close anyway? "),
        };
        format!(
            "{not_voted}Closing the vote is final: {}, and no ballot can be cast or changed afterwards. The result is declared at once.",
            turnout.get()
        )
    });
    let role = meeting.slice(|v| v.viewer.role);
    let electing = meeting.slice(|v| v.election.as_ref().is_some_and(|e| e.in_progress));
    // The clerk closes only the vote electing a chair for the meeting (core rule).
    let may_close = move || can_close.get() && (role.get() == Role::Chair || electing.get());
    let can_void = meeting.can(CommandKind::VoidVote);
    let void_reason = RwSignal::new(String::new());
    let void = move |ev: SubmitEvent| {
        ev.prevent_default();
        dispatch.send(Command::VoidVote {
            vote: id,
            reason: void_reason.get_untracked(),
        });
    };
    let names = move |pick: fn(&VoteView) -> &Vec<String>| {
        live.with(|v| v.as_ref().map(|v| pick(v).clone()).unwrap_or_default())
    };
    view! {
        <article class="panel vote vote--live" data-testid="live-vote">
            <h3><span class="tag tag--live">"Voting open"</span> " " {vote.kind_label.clone()}</h3>
            <p class="vote__motion">{vote.motion.clone()}</p>
            <p class="vote__count" data-testid="live-turnout">{move || capitalise(&turnout.get())}</p>
            {vote.threshold.clone().map(|t| view! { <p class="standing">{capitalise(&t)}</p> })}
            {move || live.with(|v| v.as_ref().and_then(|v| v.standing.clone())).map(|s| view! {
                <p class="standing" data-testid="live-standing">"Standing: " {s}</p>
            })}
            {move || live.with(|v| v.as_ref().and_then(|v| v.tally)).map(|t| view! {
                <p data-testid="live-tally">{format!("So far: for {}, against {}, abstain {}", t.for_, t.against, t.abstain)}</p>
            })}
            <details open=true>
                <summary>{move || format!("Yet to vote, present ({})", names(|v| &v.yet_to_vote).len())}</summary>
                <ul class="names" data-testid="yet-to-vote">
                    {move || names(|v| &v.yet_to_vote).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            </details>
            <details>
                <summary>{move || format!("Not present, cannot vote ({})", names(|v| &v.not_present).len())}</summary>
                <ul class="names" data-testid="not-present">
                    {move || names(|v| &v.not_present).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            </details>
            <Show when=may_close>
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
            <Show when=move || can_void.get()>
                <details class="void">
                    <summary>"Void this vote…"</summary>
                    <form class="stack-form" on:submit=void>
                        <div class="field">
                            <label for=format!("void-reason-{}", id.0)>"Why the vote is void (shown to everyone and kept in the record)"</label>
                            <input id=format!("void-reason-{}", id.0) type="text" required=true bind:value=void_reason/>
                        </div>
                        <button type="submit" class="button button--warning" disabled=move || dispatch.pending().get()>"Void the vote"</button>
                    </form>
                </details>
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
    let checks = meeting.slice(|v| v.opening_checks.clone());
    let check = move || {
        let kind = chosen();
        checks.with(|all| all.iter().find(|c| c.kind == kind).cloned())
    };
    let open_now = move || {
        let kind = chosen();
        let text = motion.get_untracked();
        let motion = (!kind.is_veto() && !text.trim().is_empty()).then_some(text);
        dispatch.send(Command::OpenVote {
            kind,
            motion,
            item: None,
        });
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // With a warning showing, only its confirmation opens the vote.
        if check().and_then(|c| c.warning).is_none() {
            open_now();
        }
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
            <p data-testid="opening-present">{move || check().map(|c| c.present)}</p>
            {move || match check().and_then(|c| c.warning) {
                Some(text) => view! {
                    <p class="feedback__error" data-testid="opening-warning">{text.clone()}</p>
                    <ConfirmButton
                        label="Open the vote…"
                        warning=Signal::derive(move || text.clone())
                        confirm="Yes, open it anyway"
                        disabled=pending
                        on_confirm=move || open_now()
                    />
                }.into_any(),
                None => view! {
                    <button type="submit" class="button" disabled=move || pending.get()>"Open the vote"</button>
                }.into_any(),
            }}
            <Feedback dispatch/>
        </form>
    }
}
