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
        let entitled = self.meeting.entitled_now(vote);
        // The standing goes to the chair and clerk; everyone may see that a veto cannot pass, since
        // that follows from public attendance alone.
        let standing = (open && vote.kind.is_veto())
            .then(|| Standing::of(vote.tally().for_, self.meeting.could_be_for(vote), n))
            .filter(|s| self.officer() || matches!(s, Standing::CannotBeVetoed { .. }))
            .map(|s| s.text());
        let officer_open = open && self.officer();
        let yet_to_vote = if officer_open {
            entitled
                .iter()
                .filter(|e| !vote.ballots.contains_key(&e.seat))
                .map(|e| e.name.clone())
                .collect()
        } else {
            vec![]
        };
        let not_present = if officer_open {
            vote.electorate
                .iter()
                .filter(|e| !entitled.iter().any(|x| x.seat == e.seat))
                .filter(|e| !vote.ballots.contains_key(&e.seat))
                .map(|e| e.name.clone())
                .collect()
        } else {
            vec![]
        };
        let my_refusal = self
            .me
            .filter(|_| open)
            .filter(|me| vote.elector(me).is_some())
            .and_then(|me| self.meeting.ballot_right(vote, me).err())
            .map(|e| e.to_string());
        let named_ballots =
            if open || vote.is_voided() || vote.result.as_ref().is_some_and(|r| r.by_show_of_hands)
            {
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
                _ if open => open_turnout(vote, &entitled),
                _ => vote.turnout_text(),
            },
            standing,
            tally: if open || vote.is_voided() {
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
            void_reason: vote.voided.as_ref().map(|(reason, _)| reason.clone()),
            not_present,
            present_at_open: vote.present_at_open.len() as u32,
            my_refusal,
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

/// "12 of 18 present have voted; 2 members absent, who count against a veto": ballots against those
/// who may vote now (a ballot cast before leaving is counted too, see `presence.rs`).
fn open_turnout(vote: &Vote, entitled: &[&crate::meeting::Elector]) -> String {
    let voted = vote.ballots.len();
    let present = entitled
        .iter()
        .filter(|e| !vote.ballots.contains_key(&e.seat))
        .count()
        + voted;
    let mut text = format!("{voted} of {present} present have voted");
    let away = vote.electorate.len().saturating_sub(present);
    if vote.kind.is_veto() && away > 0 {
        let members = if away == 1 { "member" } else { "members" };
        let who = if away == 1 { "counts" } else { "count" };
        text.push_str(&format!(
            "; {away} {members} absent, who {who} against a veto"
        ));
    }
    text
}
