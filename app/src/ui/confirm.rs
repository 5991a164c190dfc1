//! A two-step button for steps that cannot be undone (closing a vote, closing the meeting): the first press
//! asks, with what will happen in words; only "Yes" sends. Focus moves to the question so it is announced.

use leptos::html;
use leptos::prelude::*;

#[component]
pub fn ConfirmButton(
    /// The first button: "Close the vote…".
    label: &'static str,
    /// What cannot be undone, in a sentence.
    warning: Signal<String>,
    /// The button that does it: "Yes, close the vote".
    confirm: &'static str,
    #[prop(into)] disabled: Signal<bool>,
    on_confirm: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let on_confirm = std::sync::Arc::new(on_confirm);
    let asking = RwSignal::new(false);
    let question = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(node) = question.get() {
                let _ = node.focus();
            }
        }
    });
    view! {
        <div class="confirm">
            <button
                type="button"
                class="button button--warning"
                aria-expanded=move || asking.get().to_string()
                disabled=move || disabled.get() || asking.get()
                on:click=move |_| asking.set(true)
            >
                {label}
            </button>
            <Show when=move || asking.get()>
                <div class="confirm__box" role="group" aria-label="Confirm" tabindex="-1" node_ref=question>
                    <p class="confirm__warning"><strong>{move || warning.get()}</strong></p>
                    <button
                        type="button"
                        class="button button--warning"
                        on:click={
                            let on_confirm = on_confirm.clone();
                            move |_| { asking.set(false); on_confirm(); }
                        }
                    >
                        {confirm}
                    </button>
                    " "
                    <button type="button" class="button button--secondary" on:click=move |_| asking.set(false)>
                        "Cancel"
                    </button>
                </div>
            </Show>
        </div>
    }
}
