//! The clerk's minute-taking panel, per agenda item: numbered paragraphs, the resolution with its
//! usual starting texts, who was in attendance for the item, and actions; per meeting: ALSO PRESENT, IN
//! ATTENDANCE, the first minute number, and publishing. Every field saves itself as a command when it loses
//! focus (a change event), so nothing typed is lost if the browser closes; an unchanged field writes nothing.

use leptos::prelude::*;

use crate::meeting::action::ActionKind;
use crate::meeting::{Command, CommandKind, ItemCode};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;

/// One name a line.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[component]
pub fn MinuteTaking() -> impl IntoView {
    let meeting = use_meeting();
    let can = meeting.can(CommandKind::AddMinuteParagraph);
    let current = meeting.slice(|v| v.current_item.clone());
    let items = meeting.slice(|v| {
        v.sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| (i.code.clone(), i.title.clone())))
            .collect::<Vec<_>>()
    });
    // Empty: follow the current item.
    let chosen = RwSignal::new(String::new());
    let item = Memo::new(move |_| {
        let pick = chosen.get();
        if pick.is_empty() {
            current
                .get()
                .or_else(|| items.with(|i| i.first().map(|(c, _)| c.clone())))
        } else {
            Some(ItemCode(pick))
        }
    });
    view! {
        <Show when=move || can.get()>
            <section class="console-section" aria-labelledby="minutes-heading">
                <h2 id="minutes-heading">"Minutes"</h2>
                <div class="field">
                    <label for="minutes-item">"Item"</label>
                    <select id="minutes-item" bind:value=chosen>
                        <option value="">"The current item"</option>
                        {move || items.get().into_iter().map(|(code, title)| view! {
                            <option value=code.0.clone()>{format!("{} {}", code.0, title)}</option>
                        }).collect_view()}
                    </select>
                </div>
                {move || item.get().map(|code| view! { <ItemMinutes code/> })}
                <MeetingMinutes/>
            </section>
        </Show>
    }
}

