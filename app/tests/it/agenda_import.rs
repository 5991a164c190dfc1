//! Importing the agenda part of the three seed agenda packs (copied into `tests/fixtures/`):
//! every section, item, page range and seat must come through exactly, as the demo meetings (typed
//! from the same lines by hand) and the tables below have them. And the importer never panics.

use app::demo::demo_spec;
use app::meeting::import::{
    import_agenda, import_agenda_bytes, ImportError, Signatory, UnreadableLine,
};
use app::meeting::*;
use proptest::prelude::*;

const FEB_2020: &str = include_str!("../fixtures/agenda_2020-02-06.txt");
const MAR_2017: &str = include_str!("../fixtures/agenda_2017-03-28.txt");
const DEC_2022: &str = include_str!("../fixtures/agenda_2022-12-06.txt");

fn demo(id: &str) -> MeetingSpec {
    demo_spec(id).unwrap()
}

/// (item code, pages) of every item, section by section: (letter, title, items, empty note).
type Outline = Vec<(
    Option<&'static str>,
    Option<&'static str>,
    Vec<(&'static str, Option<(u32, u32)>)>,
    Option<&'static str>,
)>;

fn outline(spec: &MeetingSpec) -> Outline {
    fn leak(s: &Option<String>) -> Option<&'static str> {
        s.clone().map(|s| &*Box::leak(s.into_boxed_str()))
    }
    spec.sections
        .iter()
        .map(|section| {
            let items = section
                .items
                .iter()
                .map(|item| {
                    (
                        &*Box::leak(item.code.0.clone().into_boxed_str()),
                        item.pages.map(|p| (p.first, p.last)),
                    )
                })
                .collect();
            (
                leak(&section.letter),
                leak(&section.title),
                items,
                leak(&section.empty_note),
            )
        })
        .collect()
}

#[test]
fn each_seed_pack_gives_exactly_its_demo_meetings_agenda_and_membership() {
    for (pack, id) in [
        (MAR_2017, "2017-03-28"),
        (FEB_2020, "2020-02-06"),
        (DEC_2022, "2022-12-06"),
    ] {
        let read = import_agenda(pack).unwrap();
        let expected = demo(id);
        assert_eq!(read.spec.id, expected.id);
        assert_eq!(read.spec.title, expected.title, "{id}");
        assert_eq!(read.spec.venue, expected.venue, "{id}");
        assert_eq!(read.spec.starts_at, expected.starts_at, "{id}");
        assert_eq!(read.spec.contact, expected.contact, "{id}");
        assert_eq!(read.spec.sections, expected.sections, "{id}");
        assert_eq!(read.spec.seats, expected.seats, "{id}");
        assert_eq!(read.missing, ["the Commissioner"], "{id}");
    }
}

