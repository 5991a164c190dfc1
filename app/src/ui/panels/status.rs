//! Banners (adjourned, private session) and the webcast area.

use leptos::prelude::*;

use crate::meeting::MeetingView;

/// "Adjourned until 15:00" and "in private session (para N)" banners, announced when they appear.
#[component]
pub fn Banners(view: Memo<MeetingView>) -> impl IntoView {
    let private = Memo::new(move |_| view.with(|v| v.private_session.clone()));
    let adjourned = Memo::new(move |_| view.with(|v| (v.phase == "adjourned").then(|| v.phase_label.clone())));
    view! {
        <div aria-live="assertive">
            {move || private.get().map(|text| view! {
                <div class="banner banner--private" data-testid="private-banner"><p class="banner__title">{text}</p></div>
            })}
            {move || adjourned.get().map(|text| view! {
                <div class="banner" data-testid="adjourned-banner"><p class="banner__title">{text}</p></div>
            })}
        </div>
    }
}

/// The webcast area. During a private session the public see a notice instead of the stream.
#[component]
pub fn WebcastPanel(view: Memo<MeetingView>) -> impl IntoView {
    let private = Memo::new(move |_| view.with(|v| v.private_session.is_some()));
    let phase = Memo::new(move |_| view.with(|v| v.phase.clone()));
    view! {
        <section aria-label="Webcast" class="webcast">
            {move || {
                if private.get() {
                    "The webcast is paused while the meeting is in private session.".to_owned()
                } else {
                    match phase.get().as_str() {
                        "scheduled" => "The webcast starts with item 1, the Introduction/Webcast Announcement.".to_owned(),
                        "closed" => "The meeting has closed.".to_owned(),
                        _ => "The webcast of this meeting is shown on the Council's webcasting site.".to_owned(),
                    }
                }
            }}
        </section>
    }
}
