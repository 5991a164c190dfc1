//! The HLS playlist of a recording (`app::meeting::hls::parse`): the server reads it from the clerk's address
//! (`server/src/archive/fetch.rs`) to place the agenda's chapters in the recording. Any text is parsed; a
//! playlist that parses is used as the archive uses it: a clock from its date-times, the chapters placed on it
//! for a live meeting, their WebVTT file. The same text is also read as a `?t=` deep link (`chapters::link`),
//! which must give back what it reads. `playlist --seeds DIR` writes the seed corpus: the demo stream's
//! playlist, and playlists with date-times, a gap, a discontinuity, subtitles and variants.

use app::meeting::chapters::{link, vtt::chapters_vtt};
use app::meeting::hls::parse;
use app::meeting::view::{archive, placed_chapters, PlaylistRead};
use panelcast_fuzz::{live_meeting, seeds_dir, write_seeds};

fn main() {
    if let Some(dir) = seeds_dir() {
        return write_seeds(&dir, seeds());
    }
    let meeting = live_meeting();
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        if let Some(ms) = link::parse_t(text) {
            assert_eq!(
                link::parse_t(&link::t_value(ms)),
                Some(ms / 1000 * 1000),
                "{text:?}"
            );
        }
        if let Ok(playlist) = parse(text) {
            let _ = playlist.duration_ms();
            let read = PlaylistRead::Read(&playlist);
            let chapters = placed_chapters(&meeting, read);
            let _ = chapters_vtt(&chapters);
            let _ = archive(&meeting, Some("/webcast/demo/index.m3u8"), read, true);
        }
    });
}

fn seeds() -> Vec<(String, Vec<u8>)> {
    let demo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/webcast/demo/index.m3u8");
    let mut seeds = vec![(
        "demo.m3u8".to_owned(),
        std::fs::read(demo).expect("the demo playlist"),
    )];
    let written = [
        ("dated.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-PROGRAM-DATE-TIME:2022-12-06T10:00:00.000Z\n#EXTINF:6.0,\na.ts\n#EXTINF:6.0,\nb.ts\n#EXT-X-PROGRAM-DATE-TIME:2022-12-06T10:30:00+00:00\n#EXTINF:5.5,\nc.ts\n#EXT-X-ENDLIST\n"),
        ("discontinuity.m3u8", "#EXTM3U\n#EXTINF:4,\na.ts\n#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:2017-03-28T11:02:30Z\n#EXTINF:4,\nb.ts\n"),
        ("variants.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\nlow/index.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=2000000\nhigh/index.m3u8\n"),
        ("subtitles.m3u8", "#EXTM3U\n#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\",URI=\"subs.m3u8\"\n#EXT-X-STREAM-INF:BANDWIDTH=800000,SUBTITLES=\"subs\"\nlow.m3u8\n"),
        ("t-link", "1h02m30s"),
        ("t-colon", "1:02:30"),
    ];
    seeds.extend(
        written
            .iter()
            .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec())),
    );
    seeds
}
