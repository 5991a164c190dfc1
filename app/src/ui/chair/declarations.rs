//! Declarations of interest: "Cllr Clark declared, in relation to Item B1, that he was in receipt of a Kent
//! Police pension" (S4:98). The clerk records them for any member; a member may declare their own.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::{Command, CommandKind, ItemCode, MemberId};
use crate::ui::command::{Dispatch, Feedback};
use crate::ui::context::use_meeting;

#[component]
pub fn Declarations() -> impl IntoView {
    let meeting = use_meeting();
    let can_declare = meeting.can(CommandKind::DeclareInterest);
    let declarations = meeting.slice(|v| v.declarations.clone());
    view! {
        <section class="console-section" aria-labelledby="declarations-heading">
            <h2 id="declarations-heading">"Declarations of interest"</h2>
            <div aria-live="polite">
                {move || {
                    let list = declarations.get();
                    if list.is_empty() {
                        view! { <p class="muted">"No declarations have been made."</p> }.into_any()
                    } else {
                        view! {
                            <ul>{list.into_iter().map(|d| view! {
                                <li>{format!("{}, item {}: {}", d.name, d.item.0, d.interest)}</li>
                            }).collect_view()}</ul>
                        }.into_any()
                    }
                }}
            </div>
            <Show when=move || can_declare.get()>
                <DeclarationForm/>
            </Show>
        </section>
    }
}

#[component]
fn DeclarationForm() -> impl IntoView {
    let meeting = use_meeting();
    let people = meeting.slice(|v| {
        if let Some(me) = v
            .viewer
            .member
            .clone()
            .filter(|_| v.viewer.role != crate::meeting::Role::Clerk)
        {
            let name = v.viewer.name.clone().unwrap_or_else(|| me.0.clone());
            return vec![(me, name)];
        }
        v.roster
            .iter()
            .flat_map(|s| {
                let holder = s.holder_id.clone().map(|id| (id, s.holder.clone()));
                let sub = s.substitute.clone().map(|sub| (sub.id, sub.name));
                holder.into_iter().chain(sub)
            })
            .collect::<Vec<(MemberId, String)>>()
    });
    let items = meeting.slice(|v| {
        v.sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| (i.code.clone(), i.title.clone())))
            .collect::<Vec<_>>()
    });
    // A select shows nothing when its value matches no option, so each starts on its first option.
    let member = RwSignal::new(
        people.with_untracked(|p| p.first().map(|(id, _)| id.0.clone()).unwrap_or_default()),
    );
    let item = RwSignal::new(items.with_untracked(|i| {
        i.first()
            .map(|(code, _)| code.0.clone())
            .unwrap_or_default()
    }));
    let interest = RwSignal::new(String::new());
    let dispatch = Dispatch::new();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let first_person =
            people.with_untracked(|p| p.first().map(|(id, _)| id.0.clone()).unwrap_or_default());
        let first_item =
            items.with_untracked(|i| i.first().map(|(c, _)| c.0.clone()).unwrap_or_default());
        let pick =
            |chosen: String, fallback: String| if chosen.is_empty() { fallback } else { chosen };
        dispatch.send(Command::DeclareInterest {
            member: MemberId(pick(member.get_untracked(), first_person)),
            item: ItemCode(pick(item.get_untracked(), first_item)),
            interest: interest.get_untracked(),
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <div class="field">
                <label for="declaration-member">"Member"</label>
                <select id="declaration-member" bind:value=member>
                    {move || people.get().into_iter().map(|(id, name)| view! { <option value=id.0>{name}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="declaration-item">"Item"</label>
                <select id="declaration-item" bind:value=item>
                    {move || items.get().into_iter().map(|(code, title)| view! {
                        <option value=code.0.clone()>{format!("{} {}", code.0, title)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="declaration-interest">"Nature of the interest"</label>
                <input id="declaration-interest" type="text" required=true bind:value=interest/>
            </div>
            <button type="submit" class="button button--secondary" disabled=move || dispatch.pending().get()>"Record the declaration"</button>
            <Feedback dispatch/>
        </form>
    }
}
