//! The draft's agenda as a form: each section with its items, each item's code, title, pages, papers to
//! follow, and exempt with its Schedule 12A paragraph; buttons to move an item up or down, remove it, or add
//! one to a section. Rows are keyed by item code, so editing one never rebuilds the others and the keyboard
//! focus stays where it is.

use leptos::prelude::*;

use super::draft_edit::{add_item, edit_item, move_item, parse_pages, remove_item, set_exempt};
use super::summons::FieldError;
use crate::meeting::{AgendaItem, ItemCode, MeetingSpec};

#[component]
pub fn AgendaForm(
    draft: RwSignal<MeetingSpec>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let count = move || draft.with(|d| d.sections.len());
    view! {
        <fieldset class="agenda-form">
            <legend>"Agenda"</legend>
            <super::form_fields::GroupError field="agenda" errors/>
            <For each=move || 0..count() key=move |index| (*index, draft.with_untracked(|d| d.sections.get(*index).map(|s| (s.letter.clone(), s.title.clone())))) let:index>
                <SectionForm draft index/>
            </For>
        </fieldset>
    }
}

#[component]
fn SectionForm(draft: RwSignal<MeetingSpec>, index: usize) -> impl IntoView {
    let heading = draft.with_untracked(|d| {
        d.sections.get(index).map(|s| match (&s.letter, &s.title) {
            (Some(letter), Some(title)) => format!("{letter} – {title}"),
            _ => "Standing items".to_owned(),
        })
    });
    let items = move || {
        draft.with(|d| {
            d.sections
                .get(index)
                .map(|s| s.items.clone())
                .unwrap_or_default()
        })
    };
    let empty_note =
        move || draft.with(|d| d.sections.get(index).and_then(|s| s.empty_note.clone()));
    view! {
        <div class="agenda-form__section">
            <h3>{heading.clone()}</h3>
            {move || empty_note().map(|note| view! { <p class="hint">{note}</p> })}
            <ol class="agenda-form__items">
                <For each=items key=|item| item.code.0.clone() let:item>
                    <ItemRow draft item/>
                </For>
            </ol>
            <button type="button" class="button button--secondary"
                on:click=move |_| draft.update(|d| { add_item(d, index); })>
                {format!("Add an item to {}", heading.clone().unwrap_or_default())}
            </button>
        </div>
    }
}

#[component]
fn ItemRow(draft: RwSignal<MeetingSpec>, item: AgendaItem) -> impl IntoView {
    let code = item.code.clone();
    let id = format!("item-{}", code);
    let pages_error = RwSignal::new(None::<String>);
    let edit = {
        let code = code.clone();
        move |change: Box<dyn FnOnce(&mut AgendaItem)>| {
            draft.update(|d| edit_item(d, &code, change))
        }
    };
    let on_title = {
        let edit = edit.clone();
        move |ev| {
            let title = event_target_value(&ev);
            edit(Box::new(move |item| item.title = title.trim().to_owned()));
        }
    };
    let on_pages = {
        let edit = edit.clone();
        move |ev| match parse_pages(&event_target_value(&ev)) {
            Ok(pages) => {
                pages_error.set(None);
                edit(Box::new(move |item| item.pages = pages));
            }
            Err(message) => pages_error.set(Some(message)),
        }
    };
    let on_follow = {
        let edit = edit.clone();
        move |ev| {
            let text = event_target_value(&ev).trim().to_owned();
            edit(Box::new(move |item| {
                item.to_follow = (!text.is_empty()).then_some(text)
            }));
        }
    };
    let on_exempt = {
        let edit = edit.clone();
        move |ev| {
            let choice = event_target_value(&ev);
            let exempt = match choice.as_str() {
                "" => None,
                "exempt" => Some(None),
                paragraph => Some(paragraph.parse().ok()),
            };
            edit(Box::new(move |item| set_exempt(item, exempt)));
        }
    };
    let exempt_value = match (item.exempt, item.exempt_paragraph) {
        (false, _) => String::new(),
        (true, None) => "exempt".to_owned(),
        (true, Some(p)) => p.to_string(),
    };
    let (up, down, remove) = (code.clone(), code.clone(), code.clone());
    let pages = item
        .pages
        .map(|p| {
            if p.first == p.last {
                p.first.to_string()
            } else {
                format!("{} - {}", p.first, p.last)
            }
        })
        .unwrap_or_default();
    view! {
        <li class="agenda-form__item" data-testid=format!("agenda-item-{code}")>
            <div class="field">
                <label for=format!("{id}-title")>{format!("Item {code}: title")}</label>
                <input id=format!("{id}-title") type="text" value=item.title.clone() on:change=on_title/>
            </div>
            <div class="field field--narrow">
                <label for=format!("{id}-pages")>{format!("Item {code}: pages")}</label>
                {move || pages_error.get().map(|message| view! { <p class="error-message" id=format!("item-{}-pages-error", up.clone())>{message}</p> })}
                <input id=format!("{id}-pages") type="text" value=pages on:change=on_pages
                    aria-invalid=move || pages_error.get().is_some().then_some("true")/>
            </div>
            <div class="field">
                <label for=format!("{id}-follow")>{format!("Item {code}: papers to follow")}</label>
                <input id=format!("{id}-follow") type="text" value=item.to_follow.clone().unwrap_or_default() on:change=on_follow/>
            </div>
            <div class="field">
                <label for=format!("{id}-exempt")>{format!("Item {code}: public or exempt")}</label>
                <select id=format!("{id}-exempt") on:change=on_exempt prop:value=exempt_value>
                    <option value="">"Open to the public"</option>
                    <option value="exempt">"Exempt (paragraph not yet known)"</option>
                    {(1..=7u8).map(|p| view! { <option value=p.to_string()>{format!("Exempt: Sch 12A paragraph {p}")}</option> }).collect_view()}
                </select>
            </div>
            <div class="button-row">
                <button type="button" class="button button--secondary" on:click=move |_| draft.update(|d| move_item(d, &ItemCode::new(down.0.clone()), -1))>{format!("Move {code} up")}</button>
                <button type="button" class="button button--secondary" on:click={let c = code.clone(); move |_| draft.update(|d| move_item(d, &c, 1))}>{format!("Move {code} down")}</button>
                <button type="button" class="button button--secondary" on:click=move |_| draft.update(|d| remove_item(d, &remove))>{format!("Remove {code}")}</button>
            </div>
        </li>
    }
}
