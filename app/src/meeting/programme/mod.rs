//! The Panel's year: its meeting dates, reserve dates included, and its forward work programme
//! (seeds-brief §1.6; S2:496-540, S0:1313-1351, S4:2037-2064).
//!
//! Like a meeting, a year is an append-only log of events: the clerk's [`ProgrammeCommand`]s are checked by
//! [`decide`], which returns [`ProgrammeEvent`]s or a [`ProgrammeRefusal`] in words; [`Programme::apply`]
//! folds events in and never fails. The text printed in the agenda packs is read by [`import_programme`]
//! (merged in with `ProgrammeCommand::Import`) and printed by [`programme_text`].
//!
//! An agenda item scheduled from the programme remembers the entry it came from
//! ([`crate::meeting::AgendaItem::from_programme`], a [`ProgrammeRef`]); which entries are on which agenda
//! is derived from the meetings' logs, never stored twice.

mod apply;
mod change;
mod decide;
mod form;
mod import;
mod model;
mod text;
mod year;

pub use change::{
    EntryText, ImportedMeeting, ImportedProgramme, ProgrammeCommand, ProgrammeEvent,
    ProgrammeRefusal,
};
pub use decide::{decide, MAX_DATES, MAX_ENTRIES, MAX_LIST_LINES};
pub use form::{command_from_form, read_planned_date, FormProblem};
pub use import::{import_programme, ProgrammeRead};
pub use model::{month_name, Entry, PlannedDate, PlannedMeeting, Programme, StandingList};
pub use text::{date_line, programme_text};
pub use year::YearKey;

use serde::{Deserialize, Serialize};

/// Where an agenda item came from: the year and the entry's id in that year's programme.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProgrammeRef {
    pub year: YearKey,
    pub entry: u32,
}

/// A year's programme from its events, in order.
pub fn replay<'a>(events: impl IntoIterator<Item = &'a ProgrammeEvent>) -> Programme {
    let mut programme = Programme::default();
    for event in events {
        programme.apply(event);
    }
    programme
}
