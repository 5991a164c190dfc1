//! The frame of a clerk's page: its title, heading and lede, then the page's own body for a signed-in clerk, or
//! a banner saying that only a clerk may do this. The server refuses anyone else anyway; the banner only spares
//! them a form that would be refused.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::whoami;

#[component]
pub fn ClerkPage(
    /// The page's title and heading, e.g. "Schedule a meeting".
    title: &'static str,
    /// The sentence under the heading.
    lede: &'static str,
    /// What only a clerk can do, for the banner: "Only a clerk can {only}".
    only: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let who = crate::wire::resource(|| (), |_| whoami());
    view! {
        <Title text=title/>
        <h1>{title}</h1>
        <p class="lede">{lede}</p>
        <Suspense fallback=|| view! { <p>"Checking who you are…"</p> }>
            {move || who.get().map(|me| match me {
                Ok(me) if me.is_clerk => children().into_any(),
                _ => view! {
                    <div class="banner" data-testid="clerk-only">
                        <p class="banner__title">{format!("Only a clerk can {only}")}</p>
                        <p>"Sign in with your clerk's link first."</p>
                    </div>
                }.into_any(),
            })}
        </Suspense>
    }
}
