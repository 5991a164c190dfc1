//! Opening, casting, closing and counting votes (see `vote.rs` and `veto.rs` for the rules).

use super::{text, Ctx};
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::hearing::HearingStage;
use crate::meeting::ids::{BallotId, ItemCode, Receipt, VoteId};
use crate::meeting::kind::MeetingKind;
use crate::meeting::vote::{declare, Choice, ResultProblem, Tally, Vote, VoteKind};

/// The fixed precept veto motion (statute §6.6).
pub const PRECEPT_VETO_MOTION: &str = "That the Panel vetoes the Commissioner's proposed precept";

impl From<ResultProblem> for CommandError {
    fn from(problem: ResultProblem) -> Self {
        match problem {
            ResultProblem::CastingVoteRequired => CommandError::CastingVoteRequired,
            ResultProblem::NoCastingVoteOnVeto => CommandError::NoCastingVoteOnVeto,
            ResultProblem::NotTied => CommandError::NotTied,
            ResultProblem::CastingVoteMustChoose => CommandError::CastingVoteMustChoose,
        }
    }
}

impl Ctx<'_> {
    fn vote(&self, id: VoteId) -> Result<&Vote, CommandError> {
        self.meeting
            .votes
            .iter()
            .find(|v| v.id == id)
            .ok_or(CommandError::UnknownVote { vote: id })
    }

    /// The chair opens a vote. One vote is open at a time. A veto's motion is fixed; a Chief Constable
    /// veto or the hearing's recommendation needs the hearing at its vote stage with no outcome yet;
    /// there is one veto vote per hearing and one precept veto vote per meeting.
    pub(super) fn open_vote(
        &self,
        kind: VoteKind,
        motion: Option<String>,
        item: Option<ItemCode>,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        self.require_no_open_vote()?;
        if kind.is_veto() && self.meeting.kind() == MeetingKind::SubCommittee {
            return Err(super::not_at_this_kind(
                MeetingKind::SubCommittee,
                "open a veto vote",
                crate::meeting::kind::NOT_DELEGABLE,
            ));
        }
        if kind.is_veto() && motion.is_some() {
            return Err(CommandError::VetoMotionFixed);
        }
        if let Some(code) = &item {
            if self.meeting.agenda.item(code).is_none() {
                return Err(CommandError::UnknownItem { item: code.clone() });
            }
        }
        let hearing = self.meeting.hearing.as_ref();
        let hearing_voting =
            hearing.filter(|h| h.stage == HearingStage::Vote && h.outcome.is_none());
        if let Some(code) = &item {
            self.require_not_set_aside(code)?;
        }
        let (motion, for_hearing) = match kind {
            VoteKind::ChiefConstableVeto => {
                let h = hearing.ok_or(CommandError::NoHearing)?;
                // A voided veto vote clears `veto_vote` (apply), so only a vote not voided counts.
                if h.veto_vote.is_some() {
                    return Err(CommandError::VetoAlreadyDecided);
                }
                if h.outcome.is_some() {
                    return Err(CommandError::OutcomeAlreadyDecided);
                }
                if h.stage != HearingStage::Vote {
                    return Err(CommandError::NotAtVoteStage {
                        stage: h.stage.label().to_lowercase(),
                    });
                }
                (h.veto_motion(), false)
            }
            VoteKind::PreceptVeto => {
                if self
                    .meeting
                    .votes
                    .iter()
                    .any(|v| v.kind == VoteKind::PreceptVeto && !v.is_voided())
                {
                    return Err(CommandError::VetoAlreadyDecided);
                }
                (PRECEPT_VETO_MOTION.to_owned(), false)
            }
            VoteKind::Recommendation if motion.is_none() && hearing_voting.is_some() => (
                hearing_voting
                    .map(|h| h.recommendation_motion())
                    .unwrap_or_default(),
                true,
            ),
            VoteKind::Recommendation | VoteKind::GeneralResolution => {
                let raw = motion.ok_or(CommandError::MotionRequired)?;
                let motion = text(&raw, "motion")?;
                (
                    motion,
                    kind == VoteKind::Recommendation && hearing_voting.is_some(),
                )
            }
        };
        let item = item.or_else(|| self.meeting.agenda.current.clone());
        let vote = VoteId(self.meeting.votes.len() as u32 + 1);
        Ok(vec![self.vote_opened(
            vote,
            kind,
            motion,
            item,
            for_hearing,
        )])
    }

    /// The `VoteOpened` event: the electorate and who is present, both fixed as the vote opens.
    pub(super) fn vote_opened(
        &self,
        vote: VoteId,
        kind: VoteKind,
        motion: String,
        item: Option<ItemCode>,
        for_hearing: bool,
    ) -> Event {
        Event::VoteOpened {
            vote,
            kind,
            motion,
            item,
            electorate: self.meeting.electorate_for(kind),
            at: self.now,
            for_hearing,
            present: Some(self.meeting.present_now()),
        }
    }

    /// A member votes from their own device. Retrying with the same `ballot_id` changes nothing and
    /// returns no events; a new id replaces the seat's ballot until the chair closes the vote.
    pub(super) fn cast_ballot(
        &self,
        id: VoteId,
        choice: Choice,
        ballot_id: BallotId,
    ) -> Result<Vec<Event>, CommandError> {
        let vote = self.vote(id)?;
        let member = self.acting_member().ok_or(CommandError::NotEligible)?;
        let elector = vote.elector(member);
        if let Some(seat) = vote.ballot_ids.get(&ballot_id) {
            return match elector {
                Some(e) if &e.seat == seat => Ok(vec![]),
                _ => Err(CommandError::BallotIdReused),
            };
        }
        if !vote.is_open() {
            return Err(CommandError::VotingClosed);
        }
        let Some(elector) = elector else {
            let substitute_of_elector = self
                .meeting
                .roster
                .seat_substituted_by(member)
                .is_some_and(|seat| vote.electorate.iter().any(|e| &e.seat == seat));
            return Err(if vote.kind.is_veto() && substitute_of_elector {
                CommandError::SubstituteCannotVoteOnVeto
            } else {
                CommandError::NotEligible
            });
        };
        // The two invariants (`presence.rs`): the seat's one voter, present now and when it opened.
        self.meeting.ballot_right(vote, member)?;
        if ballot_id.as_str().trim().is_empty() {
            return Err(CommandError::TextRequired {
                what: "ballot id".to_owned(),
            });
        }
        let meeting_id = self.meeting.id().map(|m| m.as_str()).unwrap_or_default();
        let receipt = Receipt(format!("{meeting_id}/{id}/B{}", vote.ballots_recorded + 1));
        Ok(vec![Event::BallotCast {
            vote: id,
            seat: elector.seat.clone(),
            voter: member.clone(),
            choice,
            ballot_id,
            receipt,
            at: self.now,
        }])
    }

    /// The chair closes a vote; the result and its arithmetic are fixed in the event. Reaching the
    /// veto threshold does not close a vote by itself.
    pub(super) fn close_vote(
        &self,
        id: VoteId,
        casting: Option<Choice>,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_may_close(id)?;
        let vote = self.vote(id)?;
        if !vote.is_open() {
            return Err(CommandError::VotingClosed);
        }
        let result = self.declare(vote, vote.tally(), casting, false)?;
        Ok(vec![Event::VoteClosed {
            vote: id,
            result,
            at: self.now,
        }])
    }

    /// The clerk enters a show of hands instead of device voting; it closes the vote. The counts must
    /// fit the electors present, and the same rules decide the result.
    pub(super) fn record_show_of_hands(
        &self,
        id: VoteId,
        counts: [u32; 3],
        casting: Option<Choice>,
    ) -> Result<Vec<Event>, CommandError> {
        let vote = self.vote(id)?;
        if !vote.is_open() {
            return Err(CommandError::VotingClosed);
        }
        if !vote.ballots.is_empty() {
            return Err(CommandError::DeviceBallotsAlreadyCast);
        }
        let [for_, against, abstain] = counts;
        let counted = u64::from(for_) + u64::from(against) + u64::from(abstain);
        let entitled = self.meeting.entitled_now(vote).len() as u32;
        if counted > u64::from(entitled) {
            return Err(CommandError::TooManyHands {
                counted: counted.min(u64::from(u32::MAX)) as u32,
                entitled,
            });
        }
        let not_voting = vote.electorate_size() - counted as u32;
        let tally = Tally {
            for_,
            against,
            abstain,
            not_voting,
        };
        let result = self.declare(vote, tally, casting, true)?;
        Ok(vec![Event::VoteClosed {
            vote: id,
            result,
            at: self.now,
        }])
    }

    /// The result of `vote` with `tally`. A vote electing a chair for the meeting has no chair to give
    /// a casting vote, so equal votes elect nobody (`election.rs`).
    fn declare(
        &self,
        vote: &Vote,
        tally: Tally,
        casting: Option<Choice>,
        by_show_of_hands: bool,
    ) -> Result<crate::meeting::VoteResult, CommandError> {
        let electing = self
            .meeting
            .election
            .as_ref()
            .is_some_and(|e| e.proposal(vote.id).is_some());
        if electing && casting.is_none() && tally.for_ == tally.against {
            return Ok(crate::meeting::VoteResult {
                tally,
                electorate: vote.electorate_size(),
                outcome: crate::meeting::Outcome::Lost,
                arithmetic: format!(
                    "{} for, {} against, {} abstained: equal votes, and with no chair to give a casting vote nobody is elected",
                    tally.for_, tally.against, tally.abstain
                ),
                by_show_of_hands,
                casting_vote: None,
            });
        }
        Ok(declare(
            vote.kind,
            tally,
            vote.electorate_size(),
            casting,
            by_show_of_hands,
        )?)
    }
}
