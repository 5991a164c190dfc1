//! Dates and times as people write them: "Thursday, 6th February, 2020" (S0:9), "Monday, 28
//! November 2022" (S4:79), "1 December 2026", "2026-12-01", "01/12/2026" (day first, as in the UK);
//! "2.00 pm" (S0:9), "10.00 am", "14:00", "2pm", "noon".
//!
//! A weekday, when given, must be the date's weekday: a summons that says "Tuesday, 6th February,
//! 2020" has a mistake in it, and the clerk should be told rather than have one part silently win.

use crate::meeting::time::CivilDate;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Why a date or time could not be read, in words for the clerk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateProblem(pub String);

/// A calendar date from the ways a clerk writes one.
pub fn parse_date(text: &str) -> Result<CivilDate, DateProblem> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('.')
        .chars()
        .map(|c| if c == ',' { ' ' } else { c })
        .collect();
    let words: Vec<String> = cleaned.split_whitespace().map(str::to_lowercase).collect();
    let unreadable = || {
        DateProblem(format!(
            "{:?} is not a date: write it as \"1 December 2026\" or \"2026-12-01\"",
            text.trim()
        ))
    };
    let (weekday, rest) = match words.first().and_then(|w| weekday_index(w)) {
        Some(index) => (Some(index), &words[1..]),
        None => (None, &words[..]),
    };
    let date = match rest {
        [one] => numeric(one).ok_or_else(unreadable)?,
        [day, month, year] => {
            let day = day_number(day).ok_or_else(unreadable)?;
            let month = month_index(month).ok_or_else(unreadable)?;
            let year = year.parse::<i32>().map_err(|_| unreadable())?;
            (year, month, day)
        }
        _ => return Err(unreadable()),
    };
    let date = real_date(date)
        .ok_or_else(|| DateProblem(format!("{:?} is not a day of the calendar", text.trim())))?;
    match weekday {
        Some(index) if index != date.weekday_index() => Err(DateProblem(format!(
            "{date} is a {}, not a {}",
            date.weekday_name(),
            capitalised(WEEKDAYS[index])
        ))),
        _ => Ok(date),
    }
}

/// A clock time (hours, minutes) from "2.00 pm", "10.00 am", "14:00", "2pm", "noon".
pub fn parse_time(text: &str) -> Result<(u8, u8), DateProblem> {
    let lower = text.trim().trim_end_matches('.').to_lowercase();
    let unreadable = || {
        DateProblem(format!(
            "{:?} is not a time: write it as \"10.00 am\" or \"14:00\"",
            text.trim()
        ))
    };
    if lower == "noon" || lower == "12 noon" || lower == "midday" {
        return Ok((12, 0));
    }
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.replace("a.m", "am").replace("p.m", "pm");
    let (clock, half) = if let Some(clock) = compact.strip_suffix("am") {
        (clock, Some(false))
    } else if let Some(clock) = compact.strip_suffix("pm") {
        (clock, Some(true))
    } else {
        (compact.as_str(), None)
    };
    let (hours, minutes) = match clock.split_once(['.', ':']) {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return Err(unreadable()),
        None => (clock, "00"),
    };
    let hours: u8 = small_number(hours).ok_or_else(unreadable)?;
    let minutes: u8 = small_number(minutes).ok_or_else(unreadable)?;
    if minutes > 59 {
        return Err(unreadable());
    }
    let hours = match half {
        Some(_) if hours == 0 || hours > 12 => return Err(unreadable()),
        Some(false) => hours % 12,
        Some(true) => hours % 12 + 12,
        None if hours > 23 => return Err(unreadable()),
        None => hours,
    };
    Ok((hours, minutes))
}

fn small_number(text: &str) -> Option<u8> {
    (!text.is_empty() && text.len() <= 2 && text.chars().all(|c| c.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn weekday_index(word: &str) -> Option<usize> {
    WEEKDAYS
        .iter()
        .position(|day| *day == word || (word.len() == 3 && day.starts_with(word)))
}

fn month_index(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() >= 3 && m.starts_with(word)))
        .map(|index| index as u8 + 1)
}

/// "6", "6th", "21st", "2nd", "23rd".
fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    small_number(digits)
}

/// "2026-12-01" or "01/12/2026" (day first).
fn numeric(word: &str) -> Option<(i32, u8, u8)> {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else { return None };
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !all_digits {
        return None;
    }
    if a.len() == 4 {
        Some((a.parse().ok()?, small_number(b)?, small_number(c)?))
    } else if c.len() == 4 {
        Some((c.parse().ok()?, small_number(b)?, small_number(a)?))
    } else {
        None
    }
}

fn real_date((year, month, day): (i32, u8, u8)) -> Option<CivilDate> {
    let date = CivilDate::new(year, month, day);
    let plausible = (1900..=2999).contains(&year) && (1..=12).contains(&month) && day >= 1;
    (plausible && CivilDate::from_days_since_epoch(date.days_since_epoch()) == date).then_some(date)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_clerks_write_them() {
        let dec1 = Ok(CivilDate::new(2026, 12, 1));
        for text in [
            "1 December 2026",
            "2026-12-01",
            "01/12/2026",
            "Tuesday, 1st December, 2026",
            "Tue 1 Dec 2026",
            " 1 december 2026. ",
        ] {
            assert_eq!(parse_date(text), dec1, "{text}");
        }
        assert_eq!(
            parse_date("Thursday, 6th February, 2020"),
            Ok(CivilDate::new(2020, 2, 6))
        );
        assert_eq!(
            parse_date("Monday, 28 November 2022"),
            Ok(CivilDate::new(2022, 11, 28))
        );
    }

    #[test]
    fn impossible_dates_and_wrong_weekdays_are_refused_in_words() {
        assert_eq!(
            parse_date("Tuesday, 6th February, 2020"),
            Err(DateProblem(
                "6 February 2020 is a Thursday, not a Tuesday".to_owned()
            ))
        );
        assert_eq!(
            parse_date("31 February 2026"),
            Err(DateProblem(
                "\"31 February 2026\" is not a day of the calendar".to_owned()
            ))
        );
        for text in [
            "",
            "soon",
            "{\"year\":2026}",
            "2026-13-01",
            "1 Smarch 2026",
            "6th",
        ] {
            assert!(parse_date(text).is_err(), "{text}");
        }
    }

    #[test]
    fn times_are_read_as_clerks_write_them() {
        for (text, expected) in [
            ("2.00 pm", (14, 0)),
            ("10.00 am", (10, 0)),
            ("14:00", (14, 0)),
            ("2pm", (14, 0)),
            ("12.30 pm", (12, 30)),
            ("12.15 am", (0, 15)),
            ("noon", (12, 0)),
            ("9:05 a.m.", (9, 5)),
        ] {
            assert_eq!(parse_time(text), Ok(expected), "{text}");
        }
        for text in ["", "13 pm", "25:00", "10.6 am", "ten", "10:60"] {
            assert!(parse_time(text).is_err(), "{text}");
        }
    }
}
