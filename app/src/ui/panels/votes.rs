//! Votes as everyone may see them: while open, how many of those present have voted and (for a veto) the
//! threshold, never a running count nor who voted what (the chair and clerk alone see the standing, except
//! "cannot be vetoed"); once closed, the outcome with its arithmetic, the counts and, for a named vote, how each
//! member voted; a voided vote with the chair's reason.

use leptos::prelude::*;

use crate::meeting::view::{ResultView, VoteView};
use crate::meeting::{Choice, MeetingView, VoteStatus};

/// Every vote of the meeting, newest first, announced politely as it changes.
#[component]
pub fn VotesPanel(view: Memo<MeetingView>) -> impl IntoView {
    let votes = Memo::new(move |_| view.with(|v| v.votes.clone()));
    view! {
        <section aria-labelledby="votes-heading">
            <h2 id="votes-heading">"Votes"</h2>
            <div aria-live="polite">
                {move || {
                    let votes = votes.get();
                    if votes.is_empty() {
                        view! { <p class="muted">"No vote has been opened yet."</p> }.into_any()
                    } else {
                        votes.into_iter().rev().map(|vote| view! { <VoteCard vote/> }).collect_view().into_any()
                    }
                }}
            </div>
        </section>
    }
}

/// One vote: motion, threshold, turnout, standing while open; result and arithmetic once closed.
#[component]
pub fn VoteCard(vote: VoteView) -> impl IntoView {
    let open = vote.status == VoteStatus::Open;
    let status = match vote.status {
        VoteStatus::Open => ("tag tag--live", "Voting open"),
        VoteStatus::Closed => ("tag tag--grey", "Closed"),
        VoteStatus::Voided => ("tag tag--warn", "Voided"),
    };
    view! {
        <article class="panel vote" data-vote=vote.id.0 data-testid="vote-card">
            <h3>
                <span class=status.0>{status.1}</span> " "
                {vote.kind_label.clone()}
            </h3>
            <p class="vote__motion">{vote.motion.clone()}</p>
            {vote.threshold.clone().map(|t| view! { <p class="standing" data-testid="vote-threshold">{capitalise(&t)}</p> })}
            <p data-testid="vote-turnout">{capitalise(&vote.turnout)}</p>
            {(vote.present_at_open > 0).then(|| view! {
                <p class="muted" data-testid="vote-present-at-open">{format!("{} present when the vote opened", vote.present_at_open)}</p>
            })}
            {open.then(|| vote.standing.clone().map(|s| view! {
                <p data-testid="vote-standing">"Standing: " {s}</p>
            })).flatten()}
            {vote.void_reason.clone().map(|reason| view! {
                <p data-testid="vote-void-reason"><strong>"Voided by the chair: "</strong>{reason}" It decides nothing."</p>
            })}
            {vote.result.clone().map(|result| view! { <VoteResult result/> })}
            {(!vote.named_ballots.is_empty()).then(|| view! {
                <details>
                    <summary>"How each member voted"</summary>
                    <table class="roster">
                        <caption class="visually-hidden">"How each member voted"</caption>
                        <thead><tr><th scope="col">"Member"</th><th scope="col">"Seat"</th><th scope="col">"Vote"</th></tr></thead>
                        <tbody>
                            {vote.named_ballots.iter().map(|b| view! {
                                <tr>
                                    <td>{b.name.clone()}</td>
                                    <td>{b.seat_name.clone()}</td>
                                    <td>{b.choice.map(Choice::label).unwrap_or("Did not vote")}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            })}
        </article>
    }
}

#[component]
fn VoteResult(result: ResultView) -> impl IntoView {
    let tag = if result.outcome.passed() {
        "tag tag--live"
    } else {
        "tag tag--warn"
    };
    let t = result.tally;
    view! {
        <div class="vote__result" data-testid="vote-result">
            <p class="standing"><span class=tag>{result.outcome_label.clone()}</span></p>
            <p data-testid="vote-arithmetic">{result.arithmetic.clone()}</p>
            <p class="muted">
                {format!("For {}, against {}, abstained {}, did not vote {}", t.for_, t.against, t.abstain, t.not_voting)}
                {result.by_show_of_hands.then_some(" (show of hands)")}
                {result.casting_vote.map(|c| format!("; the chair's casting vote: {}", c.label()))}
            </p>
        </div>
    }
}

/// "9 of 20 voted" → "9 of 20 voted"; "veto needs 14 of 20 members" → "Veto needs 14 of 20 members".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
