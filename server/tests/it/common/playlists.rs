//! Recording playlists for the archive's tests.

use time::format_description::well_known::Rfc3339;

/// A playlist of 2 s segments from `start_ms` for `count` segments, each tagged with its date-time, ended.
pub fn playlist(start_ms: i64, count: i64) -> String {
    let mut text = String::from(
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-PLAYLIST-TYPE:VOD\n",
    );
    for n in 0..count {
        let at = time::OffsetDateTime::from_unix_timestamp_nanos(
            i128::from(start_ms + n * 2000) * 1_000_000,
        )
        .expect("a date-time");
        text.push_str(&format!(
            "#EXT-X-PROGRAM-DATE-TIME:{}\n#EXTINF:2.000,\nsegment{n}.ts\n",
            at.format(&Rfc3339).expect("formats")
        ));
    }
    text.push_str("#EXT-X-ENDLIST\n");
    text
}
