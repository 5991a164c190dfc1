//! The business: "UNRESTRICTED ITEMS" and "EXEMPT ITEMS" headings (S4:36, S4:71), each followed by
//! its note in brackets (S4:38, S4:73); the numbered standing items "- 1 Introduction/Webcast
//! Announcement" (S4:40-43); lettered section titles "A - Items for consideration under Statutory
//! Obligation" (S4:45); their items "- A1 Chief Constable Confirmation Hearing (Pages 11 - 56)"
//! (S4:47); and "None for this meeting." under an empty section (S4:57).
//!
//! An item may carry a page range "(Pages 7 - 44)" or "(Page 7)", a note "*Note: Appendix C –
//! Chief Finance Officer Reports to follow.*" (S0:49) kept as what is to follow, a title ending
//! "(to follow)", "- to follow" or "to follow" (kept as "to follow"; the seeds have only the note,
//! so this is what a clerk would expect), and be a verbal update when its title says so (S2:50, S0:53). A
//! note that is not about papers to follow has no place in the agenda and is reported.

use super::lines::{folded, is_dash};
use crate::meeting::agenda::{AgendaItem, PageRange};
use crate::meeting::ids::ItemCode;

/// What one line of the business is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BusinessLine {
    /// "UNRESTRICTED ITEMS" (`exempt: false`) or "EXEMPT ITEMS" (`exempt: true`).
    Heading { exempt: bool },
    /// A whole line in brackets: the heading's note about the public (S4:38).
    Note,
    /// "A - Items for consideration under Statutory Obligation".
    Section { letter: String, title: String },
    /// "None for this meeting."
    NoneForThisMeeting(String),
    /// An item, with a note the agenda cannot keep, if any.
    Item {
        item: AgendaItem,
        dropped_note: Option<String>,
    },
}

/// Reads a line of the business; `None` if it is none of the above.
pub fn read_line(text: &str) -> Option<BusinessLine> {
    let plain = folded(text);
    let plain = plain.trim_end_matches('.').trim();
    match plain {
        "unrestricted items" | "unrestricted business" => {
            return Some(BusinessLine::Heading { exempt: false })
        }
        "exempt items" | "exempt business" => return Some(BusinessLine::Heading { exempt: true }),
        _ => {}
    }
    if text.starts_with('(') && text.ends_with(')') {
        return Some(BusinessLine::Note);
    }
    if plain.starts_with("none for this meeting") || plain == "none" {
        return Some(BusinessLine::NoneForThisMeeting(text.to_owned()));
    }
    let body = strip_bullet(text);
    section(body).or_else(|| item(body))
}

/// "- A1 …", "• A1 …" or "A1 …".
fn strip_bullet(text: &str) -> &str {
    let trimmed = text.trim_start_matches(|c: char| is_dash(c) || matches!(c, '•' | '*' | '·'));
    if trimmed.len() != text.len() && trimmed.starts_with(' ') {
        trimmed.trim_start()
    } else {
        text
    }
}

/// "A - Title": one capital letter, a dash, a title.
fn section(text: &str) -> Option<BusinessLine> {
    let mut chars = text.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str().trim_start();
    let mut rest_chars = rest.chars();
    rest_chars.next().filter(|&c| is_dash(c))?;
    let after_dash = rest_chars.as_str();
    let title = after_dash.trim();
    (!title.is_empty() && after_dash.starts_with(char::is_whitespace)).then(|| {
        BusinessLine::Section {
            letter: letter.to_string(),
            title: title.to_owned(),
        }
    })
}

/// "4 Minutes … (Pages 1 - 6)" or "B2 Mental Health - verbal update": a code (digits, or a capital
/// and digits), a space, then the title and its annotations.
fn item(text: &str) -> Option<BusinessLine> {
    let (code, rest) = text.split_once([' ', '\t'])?;
    let code = code.trim_end_matches(['.', ':', ')']);
    if !is_code(code) {
        return None;
    }
    let (title, pages, note) = annotations(rest.trim());
    if title.is_empty() {
        return None;
    }
    let (title, bare_to_follow) = strip_to_follow(&title);
    let (to_follow, dropped_note) = match note {
        Some(note) if folded(&note).contains("to follow") => (Some(note), None),
        Some(note) => (bare_to_follow, Some(note)),
        None => (bare_to_follow, None),
    };
    let verbal = folded(&title).contains("verbal update");
    Some(BusinessLine::Item {
        item: AgendaItem {
            code: ItemCode::new(code),
            title,
            pages,
            to_follow,
            verbal,
            exempt: false,
            exempt_paragraph: None,
            from_programme: None,
        },
        dropped_note,
    })
}

/// "4", "A1", "B12": up to three digits, after one capital letter or none. A code may be printed
/// with a full stop, colon or bracket after it ("B3." or "B3:"), which is not part of it.
fn is_code(code: &str) -> bool {
    let digits = match code.as_bytes() {
        [first, digits @ ..] if first.is_ascii_uppercase() => digits,
        digits => digits,
    };
    !digits.is_empty() && digits.len() <= 3 && digits.iter().all(u8::is_ascii_digit)
}

/// Whether a line begins the way an item does (a bullet, or a code then a space), so that it is
/// never taken for the wrapped end of the item above it.
pub fn looks_like_an_item(text: &str) -> bool {
    strip_bullet(text).len() != text.len()
        || text
            .split_once([' ', '\t'])
            .is_some_and(|(code, _)| is_code(code.trim_end_matches(['.', ':', ')'])))
}

