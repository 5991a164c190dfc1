//! The pack as lines: size and binary checks, then each line cleaned of what the text form of a PDF
//! adds (markdown bold, non-breaking spaces, form feeds, page stamps, "This page is intentionally
//! left blank" separators, seeds-brief §1.9), so the readers see only the summons' own words.
//!
//! Nothing here knows one seed from another: a line is noise because of what it says, never where
//! it is. Unicode dashes are kept in the text (the agenda prints "Co-opted member – Labour Group",
//! S4:31) and matched through [`is_dash`].

use super::draft::ImportError;

/// The largest pack read, in bytes: an agenda part is a few kilobytes (S4:1-79); 2 MB is room for a
/// whole pasted pack (S4 is 2356 lines) without letting a stray upload tie up the server.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;

/// The longest line read, in characters. Longer than any agenda line (S0:9 is about 250).
pub const MAX_LINE_CHARS: usize = 4000;

/// One line of the pack, cleaned, with its 1-based number in the text as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub text: String,
    /// Whether a blank (or noise) line came just before: a line that follows another directly
    /// continues it (a title wrapped by the PDF's page width).
    pub after_gap: bool,
}

/// Any of the dashes a pack uses between a letter and a section title, or in a page range:
/// hyphen-minus, the Unicode hyphens, figure dash, en and em dashes, and minus.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// The text with every dash made a hyphen-minus and lowercased: for comparing, never for keeping.
pub fn folded(text: &str) -> String {
    text.chars()
        .map(|c| if is_dash(c) { '-' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Refuses what cannot be an agenda pack: over [`MAX_PACK_BYTES`], not UTF-8, or with control
/// characters other than tab, line feed, carriage return and form feed (a PDF or an image pasted
/// by mistake).
pub fn check_bytes(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| ImportError::Binary {
        line: line_of(bytes, error.valid_up_to()),
    })?;
    check_text(text)?;
    Ok(text)
}

/// [`check_bytes`] for text already decoded.
pub fn check_text(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_PACK_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let binary = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
    match text.char_indices().find(|&(_, c)| binary(c)) {
        Some((at, _)) => Err(ImportError::Binary {
            line: line_of(text.as_bytes(), at),
        }),
        None => Ok(()),
    }
}

fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The pack's lines worth reading, cleaned, in order. Blank and noise lines are dropped and
/// remembered as a gap before the next line.
pub fn clean_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut after_gap = true;
    for (index, raw) in text.lines().enumerate() {
        let text = clean(raw);
        if text.is_empty() || is_noise(&text) {
            after_gap = true;
            continue;
        }
        lines.push(Line {
            number: index + 1,
            text,
            after_gap,
        });
        after_gap = false;
    }
    lines
}

/// Drops markdown bold and form feeds, turns non-breaking spaces into spaces, trims. Tabs inside
/// the line are kept: they separate a member from a seat (S4:13).
pub fn clean(raw: &str) -> String {
    let text: String = raw
        .replace("**", "")
        .chars()
        .filter(|&c| c != '\u{c}' && c != '\r')
        .map(|c| {
            if matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    text.trim_matches(|c: char| c == ' ').trim().to_owned()
}

/// A line that belongs to the printing, not the summons: "This page is intentionally left blank"
/// (seeds-brief §1.9), a page stamp "Page 60" (S4:1359-1709), or a rule of dashes or underscores.
pub fn is_noise(text: &str) -> bool {
    let folded = folded(text);
    let folded = folded.trim_end_matches('.');
    if folded == "this page is intentionally left blank" {
        return true;
    }
    if let Some(rest) = folded.strip_prefix("page ") {
        let mut words = rest.split_whitespace();
        let number = words.next().is_some_and(is_number);
        let tail: Vec<&str> = words.collect();
        return number
            && (tail.is_empty() || (tail.len() == 2 && tail[0] == "of" && is_number(tail[1])));
    }
    folded
        .chars()
        .all(|c| matches!(c, '-' | '_' | '=' | '*' | ' '))
}

fn is_number(word: &str) -> bool {
    !word.is_empty() && word.len() <= 6 && word.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_lines_are_dropped_and_leave_a_gap() {
        let lines = clean_lines("A\n\u{c}Page 12\nThis page is intentionally left blank\n**B**\nC");
        let texts: Vec<_> = lines
            .iter()
            .map(|l| (l.number, l.text.as_str(), l.after_gap))
            .collect();
        assert_eq!(texts, [(1, "A", true), (4, "B", true), (5, "C", false)]);
    }

    #[test]
    fn a_page_about_pages_is_not_a_stamp() {
        assert!(!is_noise("Page 12 of the report"));
        assert!(is_noise("Page 3 of 40"));
        assert!(is_noise("– – –"));
    }

    #[test]
    fn binary_content_and_oversized_packs_are_refused() {
        assert_eq!(
            check_bytes(b"AGENDA\n\x00\x01"),
            Err(ImportError::Binary { line: 2 })
        );
        assert_eq!(
            check_bytes(b"ok\n\xff\xfe"),
            Err(ImportError::Binary { line: 2 })
        );
        let big = vec![b'a'; MAX_PACK_BYTES + 1];
        assert_eq!(
            check_bytes(&big),
            Err(ImportError::TooLarge {
                bytes: MAX_PACK_BYTES + 1
            })
        );
        assert_eq!(check_bytes("A – B\tC\u{c}".as_bytes()), Ok("A – B\tC\u{c}"));
    }
}
