//! The notes of a Performance and Delivery Board, in the form of its own "Meeting Notes" (S3:3-133,
//! S4:2068-2355): "Meeting Notes", its title, date, venue and "Attendees" by organisation, the numbered
//! items, and at the end an "Overview of Actions" table, Status | Owner | Due date (S3:128-133). An
//! action still open is "Open" (S3:132); one marked done is "Discharged", the word the notes use for
//! an action completed (S4:2085).

pub use super::document::ActionRow;
use super::document::Labelled;
use crate::meeting::Meeting;

/// The heading line: "Meeting Notes: Performance and Delivery Board, Kent Police Headquarters, on
/// Monday, 31 October 2022."
pub fn heading(meeting: &Meeting) -> String {
    meeting
        .info()
        .map(|info| {
            let date = info.starts_at.london_date();
            format!(
                "Meeting Notes: {}, held at {} on {}, {date}.",
                info.title.trim(),
                info.venue.trim(),
                date.weekday_name()
            )
        })
        .unwrap_or_default()
}

/// "Attendees" by organisation, as the notes list them (S4:2073).
pub fn attendees(meeting: &Meeting) -> Vec<Labelled> {
    meeting
        .info()
        .map(|info| {
            info.attendees
                .iter()
                .map(|group| Labelled {
                    label: group.organisation.clone(),
                    text: group.names.join(", "),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The "Overview of Actions": every action recorded at the Board, in the order recorded.
pub fn overview(meeting: &Meeting) -> Vec<ActionRow> {
    meeting
        .record()
        .actions
        .iter()
        .map(|action| ActionRow {
            action: action.text.clone(),
            status: if action.done { "Discharged" } else { "Open" }.to_owned(),
            owner: action.owner.clone(),
            due: action.due.clone(),
        })
        .collect()
}
