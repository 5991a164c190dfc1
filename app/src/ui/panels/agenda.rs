//! The agenda alongside the webcast, with the current item highlighted and announced.

use leptos::prelude::*;

use crate::meeting::view::{ItemView, SectionView};
use crate::meeting::MeetingView;

#[component]
pub fn AgendaPanel(view: Memo<MeetingView>) -> impl IntoView {
    let sections = Memo::new(move |_| view.with(|v| v.sections.clone()));
    view! {
        <section aria-labelledby="agenda-heading" class="agenda-panel">
            <h2 id="agenda-heading">"Agenda"</h2>
            // Rebuilt in place, position by position, when the sections change (the current item moved): the
            // agenda is a few dozen elements, and the keyed `<For>` is the only user of the keyed-list diff in
            // the public page's bundle (the bundle's size).
            {move || sections.get().into_iter().map(|section| view! { <Section section/> }).collect_view()}
        </section>
    }
}

#[component]
fn Section(section: SectionView) -> impl IntoView {
    let heading = match (&section.letter, &section.title) {
        (Some(letter), Some(title)) => Some(format!("{letter} – {title}")),
        (None, Some(title)) => Some(title.clone()),
        (Some(letter), None) => Some(letter.clone()),
        (None, None) => None,
    };
    view! {
        <div class="agenda-section">
            {heading.map(|h| view! { <h3 class="agenda-section__title">{h}</h3> })}
            {section.empty_note.map(|note| view! { <p class="agenda-section__empty">{note}</p> })}
            <ol class="agenda">
                {section.items.into_iter().map(|item| view! { <Item item/> }).collect_view()}
            </ol>
        </div>
    }
}

#[component]
fn Item(item: ItemView) -> impl IntoView {
    let class = if item.is_current {
        "agenda-item agenda-item--current"
    } else {
        "agenda-item"
    };
    let mut meta = Vec::new();
    if let Some(pages) = &item.pages {
        // Printed as in the agenda pack: "(Pages 11 - 56)" (S4:47), "Page 7" for one page.
        if pages.contains('-') {
            meta.push(format!("Pages {}", pages.replace('-', " - ")));
        } else {
            meta.push(format!("Page {pages}"));
        }
    }
    if item.verbal {
        meta.push("Verbal update".to_owned());
    }
    if item.exempt {
        meta.push("Exempt: the public are likely to be excluded".to_owned());
    }
    view! {
        <li class=class aria-current=item.is_current.then_some("step") data-item=item.code.0.clone()>
            <span class="agenda-item__code">{item.code.0.clone()}</span>
            <span>
                {item.title.clone()}
                {item.is_current.then(|| view! { " " <span class="tag tag--live">"Now"</span> })}
                {(!meta.is_empty()).then(|| view! { <span class="agenda-item__meta">" (" {meta.join("; ")} ")"</span> })}
                {item.to_follow.clone().map(|note| view! { <span class="agenda-item__meta">" Note: " {note}</span> })}
                {item.day_note.clone().map(|note| view! { <span class="agenda-item__meta" data-testid="day-note">" " {note}</span> })}
                {item.paper_changes.iter().map(|change| view! { <span class="agenda-item__meta" data-testid="paper-change">" " {change.clone()}</span> }).collect_view()}
            </span>
        </li>
    }
}

/// What the current-item line says.
#[derive(Clone, PartialEq)]
enum Current {
    /// "A1 Chief Constable Confirmation Hearing".
    Item(String),
    /// The public are excluded: the item is withheld under this Sch 12A paragraph.
    Withheld(u8),
    NotYet,
}

/// "Now: A1 Chief Constable Confirmation Hearing", announced politely to screen readers when it changes. While
/// the public are excluded it says so, citing the paragraph, instead of suggesting the meeting has not started
/// (LGA 1972 s100A(4): only the fact of the exclusion and its paragraph are public).
#[component]
pub fn CurrentItem(view: Memo<MeetingView>) -> impl IntoView {
    let current = Memo::new(move |_| {
        view.with(|v| {
            let item = v.current_item.as_ref().and_then(|code| {
                let item = v
                    .sections
                    .iter()
                    .flat_map(|s| &s.items)
                    .find(|i| &i.code == code)?;
                Some(Current::Item(format!("{} {}", code.0, item.title)))
            });
            match (item, v.private_paragraph) {
                (Some(item), _) => item,
                (None, Some(paragraph)) => Current::Withheld(paragraph),
                (None, None) => Current::NotYet,
            }
        })
    });
    // The current item's resolutions, live under it on every screen.
    let resolved = Memo::new(move |_| {
        view.with(|v| {
            v.resolutions
                .iter()
                .filter(|r| v.current_item.as_ref() == Some(&r.item))
                .map(|r| r.text.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="panel" aria-live="polite" data-testid="current-item">
            {move || match current.get() {
                Current::Item(text) => view! { <p><strong>"Now: "</strong>{text}</p> }.into_any(),
                Current::Withheld(paragraph) => view! {
                    <p>{format!("Item withheld: the public are excluded (Sch 12A para {paragraph})")}</p>
                }.into_any(),
                Current::NotYet => view! { <p>"The meeting has not reached an agenda item yet."</p> }.into_any(),
            }}
            {move || resolved.get().into_iter().map(|text| view! { <p class="resolution"><strong>{text}</strong></p> }).collect_view()}
        </div>
    }
}
