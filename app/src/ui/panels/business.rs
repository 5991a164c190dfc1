//! The business of the meeting as this viewer may see it: the confirmation hearing, votes, and questions to
//! the Commissioner (the public see only those the chair has accepted).

use leptos::prelude::*;

use super::record_links::RecordLinks;
use super::votes::VotesPanel;
use crate::meeting::view::{HearingView, QuestionView};
use crate::meeting::MeetingView;

#[component]
pub fn BusinessPanel(view: Memo<MeetingView>) -> impl IntoView {
    let hearing = Memo::new(move |_| view.with(|v| v.hearing.clone()));
    view! {
        {move || hearing.get().map(|hearing| view! { <HearingPanel hearing/> })}
        <VotesPanel view/>
        <RecordLinks view/>
        <QuestionsPanel view/>
    }
}

/// Questions to the Commissioner, with their status, answers and (for the asker) a rejection's reason.
#[component]
fn QuestionsPanel(view: Memo<MeetingView>) -> impl IntoView {
    let questions = Memo::new(move |_| view.with(|v| v.questions.clone()));
    view! {
        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">"Questions to the Commissioner"</h2>
            <div aria-live="polite">
                {move || {
                    let questions = questions.get();
                    if questions.is_empty() {
                        view! { <p class="muted">"No questions have been accepted yet."</p> }.into_any()
                    } else {
                        view! {
                            <ol class="agenda" data-testid="questions">
                                {questions.into_iter().map(|question| view! { <QuestionItem question/> }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
}

/// The confirmation hearing: candidate, stage, dates, outcome, and the criteria and terms of the post.
#[component]
pub fn HearingPanel(hearing: HearingView) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="hearing-heading" data-testid="hearing">
            <h2 id="hearing-heading">"Confirmation hearing: " {hearing.post.clone()}</h2>
            <dl class="summary-list">
                <dt>"Candidate"</dt><dd>{hearing.candidate.clone()}</dd>
                <dt>"Stage"</dt><dd data-testid="hearing-stage">{hearing.stage_label.clone()}</dd>
                <dt>"Notified"</dt><dd>{hearing.notified_on.clone()}</dd>
                <dt>"Report due by"</dt><dd>{hearing.report_deadline.clone()}</dd>
                {hearing.outcome.clone().map(|o| view! { <dt>"Outcome"</dt><dd>{o}</dd> })}
                {hearing.next_step.clone().map(|s| view! { <dt>"Next step"</dt><dd data-testid="hearing-next-step">{s}</dd> })}
                {hearing.reported_on.clone().map(|on| view! { <dt>"Reported"</dt><dd>{on}</dd> })}
                {hearing.commissioner_accepts.map(|yes| view! {
                    <dt>"Commissioner's response"</dt>
                    <dd>{if yes { "Accepts the recommendation" } else { "Does not accept the recommendation" }}</dd>
                })}
            </dl>
            <List title="Criteria for the post" items=hearing.criteria.clone()/>
            <List title="Reasons for the choice" items=hearing.reasons.clone()/>
            <List title="Terms of appointment" items=hearing.terms.clone()/>
        </section>
    }
}

#[component]
fn List(title: &'static str, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <details>
                <summary>{title}</summary>
                <ul>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </details>
        }
    })
}

#[component]
pub fn QuestionItem(question: QuestionView) -> impl IntoView {
    view! {
        <li class="agenda-item" data-question=question.id.0>
            <span class="agenda-item__code">{format!("Q{}", question.id.0)}</span>
            <span>
                <strong>{question.asker_name.clone()}</strong> ": " {question.text.clone()}
                " " <span class="tag tag--grey" data-testid="question-status">{question.status_label.clone()}</span>
                {question.rejection_reason.clone().map(|r| view! { <span class="agenda-item__meta" data-testid="rejection-reason">" Reason: " {r}</span> })}
                {question.answer.clone().map(|a| view! { <span class="agenda-item__meta">" Answer: " {a}</span> })}
                {question.supplementary.clone().map(|s| view! { <span class="agenda-item__meta">" Supplementary: " {s}</span> })}
                {question.supplementary_answer.clone().map(|s| view! { <span class="agenda-item__meta">" Answer to the supplementary: " {s}</span> })}
            </span>
        </li>
    }
}
