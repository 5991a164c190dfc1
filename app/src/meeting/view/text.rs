//! The meeting as plain text, for screen readers and low bandwidth (`/meetings/{id}/text`): what is happening now,
//! the agenda with the current item marked, and the log of the meeting as the public may know it, one line per
//! moment with its UK time. Written from the public projection and the public parts of the history (item moves
//! outside private sessions, exclusions with their paragraph, votes and questions as the public see them).

use super::super::roles::Actor;
use super::super::Meeting;
use super::moments::describe;
use super::project;

/// The text view: a heading line, the state now, the agenda, and the log (oldest first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextView {
    pub title: String,
    pub now: Vec<String>,
    pub agenda: Vec<String>,
    pub log: Vec<String>,
}

/// `meeting` as text for the public.
pub fn text_view(meeting: &Meeting) -> TextView {
    let view = project(meeting, &Actor::Public);
    let mut now = vec![
        format!("{}, {}. {}", view.date, view.time, view.venue),
        format!("Status: {}", view.phase_label),
    ];
    if let Some(reason) = &view.adjournment_reason {
        now.push(format!("Reason for the adjournment: {reason}"));
    }
    let items = view.sections.iter().flat_map(|s| &s.items);
    match (&view.current_item, view.private_paragraph) {
        (Some(code), _) => {
            let title = items
                .clone()
                .find(|i| &i.code == code)
                .map_or("", |i| i.title.as_str());
            now.push(format!("Now: {code} {title}"));
        }
        (None, Some(paragraph)) => now.push(format!(
            "Item withheld: the public are excluded (Sch 12A para {paragraph})"
        )),
        (None, None) => {}
    }
    let agenda = items
        .map(|i| {
            format!(
                "{} {}{}",
                i.code,
                i.title,
                if i.is_current { " (now)" } else { "" }
            )
        })
        .collect();

    let recording = meeting.recording();
    let in_private = |at| recording.public_from(at) != Some(at);
    let title_of = |code| {
        meeting
            .agenda()
            .item(code)
            .map_or(String::new(), |i| i.title.clone())
    };
    let mut lines: Vec<(i64, String)> = Vec::new();
    for (code, at) in &recording.item_changes {
        if !in_private(*at) {
            lines.push((
                at.0,
                format!("{} Now: {code} {}", at.london_hm(), title_of(code)),
            ));
        }
    }
    for exclusion in &recording.exclusions {
        let from = exclusion.from;
        let text = format!(
            "{} The public were excluded (Sch 12A para {})",
            from.london_hm(),
            exclusion.paragraph
        );
        lines.push((from.0, text));
        if let Some(until) = exclusion.until {
            lines.push((
                until.0,
                format!("{} The public were readmitted", until.london_hm()),
            ));
        }
    }
    for moment in &recording.moments {
        let at = moment.at();
        if let (Some(shown), Some(text)) = (recording.public_from(at), describe(&view, moment)) {
            lines.push((shown.0, format!("{} {text}", at.london_hm())));
        }
    }
    lines.sort_by_key(|(at, _)| *at);
    TextView {
        title: format!("{}: {}", view.title, view.date),
        now,
        agenda,
        log: lines.into_iter().map(|(_, line)| line).collect(),
    }
}
