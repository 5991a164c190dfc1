//! The vote part of a projection: turnout, threshold and standing for everyone; live counts and who
//! has yet to vote for the chair and clerk; named ballots only once the vote is closed; each member's
//! own ballots with their receipts.

use super::project::Sight;
use super::*;
use crate::meeting::veto::{threshold_text, Standing};
use crate::meeting::vote::Vote;

impl Sight<'_> {
    pub(super) fn vote(&self, vote: &Vote) -> VoteView {
        let open = vote.is_open();
        let n = vote.electorate_size();
        let present = |voter: &MemberId| self.meeting.attendance(voter).is_present();
        let able = vote.electorate.iter().filter(|e| present(&e.voter)).count() as u32;
        let standing =
            (open && vote.kind.is_veto()).then(|| Standing::of(vote.tally().for_, able, n).text());
        let yet_to_vote = if open && self.officer() {
            vote.electorate
                .iter()
                .filter(|e| !vote.ballots.contains_key(&e.seat))
                .map(|e| e.name.clone())
                .collect()
        } else {
            vec![]
        };
        let named_ballots = if open || vote.result.as_ref().is_some_and(|r| r.by_show_of_hands) {
            vec![]
        } else {
            let seat_name = |seat: &SeatId| {
                self.meeting
                    .roster()
                    .seat(seat)
                    .map(|s| s.name.clone())
                    .unwrap_or_default()
            };
            let named = |e: &crate::meeting::Elector| NamedBallotView {
                seat_name: seat_name(&e.seat),
                name: e.name.clone(),
                choice: vote.ballots.get(&e.seat).map(|b| b.choice),
            };
            vote.electorate.iter().map(named).collect()
        };
        VoteView {
            id: vote.id,
            kind: vote.kind,
            kind_label: vote.kind.label().to_owned(),
            motion: vote.motion.clone(),
            item: vote.item.clone(),
            status: vote.status,
            electorate: n,
            threshold: vote.kind.is_veto().then(|| threshold_text(n)),
            turnout: match &vote.result {
                Some(r) if r.by_show_of_hands => {
                    format!("{} of {} voted (show of hands)", r.tally.voted(), n)
                }
                _ => vote.turnout_text(),
            },
            standing,
            tally: if open {
                self.officer().then(|| vote.tally())
            } else {
                vote.result.as_ref().map(|r| r.tally)
            },
            yet_to_vote,
            named_ballots,
            result: vote.result.as_ref().map(|r| ResultView {
                outcome: r.outcome,
                outcome_label: r.outcome.label().to_owned(),
                arithmetic: r.arithmetic.clone(),
                tally: r.tally,
                by_show_of_hands: r.by_show_of_hands,
                casting_vote: r.casting_vote,
            }),
        }
    }

    pub(super) fn my_ballots(&self) -> Vec<MyBallotView> {
        let Some(me) = self.me else { return vec![] };
        let mine = |vote: &Vote| {
            vote.ballots
                .values()
                .filter(|b| &b.voter == me)
                .map(|b| MyBallotView {
                    vote: vote.id,
                    choice: b.choice,
                    ballot_id: b.ballot_id.clone(),
                    receipt: b.receipt.clone(),
                    at: b.at.london_hm(),
                })
                .collect::<Vec<_>>()
        };
        self.meeting.votes().iter().flat_map(mine).collect()
    }
}
