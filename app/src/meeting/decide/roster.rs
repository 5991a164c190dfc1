//! Membership changes, substitutes, attendance and declarations of interest. The clerk keeps the
//! roster and the attendance; none of it may change while a veto vote is open, because the veto is
//! counted against the members "at the time when the decision is made" (statute §6.3).

use super::{text, Ctx};
use crate::meeting::attendance::AttendanceMark;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::ids::{ItemCode, MemberId, SeatId};
use crate::meeting::phase::Phase;
use crate::meeting::roles::Role;
use crate::meeting::roster::Person;

impl Ctx<'_> {
    fn require_roster_unfrozen(&self) -> Result<(), CommandError> {
        if self.meeting.roster_frozen() {
            Err(CommandError::RosterFrozen)
        } else {
            Ok(())
        }
    }

    fn require_new_person(&self, person: &Person) -> Result<(), CommandError> {
        if self.meeting.roster.is_on_roster(&person.id) {
            Err(CommandError::AlreadyOnRoster {
                name: person.name.clone(),
            })
        } else {
            Ok(())
        }
    }

    /// A seat gets a new holder, or falls vacant. A seat with a substitute at this meeting keeps its
    /// holder until the meeting ends.
    pub(super) fn update_seat(
        &self,
        seat: SeatId,
        holder: Option<Person>,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_roster_unfrozen()?;
        let current = self
            .meeting
            .roster
            .seat(&seat)
            .ok_or_else(|| CommandError::UnknownSeat { seat: seat.clone() })?;
        if current.holder.is_none() && holder.is_none() {
            return Err(CommandError::SeatAlreadyVacant { seat });
        }
        if self.meeting.roster.substitutes.contains_key(&seat) {
            return Err(CommandError::SeatHasSubstitute { seat });
        }
        if let Some(person) = &holder {
            self.require_new_person(person)?;
            text(&person.name, "member's name")?;
        }
        Ok(vec![Event::SeatUpdated { seat, holder }])
    }

    /// A substitute fills a filled seat for this meeting: "Cllr R Hogarth (Substitute for Cllr P
    /// Fleming)" (S2:79). The holder must not have attended; if nothing was recorded for the holder,
    /// their apologies are recorded too, since a substitute implies apologies (standing item 2).
    pub(super) fn appoint_substitute(
        &self,
        seat: SeatId,
        substitute: Person,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_roster_unfrozen()?;
        let found = self
            .meeting
            .roster
            .seat(&seat)
            .ok_or_else(|| CommandError::UnknownSeat { seat: seat.clone() })?;
        let holder = found
            .holder
            .as_ref()
            .ok_or_else(|| CommandError::SeatVacant { seat: seat.clone() })?;
        if self.meeting.roster.substitutes.contains_key(&seat) {
            return Err(CommandError::SeatHasSubstitute { seat });
        }
        self.require_new_person(&substitute)?;
        text(&substitute.name, "substitute's name")?;
        let attendance = self.meeting.attendance(&holder.id);
        if attendance.is_present() || matches!(attendance, crate::meeting::Attendance::Left { .. })
        {
            return Err(CommandError::HolderAttending {
                name: holder.name.clone(),
            });
        }
        let mut events = Vec::new();
        if attendance == crate::meeting::Attendance::NotRecorded {
            events.push(Event::AttendanceRecorded {
                member: holder.id.clone(),
                mark: AttendanceMark::Apologies,
                item: None,
                at: self.now,
            });
        }
        events.push(Event::SubstituteAppointed { seat, substitute });
        Ok(events)
    }

    /// The clerk records a member's or substitute's attendance. Late arrivals and early departures are
    /// noted against the current item. While a veto vote is open only a departure may be recorded: it
    /// is a fact the record must hold, and it changes neither the electorate nor who was present when
    /// the vote opened (`presence.rs`). A seat's holder cannot be recorded present once a substitute
    /// sits in the seat (one voter per seat).
    pub(super) fn record_attendance(
        &self,
        member: MemberId,
        mark: AttendanceMark,
    ) -> Result<Vec<Event>, CommandError> {
        if mark != AttendanceMark::LeftEarly {
            self.require_roster_unfrozen()?;
        }
        let roster = &self.meeting.roster;
        let name = roster
            .name_of(&member)
            .ok_or_else(|| CommandError::UnknownMember {
                member: member.clone(),
            })?;
        if matches!(mark, AttendanceMark::Present | AttendanceMark::ArrivedLate) {
            self.require_seat_not_substituted(&member, name)?;
        }
        let started = !matches!(self.meeting.phase, Phase::Scheduled | Phase::Unscheduled);
        let item = self.meeting.agenda.current.clone();
        self.meeting
            .attendance(&member)
            .after(mark, item.as_ref(), started)
            .map_err(|reason| CommandError::AttendanceNotPossible {
                name: name.to_owned(),
                reason: reason.to_owned(),
            })?;
        let item = matches!(
            mark,
            AttendanceMark::ArrivedLate | AttendanceMark::LeftEarly
        )
        .then_some(item)
        .flatten();
        Ok(vec![Event::AttendanceRecorded {
            member,
            mark,
            item,
            at: self.now,
        }])
    }

    /// A member declares an interest in an item (S4:98); the clerk may record it for any member, a
    /// member only for themselves.
    pub(super) fn declare_interest(
        &self,
        member: MemberId,
        item: ItemCode,
        interest: String,
    ) -> Result<Vec<Event>, CommandError> {
        if self.role != Role::Clerk && self.acting_member() != Some(&member) {
            return Err(CommandError::NotAllowed {
                who: "the clerk".to_owned(),
                action: "record a declaration for another member".to_owned(),
            });
        }
        if !self.meeting.roster.is_on_roster(&member) {
            return Err(CommandError::UnknownMember { member });
        }
        if self.meeting.agenda.item(&item).is_none() {
            return Err(CommandError::UnknownItem { item });
        }
        let interest = text(&interest, "nature of the interest")?;
        Ok(vec![Event::InterestDeclared {
            member,
            item,
            interest,
            at: self.now,
        }])
    }
}
