//! The console's choice of an agenda item (a `<select>` with its label), and reading a page range typed into a
//! form, shared by the forms that change the agenda.

use leptos::prelude::*;

use crate::meeting::view::ItemView;
use crate::meeting::{ItemCode, PageRange};
use crate::ui::clerk::draft_edit::parse_pages;
use crate::ui::context::use_meeting;

/// The agenda's items that `keep` accepts, as (code, "B2 Title") for a select.
pub fn item_options(keep: fn(&ItemView) -> bool) -> Memo<Vec<(ItemCode, String)>> {
    use_meeting().slice(move |v| {
        v.sections
            .iter()
            .flat_map(|s| &s.items)
            .filter(|i| keep(i))
            .map(|i| (i.code.clone(), format!("{} {}", i.code.0, i.title)))
            .collect()
    })
}

#[component]
pub fn ItemChoice(
    id: &'static str,
    label: &'static str,
    /// The first, empty choice: "Choose an item".
    placeholder: &'static str,
    items: Memo<Vec<(ItemCode, String)>>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id bind:value=value>
                <option value="">{placeholder}</option>
                {move || items.get().into_iter().map(|(code, text)| view! { <option value=code.0>{text}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// Reads the pages typed into a form and, if they read, clears `error` and sends; otherwise says why in `error`.
pub fn with_pages(
    typed: RwSignal<String>,
    error: RwSignal<Option<String>>,
    send: impl FnOnce(Option<PageRange>),
) {
    match parse_pages(&typed.get_untracked()) {
        Ok(pages) => {
            error.set(None);
            send(pages);
        }
        Err(problem) => error.set(Some(problem)),
    }
}
