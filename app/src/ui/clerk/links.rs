//! The clerk's sign-in links page: one single-use link per person, for every member and substitute on a
//! meeting's roster (the chair among them), the Commissioner, and any clerk. Only a clerk can create links:
//! the server checks, and this page says so to anyone else. Every link created for the chosen meeting is
//! listed from the database ([`LinkList`]), so the list survives a reload; a link's address is shown only
//! when it is created (only its hash is stored), with a copy button.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::gate::ClerkPage;
use super::link_list::{CopyLink, LinkList};
use super::post::{create_link, list_links, revoke_link, NewLink};
use crate::api::{get_meeting_view, list_meetings};
use crate::meeting::{Actor, MeetingView};
use crate::protocol::links::SignInLinkRow;

/// A link created on this page.
#[derive(Debug, Clone, PartialEq)]
struct Created {
    name: String,
    outcome: Result<String, String>,
}

#[component]
pub fn SignInLinksPage() -> impl IntoView {
    view! {
        <ClerkPage title="Sign-in links" lede="Create a single-use link for each person taking part. A link works once and expires; send it to that person only." only="create sign-in links">
            <LinkMaker/>
        </ClerkPage>
    }
}

#[component]
fn LinkMaker() -> impl IntoView {
    let meetings = crate::wire::resource(|| (), |_| list_meetings());
    let chosen = RwSignal::new(String::new());
    let roster = crate::wire::resource(
        move || chosen.get(),
        move |id| async move {
            let id = if id.is_empty() {
                list_meetings()
                    .await
                    .ok()
                    .and_then(|m| m.first().map(|m| m.id.clone()))
                    .unwrap_or_default()
            } else {
                id
            };
            get_meeting_view(id).await.map(|(_, view)| view)
        },
    );
    // The chosen meeting, or the newest one once the roster has loaded.
    let meeting = Memo::new(move |_| {
        let chosen = chosen.get();
        if !chosen.is_empty() {
            return chosen;
        }
        roster
            .get()
            .and_then(Result::ok)
            .and_then(|view| view.id)
            .map(|id| id.0)
            .unwrap_or_default()
    });
    let reload = RwSignal::new(0_u32);
    // Fetched in the browser only (an effect), after each change of meeting and each create or revoke.
    let listed = RwSignal::new(None::<Result<Vec<SignInLinkRow>, String>>);
    Effect::new(move |_| {
        let meeting = meeting.get();
        reload.track();
        if meeting.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            listed.set(Some(list_links(meeting).await));
        });
    });
    let created = RwSignal::new(Vec::<Created>::new());
    let make = move |actor: Actor, name: String| {
        leptos::task::spawn_local(async move {
            let outcome = create_link(NewLink {
                actor,
                display_name: name.clone(),
                meeting: meeting.get_untracked(),
            })
            .await;
            created.update(|list| list.insert(0, Created { name, outcome }));
            reload.update(|n| *n += 1);
        });
    };
    let revoked = RwSignal::new(String::new());
    let revoke = move |id: String, name: String| {
        leptos::task::spawn_local(async move {
            revoked.set(match revoke_link(id).await {
                Ok(()) => format!("The link for {name} is revoked: it no longer signs in."),
                Err(message) => format!("The link for {name} was not revoked: {message}"),
            });
            reload.update(|n| *n += 1);
        });
    };
    view! {
        <div class="field">
            <label for="links-meeting">"Meeting whose roster to list"</label>
            <select id="links-meeting" bind:value=chosen>
                <option value="">"The newest meeting"</option>
                <Suspense fallback=|| ()>
                    {move || meetings.get().and_then(Result::ok).map(|list| list.into_iter().map(|m| view! {
                        <option value=m.id.clone()>{format!("{} ({})", m.when, m.title)}</option>
                    }).collect_view())}
                </Suspense>
            </select>
        </div>
        <section aria-labelledby="created-heading">
            <h2 id="created-heading">"Links created"</h2>
            <div aria-live="polite" data-testid="created-links">
                {move || created.with(Vec::is_empty).then(|| view! { <p class="muted">"None yet."</p> })}
                <ul class="link-list">
                    {move || created.get().into_iter().enumerate().map(|(i, c)| match c.outcome {
                        Ok(url) => view! {
                            <li>
                                <label for=format!("link-{i}")>{format!("Link for {}", c.name)}</label>
                                <input id=format!("link-{i}") class="link-list__url" type="text" readonly=true value=url.clone()/>
                                <CopyLink url name=c.name.clone()/>
                            </li>
                        }.into_any(),
                        Err(message) => view! { <li class="feedback__error">{format!("No link for {}: {message}", c.name)}</li> }.into_any(),
                    }).collect_view()}
                </ul>
            </div>
        </section>
        <form method="post" class="stack-form" action=move || format!("/meetings/{}/sign-in-sheet", meeting.get())>
            <h2>"A printable sheet"</h2>
            <p>"One slip per member and one for the Commissioner, each with a new link and its QR code. Printing creates new links."</p>
            <button type="submit" class="button button--secondary" disabled=move || meeting.with(String::is_empty)>"Create links and open the sheet"</button>
        </form>
        <p role="status" data-testid="revoked">{move || revoked.get()}</p>
        <LinkList listed revoke/>
        <Suspense fallback=|| view! { <p>"Loading the roster…"</p> }>
            {move || roster.get().map(|result| match result {
                Ok(view) => view! { <People view make/> }.into_any(),
                Err(error) => view! { <p class="banner">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
        <ClerkForm make/>
    }
}

#[component]
fn People(
    view: MeetingView,
    make: impl Fn(Actor, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let mut people: Vec<(String, String, String)> = Vec::new();
    for seat in &view.roster {
        if let Some(id) = &seat.holder_id {
            let role = if seat.is_chair {
                "Chairman"
            } else if seat.is_vice_chair {
                "Vice-Chairman"
            } else {
                "Member"
            };
            people.push((
                id.0.clone(),
                seat.holder.clone(),
                format!("{role}, {}", seat.seat_name),
            ));
        }
        if let Some(sub) = &seat.substitute {
            people.push((sub.id.0.clone(), sub.name.clone(), sub.label.clone()));
        }
    }
    let commissioner = view.commissioner.clone();
    view! {
        <table class="roster">
            <caption>"Members, substitutes and the Commissioner"</caption>
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Role"</th><th scope="col">"Link"</th></tr></thead>
            <tbody>
                {people.into_iter().map(|(id, name, role)| {
                    let hidden = format!(" for {name}");
                    let who = name.clone();
                    view! {
                        <tr>
                            <td>{name}</td>
                            <td>{role}</td>
                            <td>
                                <button type="button" class="button button--small button--secondary"
                                    on:click=move |_| make(Actor::Member { member: crate::meeting::MemberId(id.clone()) }, who.clone())>
                                    "Create link" <span class="visually-hidden">{hidden}</span>
                                </button>
                            </td>
                        </tr>
                    }
                }).collect_view()}
                <tr>
                    <td>{commissioner.clone()}</td>
                    <td>"Police and Crime Commissioner"</td>
                    <td>
                        <button type="button" class="button button--small button--secondary"
                            on:click={
                                let commissioner = commissioner.clone();
                                move |_| make(Actor::Commissioner, commissioner.clone())
                            }>
                            "Create link" <span class="visually-hidden">{format!(" for {commissioner}")}</span>
                        </button>
                    </td>
                </tr>
            </tbody>
        </table>
    }
}

#[component]
fn ClerkForm(make: impl Fn(Actor, String) + Copy + Send + Sync + 'static) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = name.get_untracked().trim().to_owned();
        make(Actor::Clerk { name: name.clone() }, name);
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h2>"A link for a clerk"</h2>
            <div class="field">
                <label for="clerk-name">"Clerk's name"</label>
                <input id="clerk-name" type="text" required=true autocomplete="off" bind:value=name/>
            </div>
            <button type="submit" class="button button--secondary">"Create a clerk's link"</button>
        </form>
    }
}
