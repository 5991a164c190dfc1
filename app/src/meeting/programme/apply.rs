//! Folding the programme's events into its state ([`Programme::apply`]): total, so replaying any stored log
//! rebuilds the same programme; an event naming something absent changes nothing (`decide` never emits one).

use super::change::ProgrammeEvent;
use super::model::{Entry, PlannedMeeting, Programme, StandingList};

impl Programme {
    /// Folds one event in. Total: an event naming something absent changes nothing (decide never emits one).
    pub fn apply(&mut self, event: &ProgrammeEvent) {
        match event {
            ProgrammeEvent::YearOpened { year } => self.year = Some(year.clone()),
            ProgrammeEvent::DateAdded {
                id,
                date,
                time,
                note,
                reserve,
            } => {
                self.meetings.push(PlannedMeeting {
                    id: *id,
                    date: *date,
                    time: *time,
                    note: note.clone(),
                    reserve: *reserve,
                    entries: Vec::new(),
                });
                self.next_id = self.next_id.max(id + 1);
                self.sort();
            }
            ProgrammeEvent::DateChanged {
                id,
                date,
                time,
                note,
                reserve,
            } => {
                if let Some(m) = self.meetings.iter_mut().find(|m| m.id == *id) {
                    m.date = *date;
                    m.time = *time;
                    m.note = note.clone();
                    m.reserve = *reserve;
                }
                self.sort();
            }
            ProgrammeEvent::DateRemoved { id } => self.meetings.retain(|m| m.id != *id),
            ProgrammeEvent::EntryAdded { meeting, entry } => {
                self.next_id = self.next_id.max(entry.id + 1);
                if let Some(list) = self.entries_mut(*meeting) {
                    list.push(entry.clone());
                }
            }
            ProgrammeEvent::EntryEdited { entry } => {
                if let Some(found) = self.entry_mut(entry.id) {
                    *found = entry.clone();
                }
            }
            ProgrammeEvent::EntryMoved { id, to } => {
                let Some(entry) = self.take_entry(*id) else {
                    return;
                };
                match self.entries_mut(*to) {
                    Some(list) => list.push(entry),
                    None => self.provisional.push(entry),
                }
            }
            ProgrammeEvent::EntryRemoved { id } => {
                self.take_entry(*id);
            }
            ProgrammeEvent::ListSet { list, lines } => {
                let target = match list {
                    StandingList::Standard => &mut self.standard,
                    StandingList::Consider => &mut self.consider,
                    StandingList::Note => &mut self.note,
                };
                *target = lines.clone();
            }
        }
    }

    fn sort(&mut self) {
        self.meetings
            .sort_by_key(|m| (m.date.sort_key(), m.time, m.reserve, m.id));
    }

    /// The list an entry goes into: a planned meeting's, or the provisional list for `None`. `None` back
    /// when the planned meeting does not exist.
    fn entries_mut(&mut self, meeting: Option<u32>) -> Option<&mut Vec<Entry>> {
        match meeting {
            None => Some(&mut self.provisional),
            Some(id) => self
                .meetings
                .iter_mut()
                .find(|m| m.id == id)
                .map(|m| &mut m.entries),
        }
    }

    fn entry_mut(&mut self, id: u32) -> Option<&mut Entry> {
        self.provisional
            .iter_mut()
            .chain(self.meetings.iter_mut().flat_map(|m| m.entries.iter_mut()))
            .find(|e| e.id == id)
    }

    fn take_entry(&mut self, id: u32) -> Option<Entry> {
        let lists = std::iter::once(&mut self.provisional)
            .chain(self.meetings.iter_mut().map(|m| &mut m.entries));
        for list in lists {
            if let Some(at) = list.iter().position(|e| e.id == id) {
                return Some(list.remove(at));
            }
        }
        None
    }
}
