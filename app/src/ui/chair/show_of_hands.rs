//! The clerk enters a show of hands instead of device voting: the counts for, against and abstaining. The core
//! checks them against the members present and declares the result by the same rules.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::meeting::{Command, VoteId};
use crate::ui::command::{Dispatch, Feedback};

#[component]
pub fn ShowOfHands(vote: VoteId) -> impl IntoView {
    let dispatch = Dispatch::new();
    let pending = dispatch.pending();
    let counts = [
        RwSignal::new("0".to_owned()),
        RwSignal::new("0".to_owned()),
        RwSignal::new("0".to_owned()),
    ];
    let problem = RwSignal::new(None::<&'static str>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let parsed: Option<Vec<u32>> = counts
            .iter()
            .map(|c| c.get_untracked().trim().parse().ok())
            .collect();
        match parsed.as_deref() {
            Some(&[for_, against, abstain]) => {
                problem.set(None);
                dispatch.send(Command::RecordShowOfHands {
                    vote,
                    for_,
                    against,
                    abstain,
                    casting_vote: None,
                });
            }
            _ => problem.set(Some("Enter each count as a whole number")),
        }
    };
    let field = move |index: usize, label: &'static str| {
        let id = format!("hands-{}-{index}", vote.0);
        view! {
            <div class="field field--narrow">
                <label for=id.clone()>{label}</label>
                <input id=id type="number" min="0" inputmode="numeric" bind:value=counts[index]/>
            </div>
        }
    };
    view! {
        <form class="inline-form" on:submit=submit aria-label="Show of hands">
            <fieldset>
                <legend>"Show of hands"</legend>
                {field(0, "For")}
                {field(1, "Against")}
                {field(2, "Abstain")}
                <button type="submit" class="button button--secondary" disabled=move || pending.get()>
                    "Record the show of hands"
                </button>
            </fieldset>
            <p class="feedback__error">{move || problem.get()}</p>
            <Feedback dispatch/>
        </form>
    }
}
