//! The public page in step with the webcast: which of the changes that have reached the page it shows yet.
//!
//! A webcast viewer sees the room 10 to 30 seconds late (an HLS player plays a few segments behind the live
//! edge). If the page showed each change when the websocket delivered it, the agenda would move on, and a vote's
//! result appear, before the viewer's video shows the chair saying so. So the public page holds each change
//! (a newer view of the meeting, dated by [`MeetingView::changed_at`]) until the player's position, read as a
//! wall-clock instant from the stream's `#EXT-X-PROGRAM-DATE-TIME`, has reached the change's time. The
//! encoder's clock and the server's are taken to agree, as they do for the archive's chapters.
//!
//! Changes are shown in the order they happened, never out of it. Everything is shown at once when the viewer
//! asked for changes "as they happen", when there is no player position (no video, a stream without
//! date-times, a player the viewer has not started), and for a change with no time. The seeds and statute are
//! silent on this; it is what a viewer of a broadcast expects: the page tells no more than the picture does.
//! Members' and the chair's screens never hold anything back (they are in the room).
//!
//! [`MeetingView::changed_at`]: super::view::MeetingView::changed_at

use super::time::Timestamp;

/// The most changes the page holds back. A viewer who pauses the webcast for a long time is not left with an
/// ever-growing queue: beyond this, the oldest are shown (one change a second for four minutes is far more
/// than a meeting makes, so a playing viewer never reaches it).
pub const MAX_HELD: usize = 240;

/// How many of the `held` changes (oldest first, each with its time if it has one) to show now, with the
/// player at `playhead` (`None`: no position to keep in step with) and the viewer's switch "show changes as
/// they happen" at `as_they_happen`. The result never exceeds `held.len()`, and the changes shown are always
/// the oldest ones.
pub fn released(
    held: &[Option<Timestamp>],
    playhead: Option<Timestamp>,
    as_they_happen: bool,
) -> usize {
    let Some(playhead) = playhead.filter(|_| !as_they_happen) else {
        return held.len();
    };
    let reached = held
        .iter()
        .take_while(|at| at.is_none_or(|at| at <= playhead))
        .count();
    reached.max(held.len().saturating_sub(MAX_HELD))
}
