//! The record: a full scripted 6 December 2022 meeting replayed through the core, and its
//! generated minutes compared with the form of the seed's minutes (S4:83-246): heading, PRESENT line,
//! numbering running on from 27 September 2022 (52-64), RESOLVED lines, the veto statement, and the
//! public version in which the exempt hearing is only its heading and the exclusion resolution.

use crate::common::*;
use app::meeting::action::ActionKind;
use app::meeting::minutes::{self, Block, Minutes};
use app::meeting::*;

fn item(code: &str) -> ItemCode {
    ItemCode::new(code)
}

fn go(s: &mut Session, code: &str) {
    s.run(&chair(), Command::GoToItem { item: item(code) });
}

fn para(s: &mut Session, code: &str, text: &str) {
    s.run(
        &clerk(),
        Command::AddMinuteParagraph {
            item: item(code),
            text: text.into(),
        },
    );
}

fn resolve(s: &mut Session, code: &str, text: &str) {
    s.run(
        &clerk(),
        Command::RecordResolution {
            item: item(code),
            text: text.into(),
        },
    );
}

/// The meeting of 6 December 2022, scripted from start to close.
fn december_meeting() -> Session {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    for (asker, text) in [
        (
            "ashley-clark",
            "How will the new Chief Constable be held to account?",
        ),
        ("richard-palmer", "What is the 101 call answering time?"),
    ] {
        s.run(
            &member(asker),
            Command::SubmitQuestion { text: text.into() },
        );
    }
    let present = eighteen_present(&mut s);
    s.run(
        &clerk(),
        Command::SetMeetingAttendance {
            also_present: vec![
                "Mr M Scott (Kent Police and Crime Commissioner)".into(),
                "Mr A Harper (PCC's Chief Executive)".into(),
                "Mr R Phillips (PCC's Chief Finance Officer)".into(),
            ],
            in_attendance: vec![
                "Mrs A Taylor (Scrutiny Research Officer)".into(),
                "Mr M Dentten (Democratic Services Officer)".into(),
            ],
        },
    );
    s.now = at(DEC_2022, 10, 0);
    s.run(&chair(), Command::OpenMeeting);
    for code in ["1", "2", "3"] {
        go(&mut s, code);
    }
    s.run(
        &member("ashley-clark"),
        Command::DeclareInterest {
            member: MemberId::new("ashley-clark"),
            item: item("B1"),
            interest: "that he was in receipt of a Kent Police pension".into(),
        },
    );
    go(&mut s, "4");
    resolve(
        &mut s,
        "4",
        "RESOLVED that the minutes of the meeting held on 27 September 2022 were an accurate record and that they be signed by the Chairman.",
    );
    go(&mut s, "A1");
    s.run(
        &clerk(),
        Command::SetItemAttendance {
            item: item("A1"),
            guests: vec!["Mr T Smith (Temporary Chief Constable, Kent Police)".into()],
        },
    );
    s.run(
        &chair(),
        Command::SetHearingStage {
            stage: HearingStage::Questions,
        },
    );
    para(
        &mut s,
        "A1",
        "The Panel questioned the candidate on the criteria.",
    );
    s.run(
        &chair(),
        Command::ExcludePublic {
            paragraph: 1,
            item: Some(item("A1")),
        },
    );
    s.run(
        &chair(),
        Command::SetHearingStage {
            stage: HearingStage::PrivateDeliberation,
        },
    );
    para(
        &mut s,
        "A1",
        "SECRET DELIBERATION: the Panel discussed the candidate's references.",
    );
    hearing_stages(&mut s, &[HearingStage::Vote]);
    open_veto(&mut s);
    s.vote(1, &present[..13], Choice::For);
    s.vote(1, &present[13..], Choice::Against);
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    s.run(&chair(), Command::ReturnToPublic);
    go(&mut s, "B1");
    para(
        &mut s,
        "B1",
        "The Commissioner introduced the update on the PEEL inspection.",
    );
    para(&mut s, "B1", "Members asked about 101 performance.");
    s.run(
        &clerk(),
        Command::RecordAction {
            item: item("B1"),
            kind: ActionKind::CommissionerCommitment,
            text: "The Commissioner agreed to report back to the Panel on the progress made to improve performance.".into(),
            owner: "The Commissioner".into(),
            due: "7 February 2023".into(),
        },
    );
    resolve(&mut s, "B1", "RESOLVED that the report be notd.");
    s.run(
        &clerk(),
        Command::AmendResolution {
            item: item("B1"),
            number: 1,
            text: "RESOLVED that the report be noted.".into(),
        },
    );
    go(&mut s, "D1");
    for q in [1, 2] {
        s.run(
            &chair(),
            Command::AcceptQuestion {
                question: QuestionId(q),
            },
        );
    }
    s.run(
        &chair(),
        Command::PutQuestion {
            question: QuestionId(1),
        },
    );
    s.run(
        &clerk(),
        Command::RecordAnswer {
            question: QuestionId(1),
            summary: "The Commissioner explained his Performance and Delivery Board.".into(),
        },
    );
    s.run(
        &clerk(),
        Command::PromiseWrittenAnswer {
            question: QuestionId(2),
        },
    );
    resolve(
        &mut s,
        "D1",
        "RESOLVED that the answers provided by the Commissioner be noted.",
    );
    go(&mut s, "E1");
    resolve(&mut s, "E1", "RESOLVED that the work programme be noted.");
    s.run(&chair(), Command::CloseMeeting);
    s
}