/// Splits the title from "(Pages a - b)" and a following "*Note: …*".
fn annotations(text: &str) -> (String, Option<PageRange>, Option<String>) {
    let lower = text.to_ascii_lowercase();
    if let Some(open) = lower.find("(page") {
        if let Some(close) = text[open..].find(')') {
            if let Some(pages) = page_range(&text[open + 1..open + close]) {
                let after = text[open + close + 1..].trim();
                let note = note_text(after);
                return (text[..open].trim().to_owned(), Some(pages), note);
            }
        }
    }
    match lower.find("note:") {
        Some(at) => {
            let title = text[..at]
                .trim_end_matches(['*', '_', ' ', '('])
                .trim()
                .to_owned();
            (title, None, note_text(&text[at..]))
        }
        None => (text.to_owned(), None, None),
    }
}

/// "*Note: Appendix C – Chief Finance Officer Reports to follow.*" → "Appendix C – Chief Finance
/// Officer Reports to follow."
fn note_text(text: &str) -> Option<String> {
    let text = text.trim_matches(|c: char| matches!(c, '*' | '_' | ' ' | '(' | ')'));
    let text = match text.get(..5) {
        Some(head) if head.eq_ignore_ascii_case("note:") => text[5..].trim(),
        _ => text.trim(),
    };
    (!text.is_empty()).then(|| text.to_owned())
}

/// "Pages 11 - 56", "Pages 11–56", "Page 7".
fn page_range(text: &str) -> Option<PageRange> {
    let lower = text.to_ascii_lowercase();
    let numbers = lower
        .strip_prefix("pages")
        .or_else(|| lower.strip_prefix("page"))?;
    let parts: Vec<&str> = numbers.split(is_dash).map(str::trim).collect();
    let number = |part: &str| -> Option<u32> {
        (!part.is_empty() && part.len() <= 6 && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    match parts[..] {
        [one] => number(one).map(|p| PageRange { first: p, last: p }),
        [first, last] => Some(PageRange {
            first: number(first)?,
            last: number(last)?,
        }),
        _ => None,
    }
}

/// A title ending "(to follow)" or "- to follow" loses the words and keeps them as what follows.
fn strip_to_follow(title: &str) -> (String, Option<String>) {
    let lower = folded(title);
    for ending in ["(to follow)", "- to follow", "to follow"] {
        if lower.ends_with(ending) && lower.len() > ending.len() {
            let cut = title
                .char_indices()
                .rev()
                .nth(ending.chars().count() - 1)
                .map_or(0, |(at, _)| at);
            let kept = title[..cut].trim_end_matches(|c: char| c == ' ' || c == ',' || is_dash(c));
            return (kept.trim().to_owned(), Some("to follow".to_owned()));
        }
    }
    (title.to_owned(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item_of(text: &str) -> AgendaItem {
        match read_line(text) {
            Some(BusinessLine::Item { item, .. }) => item,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn lines_of_the_business_are_told_apart() {
        assert_eq!(
            read_line("UNRESTRICTED ITEMS"),
            Some(BusinessLine::Heading { exempt: false })
        );
        assert_eq!(
            read_line("EXEMPT ITEMS"),
            Some(BusinessLine::Heading { exempt: true })
        );
        assert_eq!(
            read_line("(During these items the meeting is likely to be open to the public)"),
            Some(BusinessLine::Note)
        );
        assert_eq!(
            read_line("C – Commissioner's Decisions"),
            Some(BusinessLine::Section {
                letter: "C".to_owned(),
                title: "Commissioner's Decisions".to_owned()
            })
        );
        assert_eq!(
            read_line("None for this meeting."),
            Some(BusinessLine::NoneForThisMeeting(
                "None for this meeting.".to_owned()
            ))
        );
        assert_eq!(read_line("Benjamin Watts"), None);
        assert_eq!(read_line("03000 416814"), None);
        assert_eq!(read_line("A-level results"), None);
    }

    #[test]
    fn items_keep_pages_notes_and_verbal_updates() {
        assert_eq!(
            item_of("- A1 Chief Constable Confirmation Hearing (Pages 11 - 56)"),
            AgendaItem::new("A1", "Chief Constable Confirmation Hearing", Some((11, 56)))
        );
        let a1 = item_of("- A1 Draft Plan (Pages 7 – 44) *Note: Appendix C – Chief Finance Officer Reports to follow.*");
        assert_eq!(a1.pages, Some(PageRange { first: 7, last: 44 }));
        assert_eq!(
            a1.to_follow.as_deref(),
            Some("Appendix C – Chief Finance Officer Reports to follow.")
        );
        assert_eq!(a1.title, "Draft Plan");
        let b1 = item_of("- B1 Mental Health and Policing - Verbal Update");
        assert!(b1.verbal);
        assert_eq!(b1.title, "Mental Health and Policing - Verbal Update");
        let b3 = item_of("B3 Public engagement plans (to follow)");
        assert_eq!(
            (b3.title.as_str(), b3.to_follow.as_deref()),
            ("Public engagement plans", Some("to follow"))
        );
        assert_eq!(
            item_of("- 5 One page (Page 7)").pages,
            Some(PageRange { first: 7, last: 7 })
        );
    }

    #[test]
    fn a_note_that_is_not_about_papers_is_reported() {
        match read_line("- D1 Decisions (Pages 1 - 2) Note: see the website") {
            Some(BusinessLine::Item { item, dropped_note }) => {
                assert_eq!(item.to_follow, None);
                assert_eq!(dropped_note.as_deref(), Some("see the website"));
            }
            other => panic!("{other:?}"),
        }
    }
}
