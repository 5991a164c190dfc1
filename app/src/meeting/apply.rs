//! `Meeting::apply`: folds one event into the state. Total: an event that refers to something
//! missing changes nothing but the counter, so a replayed log can never make the server fail.
//! `decide` only emits events that make sense here; this function does not re-check the rules.

use super::event::{AnswerPart, Event};
use super::hearing::{Hearing, HearingOutcome, HearingStage};
use super::phase::{Phase, PrivateSession};
use super::question::{Question, QuestionStatus, Supplementary};
use super::vote::{Ballot, Outcome, Vote, VoteKind, VoteStatus};
use super::{Meeting, MeetingInfo, QuestionId, VoteId};
use std::collections::BTreeMap;

impl Meeting {
    /// Applies an event produced by `decide` or replayed from the log, and counts it.
    pub fn apply(&mut self, event: &Event) {
        self.seq += 1;
        self.recording.note(event);
        match event {
            Event::MeetingScheduled(spec) => {
                self.info = Some(MeetingInfo {
                    id: spec.id.clone(),
                    title: spec.title.clone(),
                    starts_at: spec.starts_at,
                    venue: spec.venue.clone(),
                    commissioner: spec.commissioner.clone(),
                    question_deadline: spec.question_deadline,
                    substitutes_vote_on_vetoes: spec.substitutes_vote_on_vetoes,
                    contact: spec.contact.clone(),
                    webcast_url: spec.webcast_url.clone(),
                });
                self.phase = Phase::Scheduled;
                self.agenda.sections = spec.sections.clone();
                self.roster.seats = spec.seats.clone();
                self.roster.chair = spec.chair.clone();
                self.roster.vice_chair = spec.vice_chair.clone();
                self.hearing = spec.hearing.clone().map(Hearing::new);
            }
            Event::MeetingOpened { at } | Event::MeetingResumed { at } => {
                self.phase = Phase::Open { opened_at: *at }
            }
            Event::MeetingAdjourned { at, until, reason } => {
                self.phase = Phase::Adjourned {
                    at: *at,
                    until: *until,
                    reason: reason.clone(),
                }
            }
            Event::MeetingClosed { at } => {
                self.phase = Phase::Closed { at: *at };
                self.private = None;
            }
            Event::PublicExcluded {
                at,
                paragraph,
                item,
            } => {
                self.private = Some(PrivateSession {
                    paragraph: *paragraph,
                    item: item.clone(),
                    since: *at,
                })
            }
            Event::PublicReadmitted { .. } => self.private = None,
            Event::CurrentItemChanged { item, .. } => {
                if self.agenda.item(item).is_some() {
                    self.agenda.current = Some(item.clone());
                }
            }
            Event::SeatUpdated { seat, holder } => {
                if let Some(seat) = self.roster.seat_mut(seat) {
                    seat.holder = holder.clone();
                }
            }
            Event::SubstituteAppointed { seat, substitute } => {
                self.roster
                    .substitutes
                    .insert(seat.clone(), substitute.clone());
            }
            Event::AttendanceRecorded {
                member, mark, item, ..
            } => {
                let open = !matches!(self.phase, Phase::Scheduled | Phase::Unscheduled);
                let now = self.attendance(member);
                if let Ok(next) = now.after(*mark, item.as_ref(), open) {
                    self.attendance.insert(member.clone(), next);
                }
            }
            Event::InterestDeclared {
                member,
                item,
                interest,
                at,
            } => self.declarations.push(super::Declaration {
                member: member.clone(),
                item: item.clone(),
                interest: interest.clone(),
                at: *at,
            }),
            Event::QuestionSubmitted {
                question,
                asker,
                text,
                at,
            } => self.questions.push(Question {
                id: *question,
                asker: asker.clone(),
                text: text.clone(),
                submitted_at: *at,
                status: QuestionStatus::Submitted,
                rejection_reason: None,
                answer: None,
                answered_in_writing: false,
                supplementary: None,
            }),
            Event::QuestionAccepted { question } => {
                self.set_status(*question, QuestionStatus::Accepted)
            }
            Event::QuestionRejected { question, reason } => {
                self.set_status(*question, QuestionStatus::Rejected);
                if let Some(q) = self.question_mut(*question) {
                    q.rejection_reason = Some(reason.clone());
                }
            }
            Event::QuestionPut { question, .. } => {
                self.set_status(*question, QuestionStatus::BeingAnswered)
            }
            Event::WrittenAnswerPromised { question } => {
                self.set_status(*question, QuestionStatus::WrittenAnswerToFollow)
            }
            Event::AnswerRecorded {
                question,
                part,
                summary,
                ..
            } => {
                if let Some(q) = self.question_mut(*question) {
                    match part {
                        AnswerPart::Main => {
                            q.answered_in_writing =
                                q.status == QuestionStatus::WrittenAnswerToFollow;
                            q.answer = Some(summary.clone());
                            q.status = QuestionStatus::Answered;
                        }
                        AnswerPart::Supplementary => {
                            if let Some(supplementary) = q.supplementary.as_mut() {
                                supplementary.answer = Some(summary.clone());
                            }
                        }
                    }
                }
            }
            Event::SupplementaryAsked { question, text, .. } => {
                if let Some(q) = self.question_mut(*question) {
                    q.supplementary = Some(Supplementary {
                        text: text.clone(),
                        answer: None,
                    });
                }
            }
            Event::VoteOpened {
                vote,
                kind,
                motion,
                item,
                electorate,
                at,
                for_hearing,
            } => {
                if *kind == VoteKind::ChiefConstableVeto {
                    if let Some(hearing) = self.hearing.as_mut() {
                        hearing.veto_vote = Some(*vote);
                    }
                }
                self.votes.push(Vote {
                    id: *vote,
                    kind: *kind,
                    motion: motion.clone(),
                    item: item.clone(),
                    opened_at: *at,
                    in_private: self.private.is_some(),
                    for_hearing: *for_hearing,
                    electorate: electorate.clone(),
                    ballots: BTreeMap::new(),
                    ballot_ids: BTreeMap::new(),
                    ballots_recorded: 0,
                    status: VoteStatus::Open,
                    closed_at: None,
                    result: None,
                });
            }
            Event::BallotCast {
                vote,
                seat,
                voter,
                choice,
                ballot_id,
                receipt,
                at,
            } => {
                if let Some(v) = self.vote_mut(*vote) {
                    v.ballots_recorded += 1;
                    v.ballot_ids.insert(ballot_id.clone(), seat.clone());
                    let ballot = Ballot {
                        ballot_id: ballot_id.clone(),
                        voter: voter.clone(),
                        choice: *choice,
                        at: *at,
                        receipt: receipt.clone(),
                    };
                    v.ballots.insert(seat.clone(), ballot);
                }
            }
            Event::VoteClosed { vote, result, at } => {
                let Some(v) = self.vote_mut(*vote) else {
                    return;
                };
                v.status = VoteStatus::Closed;
                v.closed_at = Some(*at);
                v.result = Some(result.clone());
                let (kind, for_hearing, id) = (v.kind, v.for_hearing, v.id);
                self.settle_hearing(id, kind, for_hearing, result.outcome);
            }
            Event::HearingStageSet { stage, .. } => {
                if let Some(hearing) = self.hearing.as_mut() {
                    hearing.stage = *stage;
                }
            }
            Event::HearingReported {
                outcome,
                on,
                in_time,
            } => {
                if let Some(hearing) = self.hearing.as_mut() {
                    hearing.stage = HearingStage::Report;
                    hearing.outcome = Some(*outcome);
                    hearing.reported_on = Some(*on);
                    hearing.reported_in_time = Some(*in_time);
                }
            }
            Event::CommissionerResponded { accepts, .. } => {
                if let Some(hearing) = self.hearing.as_mut() {
                    hearing.commissioner_accepts = Some(*accepts);
                }
            }
            // The recording's events only change the recording (`Recording::note`, above).
            Event::RecordingSet { .. }
            | Event::RecordingStartSet { .. }
            | Event::ChapterNudged { .. } => {}
        }
    }

