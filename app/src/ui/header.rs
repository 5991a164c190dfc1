//! The site header: name, the body it serves, who is signed in and a sign-out button.

use leptos::prelude::*;

/// Who is signed in is rendered by the server from the request's session and kept by the browser exactly as it
/// arrived (`inner_html` is left alone when hydrating): signing in and out are whole page loads (a sign-in link,
/// the sign-out form), and the header is outside every page that changes in place, so there is nothing for the
/// browser to update. It then needs no request for it and no code for it (the bundle's size).
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="site-header__name" href="/">"Panelcast"</a>
            <span class="site-header__body">"Kent and Medway Police and Crime Panel"</span>
            <div class="site-header__who" inner_html=who()></div>
        </header>
    }
}

/// The header's "who" part, as HTML: the signed-in name, the clerk's pages and a sign-out button; or that the
/// reader is watching as the public. Empty in the browser, which keeps what the server sent.
fn who() -> String {
    #[cfg(feature = "ssr")]
    {
        let me = crate::api::SignedIn::from(crate::api::ssr::request_identity());
        if me.signed_in {
            view! {
                <span>"Signed in as " <strong>{me.display_name}</strong></span>
                {me.is_clerk.then(|| view! {
                    <a href="/clerk/sign-in-links">"Sign-in links"</a>
                    <a href="/clerk/schedule">"Schedule a meeting"</a>
                })}
                <form method="post" action="/sign-out">
                    <button class="link-button" type="submit">"Sign out"</button>
                </form>
            }
            .to_html()
        } else {
            "Watching as the public".to_owned()
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}
