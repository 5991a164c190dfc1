//! The panels of a meeting page. Each takes the view memo and renders only its slice.

mod agenda;
mod business;
mod membership;
mod status;

pub use agenda::{AgendaPanel, CurrentItem};
pub use business::BusinessPanel;
pub use membership::MembershipPanel;
pub use status::{Banners, WebcastPanel};
