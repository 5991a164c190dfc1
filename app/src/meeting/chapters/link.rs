//! Times in the recording as people and addresses write them: `?t=1h02m30s` deep links (YouTube's form, also
//! `?t=3750` and `?t=1:02:30`), "1:02:30" on the page, and WebVTT's `01:02:30.000`.

/// The offset in milliseconds of a `t=` value: `1h02m30s`, `62m`, `3750`, `3750s`, `1:02:30`, `02:30`.
/// `None` for anything else (the page then starts at the beginning).
pub fn parse_t(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() || text.len() > 16 {
        return None;
    }
    if text.contains(':') {
        let parts: Vec<&str> = text.split(':').collect();
        if parts.len() > 3 {
            return None;
        }
        let mut total = 0i64;
        for part in parts {
            total = total * 60 + digits(part)?;
        }
        return Some(total * 1000);
    }
    if let Some(seconds) = digits(text) {
        return Some(seconds * 1000);
    }
    let mut total = 0i64;
    let mut number = String::new();
    let mut last_unit = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let (rank, unit) = match c {
            'h' => (1, 3600),
            'm' => (2, 60),
            's' => (3, 1),
            _ => return None,
        };
        if rank <= last_unit {
            return None;
        }
        last_unit = rank;
        total += digits(&std::mem::take(&mut number))? * unit;
    }
    number.is_empty().then_some(total * 1000)
}

fn digits(text: &str) -> Option<i64> {
    (!text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `1h02m30s` (or `2m30s`, `30s`), for a deep link.
pub fn t_value(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m{s:02}s"),
        _ => format!("{h}h{m:02}m{s:02}s"),
    }
}

/// "1:02:30", or "2:30" under an hour, as a page shows a time in the recording.
pub fn clock_text(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// WebVTT's `hh:mm:ss.ttt`.
pub fn vtt_time(ms: i64) -> String {
    let ms = ms.max(0);
    let seconds = ms / 1000;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60,
        ms % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_link_times_are_read_in_the_forms_people_write() {
        let cases = [
            ("1h02m30s", Some(3_750_000)),
            ("62m", Some(3_720_000)),
            ("3750", Some(3_750_000)),
            ("3750s", Some(3_750_000)),
            ("1:02:30", Some(3_750_000)),
            ("02:30", Some(150_000)),
            ("0s", Some(0)),
            ("", None),
            ("1h1h", None),
            ("30s1m", None),
            ("1x", None),
            ("12", Some(12_000)),
            ("1:2:3:4", None),
            ("-5", None),
            ("99999999999999999", None),
            ("1h02", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_t(text), expected, "{text}");
        }
    }

    #[test]
    fn times_are_written_for_links_pages_and_webvtt() {
        assert_eq!(t_value(3_750_000), "1h02m30s");
        assert_eq!(t_value(150_000), "2m30s");
        assert_eq!(t_value(9_999), "9s");
        assert_eq!(clock_text(3_750_000), "1:02:30");
        assert_eq!(clock_text(150_000), "2:30");
        assert_eq!(vtt_time(3_750_123), "01:02:30.123");
        for ms in [0, 1000, 59_000, 3_599_000, 3_600_000, 86_399_000] {
            assert_eq!(parse_t(&t_value(ms)), Some(ms));
        }
    }
}
