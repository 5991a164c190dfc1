//! "Start from the agenda pack": the clerk pastes the agenda part of a pack, or uploads it as a text file, and
//! presses "Read the pack". The core's importer reads it in the browser (it is pure code; nothing is sent or
//! scheduled), the form below is filled in with what it read, and this panel says what was read, what the
//! pack did not give, and each line it could not read with its number and the reason.

use leptos::prelude::*;

use crate::meeting::import::{import_agenda, AgendaImport};

/// The pack reader. `on_read` receives what was read, for the form.
#[component]
pub fn PackReader(on_read: Callback<AgendaImport>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let report = RwSignal::new(None::<Result<AgendaImport, String>>);
    let read = move |pasted: String| match import_agenda(&pasted) {
        Ok(import) => {
            on_read.run(import.clone());
            report.set(Some(Ok(import)));
        }
        Err(error) => report.set(Some(Err(error.to_string()))),
    };
    let on_file = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use leptos::wasm_bindgen::JsCast;
            let input: web_sys::HtmlInputElement =
                ev.target().expect("a file input").unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            if file.size() > crate::meeting::import::MAX_PACK_BYTES as f64 {
                let error = crate::meeting::import::ImportError::TooLarge {
                    bytes: file.size() as usize,
                };
                report.set(Some(Err(error.to_string())));
                return;
            }
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                {
                    Some(contents) => {
                        text.set(contents.clone());
                        read(contents);
                    }
                    None => report.set(Some(Err("The file could not be read as text".to_owned()))),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, read);
    };
    view! {
        <section class="pack" aria-labelledby="pack-heading">
            <h2 id="pack-heading">"Start from the agenda pack"</h2>
            <div class="field">
                <label for="pack-text">"Paste the agenda pack"</label>
                <p class="hint" id="pack-text-hint">"The agenda part is enough: from \"AGENDA\" to the date of issue. Nothing is scheduled until you confirm below."</p>
                <textarea id="pack-text" rows="8" spellcheck="false" aria-describedby="pack-text-hint" bind:value=text></textarea>
            </div>
            <div class="field">
                <label for="pack-file">"Or upload it as a text file"</label>
                <input id="pack-file" type="file" accept=".txt,text/plain" on:change=on_file/>
            </div>
            <button type="button" class="button button--secondary" on:click=move |_| read(text.get_untracked())>"Read the pack"</button>
            <div aria-live="polite" data-testid="pack-report">
                {move || report.get().map(|result| match result {
                    Err(message) => view! { <p class="feedback__error">{message}</p> }.into_any(),
                    Ok(import) => view! { <PackReport import/> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// What was read, what is missing, and the lines that were not read.
#[component]
fn PackReport(import: AgendaImport) -> impl IntoView {
    let spec = &import.spec;
    let items: usize = spec.sections.iter().map(|s| s.items.len()).sum();
    let vacancies = spec.seats.iter().filter(|s| s.holder.is_none()).count();
    let summary = format!(
        "Read {} seats ({} vacant) and {} items in {} sections. Check them in the form below.",
        spec.seats.len(),
        vacancies,
        items,
        spec.sections.len()
    );
    let issued = import.issued_on.map(|date| {
        let by = import
            .signatory
            .as_ref()
            .map(|s| format!(" by {}", s.name))
            .unwrap_or_default();
        format!("Issued on {}{by}.", date.long_text())
    });
    let missing = (!import.missing.is_empty()).then(|| {
        format!(
            "The pack does not give {}: fill it in below.",
            import.missing.join(", ")
        )
    });
    let unreadable = import.unreadable.clone();
    view! {
        <p class="feedback__ok">{summary}</p>
        {issued.map(|text| view! { <p>{text}</p> })}
        {missing.map(|text| view! { <p>{text}</p> })}
        {(!unreadable.is_empty()).then(|| view! {
            <h3>"Lines not read"</h3>
            <ul class="unread-lines" data-testid="unread-lines">
                {unreadable.into_iter().map(|line| view! {
                    <li>{format!("Line {}: ", line.line)}<q>{line.text}</q>{format!(" — {}", line.reason)}</li>
                }).collect_view()}
            </ul>
        })}
    }
}
