//! Reading the work programme from the three seed agenda packs (excerpts in `tests/fixtures/programme_*.txt`:
//! each pack's agenda, the minute that notes the work programme, and the programme itself, S2:496-540,
//! S0:1313-1351, S4:2037-2064): every date, time, note, entry and standing line must come through
//! exactly; the programme prints back in the packs' form; and the reader never panics.

use app::meeting::programme::{
    decide, import_programme, programme_text, replay, Entry, EntryText, ImportedMeeting,
    PlannedDate, Programme, ProgrammeCommand, ProgrammeEvent, YearKey,
};
use app::meeting::time::CivilDate;
use app::meeting::Actor;
use proptest::prelude::*;

const FEB_2020: &str = include_str!("../fixtures/programme_2020-02-06.txt");
const MAR_2017: &str = include_str!("../fixtures/programme_2017-03-28.txt");
const DEC_2022: &str = include_str!("../fixtures/programme_2022-12-06.txt");

fn day(y: i32, m: u8, d: u8) -> PlannedDate {
    PlannedDate::Day {
        date: CivilDate::new(y, m, d),
    }
}

fn row(subject: &str, reason: &str, author: &str) -> EntryText {
    EntryText {
        subject: subject.into(),
        reason: reason.into(),
        author: author.into(),
    }
}

fn date(
    date: PlannedDate,
    time: Option<(u8, u8)>,
    note: Option<&str>,
    entries: Vec<EntryText>,
) -> ImportedMeeting {
    ImportedMeeting {
        date,
        time,
        note: note.map(str::to_owned),
        reserve: note.is_some_and(|n| n.contains("reserve")),
        entries,
    }
}

fn strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|s| s.to_string()).collect()
}

fn clerk() -> Actor {
    Actor::Clerk {
        name: "Anna Taylor".into(),
    }
}

#[test]
fn the_2020_dates_list_is_read_with_times_notes_and_reserve_dates() {
    let read = import_programme(FEB_2020).unwrap();
    let p = &read.programme;
    assert_eq!(p.year, YearKey::parse("2020/21"));
    let budget = Some("Budget and Precept meeting");
    let reserve = Some("Budget and Precept reserve date");
    assert_eq!(
        p.meetings,
        vec![
            date(day(2020, 2, 6), Some((14, 0)), budget, vec![]),
            date(day(2020, 2, 18), Some((10, 0)), reserve, vec![]),
            date(day(2020, 6, 18), Some((10, 0)), None, vec![]),
            date(day(2020, 9, 8), Some((10, 0)), None, vec![]),
            date(day(2020, 12, 8), Some((10, 0)), None, vec![]),
            date(day(2021, 2, 4), Some((10, 0)), budget, vec![]),
            date(day(2021, 2, 16), Some((10, 0)), reserve, vec![]),
        ]
    );
    assert_eq!(
        p.provisional,
        vec![
            row("Hate Crime Victim Satisfaction", "", ""),
            row("Support structures / arrangements for additional officer numbers and increased frontline activity", "", ""),
        ]
    );
    assert_eq!(
        p.standard,
        strings(&[
            "Update on PCC's work related to Mental Health and Policing",
            "Questions to the Commissioner"
        ])
    );
    assert_eq!(p.consider, strings(&["Commissioner's Key Decisions"]));
    assert_eq!(p.note, strings(&["Performance and Delivery Board minutes"]));
    // The agenda, the minutes and the cover paper before it are not the programme; the update's
    // paragraph is prose, listed with its line number rather than dropped in silence.
    assert_eq!(read.lines, Some((110, 148)));
    let unread: Vec<(usize, &str)> = read
        .unreadable
        .iter()
        .map(|u| (u.line, u.reason.as_str()))
        .collect();
    assert_eq!(
        unread,
        [(
            130,
            "text of the work programme update, not a date or an item: not kept"
        )]
    );
}

