//! The member's questions to the Commissioner: submit one, follow its status, read the chair's reason if it
//! was rejected, and put one supplementary question after the answer.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::view::QuestionView;
use crate::meeting::{Command, CommandKind, QuestionId, QuestionStatus};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;
use crate::ui::panels::QuestionItem;

#[component]
pub fn MyQuestions() -> impl IntoView {
    let meeting = use_meeting();
    let mine = meeting.slice(|v| {
        v.questions
            .iter()
            .filter(|q| q.is_mine)
            .cloned()
            .collect::<Vec<_>>()
    });
    let can_submit = meeting.can(CommandKind::SubmitQuestion);
    let deadline = meeting.slice(|v| v.question_deadline.clone());
    view! {
        <section class="console-section" aria-labelledby="my-questions-heading">
            <h2 id="my-questions-heading">"My questions to the Commissioner"</h2>
            <div aria-live="polite">
                {move || {
                    let list = mine.get();
                    if list.is_empty() {
                        view! { <p class="muted">"You have not submitted a question."</p> }.into_any()
                    } else {
                        view! {
                            <ol class="agenda" data-testid="my-questions">
                                <For each=move || mine.get() key=|q| q.clone() let:question>
                                    <MyQuestion question/>
                                </For>
                            </ol>
                        }.into_any()
                    }
                }}
            </div>
            <Show when=move || can_submit.get()>
                <SubmitQuestion deadline/>
            </Show>
        </section>
    }
}

#[component]
fn MyQuestion(question: QuestionView) -> impl IntoView {
    let id = question.id;
    let may_follow_up = question.status == QuestionStatus::Answered
        && !question.answered_in_writing
        && question.supplementary.is_none();
    view! {
        <QuestionItem question/>
        {may_follow_up.then(|| view! { <li class="agenda-item"><span></span><Supplementary id/></li> })}
    }
}

#[component]
fn SubmitQuestion(deadline: Memo<Option<String>>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let dispatch = Dispatch::new();
    let version = dispatch.version();
    // Empty the box once the question has been accepted by the server.
    Effect::new(move |seen: Option<usize>| {
        let now = version.get();
        if seen.is_some_and(|seen| seen != now) && dispatch.succeeded().get_untracked() {
            text.set(String::new());
        }
        now
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        dispatch.send(Command::SubmitQuestion {
            text: text.get_untracked(),
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <div class="field">
                <label for="new-question">"Your question to the Commissioner"</label>
                <span class="hint" id="new-question-hint">
                    {move || match deadline.get() {
                        Some(when) => format!("Questions must be submitted by {when}. The chair decides which are put."),
                        None => "The chair decides which questions are put to the Commissioner.".to_owned(),
                    }}
                </span>
                <textarea id="new-question" rows="4" required=true aria-describedby="new-question-hint" bind:value=text></textarea>
            </div>
            <button type="submit" class="button" disabled=move || dispatch.pending().get()>"Submit the question"</button>
            <Feedback dispatch/>
        </form>
    }
}

#[component]
fn Supplementary(id: QuestionId) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let dispatch = Dispatch::new();
    let field = format!("supplementary-{}", id.0);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        dispatch.send(Command::AskSupplementary {
            question: id,
            text: text.get_untracked(),
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <div class="field">
                <label for=field.clone()>{format!("Supplementary question on question {}", id.0)}</label>
                <textarea id=field rows="2" required=true bind:value=text></textarea>
            </div>
            <button type="submit" class="button button--secondary" disabled=move || dispatch.pending().get()>"Ask the supplementary"</button>
            <Feedback dispatch/>
        </form>
    }
}
