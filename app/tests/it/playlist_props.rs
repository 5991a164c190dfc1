//! The playlist reader never panics, whatever text it is given: arbitrary strings, and playlist-shaped lines
//! with mangled values (the shell fetches playlists from elsewhere, so their text is untrusted). Where it reads
//! a playlist, the chapters placed by it never panic either.

use app::meeting::chapters::link::parse_t;
use app::meeting::hls::{parse, pdt::parse_date_time, StreamClock};
use app::meeting::Timestamp;
use proptest::prelude::*;

/// Lines that look like a playlist's, with values drawn to break things.
fn line() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        "[0-9.\\-e+]{0,12}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,7})?(Z|[+-][0-9:]{0,5})?",
        ".{0,20}",
    ];
    let tag = prop_oneof![
        Just("#EXTINF:"),
        Just("#EXT-X-PROGRAM-DATE-TIME:"),
        Just("#EXT-X-ENDLIST"),
        Just("#EXT-X-MEDIA:TYPE=SUBTITLES,NAME=\""),
        Just("#EXT-X-MEDIA:"),
        Just("#EXT-X-STREAM-INF:"),
        Just("#EXT-X-DISCONTINUITY"),
        Just(""),
        Just("segment.ts"),
    ];
    (tag, value).prop_map(|(tag, value)| format!("{tag}{value}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in "\\PC{0,300}") {
        let _ = parse(&text);
        let _ = parse(&format!("#EXTM3U\n{text}"));
        let _ = parse_date_time(&text);
        let _ = parse_t(&text);
    }

    #[test]
    fn playlist_shaped_text_is_read_or_refused_and_its_clock_never_panics(
        lines in prop::collection::vec(line(), 0..60),
        probes in prop::collection::vec(any::<i64>(), 0..8),
    ) {
        let text = format!("#EXTM3U\n{}", lines.join("\n"));
        if let Ok(playlist) = parse(&text) {
            let total: i64 = playlist.segments.iter().map(|s| s.duration_ms).sum();
            prop_assert_eq!(playlist.duration_ms(), total);
            if let Some(clock) = StreamClock::from_playlist(&playlist) {
                for probe in &probes {
                    let _ = clock.start_of(Timestamp(*probe), None);
                    let _ = clock.start_of(Timestamp(*probe), Some(Timestamp(probe.saturating_add(1))));
                    let _ = clock.end_of(Some(Timestamp(*probe)));
                }
            }
        }
    }
}
