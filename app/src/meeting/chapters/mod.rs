//! Chapters of the recording, made from the meeting's own log (docs/WEBCAST.md).
//!
//! 1. **Pieces** ([`pieces`]): each move to an item (`CurrentItemChanged`) starts a piece for that item, which
//!    runs to the next move or the close. Periods in which the public were excluded (Sch 12A) are cut out of the
//!    items and become pieces of their own, "private session (para N)": an item interrupted by one resumes
//!    after it as "(continued)", and an item taken wholly in private has no piece. Pieces are numbered from 1 in
//!    order of time; the numbers are stable, because the history only grows at its end.
//! 2. **Offsets** ([`chapters`]): each item piece is placed in the recording by a [`StreamClock`]: from the
//!    stream's `#EXT-X-PROGRAM-DATE-TIME` tags, or else from the recording's start time the clerk set. A piece
//!    the recording does not show has no offset (it is listed, not linked).
//! 3. **Nudges**: the clerk may move one chapter's start by up to ten minutes (`NudgeChapter`, audited in the
//!    log); the offset never goes below the recording's start.
//!
//! A private session's piece never has an offset: its recording is never linked.

pub mod link;
pub mod vtt;

use super::hls::StreamClock;
use super::ids::ItemCode;
use super::recording::Recording;
use super::time::Timestamp;
use super::Meeting;
use serde::{Deserialize, Serialize};

/// What a chapter is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChapterKind {
    /// An agenda item; `continued` after a private session interrupted it.
    Item {
        item: ItemCode,
        title: String,
        continued: bool,
    },
    /// The public were excluded under this Sch 12A paragraph.
    PrivateSession { paragraph: u8 },
}

/// A stretch of the meeting, before it is placed in the recording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub number: u32,
    pub kind: ChapterKind,
    pub from: Timestamp,
    /// `None` while it is still going on.
    pub until: Option<Timestamp>,
}

/// A chapter of the recording.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Chapter {
    pub number: u32,
    pub kind: ChapterKind,
    pub starts_at: Timestamp,
    pub ends_at: Option<Timestamp>,
    /// Where it starts in the recording, in ms, the clerk's nudge included; never for a private session.
    pub offset_ms: Option<i64>,
    /// Where it ends in the recording, if known; never for a private session.
    pub end_offset_ms: Option<i64>,
    /// The clerk's nudge, in seconds (0: none).
    pub nudge_seconds: i32,
}

impl ChapterKind {
    /// "A1 Chief Constable Confirmation Hearing", "B1 Update … (continued)", "Private session (Sch 12A para 1)".
    pub fn label(&self) -> String {
        match self {
            ChapterKind::Item {
                item,
                title,
                continued,
            } => {
                let more = if *continued { " (continued)" } else { "" };
                format!("{item} {title}{more}")
            }
            ChapterKind::PrivateSession { paragraph } => {
                format!("Private session: the public were excluded (Sch 12A para {paragraph})")
            }
        }
    }
}

/// The meeting's pieces, in order of time, numbered from 1.
pub fn pieces(meeting: &Meeting) -> Vec<Piece> {
    pieces_of(meeting.recording(), |code| {
        meeting.agenda().item(code).map(|item| item.title.clone())
    })
}

/// [`pieces`] from the recording's history, with the items' titles from `title` (an unknown item has none and
/// no piece).
pub fn pieces_of(recording: &Recording, title: impl Fn(&ItemCode) -> Option<String>) -> Vec<Piece> {
    let close = recording.closed_at;
    let mut exclusions = recording.exclusions.clone();
    exclusions.sort_by_key(|e| e.from);
    let mut pieces: Vec<Piece> = Vec::new();
    let changes = &recording.item_changes;
    for (index, (code, at)) in changes.iter().enumerate() {
        let Some(title) = title(code) else { continue };
        let end = changes.get(index + 1).map(|next| next.1).or(close);
        let item = |continued| ChapterKind::Item {
            item: code.clone(),
            title: title.clone(),
            continued,
        };
        let mut cursor = Some(*at);
        let mut continued = false;
        for exclusion in &exclusions {
            let Some(from) = cursor else { break };
            let ex_end = exclusion.until.or(close);
            if ex_end.is_some_and(|e| e <= from) {
                continue;
            }
            if end.is_some_and(|e| exclusion.from >= e) {
                break;
            }
            if exclusion.from > from {
                pieces.push(piece(item(continued), from, Some(exclusion.from)));
            }
            cursor = ex_end.map(|e| e.max(from));
            continued = true;
        }
        if let Some(from) = cursor.filter(|from| end.is_none_or(|end| *from < end)) {
            pieces.push(piece(item(continued), from, end));
        }
    }
    for exclusion in &exclusions {
        let kind = ChapterKind::PrivateSession {
            paragraph: exclusion.paragraph,
        };
        pieces.push(piece(kind, exclusion.from, exclusion.until.or(close)));
    }
    pieces.sort_by_key(|p| p.from);
    for (index, piece) in pieces.iter_mut().enumerate() {
        piece.number = u32::try_from(index + 1).unwrap_or(u32::MAX);
    }
    pieces
}

fn piece(kind: ChapterKind, from: Timestamp, until: Option<Timestamp>) -> Piece {
    Piece {
        number: 0,
        kind,
        from,
        until,
    }
}

/// The chapters of the meeting's recording, placed by `clock` (`None`: no way to place them yet, so none has
/// an offset and the archive lists them as text).
pub fn chapters(meeting: &Meeting, clock: Option<&StreamClock>) -> Vec<Chapter> {
    place(pieces(meeting), meeting.recording(), clock)
}

/// Places `pieces` in the recording, applying the clerk's nudges.
pub fn place(
    pieces: Vec<Piece>,
    recording: &Recording,
    clock: Option<&StreamClock>,
) -> Vec<Chapter> {
    pieces
        .into_iter()
        .map(|piece| {
            let nudge = recording.nudges.get(&piece.number).copied().unwrap_or(0);
            let public = matches!(piece.kind, ChapterKind::Item { .. });
            let placed = clock.filter(|_| public);
            let offset_ms = placed
                .and_then(|clock| clock.start_of(piece.from, piece.until))
                .map(|offset| offset.saturating_add(i64::from(nudge) * 1000).max(0));
            let end_offset_ms = placed
                .filter(|_| offset_ms.is_some())
                .and_then(|clock| clock.end_of(piece.until));
            Chapter {
                number: piece.number,
                kind: piece.kind,
                starts_at: piece.from,
                ends_at: piece.until,
                offset_ms,
                end_offset_ms,
                nudge_seconds: nudge,
            }
        })
        .collect()
}

/// The clock for a recording: the stream's own date-times if its playlist has them, else the clerk's start time
/// (the playlist, if any, gives the length), else none.
pub fn clock_for(
    recording: &Recording,
    playlist: Option<&super::hls::Playlist>,
) -> Option<StreamClock> {
    playlist.and_then(StreamClock::from_playlist).or_else(|| {
        let total = playlist.map(|p| p.duration_ms());
        recording
            .starts_at
            .map(|start| StreamClock::from_start(start, total))
    })
}
