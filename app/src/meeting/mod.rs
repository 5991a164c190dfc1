//! The pure meeting core of the Kent and Medway Police and Crime Panel.
//!
//! The rules of a meeting live here and nowhere else, shared by the server and the browser (it
//! compiles for wasm32). Shape: [`Meeting::decide`] checks a [`Command`] from an [`Actor`] against the
//! rules and returns the [`Event`]s it causes or a [`CommandError`]; [`Meeting::apply`] folds an event
//! into the state and never fails; [`project`] shows a [`Viewer`] what they may see as a
//! [`MeetingView`]. There is no I/O, clock, randomness or async inside: `now` is passed in, and ids
//! come from counters in the state.
//!
//! In prose, the rules are:
//! - **Membership** ([`roster`]): 20 seats (council, co-opted, independent), a chair and a vice-chair,
//!   vacancies, and substitutes linked to the seat they fill for this meeting.
//! - **Phases** ([`phase`]): scheduled → open → (adjourned until a time ↔ open) → closed; a private
//!   session excludes the public under LGA 1972 Sch 12A, with its paragraph recorded.
//! - **Agenda** ([`agenda`]): numbered standing items and lettered sections; at most one current item,
//!   moved by the chair. After the summons ([`agenda_changes`]): supplements for papers "to follow",
//!   replaced papers, items withdrawn or deferred, the meeting postponed or cancelled (a cancelled
//!   meeting accepts no command).
//! - **Attendance and declarations** ([`attendance`]), **questions** ([`question`]), **votes**
//!   ([`vote`], [`veto`]) and the **confirmation hearing** ([`hearing`]).
//! - **Who may do what** ([`roles`]): one table, checked first in `decide`.
//! - **Projection** ([`view`]): the public never see a ballot of an open vote, anything of a private
//!   session beyond its banner, or a question the chair has not accepted.
//!
//! - **The record** ([`record`], [`resolution`], [`action`], [`minutes`]): resolutions on the current
//!   item, the clerk's minute-taking, actions, and the minutes generated from all of it.
//!
//! After the meeting closes, only what happens after a meeting can still be recorded: a written answer
//! (S4:194), the hearing's report (due within three weeks), the Commissioner's response, and the
//! clerk's editing and publishing of the minutes.

pub mod action;
pub mod agenda;
pub mod agenda_changes;
mod apply;
pub mod attendance;
pub mod carried;
pub mod chapters;
pub mod choice;
pub mod command;
pub mod command_kind;
mod decide;
pub mod error;
pub mod event;
mod event_time;
pub mod hearing;
pub mod hls;
pub mod ids;
pub mod import;
pub mod in_step;
pub mod kind;
pub mod limits;
pub mod minutes;
pub mod phase;
pub mod programme;
pub mod published_votes;
pub mod question;
pub mod record;
pub mod recording;
pub mod report;
pub mod resolution;
pub mod result;
pub mod roles;
pub mod roster;
pub mod summons_check;
pub mod time;
pub mod veto;
pub mod view;
pub mod vote;
// Running the real day.
pub mod election;
pub mod on_the_day;
pub mod presence;

pub use agenda::{Agenda, AgendaItem, AgendaSection, PageRange};
pub use attendance::{Attendance, AttendanceMark, Declaration};
pub use command::{Command, MeetingSpec};
pub use command_kind::CommandKind;
pub use error::CommandError;
pub use event::{AnswerPart, Event};
pub use hearing::{Hearing, HearingOutcome, HearingSpec, HearingStage};
pub use ids::{BallotId, ItemCode, MeetingId, MemberId, QuestionId, Receipt, SeatId, VoteId};
pub use kind::{AttendeeGroup, MeetingKind};
pub use phase::{Phase, PrivateSession};
pub use question::{Question, QuestionStatus, Supplementary};
pub use roles::{allowed_commands, allowed_roles, is_allowed, Actor, Role, Viewer};
pub use roster::{Person, Roster, Seat, SeatKind};
pub use time::{CivilDate, Timestamp};
pub use veto::{is_vetoed, veto_threshold, Standing};
pub use view::{project, MeetingView};
pub use vote::{Ballot, Choice, Elector, Outcome, Tally, Vote, VoteKind, VoteResult, VoteStatus};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The summons: what stays fixed once a meeting is scheduled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingInfo {
    pub id: MeetingId,
    pub title: String,
    pub starts_at: Timestamp,
    pub venue: String,
    pub commissioner: String,
    pub question_deadline: Option<Timestamp>,
    pub substitutes_vote_on_vetoes: bool,
    pub contact: Option<String>,
    #[serde(default)]
    pub webcast_url: Option<String>,
    /// The kind of meeting; a stored log from before kinds is a Panel meeting.
    #[serde(default)]
    pub kind: MeetingKind,
    /// A Performance and Delivery Board's attendees, by organisation.
    #[serde(default)]
    pub attendees: Vec<AttendeeGroup>,
}

/// One meeting's state, rebuilt by applying its events in order. `Default` is nothing scheduled yet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    info: Option<MeetingInfo>,
    phase: Phase,
    private: Option<PrivateSession>,
    agenda: Agenda,
    roster: Roster,
    attendance: BTreeMap<MemberId, Attendance>,
    declarations: Vec<Declaration>,
    questions: Vec<Question>,
    votes: Vec<Vote>,
    hearing: Option<Hearing>,
    seq: u64,
    /// Resolutions, minute-taking, actions and published minutes (`record.rs`).
    #[serde(default)]
    record: record::Record,
    /// Items added, withdrawn or deferred on the day ([`on_the_day`]).
    #[serde(default)]
    on_the_day: BTreeMap<ItemCode, on_the_day::DayNote>,
    /// The election of a chair for the meeting, if one was held ([`election`]).
    #[serde(default)]
    election: Option<election::ChairElection>,
    /// The recording and the timed history its chapters are made of (`recording.rs`, `chapters/`).
    #[serde(default)]
    recording: recording::Recording,
    /// Supplements and replaced papers, by item (`agenda_changes.rs`).
    #[serde(default)]
    paper_changes: BTreeMap<ItemCode, Vec<agenda_changes::PaperChange>>,
    /// Every postponement, oldest first (`agenda_changes.rs`).
    #[serde(default)]
    postponements: Vec<agenda_changes::Postponement>,
    /// The time of the latest event that carries one ([`Event::at`]): what the meeting's views are dated by.
    #[serde(default)]
    last_at: Option<Timestamp>,
}

