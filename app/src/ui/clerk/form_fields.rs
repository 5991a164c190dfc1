//! Form fields in the GOV.UK error pattern: a label, an optional hint, the field's error (if any) above the
//! input, the input marked `aria-invalid` and described by both; and an error summary at the top of the form
//! that links to each field with a problem and takes focus when it appears.

use leptos::prelude::*;

use super::summons::FieldError;

/// The errors of one field, from all of the form's.
fn error_of(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|all| {
            all.iter()
                .filter(|e| e.field == field)
                .map(|e| e.message.clone())
                .reduce(|a, b| format!("{a}. {b}"))
        })
    })
}

/// A labelled text input with its hint and its error; its id is `summons-{field}`.
#[component]
pub fn TextField(
    field: &'static str,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let id = format!("summons-{field}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = error_of(errors, field);
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if !hint.is_empty() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let input = if multiline {
        view! { <textarea id=id.clone() rows="4" aria-describedby=described.clone() aria-invalid=invalid bind:value=value></textarea> }.into_any()
    } else {
        view! { <input id=id.clone() type="text" autocomplete="off" aria-describedby=described.clone() aria-invalid=invalid bind:value=value/> }.into_any()
    };
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            {move || error.get().map(|message| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{message}</p>
            })}
            {input}
        </div>
    }
}

/// An error shown where no single input is (the agenda, the seats, the hearing as a whole).
#[component]
pub fn GroupError(field: &'static str, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let error = error_of(errors, field);
    view! {
        {move || error.get().map(|message| view! {
            <p class="error-message" id=format!("summons-{field}")><span class="visually-hidden">"Error: "</span>{message}</p>
        })}
    }
}

/// "There is a problem", with a link to each field; focused when shown so a screen reader reads it first.
#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    view! {
        <div class="error-summary" node_ref=summary tabindex="-1" role="alert" data-testid="error-summary"
            hidden=move || errors.with(Vec::is_empty)>
            <h2 class="error-summary__title">"There is a problem"</h2>
            <ul class="error-summary__list">
                {move || errors.get().into_iter().map(|error| view! {
                    <li><a href=format!("#summons-{}", error.field)>{error.message}</a></li>
                }).collect_view()}
            </ul>
        </div>
    }
}
