//! The panels of a meeting page. Each takes the view memo and renders only its slice.

mod agenda;
mod attendees;
mod business;
mod carried;
mod membership;
mod record;
mod record_links;
mod status;
mod votes;

pub use agenda::{AgendaPanel, CurrentItem};
pub use business::{BusinessPanel, HearingPanel, QuestionItem};
pub use carried::{carried_register, status_text, CarriedActionsPanel};
pub use membership::MembershipPanel;
pub use record::RecordPanel;
pub use status::Banners;
pub use votes::{capitalise, VoteCard};
