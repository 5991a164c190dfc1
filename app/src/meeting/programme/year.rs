//! A municipal year: "2020/21" as the Panel writes it (S0:1316), `2020-21` in an address
//! (`/programme/2020-21`). The Panel's year runs from its annual meeting, where it elects its Chairman
//! and Vice-Chairman ("Annual requirement", S2:500), to the next; the seeds' own "Meeting dates for
//! 2020/21" list starts with the February 2020 budget meeting (S0:1318), so a year's dates are not
//! confined to a calendar window: the clerk decides what belongs to which year.

use std::fmt;

use serde::{Deserialize, Serialize};

/// `2020-21`: the first calendar year and the last two digits of the next.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearKey {
    first: i32,
}

impl YearKey {
    /// The year starting in `first` (1900–2998).
    pub fn starting(first: i32) -> Option<Self> {
        (1900..=2998).contains(&first).then_some(Self { first })
    }

    /// Reads "2020/21", "2020-21", "2020/2021" or "2020-2021"; anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.len() > 9 {
            return None;
        }
        let (first, second) = text.split_once(['/', '-'])?;
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if first.len() != 4 || !digits(first) || !digits(second) {
            return None;
        }
        let first: i32 = first.parse().ok()?;
        let next = first + 1;
        let matches = match second.len() {
            2 => second.parse::<i32>().ok()? == next % 100,
            4 => second.parse::<i32>().ok()? == next,
            _ => false,
        };
        matches.then(|| Self::starting(first)).flatten()
    }

    pub fn first(&self) -> i32 {
        self.first
    }

    /// The address form: `2020-21`.
    pub fn key(&self) -> String {
        format!("{}-{:02}", self.first, (self.first + 1) % 100)
    }
}

impl fmt::Display for YearKey {
    /// "2020/21".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.first, (self.first + 1) % 100)
    }
}

impl TryFrom<String> for YearKey {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
            .ok_or_else(|| format!("{text:?} is not a municipal year such as 2020-21"))
    }
}

impl From<YearKey> for String {
    fn from(year: YearKey) -> Self {
        year.key()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_as_written_and_printed_as_the_panel_prints_them() {
        for text in ["2020/21", "2020-21", "2020/2021", " 2020-2021 "] {
            let year = YearKey::parse(text).expect(text);
            assert_eq!(
                (year.key(), year.to_string()),
                ("2020-21".into(), "2020/21".into())
            );
        }
        assert_eq!(
            YearKey::parse("1999/00").map(|y| y.key()),
            Some("1999-00".into())
        );
        for text in [
            "2020/22", "2020", "20/21", "2020-21x", "abcd/ef", "", "2999/00",
        ] {
            assert_eq!(YearKey::parse(text), None, "{text}");
        }
    }
}
