//! What a viewer may see: [`MeetingView`], built by [`project`] (the only way state leaves the server).
//!
//! Rules (the OpenSlides "restrict" idea, statute §12 S5):
//! - nobody but the chair and clerk sees how an open vote stands: members, the Commissioner and the
//!   public see turnout against those present ("12 of 18 present have voted"), the threshold ("veto
//!   needs 14 of 20 members") and, since it follows from public attendance alone, "cannot be vetoed:
//!   12 present, 14 needed"; never the running counts, which would invite voting with the crowd. The
//!   result and its arithmetic go to everyone the moment the vote closes;
//! - during a private session they see only the banner "The meeting is in private session (LGA 1972
//!   Sch 12A para N)", the printed agenda without its current item, and the roster: no votes,
//!   questions, declarations or hearing outcome;
//! - they never see a question the chair has not accepted, nor a rejection reason (only the asker,
//!   chair and clerk see that);
//! - the chair and clerk see live counts and who has yet to vote; every member sees their own ballots
//!   with receipts.

mod archive;
mod day;
mod moments;
mod project;
mod record;
mod text;
mod votes;

pub use archive::{
    archive, placed_chapters, recording_address, ArchiveView, ChapterView, PlaylistRead,
};
pub use day::{ElectionView, OpeningCheck};
pub use moments::MomentView;
pub use project::project;
pub use record::{ActionView, ItemMinutesView, MinuteTakingView, ResolutionView};
pub use text::{text_view, TextView};

use super::command_kind::CommandKind;
use super::hearing::HearingStage;
use super::ids::{BallotId, ItemCode, MeetingId, MemberId, QuestionId, Receipt, SeatId, VoteId};
use super::question::QuestionStatus;
use super::roles::Role;
use super::roster::SeatKind;
use super::time::CivilDate;
use super::vote::{Choice, Outcome, Tally, VoteKind, VoteStatus};
use serde::{Deserialize, Serialize};

