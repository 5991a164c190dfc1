//! `#EXT-X-PROGRAM-DATE-TIME` values: ISO 8601 date-times with a time zone (RFC 8216 §4.3.2.6), as encoders
//! write them: `2022-12-06T10:00:00.000Z`, `…+00:00`, and ffmpeg's `…+0000`. Read with the core's own calendar
//! arithmetic ([`CivilDate::days_since_epoch`]); fractions are kept to the millisecond.

use crate::meeting::time::{CivilDate, Timestamp};

/// The instant of a date-time, or `None` if it is not one (a missing zone is refused: the RFC requires it).
pub fn parse_date_time(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    let (date, rest) = (text.get(..10)?, text.get(10..)?);
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let year: i32 = number(date.get(..4)?)?;
    let month: u8 = number(date.get(5..7)?)?;
    let day: u8 = number(date.get(8..10)?)?;
    if date.as_bytes().get(4) != Some(&b'-') || date.as_bytes().get(7) != Some(&b'-') {
        return None;
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let hour: i64 = number(rest.get(..2)?)?;
    let minute: i64 = number(rest.get(3..5)?)?;
    let second: i64 = number(rest.get(6..8)?)?;
    if rest.as_bytes().get(2) != Some(&b':') || rest.as_bytes().get(5) != Some(&b':') {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = rest.get(8..)?;
    let mut millis = 0i64;
    if let Some(fraction) = rest.strip_prefix(['.', ',']) {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let kept = &fraction[..digits.min(3)];
        millis = number::<i64>(kept)? * 10i64.pow(3 - kept.len() as u32);
        rest = &fraction[digits..];
    }
    let offset_minutes = zone(rest)?;
    let days = CivilDate::new(year, month, day).days_since_epoch();
    let ms = ((days * 24 + hour) * 60 + minute - offset_minutes) * 60_000 + second * 1000 + millis;
    Some(Timestamp(ms))
}

/// `Z` → 0; `+01:00`, `+0100`, `+01` → 60; `-05:30` → -330.
fn zone(text: &str) -> Option<i64> {
    if text.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || (digits.len() != 2 && digits.len() != 4) {
        return None;
    }
    let hours: i64 = number(&digits[..2])?;
    let minutes: i64 = if digits.len() == 4 {
        number(&digits[2..])?
    } else {
        0
    };
    (hours <= 23 && minutes <= 59).then_some(sign * (hours * 60 + minutes))
}

/// Digits only (no sign, no spaces).
fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoders_date_times_are_read_to_the_millisecond() {
        let ten = Timestamp::from_utc(CivilDate::new(2022, 12, 6), 10, 0);
        let cases = [
            ("2022-12-06T10:00:00Z", Some(ten.0)),
            ("2022-12-06T10:00:00.000Z", Some(ten.0)),
            ("2022-12-06T10:00:02.5+00:00", Some(ten.0 + 2500)),
            ("2022-12-06T10:00:00.123456+0000", Some(ten.0 + 123)),
            ("2022-12-06T11:00:00.000+01:00", Some(ten.0)),
            ("2022-12-06T05:30:00-0430", Some(ten.0)),
            ("2022-12-06T10:00:00", None),
            ("2022-12-06T10:00:00.Z", None),
            ("2022-13-06T10:00:00Z", None),
            ("2022-12-06T24:00:00Z", None),
            ("2022/12/06T10:00:00Z", None),
            ("2022-12-06T10:00:00+1", None),
            ("yesterday", None),
            ("2022-12-06T10:0é:00Z", None),
            ("2022-12-06T10:00:00+0é0", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date_time(text).map(|t| t.0), expected, "{text}");
        }
    }
}
