//! The summons' opening: the notice "Notice is hereby given that a meeting of the <PANEL> will be
//! held in the <room and building> on <Weekday, Nth Month, YYYY, at h.mm am/pm> when the following
//! business will be transacted" (S2:9, S0:9, S4:9) and the public contact line "Members of the public
//! who require further information are asked to contact <who> on <numbers>" (S2:11, S0:11, S4:11).
//!
//! The notice may be wrapped over several lines when copied from a PDF, so the reader joins a
//! paragraph before reading it. The bold markers of the text form are already gone (see `lines`).

use super::dates::{parse_date, parse_time};
use crate::meeting::time::CivilDate;

const NOTICE: &str = "notice is hereby given that a meeting of the ";
const CONTACT: &str = "members of the public who require further information are asked to contact ";

/// What the opening says. Each part is `None` when the pack does not say it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// "Kent and Medway Police and Crime Panel", in the case the app shows titles in.
    pub title: Option<String>,
    pub venue: Option<String>,
    pub date: Option<CivilDate>,
    pub time: Option<(u8, u8)>,
    pub contact: Option<String>,
}

/// Whether a (joined) paragraph is the notice.
pub fn is_notice(text: &str) -> bool {
    strip_prefix_ci(text, NOTICE).is_some()
}

/// `text` after `prefix`, compared without regard to ASCII case (byte offsets stay valid).
pub fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .map(|_| &text[prefix.len()..])
}

/// The public contact line's "who on what", if this is it.
pub fn contact(text: &str) -> Option<String> {
    strip_prefix_ci(text, CONTACT).map(|rest| rest.trim().trim_end_matches('.').trim().to_owned())
}

/// Reads the notice into `header`; returns why a part could not be read.
pub fn read_notice(text: &str, header: &mut Header) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(rest) = strip_prefix_ci(text, NOTICE) else {
        return vec!["this is not the notice of the meeting".to_owned()];
    };
    let lower = rest.to_ascii_lowercase();
    let Some(held) = lower.find(" will be held in ") else {
        return vec!["the notice does not say where the meeting will be held".to_owned()];
    };
    header.title = Some(title_case(rest[..held].trim()));
    let after = &rest[held + " will be held in ".len()..];
    let after = strip_prefix_ci(after, "the ").unwrap_or(after);
    let end = after
        .to_ascii_lowercase()
        .find(" when the following")
        .unwrap_or(after.len());
    let place_and_time = after[..end].trim().trim_end_matches('.');
    let Some((venue, when)) = split_venue(place_and_time) else {
        return vec!["the notice does not say on what day the meeting will be held".to_owned()];
    };
    header.venue = Some(venue.trim().trim_end_matches(',').to_owned());
    let (day, time) = match when.to_ascii_lowercase().rfind(" at ") {
        Some(at) => (&when[..at], Some(&when[at + 4..])),
        None => (when, None),
    };
    match parse_date(day.trim().trim_end_matches(',')) {
        Ok(date) => header.date = Some(date),
        Err(problem) => problems.push(format!("the meeting's date: {}", problem.0)),
    }
    match time.map(parse_time) {
        Some(Ok(time)) => header.time = Some(time),
        Some(Err(problem)) => problems.push(format!("the meeting's time: {}", problem.0)),
        None => problems.push("the notice gives no start time".to_owned()),
    }
    problems
}

/// Splits "Council Chamber, Sessions House, County Hall, Maidstone on Thursday, 6th February …" at
/// the last " on " that is followed by a weekday or a digit (a room's name could hold " on ").
fn split_venue(text: &str) -> Option<(&str, &str)> {
    let lower = text.to_ascii_lowercase();
    lower
        .match_indices(" on ")
        .map(|(at, _)| at)
        .filter(|&at| {
            let next = &lower[at + 4..];
            next.starts_with(|c: char| c.is_ascii_digit())
                || ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                    .iter()
                    .any(|day| next.starts_with(day))
        })
        .last()
        .map(|at| (&text[..at], &text[at + 4..]))
}

/// "KENT AND MEDWAY POLICE AND CRIME PANEL" → "Kent and Medway Police and Crime Panel". A title
/// already in mixed case is kept as written.
pub fn title_case(text: &str) -> String {
    if text.chars().any(|c| c.is_lowercase()) {
        return text.to_owned();
    }
    text.split_whitespace()
        .enumerate()
        .map(|(index, word)| {
            let lower = word.to_lowercase();
            if index > 0 && matches!(lower.as_str(), "and" | "of" | "the" | "for" | "in" | "on") {
                lower
            } else {
                let mut chars = lower.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_gives_title_venue_date_and_time() {
        let text = "Notice is hereby given that a meeting of the KENT AND MEDWAY POLICE AND CRIME PANEL will be held in the Darent Room, Sessions House, County Hall, Maidstone on Tuesday, 28th March, 2017, at 10.00 am when the following business will be transacted";
        let mut header = Header::default();
        assert!(is_notice(text));
        assert_eq!(read_notice(text, &mut header), Vec::<String>::new());
        assert_eq!(
            header,
            Header {
                title: Some("Kent and Medway Police and Crime Panel".to_owned()),
                venue: Some("Darent Room, Sessions House, County Hall, Maidstone".to_owned()),
                date: Some(CivilDate::new(2017, 3, 28)),
                time: Some((10, 0)),
                contact: None,
            }
        );
    }

    #[test]
    fn a_notice_with_a_wrong_weekday_says_so() {
        let text = "Notice is hereby given that a meeting of the Panel will be held in the Hall on Monday, 6th February, 2020, at 2.00 pm";
        let mut header = Header::default();
        assert_eq!(
            read_notice(text, &mut header),
            ["the meeting's date: 6 February 2020 is a Thursday, not a Monday"]
        );
        assert_eq!(header.venue.as_deref(), Some("Hall"));
        assert_eq!(header.time, Some((14, 0)));
    }

    #[test]
    fn the_contact_line_keeps_who_and_the_numbers() {
        assert_eq!(
            contact("Members of the public who require further information are asked to contact Anna Taylor on 03000 416478").as_deref(),
            Some("Anna Taylor on 03000 416478")
        );
        assert_eq!(contact("Tea/Coffee will be available"), None);
    }
}
