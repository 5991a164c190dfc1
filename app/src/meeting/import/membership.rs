//! The membership table: one line per seat, the holder then a tab then the seat, in printed order
//! (S4:13-34). "VACANCY" is an empty seat (S0:17); "(Chairman)" and "(Vice-Chairman)" tag the
//! holders who chair (S0:22, S0:35; the 2022 agenda prints no tags, S4:18).
//!
//! Seat kinds come from the seat's name: "Co-opted member …" is co-opted (S4:29-32), "Independent
//! Member" independent (S4:33-34), anything else a council's seat (PRSRA 2011 Sch 6). Ids follow the
//! demo meetings' convention, so an imported summons names seats and people as they do: a council
//! by its place ("Folkestone and Hythe District Council" → `folkestone-hythe`; a county council by
//! its initials, `kcc`, as the Panel's papers write "KCC"), co-opted and independent seats numbered
//! in printed order (`co-opted-1`, `independent-2`), a person by their name without title
//! ("Councillor Peter Fleming" → `peter-fleming`).

use super::lines::Line;
use crate::meeting::ids::{MemberId, SeatId};
use crate::meeting::roster::{Person, Seat, SeatKind};

/// Honorifics dropped from a name before making its id.
const TITLES: [&str; 12] = [
    "councillor",
    "cllr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "dame",
    "professor",
    "prof",
];

/// The seats read so far, and who chairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Membership {
    pub seats: Vec<Seat>,
    pub chair: Option<MemberId>,
    pub vice_chair: Option<MemberId>,
}

impl Membership {
    /// Reads one line of the table, or says why it cannot.
    pub fn read(&mut self, line: &Line) -> Result<(), String> {
        let (holder, seat_name) = split_columns(&line.text)
            .ok_or_else(|| "a membership line needs the member, a tab, then the seat".to_owned())?;
        let (name, chair, vice_chair) = tags(holder);
        let vacant = matches!(name.to_ascii_lowercase().as_str(), "vacancy" | "vacant");
        let holder = (!vacant).then(|| Person {
            id: member_id(&name),
            name: name.clone(),
        });
        if holder.as_ref().is_some_and(|p| p.id.as_str().is_empty()) {
            return Err(format!("{name:?} is not a person's name"));
        }
        if let Some(person) = &holder {
            if chair {
                self.chair = Some(person.id.clone());
            }
            if vice_chair {
                self.vice_chair = Some(person.id.clone());
            }
        }
        let kind = seat_kind(seat_name);
        let id = self.seat_id(kind, seat_name);
        if id.is_empty() {
            return Err(format!("{seat_name:?} is not the name of a seat"));
        }
        self.seats.push(Seat {
            id: SeatId::new(id),
            name: seat_name.to_owned(),
            kind,
            holder,
        });
        Ok(())
    }

    fn seat_id(&self, kind: SeatKind, name: &str) -> String {
        let numbered = |prefix: &str| {
            let count = self.seats.iter().filter(|s| s.kind == kind).count();
            format!("{prefix}-{}", count + 1)
        };
        match kind {
            SeatKind::CoOpted => numbered("co-opted"),
            SeatKind::Independent => numbered("independent"),
            SeatKind::Council => council_slug(name),
        }
    }
}

/// The holder and the seat: split at a tab, or at a run of two or more spaces (a tab lost in
/// copying). Both must be there.
fn split_columns(text: &str) -> Option<(&str, &str)> {
    let (left, right) = match text.split_once('\t') {
        Some(split) => split,
        None => text.split_once("  ")?,
    };
    let (left, right) = (
        left.trim(),
        right.trim_matches(|c: char| c == '\t' || c == ' '),
    );
    (!left.is_empty() && !right.is_empty() && !right.contains('\t')).then_some((left, right))
}

/// The name without its "(Chairman)" or "(Vice-Chairman)" tag, and which tag it had.
fn tags(holder: &str) -> (String, bool, bool) {
    let mut name = holder.trim().to_owned();
    let (mut chair, mut vice) = (false, false);
    while let Some(open) = name.rfind('(') {
        let tag = super::lines::folded(&name[open..]);
        match tag.trim() {
            "(chairman)" | "(chair)" => chair = true,
            "(vice-chairman)" | "(vice chairman)" | "(vice-chair)" | "(vice chair)" => vice = true,
            _ => break,
        }
        name.truncate(open);
        name = name.trim_end().to_owned();
    }
    (name, chair, vice)
}

