//! The election of a chair for the meeting (rules in `election.rs`): the clerk opens it when
//! neither the Chairman nor the Vice-Chairman can preside, puts each proposal to the vote, and closes
//! that vote; the elected chair may hand the chair back when the meeting agrees.

use super::Ctx;
use crate::meeting::election::chair_motion;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::ids::{MemberId, VoteId};
use crate::meeting::phase::Phase;
use crate::meeting::roles::Role;
use crate::meeting::vote::VoteKind;

impl Ctx<'_> {
    /// The clerk opens the election: refused while anyone can preside. Opens the meeting too if it
    /// has not opened (nobody else could open it).
    pub(super) fn open_election_of_chair(&self) -> Result<Vec<Event>, CommandError> {
        let meeting = self.meeting;
        if let Some(chair) = meeting.presiding() {
            return Err(CommandError::ChairPresent {
                name: self.name(chair),
            });
        }
        if meeting.election.as_ref().is_some_and(|e| e.in_progress()) {
            return Err(CommandError::ElectionAlreadyOpen);
        }
        let mut events = Vec::new();
        match meeting.phase {
            Phase::Scheduled => events.push(Event::MeetingOpened { at: self.now }),
            Phase::Open { .. } => self.require_no_open_vote()?,
            _ => self.require_open()?,
        }
        events.push(Event::ElectionOfChairOpened { at: self.now });
        Ok(events)
    }

    /// The clerk puts a proposal to the meeting: both the candidate and the proposer are present.
    /// Opens the vote on "That X take the chair for this meeting" (a resolution of those voting).
    pub(super) fn propose_chair(
        &self,
        candidate: MemberId,
        proposer: MemberId,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        let election = self
            .meeting
            .election
            .as_ref()
            .filter(|e| e.in_progress())
            .ok_or(CommandError::NoElectionOfChair)?;
        let _ = election;
        self.require_no_open_vote()?;
        for (member, role) in [(&candidate, "proposed"), (&proposer, "the proposer")] {
            if !self.meeting.roster.is_on_roster(member) {
                return Err(CommandError::UnknownMember {
                    member: member.clone(),
                });
            }
            if !self.meeting.attendance(member).is_present() {
                return Err(CommandError::ProposalNotPresent {
                    name: self.name(member),
                    role: role.to_owned(),
                });
            }
        }
        let vote = VoteId(self.meeting.votes.len() as u32 + 1);
        Ok(vec![
            Event::ChairProposed {
                vote,
                candidate: candidate.clone(),
                proposer,
                at: self.now,
            },
            self.vote_opened(
                vote,
                VoteKind::GeneralResolution,
                chair_motion(&self.name(&candidate)),
                self.meeting.agenda.current.clone(),
                false,
            ),
        ])
    }

    /// The clerk may close only the vote electing a chair for the meeting (`roles.rs`).
    pub(super) fn require_may_close(&self, vote: VoteId) -> Result<(), CommandError> {
        let is_election = self
            .meeting
            .election
            .as_ref()
            .is_some_and(|e| e.proposal(vote).is_some());
        if self.role == Role::Clerk && !is_election {
            return Err(CommandError::ClerkClosesOnlyElection);
        }
        Ok(())
    }

    /// The elected chair hands the chair back, the meeting agreeing (see `election.rs` for why the
    /// meeting's agreement is needed), to the Chairman or Vice-Chairman, who must be able to preside.
    pub(super) fn hand_back_chair(&self) -> Result<Vec<Event>, CommandError> {
        self.require_no_open_vote()?;
        let elected = self.meeting.election.as_ref().and_then(|e| e.chair());
        if elected.is_none() || elected != self.acting_member() {
            return Err(CommandError::NoElectedChair);
        }
        let to = self
            .meeting
            .holder_presiding()
            .ok_or(CommandError::NoChairmanToHandBackTo)?;
        Ok(vec![Event::ChairHandedBack {
            to: to.clone(),
            at: self.now,
        }])
    }

    /// A person's display name, or their id.
    pub(super) fn name(&self, member: &MemberId) -> String {
        self.meeting
            .roster
            .name_of(member)
            .unwrap_or(member.as_str())
            .to_owned()
    }
}
