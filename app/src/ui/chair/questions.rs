//! Question moderation: the chair accepts a question or rejects it with a reason (only the asker sees the
//! reason), puts accepted questions to the Commissioner one at a time, and the chair or clerk records the
//! answer's summary or that a written answer will follow.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::view::QuestionView;
use crate::meeting::{Command, CommandKind, QuestionId, QuestionStatus};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;

const MODERATION: &[CommandKind] = &[
    CommandKind::AcceptQuestion,
    CommandKind::RejectQuestion,
    CommandKind::PutQuestion,
    CommandKind::RecordAnswer,
    CommandKind::PromiseWrittenAnswer,
];

#[component]
pub fn QuestionModeration() -> impl IntoView {
    let meeting = use_meeting();
    let shown = meeting.can_any(MODERATION);
    let ids = meeting.slice(|v| v.questions.iter().map(|q| q.id).collect::<Vec<_>>());
    view! {
        <Show when=move || shown.get()>
            <section class="console-section" aria-labelledby="moderation-heading">
                <h2 id="moderation-heading">"Questions to the Commissioner"</h2>
                <Show when=move || ids.with(Vec::is_empty)>
                    <p class="muted">"No questions have been submitted."</p>
                </Show>
                <ol class="question-list">
                    <For each=move || ids.get() key=|id| *id let:id>
                        <ModeratedQuestion id/>
                    </For>
                </ol>
            </section>
        </Show>
    }
}

/// One question with the controls its status allows, kept current by id.
#[component]
fn ModeratedQuestion(id: QuestionId) -> impl IntoView {
    let meeting = use_meeting();
    let question = meeting.slice(move |v| v.questions.iter().find(|q| q.id == id).cloned());
    let status = Memo::new(move |_| question.with(|q| q.as_ref().map(|q| q.status)));
    let dispatch = Dispatch::new();
    view! {
        <li class="question" data-question=id.0 data-testid="moderated-question">
            {move || question.get().map(|q| view! { <QuestionText question=q/> })}
            {move || status.get().map(|status| view! { <Controls id status dispatch/> })}
            <Feedback dispatch/>
        </li>
    }
}

#[component]
fn QuestionText(question: QuestionView) -> impl IntoView {
    view! {
        <p>
            <strong>{format!("Q{} ", question.id.0)}{question.asker_name.clone()}</strong>
            " " <span class="tag tag--grey">{question.status_label.clone()}</span>
        </p>
        <p class="question__text">{question.text.clone()}</p>
        {question.rejection_reason.clone().map(|r| view! { <p>"Reason for rejecting: " {r}</p> })}
        {question.answer.clone().map(|a| view! { <p>"Answer: " {a}</p> })}
        {question.supplementary.clone().map(|s| view! { <p>"Supplementary: " {s}</p> })}
        {question.supplementary_answer.clone().map(|s| view! { <p>"Answer to the supplementary: " {s}</p> })}
    }
}

#[component]
fn Controls(id: QuestionId, status: QuestionStatus, dispatch: Dispatch) -> impl IntoView {
    let meeting = use_meeting();
    let can = move |kind| meeting.view.with(|v| v.viewer.allowed.contains(&kind));
    let awaits_answer = meeting.slice(move |v| {
        v.questions.iter().any(|q| {
            q.id == id
                && (matches!(
                    q.status,
                    QuestionStatus::BeingAnswered | QuestionStatus::WrittenAnswerToFollow
                ) || (q.status == QuestionStatus::Answered
                    && q.supplementary.is_some()
                    && q.supplementary_answer.is_none()))
        })
    });
    let pending = dispatch.pending();
    let button = move |label: &'static str, command: Command, primary: bool| {
        view! {
            <button type="button" class=if primary { "button" } else { "button button--secondary" }
                disabled=move || pending.get()
                on:click=move |_| dispatch.send(command.clone())>{label}</button>
        }
    };
    let submitted = status == QuestionStatus::Submitted;
    let accepted = status == QuestionStatus::Accepted;
    let may_promise = matches!(
        status,
        QuestionStatus::Accepted | QuestionStatus::BeingAnswered
    );
    view! {
        <div class="button-row">
            {(submitted && can(CommandKind::AcceptQuestion))
                .then(|| button("Accept", Command::AcceptQuestion { question: id }, true))}
            {(accepted && can(CommandKind::PutQuestion))
                .then(|| button("Put to the Commissioner", Command::PutQuestion { question: id }, true))}
            {(may_promise && can(CommandKind::PromiseWrittenAnswer))
                .then(|| button("Written answer to follow", Command::PromiseWrittenAnswer { question: id }, false))}
        </div>
        {(submitted && can(CommandKind::RejectQuestion)).then(|| view! { <RejectForm id dispatch/> })}
        {move || (awaits_answer.get() && can(CommandKind::RecordAnswer)).then(|| view! { <AnswerForm id dispatch/> })}
    }
}

#[component]
fn RejectForm(id: QuestionId, dispatch: Dispatch) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let field = format!("reject-reason-{}", id.0);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        dispatch.send(Command::RejectQuestion {
            question: id,
            reason: reason.get_untracked(),
        });
    };
    view! {
        <form class="inline-form" on:submit=submit>
            <div class="field">
                <label for=field.clone()>{format!("Reason for rejecting question {}", id.0)}</label>
                <input id=field type="text" required=true bind:value=reason/>
            </div>
            <button type="submit" class="button button--warning" disabled=move || dispatch.pending().get()>"Reject"</button>
        </form>
    }
}

/// Record the summary of an answer (to the question, a promised written answer, or the supplementary).
#[component]
pub fn AnswerForm(id: QuestionId, dispatch: Dispatch) -> impl IntoView {
    let summary = RwSignal::new(String::new());
    let field = format!("answer-{}", id.0);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        dispatch.send(Command::RecordAnswer {
            question: id,
            summary: summary.get_untracked(),
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <div class="field">
                <label for=field.clone()>{format!("Summary of the answer to question {}", id.0)}</label>
                <textarea id=field rows="3" required=true bind:value=summary></textarea>
            </div>
            <button type="submit" class="button" disabled=move || dispatch.pending().get()>"Record the answer"</button>
        </form>
    }
}
