//! The draft's membership as a form: each seat (council, co-opted or independent) with its holder's name as
//! the agenda prints it ("Councillor Peter Fleming"; empty for a vacancy), then the Chairman and
//! Vice-Chairman chosen from the holders. Rows are keyed by seat, so editing one keeps the focus.

use leptos::prelude::*;

use super::draft_edit::set_holder;
use super::form_fields::GroupError;
use super::summons::FieldError;
use crate::meeting::{MeetingSpec, MemberId, Seat};

#[component]
pub fn SeatsForm(draft: RwSignal<MeetingSpec>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let seats = move || draft.with(|d| d.seats.clone());
    view! {
        <fieldset class="seats-form">
            <legend>"Membership"</legend>
            <GroupError field="seats" errors/>
            <p class="hint">"Each seat's holder as the agenda prints the name. Leave a name empty for a vacancy."</p>
            <For each=seats key=|seat| seat.id.0.clone() let:seat>
                <SeatRow draft seat/>
            </For>
            <OfficeSelect draft errors field="chair" label="Chairman" vice=false/>
            <OfficeSelect draft errors field="vice-chair" label="Vice-Chairman" vice=true/>
        </fieldset>
    }
}

/// The Chairman or Vice-Chairman, chosen from the seats' holders.
#[component]
fn OfficeSelect(
    draft: RwSignal<MeetingSpec>,
    errors: RwSignal<Vec<FieldError>>,
    field: &'static str,
    label: &'static str,
    vice: bool,
) -> impl IntoView {
    fn office(d: &mut MeetingSpec, vice: bool) -> &mut Option<MemberId> {
        if vice {
            &mut d.vice_chair
        } else {
            &mut d.chair
        }
    }
    let holders = move || {
        draft.with(|d| {
            d.seats
                .iter()
                .filter_map(|s| s.holder.clone())
                .map(|p| (p.id.0, p.name))
                .collect::<Vec<_>>()
        })
    };
    let chosen = move || {
        draft.with(|d| {
            if vice { &d.vice_chair } else { &d.chair }
                .clone()
                .map(|m| m.0)
                .unwrap_or_default()
        })
    };
    let on_change = move |ev| {
        let picked = event_target_value(&ev);
        draft.update(|d| *office(d, vice) = (!picked.is_empty()).then(|| MemberId::new(picked)));
    };
    view! {
        <div class="field">
            <label for=format!("summons-{field}")>{label}</label>
            <GroupError field errors/>
            <select id=format!("summons-{field}") on:change=on_change prop:value=chosen>
                <option value="">"Not chosen"</option>
                {move || holders().into_iter().map(|(id, name)| view! { <option value=id.clone() selected=chosen() == id>{name}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn SeatRow(draft: RwSignal<MeetingSpec>, seat: Seat) -> impl IntoView {
    let id = format!("seat-{}", seat.id);
    let seat_id = seat.id.clone();
    let label = format!("{} ({})", seat.name, seat.kind.label());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" autocomplete="off" value=seat.holder.map(|p| p.name).unwrap_or_default()
                on:change=move |ev| {
                    let name = event_target_value(&ev);
                    draft.update(|d| set_holder(d, &seat_id, &name));
                }/>
        </div>
    }
}