impl Meeting {
    /// Number of events applied so far: the log's last seq (0 = empty).
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// When the latest event with a time of its own happened (an event without one, like the chair accepting
    /// a question, is dated by the event before it).
    pub fn last_at(&self) -> Option<Timestamp> {
        self.last_at
    }

    pub fn id(&self) -> Option<&MeetingId> {
        self.info.as_ref().map(|info| &info.id)
    }

    pub fn info(&self) -> Option<&MeetingInfo> {
        self.info.as_ref()
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    pub fn private_session(&self) -> Option<&PrivateSession> {
        self.private.as_ref()
    }

    pub fn agenda(&self) -> &Agenda {
        &self.agenda
    }

    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    pub fn declarations(&self) -> &[Declaration] {
        &self.declarations
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn votes(&self) -> &[Vote] {
        &self.votes
    }

    pub fn hearing(&self) -> Option<&Hearing> {
        self.hearing.as_ref()
    }

    /// The record the minutes are drawn from.
    pub fn record(&self) -> &record::Record {
        &self.record
    }

    pub fn recording(&self) -> &recording::Recording {
        &self.recording
    }

    /// A member's or substitute's attendance (not recorded, if unknown).
    pub fn attendance(&self, member: &MemberId) -> Attendance {
        self.attendance.get(member).cloned().unwrap_or_default()
    }

    /// Everyone who can sign in as a member or substitute: (id, display name, is chair).
    pub fn members(&self) -> Vec<(MemberId, String, bool)> {
        let chair = self.roster.chair.as_ref();
        self.roster
            .people()
            .into_iter()
            .map(|p| (p.id.clone(), p.name.clone(), Some(&p.id) == chair))
            .collect()
    }

    /// The open vote, if any (at most one is open at a time).
    pub fn open_vote(&self) -> Option<&Vote> {
        self.votes.iter().find(|vote| vote.is_open())
    }

    /// Whether the roster and attendance are frozen: a veto vote is open (statute §6.3).
    pub fn roster_frozen(&self) -> bool {
        self.open_vote().is_some_and(|vote| vote.kind.is_veto())
    }

    /// What happened to an item on the day, if anything.
    pub fn day_note(&self, item: &ItemCode) -> Option<&on_the_day::DayNote> {
        self.on_the_day.get(item)
    }

    /// What happened to an item's papers after the agenda was published, oldest first.
    pub fn paper_changes(&self, item: &ItemCode) -> &[agenda_changes::PaperChange] {
        self.paper_changes.get(item).map_or(&[], Vec::as_slice)
    }

    /// Every postponement of the meeting, oldest first.
    pub fn postponements(&self) -> &[agenda_changes::Postponement] {
        &self.postponements
    }

    /// The election of a chair for the meeting, if one was opened.
    pub fn election(&self) -> Option<&election::ChairElection> {
        self.election.as_ref()
    }

    /// Who presides: a chair elected for the meeting while the meeting has not handed the chair back
    /// and they are here ([`election`]); else the Chairman unless he is away or substituted, else the
    /// Vice-Chairman on the same terms, else nobody (see [`roles`]).
    pub fn presiding(&self) -> Option<&MemberId> {
        if self.kind().commissioner_presides() {
            return None;
        }
        let elected = self.election.as_ref().and_then(|e| e.chair());
        if let Some(elected) = elected.filter(|m| self.attendance(m).is_present()) {
            return Some(elected);
        }
        self.holder_presiding()
    }

    /// The Chairman or, failing him, the Vice-Chairman, if either can preside now.
    pub fn holder_presiding(&self) -> Option<&MemberId> {
        let can_preside = |member: &&MemberId| {
            let holds = self.roster.seat_held_by(member);
            holds.is_some_and(|seat| !self.roster.substitutes.contains_key(&seat.id))
                && !self.attendance(member).is_away()
        };
        self.roster
            .chair
            .as_ref()
            .filter(can_preside)
            .or_else(|| self.roster.vice_chair.as_ref().filter(can_preside))
    }

    /// The kind of meeting (a Panel meeting until one is scheduled).
    pub fn kind(&self) -> MeetingKind {
        self.info.as_ref().map(|info| info.kind).unwrap_or_default()
    }

    /// The role an actor has in this meeting. At the Performance and Delivery Board the Commissioner
    /// presides, so he has the chair's role ([`kind`]).
    pub fn role_of(&self, actor: &Actor) -> Role {
        match actor {
            Actor::Public => Role::Public,
            Actor::Clerk { .. } => Role::Clerk,
            Actor::Commissioner if self.kind().commissioner_presides() => Role::Chair,
            Actor::Commissioner => Role::Commissioner,
            Actor::System => Role::System,
            Actor::Member { member } if self.presiding() == Some(member) => Role::Chair,
            Actor::Member { member } if self.roster.seat_held_by(member).is_some() => Role::Member,
            Actor::Member { member } if self.roster.seat_substituted_by(member).is_some() => {
                Role::Substitute
            }
            Actor::Member { .. } => Role::Public,
        }
    }
}
