//! The member's ballot: For, Against or Abstain on the open vote, "you voted For at 10:42 — you can change it
//! until the vote closes", and the receipt the core gave the ballot. Each submission carries a fresh ballot id,
//! so a retried request is not counted twice and a new choice replaces the old one.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::view::{MyBallotView, VoteView};
use crate::meeting::{BallotId, Choice, Command, CommandKind, VoteId, VoteStatus};
use crate::ui::browser::fresh_id;
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;
use crate::ui::panels::VoteCard;

const CHOICES: [Choice; 3] = [Choice::For, Choice::Against, Choice::Abstain];

#[component]
pub fn Ballots() -> impl IntoView {
    let meeting = use_meeting();
    let can_vote = meeting.can(CommandKind::CastBallot);
    let open = meeting.slice(|v| {
        v.votes
            .iter()
            .filter(|x| x.status == VoteStatus::Open)
            .map(|x| x.id)
            .collect::<Vec<_>>()
    });
    let closed = meeting.slice(|v| {
        v.votes
            .iter()
            .rev()
            .filter(|x| x.status != VoteStatus::Open)
            .cloned()
            .collect::<Vec<_>>()
    });
    view! {
        <section class="console-section" aria-labelledby="ballot-heading">
            <h2 id="ballot-heading">"Vote"</h2>
            <div aria-live="polite">
                <Show when=move || open.with(Vec::is_empty)>
                    <p class="muted" data-testid="no-open-vote">"No vote is open. The ballot appears here when the chair opens one."</p>
                </Show>
            </div>
            <Show when=move || can_vote.get()>
                <For each=move || open.get() key=|id| *id let:id>
                    <Ballot id/>
                </For>
            </Show>
            <For each=move || closed.get() key=|vote| vote.clone() let:vote>
                <ClosedVote vote/>
            </For>
        </section>
    }
}

/// My ballot on a vote, if I cast one.
fn my_ballot(ballots: &[MyBallotView], vote: VoteId) -> Option<MyBallotView> {
    ballots.iter().rev().find(|b| b.vote == vote).cloned()
}

#[component]
fn Ballot(id: VoteId) -> impl IntoView {
    let meeting = use_meeting();
    let vote = meeting.slice(move |v| v.votes.iter().find(|x| x.id == id).cloned());
    let mine = meeting.slice(move |v| my_ballot(&v.my_ballots, id));
    let choice = RwSignal::new(None::<Choice>);
    let dispatch = Dispatch::new();
    let problem = RwSignal::new(None::<&'static str>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match choice
            .get_untracked()
            .or_else(|| mine.with_untracked(|b| b.as_ref().map(|b| b.choice)))
        {
            Some(choice) => {
                problem.set(None);
                dispatch.send(Command::CastBallot {
                    vote: id,
                    choice,
                    ballot_id: BallotId(fresh_id()),
                });
            }
            None => problem.set(Some("Choose For, Against or Abstain")),
        }
    };
    let name = format!("choice-{}", id.0);
    // After a ballot is accepted, focus moves to its receipt, which is announced.
    let receipt = NodeRef::<leptos::html::Div>::new();
    let accepted = dispatch.succeeded();
    let version = dispatch.version();
    Effect::new(move |_| {
        let _ = version.get();
        if accepted.get() && mine.with(Option::is_some) {
            if let Some(node) = receipt.get() {
                let _ = node.focus();
            }
        }
    });
    let refusal = meeting.slice(move |v| {
        let present = v.viewer.present;
        let refusal = v.votes.iter().find(|x| x.id == id).and_then(|x| x.my_refusal.clone());
        match refusal {
            Some(_) if !present => Some("You are not recorded as present. Ask the clerk to record you as present: only members in the room may vote.".to_owned()),
            other => other,
        }
    });
    move || {
        match refusal.get() {
        Some(text) => view! {
            <div class="panel ballot" data-testid="ballot-not-present">
                <p class="ballot__kind">{move || vote.with(|v| v.as_ref().map(|v| v.kind_label.clone()))}</p>
                <p class="ballot__motion">{move || vote.with(|v| v.as_ref().map(|v| v.motion.clone()))}</p>
                <p class="muted">{move || vote.with(|v| v.as_ref().map(|v| v.turnout.clone()))}</p>
                <p class="feedback__error"><strong>{text}</strong></p>
            </div>
        }.into_any(),
        None => ballot_form(id, vote, mine, choice, dispatch, problem, name.clone(), receipt, submit).into_any(),
    }
    }
}

#[allow(clippy::too_many_arguments)]
fn ballot_form(
    id: VoteId,
    vote: Memo<Option<VoteView>>,
    mine: Memo<Option<MyBallotView>>,
    choice: RwSignal<Option<Choice>>,
    dispatch: Dispatch,
    problem: RwSignal<Option<&'static str>>,
    name: String,
    receipt: NodeRef<leptos::html::Div>,
    submit: impl Fn(SubmitEvent) + 'static,
) -> impl IntoView {
    view! {
        <form class="panel ballot" on:submit=submit data-testid="ballot">
            <fieldset aria-describedby=format!("ballot-{}-status", id.0)>
                <legend>
                    <span class="ballot__kind">{move || vote.with(|v| v.as_ref().map(|v| v.kind_label.clone()))}</span>
                    <span class="ballot__motion">{move || vote.with(|v| v.as_ref().map(|v| v.motion.clone()))}</span>
                </legend>
                <p class="muted">{move || vote.with(|v| v.as_ref().map(|v| v.turnout.clone()))}</p>
                <div class="choices">
                    {CHOICES.into_iter().map(|c| {
                        let field = format!("{name}-{}", c.label().to_lowercase());
                        view! {
                            <div class="choice">
                                <input type="radio" id=field.clone() name=name.clone() value=c.label()
                                    prop:checked=move || choice.get().or_else(|| mine.with(|b| b.as_ref().map(|b| b.choice))) == Some(c)
                                    on:change=move |_| choice.set(Some(c))/>
                                <label for=field>{c.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <p class="feedback__error" role="alert">{move || problem.get()}</p>
            <button type="submit" class="button" disabled=move || dispatch.pending().get()>
                {move || if mine.with(Option::is_some) { "Change my vote" } else { "Cast my vote" }}
            </button>
            <div id=format!("ballot-{}-status", id.0) aria-live="polite" data-testid="my-ballot"
                tabindex="-1" node_ref=receipt>
                {move || mine.get().map(|b| view! {
                    <p class="ballot__cast">
                        <strong>{format!("You voted {} at {}", b.choice.label(), b.at)}</strong>
                        " — you can change it until the vote closes."
                    </p>
                    <p class="muted">"Receipt: " <span class="receipt" data-testid="receipt">{b.receipt.0.clone()}</span></p>
                })}
            </div>
            <Feedback dispatch/>
        </form>
    }
}

#[component]
fn ClosedVote(vote: VoteView) -> impl IntoView {
    let meeting = use_meeting();
    let id = vote.id;
    let mine = meeting.slice(move |v| my_ballot(&v.my_ballots, id));
    view! {
        {move || mine.get().map(|b| view! {
            <p class="ballot__cast">
                {format!("You voted {} at {}. Receipt: {}", b.choice.label(), b.at, b.receipt.0)}
            </p>
        })}
        <VoteCard vote/>
    }
}
