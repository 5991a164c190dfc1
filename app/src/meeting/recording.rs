//! The webcast's recording and what the chapters are made of.
//!
//! What the clerk sets after (or during) the meeting: the recording's address (`recording_url`, an HLS playlist;
//! without it the live stream's playlist is the recording once it has ended), the recording's start time (for a
//! stream without `#EXT-X-PROGRAM-DATE-TIME`), and nudges of single chapters. And what the log already says,
//! kept here with its times so that the chapters can be derived from the state: every move to an item
//! (`CurrentItemChanged`), every exclusion of the public and readmission (`PublicExcluded`, `PublicReadmitted`,
//! ended by `MeetingClosed` too), the close, and the moments the archive shows as the video plays (votes opened
//! and closed, questions put and answered). No event exists only for this: [`Recording::note`] reads the
//! meeting's ordinary events, and `RecordingSet`, `RecordingStartSet` and `ChapterNudged` for the clerk's part.

use super::event::Event;
use super::ids::{ItemCode, QuestionId, VoteId};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest recording address accepted, in characters.
pub const MAX_URL_CHARS: usize = 2000;

/// The largest nudge of one chapter, in seconds either way. A clerk corrects a chapter by the few seconds an
/// item's start was mistimed (the chair moved on early or late); ten minutes is far beyond that, so a larger
/// number is a slip. The seeds are silent: this is the bound a clerk would expect.
pub const MAX_NUDGE_SECONDS: i32 = 600;

/// A period in which the public were excluded (LGA 1972 s100A(4)), under a Sch 12A paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    pub paragraph: u8,
    pub from: Timestamp,
    /// When the public were readmitted (or the meeting closed); `None` while still excluded.
    pub until: Option<Timestamp>,
}

/// Something the archive shows at the moment it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum Moment {
    VoteOpened { vote: VoteId, at: Timestamp },
    VoteClosed { vote: VoteId, at: Timestamp },
    QuestionPut { question: QuestionId, at: Timestamp },
    AnswerRecorded { question: QuestionId, at: Timestamp },
}

impl Moment {
    pub fn at(&self) -> Timestamp {
        match self {
            Moment::VoteOpened { at, .. }
            | Moment::VoteClosed { at, .. }
            | Moment::QuestionPut { at, .. }
            | Moment::AnswerRecorded { at, .. } => *at,
        }
    }
}

/// The recording's settings and the timed history chapters are made from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recording {
    /// The recording's HLS playlist, set by the clerk (http or https).
    pub url: Option<String>,
    /// The wall-clock instant of the recording's first frame, set by the clerk.
    pub starts_at: Option<Timestamp>,
    /// Chapter number (from 1) → seconds added to its start in the recording.
    pub nudges: BTreeMap<u32, i32>,
    /// Every move to an item, in order.
    pub item_changes: Vec<(ItemCode, Timestamp)>,
    pub exclusions: Vec<Exclusion>,
    pub closed_at: Option<Timestamp>,
    pub moments: Vec<Moment>,
}

impl Recording {
    /// Notes what an event means for the recording (called by `Meeting::apply` for every event; total).
    pub fn note(&mut self, event: &Event) {
        match event {
            Event::CurrentItemChanged { item, at } => self.item_changes.push((item.clone(), *at)),
            Event::PublicExcluded { at, paragraph, .. } => self.exclusions.push(Exclusion {
                paragraph: *paragraph,
                from: *at,
                until: None,
            }),
            Event::PublicReadmitted { at } => self.readmit(*at),
            Event::MeetingClosed { at } => {
                self.readmit(*at);
                self.closed_at = Some(*at);
            }
            Event::VoteOpened { vote, at, .. } => self.moments.push(Moment::VoteOpened {
                vote: *vote,
                at: *at,
            }),
            Event::VoteClosed { vote, at, .. } => self.moments.push(Moment::VoteClosed {
                vote: *vote,
                at: *at,
            }),
            Event::QuestionPut { question, at } => self.moments.push(Moment::QuestionPut {
                question: *question,
                at: *at,
            }),
            Event::AnswerRecorded { question, at, .. } => {
                self.moments.push(Moment::AnswerRecorded {
                    question: *question,
                    at: *at,
                })
            }
            Event::RecordingSet { recording_url, .. } => self.url = recording_url.clone(),
            Event::RecordingStartSet { starts_at, .. } => self.starts_at = *starts_at,
            Event::ChapterNudged {
                chapter, seconds, ..
            } => {
                if *seconds == 0 {
                    self.nudges.remove(chapter);
                } else {
                    self.nudges.insert(*chapter, *seconds);
                }
            }
            _ => {}
        }
    }

    /// When something that happened at `at` became public: at once, or when the public were readmitted if they
    /// were excluded then (`None`: they never were).
    pub fn public_from(&self, at: Timestamp) -> Option<Timestamp> {
        self.exclusions
            .iter()
            .find(|e| e.from <= at && e.until.is_none_or(|until| at < until))
            .map_or(Some(at), |e| e.until)
    }

    fn readmit(&mut self, at: Timestamp) {
        if let Some(open) = self.exclusions.last_mut().filter(|e| e.until.is_none()) {
            open.until = Some(at);
        }
    }
}

/// Why a recording address is refused, if it is: only `http://` and `https://` addresses with a host, without
/// spaces, up to [`MAX_URL_CHARS`]. (A `javascript:` or `file:` address must never reach a page's link.)
pub fn url_problem(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    if url.chars().count() > MAX_URL_CHARS {
        Some(format!("it is longer than {MAX_URL_CHARS} characters"))
    } else if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some("it cannot contain spaces".to_owned())
    } else if host.is_none_or(|rest| rest.is_empty() || rest.starts_with('/')) {
        Some("it must be a web address starting with http:// or https://".to_owned())
    } else {
        None
    }
}
