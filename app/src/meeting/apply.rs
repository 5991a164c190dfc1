//! `Meeting::apply`: folds one event into the state. Total: an event that refers to something
//! missing changes nothing but the counter, so a replayed log can never make the server fail.
//! `decide` only emits events that make sense here; this function does not re-check the rules.

use super::election::{ChairElection, ChairProposal};
use super::event::{AnswerPart, Event};
use super::hearing::{Hearing, HearingOutcome, HearingStage};
use super::on_the_day::DayNote;
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
        if let Some(at) = event.at() {
            self.last_at = self.last_at.max(Some(at));
        }
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
                    kind: spec.kind,
                    attendees: spec.attendees.clone(),
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
                let current = self.agenda.current.clone();
                self.record.adjourned(current.as_ref(), *until, reason);
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
                let excluded = item.as_ref().or(self.agenda.current.as_ref());
                self.record.excluded(excluded, *paragraph);
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
                    let private = self.private.as_ref().map(|p| p.paragraph);
                    self.record.took(item, private);
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
                present,
            } => {
                let present_at_open = present.clone().unwrap_or_else(|| self.present_now());
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
                    present_at_open,
                    voided: None,
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
                self.resolve_vote(id, *at);
                self.settle_election(id, result.outcome);
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
            Event::SubstituteWithdrawn {
                seat, substitute, ..
            } => {
                if self.roster.substitutes.get(seat).map(|s| &s.id) == Some(substitute) {
                    self.roster.substitutes.remove(seat);
                    self.attendance.remove(substitute);
                }
            }
            Event::AttendanceCorrected { member, to, .. } => {
                self.attendance.insert(member.clone(), to.clone());
            }
            Event::VoteVoided { vote, reason, at } => self.void(*vote, reason, *at),
            Event::ItemAdded {
                item,
                kind,
                reason,
                after,
                at,
            } => {
                if self.agenda.item(&item.code).is_none() {
                    self.agenda.insert_after(item.clone(), after.as_ref());
                    let note = DayNote::Added {
                        kind: *kind,
                        reason: reason.clone(),
                        at: *at,
                    };
                    self.on_the_day.insert(item.code.clone(), note);
                }
            }
            Event::ItemSetAside {
                item,
                aside,
                reason,
                at,
            } => {
                let note = DayNote::SetAside {
                    aside: *aside,
                    reason: reason.clone(),
                    at: *at,
                    before_meeting: matches!(self.phase, Phase::Scheduled),
                };
                self.on_the_day.insert(item.clone(), note);
            }
            Event::ElectionOfChairOpened { at } => self.election = Some(ChairElection::new(*at)),
            Event::ChairProposed {
                vote,
                candidate,
                proposer,
                ..
            } => {
                if let Some(election) = self.election.as_mut() {
                    election.proposals.push(ChairProposal {
                        vote: *vote,
                        candidate: candidate.clone(),
                        proposer: proposer.clone(),
                    });
                }
            }
            Event::ChairHandedBack { .. } => {
                if let Some(election) = self.election.as_mut() {
                    election.handed_back = true;
                }
            }
            Event::ResolutionRecorded { .. }
            | Event::ResolutionAmended { .. }
            | Event::MinuteParagraphAdded { .. }
            | Event::MinuteParagraphEdited { .. }
            | Event::MinuteParagraphRemoved { .. }
            | Event::ItemAttendanceSet { .. }
            | Event::ActionRecorded { .. }
            | Event::ActionDone { .. }
            | Event::MeetingAttendanceSet { .. }
            | Event::MinuteNumberingSet { .. }
            | Event::MinutesPublished { .. }
            | Event::CarriedActionUpdated { .. } => self.record.apply(event),
            Event::HearingReasonsRecorded { reasons, .. } => {
                if let Some(hearing) = self.hearing.as_mut() {
                    hearing.panel_reasons = Some(reasons.clone());
                }
            }
            // The recording's events only change the recording (`Recording::note`, above).
            Event::RecordingSet { .. }
            | Event::RecordingStartSet { .. }
            | Event::ChapterNudged { .. } => {}
            Event::SupplementPublished { .. }
            | Event::ItemPapersReplaced { .. }
            | Event::MeetingPostponed { .. }
            | Event::MeetingCancelled { .. } => self.change_agenda(event),
        }
    }

    /// The agenda after the summons (`agenda_changes.rs`): papers, postponement, cancellation.
    fn change_agenda(&mut self, event: &Event) {
        use super::agenda_changes::{PaperChange, Postponement};
        match event {
            Event::SupplementPublished { item, pages, at } => {
                let Some(entry) = self.agenda.item_mut(item) else {
                    return;
                };
                let note = entry.to_follow.take().unwrap_or_default();
                let change = PaperChange::Supplement {
                    pages: *pages,
                    note,
                    at: *at,
                };
                self.paper_changes
                    .entry(item.clone())
                    .or_default()
                    .push(change);
            }
            Event::ItemPapersReplaced {
                item,
                pages,
                reason,
                at,
            } => {
                let Some(entry) = self.agenda.item_mut(item) else {
                    return;
                };
                entry.pages = *pages;
                let change = PaperChange::Replaced {
                    pages: *pages,
                    reason: reason.clone(),
                    at: *at,
                };
                self.paper_changes
                    .entry(item.clone())
                    .or_default()
                    .push(change);
            }
            Event::MeetingPostponed {
                from,
                to,
                reason,
                at,
            } => {
                let Some(info) = self.info.as_mut() else {
                    return;
                };
                // The question deadline keeps its distance from the start (`agenda_changes.rs`).
                let shift = to.0 - info.starts_at.0;
                info.question_deadline = info
                    .question_deadline
                    .map(|d| super::Timestamp(d.0 + shift));
                info.starts_at = *to;
                self.postponements.push(Postponement {
                    from: *from,
                    to: *to,
                    reason: reason.clone(),
                    at: *at,
                });
            }
            Event::MeetingCancelled { reason, at } => {
                self.phase = Phase::Cancelled {
                    at: *at,
                    reason: reason.clone(),
                }
            }
            _ => {}
        }
    }

    /// A closed vote's result is recorded as its item's resolution.
    fn resolve_vote(&mut self, id: VoteId, at: crate::meeting::Timestamp) {
        let Some(vote) = self.votes.iter().find(|v| v.id == id) else {
            return;
        };
        let item = vote.item.clone().or_else(|| self.agenda.current.clone());
        let text = crate::meeting::resolution::of_vote(vote, self.hearing.as_ref());
        if let (Some(item), Some(text)) = (item, text) {
            let resolution = crate::meeting::resolution::Resolution {
                text,
                vote: Some(id),
                recorded_at: at,
                amendments: vec![],
            };
            self.record.resolve(&item, resolution);
        }
    }

    /// A voided vote decides nothing; a voided veto vote is not the hearing's veto vote.
    fn void(&mut self, vote: VoteId, reason: &str, at: crate::meeting::Timestamp) {
        let Some(v) = self.vote_mut(vote) else {
            return;
        };
        v.status = VoteStatus::Voided;
        v.voided = Some((reason.to_owned(), at));
        if let Some(hearing) = self.hearing.as_mut() {
            if hearing.veto_vote == Some(vote) {
                hearing.veto_vote = None;
            }
        }
    }

    /// A carried proposal elects the chair for the meeting.
    fn settle_election(&mut self, vote: VoteId, outcome: Outcome) {
        let Some(election) = self.election.as_mut() else {
            return;
        };
        if election.elected.is_some() || !outcome.passed() {
            return;
        }
        if let Some(candidate) = election.proposal(vote).map(|p| p.candidate.clone()) {
            election.elected = Some(candidate);
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
