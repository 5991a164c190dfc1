//! The webcast player: a `<video>` for the meeting's HLS stream, or a clear notice when there is nothing to
//! play (before the meeting opens, after it closes, with no stream configured, and always in private session).
//!
//! The element carries the stream in `data-hls-src`; `public/webcast.js` plays it natively where the browser
//! can, and otherwise loads the vendored hls.js (`public/vendor/hls.min.js`) only then. It works on the
//! server-rendered page too, before or without the wasm bundle; and without any JavaScript the `<video>` holds the
//! stream as its `<source>` (typed HLS, so a browser that plays HLS natively plays it and any other skips it),
//! with a link to the stream under it for a media player of the viewer's own. When the meeting resumes after an
//! adjournment or a private session, `webcast.js` starts the new player by itself if the viewer was watching.

use leptos::prelude::*;

use super::context::use_meeting;

/// What the webcast area shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Webcast {
    Stream(String),
    Notice(&'static str),
}

#[component]
pub fn WebcastPlayer() -> impl IntoView {
    let meeting = use_meeting();
    let webcast = meeting.slice(|v| {
        if v.private_session.is_some() {
            return Webcast::Notice(
                "The webcast is paused: the press and public are excluded while the meeting is in private session.",
            );
        }
        match (v.phase.as_str(), &v.webcast_url) {
            ("closed", _) => Webcast::Notice("The meeting has closed. The webcast has ended."),
            ("scheduled", _) => Webcast::Notice("The webcast will start when the meeting opens."),
            ("adjourned", _) => Webcast::Notice("The meeting is adjourned. The webcast will resume when it does."),
            (_, Some(url)) => Webcast::Stream(url.clone()),
            (_, None) => Webcast::Notice("There is no webcast for this meeting. Follow the agenda, questions and votes on this page."),
        }
    });
    view! {
        <section aria-labelledby="webcast-heading" class="webcast-panel">
            <h2 id="webcast-heading" class="visually-hidden">"Webcast"</h2>
            {move || match webcast.get() {
                Webcast::Stream(url) => view! { <StreamPlayer url/> }.into_any(),
                Webcast::Notice(text) => view! {
                    <div class="webcast webcast--notice" data-testid="webcast-notice"><p>{text}</p></div>
                }.into_any(),
            }}
        </section>
    }
}

/// The player for an HLS stream, and the link to the stream for browsers (or readers) that cannot play it here.
#[component]
pub fn StreamPlayer(url: String) -> impl IntoView {
    let source = url.clone();
    let link = url.clone();
    view! {
        <div class="webcast">
            <video
                controls=true
                playsinline=true
                preload="none"
                data-hls-src=url
                data-testid="webcast-video"
                aria-label="Webcast of the meeting"
            >
                <source src=source type="application/vnd.apple.mpegurl"/>
            </video>
        </div>
        // Shown by webcast.js once it plays the stream (without a script it could do nothing).
        <button type="button" class="button button--secondary webcast__live" data-jump-live=""
            data-testid="jump-to-live" hidden=true>"Jump to live"</button>
        <StreamLink url=link text="Open the webcast stream (HLS)" testid="webcast-link"/>
    }
}

/// The link under a player to its stream, for a media player of the viewer's own.
#[component]
pub fn StreamLink(url: String, text: &'static str, testid: &'static str) -> impl IntoView {
    view! {
        <p class="webcast__link">
            <a href=url data-testid=testid>{text}</a>
            " in a media player of your own if it does not play here."
        </p>
    }
}
