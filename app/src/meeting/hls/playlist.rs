//! A pure reader of HLS playlists (RFC 8216), for the tags that chapters need and nothing else:
//! `#EXTINF` (a segment's duration), `#EXT-X-PROGRAM-DATE-TIME` (the wall-clock instant of a segment's first
//! frame, §4.3.2.6), `#EXT-X-ENDLIST` (the recording is complete, §4.3.3.4), `#EXT-X-MEDIA` subtitle renditions
//! (§4.3.4.1, the captions) and `#EXT-X-STREAM-INF` variants (§4.3.4.2: a multivariant playlist names media
//! playlists instead of holding segments). Every other tag is skipped.
//!
//! It never panics and never allocates more than the text's size (a property test feeds it arbitrary text); the
//! shell bounds the text before it gets here. Text that does not start with `#EXTM3U` is refused, as the RFC
//! requires (§4.3.1.1).

use super::pdt::parse_date_time;
use crate::meeting::time::Timestamp;

/// The longest segment accepted, in milliseconds: a day. A longer `#EXTINF` is a broken playlist.
const MAX_SEGMENT_MS: i64 = 24 * 3_600_000;

/// One media segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub uri: String,
    pub duration_ms: i64,
    /// As tagged on this segment (not carried forward from an earlier one).
    pub program_date_time: Option<Timestamp>,
}

/// A subtitle rendition (`#EXT-X-MEDIA:TYPE=SUBTITLES`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subtitles {
    pub name: String,
    pub language: Option<String>,
    pub uri: Option<String>,
    pub default: bool,
}

/// What a playlist says, as far as chapters and captions care.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Playlist {
    pub segments: Vec<Segment>,
    /// `#EXT-X-ENDLIST`: no segment will be added (a finished recording, or VOD).
    pub ended: bool,
    /// The media playlists of a multivariant playlist, in order.
    pub variants: Vec<String>,
    pub subtitles: Vec<Subtitles>,
}

/// Why a text is not a playlist this reader can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaylistError {
    /// The first line is not `#EXTM3U`.
    NotAPlaylist,
    /// A tag's value cannot be read: (line number from 1, the tag).
    BadTag { line: usize, tag: &'static str },
}

impl std::fmt::Display for PlaylistError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlaylistError::NotAPlaylist => {
                write!(f, "it is not an HLS playlist (no #EXTM3U first line)")
            }
            PlaylistError::BadTag { line, tag } => {
                write!(f, "line {line} has an unreadable {tag} tag")
            }
        }
    }
}

impl Playlist {
    /// The sum of the segments' durations, in milliseconds.
    pub fn duration_ms(&self) -> i64 {
        self.segments.iter().map(|s| s.duration_ms).sum()
    }

    /// Whether any segment carries a program date-time.
    pub fn has_program_date_time(&self) -> bool {
        self.segments.iter().any(|s| s.program_date_time.is_some())
    }
}

/// Reads a playlist.
pub fn parse(text: &str) -> Result<Playlist, PlaylistError> {
    let mut lines = text.lines().map(str::trim).enumerate();
    match lines.by_ref().find(|(_, line)| !line.is_empty()) {
        Some((_, first)) if first.starts_with("#EXTM3U") => {}
        _ => return Err(PlaylistError::NotAPlaylist),
    }
    let mut playlist = Playlist::default();
    let mut duration: Option<i64> = None;
    let mut date_time: Option<Timestamp> = None;
    let mut variant_next = false;
    for (index, line) in lines {
        let bad = |tag| PlaylistError::BadTag {
            line: index + 1,
            tag,
        };
        if line.is_empty() {
            continue;
        }
        if let Some(value) = line.strip_prefix("#EXTINF:") {
            let seconds = value.split(',').next().unwrap_or_default();
            duration = Some(seconds_to_ms(seconds).ok_or(bad("#EXTINF"))?);
        } else if let Some(value) = line.strip_prefix("#EXT-X-PROGRAM-DATE-TIME:") {
            date_time = Some(parse_date_time(value).ok_or(bad("#EXT-X-PROGRAM-DATE-TIME"))?);
        } else if line.starts_with("#EXT-X-ENDLIST") {
            playlist.ended = true;
        } else if line.starts_with("#EXT-X-STREAM-INF:") {
            variant_next = true;
        } else if let Some(value) = line.strip_prefix("#EXT-X-MEDIA:") {
            if let Some(subtitles) = subtitles(value) {
                playlist.subtitles.push(subtitles);
            }
        } else if line.starts_with('#') {
            // Another tag, or a comment.
        } else if let Some(duration_ms) = duration.take() {
            playlist.segments.push(Segment {
                uri: line.to_owned(),
                duration_ms,
                program_date_time: date_time.take(),
            });
        } else if std::mem::take(&mut variant_next) {
            playlist.variants.push(line.to_owned());
        }
    }
    Ok(playlist)
}

