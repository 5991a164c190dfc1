//! Banners: cancelled or postponed, adjourned (with the reason the chair gave), and in private session.

use leptos::prelude::*;

use crate::meeting::MeetingView;

/// "Adjourned until 15:00" (and the chair's reason) and "in private session (para N)" banners, announced when they
/// appear.
#[component]
pub fn Banners(view: Memo<MeetingView>) -> impl IntoView {
    let private = Memo::new(move |_| view.with(|v| v.private_session.clone()));
    let adjourned = Memo::new(move |_| {
        view.with(|v| {
            (v.phase == "adjourned").then(|| (v.phase_label.clone(), v.adjournment_reason.clone()))
        })
    });
    // The summons changed after it went out (`agenda_changes.rs`): cancelled, or postponed.
    let cancelled = Memo::new(move |_| view.with(|v| v.cancellation.clone()));
    let postponed = Memo::new(move |_| view.with(|v| v.postponement.clone()));
    view! {
        <div aria-live="assertive">
            {move || cancelled.get().map(|text| view! {
                <div class="banner" data-testid="cancelled-banner"><p class="banner__title">{text}</p></div>
            })}
            {move || postponed.get().filter(|_| cancelled.with(Option::is_none)).map(|text| view! {
                <div class="banner" data-testid="postponed-banner"><p class="banner__title">{text}</p></div>
            })}
            {move || private.get().map(|text| view! {
                <div class="banner banner--private" data-testid="private-banner"><p class="banner__title">{text}</p></div>
            })}
            {move || adjourned.get().map(|(text, reason)| view! {
                <div class="banner" data-testid="adjourned-banner">
                    <p class="banner__title">{text}</p>
                    {reason.map(|reason| view! { <p data-testid="adjournment-reason">"Reason: " {reason}</p> })}
                </div>
            })}
        </div>
    }
}
