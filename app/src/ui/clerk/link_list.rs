//! The links created for a meeting, as stored (so they are still listed after a reload): person, role,
//! created, expires, and whether used or revoked, with a "Revoke" button for a link not used yet. A listed
//! link has no address: only its hash is stored, so the address is shown once, when it is created
//! ([`CopyLink`]), and the clerk creates a new link if it was lost.

use leptos::prelude::*;

use crate::protocol::links::{when, LinkState, SignInLinkRow};
use crate::ui::browser::now;

/// The table of stored links, or the sentence why it cannot be shown.
#[component]
pub fn LinkList(
    listed: RwSignal<Option<Result<Vec<SignInLinkRow>, String>>>,
    revoke: impl Fn(String, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <section aria-labelledby="stored-heading">
            <h2 id="stored-heading">"Links created for this meeting"</h2>
            {move || match listed.get() {
                None => view! { <p>"Loading the links…"</p> }.into_any(),
                Some(Ok(rows)) if rows.is_empty() => view! { <p class="muted">"No links created for this meeting yet."</p> }.into_any(),
                Some(Ok(rows)) => view! { <Rows rows revoke/> }.into_any(),
                Some(Err(message)) => view! { <p class="banner">{message}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Rows(
    rows: Vec<SignInLinkRow>,
    revoke: impl Fn(String, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let at = now();
    view! {
        <table class="roster" data-testid="stored-links">
            <caption>"Newest first. A link's address is shown only when it is created."</caption>
            <thead><tr>
                <th scope="col">"Person"</th><th scope="col">"Role"</th><th scope="col">"Created"</th>
                <th scope="col">"Expires"</th><th scope="col">"State"</th><th scope="col">"Action"</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|row| {
                    let state = row.state(at);
                    let (id, name) = (row.id.clone(), row.display_name.clone());
                    view! {
                        <tr>
                            <td>{row.display_name.clone()}</td>
                            <td>{row.role()}</td>
                            <td>{when(row.created_at)}</td>
                            <td>{when(row.expires_at)}</td>
                            <td>{state.label()}</td>
                            <td>{(state == LinkState::Unused).then(|| view! {
                                <button type="button" class="button button--small button--secondary"
                                    on:click=move |_| revoke(id.clone(), name.clone())>
                                    "Revoke" <span class="visually-hidden">{format!(" the link for {}", row.display_name)}</span>
                                </button>
                            })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// A button that copies a just-created link to the clipboard, and says whether it did.
#[component]
pub fn CopyLink(url: String, name: String) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            said.set(match copy_text(&url).await {
                true => "Copied.".to_owned(),
                false => "Could not copy: select the link and copy it.".to_owned(),
            });
        });
    };
    view! {
        <button type="button" class="button button--small button--secondary" on:click=copy>
            "Copy link" <span class="visually-hidden">{format!(" for {name}")}</span>
        </button>
        <span role="status" class="muted">{move || said.get()}</span>
    }
}

/// Writes `text` to the clipboard; whether the browser allowed it.
async fn copy_text(text: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let promise = window.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = text;
        false
    }
}
