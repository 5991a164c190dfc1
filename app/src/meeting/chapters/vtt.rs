//! The chapters as a WebVTT chapters file (`/meetings/{id}/chapters.vtt`, W3C WebVTT §4.1 and the `chapters`
//! kind of `<track>`), for other players and for search engines. Only chapters placed in the recording become
//! cues; a private session never does (its recording is never linked). A cue runs to its own end in the
//! recording, else to the next cue's start; a cue whose end is unknown and has no successor is left out until
//! the recording's length is known.

use super::link::vtt_time;
use super::{Chapter, ChapterKind};

/// The WebVTT text of `chapters`.
pub fn chapters_vtt(chapters: &[Chapter]) -> String {
    let placed: Vec<(&Chapter, i64)> = chapters
        .iter()
        .filter(|c| matches!(c.kind, ChapterKind::Item { .. }))
        .filter_map(|c| c.offset_ms.map(|offset| (c, offset)))
        .collect();
    let mut text = String::from("WEBVTT\n");
    for (index, (chapter, start)) in placed.iter().enumerate() {
        let next = placed.get(index + 1).map(|(_, offset)| *offset);
        let Some(end) = chapter.end_offset_ms.or(next).filter(|end| end > start) else {
            continue;
        };
        text.push_str(&format!(
            "\nchapter-{}\n{} --> {}\n{}\n",
            chapter.number,
            vtt_time(*start),
            vtt_time(end),
            cue_text(&chapter.kind.label())
        ));
    }
    text
}

/// A cue's text on one line, without the `-->` that would end it early.
fn cue_text(label: &str) -> String {
    label
        .replace("-->", "→")
        .replace(['\n', '\r'], " ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
}