fn seat_kind(name: &str) -> SeatKind {
    let folded = super::lines::folded(name);
    if folded.starts_with("co-opted") || folded.starts_with("coopted") {
        SeatKind::CoOpted
    } else if folded.contains("independent") {
        SeatKind::Independent
    } else {
        SeatKind::Council
    }
}

/// "Tunbridge Wells Borough Council" → `tunbridge-wells`; "Kent County Council" → `kcc`.
fn council_slug(name: &str) -> String {
    let folded = super::lines::folded(name);
    if let Some(place) = folded.strip_suffix(" county council") {
        let initials: String = place
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && *w != "and")
            .filter_map(|w| w.chars().next())
            .collect();
        return format!("{initials}cc");
    }
    let place = [
        " borough council",
        " district council",
        " city council",
        " council",
    ]
    .iter()
    .find_map(|suffix| folded.strip_suffix(suffix))
    .unwrap_or(&folded);
    slug(
        &place
            .split_whitespace()
            .filter(|w| *w != "and")
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn strip_titles(name: &str) -> &str {
    let mut rest = name.trim();
    while let Some((first, tail)) = rest.split_once(' ') {
        if TITLES.contains(&first.trim_end_matches('.').to_lowercase().as_str()) {
            rest = tail.trim_start();
        } else {
            break;
        }
    }
    if TITLES.contains(&rest.trim_end_matches('.').to_lowercase().as_str()) {
        ""
    } else {
        rest
    }
}

/// A person's id from their name as printed: "Councillor Peter Fleming" → `peter-fleming`.
pub fn member_id(name: &str) -> MemberId {
    MemberId::new(slug(strip_titles(name)))
}

/// Lowercase ASCII letters and digits joined by single hyphens: "Mochrie-Cox" → `mochrie-cox`.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') && c != '\'' && c != '\u{2019}' {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-')
        .chars()
        .take(64)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        Line {
            number: 1,
            text: text.to_owned(),
            after_gap: false,
        }
    }

    #[test]
    fn seats_are_read_with_their_kind_and_the_demo_ids() {
        let mut table = Membership::default();
        for text in [
            "VACANCY\tAshford Borough Council",
            "Mr Mike Hill (Chairman)\tKent County Council",
            "Councillor Jenny Hollingsbee\tFolkestone and Hythe District Council",
            "Councillor Gary Hackwell\tCo-opted member – Medway Council",
            "VACANCY\tCo-opted member",
            "Mr Gurvinder Sandher (Vice-Chairman)  Independent Member",
        ] {
            table.read(&line(text)).unwrap();
        }
        let ids: Vec<_> = table.seats.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ashford",
                "kcc",
                "folkestone-hythe",
                "co-opted-1",
                "co-opted-2",
                "independent-1"
            ]
        );
        assert_eq!(table.seats[0].holder, None);
        assert_eq!(
            table.seats[1].holder,
            Some(Person::new("mike-hill", "Mr Mike Hill"))
        );
        assert_eq!(table.seats[3].kind, SeatKind::CoOpted);
        assert_eq!(table.seats[5].kind, SeatKind::Independent);
        assert_eq!(table.chair, Some(MemberId::new("mike-hill")));
        assert_eq!(table.vice_chair, Some(MemberId::new("gurvinder-sandher")));
    }

    #[test]
    fn a_line_without_two_columns_is_unreadable() {
        let mut table = Membership::default();
        assert!(table
            .read(&line("Councillor Peter Fleming Sevenoaks"))
            .is_err());
        assert!(table.read(&line("Dr\tSevenoaks District Council")).is_err());
        assert!(table.seats.is_empty());
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        assert_eq!(slug("Shane Mochrie-Cox"), "shane-mochrie-cox");
        assert_eq!(slug("Lottie  Parfitt–Reid"), "lottie-parfitt-reid");
        assert_eq!(slug("O'Brien"), "obrien");
        assert_eq!(strip_titles("Councillor Dr Mike Eddy"), "Mike Eddy");
    }
}
