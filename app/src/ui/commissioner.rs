//! The Commissioner's view: the questions the chair has accepted for him, the one being put now, the answers as
//! recorded, and his response to the confirmation hearing's recommendation (Sch 8 para 7(3)). The summary of an
//! answer is minuted by the chair or the clerk (the core's roles table); the form shows to whoever may record it.

use leptos::prelude::*;

use super::chair::questions::AnswerForm;
use super::command::{Dispatch, Feedback};
use super::context::use_meeting;
use super::panels::{AgendaPanel, Banners, CurrentItem, HearingPanel, QuestionItem};
use super::screens::{NotForYou, Screen};
use crate::meeting::{Command, CommandKind, HearingOutcome, QuestionId, QuestionStatus, Role};

#[component]
pub fn CommissionerView() -> impl IntoView {
    let meeting = use_meeting();
    let role = meeting.slice(|v| v.viewer.role);
    let hearing = meeting.slice(|v| v.hearing.clone());
    let view = meeting.view;
    move || {
        if role.get() == Role::Commissioner {
            view! {
                <Banners view/>
                <CurrentItem view/>
                <div class="console">
                    <div class="console__main"><QuestionsForTheCommissioner/></div>
                    <div class="console__side">
                        {move || hearing.get().map(|hearing| view! { <HearingPanel hearing/> })}
                        <ResponseControls/>
                        <AgendaPanel view/>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <NotForYou screen=Screen::Commissioner/> }.into_any()
        }
    }
}

#[component]
fn QuestionsForTheCommissioner() -> impl IntoView {
    let meeting = use_meeting();
    let questions = meeting.slice(|v| {
        v.questions
            .iter()
            .filter(|q| {
                q.status != QuestionStatus::Submitted && q.status != QuestionStatus::Rejected
            })
            .cloned()
            .collect::<Vec<_>>()
    });
    let being_answered = meeting.slice(|v| {
        v.questions
            .iter()
            .find(|q| q.status == QuestionStatus::BeingAnswered)
            .cloned()
    });
    let can_answer = meeting.can(CommandKind::RecordAnswer);
    view! {
        <section class="console-section" aria-labelledby="for-commissioner-heading">
            <h2 id="for-commissioner-heading">"Questions accepted for you"</h2>
            <div class="panel" aria-live="assertive" data-testid="question-now">
                {move || match being_answered.get() {
                    Some(q) => view! {
                        <p><strong>{format!("Now: question {} from {}", q.id.0, q.asker_name)}</strong></p>
                        <p>{q.text.clone()}</p>
                        {can_answer.get().then(|| view! { <AnswerFor id=q.id/> })}
                    }.into_any(),
                    None => view! { <p>"No question is being put to you at the moment."</p> }.into_any(),
                }}
            </div>
            <div aria-live="polite">
                {move || {
                    let list = questions.get();
                    if list.is_empty() {
                        view! { <p class="muted">"The chair has not accepted any questions yet."</p> }.into_any()
                    } else {
                        view! {
                            <ol class="agenda" data-testid="questions">
                                {list.into_iter().map(|question| view! { <QuestionItem question/> }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
}

#[component]
fn AnswerFor(id: QuestionId) -> impl IntoView {
    let dispatch = Dispatch::new();
    view! { <AnswerForm id dispatch/> <Feedback dispatch/> }
}

/// Whether the Commissioner accepts the hearing's recommendation: for him or the clerk, once it is reported.
#[component]
pub fn ResponseControls() -> impl IntoView {
    let meeting = use_meeting();
    let can = meeting.can(CommandKind::RecordCommissionerResponse);
    let awaiting = meeting.slice(|v| {
        v.hearing.as_ref().is_some_and(|h| {
            h.reported_on.is_some()
                && h.commissioner_accepts.is_none()
                && h.outcome.as_deref() != Some(HearingOutcome::Veto.label())
        })
    });
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    view! {
        <Show when=move || can.get() && awaiting.get()>
            <section class="console-section" aria-labelledby="response-heading">
                <h2 id="response-heading">"Response to the Panel's recommendation"</h2>
                <div class="button-row">
                    <button type="button" class="button" disabled=move || pending.get()
                        on:click=move |_| dispatch.send(Command::RecordCommissionerResponse { accepts: true })>
                        "Accept the recommendation"
                    </button>
                    <button type="button" class="button button--secondary" disabled=move || pending.get()
                        on:click=move |_| dispatch.send(Command::RecordCommissionerResponse { accepts: false })>
                        "Do not accept the recommendation"
                    </button>
                </div>
                <Feedback dispatch/>
            </section>
        </Show>
    }
}