/// Everything a screen needs, for one viewer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MeetingView {
    pub seq: u64,
    pub id: Option<MeetingId>,
    pub title: String,
    /// "Tuesday 6 December 2022".
    pub date: String,
    /// "10:00", UK local time.
    pub time: String,
    pub venue: String,
    pub contact: Option<String>,
    /// The webcast's HLS stream address; `None` when there is none, and always during a private session.
    #[serde(default)]
    pub webcast_url: Option<String>,
    pub commissioner: String,
    /// "scheduled", "open", "adjourned", "closed".
    pub phase: String,
    /// "Open", "Adjourned until 15:00".
    pub phase_label: String,
    /// "The meeting is in private session (LGA 1972 Sch 12A para 1)".
    pub private_session: Option<String>,
    pub sections: Vec<SectionView>,
    pub current_item: Option<ItemCode>,
    pub roster: Vec<SeatView>,
    pub declarations: Vec<DeclarationView>,
    /// "17:00 on 5 December 2022".
    pub question_deadline: Option<String>,
    pub questions: Vec<QuestionView>,
    pub votes: Vec<VoteView>,
    pub my_ballots: Vec<MyBallotView>,
    pub hearing: Option<HearingView>,
    pub viewer: ViewerView,
    /// Resolutions under their items (see `view/record.rs` for who sees which).
    #[serde(default)]
    pub resolutions: Vec<ResolutionView>,
    /// The actions register.
    #[serde(default)]
    pub actions: Vec<ActionView>,
    /// The latest published version of the minutes, if any (the public page links it).
    #[serde(default)]
    pub minutes_version: Option<u32>,
    /// Chair and clerk only.
    #[serde(default)]
    pub minute_taking: Option<MinuteTakingView>,
    /// Who presides now ("Mr Mike Hill"), if anyone.
    #[serde(default)]
    pub presiding: Option<String>,
    /// Members of the Panel recorded present now, and members of the Panel (filled seats).
    #[serde(default)]
    pub present_count: u32,
    #[serde(default)]
    pub members_count: u32,
    /// The election of a chair for the meeting, if one was opened.
    #[serde(default)]
    pub election: Option<ElectionView>,
    /// Chair and clerk: who could vote in each kind of vote if opened now, and any warning.
    #[serde(default)]
    pub opening_checks: Vec<OpeningCheck>,
    /// The summoned day (UK), so the console can ask before opening a meeting early.
    #[serde(default)]
    pub starts_on: Option<super::time::CivilDate>,
    /// While the public are excluded, the Sch 12A paragraph cited, for everyone (the banner names it too): the
    /// public page reads "Item withheld: the public are excluded (Sch 12A para 1)" instead of the item.
    #[serde(default)]
    pub private_paragraph: Option<u8>,
    /// While adjourned, the reason the chair gave ("due to disruption caused by members of the public",
    /// S0:112); `None` when the chair gave none.
    #[serde(default)]
    pub adjournment_reason: Option<String>,
    /// "This meeting has been cancelled: …", for everyone (`agenda_changes.rs`).
    #[serde(default)]
    pub cancellation: Option<String>,
    /// "This meeting was postponed from … to …: …" (the latest postponement), for everyone.
    #[serde(default)]
    pub postponement: Option<String>,
    /// How many updates of actions carried from earlier meetings this viewer may see were recorded here:
    /// the register itself is read from `get_carried_actions`, again whenever this changes.
    #[serde(default)]
    pub carried_updates: u32,
    /// When the latest change in this view happened (UTC ms): the public page shows the view once the webcast
    /// has reached that moment ([`crate::meeting::in_step`]). While the public are excluded, their view is
    /// dated by the exclusion, so it says nothing about when things happened in private.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<i64>,
    /// The kind of meeting: every screen names it, and the console offers only what it allows.
    #[serde(default)]
    pub kind: crate::meeting::MeetingKind,
    /// A Performance and Delivery Board's attendees, by organisation (S3:11-13).
    #[serde(default)]
    pub attendees: Vec<crate::meeting::AttendeeGroup>,
}

