//! `Meeting::decide`: checks who is acting, then the rules of one command group, and returns the
//! events to apply. Pure: `now` comes from the shell, ids from counters in the state.
//!
//! Order of checks: the size of every field first (`limits`: an over-long field is refused whoever sends
//! it, before any other work), then the role table (so the public and the wrong role are always refused the
//! same way, whatever the state), then whether a meeting exists, then whether it was cancelled (a
//! cancelled meeting accepts no command), then whether the meeting has closed, then the command's own
//! rules.

mod agenda;
mod agenda_changes;
mod carried;
mod corrections;
mod day_items;
mod election;
mod hearing;
mod questions;
mod record;
mod recording;
mod roster;
mod session;
mod votes;

use super::command::Command;
use super::command_kind::CommandKind;
use super::error::CommandError;
use super::event::Event;
use super::kind::MeetingKind;
use super::question::{parse_text, TextProblem, MAX_TEXT_CHARS};
use super::roles::{allowed_roles, is_allowed, Actor, Role};
use super::time::Timestamp;
use super::Meeting;

/// Commands that still make sense after the meeting closes: a written answer follows the meeting
/// (S4:194), the hearing's report is due within three weeks (Sch 8 para 4(6)), and the Commissioner
/// responds to it (para 7(3)). The recording is published after the meeting, so the clerk sets it, its
/// start time and chapter nudges then too (the recording is only complete once the meeting closes). The clerk edits the draft minutes after the meeting and publishes
/// them: paragraphs, attendance for an item and for the meeting, actions (and marking them
/// done at a later date), the first minute number, and publishing. Resolutions are not among them:
/// they stand once the chair leaves their item.
const AFTER_CLOSE: [CommandKind; 17] = [
    CommandKind::RecordAnswer,
    CommandKind::ReportHearing,
    CommandKind::RecordCommissionerResponse,
    CommandKind::AddMinuteParagraph,
    CommandKind::EditMinuteParagraph,
    CommandKind::RemoveMinuteParagraph,
    CommandKind::SetItemAttendance,
    CommandKind::RecordAction,
    CommandKind::MarkActionDone,
    CommandKind::SetMeetingAttendance,
    CommandKind::SetFirstMinuteNumber,
    CommandKind::PublishMinutes,
    CommandKind::RecordHearingReasons,
    CommandKind::SetRecording,
    CommandKind::SetRecordingStart,
    CommandKind::NudgeChapter,
    CommandKind::UpdateCarriedAction,
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
        if let super::Phase::Cancelled { reason, .. } = &self.phase {
            return Err(CommandError::MeetingCancelled {
                reason: reason.clone(),
            });
        }
        if let Some(rule) = self.kind().refusal(kind) {
            return Err(not_at_this_kind(self.kind(), kind.action(), rule));
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
            Command::RecordResolution { item, text } => ctx.record_resolution(item, text),
            Command::AmendResolution { item, number, text } => {
                ctx.amend_resolution(item, number, text)
            }
            Command::AddMinuteParagraph { item, text } => ctx.add_paragraph(item, text),
            Command::EditMinuteParagraph { item, number, text } => {
                ctx.edit_paragraph(item, number, text)
            }
            Command::RemoveMinuteParagraph { item, number } => ctx.remove_paragraph(item, number),
            Command::SetItemAttendance { item, guests } => ctx.set_item_attendance(item, guests),
            Command::RecordAction {
                item,
                kind,
                text,
                owner,
                due,
            } => ctx.record_action(item, kind, text, owner, due),
            Command::MarkActionDone { action } => ctx.mark_action_done(action),
            Command::SetMeetingAttendance {
                also_present,
                in_attendance,
            } => ctx.set_meeting_attendance(also_present, in_attendance),
            Command::SetFirstMinuteNumber { first } => ctx.set_first_minute(first),
            Command::PublishMinutes { continues_from } => ctx.publish_minutes(continues_from),
            Command::CorrectAttendance {
                member,
                attendance,
                reason,
            } => ctx.correct_attendance(member, attendance, reason),
            Command::VoidVote { vote, reason } => ctx.void_vote(vote, reason),
            Command::WithdrawSubstitute { seat, reason } => ctx.withdraw_substitute(seat, reason),
            Command::AddItem {
                code,
                title,
                kind,
                reason,
                after,
            } => ctx.add_item(code, title, kind, reason, after),
            Command::SetItemAside {
                item,
                aside,
                reason,
            } => ctx.set_item_aside(item, aside, reason),
            Command::OpenElectionOfChair => ctx.open_election_of_chair(),
            Command::ProposeChair {
                candidate,
                proposer,
            } => ctx.propose_chair(candidate, proposer),
            Command::HandBackChair => ctx.hand_back_chair(),
            Command::RecordHearingReasons { reasons } => ctx.record_hearing_reasons(&reasons),
            Command::SetRecording { recording_url } => ctx.set_recording(recording_url),
            Command::SetRecordingStart { starts_at } => ctx.set_recording_start(starts_at),
            Command::NudgeChapter { chapter, seconds } => ctx.nudge_chapter(chapter, seconds),
            Command::PublishSupplement { item, pages } => ctx.publish_supplement(item, pages),
            Command::ReplaceItemPapers {
                item,
                pages,
                reason,
            } => ctx.replace_item_papers(item, pages, reason),
            Command::PostponeMeeting { starts_at, reason } => ctx.postpone(starts_at, reason),
            Command::CancelMeeting { reason } => ctx.cancel(reason),
            Command::UpdateCarriedAction {
                meeting,
                action,
                done,
                note,
                carried,
            } => ctx.update_carried_action(&meeting, action, done, note, carried),
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

/// The refusal for a command this kind of meeting never takes, in the rule's words.
fn not_at_this_kind(kind: MeetingKind, action: &str, rule: &str) -> CommandError {
    CommandError::NotAtThisKindOfMeeting {
        kind: kind.label().to_owned(),
        action: action.to_owned(),
        rule: rule.to_owned(),
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
