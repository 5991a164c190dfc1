//! The site header: name, the body it serves, who is signed in and a sign-out button.

use leptos::prelude::*;

use crate::api::whoami;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let who = crate::wire::resource(|| (), |_| whoami());
    view! {
        <header class="site-header">
            <a class="site-header__name" href="/">"Panelcast"</a>
            <span class="site-header__body">"Kent and Medway Police and Crime Panel"</span>
            <Suspense fallback=|| ()>
                {move || who.get().and_then(Result::ok).map(|me| {
                    if me.signed_in {
                        view! {
                            <span class="site-header__who">
                                <span>"Signed in as " <strong>{me.display_name}</strong></span>
                                {me.is_clerk.then(|| view! {
                                    <a href="/clerk/sign-in-links">"Sign-in links"</a>
                                    <a href="/clerk/schedule">"Schedule a meeting"</a>
                                })}
                                <form method="post" action="/sign-out">
                                    <button class="link-button" type="submit">"Sign out"</button>
                                </form>
                            </span>
                        }.into_any()
                    } else {
                        view! { <span class="site-header__who">"Watching as the public"</span> }.into_any()
                    }
                })}
            </Suspense>
        </header>
    }
}