#[test]
fn the_seed_agendas_outlines_are_read_as_printed() {
    let cpt = "Commissioner's reports requested by the Panel/offered by the Commissioner";
    let table: [(&str, Outline); 3] = [
        (
            MAR_2017, // S2:42-61
            vec![
                (
                    None,
                    None,
                    vec![("1", None), ("2", None), ("3", None), ("4", Some((3, 8)))],
                    None,
                ),
                (
                    Some("B"),
                    Some(cpt),
                    vec![("B1", Some((9, 12))), ("B2", None), ("B3", Some((13, 16)))],
                    None,
                ),
                (
                    Some("C"),
                    Some("Questions to the Commissioner"),
                    vec![],
                    None,
                ),
                (
                    Some("D"),
                    Some("Commissioner's Decisions"),
                    vec![("D1", Some((17, 20)))],
                    None,
                ),
                (
                    Some("E"),
                    Some("Panel Matters"),
                    vec![("E1", Some((21, 22)))],
                    None,
                ),
            ],
        ),
        (
            FEB_2020, // S0:42-70
            vec![
                (
                    None,
                    None,
                    vec![("1", None), ("2", None), ("3", None), ("4", Some((1, 6)))],
                    None,
                ),
                (
                    Some("A"),
                    Some("Items for consideration under Statutory Obligation"),
                    vec![("A1", Some((7, 44)))],
                    None,
                ),
                (Some("B"), Some(cpt), vec![("B1", None)], None),
                (
                    Some("C"),
                    Some("Commissioner's Decisions"),
                    vec![("C1", Some((45, 46)))],
                    None,
                ),
                (
                    Some("D"),
                    Some("Panel Matters"),
                    vec![("D1", Some((47, 50))), ("D2", Some((51, 52)))],
                    None,
                ),
                (
                    Some("E"),
                    Some("Questions to the Commissioner"),
                    vec![("E1", Some((53, 54)))],
                    None,
                ),
                (
                    Some("F"),
                    Some("For Information"),
                    vec![("F1", Some((55, 60)))],
                    None,
                ),
            ],
        ),
        (
            DEC_2022, // S4:40-69
            vec![
                (
                    None,
                    None,
                    vec![("1", None), ("2", None), ("3", None), ("4", Some((1, 10)))],
                    None,
                ),
                (
                    Some("A"),
                    Some("Items for consideration under Statutory Obligation"),
                    vec![("A1", Some((11, 56)))],
                    None,
                ),
                (
                    Some("B"),
                    Some(cpt),
                    vec![
                        ("B1", Some((57, 84))),
                        ("B2", Some((85, 92))),
                        ("B3", Some((93, 96))),
                    ],
                    None,
                ),
                (
                    Some("C"),
                    Some("Commissioner's Decisions"),
                    vec![],
                    Some("None for this meeting."),
                ),
                (
                    Some("D"),
                    Some("Questions to the Commissioner"),
                    vec![("D1", None)],
                    None,
                ),
                (
                    Some("E"),
                    Some("Panel Matters"),
                    vec![("E1", Some((97, 98)))],
                    None,
                ),
                (
                    Some("F"),
                    Some("For Information"),
                    vec![("F1", Some((99, 108)))],
                    None,
                ),
            ],
        ),
    ];
    for (pack, expected) in table {
        assert_eq!(outline(&import_agenda(pack).unwrap().spec), expected);
    }
}

#[test]
fn to_follow_verbal_and_exempt_marks_come_through() {
    let feb = import_agenda(FEB_2020).unwrap().spec;
    let items: Vec<&AgendaItem> = feb.sections.iter().flat_map(|s| &s.items).collect();
    assert_eq!(
        items[4].to_follow.as_deref(),
        Some("Appendix C – Chief Finance Officer Reports to follow.") // S0:49
    );
    assert!(items[5].verbal); // S0:53
    assert!(items.iter().all(|item| !item.exempt)); // no exempt items in any seed (S0:72-74)
    let mar = import_agenda(MAR_2017).unwrap().spec;
    let b2 = mar.sections[1].items[1].clone();
    assert!(b2.verbal && b2.pages.is_none()); // S2:50
}

#[test]
fn seats_chairs_and_vacancies_come_through() {
    let feb = import_agenda(FEB_2020).unwrap().spec;
    let vacant: Vec<&str> = feb
        .seats
        .iter()
        .filter(|s| s.holder.is_none())
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(vacant, ["ashford", "co-opted-3", "co-opted-4"]); // S0:17, S0:33-34
    assert_eq!(feb.chair, Some(MemberId::new("mike-hill"))); // S0:22
    assert_eq!(feb.vice_chair, Some(MemberId::new("gurvinder-sandher"))); // S0:35
    let kinds = |spec: &MeetingSpec, kind| spec.seats.iter().filter(|s| s.kind == kind).count();
    for pack in [MAR_2017, FEB_2020, DEC_2022] {
        let spec = import_agenda(pack).unwrap().spec;
        assert_eq!(
            (
                kinds(&spec, SeatKind::Council),
                kinds(&spec, SeatKind::CoOpted),
                kinds(&spec, SeatKind::Independent)
            ),
            (14, 4, 2)
        );
    }
    // The 2022 agenda prints no Chairman or Vice-Chairman tags (S4:18, S4:34): none is guessed.
    let dec = import_agenda(DEC_2022).unwrap().spec;
    assert_eq!((dec.chair, dec.vice_chair), (None, None));
}

