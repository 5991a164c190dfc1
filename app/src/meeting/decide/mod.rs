//! `Meeting::decide`: checks who is acting, then the rules of one command group, and returns the
//! events to apply. Pure: `now` comes from the shell, ids from counters in the state.
//!
//! Order of checks: the size of every field first (`limits`: an over-long field is refused whoever sends
//! it, before any other work), then the role table (so the public and the wrong role are always refused the
//! same way, whatever the state), then whether a meeting exists, then whether the meeting has closed,
//! then the command's own rules.

mod agenda;
mod hearing;
mod questions;
mod roster;
mod session;
mod votes;

use super::command::{Command, CommandKind};
use super::error::CommandError;
use super::event::Event;
use super::question::{parse_text, TextProblem, MAX_TEXT_CHARS};
use super::roles::{allowed_roles, is_allowed, Actor, Role};
use super::time::Timestamp;
use super::Meeting;

/// Commands that still make sense after the meeting closes: a written answer follows the meeting
/// (S4:194), the hearing's report is due within three weeks (Sch 8 para 4(6)), and the Commissioner
/// responds to it (para 7(3)).
const AFTER_CLOSE: [CommandKind; 3] = [
    CommandKind::RecordAnswer,
    CommandKind::ReportHearing,
    CommandKind::RecordCommissionerResponse,
];

impl Meeting {
    /// Checks `command` from `actor` against the rules at time `now`. Returns the events it causes
    /// (possibly none, for an idempotent retry) or why it is refused.
    pub fn decide(
        &self,
        actor: &Actor,
        command: Command,
        now: Timestamp,
    ) -> Result<Vec<Event>, CommandError> {
        super::limits::check(&command)?;
        let kind = command.kind();
        let role = self.role_of(actor);
        if !is_allowed(role, kind) {
            return Err(refusal(actor, role, kind));
        }
        if kind != CommandKind::ScheduleMeeting && self.info.is_none() {
            return Err(CommandError::NotScheduled);
        }
        if matches!(self.phase, super::Phase::Closed { .. }) && !AFTER_CLOSE.contains(&kind) {
            return Err(CommandError::MeetingClosed);
        }
        let ctx = Ctx {
            meeting: self,
            actor,
            role,
            now,
        };
        match command {
            Command::ScheduleMeeting(spec) => ctx.schedule(*spec),
            Command::OpenMeeting => ctx.open(),
            Command::AdjournMeeting { until, reason } => ctx.adjourn(until, reason),
            Command::ResumeMeeting => ctx.resume(),
            Command::CloseMeeting => ctx.close(),
            Command::ExcludePublic { paragraph, item } => ctx.exclude_public(paragraph, item),
            Command::ReturnToPublic => ctx.return_to_public(),
            Command::AdvanceAgenda => ctx.advance(),
            Command::GoBackAgenda => ctx.go_back(),
            Command::GoToItem { item } => ctx.go_to(item),
            Command::UpdateSeat { seat, holder } => ctx.update_seat(seat, holder),
            Command::AppointSubstitute { seat, substitute } => {
                ctx.appoint_substitute(seat, substitute)
            }
            Command::RecordAttendance { member, mark } => ctx.record_attendance(member, mark),
            Command::DeclareInterest {
                member,
                item,
                interest,
            } => ctx.declare_interest(member, item, interest),
            Command::SubmitQuestion { text } => ctx.submit_question(text),
            Command::AcceptQuestion { question } => ctx.accept_question(question),
            Command::RejectQuestion { question, reason } => ctx.reject_question(question, reason),
            Command::PutQuestion { question } => ctx.put_question(question),
            Command::RecordAnswer { question, summary } => ctx.record_answer(question, summary),
            Command::AskSupplementary { question, text } => ctx.ask_supplementary(question, text),
            Command::PromiseWrittenAnswer { question } => ctx.promise_written_answer(question),
            Command::OpenVote { kind, motion, item } => ctx.open_vote(kind, motion, item),
            Command::CastBallot {
                vote,
                choice,
                ballot_id,
            } => ctx.cast_ballot(vote, choice, ballot_id),
            Command::CloseVote { vote, casting_vote } => ctx.close_vote(vote, casting_vote),
            Command::RecordShowOfHands {
                vote,
                for_,
                against,
                abstain,
                casting_vote,
            } => ctx.record_show_of_hands(vote, [for_, against, abstain], casting_vote),
            Command::SetHearingStage { stage } => ctx.set_hearing_stage(stage),
            Command::ReportHearing => ctx.report_hearing(),
            Command::RecordCommissionerResponse { accepts } => ctx.record_response(accepts),
        }
    }
}

/// The refusal for a role the table does not allow.
fn refusal(actor: &Actor, role: Role, kind: CommandKind) -> CommandError {
    match (actor, role) {
        // A meeting not yet scheduled has no panel, so every member is unknown to it; what they are told
        // instead is who may schedule.
        (Actor::Member { member }, Role::Public) if kind != CommandKind::ScheduleMeeting => {
            CommandError::UnknownMember {
                member: member.clone(),
            }
        }
        (Actor::Public, _) => CommandError::PublicCannotAct,
        _ => CommandError::NotAllowed {
            who: allowed_roles(kind).1.to_owned(),
            action: kind.action().to_owned(),
        },
    }
}

/// What every rule function needs.
struct Ctx<'a> {
    meeting: &'a Meeting,
    actor: &'a Actor,
    role: Role,
    now: Timestamp,
}

impl Ctx<'_> {
    /// Fails unless the meeting is open (not scheduled, adjourned or closed).
    fn require_open(&self) -> Result<(), CommandError> {
        if self.meeting.phase.is_open() {
            Ok(())
        } else {
            Err(CommandError::MeetingNotOpen {
                phase: self.meeting.phase.label().to_lowercase(),
            })
        }
    }

    /// Fails while any vote is open.
    fn require_no_open_vote(&self) -> Result<(), CommandError> {
        match self.meeting.open_vote() {
            Some(vote) => Err(CommandError::VoteStillOpen { vote: vote.id }),
            None => Ok(()),
        }
    }

    /// The acting member's id, if the actor is a member.
    fn acting_member(&self) -> Option<&super::MemberId> {
        match self.actor {
            Actor::Member { member } => Some(member),
            _ => None,
        }
    }
}

/// Trims and checks free text, naming it in the refusal ("The question cannot be empty").
fn text(raw: &str, what: &str) -> Result<String, CommandError> {
    parse_text(raw).map_err(|problem| match problem {
        TextProblem::Empty => CommandError::TextRequired {
            what: what.to_owned(),
        },
        TextProblem::TooLong => CommandError::TextTooLong {
            what: what.to_owned(),
            max: MAX_TEXT_CHARS as u32,
        },
    })
}
