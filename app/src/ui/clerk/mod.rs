//! The clerk's pages: single-use sign-in links for members, the chair, the Commissioner and clerks; and
//! scheduling a new meeting from an agenda pack or an earlier one's summons, with a form.

mod agenda_form;
pub(crate) mod draft_edit;
mod form_fields;
mod from_programme;
mod gate;
mod kind_fields;
mod link_list;
mod links;
mod pack;
mod planned_day;
mod post;
mod schedule;
mod seats_form;
mod summons;

pub use links::SignInLinksPage;
pub use schedule::SchedulePage;