#[test]
fn the_foot_gives_signatory_and_date_of_issue_and_the_rest_is_not_read() {
    let expected = [
        (
            MAR_2017,
            "John Lynch",
            "Head of Democratic Services",
            "03000 410466",
            CivilDate::new(2017, 3, 20),
        ),
        (
            FEB_2020,
            "Benjamin Watts",
            "General Counsel",
            "03000 416814",
            CivilDate::new(2020, 1, 29),
        ),
        (
            DEC_2022,
            "Benjamin Watts",
            "General Counsel",
            "03000 416814",
            CivilDate::new(2022, 11, 28),
        ),
    ];
    for (pack, name, post, telephone, issued) in expected {
        let read = import_agenda(pack).unwrap();
        assert_eq!(
            read.signatory,
            Some(Signatory {
                name: name.into(),
                post: Some(post.into()),
                telephone: Some(telephone.into())
            })
        );
        assert_eq!(read.issued_on, Some(issued));
    }
}

#[test]
fn only_the_tea_and_coffee_line_is_left_unread() {
    let tea = |line| {
        UnreadableLine {
        line,
        text: "Tea/Coffee will be available 15 minutes before the start of the meeting in the meeting room".into(),
        reason: "Panelcast keeps no such line in a summons".into(),
    }
    };
    assert_eq!(import_agenda(MAR_2017).unwrap().unreadable, [tea(13)]);
    assert_eq!(import_agenda(FEB_2020).unwrap().unreadable, [tea(13)]);
    assert_eq!(import_agenda(DEC_2022).unwrap().unreadable, []);
}

#[test]
fn the_imported_draft_schedules_once_the_commissioner_is_named() {
    for pack in [MAR_2017, FEB_2020, DEC_2022] {
        let mut spec = import_agenda(pack).unwrap().spec;
        spec.commissioner = "Mr Matthew Scott".into();
        let events = Meeting::default().decide(
            &Actor::Clerk {
                name: "Anna Taylor".into(),
            },
            Command::ScheduleMeeting(Box::new(spec.clone())),
            Timestamp(0),
        );
        assert_eq!(events, Ok(vec![Event::MeetingScheduled(Box::new(spec))]));
    }
}

#[test]
fn printing_noise_wrapped_titles_and_unicode_dashes_do_not_change_what_is_read() {
    let original = import_agenda(DEC_2022).unwrap().spec;
    let noisy = DEC_2022
        .replacen("- B1 Update following HMICFRS PEEL Inspection 2021/22 (Pages 57 - 84)",
            "\u{c}Page 2\n\nThis page is intentionally left blank\n\n– B1 Update following HMICFRS PEEL\nInspection 2021/22 (Pages 57 – 84)", 1)
        .replacen("C - Commissioner's Decisions", "C — Commissioner's Decisions", 1)
        .replacen("Councillor Peter Fleming\t", "Councillor Peter Fleming    ", 1)
        .replace('\n', "\r\n");
    let read = import_agenda(&noisy).unwrap();
    assert_eq!(read.spec.sections, original.sections);
    assert_eq!(read.spec.seats, original.seats);
    assert_eq!(read.unreadable, []);
}

