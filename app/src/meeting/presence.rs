//! Votes tied to attendance: the two invariants every vote keeps, and what a departure does.
//!
//! 1. **A seat has at most one voter at any moment.** The seat's voter is its substitute for this
//!    meeting if it has one, otherwise its holder ([`Meeting::occupant`]). A substitute "in place of"
//!    the holder (S2:79) excludes the holder for the whole meeting: the clerk cannot record the holder
//!    present once a substitute sits (`decide/roster.rs`, `decide/corrections.rs`), and even on a log
//!    written before that rule, a holder whose seat has a substitute is refused a ballot.
//! 2. **Only a member present in the room may cast or change a ballot.** Remote attendance is not
//!    attendance at a formal meeting (*Hertfordshire CC v SSHCLG* [2021] EWHC 1093 (Admin), statute
//!    §6.9). A member must also have been recorded present **when the vote opened** (the vote's
//!    present-at-open record): the question was put to those in the room, so a member who arrives
//!    while it is open does not vote on it. The seeds are silent; it is the rule of most standing
//!    orders and what a clerk would expect, and it makes "cannot be vetoed" final.
//!
//! A **departure during an open vote** is recorded, not refused: the member has left, and the record
//! must say so. It never changes a veto's electorate, which is the persons who are members of the
//! Panel (PRSRA 2011 Sch 8; statute §6.1), so the threshold stays "14 of 20". The member who left can
//! no longer cast or change a ballot. **A ballot cast before leaving stands**: it was cast by a member
//! present and entitled when it was cast, exactly as a hand raised before a member walked out is
//! counted; striking it would let a departure (or a clerk's mark) change a vote already given, and
//! the members who stayed have seen the count move in the room. The seeds are silent; this is what a
//! clerk would expect.

use super::error::CommandError;
use super::ids::{MemberId, SeatId};
use super::vote::{Choice, Elector, Vote, VoteKind};
use super::Meeting;

impl Meeting {
    /// The electorate of a vote of `kind` opened now: one elector per filled seat, the substitute
    /// where the seat has one (unless this is a veto and the Panel does not let substitutes vote on
    /// vetoes), otherwise the holder.
    pub fn electorate_for(&self, kind: VoteKind) -> Vec<Elector> {
        let roster = self.roster();
        let subs_vote =
            !kind.is_veto() || self.info().is_some_and(|i| i.substitutes_vote_on_vetoes);
        let elector = |seat: &super::Seat| {
            let holder = seat.holder.as_ref()?;
            let (person, substitute) = match roster.substitutes.get(&seat.id) {
                Some(sub) if subs_vote => (sub, true),
                _ => (holder, false),
            };
            Some(Elector {
                seat: seat.id.clone(),
                voter: person.id.clone(),
                name: person.name.clone(),
                substitute,
            })
        };
        roster.seats.iter().filter_map(elector).collect()
    }

    /// How many electors of a vote of `kind` opened now could vote in it: the seat's one voter,
    /// present. What the console shows before the chair opens a vote.
    pub fn could_vote_now(&self, kind: VoteKind) -> u32 {
        self.electorate_for(kind)
            .iter()
            .filter(|e| self.occupant(&e.seat) == Some(&e.voter))
            .filter(|e| self.attendance(&e.voter).is_present())
            .count() as u32
    }

    /// Who votes for a seat now: its substitute at this meeting, else its holder; `None` if vacant.
    pub fn occupant(&self, seat: &SeatId) -> Option<&MemberId> {
        let roster = self.roster();
        match roster.substitutes.get(seat) {
            Some(sub) => Some(&sub.id),
            None => roster.seat(seat)?.holder.as_ref().map(|p| &p.id),
        }
    }

    /// Everyone on the roster recorded as present now: the present-at-open record of a new vote.
    pub fn present_now(&self) -> Vec<MemberId> {
        self.roster()
            .people()
            .into_iter()
            .filter(|p| self.attendance(&p.id).is_present())
            .map(|p| p.id.clone())
            .collect()
    }

    /// The elector `member` casts for in `vote` if they may cast or change a ballot now, or why not:
    /// in the electorate, sitting in the seat, present now and present when the vote opened.
    pub fn ballot_right<'v>(
        &self,
        vote: &'v Vote,
        member: &MemberId,
    ) -> Result<&'v Elector, CommandError> {
        let elector = vote.elector(member).ok_or(CommandError::NotEligible)?;
        if self.occupant(&elector.seat) != Some(member) {
            let substitute = self
                .occupant(&elector.seat)
                .and_then(|m| self.roster().name_of(m))
                .unwrap_or("a substitute");
            return Err(CommandError::SeatFilledBySubstitute {
                substitute: substitute.to_owned(),
            });
        }
        if !self.attendance(member).is_present() {
            return Err(CommandError::NotPresent);
        }
        if !vote.was_present_at_open(member) {
            return Err(CommandError::NotPresentWhenOpened);
        }
        Ok(elector)
    }

    /// The electors who may cast or change a ballot in `vote` now.
    pub fn entitled_now<'v>(&self, vote: &'v Vote) -> Vec<&'v Elector> {
        vote.electorate
            .iter()
            .filter(|e| self.ballot_right(vote, &e.voter).is_ok())
            .collect()
    }

    /// How many ballots for the veto `vote` could still hold: those already for it (a ballot cast
    /// before leaving stands) and those who may still cast or change one. Never rises while the vote
    /// is open, so "cannot be vetoed" is final.
    pub fn could_be_for(&self, vote: &Vote) -> u32 {
        vote.electorate
            .iter()
            .filter(|e| {
                let for_already = vote
                    .ballots
                    .get(&e.seat)
                    .is_some_and(|b| b.choice == Choice::For);
                for_already || self.ballot_right(vote, &e.voter).is_ok()
            })
            .count() as u32
    }
}
