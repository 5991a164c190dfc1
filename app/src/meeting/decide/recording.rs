//! The recording: its address, its start time, and nudges of single chapters (the clerk's; see
//! `meeting/recording.rs` and `meeting/chapters/`).

use super::Ctx;
use crate::meeting::chapters::{pieces, ChapterKind};
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::recording::{url_problem, MAX_NUDGE_SECONDS};
use crate::meeting::time::Timestamp;

impl Ctx<'_> {
    /// The clerk sets the recording's HLS playlist: an http(s) address (anything else is refused, so no other
    /// scheme ever reaches a page's link), or nothing to clear it.
    pub(super) fn set_recording(&self, url: Option<String>) -> Result<Vec<Event>, CommandError> {
        let url = url.map(|u| u.trim().to_owned()).filter(|u| !u.is_empty());
        if let Some(reason) = url.as_deref().and_then(url_problem) {
            return Err(CommandError::RecordingUrlRefused { reason });
        }
        if url == self.meeting.recording.url {
            return Ok(vec![]);
        }
        Ok(vec![Event::RecordingSet {
            recording_url: url,
            at: self.now,
        }])
    }

    /// The clerk sets when the recording's first frame was taken (or clears it).
    pub(super) fn set_recording_start(
        &self,
        starts_at: Option<Timestamp>,
    ) -> Result<Vec<Event>, CommandError> {
        if starts_at == self.meeting.recording.starts_at {
            return Ok(vec![]);
        }
        Ok(vec![Event::RecordingStartSet {
            starts_at,
            at: self.now,
        }])
    }

    /// The clerk moves one item chapter's start by at most [`MAX_NUDGE_SECONDS`] either way.
    pub(super) fn nudge_chapter(
        &self,
        chapter: u32,
        seconds: i32,
    ) -> Result<Vec<Event>, CommandError> {
        if seconds.unsigned_abs() > MAX_NUDGE_SECONDS.unsigned_abs() {
            return Err(CommandError::NudgeTooLarge {
                max: MAX_NUDGE_SECONDS.unsigned_abs(),
            });
        }
        let piece = pieces(self.meeting)
            .into_iter()
            .find(|piece| piece.number == chapter)
            .ok_or(CommandError::UnknownChapter { chapter })?;
        if let ChapterKind::PrivateSession { .. } = piece.kind {
            return Err(CommandError::PrivateChapter { chapter });
        }
        let current = self.meeting.recording.nudges.get(&chapter).copied();
        if current.unwrap_or(0) == seconds {
            return Ok(vec![]);
        }
        Ok(vec![Event::ChapterNudged {
            chapter,
            seconds,
            at: self.now,
        }])
    }
}
