//! Where an instant of the meeting is in its recording.
//!
//! The recording is a list of spans of wall-clock time, each at an offset into the video. From a stream whose
//! segments carry `#EXT-X-PROGRAM-DATE-TIME`, each segment is a span: its date-time (carried forward from the
//! last tagged segment by the durations between, or back from the first tagged one) and its place in the
//! playlist. The encoder's own clock is the reference, so the chapters do not drift with the stream's delay, and
//! a stream that stopped (an adjournment, a private session, an encoder restart) leaves a gap between spans. A
//! stream without date-times has one span instead, from the recording's start time the clerk set.
//!
//! An item that began in a gap (while the stream was off) starts where the recording resumes, if that is before
//! the item ended; an item wholly in a gap, or outside the recording, has no place in it.

use super::playlist::Playlist;
use crate::meeting::time::Timestamp;

/// One stretch of continuous recording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    wall: Timestamp,
    offset_ms: i64,
    duration_ms: i64,
}

impl Span {
    fn wall_end(&self) -> i64 {
        self.wall.0.saturating_add(self.duration_ms)
    }
}

/// Maps the meeting's instants to offsets into the recording (milliseconds from its start).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StreamClock {
    /// In wall-clock order.
    spans: Vec<Span>,
    /// The recording's length, if known (the playlist's); `None` for an open-ended start time.
    total_ms: Option<i64>,
}

impl StreamClock {
    /// From the stream's own date-times, or `None` if no segment has one.
    pub fn from_playlist(playlist: &Playlist) -> Option<Self> {
        let segments = &playlist.segments;
        let first = segments
            .iter()
            .position(|s| s.program_date_time.is_some())?;
        let mut spans = Vec::with_capacity(segments.len());
        let mut offset = 0i64;
        // Segments before the first tagged one end where it begins.
        let before: i64 = segments[..first].iter().map(|s| s.duration_ms).sum();
        let mut wall = segments[first]
            .program_date_time
            .map_or(0, |t| t.0)
            .saturating_sub(before);
        for segment in segments {
            if let Some(tagged) = segment.program_date_time {
                wall = tagged.0;
            }
            spans.push(Span {
                wall: Timestamp(wall),
                offset_ms: offset,
                duration_ms: segment.duration_ms,
            });
            wall = wall.saturating_add(segment.duration_ms);
            offset = offset.saturating_add(segment.duration_ms);
        }
        spans.sort_by_key(|span| span.wall);
        Some(Self {
            spans,
            total_ms: Some(offset),
        })
    }

    /// From the recording's start time (a stream without date-times): the instant `start` is offset 0, and
    /// the recording lasts `total_ms` if the playlist says, or has no known end.
    pub fn from_start(start: Timestamp, total_ms: Option<i64>) -> Self {
        Self {
            spans: vec![Span {
                wall: start,
                offset_ms: 0,
                duration_ms: total_ms.unwrap_or(i64::MAX / 4),
            }],
            total_ms,
        }
    }

    /// The offset at which the recording first shows the stretch `[from, until)` (`until` open: still going),
    /// or `None` if the recording does not show it at all.
    pub fn start_of(&self, from: Timestamp, until: Option<Timestamp>) -> Option<i64> {
        let span = self.spans.iter().find(|span| span.wall_end() > from.0)?;
        if until.is_some_and(|until| span.wall >= until) {
            return None;
        }
        Some(
            span.offset_ms
                .saturating_add(from.0.saturating_sub(span.wall.0).max(0)),
        )
    }

    /// The offset at which the stretch ending at `until` ends in the recording (`None`: it has not ended, so the
    /// recording's end if known).
    pub fn end_of(&self, until: Option<Timestamp>) -> Option<i64> {
        let Some(until) = until else {
            return self.total_ms;
        };
        let span = self.spans.iter().rev().find(|span| span.wall < until)?;
        Some(
            span.offset_ms
                .saturating_add(until.0.saturating_sub(span.wall.0).min(span.duration_ms)),
        )
    }
}
