//! The clerk's pages: single-use sign-in links for members, the chair, the Commissioner and clerks; and
//! scheduling a new meeting from an earlier one's summons.

mod gate;
mod links;
mod post;
mod schedule;
mod summons;

pub use links::SignInLinksPage;
pub use schedule::SchedulePage;
