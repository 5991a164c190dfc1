//! The foot of the summons: the signatory's name, post and telephone number, then the date of
//! issue: "Benjamin Watts / General Counsel / 03000 416814 / Monday, 28 November 2022" (S4:75-79;
//! "John Lynch / Head of Democratic Services", S2:67-71). The date of issue ends the agenda part
//! of a pack; what follows (minutes, reports) is not read.

use serde::{Deserialize, Serialize};

/// The most lines a signatory block has before the date of issue: name, post, telephone, and one
/// spare (an email address). More than that means the date of issue is missing.
pub const MAX_SIGNATORY_LINES: usize = 4;

/// Who signed the summons.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// "Benjamin Watts".
    pub name: String,
    /// "General Counsel".
    #[serde(default)]
    pub post: Option<String>,
    /// "03000 416814".
    #[serde(default)]
    pub telephone: Option<String>,
}

impl Signatory {
    /// The block's lines in printed order: the first is the name; a line of digits, spaces and
    /// `/`+ is the telephone; the first other line is the post.
    pub fn from_lines(lines: &[String]) -> Option<Self> {
        let (name, rest) = lines.split_first()?;
        let is_phone = |line: &&String| {
            line.chars().any(|c| c.is_ascii_digit())
                && line
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '/' | '+' | '(' | ')' | '-'))
        };
        Some(Self {
            name: name.clone(),
            post: rest.iter().find(|line| !is_phone(line)).cloned(),
            telephone: rest.iter().find(is_phone).cloned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_gives_name_post_and_telephone() {
        let lines: Vec<String> = ["John Lynch", "Head of Democratic Services", "03000 410466"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(
            Signatory::from_lines(&lines),
            Some(Signatory {
                name: "John Lynch".to_owned(),
                post: Some("Head of Democratic Services".to_owned()),
                telephone: Some("03000 410466".to_owned()),
            })
        );
        assert_eq!(Signatory::from_lines(&[]), None);
    }
}