#[component]
fn ItemMinutes(code: ItemCode) -> impl IntoView {
    let meeting = use_meeting();
    let mine = code.clone();
    let record = meeting.slice(move |v| {
        v.minute_taking
            .as_ref()
            .and_then(|m| m.items.iter().find(|i| i.item == mine).cloned())
    });
    let mine = code.clone();
    let resolutions = meeting.slice(move |v| {
        v.resolutions
            .iter()
            .filter(|r| r.item == mine)
            .cloned()
            .collect::<Vec<_>>()
    });
    let is_current = {
        let code = code.clone();
        meeting.slice(move |v| v.current_item.as_ref() == Some(&code))
    };
    let dispatch = Dispatch::new();
    let new_paragraph = RwSignal::new(String::new());
    let resolution = RwSignal::new(String::new());
    let heading = format!("Item {}", code.0);
    let add = {
        let code = code.clone();
        move || {
            let text = new_paragraph.get_untracked();
            if !text.trim().is_empty() {
                dispatch.send(Command::AddMinuteParagraph {
                    item: code.clone(),
                    text,
                });
                new_paragraph.set(String::new());
            }
        }
    };
    let add_on_change = add.clone();
    let code_p = code.clone();
    let code_r = code.clone();
    let code_g = code.clone();
    let code_a = code.clone();
    view! {
        <div class="minutes-item">
            <h3>{heading}</h3>
            <h4>"Minute paragraphs"</h4>
            <ol class="minutes-paragraphs">
                {move || record.get().map(|r| r.paragraphs).unwrap_or_default().into_iter().enumerate().map(|(i, text)| {
                    let number = i as u32 + 1;
                    let (edit, remove) = (code_p.clone(), code_p.clone());
                    let id = format!("minute-paragraph-{number}");
                    view! {
                        <li>
                            <label class="visually-hidden" for=id.clone()>{format!("Paragraph {number}")}</label>
                            <textarea id=id rows="3" prop:value=text
                                on:change=move |ev| dispatch.send(Command::EditMinuteParagraph {
                                    item: edit.clone(), number, text: event_target_value(&ev),
                                })></textarea>
                            <button type="button" class="button button--secondary"
                                on:click=move |_| dispatch.send(Command::RemoveMinuteParagraph { item: remove.clone(), number })>
                                {format!("Remove paragraph {number}")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <div class="field">
                <label for="minute-new">"New paragraph (saved when you leave the box)"</label>
                <textarea id="minute-new" rows="3" bind:value=new_paragraph on:change=move |_| add_on_change()></textarea>
            </div>
            <button type="button" class="button button--secondary" on:click=move |_| add()>"Add paragraph"</button>

            <h4>"Resolution"</h4>
            <ul class="minutes-resolutions" aria-live="polite">
                {move || resolutions.get().into_iter().map(|r| {
                    let item = code_r.clone();
                    let id = format!("resolution-{}", r.number);
                    view! {
                        <li>
                            <label for=id.clone()>{format!("Resolution {}", r.number)}</label>
                            <textarea id=id rows="2" prop:value=r.text disabled=move || !is_current.get()
                                on:change=move |ev| dispatch.send(Command::AmendResolution {
                                    item: item.clone(), number: r.number, text: event_target_value(&ev),
                                })></textarea>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || is_current.get()>
                <div class="starting-texts">
                    {move || record.get().map(|r| r.starting_texts).unwrap_or_default().into_iter().map(|form| {
                        let text = form.text.clone();
                        view! {
                            <button type="button" class="button button--secondary" on:click=move |_| resolution.set(text.clone())>
                                {form.label}
                            </button>
                        }
                    }).collect_view()}
                </div>
                <div class="field">
                    <label for="resolution-new">"New resolution"</label>
                    <textarea id="resolution-new" rows="2" bind:value=resolution></textarea>
                </div>
                <button type="button" class="button"
                    on:click={
                        let item = code_g.clone();
                        move |_| {
                            dispatch.send(Command::RecordResolution { item: item.clone(), text: resolution.get_untracked() });
                            resolution.set(String::new());
                        }
                    }>"Record the resolution"</button>
            </Show>

            <h4>"In attendance for this item"</h4>
            <div class="field">
                <label for="item-guests">"Names, one a line (saved when you leave the box)"</label>
                <textarea id="item-guests" rows="2"
                    prop:value=move || record.get().map(|r| r.guests.join("\n")).unwrap_or_default()
                    on:change=move |ev| dispatch.send(Command::SetItemAttendance {
                        item: code_a.clone(), guests: lines(&event_target_value(&ev)),
                    })></textarea>
            </div>
            <ActionForm code=code.clone() dispatch/>
            <Feedback dispatch/>
        </div>
    }
}

#[component]
fn ActionForm(code: ItemCode, dispatch: Dispatch) -> impl IntoView {
    let kind = RwSignal::new("commissioner_commitment".to_owned());
    let text = RwSignal::new(String::new());
    let owner = RwSignal::new("The Commissioner".to_owned());
    let due = RwSignal::new(String::new());
    let record = move |_| {
        let kind = match kind.get_untracked().as_str() {
            "panel_request" => ActionKind::PanelRequest,
            "panel_recommendation" => ActionKind::PanelRecommendation,
            _ => ActionKind::CommissionerCommitment,
        };
        dispatch.send(Command::RecordAction {
            item: code.clone(),
            kind,
            text: text.get_untracked(),
            owner: owner.get_untracked(),
            due: due.get_untracked(),
        });
        text.set(String::new());
    };
    view! {
        <h4>"Action"</h4>
        <div class="field">
            <label for="action-kind">"Kind"</label>
            <select id="action-kind" bind:value=kind>
                <option value="commissioner_commitment">"Commissioner's commitment"</option>
                <option value="panel_request">"Panel request"</option>
                <option value="panel_recommendation">"Panel recommendation"</option>
            </select>
        </div>
        <div class="field">
            <label for="action-text">"Action"</label>
            <textarea id="action-text" rows="2" bind:value=text></textarea>
        </div>
        <div class="field">
            <label for="action-owner">"Owner"</label>
            <input id="action-owner" type="text" bind:value=owner/>
        </div>
        <div class="field">
            <label for="action-due">"Due at the meeting of"</label>
            <input id="action-due" type="text" bind:value=due/>
        </div>
        <button type="button" class="button button--secondary" on:click=record>"Record the action"</button>
    }
}

/// ALSO PRESENT, IN ATTENDANCE, the first minute number, publishing, and the links to the minutes.
#[component]
fn MeetingMinutes() -> impl IntoView {
    let meeting = use_meeting();
    let taking = meeting.slice(|v| v.minute_taking.clone().unwrap_or_default());
    let closed = meeting.slice(|v| v.phase == "closed");
    let id = meeting.id.get_value();
    let dispatch = Dispatch::new();
    let also = RwSignal::new(String::new());
    let attending = RwSignal::new(String::new());
    Effect::new(move |_| {
        let t = taking.get();
        also.set(t.also_present.join("\n"));
        attending.set(t.in_attendance.join("\n"));
    });
    let save_lists = move |_| {
        dispatch.send(Command::SetMeetingAttendance {
            also_present: lines(&also.get_untracked()),
            in_attendance: lines(&attending.get_untracked()),
        })
    };
    view! {
        <div class="minutes-meeting">
            <h3>"The whole meeting"</h3>
            <div class="field">
                <label for="also-present">"ALSO PRESENT (one a line)"</label>
                <textarea id="also-present" rows="3" bind:value=also on:change=save_lists></textarea>
            </div>
            <div class="field">
                <label for="in-attendance">"IN ATTENDANCE (one a line)"</label>
                <textarea id="in-attendance" rows="2" bind:value=attending on:change=save_lists></textarea>
            </div>
            <div class="field">
                <label for="first-minute">"First minute number (when no earlier meeting's minutes are in Panelcast)"</label>
                <input id="first-minute" type="number" min="1"
                    prop:value=move || taking.get().first_minute.map(|n| n.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        if let Ok(first) = event_target_value(&ev).trim().parse::<u32>() {
                            dispatch.send(Command::SetFirstMinuteNumber { first });
                        }
                    }/>
            </div>
            <p>
                <a rel="external" href=format!("/meetings/{id}/minutes")>"Read the draft minutes"</a>
                " · "
                <a rel="external" href=format!("/meetings/{id}/minutes.md")>"Download as Markdown"</a>
            </p>
            <p aria-live="polite">{move || {
                let versions = taking.get().versions;
                match versions.last() {
                    Some((v, hash)) => format!("Published: version {v} (SHA-256 {}…)", &hash[..12.min(hash.len())]),
                    None => "Not yet published.".to_owned(),
                }
            }}</p>
            <Show when=move || closed.get()>
                <button type="button" class="button" on:click=move |_| dispatch.send(Command::PublishMinutes { continues_from: None })>
                    "Publish the minutes"
                </button>
            </Show>
            <Feedback dispatch/>
        </div>
    }
}
