//! The confirmation hearing's stages from the chair's side: questions to the candidate, private deliberation,
//! the vote, then the report to the Commissioner. Stages only move forward, one at a time (core rule).
//! Below them: when the report is due ("report due in 9 days (18 December 2022)", a warning once overdue;
//! `report::report_due` on the browser's date), the Panel's reasons, and the report's page.

use leptos::prelude::*;

use crate::meeting::report::report_due;
use crate::meeting::{Command, CommandKind, HearingStage};
use crate::ui::browser::today;
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;
use crate::ui::panels::HearingPanel;

#[component]
pub fn HearingControls() -> impl IntoView {
    let meeting = use_meeting();
    let hearing = meeting.slice(|v| v.hearing.clone());
    let can_stage = meeting.can(CommandKind::SetHearingStage);
    let can_report = meeting.can(CommandKind::ReportHearing);
    let next = Memo::new(move |_| hearing.with(|h| h.as_ref().and_then(|h| h.stage.next())));
    let reportable = Memo::new(move |_| {
        hearing.with(|h| {
            h.as_ref()
                .is_some_and(|h| h.outcome.is_some() && h.reported_on.is_none())
        })
    });
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    let can_private = meeting.can(CommandKind::ExcludePublic);
    let private = meeting.slice(|v| v.private_session.is_some());
    move || {
        hearing.get().map(|h| {
            let (deadline, reported) = (h.report_deadline_date, h.reported_on_date);
            let report_link = if reported.is_some() {
                "The published report"
            } else {
                "The draft report"
            };
            view! {
                <section class="console-section" aria-labelledby="hearing-controls-heading">
                    <h2 id="hearing-controls-heading" class="visually-hidden">"Hearing controls"</h2>
                    <HearingPanel hearing=h/>
                    <div class="button-row">
                        {move || next.get().filter(|_| can_stage.get()).map(|stage| view! {
                            <button type="button" class="button" disabled=move || pending.get()
                                on:click=move |_| dispatch.send(Command::SetHearingStage { stage })>
                                {format!("Move the hearing to: {}", stage.label())}
                            </button>
                        })}
                        // Private deliberation offers to exclude the public; the vote stage offers to readmit them.
                        {move || (can_private.get() && !private.get() && hearing.with(|h| h.as_ref().is_some_and(|h| h.stage == HearingStage::PrivateDeliberation))).then(|| view! {
                            <button type="button" class="button button--secondary" disabled=move || pending.get()
                                data-testid="offer-exclude"
                                on:click=move |_| {
                                    let item = meeting.view.with_untracked(|v| v.current_item.clone());
                                    dispatch.send(Command::ExcludePublic { paragraph: 1, item });
                                }>
                                "Exclude the public for the deliberation (LGA 1972 Sch 12A paragraph 1: information about an individual)"
                            </button>
                        })}
                        {move || (can_private.get() && private.get() && hearing.with(|h| h.as_ref().is_some_and(|h| h.stage == HearingStage::Vote))).then(|| view! {
                            <button type="button" class="button button--secondary" disabled=move || pending.get()
                                data-testid="offer-readmit"
                                on:click=move |_| dispatch.send(Command::ReturnToPublic)>
                                "Readmit the public for the vote"
                            </button>
                        })}
                        {move || (reportable.get() && can_report.get()).then(|| view! {
                            <button type="button" class="button" disabled=move || pending.get()
                                on:click=move |_| dispatch.send(Command::ReportHearing)>
                                "Report the outcome to the Commissioner"
                            </button>
                        })}
                    </div>
                    <Feedback dispatch/>
                    <ReportDeadline deadline reported/>
                    <ReasonsForm/>
                    <p><a href=format!("/meetings/{}/hearing-report", meeting.id.get_value())>
                        {report_link}
                    </a></p>
                </section>
            }
        })
    }
}

/// "report due in 9 days (18 December 2022)"; past the deadline with no report, a warning.
#[component]
fn ReportDeadline(
    deadline: crate::meeting::CivilDate,
    reported: Option<crate::meeting::CivilDate>,
) -> impl IntoView {
    let due = report_due(deadline, today(), reported);
    let class = if due.overdue {
        "banner banner--private report-due"
    } else {
        "report-due"
    };
    view! { <p class=class role=due.overdue.then_some("alert")>{due.text}</p> }
}

/// The Panel's reasons for its report (chair or clerk, until the report is made).
#[component]
fn ReasonsForm() -> impl IntoView {
    let meeting = use_meeting();
    let can = meeting.can(CommandKind::RecordHearingReasons);
    let reported = meeting.slice(|v| v.hearing.as_ref().is_some_and(|h| h.reported_on.is_some()));
    let reasons = RwSignal::new(String::new());
    let dispatch = Dispatch::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        dispatch.send(Command::RecordHearingReasons {
            reasons: reasons.get_untracked(),
        });
    };
    move || {
        (can.get() && !reported.get()).then(|| view! {
        <form class="stack-form" on:submit=submit>
            <div class="field">
                <label for="hearing-reasons">"The Panel's reasons, for the report"</label>
                <textarea id="hearing-reasons" rows="3" required=true bind:value=reasons></textarea>
            </div>
            <button type="submit" class="button" disabled=move || dispatch.pending().get()>"Record the reasons"</button>
            <Feedback dispatch/>
        </form>
    })
    }
}
