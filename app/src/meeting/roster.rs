//! Membership: the Panel's seats, who holds them, the chair and vice-chair, and substitutes.
//!
//! The Panel has 20 seats: 14 council seats (one for each of the 12 district, borough and city
//! councils, Medway Council and Kent County Council), 4 co-opted seats and 2 Independent Members
//! (seeds-brief §4.3, S4:13-34; PRSRA 2011 Sch 6). A seat may be vacant ("VACANCY", S0:17).
//!
//! A substitute fills one named seat for one meeting: "Cllr R Hogarth (Substitute for Cllr P
//! Fleming)" (S2:79). The Act does not know substitutes (statute §5); where a Panel's rules allow them,
//! a substitute votes in place of the seat's holder, one vote per seat, and never changes how many
//! members the Panel has (statute §6.4).

use super::ids::{MemberId, SeatId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the seat is filled under Sch 6 (seeds-brief §4.1).
#[derive(Clone, Copy, Debug, PartialEq, Hash, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeatKind {
    /// A councillor appointed by a council in the police area.
    Council,
    /// A co-opted member ("Co-opted member – Labour Group", S4:31).
    CoOpted,
    /// An Independent Member, co-opted from outside the councils (S4:33-34).
    Independent,
}

impl SeatKind {
    pub fn label(self) -> &'static str {
        match self {
            SeatKind::Council => "Council",
            SeatKind::CoOpted => "Co-opted",
            SeatKind::Independent => "Independent",
        }
    }
}

/// A person, with the name as the agenda prints it ("Councillor Peter Fleming").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: MemberId,
    pub name: String,
}

impl Person {
    pub fn new(id: &str, name: &str) -> Self {
        Self {
            id: MemberId::new(id),
            name: name.to_owned(),
        }
    }
}

/// One seat on the Panel and its holder, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub id: SeatId,
    /// What the agenda prints beside the holder: "Sevenoaks District Council", "Independent Member".
    pub name: String,
    pub kind: SeatKind,
    /// `None` is a vacancy.
    pub holder: Option<Person>,
}

/// The Panel as constituted for this meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub seats: Vec<Seat>,
    /// The Chairman, elected annually (S2:500). Mr Mike Hill in every seeded year (S4:89).
    pub chair: Option<MemberId>,
    /// The Vice-Chairman. Mr Gurvinder Sandher in every seeded year (S4:89).
    pub vice_chair: Option<MemberId>,
    /// Substitutes for this meeting, by the seat they fill.
    pub substitutes: BTreeMap<SeatId, Person>,
}

impl Roster {
    pub fn seat(&self, id: &SeatId) -> Option<&Seat> {
        self.seats.iter().find(|seat| &seat.id == id)
    }

    pub fn seat_mut(&mut self, id: &SeatId) -> Option<&mut Seat> {
        self.seats.iter_mut().find(|seat| &seat.id == id)
    }

    /// The seat this person holds, if they are a member of the Panel.
    pub fn seat_held_by(&self, member: &MemberId) -> Option<&Seat> {
        self.seats
            .iter()
            .find(|seat| seat.holder.as_ref().is_some_and(|p| &p.id == member))
    }

    /// The seat this person fills as a substitute at this meeting.
    pub fn seat_substituted_by(&self, member: &MemberId) -> Option<&SeatId> {
        self.substitutes
            .iter()
            .find(|(_, person)| &person.id == member)
            .map(|(seat, _)| seat)
    }

    /// Whether this person can sign in to this meeting as a member or substitute.
    pub fn is_on_roster(&self, member: &MemberId) -> bool {
        self.seat_held_by(member).is_some() || self.seat_substituted_by(member).is_some()
    }

    /// The display name of a holder or substitute.
    pub fn name_of(&self, member: &MemberId) -> Option<&str> {
        self.people()
            .into_iter()
            .find(|p| &p.id == member)
            .map(|p| p.name.as_str())
    }

    /// Every holder, then every substitute.
    pub fn people(&self) -> Vec<&Person> {
        let holders = self.seats.iter().filter_map(|seat| seat.holder.as_ref());
        holders.chain(self.substitutes.values()).collect()
    }

    /// The persons who are members of the Panel now: filled seats. A vacancy is not a "person who is
    /// a member" (PRSRA 2011 Sch 5 para 4(4); statute §6.2), and a substitute adds no member.
    pub fn members_of_panel(&self) -> u32 {
        self.seats
            .iter()
            .filter(|seat| seat.holder.is_some())
            .count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Roster {
        let seat = |id: &str, holder: Option<Person>| Seat {
            id: SeatId::new(id),
            name: id.to_owned(),
            kind: SeatKind::Council,
            holder,
        };
        let mut roster = Roster {
            seats: vec![
                seat("a", Some(Person::new("ann", "Ann"))),
                seat("b", None),
                seat("c", Some(Person::new("cy", "Cy"))),
            ],
            ..Roster::default()
        };
        roster
            .substitutes
            .insert(SeatId::new("c"), Person::new("sub", "Sub"));
        roster
    }

    /// A veto's electorate, what the threshold is taken of, is `Meeting::electorate_for` (the vote keeps it
    /// from its opening); the views show the Panel's size from `members_of_panel`. On a roster with a vacancy
    /// and a substitute both are the filled seats, one elector each: the vacancy is no member and the
    /// substitute adds none. For a veto the holder votes (substitutes do not vote on vetoes unless the summons
    /// says so), for a resolution the substitute does.
    #[test]
    fn vacancies_and_substitutes_do_not_count_as_members_of_the_panel() {
        use super::super::{Meeting, VoteKind};
        let meeting = Meeting {
            roster: roster(),
            ..Meeting::default()
        };
        assert_eq!(meeting.roster().members_of_panel(), 2);
        for (kind, voter_for_c) in [
            (VoteKind::ChiefConstableVeto, "cy"),
            (VoteKind::PreceptVeto, "cy"),
            (VoteKind::GeneralResolution, "sub"),
        ] {
            let electorate = meeting.electorate_for(kind);
            let electors: Vec<(&str, &str)> = electorate
                .iter()
                .map(|e| (e.seat.as_str(), e.voter.as_str()))
                .collect();
            assert_eq!(electors, [("a", "ann"), ("c", voter_for_c)], "{kind:?}");
        }
    }

    #[test]
    fn a_substitute_is_on_the_roster_and_linked_to_the_seat_they_fill() {
        let roster = roster();
        let sub = MemberId::new("sub");
        assert!(roster.is_on_roster(&sub));
        assert_eq!(roster.seat_substituted_by(&sub), Some(&SeatId::new("c")));
        assert_eq!(roster.name_of(&sub), Some("Sub"));
        assert!(!roster.is_on_roster(&MemberId::new("nobody")));
    }
}