/// "2.000" seconds → 2000 ms; `None` unless a finite number from 0 to a day.
fn seconds_to_ms(text: &str) -> Option<i64> {
    let seconds: f64 = text.trim().parse().ok()?;
    let ms = (seconds * 1000.0).round();
    (ms.is_finite() && (0.0..=MAX_SEGMENT_MS as f64).contains(&ms)).then_some(ms as i64)
}

/// A `TYPE=SUBTITLES` rendition, or `None` for any other media type.
fn subtitles(attributes: &str) -> Option<Subtitles> {
    let list = attribute_list(attributes);
    let get = |key: &str| {
        list.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
    };
    if get("TYPE").as_deref() != Some("SUBTITLES") {
        return None;
    }
    Some(Subtitles {
        name: get("NAME").unwrap_or_default(),
        language: get("LANGUAGE"),
        uri: get("URI"),
        default: get("DEFAULT").as_deref() == Some("YES"),
    })
}

/// `KEY=VALUE,KEY="quoted, value"` → pairs (§4.2), quotes removed. Malformed pairs are skipped.
fn attribute_list(text: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some((key, after)) = rest.split_once('=') else {
            break;
        };
        let (value, next) = match after.strip_prefix('"') {
            Some(quoted) => match quoted.split_once('"') {
                Some((value, next)) => (value, next),
                None => (quoted, ""),
            },
            None => after.split_once(',').map_or((after, ""), |(v, n)| (v, n)),
        };
        pairs.push((key.trim(), value));
        rest = next.trim_start_matches(',').trim_start();
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIVE: &str =
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n\
        #EXT-X-PROGRAM-DATE-TIME:2022-12-06T10:00:00.000+0000\n#EXTINF:2.000000,\nseg0.ts\n\
        #EXT-X-PROGRAM-DATE-TIME:2022-12-06T10:00:02.000Z\n#EXTINF:2.000000,\nseg1.ts\n";

    #[test]
    fn segments_durations_and_program_date_times_are_read() {
        let playlist = parse(LIVE).unwrap();
        assert_eq!(playlist.segments.len(), 2);
        assert_eq!(playlist.segments[1].uri, "seg1.ts");
        assert_eq!(playlist.duration_ms(), 4000);
        assert!(playlist.has_program_date_time() && !playlist.ended);
        let first = playlist.segments[0].program_date_time.unwrap();
        assert_eq!(
            playlist.segments[1].program_date_time,
            Some(Timestamp(first.0 + 2000))
        );
    }

    #[test]
    fn endlist_variants_and_subtitles_are_read() {
        let vod = parse(&format!("{LIVE}#EXT-X-ENDLIST\n")).unwrap();
        assert!(vod.ended);
        let master = parse(
            "#EXTM3U\n#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English, live\",LANGUAGE=\"en\",\
             DEFAULT=YES,URI=\"subs/en.m3u8\"\n#EXT-X-MEDIA:TYPE=AUDIO,NAME=\"a\"\n\
             #EXT-X-STREAM-INF:BANDWIDTH=800000,SUBTITLES=\"subs\"\nlow/index.m3u8\n",
        )
        .unwrap();
        assert_eq!(master.variants, vec!["low/index.m3u8".to_owned()]);
        assert_eq!(
            master.subtitles,
            vec![Subtitles {
                name: "English, live".into(),
                language: Some("en".into()),
                uri: Some("subs/en.m3u8".into()),
                default: true,
            }]
        );
    }

    #[test]
    fn what_is_not_a_playlist_is_refused_with_a_reason() {
        let cases: [(&str, PlaylistError); 4] = [
            ("", PlaylistError::NotAPlaylist),
            ("<html>", PlaylistError::NotAPlaylist),
            (
                "#EXTM3U\n#EXTINF:abc,\nx.ts",
                PlaylistError::BadTag {
                    line: 2,
                    tag: "#EXTINF",
                },
            ),
            (
                "#EXTM3U\n#EXT-X-PROGRAM-DATE-TIME:yesterday\n",
                PlaylistError::BadTag {
                    line: 2,
                    tag: "#EXT-X-PROGRAM-DATE-TIME",
                },
            ),
        ];
        for (text, error) in cases {
            assert_eq!(parse(text), Err(error), "{text:?}");
        }
        assert_eq!(
            parse("#EXTM3U\n#EXTINF:-1,\nx.ts"),
            Err(PlaylistError::BadTag {
                line: 2,
                tag: "#EXTINF"
            })
        );
    }
}