#[test]
fn the_2017_programme_is_read_date_by_date_with_wrapped_cells_joined() {
    let read = import_programme(MAR_2017).unwrap();
    let p = &read.programme;
    assert_eq!(p.year, None);
    let update = "Update on PCC's expenditure to support the police and Crime Plan";
    assert_eq!(
        p.meetings,
        vec![
            date(day(2017, 7, 20), None, None, vec![
                row("Election of Chairman and Vice-Chairman", "Annual requirement", "N/A"),
                row("HMIC report on vulnerable persons - follow-up report", "Requested by Panel", "PCC"),
                row("Complaints against the PCC and policy review", "Requested by Panel", "Panel officers"),
                row("Possible additional powers for PCSO's - further report", "Requested by Panel", "PCC"),
                row("PCC's Annual report 2016/17", "Statutory requirement", "PCC"),
                row(update, "Proposed by PCC", "PCC"),
            ]),
            date(day(2017, 9, 28), None, None, vec![
                row("PCC's Accounts 2016/17", "Statutory requirement", "PCC"),
                row("Police and Crime Act - new responsibilities for PCC's (including complaints)", "Requested by Panel (Feb 2017)", "PCC"),
                row("Making offenders pay - progress", "Requested by Chairman", "PCC"),
            ]),
            date(day(2017, 11, 15), None, None, vec![
                row(update, "Proposed by PCC", "PCC"),
                row("\u{201c}Opportunities for the Future\u{201d} - progress report", "Requested by Chairman", "PCC"),
            ]),
            date(day(2018, 2, 8), None, None, vec![
                row("Progress in delivering the Safer in Kent plan", "Requested by Panel (Feb 2017)", "PCC"),
                row("Refreshed Safer in Kent plan 2017/20", "Statutory requirement", "PCC"),
                row("Budget and precept proposal 2018/19", "Statutory requirement", "PCC"),
                row("Panel Annual report", "Requested by Chairman", "Panel officers"),
            ]),
            date(day(2018, 4, 25), None, None, vec![row("Mental Health update", "Proposed by PCC", "PCC")]),
        ]
    );
    assert_eq!(p.standard, strings(&["Questions to the Commissioner"]));
    assert_eq!(
        p.note,
        strings(&[
            "Commissioner\u{2019}s decisions",
            "Performance and Delivery Board minutes"
        ])
    );
    assert!(p.provisional.is_empty() && p.consider.is_empty());
    assert_eq!(read.unreadable, vec![]);
}

#[test]
fn the_2022_programme_splits_the_bold_heading_and_keeps_a_month_without_a_day() {
    let read = import_programme(DEC_2022).unwrap();
    let p = &read.programme;
    assert_eq!(
        p.meetings,
        vec![
            date(
                day(2023, 2, 1),
                None,
                None,
                vec![
                    row(
                        "Draft Plan and Precept Proposal",
                        "Statutory Requirement",
                        "PCC"
                    ),
                    row(
                        "Budget and Precept Proposal 2023/24",
                        "Statutory Requirement",
                        "PCC"
                    ),
                    row("Panel Annual Report", "Requested by the Panel", "Panel"),
                    row(
                        "101 response times report",
                        "Requested by the Panel/Offered by the Commissioner",
                        "PCC"
                    ),
                ]
            ),
            date(day(2023, 4, 18), None, None, vec![]),
            date(
                day(2023, 6, 27),
                None,
                None,
                vec![
                    row("Election of Chair", "", ""),
                    row("Election of Vice-Chair", "", ""),
                    row("Update on Fraud", "", ""),
                ]
            ),
            date(
                PlannedDate::Month {
                    year: 2023,
                    month: 9
                },
                None,
                None,
                vec![row(
                    "Complaints against the Commissioner \u{2013} Annual Report 2022/23",
                    "Statutory Requirement",
                    "Panel Officers"
                ),]
            ),
        ]
    );
    assert_eq!(p.standard, strings(&["Questions to the Commissioner"]));
    assert_eq!(
        p.note,
        strings(&[
            "Commissioner's decisions",
            "Performance and Delivery Board minutes (if available)"
        ])
    );
    assert_eq!(read.unreadable, vec![]);
    assert_eq!(read.lines, Some((109, 136)));
}

/// Merges `text` into `programme` as the clerk's import does, returning the events.
fn merge(programme: &[ProgrammeEvent], text: &str) -> Vec<ProgrammeEvent> {
    let state = replay(programme);
    let read = import_programme(text).unwrap();
    let year = YearKey::parse("2022/23").unwrap();
    decide(
        &state,
        &clerk(),
        &year,
        &ProgrammeCommand::Import {
            programme: read.programme,
        },
    )
    .unwrap()
}