fn all_blocks(m: &Minutes) -> Vec<&Block> {
    m.parts
        .iter()
        .flat_map(|p| &p.minutes)
        .flat_map(|m| &m.blocks)
        .collect()
}

fn resolved_lines(m: &Minutes) -> Vec<String> {
    all_blocks(m)
        .into_iter()
        .filter_map(|b| match b {
            Block::Resolved { text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_minutes_of_6_december_2022_take_the_seeds_form() {
    let s = december_meeting();
    let m = minutes::draft(&s.meeting, Some(64));
    assert_eq!(
        m.authority,
        [
            "KENT COUNTY COUNCIL",
            "KENT AND MEDWAY POLICE AND CRIME PANEL"
        ]
    );
    assert_eq!(
        m.title,
        "MINUTES of a meeting of the Kent and Medway Police and Crime Panel held in the Council Chamber, Sessions House, County Hall, Maidstone on Tuesday, 6 December 2022."
    );
    let labels: Vec<&str> = m.attendance.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(
        labels,
        ["PRESENT", "ALSO PRESENT", "IN ATTENDANCE", "APOLOGIES"]
    );
    let present = &m.attendance[0].text;
    assert!(
        present.starts_with(
            "Mr M Hill (Chairman), Mr G Sandher (Vice-Chairman), Mrs E Bolton, Cllr J Burden, Mr I Chittenden"
        ),
        "{present}"
    );
    assert!(present.ends_with(" and Cllr R Wells"), "{present}");
    assert!(!present.contains("Palmer") && !present.contains("Kup"));
    assert_eq!(
        m.attendance[1].text,
        "Mr M Scott (Kent Police and Crime Commissioner), Mr A Harper (PCC's Chief Executive) and Mr R Phillips (PCC's Chief Finance Officer)"
    );
    assert_eq!(m.attendance[3].text, "Cllr G Kup and Cllr R Palmer");

    // UNRESTRICTED then EXEMPT, numbers running on from 64 (S4:95-243 ran 52-64), exempt last.
    let headings: Vec<&str> = m.parts.iter().map(|p| p.heading.as_str()).collect();
    assert_eq!(headings, ["UNRESTRICTED ITEMS", "EXEMPT ITEMS"]);
    let numbered: Vec<(u32, &str, &str)> = m
        .parts
        .iter()
        .flat_map(|p| &p.minutes)
        .map(|m| (m.number, m.item.as_str(), m.reference.as_str()))
        .collect();
    assert_eq!(
        numbered,
        [
            (65, "3", "(Item 3)"),
            (66, "4", "(Item 4)"),
            (67, "B1", "(Item B1)"),
            (68, "D1", "(Item D1)"),
            (69, "E1", "(Item E1)"),
            (70, "A1", "(Item A1)"),
        ]
    );
    assert_eq!(m.last_number(), Some(70));
    assert_eq!(
        m.parts[1].exclusion.as_deref(),
        Some("RESOLVED that under Section 100A of the Local Government Act 1972 the press and public be excluded from the meeting for the following business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 1 of Part 1 of Schedule 12A of the Act.")
    );

    // The declaration in the sentence form of S4:98.
    assert_eq!(
        m.parts[0].minutes[0].blocks,
        [Block::Text {
            text: "Cllr Clark declared, in relation to Item B1 'Update following HMICFRS PEEL Inspection 2021/22', that he was in receipt of a Kent Police pension.".into()
        }]
    );

    assert_eq!(
        resolved_lines(&m),
        [
            "RESOLVED that the minutes of the meeting held on 27 September 2022 were an accurate record and that they be signed by the Chairman.",
            "RESOLVED that the report be noted.",
            "RESOLVED that the answers provided by the Commissioner be noted.",
            "RESOLVED that the work programme be noted.",
            "The Panel did not veto the proposed appointment of Mr Tim Smith as Chief Constable of Kent Police.",
        ]
    );

    // The hearing: guest line, named vote, arithmetic and the statute's statement.
    let hearing = &m.parts[1].minutes[0];
    let texts: Vec<String> = hearing
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text { text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts[0],
        "Mr T Smith (Temporary Chief Constable, Kent Police) was in attendance for this item."
    );
    assert!(
        texts.iter().any(|t| t.starts_with("For (13): ")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Against (5): ")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Did not vote (2): ")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(
            |t| t.starts_with("13 of 20 members voted for the veto; 3 × 13 = 39 < 2 × 20 = 40")
        ),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "The Panel has not vetoed the proposed appointment: a veto needs at least two-thirds of the persons who are members of the Panel at the time (14 of 20), and 13 voted in favour (Police Reform and Social Responsibility Act 2011, Schedule 8 paragraph 5)."), "{texts:?}");

    // Questions with the answer and the written answer to follow, numbered on across questions.
    let questions = &m.parts[0].minutes[3];
    assert!(questions.blocks.contains(&Block::Subheading {
        text: "Question 2".into()
    }));
    assert!(questions.blocks.contains(&Block::Text {
        text: "(Cllr Ashley Clark, Canterbury City Council)".into()
    }));
    assert!(questions.blocks.contains(&Block::Numbered {
        number: 2,
        text: "A written response to the question will be provided by the Commissioner following the meeting, as Cllr Palmer was not present.".into()
    }));
    // The action, in bold, under B1.
    assert!(m.parts[0].minutes[2].blocks.contains(&Block::Action {
        text: "The Commissioner agreed to report back to the Panel on the progress made to improve performance.".into()
    }));
}

#[test]
fn the_public_version_shows_the_exempt_hearing_only_as_its_heading_and_the_exclusion() {
    let s = december_meeting();
    let m = minutes::draft(&s.meeting, Some(64));
    let public = m.public();
    let md = minutes::markdown::render(&public);
    let html = minutes::html::render(&public);
    for text in [&md, &html] {
        assert!(text.contains("EXEMPT ITEMS"));
        assert!(text.contains("Chief Constable Confirmation Hearing"));
        assert!(text.contains("paragraph 1 of Part 1 of Schedule 12A"));
        assert!(!text.contains("SECRET DELIBERATION"), "exempt text leaked");
        assert!(
            !text.contains("Mr T Smith (Temporary"),
            "exempt attendance leaked"
        );
    }
    assert!(minutes::markdown::render(&m).contains("SECRET DELIBERATION"));
    // And the live public view never shows the exempt item's record.
    let view = s.view(&Actor::Public);
    assert!(view.resolutions.iter().all(|r| r.item.as_str() != "A1"));
    assert!(view.minute_taking.is_none());
    assert!(s.view(&clerk()).minute_taking.is_some());
}

#[test]
fn publishing_freezes_numbered_versions_and_is_idempotent() {
    let mut s = december_meeting();
    let first = s.run(
        &clerk(),
        Command::PublishMinutes {
            continues_from: Some(64),
        },
    );
    let [Event::MinutesPublished {
        version: 1,
        sha256,
        minutes,
        ..
    }] = first.as_slice()
    else {
        panic!("{first:?}")
    };
    assert_eq!(sha256, &minutes::sha256(minutes));
    assert_eq!(sha256.len(), 64);
    assert!(s
        .run(
            &clerk(),
            Command::PublishMinutes {
                continues_from: Some(64)
            }
        )
        .is_empty());
    para(
        &mut s,
        "E1",
        "POST MEETING NOTE: the work programme was circulated.",
    );
    let second = s.run(
        &clerk(),
        Command::PublishMinutes {
            continues_from: Some(64),
        },
    );
    assert!(matches!(
        second.as_slice(),
        [Event::MinutesPublished { version: 2, .. }]
    ));
    let versions: Vec<u32> = s
        .meeting
        .record()
        .published
        .iter()
        .map(|p| p.version)
        .collect();
    assert_eq!(versions, [1, 2]);
    assert!(
        !minutes::markdown::render(&s.meeting.record().published[0].minutes)
            .contains("POST MEETING NOTE")
    );
    assert_eq!(s.view(&Actor::Public).minutes_version, Some(2));
}

#[test]
fn resolutions_are_refused_off_the_current_item_and_minutes_by_anyone_but_chair_or_clerk() {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    let early = s.try_run(
        &clerk(),
        Command::RecordResolution {
            item: item("4"),
            text: "RESOLVED x".into(),
        },
    );
    assert!(
        matches!(early, Err(CommandError::MeetingNotOpen { .. })),
        "{early:?}"
    );
    s.run(&chair(), Command::OpenMeeting);
    go(&mut s, "4");
    let cases: Vec<(Actor, Command, CommandError)> = vec![
        (
            clerk(),
            Command::RecordResolution {
                item: item("B1"),
                text: "RESOLVED that it be noted.".into(),
            },
            CommandError::ItemNotCurrent { item: item("B1") },
        ),
        (
            member("ashley-clark"),
            Command::AddMinuteParagraph {
                item: item("4"),
                text: "x".into(),
            },
            CommandError::NotAllowed {
                who: "the chair or the clerk".into(),
                action: "write the minutes".into(),
            },
        ),
        (
            Actor::Commissioner,
            Command::RecordResolution {
                item: item("4"),
                text: "x".into(),
            },
            CommandError::NotAllowed {
                who: "the chair or the clerk".into(),
                action: "record a resolution".into(),
            },
        ),
        (
            Actor::Public,
            Command::PublishMinutes {
                continues_from: None,
            },
            CommandError::PublicCannotAct,
        ),
        (
            clerk(),
            Command::RecordResolution {
                item: item("4"),
                text: "   ".into(),
            },
            CommandError::TextRequired {
                what: "resolution".into(),
            },
        ),
        (
            clerk(),
            Command::AddMinuteParagraph {
                item: item("4"),
                text: "x".repeat(8001),
            },
            CommandError::TextTooLong {
                what: "minute paragraph".into(),
                max: 8000,
            },
        ),
        (
            clerk(),
            Command::EditMinuteParagraph {
                item: item("4"),
                number: 1,
                text: "x".into(),
            },
            CommandError::UnknownParagraph {
                item: item("4"),
                number: 1,
            },
        ),
        (
            clerk(),
            Command::AmendResolution {
                item: item("4"),
                number: 1,
                text: "x".into(),
            },
            CommandError::UnknownResolution {
                item: item("4"),
                number: 1,
            },
        ),
        (
            clerk(),
            Command::SetItemAttendance {
                item: item("Z9"),
                guests: vec![],
            },
            CommandError::UnknownItem { item: item("Z9") },
        ),
        (
            clerk(),
            Command::SetMeetingAttendance {
                also_present: vec!["x".repeat(201)],
                in_attendance: vec![],
            },
            CommandError::TextTooLong {
                what: "name".into(),
                max: 200,
            },
        ),
        (
            clerk(),
            Command::SetFirstMinuteNumber { first: 0 },
            CommandError::InvalidMinuteNumber { max: 1_000_000 },
        ),
        (
            clerk(),
            Command::PublishMinutes {
                continues_from: None,
            },
            CommandError::MinutesBeforeClose,
        ),
        (
            clerk(),
            Command::MarkActionDone { action: 9 },
            CommandError::UnknownAction { action: 9 },
        ),
    ];
    for (actor, command, expected) in cases {
        let seq = s.meeting.seq();
        assert_eq!(
            s.try_run(&actor, command.clone()),
            Err(expected),
            "{command:?}"
        );
        assert_eq!(s.meeting.seq(), seq, "a refusal wrote nothing");
    }
    // Amendable until the item is left, with the earlier wording kept.
    resolve(&mut s, "4", "RESOLVED that the minutes be signd.");
    s.run(
        &clerk(),
        Command::AmendResolution {
            item: item("4"),
            number: 1,
            text: "RESOLVED that the minutes be signed.".into(),
        },
    );
    let view = s.view(&chair());
    assert_eq!(
        view.resolutions[0].text,
        "RESOLVED that the minutes be signed."
    );
    assert_eq!(
        view.resolutions[0].amended_from,
        ["RESOLVED that the minutes be signd."]
    );
    assert!(s.view(&Actor::Public).resolutions[0]
        .amended_from
        .is_empty());
    go(&mut s, "A1");
    assert_eq!(
        s.try_run(
            &clerk(),
            Command::AmendResolution {
                item: item("4"),
                number: 1,
                text: "x".into()
            }
        ),
        Err(CommandError::ItemNotCurrent { item: item("4") })
    );
}

#[test]
fn minute_numbers_continue_from_the_previous_meeting_else_the_clerks_number_else_one() {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    assert_eq!(minutes::first_number(&s.meeting, None), 1);
    s.run(&clerk(), Command::SetFirstMinuteNumber { first: 52 });
    assert_eq!(minutes::first_number(&s.meeting, None), 52);
    assert_eq!(minutes::first_number(&s.meeting, Some(64)), 65);
}

#[test]
fn paragraphs_are_added_edited_and_removed_by_number() {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    for text in ["one", "two", "three"] {
        para(&mut s, "B1", text);
    }
    s.run(
        &clerk(),
        Command::RemoveMinuteParagraph {
            item: item("B1"),
            number: 2,
        },
    );
    s.run(
        &chair(),
        Command::EditMinuteParagraph {
            item: item("B1"),
            number: 2,
            text: "THREE".into(),
        },
    );
    assert!(
        s.try_run(
            &clerk(),
            Command::EditMinuteParagraph {
                item: item("B1"),
                number: 2,
                text: "THREE".into()
            }
        )
        .unwrap()
        .is_empty(),
        "an unchanged autosave writes nothing"
    );
    let record = s.meeting.record().item(&item("B1")).unwrap();
    assert_eq!(record.paragraphs, ["one", "THREE"]);
}

#[test]
fn markup_typed_into_the_record_is_escaped_in_every_rendering() {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    para(
        &mut s,
        "B1",
        "<script>alert(1)</script> **bold** [link](javascript:x)",
    );
    let m = minutes::draft(&s.meeting, None);
    let html = minutes::html::render(&m);
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    let md = minutes::markdown::render(&m);
    assert!(
        md.contains("\\<script\\>") && md.contains("\\*\\*bold\\*\\*") && md.contains("\\[link\\]")
    );
}