    /// A closed veto that vetoes, or the hearing's recommendation vote, settles the hearing's outcome.
    fn settle_hearing(
        &mut self,
        vote: VoteId,
        kind: VoteKind,
        for_hearing: bool,
        outcome: Outcome,
    ) {
        let Some(hearing) = self.hearing.as_mut() else {
            return;
        };
        if hearing.outcome.is_some() {
            return;
        }
        let settled = match (kind, for_hearing) {
            (VoteKind::ChiefConstableVeto, _) if outcome == Outcome::Vetoed => {
                Some(HearingOutcome::Veto)
            }
            (VoteKind::Recommendation, true) if outcome.passed() => {
                Some(HearingOutcome::RecommendAppoint)
            }
            (VoteKind::Recommendation, true) => Some(HearingOutcome::RecommendNotAppoint),
            _ => None,
        };
        if settled.is_some() {
            hearing.outcome = settled;
            hearing.decided_by = Some(vote);
        }
    }

    fn question_mut(&mut self, id: QuestionId) -> Option<&mut Question> {
        self.questions.iter_mut().find(|q| q.id == id)
    }

    fn set_status(&mut self, id: QuestionId, status: QuestionStatus) {
        if let Some(q) = self.question_mut(id) {
            q.status = status;
        }
    }

    fn vote_mut(&mut self, id: VoteId) -> Option<&mut Vote> {
        self.votes.iter_mut().find(|v| v.id == id)
    }
}