#[test]
fn importing_a_pack_twice_adds_nothing_the_second_time() {
    let first = merge(&[], DEC_2022);
    assert!(matches!(first[0], ProgrammeEvent::YearOpened { .. }));
    let added = |kind: fn(&ProgrammeEvent) -> bool| first.iter().filter(|e| kind(e)).count();
    assert_eq!(added(|e| matches!(e, ProgrammeEvent::DateAdded { .. })), 4);
    assert_eq!(added(|e| matches!(e, ProgrammeEvent::EntryAdded { .. })), 8);
    assert_eq!(added(|e| matches!(e, ProgrammeEvent::ListSet { .. })), 2);
    assert_eq!(merge(&first, DEC_2022), vec![]);
}

/// Everything but the ids (which follow the order things are read in).
fn content(p: &Programme) -> impl PartialEq + std::fmt::Debug {
    let texts = |entries: &[Entry]| -> Vec<(String, String, String)> {
        entries
            .iter()
            .map(|e| (e.subject.clone(), e.reason.clone(), e.author.clone()))
            .collect()
    };
    let meetings: Vec<_> = p
        .meetings
        .iter()
        .map(|m| (m.date, m.time, m.note.clone(), m.reserve, texts(&m.entries)))
        .collect();
    (
        meetings,
        texts(&p.provisional),
        p.standard.clone(),
        p.consider.clone(),
        p.note.clone(),
    )
}

#[test]
fn the_printed_programme_is_the_packs_form_and_reads_back_the_same() {
    for pack in [FEB_2020, MAR_2017, DEC_2022] {
        let events = merge(&[], pack);
        let programme = replay(&events);
        let text = programme_text(&programme);
        // Each table row prints as the pack printed it, tab-separated (S2:500).
        for meeting in &import_programme(pack).unwrap().programme.meetings {
            for entry in &meeting.entries {
                let cells = [&entry.subject, &entry.reason, &entry.author];
                let printed = cells
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join("\t");
                let printed = printed.trim_end_matches('\t');
                assert!(text.lines().any(|l| l == printed), "{printed:?} in\n{text}");
            }
        }
        let again = replay(&merge(&[], &text));
        assert_eq!(content(&again), content(&programme));
    }
    let text = programme_text(&replay(&merge(&[], FEB_2020)));
    assert!(text.contains("Meeting dates for 2022/23\n\nThursday 6 February 2020 – 14:00 (Budget and Precept meeting)\n\nTuesday 18 February 2020 – 10:00 (Budget and Precept reserve date)\n"), "{text}");
    assert!(text.contains("Items to note at each meeting when available\n\n- Performance and Delivery Board minutes\n"));
}

#[test]
fn a_date_that_is_not_the_weekday_it_says_is_not_taken_as_a_date() {
    let read =
        import_programme("Meeting dates for 2020/21\n\nFriday 6 February – 14:00\n").unwrap();
    assert!(read.programme.meetings.is_empty());
    assert_eq!(read.unreadable.len(), 1);
    assert_eq!(read.unreadable[0].line, 3);
}

#[test]
fn binary_and_oversized_text_is_refused_whole() {
    assert!(import_programme("Meeting dates\n\u{0}\u{1}").is_err());
    let big = "a".repeat(app::meeting::import::MAX_PACK_BYTES + 1);
    assert!(import_programme(&big).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn the_reader_never_panics(text in "[a-zA-Z0-9 \\t\\n–\\-()*:/.,'İ\u{2212}]{0,400}") {
        let _ = import_programme(&text);
    }

    #[test]
    fn the_reader_never_panics_on_lines_of_the_seeds_shuffled(picks in proptest::collection::vec((0usize..160, "[\\t –(*)]{0,2}"), 0..50)) {
        let lines: Vec<&str> = FEB_2020.lines().chain(MAR_2017.lines()).chain(DEC_2022.lines()).collect();
        let text: String = picks
            .iter()
            .map(|(i, noise)| format!("{}{noise}\n", lines[i % lines.len()]))
            .collect();
        if let Ok(read) = import_programme(&text) {
            for unread in read.unreadable {
                prop_assert!(unread.line >= 1 && unread.line <= picks.len());
            }
        }
    }
}
