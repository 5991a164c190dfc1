//! The published record as a table: one row per seat of each vote, for `votes.csv`.
//!
//! Every cell passes through [`neutralise`]: a cell that a spreadsheet would read as a formula (OWASP
//! "CSV injection": one beginning with `=`, `+`, `-` or `@`, or with a tab or carriage return) gets a
//! leading apostrophe, which spreadsheets show as text. Motions and names come from people, so they are
//! never trusted to be harmless.

use super::vote_record::{utc_text, VoteRecord};

/// The header row.
pub const HEADER: [&str; 25] = [
    "meeting",
    "vote",
    "kind",
    "motion",
    "item",
    "in_private",
    "opened_at",
    "closed_at",
    "electorate",
    "threshold",
    "outcome",
    "arithmetic",
    "for",
    "against",
    "abstain",
    "not_voting",
    "seat",
    "seat_name",
    "member",
    "name",
    "substitute",
    "position",
    "receipt",
    "voted_at",
    "closed_hash",
];

/// The rows under [`HEADER`], already neutralised.
pub fn rows(records: &[VoteRecord]) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for record in records {
        let tally = record.result.tally;
        for seat in &record.seats {
            let row = [
                record.meeting.to_string(),
                record.vote.0.to_string(),
                record.kind_label.clone(),
                record.motion.clone(),
                record
                    .item
                    .as_ref()
                    .map(|i| i.to_string())
                    .unwrap_or_default(),
                record.in_private.to_string(),
                utc_text(record.opened_at),
                utc_text(record.closed_at),
                record.electorate.to_string(),
                record.threshold_text.clone(),
                record.outcome_label.clone(),
                record.result.arithmetic.clone(),
                tally.for_.to_string(),
                tally.against.to_string(),
                tally.abstain.to_string(),
                tally.not_voting.to_string(),
                seat.seat.to_string(),
                seat.seat_name.clone(),
                seat.member.to_string(),
                seat.name.clone(),
                seat.substitute.to_string(),
                seat.position.label().to_owned(),
                seat.receipt
                    .as_ref()
                    .map(|r| r.0.clone())
                    .unwrap_or_default(),
                seat.voted_at.map(utc_text).unwrap_or_default(),
                record.closed_hash.clone(),
            ];
            rows.push(row.into_iter().map(neutralise).collect());
        }
    }
    rows
}

/// A cell a spreadsheet will show as text, never run as a formula.
pub fn neutralise(cell: String) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_neutralised() {
        let table = [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("Cllr Mike Hill", "Cllr Mike Hill"),
            ("That the Panel = notes", "That the Panel = notes"),
            ("", ""),
            ("14", "14"),
        ];
        for (cell, shown) in table {
            assert_eq!(neutralise(cell.to_owned()), shown, "{cell:?}");
        }
    }

    #[test]
    fn the_header_and_each_row_have_the_same_width() {
        assert_eq!(HEADER.len(), 25);
        assert!(rows(&[]).is_empty());
    }
}
