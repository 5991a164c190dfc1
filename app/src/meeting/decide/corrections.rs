//! Ways back from a mistake: correcting an attendance mark, and voiding an open vote.
//!
//! A correction never rewrites history: it is its own event (`AttendanceCorrected`, with what the
//! record said, what it says now, and the clerk's optional reason), so the log still verifies and the
//! minutes can show the corrected state. A correction is refused while a vote is open if it would
//! change who may vote in it (an elector recorded present or not); the vote's record of who was
//! present when it opened is never changed by a later correction. A departure during an open vote is
//! not a correction: it is recorded (`RecordAttendance`, see `presence.rs`).
//!
//! The chair may void an open vote with a reason (for example, attendance was not taken): the void
//! is audited and shown on every screen; the vote decides nothing, and a new vote may be opened (the
//! one-veto-per-hearing rule counts only a vote not voided). A closed vote stands.
//!
//! A **substitute recorded by mistake** ("Apologies and Substitutes", standing item 2) is withdrawn
//! with an optional reason (`SubstituteWithdrawn`): the seat is its holder's again, so the holder can
//! then be recorded present (or another substitute appointed). The holder keeps whatever attendance
//! was recorded (the appointment marks them as having sent apologies; correct that separately if it
//! was wrong too). It is refused while a veto vote is open (the roster is frozen, statute §6.3),
//! while any open vote counts the substitute as an elector, and once the substitute was present at
//! the opening of a vote that was not voided or cast a ballot in one: that vote stands and its record
//! names the substitute, so the clerk records their departure instead. The seeds are silent; this is
//! what a clerk would expect: a slip of the pen is undone, a vote already taken is not.

use super::{text, Ctx};
use crate::meeting::attendance::Attendance;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::ids::{MemberId, SeatId, VoteId};
use crate::meeting::phase::Phase;

impl Ctx<'_> {
    /// The clerk corrects a member's or substitute's attendance to `to`.
    pub(super) fn correct_attendance(
        &self,
        member: MemberId,
        to: Attendance,
        reason: Option<String>,
    ) -> Result<Vec<Event>, CommandError> {
        let meeting = self.meeting;
        let name = meeting
            .roster
            .name_of(&member)
            .ok_or_else(|| CommandError::UnknownMember {
                member: member.clone(),
            })?
            .to_owned();
        let from = meeting.attendance(&member);
        if from == to {
            return Err(CommandError::NothingToCorrect {
                name,
                state: from.label().to_lowercase(),
            });
        }
        for item in to.items() {
            if meeting.agenda.item(item).is_none() {
                return Err(CommandError::UnknownItem { item: item.clone() });
            }
        }
        let started = !matches!(meeting.phase, Phase::Scheduled | Phase::Unscheduled);
        if !started && (to.items().next().is_some() || matches!(to, Attendance::Left { .. })) {
            return Err(CommandError::AttendanceNotPossible {
                name,
                reason: "cannot have arrived late or left before the meeting has opened".to_owned(),
            });
        }
        if to.is_present() {
            self.require_seat_not_substituted(&member, &name)?;
        }
        if let Some(vote) = meeting.open_vote() {
            let votes_in_it = vote.elector(&member).is_some();
            if votes_in_it && from.is_present() != to.is_present() {
                return Err(CommandError::CorrectionChangesOpenVote {
                    name,
                    vote: vote.id,
                });
            }
        }
        let reason = reason
            .filter(|r| !r.trim().is_empty())
            .map(|r| text(&r, "reason for the correction"))
            .transpose()?;
        Ok(vec![Event::AttendanceCorrected {
            member,
            from,
            to,
            reason,
            at: self.now,
        }])
    }

    /// A substitute sits in `member`'s seat: the holder cannot be recorded present (one voter per
    /// seat, `presence.rs`).
    pub(super) fn require_seat_not_substituted(
        &self,
        member: &MemberId,
        name: &str,
    ) -> Result<(), CommandError> {
        let roster = &self.meeting.roster;
        let substitute = roster
            .seat_held_by(member)
            .and_then(|seat| roster.substitutes.get(&seat.id));
        match substitute {
            Some(sub) => Err(CommandError::HolderReplacedBySubstitute {
                name: name.to_owned(),
                substitute: sub.name.clone(),
            }),
            None => Ok(()),
        }
    }

    /// The clerk withdraws the substitute recorded for `seat` by mistake (see the module's doc).
    pub(super) fn withdraw_substitute(
        &self,
        seat: SeatId,
        reason: Option<String>,
    ) -> Result<Vec<Event>, CommandError> {
        let meeting = self.meeting;
        if meeting.roster_frozen() {
            return Err(CommandError::RosterFrozen);
        }
        if meeting.roster.seat(&seat).is_none() {
            return Err(CommandError::UnknownSeat { seat });
        }
        let substitute = meeting
            .roster
            .substitutes
            .get(&seat)
            .ok_or_else(|| CommandError::NoSubstitute { seat: seat.clone() })?;
        let name = substitute.name.clone();
        if let Some(vote) = meeting.open_vote() {
            if vote.elector(&substitute.id).is_some() {
                return Err(CommandError::CorrectionChangesOpenVote {
                    name,
                    vote: vote.id,
                });
            }
        }
        let took_part = meeting.votes.iter().filter(|v| !v.is_voided()).find(|v| {
            v.was_present_at_open(&substitute.id)
                || v.ballots.values().any(|b| b.voter == substitute.id)
        });
        if let Some(vote) = took_part {
            return Err(CommandError::SubstituteTookPart {
                name,
                vote: vote.id,
            });
        }
        let reason = reason
            .filter(|r| !r.trim().is_empty())
            .map(|r| text(&r, "reason for withdrawing the substitute"))
            .transpose()?;
        Ok(vec![Event::SubstituteWithdrawn {
            seat,
            substitute: substitute.id.clone(),
            reason,
            at: self.now,
        }])
    }

    /// The chair voids an open vote, giving the reason.
    pub(super) fn void_vote(&self, id: VoteId, reason: String) -> Result<Vec<Event>, CommandError> {
        let vote = self
            .meeting
            .votes
            .iter()
            .find(|v| v.id == id)
            .ok_or(CommandError::UnknownVote { vote: id })?;
        if vote.is_voided() {
            return Err(CommandError::AlreadyVoided { vote: id });
        }
        if !vote.is_open() {
            return Err(CommandError::ClosedVoteStands { vote: id });
        }
        let reason = text(&reason, "reason for voiding the vote")?;
        Ok(vec![Event::VoteVoided {
            vote: id,
            reason,
            at: self.now,
        }])
    }
}
