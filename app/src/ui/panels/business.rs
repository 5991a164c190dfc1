//! The business of the meeting as this viewer may see it: the hearing, votes (standing and results with their
//! arithmetic) and questions to the Commissioner.

use leptos::prelude::*;

use crate::meeting::view::{HearingView, QuestionView, VoteView};
use crate::meeting::MeetingView;

#[component]
pub fn BusinessPanel(view: Memo<MeetingView>) -> impl IntoView {
    let hearing = Memo::new(move |_| view.with(|v| v.hearing.clone()));
    let votes = Memo::new(move |_| view.with(|v| v.votes.clone()));
    let questions = Memo::new(move |_| view.with(|v| v.questions.clone()));
    view! {
        {move || hearing.get().map(|hearing| view! { <Hearing hearing/> })}
        <section aria-labelledby="votes-heading">
            <h2 id="votes-heading">"Votes"</h2>
            <div aria-live="polite">
                {move || {
                    let votes = votes.get();
                    if votes.is_empty() {
                        view! { <p class="muted">"No vote has been opened yet."</p> }.into_any()
                    } else {
                        votes.into_iter().rev().map(|vote| view! { <Vote vote/> }).collect_view().into_any()
                    }
                }}
            </div>
        </section>
        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">"Questions to the Commissioner"</h2>
            <div aria-live="polite">
                {move || {
                    let questions = questions.get();
                    if questions.is_empty() {
                        view! { <p class="muted">"No questions have been accepted yet."</p> }.into_any()
                    } else {
                        view! {
                            <ol class="agenda">
                                {questions.into_iter().map(|question| view! { <Question question/> }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
}

#[component]
fn Hearing(hearing: HearingView) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="hearing-heading">
            <h2 id="hearing-heading">"Confirmation hearing: " {hearing.post.clone()}</h2>
            <dl class="summary-list">
                <dt>"Candidate"</dt><dd>{hearing.candidate.clone()}</dd>
                <dt>"Stage"</dt><dd>{hearing.stage_label.clone()}</dd>
                <dt>"Notified"</dt><dd>{hearing.notified_on.clone()}</dd>
                <dt>"Report due by"</dt><dd>{hearing.report_deadline.clone()}</dd>
                {hearing.outcome.clone().map(|o| view! { <dt>"Outcome"</dt><dd>{o}</dd> })}
            </dl>
            {(!hearing.terms.is_empty()).then(|| view! {
                <details>
                    <summary>"Terms of appointment and criteria"</summary>
                    <ul>{hearing.terms.iter().chain(&hearing.criteria).map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
                </details>
            })}
        </section>
    }
}

#[component]
fn Vote(vote: VoteView) -> impl IntoView {
    let open = vote.result.is_none();
    view! {
        <article class="panel" data-vote=vote.id.0>
            <h3>{vote.kind_label.clone()} ": " {vote.motion.clone()}</h3>
            {vote.threshold.clone().map(|t| view! { <p class="standing">{t}</p> })}
            <p>{vote.turnout.clone()}</p>
            {open.then(|| vote.standing.clone().map(|s| view! { <p>{s}</p> })).flatten()}
            {vote.result.clone().map(|result| view! {
                <p class="standing" data-testid="vote-result">
                    <span class="tag">{result.outcome_label.clone()}</span> " " {result.arithmetic.clone()}
                </p>
            })}
        </article>
    }
}

#[component]
fn Question(question: QuestionView) -> impl IntoView {
    view! {
        <li class="agenda-item" data-question=question.id.0>
            <span class="agenda-item__code">{format!("Q{}", question.id.0)}</span>
            <span>
                <strong>{question.asker_name.clone()}</strong> ": " {question.text.clone()}
                " " <span class="tag tag--grey">{question.status_label.clone()}</span>
                {question.rejection_reason.clone().map(|r| view! { <span class="agenda-item__meta">" Reason: " {r}</span> })}
                {question.answer.clone().map(|a| view! { <span class="agenda-item__meta">" Answer: " {a}</span> })}
                {question.supplementary.clone().map(|s| view! { <span class="agenda-item__meta">" Supplementary: " {s}</span> })}
            </span>
        </li>
    }
}