#[test]
fn an_unreadable_line_is_listed_with_its_number_and_reason() {
    let pack = MAR_2017
        .replacen(
            "- B3 Public engagement plans",
            "B3: Public engagement plans",
            1,
        )
        .replacen(
            "D - Commissioner's Decisions",
            "Please bring this agenda with you\n\nD - Commissioner's Decisions",
            1,
        );
    let read = import_agenda(&pack).unwrap();
    assert_eq!(
        read.spec.sections[1].items[2].title,
        "Public engagement plans"
    );
    assert_eq!(
        read.spec.sections[1].items[1],
        demo("2017-03-28").sections[1].items[1]
    );
    let unread: Vec<(usize, &str)> = read
        .unreadable
        .iter()
        .map(|u| (u.line, u.text.as_str()))
        .collect();
    assert_eq!(unread, [(13, "Tea/Coffee will be available 15 minutes before the start of the meeting in the meeting room"), (55, "Please bring this agenda with you")]);
    assert_eq!(
        read.unreadable[1].reason,
        "not an item, a section title or a heading"
    );
}

#[test]
fn items_under_the_exempt_heading_are_exempt_and_the_signatory_still_follows() {
    let pack = DEC_2022.replacen(
        "likely NOT to be open to the public)\n",
        "likely NOT to be open to the public)\n\nG - Exempt business\n\n- G1 Staffing matter (Pages 109 - 110)\n",
        1,
    );
    let read = import_agenda(&pack).unwrap();
    let g = read.spec.sections.last().unwrap();
    assert_eq!(
        (g.letter.as_deref(), g.title.as_deref()),
        (Some("G"), Some("Exempt business"))
    );
    assert!(
        g.items[0].exempt
            && g.items[0].pages
                == Some(PageRange {
                    first: 109,
                    last: 110
                })
    );
    assert!(read.spec.sections[..7]
        .iter()
        .flat_map(|s| &s.items)
        .all(|i| !i.exempt));
    assert_eq!(read.issued_on, Some(CivilDate::new(2022, 11, 28)));
    assert_eq!(read.unreadable, []);
}

#[test]
fn an_oversized_or_binary_pack_is_refused_with_a_clear_error() {
    let big = "a".repeat(2 * 1024 * 1024 + 1);
    let error = import_agenda(&big).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooLarge {
            bytes: 2 * 1024 * 1024 + 1
        }
    );
    assert!(error.to_string().contains("up to 2 MB"));
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00";
    let error = import_agenda_bytes(pdf).unwrap_err();
    assert_eq!(error, ImportError::Binary { line: 2 });
    assert_eq!(
        error.to_string(),
        "The pack has binary content at line 2: paste or upload its text, not the PDF"
    );
}

#[test]
fn an_empty_pack_reads_as_a_draft_with_everything_missing() {
    let read = import_agenda("").unwrap();
    assert_eq!(
        read.missing,
        [
            "the meeting's title",
            "the venue",
            "the meeting's date",
            "the start time",
            "the membership",
            "the agenda",
            "the Commissioner"
        ]
    );
    assert!(read.unreadable.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_importer_never_panics_on_arbitrary_text(text in "\\PC*") {
        let _ = import_agenda(&text);
    }

    #[test]
    fn the_importer_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_agenda_bytes(&bytes);
    }

    /// Seed lines, shuffled, cut and joined with odd characters: every line number reported is a
    /// line of the text, and nothing panics.
    #[test]
    fn mangled_seed_agendas_never_panic_and_report_real_lines(
        picks in proptest::collection::vec((0usize..80, 0usize..300, "[\\t –(*İ\u{2212}]{0,3}"), 0..60)
    ) {
        let source: Vec<&str> = DEC_2022.lines().take(80).chain(FEB_2020.lines().take(80)).collect();
        let text: Vec<String> = picks
            .iter()
            .map(|(line, cut, extra)| {
                let line = source[*line % source.len()];
                let cut = line.char_indices().map(|(i, _)| i).nth(*cut).unwrap_or(line.len());
                format!("{}{extra}{}", &line[..cut], &line[cut..])
            })
            .collect();
        let text = text.join("\n");
        let read = import_agenda(&text).unwrap();
        let count = text.lines().count();
        for unreadable in read.unreadable {
            prop_assert!(unreadable.line >= 1 && unreadable.line <= count);
        }
    }
}
