//! The archive: a closed meeting's public page becomes its recording with the agenda as chapters
//! (docs/WEBCAST.md). [`archive`] is pure: the shell reads the playlist and says what it found ([`PlaylistRead`]).
//!
//! Which recording: the clerk's `recording_url`, else the live stream's playlist once it has ended
//! (`#EXT-X-ENDLIST`). Chapters are placed by the stream's date-times or the clerk's start time; without either,
//! or if the playlist cannot be read, the archive is a text list of the items with the times they began, and
//! the clerk is told why (the public get a plain notice, never the technical reason).

use super::super::chapters::{chapters, clock_for, link, Chapter, ChapterKind};
use super::super::hls::{Playlist, StreamClock};
use super::super::ids::ItemCode;
use super::super::Meeting;
use super::moments::{moments, MomentView};
use serde::{Deserialize, Serialize};

/// What the shell found at the recording's address.
#[derive(Clone, Copy, Debug)]
pub enum PlaylistRead<'a> {
    Read(&'a Playlist),
    /// It could not be fetched or parsed: why, in a sentence for the clerk.
    Unreadable(&'a str),
    /// The shell does not read playlists from there (why): it is played as it is and placed by the start time.
    NotFetched(&'a str),
    /// There is no address to read.
    Nothing,
}

/// The archive of a closed meeting, as the public page shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveView {
    /// The HLS playlist to play; `None` when there is nothing playable (yet).
    pub recording_url: Option<String>,
    pub chapters: Vec<ChapterView>,
    /// What the public are told when the recording cannot be shown or placed.
    pub notice: Option<String>,
    /// Why, for the clerk only.
    pub problem: Option<String>,
    /// Whether this view is final (the playlist was read and has ended): the shell may cache pages showing it.
    pub settled: bool,
    /// Votes, results, questions and answers at the moments they happened (`moments.rs`).
    #[serde(default)]
    pub moments: Vec<MomentView>,
}

/// One chapter of the archive.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ChapterView {
    pub number: u32,
    /// The element's id: `item-A1` for an item's first chapter (so `#item-A1` links to it), `chapter-3` else.
    pub anchor: String,
    pub item: Option<ItemCode>,
    /// "A1 Chief Constable Confirmation Hearing", "Private session: the public were excluded (Sch 12A para 1)".
    pub label: String,
    pub private: bool,
    /// "10:05": when it began, UK time.
    pub began: String,
    /// Where it starts in the recording (ms); never for a private session.
    pub offset_ms: Option<i64>,
    /// "1:02:30".
    pub at: Option<String>,
    /// "1h02m30s", for `?t=`.
    pub t: Option<String>,
}

/// How the recording can be shown: whether it can be played, the clock that places the chapters, and what is
/// wrong (for the clerk).
struct Placing {
    playable: bool,
    clock: Option<StreamClock>,
    problem: Option<String>,
}

fn placing(meeting: &Meeting, read: PlaylistRead) -> Placing {
    let recording = meeting.recording();
    let clerk_set = recording.url.is_some();
    let (playable, playlist, mut problem) = match read {
        PlaylistRead::Read(playlist) if playlist.ended || clerk_set => (true, Some(playlist), None),
        PlaylistRead::Read(_) => (false, None, Some("The live stream's playlist has not ended (no #EXT-X-ENDLIST yet): set the recording's address when the recording is ready.".to_owned())),
        PlaylistRead::Unreadable(why) => (false, None, Some(format!("The recording's playlist could not be read: {why}."))),
        PlaylistRead::NotFetched(why) => (clerk_set, None, Some(format!("The recording's playlist is not read by the server: {why}."))),
        PlaylistRead::Nothing => (false, None, None),
    };
    let clock = clock_for(recording, playlist).filter(|_| playable);
    if playable && clock.is_none() {
        problem = Some(problem.map_or_else(
            || "The stream has no #EXT-X-PROGRAM-DATE-TIME tags: set the recording's start time to place the chapters.".to_owned(),
            |why| format!("{why} Set the recording's start time to place the chapters."),
        ));
    } else if clock.is_some() && matches!(read, PlaylistRead::NotFetched(_)) {
        problem = None;
    }
    Placing {
        playable,
        clock,
        problem,
    }
}

/// The chapters as the archive places them (for the WebVTT file): none placed unless the recording can be
/// played.
pub fn placed_chapters(meeting: &Meeting, read: PlaylistRead) -> Vec<Chapter> {
    chapters(meeting, placing(meeting, read).clock.as_ref())
}

/// The archive of `meeting`, whose playlist (at `url`) the shell read as `read`; `for_clerk` adds the reason
/// when something is wrong.
pub fn archive(
    meeting: &Meeting,
    url: Option<&str>,
    read: PlaylistRead,
    for_clerk: bool,
) -> ArchiveView {
    let Placing {
        playable,
        clock,
        problem,
    } = placing(meeting, read);
    let notice = match (url, playable, clock.is_some()) {
        (None, _, _) => Some("There is no recording of this meeting. The items are listed with the times they began."),
        (Some(_), false, _) => Some("The recording is not available yet. The items are listed with the times they began."),
        (Some(_), true, false) => Some("The recording's chapters are not ready yet. The items are listed with the times they began."),
        (Some(_), true, true) => None,
    };
    let mut seen = std::collections::BTreeSet::new();
    let chapters = chapters(meeting, clock.as_ref())
        .into_iter()
        .map(|chapter| {
            let item = match &chapter.kind {
                ChapterKind::Item { item, .. } => Some(item.clone()),
                ChapterKind::PrivateSession { .. } => None,
            };
            let anchor = match &item {
                Some(code) if seen.insert(code.clone()) => format!("item-{code}"),
                _ => format!("chapter-{}", chapter.number),
            };
            ChapterView {
                number: chapter.number,
                anchor,
                private: item.is_none(),
                item,
                label: chapter.kind.label(),
                began: chapter.starts_at.london_hm(),
                offset_ms: chapter.offset_ms,
                at: chapter.offset_ms.map(link::clock_text),
                t: chapter.offset_ms.map(link::t_value),
            }
        })
        .collect();
    ArchiveView {
        moments: moments(meeting, clock.as_ref()),
        recording_url: playable.then(|| url.map(str::to_owned)).flatten(),
        chapters,
        notice: notice.map(str::to_owned),
        problem: problem.filter(|_| for_clerk),
        settled: matches!(read, PlaylistRead::Read(p) if p.ended)
            || matches!(read, PlaylistRead::Nothing),
    }
}

/// The address of the recording to read for `meeting`: the clerk's, else the live stream's.
pub fn recording_address(meeting: &Meeting) -> Option<&str> {
    meeting
        .recording()
        .url
        .as_deref()
        .or_else(|| meeting.info().and_then(|i| i.webcast_url.as_deref()))
}
