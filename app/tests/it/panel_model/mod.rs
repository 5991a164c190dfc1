//! The reference model of `meeting_props_vetoes.rs`, written from the rules in prose and not from the core:
//! who the electorate of a vote is, who may cast a ballot, which closes are allowed, and each closed vote's
//! tally and outcome (the veto's by exact fractions, `common::fractions`).

pub mod plans;

use crate::common::fractions::reference_vetoed;
use app::meeting::*;
use std::collections::{BTreeMap, BTreeSet};

/// The test's own picture of the Panel: seats in roster order, each with its holder and substitute.
#[derive(Clone, Debug, Default)]
pub struct Model {
    pub substitutes_vote_on_vetoes: bool,
    pub seats: Vec<(SeatId, Option<Person>, Option<Person>)>,
    pub present: BTreeSet<MemberId>,
}

impl Model {
    /// One elector per filled seat: the substitute if there is one and may vote on this kind, else the holder.
    pub fn electorate(&self, kind: VoteKind) -> BTreeMap<SeatId, Person> {
        let substitutes_vote = !kind.is_veto() || self.substitutes_vote_on_vetoes;
        self.seats
            .iter()
            .filter_map(|(seat, holder, substitute)| {
                let holder = holder.clone()?;
                let voter = match substitute {
                    Some(sub) if substitutes_vote => sub.clone(),
                    _ => holder,
                };
                Some((seat.clone(), voter))
            })
            .collect()
    }

    /// Who sits in the seat now: its substitute, else its holder.
    pub fn occupant(&self, seat: &SeatId) -> Option<&MemberId> {
        let (_, holder, substitute) = self.seats.iter().find(|(s, _, _)| s == seat)?;
        substitute.as_ref().or(holder.as_ref()).map(|p| &p.id)
    }
}

/// An open vote as the model sees it.
pub struct OpenVote {
    pub id: VoteId,
    pub kind: VoteKind,
    pub electorate: BTreeMap<SeatId, Person>,
    pub present_at_open: BTreeSet<MemberId>,
    /// The ballot that stands for each seat: who cast it and the choice.
    pub ballots: BTreeMap<SeatId, (MemberId, Choice)>,
}

impl OpenVote {
    /// The seat `who` may cast a ballot for now, if any.
    pub fn may_cast(&self, model: &Model, who: &MemberId) -> Option<SeatId> {
        let (seat, _) = self.electorate.iter().find(|(_, p)| &p.id == who)?;
        let sits = model.occupant(seat) == Some(who);
        (sits && model.present.contains(who) && self.present_at_open.contains(who))
            .then(|| seat.clone())
    }

    pub fn tally(&self) -> Tally {
        let count = |c: Choice| self.ballots.values().filter(|(_, x)| *x == c).count() as u32;
        let (for_, against, abstain) = (
            count(Choice::For),
            count(Choice::Against),
            count(Choice::Abstain),
        );
        Tally {
            for_,
            against,
            abstain,
            not_voting: self.electorate.len() as u32 - for_ - against - abstain,
        }
    }

    /// The casting vote the close must carry, if the reference accepts `casting` at all.
    pub fn close_accepted(&self, casting: Option<Choice>) -> bool {
        let tally = self.tally();
        match (self.kind.is_veto(), tally.for_ == tally.against, casting) {
            (true, _, casting) => casting.is_none(),
            (false, true, Some(choice)) => choice != Choice::Abstain,
            (false, tied, casting) => !tied && casting.is_none(),
        }
    }

    /// The outcome, from the tally and the members of the Panel when the vote opened.
    pub fn outcome(&self, casting: Option<Choice>) -> Outcome {
        let tally = self.tally();
        if self.kind.is_veto() {
            return if reference_vetoed(tally.for_, self.electorate.len() as u32) {
                Outcome::Vetoed
            } else {
                Outcome::NotVetoed
            };
        }
        match (tally.for_.cmp(&tally.against), casting) {
            (std::cmp::Ordering::Greater, _) => Outcome::Carried,
            (std::cmp::Ordering::Less, _) => Outcome::Lost,
            (_, Some(Choice::For)) => Outcome::CarriedOnCastingVote,
            _ => Outcome::LostOnCastingVote,
        }
    }
}