/// A lettered section, or the block of numbered standing items (no letter).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SectionView {
    pub letter: Option<String>,
    pub title: Option<String>,
    /// "None for this meeting." when the section has no items.
    pub empty_note: Option<String>,
    pub items: Vec<ItemView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemView {
    pub code: ItemCode,
    pub title: String,
    /// "11-56".
    pub pages: Option<String>,
    pub to_follow: Option<String>,
    pub verbal: bool,
    pub exempt: bool,
    pub is_current: bool,
    /// "Urgent item taken on the day (…): reason", "Withdrawn on the day: reason".
    #[serde(default)]
    pub day_note: Option<String>,
    /// Withdrawn or deferred on the day: cannot be taken.
    #[serde(default)]
    pub set_aside: bool,
    /// "Supplement published on 1 December 2022 (Pages 1 - 12): …", "Papers replaced on …", oldest first.
    #[serde(default)]
    pub paper_changes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SeatView {
    pub seat: SeatId,
    /// "Sevenoaks District Council".
    pub seat_name: String,
    pub kind: SeatKind,
    pub kind_label: String,
    pub holder_id: Option<MemberId>,
    /// The holder's name, or "VACANCY".
    pub holder: String,
    pub vacancy: bool,
    pub is_chair: bool,
    pub is_vice_chair: bool,
    pub is_presiding: bool,
    /// "Present", "Apologies", "Arrived late (item B1)".
    pub attendance: String,
    pub substitute: Option<SubstituteView>,
}

/// "Cllr R Hogarth (Substitute for Cllr P Fleming)".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SubstituteView {
    pub id: MemberId,
    pub name: String,
    pub attendance: String,
    /// "Substitute for Councillor Peter Fleming".
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DeclarationView {
    pub member: MemberId,
    pub name: String,
    pub item: ItemCode,
    pub interest: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: QuestionId,
    pub asker: MemberId,
    pub asker_name: String,
    pub text: String,
    pub status: QuestionStatus,
    pub status_label: String,
    pub answer: Option<String>,
    pub answered_in_writing: bool,
    pub supplementary: Option<String>,
    pub supplementary_answer: Option<String>,
    /// Only for the asker, the chair and the clerk.
    pub rejection_reason: Option<String>,
    pub is_mine: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VoteView {
    pub id: VoteId,
    pub kind: VoteKind,
    pub kind_label: String,
    pub motion: String,
    pub item: Option<ItemCode>,
    pub status: VoteStatus,
    /// Members of the Panel when the vote opened.
    pub electorate: u32,
    /// "veto needs 14 of 20 members" (vetoes only).
    pub threshold: Option<String>,
    /// "9 of 20 voted".
    pub turnout: String,
    /// "vetoed", "cannot be vetoed: 12 present, 14 needed", "open: …" (open vetoes only).
    pub standing: Option<String>,
    /// Live counts: chair and clerk only while open; everyone after close.
    pub tally: Option<Tally>,
    /// Names yet to vote: chair and clerk only, while open.
    pub yet_to_vote: Vec<String>,
    /// How each elector voted: only after close (named votes, statute §9).
    pub named_ballots: Vec<NamedBallotView>,
    pub result: Option<ResultView>,
    /// The chair's reason, if the vote was voided.
    #[serde(default)]
    pub void_reason: Option<String>,
    /// Electors who may not vote now (away, arrived after it opened): chair and clerk, while open.
    #[serde(default)]
    pub not_present: Vec<String>,
    /// Members recorded present when the vote opened (the record, unchanged afterwards).
    #[serde(default)]
    pub present_at_open: u32,
    /// For a member looking at an open vote: why they cannot vote in it now, in the rule's words.
    #[serde(default)]
    pub my_refusal: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NamedBallotView {
    pub seat_name: String,
    pub name: String,
    /// `None`: did not vote.
    pub choice: Option<Choice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ResultView {
    pub outcome: Outcome,
    pub outcome_label: String,
    pub arithmetic: String,
    pub tally: Tally,
    pub by_show_of_hands: bool,
    pub casting_vote: Option<Choice>,
}

/// The viewer's own ballot, with the receipt the core gave it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MyBallotView {
    pub vote: VoteId,
    pub choice: Choice,
    pub ballot_id: BallotId,
    pub receipt: Receipt,
    /// "10:42".
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HearingView {
    pub item: ItemCode,
    pub post: String,
    pub candidate: String,
    pub criteria: Vec<String>,
    pub reasons: Vec<String>,
    pub terms: Vec<String>,
    /// "28 November 2022".
    pub notified_on: String,
    /// "18 December 2022".
    pub report_deadline: String,
    pub stage: HearingStage,
    pub stage_label: String,
    pub outcome: Option<String>,
    pub reported_on: Option<String>,
    pub reported_in_time: Option<bool>,
    pub commissioner_accepts: Option<bool>,
    /// What the chair does next: "The veto was not carried: the Panel now votes on its recommendation".
    #[serde(default)]
    pub next_step: Option<String>,
    /// The last day of the three weeks and the day reported, as dates: the console says how many days
    /// are left (`report::report_due`).
    pub report_deadline_date: CivilDate,
    pub reported_on_date: Option<CivilDate>,
}

/// Who is looking, and which controls to show (the server still enforces them in `decide`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ViewerView {
    pub role: Role,
    pub role_label: String,
    pub member: Option<MemberId>,
    pub name: Option<String>,
    pub is_chair: bool,
    pub allowed: Vec<CommandKind>,
    /// A member or substitute recorded present now.
    #[serde(default)]
    pub present: bool,
}

impl Default for ViewerView {
    fn default() -> Self {
        Self {
            role: Role::Public,
            role_label: Role::Public.label().to_owned(),
            member: None,
            name: None,
            is_chair: false,
            allowed: vec![],
            present: false,
        }
    }
}
