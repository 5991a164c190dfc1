//! What the archive shows at the moment it happened, as the recording plays: votes opened, their results with the
//! arithmetic (resolutions and vetoes), questions put to the Commissioner and their answers. Each is written
//! from the public's view of the meeting (so nothing the public may not see), and placed in the recording by the
//! same clock as the chapters. Something that happened in private session is shown from the moment the public
//! were readmitted, as it was published then (statute §12 S5).

use super::super::chapters::link;
use super::super::hls::StreamClock;
use super::super::recording::Moment;
use super::super::roles::Actor;
use super::super::Meeting;
use super::{project, MeetingView};
use serde::{Deserialize, Serialize};

/// One moment of the archive.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MomentView {
    /// Where it happened in the recording (ms); `None` if the recording does not show it.
    pub offset_ms: Option<i64>,
    /// "1:02:30".
    pub at: Option<String>,
    /// "10:42", UK time.
    pub happened: String,
    /// "Vote closed: Not vetoed. 13 of 20 members voted for the veto; …".
    pub text: String,
}

/// The moments of `meeting`, placed by `clock`, in order of time.
pub fn moments(meeting: &Meeting, clock: Option<&StreamClock>) -> Vec<MomentView> {
    let public = project(meeting, &Actor::Public);
    let recording = meeting.recording();
    recording
        .moments
        .iter()
        .filter_map(|moment| {
            let text = describe(&public, moment)?;
            let at = moment.at();
            // Shown to the public from their readmission if it happened while they were excluded.
            let shown = recording.public_from(at);
            let offset_ms = clock
                .zip(shown)
                .and_then(|(clock, shown)| clock.start_of(shown, None));
            Some(MomentView {
                offset_ms,
                at: offset_ms.map(link::clock_text),
                happened: at.london_hm(),
                text,
            })
        })
        .collect()
}

/// The sentence for a moment, or `None` if the public may not see what it is about.
pub(super) fn describe(public: &MeetingView, moment: &Moment) -> Option<String> {
    match moment {
        Moment::VoteOpened { vote, .. } => {
            let vote = public.votes.iter().find(|v| v.id == *vote)?;
            Some(format!("Vote opened: {}: {}", vote.kind_label, vote.motion))
        }
        Moment::VoteClosed { vote, .. } => {
            let vote = public.votes.iter().find(|v| v.id == *vote)?;
            let result = vote.result.as_ref()?;
            Some(format!(
                "Vote closed: {}: {}. {}",
                vote.kind_label, result.outcome_label, result.arithmetic
            ))
        }
        Moment::QuestionPut { question, .. } => {
            let q = public.questions.iter().find(|q| q.id == *question)?;
            Some(format!(
                "Question put to the Commissioner by {}: {}",
                q.asker_name, q.text
            ))
        }
        Moment::AnswerRecorded { question, .. } => {
            let q = public.questions.iter().find(|q| q.id == *question)?;
            Some(format!(
                "Answer to {}'s question: {}",
                q.asker_name,
                q.answer.clone()?
            ))
        }
    }
}
