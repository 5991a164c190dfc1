//! The kind of meeting on the schedule form, as plain functions: the kind chosen by its key, and a
//! Performance and Delivery Board's attendees typed one per line as "Organisation: name", grouped by
//! organisation in the order typed, as the Board's notes list them (S3:11-13, S4:2073). A Board has no
//! Panel seats, chair or vice-chair (the Commissioner chairs it, S4:1348), so the form drops whatever
//! membership the draft carried when the clerk chooses a Board: a clerk starting a Board from a Panel
//! meeting would otherwise have twenty seats to remove.

use crate::meeting::{AttendeeGroup, MeetingKind, MeetingSpec};

/// The attendees as the form shows them: one "Organisation: name" per line.
pub fn attendees_text(groups: &[AttendeeGroup]) -> String {
    groups
        .iter()
        .flat_map(|group| {
            group
                .names
                .iter()
                .map(move |name| format!("{}: {name}", group.organisation))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The attendees from the form's lines; a line without "Organisation:" is refused with its number.
pub fn parse_attendees(text: &str) -> Result<Vec<AttendeeGroup>, String> {
    let mut groups: Vec<AttendeeGroup> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((organisation, name)) = line
            .split_once(':')
            .map(|(o, n)| (o.trim(), n.trim()))
            .filter(|(o, n)| !o.is_empty() && !n.is_empty())
        else {
            return Err(format!(
                "line {} of the attendees needs the organisation, a colon and the name, e.g. Kent Police: Tim Smith - Temporary Chief Constable",
                number + 1
            ));
        };
        match groups.iter_mut().find(|g| g.organisation == organisation) {
            Some(group) => group.names.push(name.to_owned()),
            None => groups.push(AttendeeGroup {
                organisation: organisation.to_owned(),
                names: vec![name.to_owned()],
            }),
        }
    }
    Ok(groups)
}

/// Lays the chosen kind over the draft: a Board drops the Panel's seats and offices.
pub fn set_kind(spec: &mut MeetingSpec, kind: MeetingKind, attendees: Vec<AttendeeGroup>) {
    spec.kind = kind;
    spec.attendees = attendees;
    if kind == MeetingKind::PerformanceBoard {
        spec.seats.clear();
        spec.chair = None;
        spec.vice_chair = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::board2022;

    #[test]
    fn attendees_round_trip_through_the_form() {
        let groups = board2022::attendees();
        assert_eq!(parse_attendees(&attendees_text(&groups)), Ok(groups));
    }

    #[test]
    fn a_line_without_an_organisation_is_refused_with_its_number() {
        let error = parse_attendees("Kent Police: Tim Smith\n\nIan Drysdale").unwrap_err();
        assert!(error.starts_with("line 3 of the attendees"), "{error}");
    }

    #[test]
    fn choosing_the_board_drops_the_panels_seats() {
        let mut spec = crate::demo::demo_spec("2022-12-06").unwrap();
        set_kind(&mut spec, MeetingKind::PerformanceBoard, vec![]);
        assert!(spec.seats.is_empty() && spec.chair.is_none() && spec.vice_chair.is_none());
    }
}
