//! The archive: once the meeting has closed, its public page shows the recording with the agenda as chapters
//! (docs/WEBCAST.md). Everything is in the server-rendered HTML: without JavaScript each item is listed with the
//! time it began and, where the recording shows it, a link `?t=1h02m30s` into the recording (the server puts the
//! start into the `<source>` as a media fragment, `#t=3750`, which browsers that play HLS natively honour).
//! With JavaScript, `public/webcast.js` makes the same links seek the player in place, starts at `?t=` or at
//! `#item-A1`, and marks the item the recording is showing as it plays.

use leptos::prelude::*;

use super::context::use_meeting;
use super::webcast::StreamLink;
use crate::api::get_archive;
use crate::meeting::chapters::link::{parse_t, t_value};
use crate::meeting::view::{ArchiveView, ChapterView, MomentView};

#[component]
pub fn Archive() -> impl IntoView {
    let id = use_meeting().id.get_value();
    let source = id.clone();
    let archive = crate::wire::resource(move || source.clone(), get_archive);
    view! {
        <section aria-labelledby="archive-heading" class="archive" data-testid="archive">
            <h2 id="archive-heading">"Recording of the meeting"</h2>
            <Suspense fallback=|| view! { <p>"Loading the recording…"</p> }>
                {move || archive.get().map(|result| match result {
                    Ok(Some(archive)) => view! { <ArchiveBody archive id=id.clone()/> }.into_any(),
                    Ok(None) => view! { <p data-testid="archive-notice">"The recording is not available."</p> }.into_any(),
                    Err(error) => view! { <p class="banner" data-testid="archive-notice">{error.to_string()}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ArchiveBody(archive: ArchiveView, id: String) -> impl IntoView {
    let start_ms = requested_start();
    let vtt = format!("/meetings/{id}/chapters.vtt");
    let player = archive.recording_url.clone().map(|url| {
        let source = match start_ms {
            Some(ms) if ms > 0 => format!("{url}#t={}", ms / 1000),
            _ => url.clone(),
        };
        let link = url.clone();
        let track = vtt.clone();
        view! {
            <div class="webcast">
                <video
                    controls=true
                    playsinline=true
                    preload="metadata"
                    data-hls-src=url
                    data-archive="true"
                    data-start-ms=start_ms.unwrap_or(0).to_string()
                    data-testid="archive-video"
                    aria-label="Recording of the meeting"
                >
                    <source src=source type="application/vnd.apple.mpegurl"/>
                    <track kind="chapters" src=track srclang="en" label="Agenda items"/>
                </video>
            </div>
            <StreamLink url=link text="Open the recording (HLS)" testid="archive-link"/>
        }
    });
    view! {
        {player}
        {archive.notice.clone().map(|text| view! { <p class="banner" data-testid="archive-notice">{text}</p> })}
        {archive.problem.clone().map(|text| view! {
            <div class="banner banner--private" data-testid="archive-problem">
                <p class="banner__title">"For the clerk"</p>
                <p>{text}</p>
            </div>
        })}
        <p class="archive__now" aria-live="polite" data-testid="archive-now"></p>
        <h3 id="chapters-heading">"Agenda items in the recording"</h3>
        <ol class="chapters" aria-labelledby="chapters-heading" data-testid="chapters">
            {archive.chapters.into_iter().map(|chapter| view! { <ChapterItem chapter/> }).collect_view()}
        </ol>
        <p><a href=vtt>"The chapters as a WebVTT file"</a></p>
        {(!archive.moments.is_empty()).then(|| view! {
            <h3 id="moments-heading">"Votes and questions as they happened"</h3>
            <ol class="chapters" aria-labelledby="moments-heading" aria-live="polite" data-testid="moments">
                {archive.moments.into_iter().map(|moment| view! { <MomentItem moment/> }).collect_view()}
            </ol>
        })}
    }
}

/// A vote, result, question or answer; with JavaScript it appears when the recording reaches it.
#[component]
fn MomentItem(moment: MomentView) -> impl IntoView {
    let time = match (moment.offset_ms, moment.at.clone()) {
        (Some(ms), Some(at)) => view! {
            <a class="chapter__time" href=format!("?t={}", t_value(ms)) data-seek-ms=ms.to_string()>{at}</a>
        }
        .into_any(),
        _ => view! { <span class="chapter__time muted">{moment.happened.clone()}</span> }.into_any(),
    };
    view! {
        <li class="chapter" data-shows-at-ms=moment.offset_ms.map(|ms| ms.to_string())>
            {time} " " {moment.text.clone()} " " <span class="muted">"(" {moment.happened.clone()} ")"</span>
        </li>
    }
}

#[component]
fn ChapterItem(chapter: ChapterView) -> impl IntoView {
    let class = if chapter.private {
        "chapter chapter--private"
    } else {
        "chapter"
    };
    let began = format!("began {}", chapter.began);
    let linked = chapter
        .offset_ms
        .zip(chapter.t.clone())
        .zip(chapter.at.clone());
    let unlinked_note = if chapter.private {
        "the recording of a private session is never published"
    } else {
        "not in the recording"
    };
    view! {
        <li
            id=chapter.anchor.clone()
            class=class
            data-chapter-item=chapter.item.as_ref().map(|code| code.0.clone())
            data-offset-ms=chapter.offset_ms.map(|ms| ms.to_string())
            data-label=chapter.label.clone()
        >
            {match linked {
                Some(((ms, t), at)) => {
                    let label = format!("Play from {at}: {}", chapter.label);
                    view! {
                        <a class="chapter__time" href=format!("?t={t}") data-seek-ms=ms.to_string()
                            aria-label=label>{at}</a>
                    }.into_any()
                }
                None => view! { <span class="chapter__time muted">{chapter.began.clone()}</span> }.into_any(),
            }}
            " "
            <span class="chapter__label">{chapter.label.clone()}</span>
            " "
            <span class="muted">
                "(" {began}
                {chapter.offset_ms.is_none().then(|| format!("; {unlinked_note}"))}
                ")"
            </span>
        </li>
    }
}

/// The start asked for in the address (`?t=1h02m30s`), read the same way on the server and in the browser.
fn requested_start() -> Option<i64> {
    let query = current_query();
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("t="))
        .and_then(parse_t)
}

fn current_query() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<leptos_router::location::RequestUrl>()
            .map(|url| {
                let url: &str = url.as_ref();
                let query = url.split_once('?').map_or("", |(_, q)| q);
                query.split('#').next().unwrap_or_default().to_owned()
            })
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        window()
            .location()
            .search()
            .unwrap_or_default()
            .trim_start_matches('?')
            .to_owned()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        String::new()
    }
}
